"""Shared vocabulary of the front-matter models: literals, validated strings, base classes."""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# The scan contract's vocabularies, restated as literals: content sits beside scan in the
# pipeline and must not import it (tests/test_architecture.py). A test checks that these
# stay equal to `scan.models.Kind`, `Surface` and `Confidence`.
Kind = Literal[
    "data_model",
    "email_send",
    "notification",
    "event_tracking",
    "webhook_handler",
    "scheduled_job",
    "user_context",
    "segmentation",
    "ui_surface",
    "search_endpoint",
    "file_upload",
    "llm_call",
    "personize_call",
]
Surface = Literal["web_app", "marketing", "mobile", "notifications", "customer_success"]
SURFACES: tuple[Surface, ...] = get_args(Surface)
Confidence = Literal["high", "medium", "low"]


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regex {pattern!r}: {exc}") from exc
    return pattern


Regex = Annotated[str, AfterValidator(_compiles)]
"""A regular expression (Python syntax), checked to compile when the doc loads."""

SDK_METHODS: frozenset[str] = frozenset(
    {
        "me",
        "test",
        "memory.memorize",
        "memory.memorizeBatch",
        "memory.smartRecall",
        "memory.recall",
        "memory.smartDigest",
        "memory.search",
        "memory.upsert",
        "memory.upsertBatch",
        "ai.smartGuidelines",
        "ai.prompt",
        "collections.list",
        "collections.create",
        "collections.update",
        "collections.delete",
        "collections.history",
        "guidelines.list",
        "guidelines.create",
        "guidelines.update",
        "guidelines.delete",
        "guidelines.getStructure",
        "guidelines.getSection",
        "guidelines.history",
        "agents.list",
        "agents.get",
        "agents.run",
    }
)
"""Documented `@personize/sdk` calls, spelled as on the TS client without `client.`."""


def _known_method(name: str) -> str:
    if name not in SDK_METHODS:
        raise ValueError(f"unknown SDK method {name!r}")
    return name


SdkMethod = Annotated[str, AfterValidator(_known_method)]

Level = Literal["MUST", "SHOULD", "MAY"]
"""RFC 2119 strength: MUST is non-negotiable, SHOULD needs a stated reason to skip."""

Severity = Literal["high", "medium", "low"]

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
"""Identifier used in code: lowercase, digits, underscores."""


def unique_ids(ids: list[str], what: str) -> None:
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate {what}: {', '.join(duplicates)}")


class Strict(BaseModel):
    """Unknown keys are errors: a typo in front matter must not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule(Strict):
    """A constraint with its strength and the reason it exists (the reason is what
    lets an LLM apply the rule sensibly to a case the rule does not spell out)."""

    id: Slug
    level: Level = "MUST"
    rule: str
    reason: str


class ReferenceMeta(Strict):
    """Front matter every reference doc has. `recipes`, `channels`, `schemas` and
    `prompt_writing` name other library items; they must resolve when loading."""

    action: Slug
    title: str
    summary: str
    recipes: list[str] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    schemas: list[str] = Field(default_factory=list)
    prompt_writing: list[str] = Field(default_factory=list)
