"""The PLAN artifact: an implementation roadmap, and its markdown/JSON renderers.

A plan is sections of steps; each step says what to do, which files to create or
edit, which commands to run, and how to verify it worked, with code in the repo's
language(s). `missing_must_include` checks a rendered plan against PlanMeta.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.actions.plan.brief import PlanBrief, mermaid_text
from personize_assistant.content.models import MustInclude, PlanMeta
from personize_assistant.content.models.plan import PlanForm

CodeLanguage = Literal["ts", "py", "bash", "yaml", "json", "markdown", "text", "diff"]
_FENCE = {"ts": "ts", "py": "python", "bash": "bash", "yaml": "yaml", "json": "json",
          "markdown": "markdown", "text": "text", "diff": "diff"}


class CodeBlock(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: CodeLanguage
    code: str
    path: str | None = None
    """The file this code goes in (repo-relative), when it is a file to create or edit."""
    collapsed: bool = False
    """A whole file the reader copies rather than reads (the runtime helper): folded away
    in a `<details>` block, which GitHub and most markdown viewers render closed."""


class PlanStep(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    body: str = ""
    files: list[str] = Field(default_factory=list)
    commands: list[str] = Field(default_factory=list)
    code: list[CodeBlock] = Field(default_factory=list)
    verify: str = ""


class PlanSection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    intro: str = ""
    steps: list[PlanStep] = Field(default_factory=list)


class RateBudget(BaseModel):
    """Calls the plan spends against the plan's limits (PlanMeta.plan_limits)."""

    model_config = ConfigDict(extra="forbid")

    tier: str
    per_minute: int
    per_month: int
    calls_per_record: int
    records_per_minute: int
    daily_volume: int
    volume_known: bool = True
    """False when nobody said the volume: `daily_volume` is then the tier's sustainable ceiling."""
    pipeline_calls_per_day: int
    sync_calls_per_day: int
    monthly_calls: int
    minutes_per_run: int
    rows_per_batch: int
    batch_wait_seconds: int
    fits: bool
    suggested_tier: str | None = None

    @property
    def month_share(self) -> float:
        return self.monthly_calls / self.per_month


class PlanArtifact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    app_name: str
    languages: list[Literal["ts", "py"]]
    summary: list[str] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)
    sections: list[PlanSection]
    budget: RateBudget
    files_to_create: list[str] = Field(default_factory=list)
    brief: PlanBrief = Field(default_factory=PlanBrief)
    """What the concise plan shows; the sections above are the full plan."""

    def section(self, section_id: str) -> PlanSection | None:
        return next((s for s in self.sections if s.id == section_id), None)


def render_markdown(plan: PlanArtifact, full: bool = False) -> str:
    """The plan an engineer reads (about five pages), or with `full` every step and its code."""
    from personize_assistant.codegen.render import render

    template = "plan/full.md.j2" if full else "plan/concise.md.j2"
    text = render(template, plan=plan, anchor=_anchor, fence=_FENCE, codes=_codes, label=mermaid_text)
    return text.rstrip() + "\n"


def _codes(names: list[str]) -> str:
    return ", ".join(f"`{name}`" for name in names)


def _anchor(index: int, title: str) -> str:
    text = f"{index}. {title}".lower()
    return "".join(ch if ch.isalnum() or ch in "- " else "" for ch in text).replace(" ", "-")


def to_json(plan: PlanArtifact, full: bool = False) -> dict[str, Any]:
    data = plan.model_dump(mode="json")
    data["markdown"] = render_markdown(plan, full)
    return data


def missing_must_include(text: str, meta: PlanMeta, form: PlanForm = "full") -> list[MustInclude]:
    """The must-include items (PlanMeta) a rendered plan of this form does not cover."""
    return [item for item in meta.must_include if form in item.forms and not item.satisfied_by(text)]
