"""What to tell the user when a Claude request fails, in the API's own words.

The API answers errors as `{"type": "error", "error": {"type", "message"}}`; its
message ("model: claude-x not found", "prompt is too long") is what the user needs, so
it is kept (redacted, bounded). The SDK raises the same shape for an `error` event in the
middle of a stream, with the HTTP status of the stream (200).
"""

from __future__ import annotations

from typing import Any

from personize_assistant.redact import redact

API_MESSAGE_CHARS = 300
BUSY_TYPES = frozenset({"rate_limit_error", "overloaded_error"})
BUSY_STATUSES = frozenset({429, 529})


class IncompleteResponse(Exception):
    """The stream ended without a stop reason (connection dropped mid-answer)."""


def api_error(exc: Exception) -> tuple[int | None, str | None, str | None]:
    """(HTTP status, error type, the API's message) of an SDK exception, where known."""
    status = getattr(exc, "status_code", None)
    body: Any = getattr(exc, "body", None)
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return status, None, None
    kind, message = error.get("type"), error.get("message")
    return status, kind if isinstance(kind, str) else None, message if isinstance(message, str) else None


def is_api_error(exc: Exception) -> bool:
    """An error the API answered (with a status and its error body), not a transport failure."""
    return getattr(exc, "status_code", None) is not None


def is_rejected_key(exc: Exception) -> bool:
    status, kind, _ = api_error(exc)
    return status == 401 or kind == "authentication_error"


def api_detail(exc: Exception) -> str:
    """`404 not_found_error: model: claude-x`, bounded and redacted."""
    status, kind, message = api_error(exc)
    label = " ".join(str(p) for p in (status if status and status >= 400 else None, kind) if p)
    text = redact(message or "")
    if len(text) > API_MESSAGE_CHARS:
        text = text[:API_MESSAGE_CHARS].rstrip() + "…"
    return f"{label}: {text}" if label and text else label or text or type(exc).__name__


def describe_failure(exc: Exception, retries: int) -> str:
    """One line for the user: what failed, the API's words, what to do."""
    from anthropic import APIConnectionError, APIStatusError

    status, kind, _ = api_error(exc)
    if status in BUSY_STATUSES or kind in BUSY_TYPES:
        tried = f"; retried {retries} times" if retries and status in BUSY_STATUSES else ""
        return f"Claude is rate-limited or overloaded right now ({api_detail(exc)}{tried}); try again in a minute."
    if isinstance(exc, APIStatusError):
        return f"Claude returned an error ({api_detail(exc)}); the turn was not completed."
    if isinstance(exc, APIConnectionError):
        return f"could not reach Claude ({type(exc).__name__}); check the network and try again."
    if isinstance(exc, IncompleteResponse):
        return f"the Claude response was interrupted: {exc}; try again."
    return f"the Claude response was interrupted ({type(exc).__name__}); try again."
