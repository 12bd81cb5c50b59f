"""PROPOSE's front matter: surface areas, use cases, personas and ranking weights."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Literal

from pydantic import Field, model_validator

from personize_assistant.content.models.common import (
    SURFACES,
    Confidence,
    Kind,
    ReferenceMeta,
    Regex,
    SdkMethod,
    Slug,
    Strict,
    Surface,
    unique_ids,
)

PersonaId = Literal["developer", "product", "sales", "marketing", "cs"]


USE_CASE_PLACEHOLDERS = frozenset({"entity", "app", "channel", "task"})
"""What `before`/`after` may name: `{entity}` (client, workspace), `{app}`, `{channel}`
(email, SMS...) and `{task}` (what the code sends: "payment reminder email")."""


class UseCase(Strict):
    id: Slug
    title: str
    kinds: list[Kind] = Field(min_length=1)
    """Touchpoint kinds that make this use case relevant to a repo."""
    fits: Regex | None = None
    """Words in the code's name, file or route that make this use case fit (case-insensitive)."""
    fit_required: bool = False
    """Only propose this use case where `fits` matches: its wording assumes that kind of code."""
    sdk_chain: list[SdkMethod] = Field(min_length=1)
    """SDK calls in order, e.g. `ai.smartGuidelines`, `memory.smartDigest`, `ai.prompt`."""
    before: str
    after: str
    """Templates over USE_CASE_PLACEHOLDERS, so every app reads its own names."""

    @model_validator(mode="after")
    def _known_placeholders(self) -> UseCase:
        for text in (self.before, self.after):
            unknown = {name for _, name, _, _ in string.Formatter().parse(text) if name} - USE_CASE_PLACEHOLDERS
            if unknown:
                raise ValueError(f"use case {self.id}: unknown placeholder {{{sorted(unknown)[0]}}}")
        if self.fit_required and not self.fits:
            raise ValueError(f"use case {self.id}: fit_required needs a `fits` pattern")
        return self

    def matches(self, name_text: str) -> bool:
        """Whether the code's own name words (`fits`) say this is the right use case."""
        return bool(self.fits) and re.search(self.fits or "", name_text, re.IGNORECASE) is not None

    def fill(self, text: str, names: Mapping[str, str]) -> str:
        """`before`/`after` with the repo's names in place of the placeholders."""
        return text.format_map({name: names.get(name, name) for name in USE_CASE_PLACEHOLDERS})


class SurfaceArea(Strict):
    id: Surface
    title: str
    use_cases: list[UseCase] = Field(min_length=1)


class StoryTemplate(Strict):
    """`text` may use `{product}`, `{entity}`, `{channel}` and `{touchpoint}`."""

    id: Slug
    text: str
    surfaces: list[Surface] = Field(default_factory=list)


class Persona(Strict):
    id: PersonaId
    title: str
    stories: list[StoryTemplate] = Field(min_length=1)


def _default_confidence_weights() -> dict[Confidence, float]:
    return {"high": 1.0, "medium": 0.7, "low": 0.4}


class RankingWeights(Strict):
    """Scores that order proposals: kind weight x confidence weight, plus bonuses."""

    kind: dict[Kind, float] = Field(default_factory=dict)
    confidence: dict[Confidence, float] = Field(default_factory=_default_confidence_weights)
    priority_channel_bonus: float = 0.5
    """Added when the use case serves the channel DISCOVER named as the priority."""
    has_entity_bonus: float = 0.25
    """Added when the touchpoint is tied to a known entity (a personal recipient)."""
    default_kind_weight: float = 0.5

    def kind_weight(self, kind: str) -> float:
        return next((w for k, w in self.kind.items() if k == kind), self.default_kind_weight)


class ProposeMeta(ReferenceMeta):
    surfaces: list[SurfaceArea]
    personas: list[Persona]
    ranking: RankingWeights = Field(default_factory=RankingWeights)

    @model_validator(mode="after")
    def _complete(self) -> ProposeMeta:
        missing = set(SURFACES) - {s.id for s in self.surfaces}
        if missing:
            raise ValueError(f"surface areas missing: {', '.join(sorted(missing))}")
        unique_ids([s.id for s in self.surfaces], "surface area")
        unique_ids([u.id for u in self.use_cases()], "use case id")
        unique_ids([p.id for p in self.personas], "persona")
        return self

    def surface(self, surface: str) -> SurfaceArea:
        return next(s for s in self.surfaces if s.id == surface)

    def use_cases(self) -> list[UseCase]:
        return [u for s in self.surfaces for u in s.use_cases]

    def use_cases_for(self, kind: str) -> list[UseCase]:
        return [u for u in self.use_cases() if kind in u.kinds]
