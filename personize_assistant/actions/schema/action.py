"""SCHEMA: design Personize collections and properties from the repo's data models.

`design_schema(scan, discovery, library)` is deterministic: every decision comes from
the scan, the discovery answers and `reference/schema.md`'s front matter (extraction
rules, secret patterns, description rules, starter schemas). Secrets, ids, foreign keys
and bookkeeping columns are excluded with a reason the user sees.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.common.entities import (
    Model,
    Role,
    collect_models,
    color_for,
    icon_for,
    plural,
)
from personize_assistant.actions.common.fields import (
    Exclusion,
    display_name,
    exclusion_reason,
    system_name,
)
from personize_assistant.actions.common.product import app_name_from
from personize_assistant.actions.common.schema_decisions import SchemaDecisions
from personize_assistant.actions.common.type_map import TypeInfo, classify_type, enum_values_in
from personize_assistant.actions.propose import ProposeOptions, build_proposal
from personize_assistant.actions.schema.artifact import (
    BatchMapping,
    CollectionSpec,
    ExcludedField,
    FieldSource,
    PropertySpec,
    RecordSpec,
    SchemaArtifact,
    SkippedModel,
)
from personize_assistant.actions.schema.decide import (
    DecisionError,
    EntityModel,
    RecordChoice,
    classify,
    references,
    validate_decisions,
)
from personize_assistant.actions.schema.focus import apply_focus, use_case_focus
from personize_assistant.actions.schema.mapping import batch_mapping
from personize_assistant.actions.schema.recommend import pick_product_type, recommended_properties
from personize_assistant.actions.schema.rollups import record_rollups
from personize_assistant.actions.schema.rules import describe, extraction_rule
from personize_assistant.actions.schema.vocabulary import vocabulary
from personize_assistant.content.library import Library
from personize_assistant.content.models import ExtractionRule, PropertyDefinition, SchemaMeta
from personize_assistant.scan.models import Kind, ModelField, RepoScan
from personize_assistant.scan.secrets import is_secret_name

__all__ = ["DecisionError", "SchemaOptions", "app_name_from", "design_schema", "property_json_schema"]

PROPERTY_SCHEMA_FILE = "reference/schemas/property-definition.schema.json"


def property_json_schema(library: Library) -> dict[str, Any]:
    """The design JSON Schema for one property (shipped in the library), extended only by the
    extra keys `reference/schema.md` documents; those keys (autoSystem, update) are flags."""
    schema: dict[str, Any] = json.loads((library.root / PROPERTY_SCHEMA_FILE).read_text(encoding="utf-8"))
    for key in library.schema.meta.extra_property_keys:
        schema["properties"].setdefault(key, {"type": "boolean"})
    return schema


class SchemaOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    app_name: str | None = None
    """Prefix for collection names; defaults to the repo directory's name."""
    max_recommended: int = 6
    """Recommended AI-extracted properties added per primary collection."""
    full: bool = False
    """Show every designed collection and property, not only what the proposed use cases need."""
    decisions: SchemaDecisions | None = None
    """Expert decisions on top of the answers file's `schema:` section (they win)."""


def design_schema(scan: RepoScan, discovery: Discovery, library: Library,
                  options: SchemaOptions | None = None) -> SchemaArtifact:
    """Raises DecisionError when an expert decision names a model or field the scan lacks."""
    options = options or SchemaOptions()
    meta = library.schema.meta
    app = options.app_name or app_name_from(scan.root)
    models = collect_models(scan.by_kind(Kind.DATA_MODEL))
    decisions = _decisions(discovery, options)
    validate_decisions(decisions, models)
    designer = _Designer(meta, app, frozenset(_model_names(scan)), decisions)
    designer.build(classify(models, decisions, *designer.survey(models)), references(models))
    product_type = pick_product_type(meta, discovery, designer.entity_names())
    artifact = designer.artifact(product_type)
    artifact.decisions = None if decisions.is_empty() else decisions
    recommended_properties(artifact, library, options.max_recommended)
    artifact.full = options.full
    if not options.full:
        proposal = build_proposal(scan, discovery, library, ProposeOptions(app_name=app))
        apply_focus(artifact, use_case_focus(proposal))
    artifact.mappings = _mappings(artifact)
    return artifact


def _decisions(discovery: Discovery, options: SchemaOptions) -> SchemaDecisions:
    answered = discovery.schema_decisions or SchemaDecisions()
    return answered.merged_with(options.decisions) if options.decisions else answered


def _mappings(artifact: SchemaArtifact) -> list[BatchMapping]:
    by_entity = {c.source_entity: c for c in artifact.collections}
    mappings, unkeyed = [], []
    for collection in artifact.collections:
        owner = by_entity.get(collection.owner_entity or "")
        mapping = batch_mapping(collection, artifact.app_name, owner)
        if mapping is not None:
            mappings.append(mapping)
        elif collection.identifier_column in ("email", "websiteUrl"):
            unkeyed.append(collection.source_entity)
    if unkeyed:
        artifact.notes.append(
            f"No memorizeBatch mapping yet for {', '.join(unkeyed)}: their rows have no email or "
            "website to key Personize records by. Add the column (or join it in), then re-run."
        )
    return mappings


def _model_names(scan: RepoScan) -> list[str]:
    return [t.entity or t.symbol or "" for t in scan.by_kind(Kind.DATA_MODEL)]


_ROLE: dict[str, Role] = {"contact": "person", "company": "organization"}


class _Designer:
    """Accumulates collections, rollups and exclusions from the classified entity model."""

    def __init__(self, meta: SchemaMeta, app: str, model_names: frozenset[str],
                 decisions: SchemaDecisions) -> None:
        self.meta, self.app, self.model_names = meta, app, model_names
        self.collections: list[CollectionSpec] = []
        self.excluded: list[ExcludedField] = []
        self.skipped: list[SkippedModel] = []
        self.records: list[RecordSpec] = []
        self.skipped_excluded: list[ExcludedField] = []
        """Secrets and settings of models left out whole, listed after the collections' own."""
        self.notes: list[str] = []
        self.added = {(c.model, c.field): c.reason for c in decisions.add_properties}
        self.dropped = {(c.model, c.field): c.reason for c in decisions.drop_properties}

    def entity_names(self) -> list[str]:
        return [c.source_entity for c in self.collections]

    def artifact(self, product_type: str | None) -> SchemaArtifact:
        return SchemaArtifact(app_name=self.app, product_type=product_type,
                              collections=self.collections, excluded=self.excluded,
                              skipped_models=self.skipped, records=self.records, notes=self.notes,
                              spec_format=self.meta.spec_format)

    def survey(self, models: list[Model]) -> tuple[dict[str, str], dict[str, int]]:
        """Per model, before classification: why the designer's own checks leave it out
        (credentials, settings) and how many of its fields could become properties."""
        technical, counts = {}, {}
        for model in models:
            properties, excluded = self._properties(model)
            free_text = any(p.definition.auto_system for p in properties)
            counts[model.entity] = -1 if free_text else len(properties)
            if (reason := _skip_reason(model, properties, excluded, self.meta)) is not None:
                technical[model.entity] = reason
                # say which secrets and server settings stay out of memory, even on a skipped model
                self.skipped_excluded.extend(e for e in excluded if e.kind in ("secret", "configuration"))
        return technical, counts

    def build(self, entity_model: EntityModel, refs: dict[str, int]) -> None:
        for index, choice in enumerate(entity_model.entities):
            choice.model.role, choice.model.owner, choice.model.via = _ROLE[choice.kind], None, None
            self._add_collection(choice.model, index)
        for model in entity_model.email_records:
            self._add_collection(model, len(self.collections))
        for record in entity_model.records:
            self._add_record(record, refs.get(record.model.entity, 0))
        self._check_added(entity_model)
        self.excluded.extend(self.skipped_excluded)
        self.skipped.extend(SkippedModel(entity=o.entity, reason=o.reason, category=o.category)
                            for o in entity_model.left_out)

    def _add_collection(self, model: Model, index: int) -> None:
        properties, excluded = self._properties(model)
        self.excluded.extend(excluded)
        if not properties:
            self.skipped.append(SkippedModel(
                entity=model.entity, category="technical",
                reason="no field left after removing ids, foreign keys and bookkeeping columns"))
            return
        self.collections.append(self._collection(model, properties, index))

    def _add_record(self, choice: RecordChoice, refs: int) -> None:
        owner = next((c for c in self.collections if c.source_entity == choice.owner.entity), None)
        if owner is None:  # the owner had nothing left to sync: its records have nowhere to go
            self.skipped.append(SkippedModel(entity=choice.model.entity, category="no_owner",
                                             reason=f"its owner {choice.owner.entity} has no collection"))
            return
        rollups = record_rollups(choice, self.meta, self.app, self.model_names)
        self.excluded.extend(rollups.sensitive)
        owner.properties = _dedupe([*owner.properties, *rollups.properties])
        self.records.append(RecordSpec(
            entity=choice.model.entity, file=choice.model.touchpoint.file, owner_entity=choice.owner.entity,
            owner_field=choice.owner_field, chain=choice.chain,
            rollups=[p.system_name for p in rollups.properties], memorized=rollups.memorized, references=refs,
            decided_by="expert" if choice.decision is not None else "heuristic"))

    def _check_added(self, entity_model: EntityModel) -> None:
        """An added property must land on a collection: a record's fields roll up instead."""
        has_collection = {c.source_entity for c in self.collections}
        for model, fld in self.added:
            if model not in has_collection:
                raise DecisionError(
                    f"schema decisions: add_properties: {model}.{fld}: {model} has no collection of "
                    f"its own (it is a record or left out); choose its rollups under records, or "
                    f"declare it under entities")

    def _properties(self, model: Model) -> tuple[list[PropertySpec], list[ExcludedField]]:
        properties: list[PropertySpec] = []
        excluded: list[ExcludedField] = []
        keep_id = model.role == "record" and model.owner is None and not model.keyed_by_own_email()
        for fld in model.fields:
            info = classify_type(fld.type, model.touchpoint.framework,
                                 fld.enum_values or enum_values_in(fld.type) or None, self.model_names)
            reason = self._exclusion(model, fld, info, keep_id)
            if reason is not None:
                excluded.append(ExcludedField(entity=model.entity, field=fld.name,
                                              kind=reason.kind, reason=reason.reason))
                continue
            properties.append(self._property(model, fld, info))
        return _dedupe(properties), excluded

    def _exclusion(self, model: Model, fld: ModelField, info: TypeInfo, keep_id: bool) -> Exclusion | None:
        """Secrets always; then the expert's drop/add; then sensitive categories and the usual
        id/bookkeeping rules."""
        if is_secret_name(fld.name):
            return exclusion_reason(fld, info, self.meta, keep_id=keep_id)
        if (dropped := self.dropped.get((model.entity, fld.name))) is not None:
            return Exclusion("expert", dropped)
        if (model.entity, fld.name) in self.added:
            return None
        sensitive = vocabulary().sensitive_category(system_name(fld.name), model.entity)
        if sensitive is not None:
            return Exclusion(f"sensitive:{sensitive.category}", sensitive.reason)
        if model.end_customer_of and extraction_rule(fld, info, self.meta, model.role).auto_system:
            return Exclusion("end_customer_content", vocabulary().end_customer_content_reason.format(
                tenant=model.end_customer_of, app=self.app))
        return exclusion_reason(fld, info, self.meta, keep_id=keep_id)

    def _property(self, model: Model, fld: ModelField, info: TypeInfo) -> PropertySpec:
        rule = extraction_rule(fld, info, self.meta, model.role)
        options = fld.enum_values or enum_values_in(fld.type) or None
        label = _prefixed(model, fld.name)
        definition = PropertyDefinition.model_validate({
            "name": display_name(label),
            "systemName": system_name(label),
            "type": info.property_type,
            "description": describe(model.entity, fld, info, options, rule, self.app, model.role),
            "options": options if info.property_type in ("options", "array") and options else None,
            "tags": [system_name(model.entity), "source:database"],
            "updateSemantics": rule.update,
            "autoSystem": rule.auto_system,
        })
        source = FieldSource(entity=model.entity, field=fld.name, declared_type=fld.type,
                             file=model.touchpoint.file, line=model.touchpoint.line)
        return PropertySpec(definition=definition, source=source, rule=rule.id, facet=self._facet(model, fld, rule))

    def _facet(self, model: Model, fld: ModelField, rule: ExtractionRule) -> str | None:
        if (model.entity, fld.name) in self.added:
            return "expert"
        return "content" if rule.auto_system else vocabulary().facet_of(system_name(fld.name))

    def _collection(self, model: Model, properties: list[PropertySpec], index: int) -> CollectionSpec:
        entity_type, identifier = _entity_type(model)
        label = display_name(model.entity)
        if model.role == "person" and model.email_field() is None:
            self.notes.append(
                f"{model.entity} has no email column, so its rows cannot be keyed as Contact "
                f"records yet: join the email in from a related table in the sync script, or add it."
            )
        if model.tenant_field is not None:
            self.notes.append(
                f"{model.entity} rows belong to a tenant (via {model.tenant_field}) but are keyed by "
                f"email: the same address under two tenants becomes one Personize contact, so what one "
                f"customer's data says about that person can surface in another customer's messages. "
                f"If tenants must stay apart, give each its own Personize organization and key."
            )
        if model.role == "organization" and model.website_field() is None:
            self.notes.append(
                f"{model.entity} has no domain/website field, so Company records cannot be keyed "
                f"by website: add one, or derive it from an owner's work-email domain in the sync "
                f"script (never from free-mail addresses such as gmail.com)."
            )
        return CollectionSpec(
            collection_name=f"{self.app} {plural(label)}",
            entity_type=entity_type,
            system_entity=entity_type in ("Contact", "Company"),
            name=label,
            plural_label=plural(label),
            slug=system_name(model.entity),
            description=_collection_description(model, self.app),
            icon=icon_for(model),
            color=color_for(index),
            primary_key_field=_primary_key(model, properties),
            identifier_column=identifier,
            source_entity=model.entity,
            source_file=model.touchpoint.file,
            source_framework=model.touchpoint.framework,
            owner_entity=model.owner.entity if model.owner and not model.keyed_by_own_email() else None,
            owner_field=model.owner_field if model.owner and not model.keyed_by_own_email() else None,
            properties=properties,
        )


_SETTINGS_MODEL_MIN = 3  # django-helpdesk's Queue: an IMAP account with an email_address, not a person
_AUTH_MODELS = {"session", "user_session", "authenticator", "password_reset", "login_attempt"}
_AUTH_ACCOUNT_FIELDS = {"provider", "provider_account_id"}


def _skip_reason(model: Model, properties: list[PropertySpec], excluded: list[ExcludedField],
                 meta: SchemaMeta) -> str | None:
    """Why a whole model is left out (credential stores, auth bookkeeping), or None."""
    snake = system_name(model.entity)
    field_names = {system_name(f.name) for f in model.fields}
    secrets = [e.field for e in excluded if e.kind == "secret"]
    if is_secret_name(snake) or snake in _AUTH_MODELS or field_names >= _AUTH_ACCOUNT_FIELDS:
        return "authentication/credential storage: nothing in it describes the customer"
    if secrets and all(p.definition.type in ("date", "boolean") for p in properties):
        return f"holds credentials ({', '.join(secrets)}); the rest is expiry bookkeeping"
    settings = [e.field for e in excluded if e.kind == "configuration"]
    if len(settings) >= _SETTINGS_MODEL_MIN and model.role != "person":
        return (f"holds server or mailbox settings ({', '.join(settings[:3])}, …), "
                f"not facts about a customer")
    return None


def _prefixed(model: Model, field_name: str) -> str:
    """Record fields carry their model's name (`plan` on Subscription -> subscription_plan),
    because they land on the owner's record next to the owner's own properties. A record
    keyed by its own email (Invite) lands on a person's record too: only the key stays bare."""
    if model.role != "record":
        return field_name
    key = model.email_field() if model.keyed_by_own_email() else None
    if key is not None and key.name == field_name:
        return field_name
    prefix = system_name(model.entity)
    return field_name if system_name(field_name).startswith(prefix) else f"{prefix}_{system_name(field_name)}"


def _dedupe(properties: list[PropertySpec]) -> list[PropertySpec]:
    seen: set[str] = set()
    unique = []
    for prop in properties:
        if prop.system_name not in seen:
            seen.add(prop.system_name)
            unique.append(prop)
    return unique


def _entity_type(model: Model) -> tuple[str, str]:
    if model.role == "person" or model.keyed_by_own_email():
        return "Contact", "email"
    if model.role == "organization":
        return "Company", "websiteUrl"
    if model.owner is not None:
        return _entity_type(model.owner)
    return model.entity, "contentId"


def _primary_key(model: Model, properties: list[PropertySpec]) -> str | None:
    names = {p.system_name for p in properties}
    candidates = {
        "person": model.email_field(),
        "organization": model.website_field(),
    }
    key_field = candidates.get(model.role) or (model.email_field() if model.keyed_by_own_email() else None)
    if key_field is not None and system_name(key_field.name) in names:
        return system_name(key_field.name)
    if model.role == "record" and model.owner is None:
        return next((n for n in names if n in ("id", "pk", "uuid")), None)
    return None


def _collection_description(model: Model, app: str) -> str:
    entity = model.entity
    if model.end_customer_of:
        return (f"End customers of each {model.end_customer_of} in {app}: the people each "
                f"{model.end_customer_of} deals with through {app} ({entity} rows hang off their "
                f"{model.end_customer_of}), not {app}'s own users; keyed by email.")
    if model.role == "person" and model.email_field() is None:
        return (f"People from {app}'s {entity} table. The table has no email column, so the sync "
                f"must join one in before rows can be keyed as Contact records.")
    if model.role == "person":
        return (f"People from {app}'s {entity} table, keyed by email: profile facts synced from the "
                f"database plus what they say in free-text fields.")
    key = model.email_field()
    if model.keyed_by_own_email() and key is not None:
        return (f"{entity} rows from {app}, attached to the person each is about by its "
                f"{key.name} column, so they travel with that person's record.")
    if model.role == "organization":
        return (f"Organisations from {app}'s {entity} table, keyed by website: firmographics, plan "
                f"and account state synced from the database.")
    if model.owner is not None:
        return (f"{entity} rows from {app}, attached to the owning {model.owner.entity} "
                f"(via {model.owner_field}) so its state travels with that record.")
    return f"{entity} records from {app}, a custom entity type keyed by their id."
