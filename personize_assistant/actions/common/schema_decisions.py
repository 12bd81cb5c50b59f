"""The expert's calls on the entity model, as data: `SchemaDecisions`.

They arrive from the answers file (a `schema:` section), from the agent's `design_schema`
tool, or from a stored session; SCHEMA validates every name against the scan before it
reaches an artifact (`actions/schema/decide.py`). This module only holds their shape, so
the Discovery (which carries them from the answers file) needs no action.
"""

from __future__ import annotations

from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

EntityKind = Literal["contact", "company"]
Rollup = Literal["count", "last_at", "total", "average", "latest", "list"]
D = TypeVar("D", "EntityDecision", "RecordDecision", "LeftOutDecision")


class _Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntityDecision(_Decision):
    model: str = Field(description="A data model name from the scan, e.g. `Workspace`.")
    type: EntityKind = Field(description="contact for people, company for organisations/workspaces/teams.")


class RecordDecision(_Decision):
    model: str = Field(description="A data model name from the scan, e.g. `Order`.")
    owner: str | None = Field(default=None, description="The entity model its rows belong to; default: "
                              "the one its foreign key points at.")
    rollups: list[Rollup] | None = Field(default=None, description="Which rollups to keep on the owner; "
                                         "default: every one that applies.")
    memorize: list[str] | None = Field(default=None, description="Fields whose text is memorized as "
                                       "content about the owner; default: its free-text fields.")


class LeftOutDecision(_Decision):
    model: str
    reason: str = Field(min_length=3)


class PropertyChange(_Decision):
    model: str
    field: str
    reason: str = Field(min_length=3, description="Why, shown to the user next to the change.")


class SchemaDecisions(_Decision):
    """Which models are entities (and of what type), which are records and how they roll
    up, which are left out, and properties to add or drop, each with a reason."""

    entities: list[EntityDecision] = Field(default_factory=list)
    records: list[RecordDecision] = Field(default_factory=list)
    left_out: list[LeftOutDecision] = Field(default_factory=list)
    add_properties: list[PropertyChange] = Field(
        default_factory=list, description="Fields to keep although excluded or not shown by default "
        "(e.g. a sensitive field the product really needs).")
    drop_properties: list[PropertyChange] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.entities or self.records or self.left_out or self.add_properties
                    or self.drop_properties)

    def merged_with(self, other: SchemaDecisions) -> SchemaDecisions:
        """`other`'s call on a model replaces ours; property changes accumulate."""
        models = {*(d.model for d in other.entities), *(d.model for d in other.records),
                  *(d.model for d in other.left_out)}
        return SchemaDecisions(
            entities=[*_without(self.entities, models), *other.entities],
            records=[*_without(self.records, models), *other.records],
            left_out=[*_without(self.left_out, models), *other.left_out],
            add_properties=_changes(self.add_properties, other.add_properties),
            drop_properties=_changes(self.drop_properties, other.drop_properties),
        )


def _without(items: list[D], models: set[str]) -> list[D]:
    return [d for d in items if d.model not in models]


def _changes(mine: list[PropertyChange], theirs: list[PropertyChange]) -> list[PropertyChange]:
    named = {(c.model, c.field) for c in theirs}
    return [*(c for c in mine if (c.model, c.field) not in named), *theirs]
