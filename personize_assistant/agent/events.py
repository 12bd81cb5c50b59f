"""What a Session yields during a turn: small immutable events the UI renders.

The agent never touches the UI; the UI never reaches into the agent. These events are
the whole contract between them (plus `Session.resolve_confirmation`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.scan.models import RepoScan

ArtifactKind = Literal["discovery", "proposal", "schema", "plan", "wire", "generate", "review", "scan"]
NoticeLevel = Literal["info", "warning", "error"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoredArtifact(BaseModel):
    """An artifact built by an action during the conversation; `markdown` is redacted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    kind: ArtifactKind
    title: str
    markdown: str
    data: dict[str, Any] = Field(default_factory=dict)
    created_at: str = Field(default_factory=_now)


class Question(BaseModel):
    """One DISCOVER question put to the user; its answer is recorded in `field`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str
    field: str


@dataclass(frozen=True)
class TextDelta:
    text: str
    type: Literal["text_delta"] = "text_delta"


@dataclass(frozen=True)
class ToolStarted:
    call_id: str
    name: str
    arguments: dict[str, Any] = field(default_factory=dict)
    type: Literal["tool_started"] = "tool_started"


@dataclass(frozen=True)
class ToolFinished:
    call_id: str
    name: str
    summary: str
    artifact_id: str | None = None
    is_error: bool = False
    type: Literal["tool_finished"] = "tool_finished"


@dataclass(frozen=True)
class ArtifactReady:
    artifact: StoredArtifact
    type: Literal["artifact_ready"] = "artifact_ready"


@dataclass(frozen=True)
class QuestionsAsked:
    questions: list[Question]
    type: Literal["questions_asked"] = "questions_asked"


@dataclass(frozen=True)
class ScanReady:
    scan: RepoScan
    type: Literal["scan_ready"] = "scan_ready"


@dataclass(frozen=True)
class TurnFinished:
    stop_reason: str
    type: Literal["turn_finished"] = "turn_finished"


@dataclass(frozen=True)
class EngineNotice:
    level: NoticeLevel
    message: str
    type: Literal["engine_notice"] = "engine_notice"


@dataclass(frozen=True)
class ConfirmRequest:
    """The UI answers with `Session.resolve_confirmation(request_id, approved)`."""

    request_id: str
    question: str
    type: Literal["confirm_request"] = "confirm_request"


AgentEvent = (
    TextDelta
    | ToolStarted
    | ToolFinished
    | ArtifactReady
    | QuestionsAsked
    | ScanReady
    | TurnFinished
    | EngineNotice
    | ConfirmRequest
)


def event_to_json(event: AgentEvent) -> dict[str, Any]:
    """A JSON-able form of any event (for `ask --json` and logs); large payloads summarised."""
    if isinstance(event, ArtifactReady):
        return {"type": event.type, "artifact": event.artifact.model_dump(mode="json")}
    if isinstance(event, QuestionsAsked):
        return {"type": event.type, "questions": [q.model_dump() for q in event.questions]}
    if isinstance(event, ScanReady):
        scan = event.scan
        return {"type": event.type, "root": scan.root, "touchpoints": len(scan.touchpoints),
                "files_seen": scan.stats.files_seen}
    return {key: value for key, value in vars(event).items()}
