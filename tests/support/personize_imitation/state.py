"""The imitation's in-memory state: organisations, records, batch events, recorded requests."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from tests.support.personize_imitation.common import PLANS


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    auth_scheme: str | None

    @property
    def json(self) -> Any:
        return self.body

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "body": self.body,
            "auth_scheme": self.auth_scheme,
        }


@dataclass
class Fault:
    kind: str  # "auth" | "rate_limit" | "server_error" | "error" | "delay" | "delay_after" | "endless_pages"
    times: int | None  # None = every matching request
    path: str | None = None
    status: int = 500
    retry_after: float | None = None
    window: str = "per_minute"
    code: str = "rate_limit_exceeded"
    seconds: float = 0.0
    header_only: bool = False
    message: str = ""
    details: Any = None
    after: int = 0  # let this many matching requests through first
    method: str | None = None  # only requests with this method (None: any)

    def matches(self, path: str, method: str | None = None) -> bool:
        live = self.times is None or self.times > 0
        wanted = self.method is None or method is None or method == self.method
        return live and wanted and (self.path is None or path.startswith(self.path))

    def passes_first(self) -> bool:
        """True (and counts one) while the first `after` matching requests go through."""
        if self.after <= 0:
            return False
        self.after -= 1
        return True

    def consume(self) -> None:
        if self.times is not None:
            self.times -= 1


@dataclass
class StoredRecord:
    record_id: str
    type: str
    email: str | None = None
    website: str | None = None
    properties: dict[str, dict[str, Any]] = field(default_factory=dict)
    memories: list[dict[str, Any]] = field(default_factory=list)

    def label(self) -> str:
        return self.email or self.website or self.record_id


@dataclass
class BatchEvent:
    event_id: str
    accepted_at: float
    rows: list[dict[str, Any]]
    payload: dict[str, Any]
    status: str = "processing"
    polls: int = 0
    result: dict[str, Any] = field(default_factory=dict)


@dataclass
class Org:
    id: str
    name: str
    plan: str
    key_id: str
    user_id: str
    per_minute_override: int | None = None
    calls: deque[float] = field(default_factory=deque)
    month_calls: int = 0
    collections: dict[str, dict[str, Any]] = field(default_factory=dict)
    guidelines: dict[str, dict[str, Any]] = field(default_factory=dict)
    records: dict[str, StoredRecord] = field(default_factory=dict)
    events: dict[str, BatchEvent] = field(default_factory=dict)
    counter: int = 0

    def next_number(self) -> int:
        self.counter += 1
        return self.counter

    @property
    def per_minute(self) -> int:
        return self.per_minute_override or PLANS[self.plan][0]

    @property
    def per_month(self) -> int:
        return PLANS[self.plan][1]


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: dict[str, Any]
    params: dict[str, str]
    headers: dict[str, str] = field(default_factory=dict)
