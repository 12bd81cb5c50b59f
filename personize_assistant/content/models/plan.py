"""PLAN's front matter: sections, must-include items, phases, plan limits, pacing, the loop."""

from __future__ import annotations

import re
from typing import Literal, get_args

from pydantic import Field, model_validator

from personize_assistant.content.models.common import (
    ReferenceMeta,
    Regex,
    SdkMethod,
    Slug,
    Strict,
    unique_ids,
)

PlanSectionId = Literal[
    "data_ingestion",
    "personalization_points",
    "governance",
    "architecture",
    "phases",
    "loop_scheduling_delivery",
]
LoopStepId = Literal[
    "observe",
    "remember",
    "recall",
    "reason",
    "plan",
    "decide",
    "generate",
    "act",
    "update",
    "repeat",
]
LOOP_ORDER: tuple[LoopStepId, ...] = get_args(LoopStepId)
PlanForm = Literal["concise", "full"]
"""The plan an engineer reads first (`plan`), and every step with its code (`plan --full`)."""


class PlanSection(Strict):
    id: PlanSectionId
    title: str
    covers: str


class MustInclude(Strict):
    """Something every plan contains; `pattern` (case-insensitive regex) finds it in
    the rendered plan, which is how `plan` output is checked without an LLM."""

    id: Slug
    title: str
    pattern: Regex
    why: str
    forms: list[PlanForm] = Field(default_factory=lambda: list(get_args(PlanForm)), min_length=1)
    """The plan forms that must carry it: a detail the concise plan leaves to `--full` lists
    only `full`."""

    def satisfied_by(self, text: str) -> bool:
        return re.search(self.pattern, text, re.IGNORECASE) is not None


class Phase(Strict):
    id: Slug
    weeks: str
    """`1`, `2`, `3-4`, `ongoing`."""
    title: str
    goals: list[str] = Field(min_length=1)


class PlanLimit(Strict):
    plan: str
    per_minute: int = Field(gt=0)
    per_month: int = Field(gt=0)
    records_per_minute: int = Field(ge=0)


class BatchPacing(Strict):
    """memorizeBatch pacing: one batch request costs one API call whatever its size."""

    rows_factor: float = Field(default=0.9, gt=0, le=1)
    """rows per request = floor(per_minute x rows_factor)."""
    wait_seconds: int = Field(default=62, gt=0)
    """Pause between batch requests: a full minute window plus a margin."""
    max_rows_per_call: int = 500
    max_rows_per_call_enterprise: int = 5000
    max_chars_per_row: int = 100_000
    max_payload_mb: int = 10
    max_payload_mb_enterprise: int = 50


class LoopStep(Strict):
    id: LoopStepId
    title: str
    sdk: list[SdkMethod]
    """SDK methods that power the step (empty for pure control steps)."""
    layer: Literal["memory", "guidelines", "generation", "workspace"]


class PlanMeta(ReferenceMeta):
    sections: list[PlanSection]
    must_include: list[MustInclude] = Field(min_length=1)
    phases: list[Phase] = Field(min_length=1)
    plan_limits: list[PlanLimit] = Field(min_length=1)
    calls_per_record: int = Field(default=6, gt=0)
    """Upper end of the 4-6 API calls a personalization pipeline spends per record."""
    batch: BatchPacing = Field(default_factory=BatchPacing)
    loop: list[LoopStep]

    @model_validator(mode="after")
    def _consistent(self) -> PlanMeta:
        unique_ids([s.id for s in self.sections], "plan section")
        unique_ids([m.id for m in self.must_include], "must_include id")
        if tuple(step.id for step in self.loop) != LOOP_ORDER:
            raise ValueError(f"loop must list the 10 steps in order: {', '.join(LOOP_ORDER)}")
        for limit in self.plan_limits:
            if limit.records_per_minute != self.records_per_minute(limit.per_minute):
                raise ValueError(
                    f"plan {limit.plan}: records_per_minute should be "
                    f"floor({limit.per_minute}/{self.calls_per_record})"
                )
        return self

    def records_per_minute(self, per_minute: int) -> int:
        return per_minute // self.calls_per_record

    def rows_per_batch(self, per_minute: int, enterprise: bool = False) -> int:
        cap = (
            self.batch.max_rows_per_call_enterprise if enterprise else self.batch.max_rows_per_call
        )
        return min(cap, int(per_minute * self.batch.rows_factor))

    def limit_for(self, plan: str) -> PlanLimit | None:
        return next((p for p in self.plan_limits if p.plan.lower() == plan.lower()), None)
