"""What `check` reports: one `Violation` per broken rule, collected in a `CheckReport`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.content.models import GenerateMeta

Severity = Literal["error", "warning", "review"]
SEVERITY_ORDER: tuple[Severity, ...] = ("error", "warning", "review")


class Violation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    """Stable id, e.g. `max_chars`, `placeholder`, `possible_invention`."""
    severity: Severity
    message: str
    where: str
    """The field the problem is in (`SUBJECT`, `BODY_HTML`...) or `message` for the whole."""
    excerpt: str | None = None
    constraint: str | None = None
    """The GENERATE constraint (reference/generate.md) the rule enforces."""


class CheckReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channel: str
    variant: str | None = None
    fields: list[str]
    violations: list[Violation] = Field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for v in self.violations if v.severity == severity)

    def failed(self, strict: bool = False) -> bool:
        """Errors fail; with `strict`, warnings and review suggestions fail too."""
        return any(strict or v.severity == "error" for v in self.violations)


def constraint_severity(meta: GenerateMeta, constraint_id: str) -> Severity:
    """MUST rules are errors, SHOULD/MAY rules warnings: the strength lives in the reference doc."""
    rule = next((c for c in meta.constraints if c.id == constraint_id), None)
    return "error" if rule is None or rule.level == "MUST" else "warning"


def violation(
    meta: GenerateMeta,
    constraint_id: str,
    rule: str,
    message: str,
    where: str,
    excerpt: str | None = None,
) -> Violation:
    return Violation(
        rule=rule,
        severity=constraint_severity(meta, constraint_id),
        message=message,
        where=where,
        excerpt=_short(excerpt),
        constraint=constraint_id,
    )


def _short(text: str | None, limit: int = 60) -> str | None:
    if text is None:
        return None
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
