"""Fault injection: the switches tests flip, and the error bodies they produce."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tests.support.personize_imitation.common import PLANS, ApiError, validation_error
from tests.support.personize_imitation.records import settle
from tests.support.personize_imitation.state import Fault, Org

if TYPE_CHECKING:
    from tests.support.personize_imitation.server import PersonizeImitation


class Controls:
    """Switches tests flip to make the imitation misbehave. Thread-safe."""

    def __init__(self, imitation: PersonizeImitation) -> None:
        self._imitation = imitation
        self.restore_defaults()

    def restore_defaults(self) -> None:
        """No faults, default batch timing and evaluation score, no scripted answers."""
        self.faults: list[Fault] = []
        self.polls_to_complete = 2
        self.batch_delay_seconds = 1.0
        self.evaluation_score = 8
        self.scripted_prompts: deque[str] = deque()
        self.deprecation_headers = False  # send RFC 8594 `Deprecation`/`Sunset` as [H] says v1 does

    def fail_auth(
        self, status: int = 401, *, times: int | None = None, path: str | None = None
    ) -> None:
        """Answer 401 (or 403) to the next `times` requests (None: until cleared)."""
        self._add(Fault("auth", times, path, status=status))

    def rate_limit(
        self,
        times: int | None = 1,
        *,
        retry_after: float | None = 60,
        window: str = "per_minute",
        code: str = "rate_limit_exceeded",
        header_only: bool = False,
        path: str | None = None,
    ) -> None:
        """Answer 429 with the documented body; `retry_after=None` sends no hint at all."""
        self._add(
            Fault(
                "rate_limit",
                times,
                path,
                status=429,
                retry_after=retry_after,
                window=window,
                code=code,
                header_only=header_only,
            )
        )

    def server_error(
        self,
        times: int | None = 1,
        *,
        status: int = 500,
        retry_after: float | None = None,
        path: str | None = None,
    ) -> None:
        self._add(Fault("server_error", times, path, status=status, retry_after=retry_after))

    def error(
        self,
        status: int = 400,
        *,
        code: str = "validation_error",
        message: str = "Invalid request",
        details: Any = None,
        times: int | None = 1,
        path: str | None = None,
        after: int = 0,
        method: str | None = None,
    ) -> None:
        """Answer any documented error body, e.g. a 400 ``validation_error`` with ``details``;
        `after` lets that many matching requests succeed first (a run that fails half way)."""
        self._add(
            Fault("error", times, path, status=status, code=code, message=message, details=details,
                  after=after, method=method)
        )

    def envelope_error(
        self,
        times: int | None = 1,
        *,
        code: str = "server_error",
        message: str = "Request failed",
        path: str | None = None,
    ) -> None:
        """Answer HTTP 200 with ``success: false`` (some endpoints report failures that way)."""
        self.error(200, code=code, message=message, times=times, path=path)

    def delay(self, seconds: float, *, times: int | None = None, path: str | None = None) -> None:
        """Hold matching requests for `seconds` before answering (for client timeouts)."""
        self._add(Fault("delay", times, path, seconds=seconds))

    def delay_after(self, seconds: float, *, times: int | None = 1, path: str | None = None) -> None:
        """Process matching requests, then hold the answer for `seconds`: a client that times
        out sees no answer although the change was made (a created collection exists)."""
        self._add(Fault("delay_after", times, path, seconds=seconds))

    def endless_pages(self, *, times: int | None = None, path: str | None = None) -> None:
        """List answers always carry a fresh `nextToken` (and ignore the one sent): a server
        whose pagination never ends."""
        self._add(Fault("endless_pages", times, path))

    def clear_faults(self) -> None:
        with self._imitation.lock:
            self.faults.clear()
        self._imitation.wake_sleepers()

    def set_plan(self, plan: str, *, key: str | None = None) -> None:
        if plan not in PLANS:
            raise ValueError(f"plan must be one of {sorted(PLANS)}")
        with self._imitation.lock:
            self._imitation.org_for(key).plan = plan

    def set_rate_limit(self, per_minute: int | None, *, key: str | None = None) -> None:
        with self._imitation.lock:
            self._imitation.org_for(key).per_minute_override = per_minute

    def advance_clock(self, seconds: float) -> None:
        with self._imitation.lock:
            self._imitation.clock_offset += seconds

    def complete_batches(self) -> None:
        with self._imitation.lock:
            for org in self._imitation.orgs():
                for event in org.events.values():
                    if event.status == "processing":
                        settle(org, event, self._imitation.iso_now())

    def add_key(self, key: str, *, plan: str = "pro", org_name: str = "Second Org") -> None:
        with self._imitation.lock:
            self._imitation.add_org(key, plan=plan, org_name=org_name, seed=True)

    def script_prompt(self, *texts: str) -> None:
        """The next prompt calls answer with these raw texts (``<output>`` markers still parsed)."""
        with self._imitation.lock:
            self.scripted_prompts.extend(texts)

    def apply(self, command: Mapping[str, Any]) -> None:
        """`POST /__control` body: ``{"action": "<method name>", ...keyword arguments}``."""
        action = str(command.get("action", ""))
        allowed = {
            "fail_auth",
            "rate_limit",
            "server_error",
            "envelope_error",
            "error",
            "delay",
            "delay_after",
            "endless_pages",
            "clear_faults",
            "set_plan",
            "set_rate_limit",
            "advance_clock",
            "complete_batches",
            "add_key",
            "script_prompt",
            "reset",
        }
        if action not in allowed:
            raise validation_error(f"action must be one of {sorted(allowed)}", "action")
        kwargs = {k: v for k, v in command.items() if k not in ("action", "texts")}
        if action == "reset":
            self._imitation.reset()
        elif action == "script_prompt":
            self.script_prompt(*command.get("texts", []))
        else:
            try:
                getattr(self, action)(**kwargs)
            except (TypeError, ValueError) as exc:
                raise validation_error(str(exc), "action") from None

    def _add(self, fault: Fault) -> None:
        with self._imitation.lock:
            self.faults.append(fault)

    def take(self, kind: str, path: str, method: str | None = None) -> Fault | None:
        """The first live fault of `kind` for `path`, consumed once. Caller holds the lock."""
        for fault in self.faults:
            if fault.kind == kind and fault.matches(path, method):
                if fault.passes_first():
                    return None
                fault.consume()
                return fault
        return None


def rate_limit_error(
    limit: int,
    current: int,
    window: str,
    retry_after: float | None,
    code: str,
    header_only: bool = False,
) -> ApiError:
    per = "Per-minute" if window == "per_minute" else "Monthly"
    wait = f" Retry after {retry_after:g} seconds." if retry_after is not None else ""
    extra: dict[str, Any] = {"limit": limit, "current": current, "window": window}
    if retry_after is not None and not header_only:
        extra["retryAfterSeconds"] = retry_after
    headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
    unit = "min" if window == "per_minute" else "month"
    return ApiError(
        429, code, f"{per} limit reached ({limit}/{unit}).{wait}", extra=extra, headers=headers
    )


def fault_error(fault: Fault, org: Org, request_id: str) -> ApiError:
    if fault.kind == "auth":
        message = (
            "Invalid or revoked API key"
            if fault.status == 401
            else "This key may not perform this action"
        )
        return ApiError(fault.status, "authentication_error", message)
    if fault.kind == "rate_limit":
        return rate_limit_error(
            org.per_minute,
            org.per_minute,
            fault.window,
            fault.retry_after,
            fault.code,
            fault.header_only,
        )
    if fault.kind == "error":
        return ApiError(fault.status, fault.code, fault.message, details=fault.details)
    headers = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
    return ApiError(
        fault.status,
        "server_error",
        "Internal server error (injected)",
        extra={"requestId": request_id},
        headers=headers,
    )
