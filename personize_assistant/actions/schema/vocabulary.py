"""The entity-model vocabulary (`entity_model.yaml`), typed and loaded once.

What counts as a person, an organisation, an aggregate, a log, a technical table, a
sensitive field, and which rollups a record gets: all data, so a new word is a YAML
edit. A broken file fails loudly with the file and the problem.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from personize_assistant.actions.common.fields import words
from personize_assistant.content.frontmatter import ContentError
from personize_assistant.rulefiles import load_yaml

VOCABULARY_FILE = Path(__file__).with_name("entity_model.yaml")
Facet = Literal["identity", "profile", "lifecycle", "activity", "content"]
EntityType = Literal["contact", "company"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compiles(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        re.compile(pattern)  # a bad pattern fails at load, naming itself
    return patterns


class EntityWords(_Strict):
    contact_words: list[str]
    company_words: list[str]
    company_with_members_words: list[str]
    membership_words: list[str]
    member_table_words: list[str]


class LeftOutCategory(_Strict):
    category: str
    words: list[str]
    reason: str


class JoinRule(_Strict):
    max_own_properties: int = Field(ge=0)
    content_fields: list[str]
    reason: str

    _check = field_validator("content_fields")(_compiles)


class SensitiveCategory(_Strict):
    category: str
    reason: str
    patterns: list[str]

    models: list[str] = Field(default_factory=list)
    """When set, the patterns apply only to fields of models whose name has one of these
    words (a Subscription's `amount` is payment terms; an Order's is what was bought)."""

    _check = field_validator("patterns")(_compiles)

    def matches(self, snake: str, entity: str | None = None) -> bool:
        if self.models and not (entity and set(words(entity)) & set(self.models)):
            return False
        return any(re.search(p, snake) for p in self.patterns)


class RollupWords(_Strict):
    happened_at: list[str]
    total: list[str]
    average: list[str]
    latest: list[str]
    list: list[str]
    max_lists: int = Field(ge=0)

    _check = field_validator("happened_at", "total", "average", "latest", "list")(_compiles)


class UseCaseFacets(_Strict):
    default: list[Facet]
    by_use_case: dict[str, list[Facet]]


class EntityModelVocabulary(_Strict):
    entity_types: EntityWords
    left_out: list[LeftOutCategory]
    join: JoinRule
    no_owner_reason: str
    via_reason: str
    owner_preference: list[EntityType]
    acting_links: list[str]
    end_customer_content_reason: str

    _check = field_validator("acting_links")(_compiles)
    sensitive: list[SensitiveCategory]
    rollups: RollupWords
    facets: dict[Facet, list[str]]
    default_records_per_entity: int = Field(ge=0)
    use_case_facets: UseCaseFacets

    def facet_of(self, snake: str) -> Facet | None:
        """The first facet whose pattern matches a field's snake_case name."""
        for facet, patterns in self.facets.items():
            if any(re.search(p, snake) for p in patterns):
                return facet
        return None

    def sensitive_category(self, snake: str, entity: str | None = None) -> SensitiveCategory | None:
        """The category of a field (`entity` is its model, for categories limited to some
        models) or of a whole model (its snake_case name, no entity)."""
        return next((c for c in self.sensitive if c.matches(snake, entity)), None)


@cache
def vocabulary() -> EntityModelVocabulary:
    try:
        data = load_yaml(VOCABULARY_FILE.read_text(encoding="utf-8"))
        return EntityModelVocabulary.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError, re.error) as exc:
        raise ContentError(VOCABULARY_FILE, str(exc)) from exc


def matches_any(patterns: list[str], snake: str) -> bool:
    return any(re.search(p, snake) for p in patterns)
