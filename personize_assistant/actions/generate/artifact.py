"""The GENERATE artifact: one generation function for a touchpoint's channel, ready to save.

`render_code` gives the file itself, `render_summary` a short account for the terminal,
`render_json` both as data.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.codegen.placement import HelperFile
from personize_assistant.redact import redact

Language = Literal["ts", "py"]


class FactField(BaseModel):
    """One field of the recipient's entity, passed to the model as a fact it may use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    py_type: str
    ts_type: str


class EntityFacts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    """The entity as the user's code names it (`Client`, `User`)."""
    location: str | None = None
    """Where its definition was found (`invoices/models.py:26`), if it came from the scan."""
    fields: list[FactField]


class ChannelLimit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str
    required: bool
    markup: str
    max_chars: int | None = None
    max_words: int | None = None


class GenerateArtifact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    touchpoint_id: str
    touchpoint: str
    """`file:line symbol` of the touchpoint the function is for."""
    channel: str
    language: Language
    function_name: str
    result_type: str
    entity: EntityFacts
    path: str
    """Suggested repo-relative file for the code."""
    code: str
    limits: list[ChannelLimit] = Field(default_factory=list)
    sdk_calls: list[str] = Field(default_factory=list)
    helper_files: list[HelperFile] = Field(default_factory=list)
    """The runtime helper (and Python's client) the code imports, when the repo lacks them."""
    notes: list[str] = Field(default_factory=list)


def render_code(artifact: GenerateArtifact) -> str:
    return redact(artifact.code)


def render_summary(artifact: GenerateArtifact) -> str:
    limits = ", ".join(_limit_text(limit) for limit in artifact.limits if limit.max_chars or limit.max_words)
    lines = [
        f"{artifact.function_name}() for {artifact.touchpoint} ({artifact.channel}, "
        f"{'TypeScript' if artifact.language == 'ts' else 'Python'})",
        f"  calls: {' -> '.join(artifact.sdk_calls)}",
        f"  recipient facts: {artifact.entity.name} ({', '.join(f.name for f in artifact.entity.fields)})",
        f"  checked in code: {limits}",
        f"  save as: {artifact.path}",
        *(f"  note: {note}" for note in artifact.notes),
    ]
    return redact("\n".join(lines))


def _limit_text(limit: ChannelLimit) -> str:
    bounds = [f"{limit.max_chars} chars" if limit.max_chars else "", f"{limit.max_words} words" if limit.max_words else ""]
    return f"{limit.field} <= {' / '.join(b for b in bounds if b)}"


def render_json(artifact: GenerateArtifact) -> dict[str, Any]:
    data = artifact.model_dump(mode="json", exclude_none=True)
    data["code"] = render_code(artifact)
    return data
