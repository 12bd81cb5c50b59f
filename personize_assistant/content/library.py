"""The loaded skill library: typed documents, looked up by name."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Literal, TypeVar, cast

from personize_assistant.content.models import (
    CollectionDefinition,
    DiscoverMeta,
    GenerateMeta,
    Kind,
    PlanMeta,
    PromptWritingMeta,
    ProposeMeta,
    ReferenceMeta,
    ReviewMeta,
    SchemaMeta,
    SkillMeta,
    WireMeta,
)

Language = Literal["ts", "py"]
LANGUAGES: tuple[Language, ...] = ("ts", "py")
MetaT = TypeVar("MetaT", bound=ReferenceMeta)


@dataclass(frozen=True)
class SkillDoc:
    path: Path
    meta: SkillMeta
    body: str

    @property
    def name(self) -> str:
        return self.meta.name


@dataclass(frozen=True)
class ReferenceDoc(Generic[MetaT]):
    """`reference/<action>.md`: `.meta` is the typed front matter, `.body` the markdown."""

    path: Path
    meta: MetaT
    body: str

    @property
    def action(self) -> str:
        return self.meta.action


@dataclass(frozen=True)
class PromptWritingDoc:
    path: Path
    meta: PromptWritingMeta
    body: str


@dataclass(frozen=True)
class RecipeVariant:
    language: Language
    path: Path
    code: str


@dataclass(frozen=True)
class Recipe:
    """`recipes/<name>/recipe.md` plus its `pipeline.ts` / `pipeline.py` (see recipes/README.md)."""

    name: str
    title: str
    description: str
    variants: dict[Language, RecipeVariant]
    doc: Path
    body: str
    sdk_methods: tuple[str, ...] = ()
    env: tuple[str, ...] = ()
    kinds: tuple[Kind, ...] = ()
    """Touchpoint kinds that make the recipe relevant to a repo."""
    schedule: str | None = None
    channels: tuple[str, ...] = ()

    def code(self, language: Language) -> str | None:
        variant = self.variants.get(language)
        return variant.code if variant else None


@dataclass(frozen=True)
class Channel:
    """`channels/<name>.md` plus its delivery snippets (see channels/README.md)."""

    name: str
    title: str
    path: Path
    channel: str
    """`email`, `sms`, `slack`, `push` or `webhook`; format rules come from GENERATE."""
    provider: str
    env_vars: tuple[str, ...]
    format_rules: tuple[str, ...]
    snippets: dict[Language, RecipeVariant]
    body: str
    rate_limit: str | None = None
    npm_package: str | None = None

    def snippet(self, language: Language) -> str | None:
        variant = self.snippets.get(language)
        return variant.code if variant else None


@dataclass(frozen=True)
class StarterSchema:
    name: str
    path: Path
    collection: CollectionDefinition
    raw: dict[str, object]


@dataclass(frozen=True)
class Library:
    root: Path
    skills: dict[str, SkillDoc]
    references: dict[str, ReferenceDoc[ReferenceMeta]]
    recipes: dict[str, Recipe] = field(default_factory=dict)
    channels: dict[str, Channel] = field(default_factory=dict)
    prompt_writing: dict[str, PromptWritingDoc] = field(default_factory=dict)
    starter_schemas: dict[str, StarterSchema] = field(default_factory=dict)

    def _typed(self, action: str, meta_type: type[MetaT]) -> ReferenceDoc[MetaT]:
        doc = self.references[action]
        assert isinstance(doc.meta, meta_type)  # guaranteed by the loader
        return cast(ReferenceDoc[MetaT], doc)

    @property
    def discover(self) -> ReferenceDoc[DiscoverMeta]:
        return self._typed("discover", DiscoverMeta)

    @property
    def propose(self) -> ReferenceDoc[ProposeMeta]:
        return self._typed("propose", ProposeMeta)

    @property
    def plan(self) -> ReferenceDoc[PlanMeta]:
        return self._typed("plan", PlanMeta)

    @property
    def schema(self) -> ReferenceDoc[SchemaMeta]:
        return self._typed("schema", SchemaMeta)

    @property
    def generate(self) -> ReferenceDoc[GenerateMeta]:
        return self._typed("generate", GenerateMeta)

    @property
    def wire(self) -> ReferenceDoc[WireMeta]:
        return self._typed("wire", WireMeta)

    @property
    def review(self) -> ReferenceDoc[ReviewMeta]:
        return self._typed("review", ReviewMeta)

    def reference(self, action: str) -> ReferenceDoc[ReferenceMeta] | None:
        return self.references.get(action.lower())

    def recipes_in(self, language: Language) -> list[Recipe]:
        return [r for r in self.recipes.values() if language in r.variants]
