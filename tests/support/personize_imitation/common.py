"""Constants, the error envelope and small helpers shared by the imitation's modules."""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections.abc import Mapping
from typing import Any

DEFAULT_KEY = "sk_test_ImitationKey0001"


PREFIX = "/api/v1"


PLANS: dict[str, tuple[int, int]] = {
    "free": (60, 10_000),
    "starter": (120, 50_000),
    "pro": (300, 250_000),
    "enterprise": (1_000, 2_000_000),
}


PROPERTY_TYPES = frozenset({"text", "number", "date", "boolean", "options", "array"})


STRUCTURED_LABELS = (
    "SUBJECT",
    "BODY_HTML",
    "BODY_TEXT",
    "CHANNEL_NOTES",
    "BUTTON_LABEL",
    "BUTTON_URL",
)


_STOPWORDS = frozenset(
    {"the", "and", "for", "with", "that", "this", "what", "from", "about", "are", "was", "were"}
    | {"has", "have", "had", "you", "your", "our", "their", "they", "them", "its", "into", "over"}
    | {"any", "all", "how", "who", "why", "when", "which"}
)


class ApiError(Exception):
    """Ends a request with the documented error envelope."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        details: Any = None,
        extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"success": False, "error": self.code, "message": self.message}
        if self.details is not None:
            body["details"] = self.details
        return {**body, **self.extra}


def validation_error(message: str, *fields: str) -> ApiError:
    details = [{"field": name, "message": message} for name in fields] or None
    return ApiError(400, "validation_error", message, details=details)


def require(body: Mapping[str, Any], *names: str) -> None:
    missing = [name for name in names if body.get(name) in (None, "", [])]
    if missing:
        raise ApiError(
            400,
            "validation_error",
            f"Missing required field(s): {', '.join(missing)}",
            details=[{"field": name, "message": "is required"} for name in missing],
        )


def expect(body: Mapping[str, Any], name: str, kind: type | tuple[type, ...], label: str) -> None:
    value = body.get(name)
    if value is not None and not isinstance(value, kind):
        raise validation_error(f"must be {label}", name)


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()
    return f"{prefix}{digest[:16]}"


def system_name(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in _STOPWORDS}


def overlap_score(query: str, text: str) -> float:
    wanted = words(query)
    if not wanted:
        return 0.0
    return round(len(wanted & words(text)) / len(wanted), 3)


def token_estimate(text: str) -> int:
    return math.ceil(len(text) / 4)


def encode_token(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def decode_token(token: Any) -> int:
    try:
        kind, _, number = base64.urlsafe_b64decode(str(token).encode()).decode().partition(":")
        if kind == "offset" and number.isdigit():
            return int(number)
    except (ValueError, UnicodeDecodeError):
        pass
    raise validation_error("is not a token this server issued", "nextToken")


def normalize_domain(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0]
    return host.removeprefix("www.")


def normalize_type(value: Any, fallback: str) -> str:
    text = str(value or "").strip()
    return text[:1].upper() + text[1:] if text else fallback


def int_param(raw: Any, name: str, default: int, *, low: int = 1, high: int | None = None) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise validation_error("must be an integer", name) from None
    if value < low:
        raise validation_error(f"must be at least {low}", name)
    return min(value, high) if high else value


def first_number(body: Mapping[str, Any], *names: str, default: float) -> float:
    """The first of `names` that is present (0 counts), as a float; 400 if it is not a number."""
    for name in names:
        value = body.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise validation_error("must be a number", name)
        return float(value)
    return default
