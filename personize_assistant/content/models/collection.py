"""Collections and properties in our spec (starter schemas, reference examples, SCHEMA output)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from personize_assistant.content.models.common import unique_ids
from personize_assistant.content.models.schema import PropertyType, UpdateMode


class PropertyDefinition(BaseModel):
    """One property of a collection in our spec: the design JSON Schema's keys plus
    `autoSystem`, and `update` accepted on input (older files). `updateSemantics`
    is the one source of truth for replace vs append."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str | None = None
    name: str = Field(min_length=1, max_length=100)
    system_name: str = Field(alias="systemName", pattern=r"^[a-z][a-z0-9_]*$", max_length=50)
    type: PropertyType
    description: str = Field(min_length=20)
    extraction_hints: str | None = Field(default=None, alias="extractionHints")
    options: list[str] | None = Field(default=None, min_length=2)
    tags: list[str] | None = None
    update_semantics: UpdateMode | None = Field(default=None, alias="updateSemantics")
    auto_system: bool | None = Field(default=None, alias="autoSystem")
    update: bool | None = None

    @model_validator(mode="after")
    def _options_only_for_options(self) -> PropertyDefinition:
        if self.type == "options" and not self.options:
            raise ValueError(f"property {self.system_name}: type options needs `options`")
        return self

    @property
    def update_mode(self) -> UpdateMode:
        """`updateSemantics` wins; else the API flag (`update: false` = append-only)."""
        if self.update_semantics is not None:
            return self.update_semantics
        return "append" if self.update is False else "replace"

    def to_api(self) -> dict[str, Any]:
        """The property as `collections.create` expects it (propertyName, update bool)."""
        body: dict[str, Any] = {
            "propertyName": self.name,
            "type": self.type,
            "description": self.description,
            "autoSystem": bool(self.auto_system),
            "update": self.update_mode == "replace",
        }
        if self.options:
            body["options"] = list(self.options)
        if self.tags:
            body["tags"] = list(self.tags)
        return body


class CollectionDefinition(BaseModel):
    """A collection (entity type) with its properties: the shape of
    `reference/schemas/*.json` and of the reference-data example files."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str | None = None
    name: str
    entity_type: str = Field(alias="entityType")
    description: str
    plural_label: str | None = Field(default=None, alias="pluralLabel")
    slug: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    icon: str | None = None
    color: str | None = Field(default=None, pattern=r"^#[0-9A-Fa-f]{6}$")
    primary_key_field: str | None = Field(default=None, alias="primaryKeyField")
    identifier_column: (
        Literal["email", "websiteUrl", "phoneNumber", "postalCode", "deviceId", "contentId"] | None
    ) = Field(default=None, alias="identifierColumn")
    properties: list[PropertyDefinition] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> CollectionDefinition:
        unique_ids([p.system_name for p in self.properties], "systemName")
        names = {p.system_name for p in self.properties}
        if self.primary_key_field and self.primary_key_field not in names:
            raise ValueError(f"primaryKeyField {self.primary_key_field!r} is not a property")
        return self
