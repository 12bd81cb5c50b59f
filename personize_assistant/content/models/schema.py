"""SCHEMA's front matter: types, extraction rules, description rules, secrets, recommendations."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, model_validator

from personize_assistant.content.models.common import (
    ReferenceMeta,
    Regex,
    Slug,
    Strict,
    unique_ids,
)

PropertyType = Literal["text", "number", "date", "boolean", "options", "array"]
UpdateMode = Literal["replace", "append"]


class PropertyTypeSpec(Strict):
    id: PropertyType
    use_for: str
    example: Any


class ExtractionRule(Strict):
    """How a kind of field should be stored: whether the AI extracts it and whether
    new values replace or accumulate. Matched on the field name (regex) and/or type."""

    id: Slug
    applies_to: str
    name_patterns: list[Regex] = Field(default_factory=list)
    source_types: list[str] = Field(default_factory=list)
    """Source/ORM type names (lowercase) this rule covers, e.g. `text` for long text."""
    entity_roles: list[Literal["person", "organization", "record"]] = Field(default_factory=list)
    """Kinds of model the rule applies to (empty: every kind). `title` means a job title
    on a person and a plain label on a survey."""
    auto_system: bool
    update: UpdateMode
    reason: str

    def matches_name(self, name: str) -> bool:
        return any(re.search(p, name, re.IGNORECASE) for p in self.name_patterns)

    def applies_to_role(self, role: str) -> bool:
        return not self.entity_roles or role in self.entity_roles


class DescriptionRules(Strict):
    min_length: int = 20
    require_example: bool = True
    require_boundary: bool = True
    forbid_restating_name: bool = True
    example_markers: list[str] = Field(min_length=1)
    """Phrases that show a description carries an example (matched case-insensitively)."""
    boundary_markers: list[str] = Field(min_length=1)
    """Phrases that show a description says what is out of scope."""


class CollectionRecommendation(Strict):
    product_type: Slug
    title: str
    signals: list[str] = Field(default_factory=list)
    """Words in the product description or entity names that suggest this product type."""
    collections: list[str] = Field(min_length=1)
    starter_schemas: list[str] = Field(default_factory=list)


class SpecField(Strict):
    key: str
    label: str
    required: bool = True


class SpecFormat(Strict):
    """Ordered fields of the human-readable spec, per collection and per property."""

    collection: list[SpecField] = Field(min_length=1)
    property: list[SpecField] = Field(min_length=1)


class SchemaMeta(ReferenceMeta):
    property_types: list[PropertyTypeSpec]
    extraction_rules: list[ExtractionRule] = Field(min_length=1)
    default_rule: Slug
    """Rule applied when no name pattern or type matches."""
    description_rules: DescriptionRules
    recommendations: list[CollectionRecommendation] = Field(min_length=1)
    extra_property_keys: list[str]
    """Keys our spec allows on a property beyond the design JSON Schema; they are
    removed before validating against that schema (see reference/schema.md)."""
    spec_format: SpecFormat

    @model_validator(mode="after")
    def _consistent(self) -> SchemaMeta:
        types = {t.id for t in self.property_types}
        if types != set(PropertyType.__args__):  # type: ignore[attr-defined]
            raise ValueError("property_types must list text, number, date, boolean, options, array")
        unique_ids([r.id for r in self.extraction_rules], "extraction rule")
        if self.default_rule not in {r.id for r in self.extraction_rules}:
            raise ValueError(f"default_rule {self.default_rule!r} is not an extraction rule")
        return self

    def description_problems(self, name: str, description: str) -> list[str]:
        """What a property description lacks under `description_rules` (empty = good)."""
        rules = self.description_rules
        text = description.strip()
        lowered = f" {text.lower()} "
        problems: list[str] = []
        if len(text) < rules.min_length:
            problems.append(f"shorter than {rules.min_length} characters")
        if rules.require_example and not any(m.lower() in lowered for m in rules.example_markers):
            problems.append("gives no example (e.g. ...)")
        if rules.require_boundary and not any(m.lower() in lowered for m in rules.boundary_markers):
            problems.append("sets no boundary (what does not belong)")
        if rules.forbid_restating_name and _restates(name, text):
            problems.append("only restates the property name")
        return problems

    def rule_for(self, name: str, source_type: str | None = None) -> ExtractionRule:
        """The first rule whose name pattern matches, else one whose source type
        matches, else the default rule (rules are listed most specific first)."""
        for rule in self.extraction_rules:
            if rule.matches_name(name):
                return rule
        if source_type:
            for rule in self.extraction_rules:
                if source_type.lower() in rule.source_types:
                    return rule
        return self.rule(self.default_rule)

    def rule(self, rule_id: str) -> ExtractionRule:
        return next(r for r in self.extraction_rules if r.id == rule_id)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _FILLER}


_FILLER = {"the", "a", "an", "of", "this", "that", "is", "for", "s", "user", "users", "contact"}


def _restates(name: str, description: str) -> bool:
    """True when the description adds (almost) no words beyond the property name."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|_", " ", name)
    return len(_words(description) - _words(spaced)) < 3
