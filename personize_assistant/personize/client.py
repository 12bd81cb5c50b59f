"""A small Python client for the Personize REST API.

This file is self-contained: it needs only ``httpx`` and the standard library, so it can be
copied into any project as ``personize_client.py``.

Usage::

    from personize_client import Personize, PersonizeError

    with Personize() as client:                  # key from PERSONIZE_SECRET_KEY
        client.use_plan_limits()                 # pace requests to the plan's per-minute limit
        client.memory.memorize(content="Prefers SMS", email="ana@example.com", tags=["source:app"])
        digest = client.memory.smart_digest(email="ana@example.com", token_budget=2000)
        print(digest["compiledContext"])

``AsyncPersonize`` has the same methods as coroutines (``search_all`` is an async iterator).

Conventions
-----------
* Keyword arguments are the API's wire field names, spelled exactly as the API spells them
  (``collectionId``, ``extractMemories``, ``websiteUrl``; ``token_budget``, ``fast_mode``).
* Every method returns the response envelope's ``data``.
* Errors: ``AuthenticationError`` (no key, 401, 403), ``RateLimitError`` (429 after retries),
  ``PersonizeAPIError`` (other 4xx, 5xx after retries, ``success: false``),
  ``PersonizeConnectionError`` (unreachable or timed out after retries). All derive from
  ``PersonizeError``; messages are one line and never contain the key.
* Retries: a 429 waits ``retryAfterSeconds`` from the body, else the ``Retry-After`` header,
  else 60 s, never longer than ``max_retry_wait``. 5xx answers, timeouts and connection errors
  back off exponentially with jitter (or honour ``Retry-After`` when a 5xx carries one). At most
  ``max_retries`` retries, then the exception. Requests that change something (creating a
  collection, memorizing) are retried only when they cannot have taken effect: a 429, or a
  connection that failed before the request was sent. After a timeout or a 5xx they raise at
  once (``error.request_sent`` is True): check before sending them again.
* Client-side pacing: ``rate_limit_per_minute=N`` (or ``use_plan_limits()``) keeps at most N
  requests in any 60-second window, sleeping before a request rather than earning a 429.

Where the Personize docs disagree, this client does the following
------------------------------------------------------------------
* 429 error code: ``rate_limit_exceeded`` and ``rate_limit_error`` are both treated as rate
  limits; the HTTP status 429 alone is enough. A ``per_month`` window is not retried (waiting a
  minute cannot help).
* ``memory.recall`` calls ``POST /api/v1/recall`` (direct lookup; ``type`` required) and
  ``memory.smart_recall`` calls ``POST /api/v1/smart-recall`` (semantic search), as in the
  newer docs; the older SDK's ``recall()`` is ``smart_recall`` here.
* Base URL: ``https://agent.personize.ai`` (``PERSONIZE_BASE_URL`` overrides it). Any key
  format is accepted (``sk_live_``, ``sk_test_``, ``pz_``); the server decides.
* Responses are returned as sent: ``collections.list`` may hold ``actions[].payload`` or a plain
  list, and ``smart_recall`` may hold ``results`` or a bare list. ``search_all`` follows
  ``nextToken`` when the server sends one and otherwise ``page``/``totalPages``.
* Field spellings (``field``/``property`` in search conditions, ``full``/``deep`` modes) are
  passed through untouched: the client never rewrites a request body.
"""

# Users copy this file into projects on older Pythons, so it avoids 3.10+/3.11+ only spellings.
# ruff: noqa: UP017
from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import os
import random
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from types import TracebackType
from typing import Any, Generic, TypeVar
from urllib.parse import quote

import httpx

__all__ = [
    "AsyncPersonize",
    "AuthenticationError",
    "Personize",
    "PersonizeAPIError",
    "PersonizeConnectionError",
    "PersonizeError",
    "RateLimitError",
    "RetryPolicy",
]

__version__ = "0.1.0"

DEFAULT_BASE_URL = "https://agent.personize.ai"
API_PREFIX = "/api/v1"
KEY_ENV = "PERSONIZE_SECRET_KEY"
BASE_URL_ENV = "PERSONIZE_BASE_URL"
FALLBACK_RATE_LIMIT_WAIT = 60.0
RATE_LIMIT_CODES = frozenset({"rate_limit_exceeded", "rate_limit_error"})
WINDOW_SECONDS = 60.0
PENDING_EVENT_STATES = frozenset(
    {"accepted", "queued", "pending", "processing", "running", "in_progress"}
)
_MAX_MESSAGE_CHARS = 300

log = logging.getLogger("personize_client")
log.addHandler(
    logging.NullHandler()
)  # a library stays quiet unless the application configures logging


# --------------------------------------------------------------------------- errors


class PersonizeError(Exception):
    """Base class of everything this client raises."""


class PersonizeConnectionError(PersonizeError):
    """Personize could not be reached, or did not answer in time, after all retries."""

    retry_after_seconds: float | None = None
    request_sent = True
    """False only when the connection failed before the request left (safe to resend)."""


class PersonizeAPIError(PersonizeError):
    """Personize answered with an error.

    ``status`` is the HTTP status (None when no request was made), ``code`` the API's ``error``
    code (e.g. ``validation_error``), ``message`` the API's own message and ``details`` its
    ``details`` field, if any.
    """

    def __init__(
        self,
        text: str,
        *,
        status: int | None = None,
        code: str | None = None,
        message: str | None = None,
        details: Any = None,
        request_id: str | None = None,
        retry_after_seconds: float | None = None,
    ) -> None:
        super().__init__(text)
        self.status = status
        self.code = code
        self.message = message if message is not None else text
        self.details = details
        self.request_id = request_id
        self.retry_after_seconds = retry_after_seconds

    @property
    def status_code(self) -> int | None:
        return self.status


class AuthenticationError(PersonizeAPIError):
    """No key was configured, or Personize rejected it (401/403)."""


class RateLimitError(PersonizeAPIError):
    """A 429 that outlasted the retries. ``retry_after_seconds`` says when to try again."""

    def __init__(
        self,
        text: str,
        *,
        limit: int | None = None,
        current: int | None = None,
        window: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(text, **kwargs)
        self.limit = limit
        self.current = current
        self.window = window


# --------------------------------------------------------------------------- plumbing


class _Secret:
    """Holds the key so that no repr, log line or traceback local ever shows it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "'[hidden]'"


_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True)
class _Call:
    """One API request, before it is sent."""

    method: str
    path: str
    params: Mapping[str, str] | None = None
    body: Mapping[str, Any] | None = None
    reads_only: bool = False
    """A POST that only reads (recall, search, prompt): resending it changes nothing."""

    @property
    def idempotent(self) -> bool:
        return self.reads_only or self.method in _IDEMPOTENT_METHODS

    def describe(self) -> str:
        return f"{self.method} {API_PREFIX}{self.path}"


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait before retrying a failed attempt (None = give up)."""

    max_retries: int = 3
    max_retry_wait: float = 120.0
    backoff_base: float = 1.0
    backoff_cap: float = 30.0

    def delay(self, error: PersonizeError, attempt: int, idempotent: bool = True) -> float | None:
        if attempt >= self.max_retries:
            return None
        if isinstance(error, RateLimitError):
            return self._rate_limit_delay(error)
        if not idempotent and not _never_sent(error):
            return None  # it may have taken effect: resending could create it twice
        if isinstance(error, PersonizeConnectionError) or _is_server_error(error):
            return self._backoff(error, attempt)
        return None

    def _rate_limit_delay(self, error: RateLimitError) -> float | None:
        if error.window == "per_month":
            return None
        wait = error.retry_after_seconds
        if wait is None:
            wait = FALLBACK_RATE_LIMIT_WAIT
        return min(max(wait, 0.0), self.max_retry_wait)

    def _backoff(self, error: PersonizeError, attempt: int) -> float:
        hinted = getattr(error, "retry_after_seconds", None)
        if hinted is not None:
            return min(max(float(hinted), 0.0), self.max_retry_wait)
        # Full exponential growth, then jitter so many clients do not retry in lock-step.
        ceiling = min(self.backoff_cap, self.backoff_base * float(2**attempt))
        return min(ceiling * random.uniform(0.5, 1.0), self.max_retry_wait)


def _never_sent(error: PersonizeError) -> bool:
    return isinstance(error, PersonizeConnectionError) and not error.request_sent


def _not_resent(error: PersonizeError, call: _Call) -> PersonizeError:
    """Say why a request that changes something was not retried."""
    sent = isinstance(error, PersonizeConnectionError) and error.request_sent
    if call.idempotent or not (sent or _is_server_error(error)):
        return error
    note = f"not retried: {call.describe()} may have taken effect; check before sending it again"
    error.args = (f"{error.args[0]} ({note})", *error.args[1:])
    return error


def _is_server_error(error: PersonizeError) -> bool:
    return isinstance(error, PersonizeAPIError) and (error.status or 0) >= 500


class _MinuteWindow:
    """At most ``per_minute`` request starts in any 60-second window.

    ``reserve()`` books the next start and returns how long to sleep before it. Booking happens
    at once (no awaiting in between), so concurrent callers queue up behind each other.
    """

    def __init__(self, per_minute: int, clock: Callable[[], float]) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._starts: deque[float] = deque()

    def reserve(self) -> float:
        now = self._clock()
        while self._starts and now - self._starts[0] >= WINDOW_SECONDS:
            self._starts.popleft()
        start = now
        if len(self._starts) >= self.per_minute:
            start = max(now, self._starts[-self.per_minute] + WINDOW_SECONDS)
        self._starts.append(start)
        return start - now

    def record(self, start: float) -> None:
        """Count a request made before pacing was switched on."""
        self._starts.appendleft(start)


def _query(**values: Any) -> dict[str, str]:
    """Query-string parameters: drops None, spells booleans as the API expects, joins lists."""
    params: dict[str, str] = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, bool):
            params[name] = "true" if value else "false"
        elif isinstance(value, (list, tuple)):
            params[name] = ",".join(str(item) for item in value)
        else:
            params[name] = str(value)
    return params


def _segment(value: str) -> str:
    if not isinstance(value, str) or not value:
        raise PersonizeError(f"expected a non-empty id string, got {value!r}")
    return quote(value, safe="")


def _one_line(text: str, key: str | None) -> str:
    if key:
        text = text.replace(key, "[REDACTED]")
    text = " ".join(text.split())
    if len(text) > _MAX_MESSAGE_CHARS:
        text = text[: _MAX_MESSAGE_CHARS - 1] + "…"
    return text


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _retry_after_header(response: httpx.Response) -> float | None:
    raw = response.headers.get("retry-after")
    if raw is None:
        return None
    seconds = _number(raw)
    if seconds is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max((when - datetime.now(timezone.utc)).total_seconds(), 0.0)


def _describe_details(details: Any, message: str) -> str:
    """`details` is free-form in the docs: render the common shapes compactly, without
    repeating what the main message already says."""
    if details in (None, "", [], {}):
        return ""
    if isinstance(details, dict):
        details = [{"field": name, "message": value} for name, value in details.items()]
    if not isinstance(details, list):
        return str(details)
    parts = [_describe_detail(item, message) for item in details]
    return "; ".join(dict.fromkeys(part for part in parts if part))


def _describe_detail(item: Any, message: str) -> str:
    if not isinstance(item, dict):
        return str(item)
    name = item.get("field") or item.get("path") or item.get("param")
    text = item.get("message") or item.get("issue")
    if text is None:
        text = json.dumps(item, sort_keys=True)
    if name and str(text) in message:
        return f"field {name}"
    return f"{name}: {text}" if name else str(text)


def _decode_json(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return None


# --------------------------------------------------------------------------- responses


class _Interpreter:
    """Turns an HTTP response into ``data`` or the matching exception."""

    def __init__(self, base_url: str, key: _Secret | None) -> None:
        self._base_url = base_url
        self._key = key
        self._warned_deprecation = False

    def data(self, response: httpx.Response, call: _Call) -> Any:
        self._note_deprecation(response)
        body = _decode_json(response)
        if response.is_success:
            return self._success(response, body, call)
        raise self.error(response, body if isinstance(body, dict) else {}, call)

    def _note_deprecation(self, response: httpx.Response) -> None:
        """The v1 API announces its retirement with RFC 8594 headers: say so once per client."""
        if self._warned_deprecation or "deprecation" not in response.headers:
            return
        self._warned_deprecation = True
        sunset = response.headers.get("sunset", "an announced date")
        log.warning("Personize marks %s as deprecated (sunset: %s)", API_PREFIX, sunset)

    def _success(self, response: httpx.Response, body: Any, call: _Call) -> Any:
        if body is None and not response.content:
            return {}
        if isinstance(body, dict):
            if body.get("success") is False:
                raise self.error(response, body, call)
            if "data" in body:
                return body["data"]
            return {name: value for name, value in body.items() if name != "success"}
        if body is None:
            raise PersonizeAPIError(
                f"Personize sent a non-JSON answer to {call.describe()} "
                f"(HTTP {response.status_code}); check PERSONIZE_BASE_URL points at the API",
                status=response.status_code,
            )
        return body

    def error(
        self, response: httpx.Response, body: Mapping[str, Any], call: _Call
    ) -> PersonizeError:
        status = response.status_code
        code = body.get("error") if isinstance(body.get("error"), str) else None
        message = self._text(body.get("message") or body.get("error") or response.reason_phrase)
        fields: dict[str, Any] = {
            "status": status,
            "code": code,
            "message": message,
            "details": body.get("details"),
            "request_id": body.get("requestId") or response.headers.get("x-request-id"),
        }
        if status in (401, 403):
            return self._auth_error(status, code, message, fields)
        if status == 429 or code in RATE_LIMIT_CODES:
            return self._rate_limit_error(response, body, message, fields)
        if status >= 500:
            return self._server_error(response, call, message, fields)
        detail = self._text(_describe_details(body.get("details"), message))
        suffix = f" [{detail}]" if detail else ""
        label = f"{status} {code}" if code else str(status)
        text = f"Personize rejected {call.describe()} ({label}): {message}{suffix}"
        return PersonizeAPIError(text, **fields)

    def _auth_error(
        self, status: int, code: str | None, message: str, fields: dict[str, Any]
    ) -> PersonizeError:
        label = f"{status} {code}" if code else str(status)
        text = (
            f"Personize rejected the key in {KEY_ENV} ({label}): {message}. "
            f"Check the key is current and meant for {self._base_url} "
            "(sk_test_ keys do not work against production)"
        )
        return AuthenticationError(text, **fields)

    def _rate_limit_error(
        self,
        response: httpx.Response,
        body: Mapping[str, Any],
        message: str,
        fields: dict[str, Any],
    ) -> PersonizeError:
        retry_after = _number(body.get("retryAfterSeconds"))
        if retry_after is None:
            retry_after = _retry_after_header(response)
        window = body.get("window") if isinstance(body.get("window"), str) else None
        limit = _number(body.get("limit"))
        current = _number(body.get("current"))
        wait = FALLBACK_RATE_LIMIT_WAIT if retry_after is None else retry_after
        scope = f"{window} limit {int(limit)}" if window and limit is not None else "rate limit"
        text = (
            f"Personize rate limit reached ({scope}): retry after {wait:g} s, or pace requests "
            f"to the plan (use_plan_limits()). {message}"
        )
        return RateLimitError(
            text,
            limit=int(limit) if limit is not None else None,
            current=int(current) if current is not None else None,
            window=window,
            **{**fields, "retry_after_seconds": retry_after},
        )

    def _server_error(
        self, response: httpx.Response, call: _Call, message: str, fields: dict[str, Any]
    ) -> PersonizeError:
        request_id = fields["request_id"]
        ref = f" (requestId {request_id})" if request_id else ""
        text = (
            f"Personize server error {response.status_code} on {call.describe()}: {message}{ref}; "
            "try again in a few minutes"
        )
        return PersonizeAPIError(
            text, **{**fields, "retry_after_seconds": _retry_after_header(response)}
        )

    def connection_error(self, exc: httpx.HTTPError, call: _Call, timeout: float) -> PersonizeError:
        if isinstance(exc, httpx.TimeoutException) and not isinstance(
            exc, (httpx.ConnectTimeout, httpx.PoolTimeout)
        ):
            text = (
                f"Personize did not answer {call.describe()} within {timeout:g} s; "
                "try again later or raise the timeout"
            )
            return PersonizeConnectionError(text)
        if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)):
            reason = self._text(str(exc)) or type(exc).__name__
            text = (
                f"Cannot connect to Personize at {self._base_url} ({reason}); "
                f"check {BASE_URL_ENV} and your network"
            )
            error = PersonizeConnectionError(text)
            error.request_sent = False  # no connection, so nothing was sent
            return error
        if isinstance(exc, httpx.TransportError):
            reason = self._text(str(exc)) or type(exc).__name__
            return PersonizeConnectionError(
                f"Connection to Personize at {self._base_url} failed during "
                f"{call.describe()} ({reason})"
            )
        return PersonizeError(f"Request to Personize failed: {self._text(str(exc))}")

    def _text(self, value: Any) -> str:
        return _one_line(str(value), self._key.reveal() if self._key else None)


def _gave_up(error: PersonizeError, attempts: int) -> PersonizeError:
    if attempts > 1:
        error.args = (f"{error.args[0]} (gave up after {attempts} attempts)", *error.args[1:])
    return error


# --------------------------------------------------------------------------- resources

_R = TypeVar("_R")


class _Resource(Generic[_R]):
    def __init__(self, send: Callable[[_Call], _R]) -> None:
        self._send = send


class CollectionsAPI(_Resource[_R]):
    """Collections: the schemas (entity types and their properties)."""

    def list(
        self,
        limit: int | None = None,
        nextToken: str | None = None,
        tags: Any = None,
        summary: bool | None = None,
    ) -> _R:
        params = _query(limit=limit, nextToken=nextToken, tags=tags, summary=summary)
        return self._send(_Call("GET", "/collections", params=params))

    def create(self, **body: Any) -> _R:
        return self._send(_Call("POST", "/collections", body=body))

    def update(self, collection_id: str, **body: Any) -> _R:
        return self._send(_Call("PATCH", f"/collections/{_segment(collection_id)}", body=body))

    def delete(self, collection_id: str) -> _R:
        return self._send(_Call("DELETE", f"/collections/{_segment(collection_id)}"))

    def history(self, collection_id: str, mode: str = "diff", limit: int | None = None) -> _R:
        params = _query(mode=mode, limit=limit)
        return self._send(
            _Call("GET", f"/collections/{_segment(collection_id)}/history", params=params)
        )


class GuidelinesAPI(_Resource[_R]):
    """Guidelines: the organisation's rules, tone and constraints (markdown)."""

    def list(
        self,
        limit: int | None = None,
        nextToken: str | None = None,
        tags: Any = None,
        summary: bool | None = None,
    ) -> _R:
        params = _query(limit=limit, nextToken=nextToken, tags=tags, summary=summary)
        return self._send(_Call("GET", "/guidelines", params=params))

    def create(self, **body: Any) -> _R:
        return self._send(_Call("POST", "/guidelines", body=body))

    def update(self, guideline_id: str, **body: Any) -> _R:
        return self._send(_Call("PATCH", f"/guidelines/{_segment(guideline_id)}", body=body))

    def delete(self, guideline_id: str) -> _R:
        return self._send(_Call("DELETE", f"/guidelines/{_segment(guideline_id)}"))


class EventsAPI(_Resource[_R]):
    """Status of asynchronous jobs such as ``memory.memorize_batch``."""

    def get(self, event_id: str) -> _R:
        return self._send(_Call("GET", f"/events/{_segment(event_id)}"))


class AIAPI(_Resource[_R]):
    def smart_guidelines(self, **payload: Any) -> _R:
        return self._send(_Call("POST", "/ai/smart-guidelines", body=payload, reads_only=True))

    def prompt(self, **payload: Any) -> _R:
        return self._send(_Call("POST", "/prompt", body=payload, reads_only=True))


class _MemoryCalls(_Resource[_R]):
    def memorize(self, **payload: Any) -> _R:
        return self._send(_Call("POST", "/memorize", body=payload))

    def memorize_batch(self, *, dry_run: bool = False, **payload: Any) -> _R:
        """Accepted asynchronously: ``data.eventId`` can be polled with ``events.get``."""
        if dry_run:
            payload["dryRun"] = True
        return self._send(_Call("POST", "/batch-memorize", body=payload))

    def smart_recall(self, **payload: Any) -> _R:
        return self._send(_Call("POST", "/smart-recall", body=payload, reads_only=True))

    def recall(self, **payload: Any) -> _R:
        return self._send(_Call("POST", "/recall", body=payload, reads_only=True))

    def smart_digest(self, **payload: Any) -> _R:
        return self._send(_Call("POST", "/smart-memory-digest", body=payload, reads_only=True))

    def search(self, **payload: Any) -> _R:
        return self._send(_Call("POST", "/search", body=payload, reads_only=True))


class _SearchPager:
    """Walks ``/search`` pages.

    Follows ``nextToken`` when the server sends one, else ``page`` up to ``totalPages``.
    """

    def __init__(self, payload: Mapping[str, Any]) -> None:
        self._payload = dict(payload)
        self._payload.setdefault("returnRecords", True)
        self._payload.setdefault("page", 1)
        self._done = False

    def next_call(self) -> _Call | None:
        return None if self._done else _Call("POST", "/search", body=dict(self._payload), reads_only=True)

    def take(self, data: Any) -> Iterator[dict[str, Any]]:
        if not isinstance(data, dict):
            self._done = True
            return iter(())
        records = self._records(data)
        self._advance(data, bool(records))
        return iter(records)

    def _records(self, data: Mapping[str, Any]) -> list[dict[str, Any]]:
        values = data.get("records") or {}
        memories = data.get("memories") or {}
        return [
            {"recordId": rid, "properties": values.get(rid, {}), "memories": memories.get(rid, [])}
            for rid in data.get("recordIds") or []
        ]

    def _advance(self, data: Mapping[str, Any], got_records: bool) -> None:
        token = data.get("nextToken")
        page = int(data.get("page") or self._payload["page"])
        if token and got_records:
            self._payload["nextToken"] = token
            self._payload["page"] = page + 1
        elif got_records and page < int(data.get("totalPages") or 0):
            self._payload.pop("nextToken", None)
            self._payload["page"] = page + 1
        else:
            self._done = True


class MemoryAPI(_MemoryCalls[Any]):
    """Memory for the blocking client."""

    def search_all(self, **payload: Any) -> Iterator[dict[str, Any]]:
        """Every matching record across pages: ``{recordId, properties, memories}``."""
        pager = _SearchPager(payload)
        while (call := pager.next_call()) is not None:
            yield from pager.take(self._send(call))


class AsyncMemoryAPI(_MemoryCalls[Awaitable[Any]]):
    """Memory for the asyncio client."""

    async def search_all(self, **payload: Any) -> AsyncIterator[dict[str, Any]]:
        """Every matching record across pages: ``{recordId, properties, memories}``."""
        pager = _SearchPager(payload)
        while (call := pager.next_call()) is not None:
            for record in pager.take(await self._send(call)):
                yield record


# --------------------------------------------------------------------------- clients


def _resolve_key(secret_key: str | None) -> _Secret | None:
    value = secret_key if secret_key is not None else os.environ.get(KEY_ENV)
    value = (value or "").strip()
    return _Secret(value) if value else None


def _resolve_base_url(base_url: str | None) -> str:
    url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise PersonizeError(f"{BASE_URL_ENV} must start with http:// or https:// (got {url!r})")
    try:
        host = httpx.URL(url).host
    except httpx.InvalidURL:
        host = ""
    if not host or any(char.isspace() for char in url):
        raise PersonizeError(f"{BASE_URL_ENV} is not a usable URL (got {url!r})")
    if url.endswith(API_PREFIX):
        url = url[: -len(API_PREFIX)]
    return url


def _event_pending(event: Any) -> bool:
    status = str(event.get("status", "")).lower() if isinstance(event, dict) else ""
    return status in PENDING_EVENT_STATES


def _event_timeout_message(event_id: str, timeout: float) -> str:
    return (
        f"Personize event {event_id} was still processing after {timeout:g} s; "
        "check it later with events.get() or confirm the records with search()"
    )


def plan_limit_per_minute(me: Any) -> int | None:
    """``me()``'s per-minute limit: ``plan.limits.maxApiCallsPerMinute`` (or ``rateLimits``)."""
    if not isinstance(me, dict):
        return None
    limits = (me.get("plan") or {}).get("limits") or me.get("rateLimits") or {}
    value = _number(limits.get("maxApiCallsPerMinute", limits.get("perMinute")))
    return int(value) if value and value > 0 else None


class _BaseClient:
    def __init__(
        self,
        secret_key: str | None,
        base_url: str | None,
        timeout: float,
        policy: RetryPolicy,
        rate_limit_per_minute: int | None,
        clock: Callable[[], float] | None,
    ) -> None:
        self._key = _resolve_key(secret_key)
        self.base_url = _resolve_base_url(base_url)
        self.timeout = float(timeout)
        self.retry_policy = policy
        self._clock = clock or time.monotonic
        self._window: _MinuteWindow | None = None
        self._interpreter = _Interpreter(self.base_url, self._key)
        self.set_rate_limit(rate_limit_per_minute)

    @property
    def has_key(self) -> bool:
        return self._key is not None

    @property
    def rate_limit_per_minute(self) -> int | None:
        return self._window.per_minute if self._window else None

    def set_rate_limit(self, per_minute: int | None) -> None:
        """Pace to at most ``per_minute`` requests per 60 s (None turns pacing off)."""
        if per_minute is not None and (not isinstance(per_minute, int) or per_minute <= 0):
            raise PersonizeError(
                f"rate_limit_per_minute must be a positive integer (got {per_minute!r})"
            )
        self._window = _MinuteWindow(per_minute, self._clock) if per_minute else None

    def _apply_plan_limits(self, me: Any, asked_at: float) -> dict[str, Any]:
        per_minute = plan_limit_per_minute(me)
        if per_minute is None:
            raise PersonizeError("me() did not report plan.limits.maxApiCallsPerMinute")
        self.set_rate_limit(per_minute)
        if self._window is not None:
            self._window.record(asked_at)  # the me() call itself counts against the limit
        limits = (me.get("plan") or {}).get("limits") or me.get("rateLimits") or {}
        return dict(limits)

    def _headers(self, call: _Call) -> dict[str, str]:
        if self._key is None:
            raise AuthenticationError(
                f"No Personize key: set {KEY_ENV} to your sk_live_… or sk_test_… key "
                f"before calling {call.describe()}"
            )
        key = self._key.reveal()
        if not key.isascii() or not key.isprintable() or any(c.isspace() for c in key):
            # Checked here, not by httpx, so the error names the variable and never the value.
            raise AuthenticationError(
                f"{KEY_ENV} holds spaces, line breaks or non-ASCII characters; copy the key again"
            )
        return {"Authorization": f"Bearer {key}"}

    def _url(self, call: _Call) -> str:
        return f"{self.base_url}{API_PREFIX}{call.path}"

    def _http_options(self) -> dict[str, Any]:
        return {
            "timeout": httpx.Timeout(self.timeout),
            "headers": {
                "Accept": "application/json",
                "User-Agent": f"personize-client-python/{__version__} httpx/{httpx.__version__}",
            },
        }

    def _log_retry(self, error: PersonizeError, delay: float, attempt: int) -> None:
        log.warning("retrying in %.1f s (attempt %d): %s", delay, attempt + 1, error)

    def __repr__(self) -> str:
        key = "set" if self._key else "missing"
        return f"{type(self).__name__}(base_url={self.base_url!r}, key={key})"


class Personize(_BaseClient):
    """Blocking client. ``Personize()`` reads ``PERSONIZE_SECRET_KEY`` and ``PERSONIZE_BASE_URL``.

    ``sleep`` and ``clock`` are injectable so tests never wait for real.
    """

    def __init__(
        self,
        secret_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        max_retry_wait: float = 120.0,
        rate_limit_per_minute: int | None = None,
        transport: httpx.BaseTransport | None = None,
        backoff_base: float = 1.0,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        policy = RetryPolicy(max_retries, max_retry_wait, backoff_base)
        super().__init__(secret_key, base_url, timeout, policy, rate_limit_per_minute, clock)
        self._sleep = sleep or time.sleep
        self._window_lock = threading.Lock()
        self._http = httpx.Client(transport=transport, **self._http_options())
        self.collections: CollectionsAPI[Any] = CollectionsAPI(self._send)
        self.guidelines: GuidelinesAPI[Any] = GuidelinesAPI(self._send)
        self.memory = MemoryAPI(self._send)
        self.ai: AIAPI[Any] = AIAPI(self._send)
        self.events: EventsAPI[Any] = EventsAPI(self._send)

    def test(self) -> Any:
        """Checks the key (no credits): ``{organizationId, userId, timestamp, ...}``."""
        return self._send(_Call("GET", "/test"))

    def me(self) -> Any:
        """Organisation, user, key, plan and ``plan.limits``."""
        return self._send(_Call("GET", "/me"))

    def use_plan_limits(self) -> dict[str, Any]:
        """Reads ``me()`` and paces requests to the plan's per-minute limit; returns the limits."""
        asked_at = self._clock()
        return self._apply_plan_limits(self.me(), asked_at)

    def wait_for_event(
        self, event_id: str, *, timeout: float = 300.0, interval: float = 10.0
    ) -> Any:
        """Polls ``events.get`` until an async job (e.g. ``memorize_batch``) leaves its pending
        states; returns the final event. Batches usually land within 1-2 minutes."""
        deadline = self._clock() + timeout
        while True:
            event = self.events.get(event_id)
            if not _event_pending(event):
                return event
            if self._clock() + interval > deadline:
                raise PersonizeError(_event_timeout_message(event_id, timeout))
            self._sleep(interval)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Personize:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _send(self, call: _Call) -> Any:
        headers = self._headers(call)
        attempt = 0
        while True:
            self._pace()
            try:
                return self._attempt(call, headers)
            except PersonizeError as error:
                delay = self.retry_policy.delay(error, attempt, call.idempotent)
                if delay is None:
                    raise _gave_up(_not_resent(error, call), attempt + 1) from None
                self._log_retry(error, delay, attempt)
                self._sleep(delay)
                attempt += 1

    def _attempt(self, call: _Call, headers: dict[str, str]) -> Any:
        try:
            response = self._http.request(
                call.method, self._url(call), params=call.params, json=call.body, headers=headers
            )
        except httpx.HTTPError as exc:
            raise self._interpreter.connection_error(exc, call, self.timeout) from None
        return self._interpreter.data(response, call)

    def _pace(self) -> None:
        if self._window is None:
            return
        with self._window_lock:
            wait = self._window.reserve()
        if wait > 0:
            self._sleep(wait)


class AsyncPersonize(_BaseClient):
    """asyncio client with the same methods as :class:`Personize`, as coroutines."""

    def __init__(
        self,
        secret_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        max_retry_wait: float = 120.0,
        rate_limit_per_minute: int | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        backoff_base: float = 1.0,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        policy = RetryPolicy(max_retries, max_retry_wait, backoff_base)
        super().__init__(secret_key, base_url, timeout, policy, rate_limit_per_minute, clock)
        self._sleep = sleep or asyncio.sleep
        self._http = httpx.AsyncClient(transport=transport, **self._http_options())
        self.collections: CollectionsAPI[Awaitable[Any]] = CollectionsAPI(self._send)
        self.guidelines: GuidelinesAPI[Awaitable[Any]] = GuidelinesAPI(self._send)
        self.memory = AsyncMemoryAPI(self._send)
        self.ai: AIAPI[Awaitable[Any]] = AIAPI(self._send)
        self.events: EventsAPI[Awaitable[Any]] = EventsAPI(self._send)

    async def test(self) -> Any:
        return await self._send(_Call("GET", "/test"))

    async def me(self) -> Any:
        return await self._send(_Call("GET", "/me"))

    async def use_plan_limits(self) -> dict[str, Any]:
        asked_at = self._clock()
        return self._apply_plan_limits(await self.me(), asked_at)

    async def wait_for_event(
        self, event_id: str, *, timeout: float = 300.0, interval: float = 10.0
    ) -> Any:
        """Async twin of :meth:`Personize.wait_for_event`."""
        deadline = self._clock() + timeout
        while True:
            event = await self.events.get(event_id)
            if not _event_pending(event):
                return event
            if self._clock() + interval > deadline:
                raise PersonizeError(_event_timeout_message(event_id, timeout))
            await self._sleep(interval)

    async def close(self) -> None:
        await self._http.aclose()

    async def aclose(self) -> None:
        await self.close()

    async def __aenter__(self) -> AsyncPersonize:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _send(self, call: _Call) -> Any:
        headers = self._headers(call)
        attempt = 0
        while True:
            await self._pace()
            try:
                return await self._attempt(call, headers)
            except PersonizeError as error:
                delay = self.retry_policy.delay(error, attempt, call.idempotent)
                if delay is None:
                    raise _gave_up(_not_resent(error, call), attempt + 1) from None
                self._log_retry(error, delay, attempt)
                await self._sleep(delay)
                attempt += 1

    async def _attempt(self, call: _Call, headers: dict[str, str]) -> Any:
        try:
            response = await self._http.request(
                call.method, self._url(call), params=call.params, json=call.body, headers=headers
            )
        except httpx.HTTPError as exc:
            raise self._interpreter.connection_error(exc, call, self.timeout) from None
        return self._interpreter.data(response, call)

    async def _pace(self) -> None:
        if self._window is None:
            return
        wait = self._window.reserve()
        if wait > 0:
            await self._sleep(wait)
