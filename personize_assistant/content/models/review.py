"""REVIEW's front matter: the eight audit areas with their code patterns."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from personize_assistant.content.models.common import (
    Kind,
    ReferenceMeta,
    Regex,
    Severity,
    Slug,
    Strict,
    unique_ids,
)

AuditAreaId = Literal[
    "data_completeness",
    "extraction_decisions",
    "recall_quality",
    "governance",
    "prompt_quality",
    "feedback_loop",
    "missing_opportunities",
    "rate_limits",
]


class AntiPattern(Strict):
    id: Slug
    pattern: Regex
    """Searched in Personize-calling code (case-sensitive, multiline)."""
    message: str
    fix: str
    severity: Severity


class AuditArea(Strict):
    id: AuditAreaId
    title: str
    question: str
    severity: Severity
    """Severity when the area is missing altogether."""
    sdk_methods: list[str] = Field(default_factory=list)
    """Calls whose presence shows the area is handled (e.g. `smartGuidelines`)."""
    look_for: list[Regex] = Field(default_factory=list)
    """Other code patterns that show the area is handled."""
    kinds: list[Kind] = Field(default_factory=list)
    """Touchpoint kinds relevant to the area."""
    anti_patterns: list[AntiPattern] = Field(default_factory=list)


class ReviewMeta(ReferenceMeta):
    areas: list[AuditArea]

    @model_validator(mode="after")
    def _complete(self) -> ReviewMeta:
        missing = set(AuditAreaId.__args__) - {a.id for a in self.areas}  # type: ignore[attr-defined]
        if missing:
            raise ValueError(f"audit areas missing: {', '.join(sorted(missing))}")
        unique_ids([a.id for a in self.areas], "audit area")
        unique_ids([p.id for a in self.areas for p in a.anti_patterns], "anti-pattern id")
        return self

    def area(self, area_id: str) -> AuditArea:
        return next(a for a in self.areas if a.id == area_id)
