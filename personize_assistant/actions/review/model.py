"""The REVIEW artifact: findings with evidence and a fix, a verdict per area, a score."""

from __future__ import annotations

import hashlib
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

FindingSeverity = Literal["info", "low", "medium", "high"]
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(get_args(FindingSeverity))}
# Points a finding costs the overall score (100 = nothing to fix).
SEVERITY_PENALTY: dict[str, int] = {"info": 0, "low": 2, "medium": 8, "high": 20}

# The eight audit areas of reference/review.md, plus the two WIRE constraints that
# decide whether an integration is safe to run at all (reference/wire.md: auth, degradation).
AreaId = Literal[
    "security",
    "resilience",
    "data_completeness",
    "extraction_decisions",
    "recall_quality",
    "governance",
    "prompt_quality",
    "feedback_loop",
    "missing_opportunities",
    "rate_limits",
]
AreaStatus = Literal["pass", "fail", "not_applicable"]
Language = Literal["typescript", "python"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Location(_Model):
    file: str
    line: int = Field(ge=1)
    symbol: str | None = None
    note: str | None = None
    """Why this place is related (`called from here`, `also sent here`)."""

    def label(self) -> str:
        return f"{self.file}:{self.line}"


class Finding(_Model):
    id: str
    """Stable across runs: rule, file and symbol, not the line (like touchpoint ids)."""
    area: AreaId
    rule: str
    severity: FindingSeverity
    file: str
    line: int = Field(ge=1)
    end_line: int = Field(ge=1)
    symbol: str | None = None
    evidence: str
    """The code at the location, one line, redacted."""
    what: str
    why: str
    fix: str
    suggestion: str | None = None
    """A short code change in the file's language."""
    language: Language | None = None
    related: list[Location] = Field(default_factory=list)

    def location(self) -> str:
        return f"{self.file}:{self.line}"


def finding_id(rule: str, file: str, symbol: str | None, discriminator: str = "") -> str:
    raw = f"{rule}\0{file}\0{symbol or ''}\0{discriminator}"
    return "rv_" + hashlib.sha1(raw.encode()).hexdigest()[:8]


class AreaSummary(_Model):
    id: AreaId
    title: str
    question: str
    status: AreaStatus
    findings: int = 0
    worst: FindingSeverity | None = None
    issues: list[str] = Field(default_factory=list)
    """What its findings are about (their rules' titles)."""
    notes: list[str] = Field(default_factory=list)
    """What was found done well, or why the area does not apply."""


class Integration(_Model):
    """What Personize usage the review found."""

    files: list[str] = Field(default_factory=list)
    calls: dict[str, int] = Field(default_factory=dict)
    """Canonical SDK method -> number of call sites."""
    languages: list[str] = Field(default_factory=list)


class ReviewArtifact(_Model):
    root: str
    integrated: bool
    integration: Integration = Field(default_factory=Integration)
    findings: list[Finding] = Field(default_factory=list)
    areas: list[AreaSummary] = Field(default_factory=list)
    score: int | None = Field(default=None, ge=0, le=100)
    """100 minus a penalty per finding by severity; None when there is no integration."""
    next_steps: list[str] = Field(default_factory=list)

    def worst(self) -> FindingSeverity | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=SEVERITY_RANK.__getitem__)

    def at_or_above(self, severity: str) -> list[Finding]:
        floor = SEVERITY_RANK[severity]
        return [f for f in self.findings if SEVERITY_RANK[f.severity] >= floor]


class ReviewOptions(_Model):
    max_related: int = Field(default=8, ge=0)
    """How many related locations a grouped finding lists."""
