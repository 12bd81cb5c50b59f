"""A record's rows summarised onto its owner: rollup properties and memorized content.

One property per rollup the record supports (`entity_model.yaml` says which columns
qualify): a count and the last time one happened, totals and averages of its numbers
and the latest value of its state replace on every sync; lists of its names or titles
append. Free text is not a property: it is memorized as content about the owner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from personize_assistant.actions.common.entities import Model, plural
from personize_assistant.actions.common.fields import (
    display_name,
    exclusion_reason,
    system_name,
    words,
)
from personize_assistant.actions.common.type_map import TypeInfo, classify_type, enum_values_in
from personize_assistant.actions.schema.artifact import (
    ExcludedField,
    PropertySpec,
    RollupKind,
    RollupSource,
)
from personize_assistant.actions.schema.decide import RecordChoice
from personize_assistant.actions.schema.rules import example_value, extraction_rule
from personize_assistant.actions.schema.vocabulary import matches_any, vocabulary
from personize_assistant.content.models import PropertyDefinition, SchemaMeta
from personize_assistant.scan.models import ModelField


@dataclass
class Rollups:
    properties: list[PropertySpec] = field(default_factory=list)
    memorized: list[str] = field(default_factory=list)
    sensitive: list[ExcludedField] = field(default_factory=list)


@dataclass(frozen=True)
class _Field:
    fld: ModelField
    info: TypeInfo
    snake: str


def record_rollups(choice: RecordChoice, meta: SchemaMeta, app: str, model_names: frozenset[str]) -> Rollups:
    """The rollup properties for `choice.owner`'s collection and the fields to memorize."""
    record = choice.model
    usable, sensitive = _usable_fields(record, meta, model_names)
    result = Rollups(sensitive=sensitive)
    wanted = set(choice.decision.rollups) if choice.decision and choice.decision.rollups is not None else None
    writer = _Writer(choice, app)
    candidates = _extension(usable, meta) if choice.extends else _candidates(usable)
    for kind, source in candidates:
        if wanted is None or kind in wanted:
            result.properties.append(writer.property(kind, source))
    chosen = choice.decision.memorize if choice.decision and choice.decision.memorize is not None else None
    written = [f.fld.name for f in usable if _written(f, meta)]
    result.memorized = chosen if chosen is not None else _memorizable(choice, written, result, app)
    return result


def _extension(usable: list[_Field], meta: SchemaMeta) -> list[tuple[RollupKind, _Field | None]]:
    """A one-to-one row's structured fields, each the owner's own value (its only row's)."""
    return [("latest", f) for f in usable if not _written(f, meta)]


def _memorizable(choice: RecordChoice, written: list[str], result: Rollups, app: str) -> list[str]:
    """Free text is memorized about its owner, except what a tenant's end customer wrote: that
    stays out unless an expert decision names it, with the reason listed."""
    tenant = choice.owner.end_customer_of
    if tenant is None:
        return written
    reason = vocabulary().end_customer_content_reason.format(tenant=tenant, app=app)
    result.sensitive += [ExcludedField(entity=choice.model.entity, field=name, kind="end_customer_content",
                                       reason=reason) for name in written]
    return []


def _written(source: _Field, meta: SchemaMeta) -> bool:
    """Free text a person wrote: the extraction rules say so, or the name does (a Markdown
    `text` column the type map does not know as long text)."""
    if extraction_rule(source.fld, source.info, meta, "record").auto_system:
        return True
    return source.info.property_type == "text" and matches_any(vocabulary().join.content_fields, source.snake)


def _usable_fields(record: Model, meta: SchemaMeta, model_names: frozenset[str]) -> tuple[list[_Field], list[ExcludedField]]:
    vocab = vocabulary()
    usable, sensitive = [], []
    for fld in record.fields:
        snake = system_name(fld.name)
        info = classify_type(fld.type, record.touchpoint.framework,
                             fld.enum_values or enum_values_in(fld.type) or None, model_names)
        category = vocab.sensitive_category(snake, record.entity)
        if category is not None:
            sensitive.append(ExcludedField(entity=record.entity, field=fld.name,
                                           kind=f"sensitive:{category.category}", reason=category.reason))
        elif exclusion_reason(fld, info, meta) is None or _is_happened_at(snake, info):
            usable.append(_Field(fld, info, snake))
    return usable, sensitive


def _is_happened_at(snake: str, info: TypeInfo) -> bool:
    return info.property_type == "date" and matches_any(vocabulary().rollups.happened_at, snake)


def _candidates(usable: list[_Field]) -> list[tuple[RollupKind, _Field | None]]:
    words_ = vocabulary().rollups
    found: list[tuple[RollupKind, _Field | None]] = [("count", None)]
    happened = next((f for f in usable if _is_happened_at(f.snake, f.info)), None)
    if happened is not None:
        found.append(("last_at", happened))
    numbers = [f for f in usable if f.info.property_type == "number"]
    found += [("average", f) for f in numbers if matches_any(words_.average, f.snake)]
    found += [("total", f) for f in numbers if matches_any(words_.total, f.snake)
              and not matches_any(words_.average, f.snake)]
    found += [("latest", f) for f in usable if f.info.property_type in ("options", "text")
              and f.info.shape != "long_text" and matches_any(words_.latest, f.snake)]
    lists = [f for f in usable if f.info.property_type in ("text", "array") and f.info.shape != "long_text"
             and matches_any(words_.list, f.snake)]
    found += [("list", f) for f in lists[: words_.max_lists]]
    return found


class _Writer:
    """Names, types and descriptions of one record's rollups on its owner."""

    def __init__(self, choice: RecordChoice, app: str) -> None:
        self.choice, self.app = choice, app
        self.record = choice.model.entity
        self.prefix = system_name(self.record)
        self.owner = choice.owner.entity
        self.rows = plural(" ".join(words(self.record)))

    def property(self, kind: RollupKind, source: _Field | None) -> PropertySpec:
        name, ptype, update, description = self._shape(kind, source)
        options = _options(source) if kind == "latest" and ptype == "options" else None
        definition = PropertyDefinition.model_validate({
            "name": display_name(name), "systemName": system_name(name), "type": ptype,
            "description": description, "options": options,
            "tags": [system_name(self.owner), "source:database", f"rollup:{self.prefix}"],
            "updateSemantics": update, "autoSystem": False,
        })
        tp = self.choice.model.touchpoint
        rollup = RollupSource(record=self.record, kind=kind, field=source.fld.name if source else None,
                              owner_field=self.choice.owner_field, chain=self.choice.chain,
                              file=tp.file, line=tp.line)
        # a one-to-one row's own field serves what the same field on the owner would
        facet = vocabulary().facet_of(system_name(name)) if self.choice.extends else "activity"
        return PropertySpec(definition=definition, origin=f"rollup:{self.record}", rule=f"rollup_{kind}",
                            rollup=rollup, facet=facet)

    def _shape(self, kind: RollupKind, source: _Field | None) -> tuple[str, str, str, str]:
        app, owner, rows = self.app, self.owner, self.rows
        if source is None:
            return (f"{self.prefix}_count", "number", "replace",
                    f"How many {rows} this {owner} has in {app} (count of {self.record} rows), e.g. 12. "
                    f"Recomputed from the database on every sync rather than added to; not a number "
                    f"mentioned in conversation.")
        column = f"{self.record}.{source.fld.name}"
        human = " ".join(words(source.fld.name))
        if kind == "last_at":
            return (f"last_{self.prefix}_at", "date", "replace",
                    f"When this {owner}'s most recent {' '.join(words(self.record))} happened in {app} "
                    f"(latest {column}), as an ISO 8601 date, e.g. '2026-03-15'. Only dates recorded "
                    f"in {app}, not planned or mentioned ones.")
        if kind in ("total", "average"):
            what = "Sum" if kind == "total" else "Average"
            named = source.snake if kind in source.snake.split("_") else f"{kind}_{source.snake}"  # no total_total
            return (f"{self.prefix}_{named}", "number", "replace",
                    f"{what} of {column} over this {owner}'s {rows} in {app}, e.g. "
                    f"{example_value(source.fld.name, source.info, None)}. Recomputed on every sync; "
                    f"not estimates or targets mentioned in conversation.")
        if kind == "latest" and self.choice.extends:
            return self._own(source)
        if kind == "latest":
            options = _options(source)
            ptype = "options" if options else "text"
            example = example_value(source.fld.name, source.info, options)
            return (f"latest_{self.prefix}_{source.snake}", ptype, "replace",
                    f"The {human} of this {owner}'s most recent {' '.join(words(self.record))} in {app} "
                    f"({column}), e.g. {example}. Only the newest row's value rather than a history.")
        return (f"{self.prefix}_{plural(source.snake)}", "array", "append",
                f"The {plural(human)} of this {owner}'s {rows} in {app} ({column}), e.g. "
                f"['Quarterly planning', 'Team offsite']. Each sync appends new values; do not add "
                f"values that were only mentioned in conversation.")


    def _own(self, source: _Field) -> tuple[str, str, str, str]:
        """A one-to-one row's field as the owner's own property: `Profile.tz` is the user's tz."""
        options = _options(source)
        ptype = "options" if options else (source.info.property_type if source.info.property_type != "array" else "text")
        person_like = self.choice.model.role != "record"  # a Profile is the person; a Subscription is theirs
        name = source.snake if person_like or source.snake.startswith(self.prefix) else f"{self.prefix}_{source.snake}"
        example = example_value(source.fld.name, source.info, options)
        return (name, ptype, "replace",
                f"The {' '.join(words(source.fld.name))} of this {self.owner} in {self.app}, from their one "
                f"{self.record} row ({self.record}.{source.fld.name}), e.g. {example}. Copied from the "
                f"database on every sync; not values mentioned in conversation.")


def _options(source: _Field | None) -> list[str] | None:
    if source is None or source.info.property_type != "options":
        return None
    values = list(dict.fromkeys(source.fld.enum_values or enum_values_in(source.fld.type)))
    return values if len(values) >= 2 else None  # a one-value enum is the same on every row
