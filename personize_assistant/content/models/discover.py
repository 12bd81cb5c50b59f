"""DISCOVER's front matter: the questions to ask and the eight fields they fill."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, model_validator

from personize_assistant.content.models.common import (
    ReferenceMeta,
    Slug,
    Strict,
    unique_ids,
)

DiscoveryField = Literal[
    "product",
    "surfaces",
    "data_sources",
    "entity_types",
    "key_properties",
    "governance_needs",
    "priority_channel",
    "quick_win",
]
DISCOVERY_FIELDS: tuple[DiscoveryField, ...] = get_args(DiscoveryField)
QuestionGroupId = Literal["product", "surfaces", "data", "gap", "stack"]


class Question(Strict):
    id: Slug
    text: str
    informs: list[DiscoveryField] = Field(min_length=1)
    scan_answerable: bool
    scan_hint: str | None = None
    """How a repo scan answers (part of) this question, e.g. which touchpoint kinds."""

    @model_validator(mode="after")
    def _hint_when_answerable(self) -> Question:
        if self.scan_answerable and not self.scan_hint:
            raise ValueError(f"question {self.id}: scan_answerable needs a scan_hint")
        return self


class QuestionGroup(Strict):
    id: QuestionGroupId
    title: str
    questions: list[Question] = Field(min_length=1)


class DiscoveryFieldSpec(Strict):
    id: DiscoveryField
    description: str


class DiscoverMeta(ReferenceMeta):
    question_groups: list[QuestionGroup]
    fields: list[DiscoveryFieldSpec]
    min_known_fields: int = Field(default=6, ge=1, le=8)
    """Discovery is complete enough to PROPOSE once this many fields are known."""
    questions_per_turn: int = Field(default=3, ge=1, le=5)
    """Ask at most this many questions in one message (2-3 reads as a conversation)."""

    @model_validator(mode="after")
    def _complete(self) -> DiscoverMeta:
        unique_ids([f.id for f in self.fields], "discovery field")
        missing = set(DISCOVERY_FIELDS) - {f.id for f in self.fields}
        if missing:
            raise ValueError(f"discovery fields missing: {', '.join(sorted(missing))}")
        unique_ids([g.id for g in self.question_groups], "question group")
        unique_ids([q.id for q in self.questions()], "question id")
        return self

    def questions(self) -> list[Question]:
        return [q for group in self.question_groups for q in group.questions]

    def field(self, field_id: str) -> DiscoveryFieldSpec:
        return next(f for f in self.fields if f.id == field_id)
