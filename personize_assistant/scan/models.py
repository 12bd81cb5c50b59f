"""The scan output: the contract in shared/touchpoints.md, as pydantic models.

`RepoScan.to_contract()` produces exactly the `scan --json` object: keys that do
not apply are omitted, never null.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Kind(StrEnum):
    DATA_MODEL = "data_model"
    EMAIL_SEND = "email_send"
    NOTIFICATION = "notification"
    EVENT_TRACKING = "event_tracking"
    WEBHOOK_HANDLER = "webhook_handler"
    SCHEDULED_JOB = "scheduled_job"
    USER_CONTEXT = "user_context"
    SEGMENTATION = "segmentation"
    UI_SURFACE = "ui_surface"
    SEARCH_ENDPOINT = "search_endpoint"
    FILE_UPLOAD = "file_upload"
    LLM_CALL = "llm_call"
    PERSONIZE_CALL = "personize_call"


class Surface(StrEnum):
    WEB_APP = "web_app"
    MARKETING = "marketing"
    MOBILE = "mobile"
    NOTIFICATIONS = "notifications"
    CUSTOMER_SUCCESS = "customer_success"


Channel = Literal["email", "sms", "slack", "push", "in_app", "chat", "webhook_out", "other"]
Confidence = Literal["high", "medium", "low"]


class ModelField(BaseModel):
    """One field of a data model: name, declared type, nullability where known."""

    model_config = ConfigDict(extra="forbid")

    name: str
    type: str
    nullable: bool | None = None
    enum_values: list[str] | None = None
    """Values of an enum/choices type, where the source declares them (used by SCHEMA)."""
    is_primary_key: bool | None = None
    is_unique: bool | None = None
    target: str | None = None
    """The model a relation names where the declaration says (`ForeignKey(User)` -> the module it
    is imported from, `django.contrib.auth.models.User`; `ForeignKey("auth.User")` as written)."""


def touchpoint_id(kind: str, file: str, symbol: str | None, discriminator: str = "") -> str:
    """Stable across runs: depends on kind, file and symbol, not on the line."""
    raw = f"{kind}\0{file}\0{symbol or ''}\0{discriminator}"
    return "tp_" + hashlib.sha1(raw.encode()).hexdigest()[:8]


class Touchpoint(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Kind
    channel: Channel | None = None
    file: str
    line: int = Field(ge=1)
    end_line: int = Field(ge=1)
    symbol: str | None = None
    evidence: str
    confidence: Confidence
    surface: Surface
    provider: str | None = None
    entity: str | None = None
    fields: list[ModelField] | None = None
    framework: str | None = None
    """ORM / web framework the detection is based on (e.g. `prisma`, `django`, `express`)."""
    route: str | None = None
    """HTTP path for handlers (webhooks, search, uploads), where known."""
    schedule: str | None = None
    """Cron expression or interval for scheduled jobs, where known."""
    wraps: str | None = None
    """For a call to the repo's own helper: the id of the wrapper touchpoint it reaches."""
    language: str | None = None

    def location(self) -> str:
        return f"{self.file}:{self.line}"

    def to_contract(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_none=True)
        if self.fields is not None:
            data["fields"] = [f.model_dump(mode="json", exclude_none=True) for f in self.fields]
        return data


class Stack(BaseModel):
    model_config = ConfigDict(extra="forbid")

    languages: dict[str, int] = Field(default_factory=dict)
    frameworks: list[str] = Field(default_factory=list)
    dependencies: dict[str, str] = Field(default_factory=dict)
    package_managers: list[str] = Field(default_factory=list)


SkipReason = Literal[
    "too_large",
    "binary",
    "invalid_utf8",
    "minified",
    "unreadable",
    "symlink_loop",
    "symlink_outside",
    "syntax_error",
    "generated",
]


class SkippedFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str
    reason: SkipReason
    detail: str | None = None


class ScanStats(BaseModel):
    model_config = ConfigDict(extra="forbid")

    files_seen: int = 0
    files_parsed: int = 0
    bytes_parsed: int = 0
    seconds: float = 0.0
    cache_hits: int = 0


class RepoScan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    root: str
    stack: Stack = Field(default_factory=Stack)
    touchpoints: list[Touchpoint] = Field(default_factory=list)
    skipped: list[SkippedFile] = Field(default_factory=list)
    stats: ScanStats = Field(default_factory=ScanStats)

    def to_contract(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "stack": self.stack.model_dump(mode="json"),
            "touchpoints": [t.to_contract() for t in self.touchpoints],
            "skipped": [s.model_dump(mode="json", exclude_none=True) for s in self.skipped],
            "stats": self.stats.model_dump(mode="json"),
        }

    def by_kind(self, kind: Kind) -> list[Touchpoint]:
        return [t for t in self.touchpoints if t.kind == kind]

    def find(self, touchpoint_id: str) -> Touchpoint | None:
        return next((t for t in self.touchpoints if t.id == touchpoint_id), None)
