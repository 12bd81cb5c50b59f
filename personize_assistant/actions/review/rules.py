"""The REVIEW check registry: each check is registered with its metadata where it is defined.

`@check(id, area, severity, ...)` on a check function (in `keys.py`, `calls.py`,
`repo.py`) records the rule: its id, area, severity, title, why it matters, the fix and
a snippet per language. The ids that reference/review.md's front matter names
(`anti_patterns`) take their title, fix and severity from there; reference/review.md's
"Checks" section documents every id (a test holds both sides equal). Rule ids are
stable: CI tracks and suppresses them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from string import Template
from typing import TYPE_CHECKING, Any, TypeVar, get_args

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.review.model import AreaId, FindingSeverity
from personize_assistant.content.models.review import ReviewMeta

if TYPE_CHECKING:
    from personize_assistant.actions.review.context import ReviewContext
    from personize_assistant.actions.review.model import Finding
    from personize_assistant.actions.review.source import SdkCall


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    area: AreaId
    severity: FindingSeverity
    title: str
    why: str
    fix: str
    typescript: str | None = None
    python: str | None = None

    def suggestion(self, language: str | None, **values: str) -> str | None:
        template = self.typescript if language == "typescript" else self.python
        if template is None:
            return None
        return Template(template).safe_substitute(values).strip("\n")


CallCheck = Callable[["ReviewContext", "SdkCall"], list["Finding"]]
RepoCheck = Callable[["ReviewContext"], list["Finding"]]
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Check:
    """One registered check: its metadata and the function that runs it."""

    id: str
    area: AreaId
    severity: FindingSeverity
    why: str
    title: str | None
    fix: str | None
    typescript: str | None
    python: str | None
    run: Callable[..., list[Finding]]
    per_call: bool
    """Run once per Personize call (`run(ctx, call)`) rather than once per review (`run(ctx)`)."""

    def spec(self) -> RuleSpec:
        if self.title is None or self.fix is None:
            raise ValueError(f"check {self.id} has no title or fix (and no front-matter anti-pattern)")
        return RuleSpec(id=self.id, area=self.area, severity=self.severity, title=self.title,
                        why=self.why, fix=self.fix, typescript=self.typescript, python=self.python)


CHECKS: dict[str, Check] = {}
"""Every check by id, in registration order (the order findings are produced in)."""


def check(id: str, area: AreaId, severity: FindingSeverity, *, why: str, title: str | None = None,
          fix: str | None = None, ts: str | None = None, py: str | None = None,
          per_call: bool = False) -> Callable[[F], F]:
    """Register the decorated function as the check for rule `id`. `title` and `fix` may be
    left to reference/review.md's front matter when it names the id as an anti-pattern."""
    if area not in get_args(AreaId) or severity not in get_args(FindingSeverity):
        raise ValueError(f"check {id}: unknown area {area!r} or severity {severity!r}")

    def register(function: F) -> F:
        if id in CHECKS:
            raise ValueError(f"check {id} is registered twice")
        CHECKS[id] = Check(id, area, severity, why, title, fix, ts, py, function, per_call)
        return function

    return register


def registered_checks() -> dict[str, Check]:
    """Every check, once the modules that define them are imported."""
    # Imported for their registrations; here, not at the top, because they import this module.
    from personize_assistant.actions.review import calls, keys, repo  # noqa: F401

    return CHECKS


def rules_from_meta(meta: ReviewMeta) -> dict[str, RuleSpec]:
    """All checks by id: the front matter's anti-patterns (their wording and severity), then
    the other registered checks by area (the order SARIF lists them in)."""
    checks = registered_checks()
    rules: dict[str, RuleSpec] = {}
    for area in meta.areas:
        for pattern in area.anti_patterns:
            found = checks.get(pattern.id)
            if found is None:
                raise ValueError(f"reference/review.md anti-pattern {pattern.id} has no registered check")
            rules[pattern.id] = RuleSpec(
                id=pattern.id, area=area.id, severity=pattern.severity, title=pattern.message,
                why=found.why, fix=pattern.fix, typescript=found.typescript, python=found.python,
            )
    areas = get_args(AreaId)
    for found in sorted(checks.values(), key=lambda c: areas.index(c.area)):
        if found.id not in rules:
            rules[found.id] = found.spec()
    return rules
