"""SCHEMA: design Personize collections and properties from the repo's data models.

`design_schema(scan, discovery, library)` is deterministic: every decision comes from
the scan, the discovery answers and `reference/schema.md`'s front matter (extraction
rules, secret patterns, description rules, starter schemas). Secrets, ids, foreign keys
and bookkeeping columns are excluded with a reason the user sees.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.common.entities import (
    Model,
    collect_models,
    color_for,
    icon_for,
    plural,
)
from personize_assistant.actions.common.fields import (
    display_name,
    exclusion_reason,
    system_name,
    words,
)
from personize_assistant.actions.common.product import product_name
from personize_assistant.actions.common.type_map import TypeInfo, classify_type, enum_values_in
from personize_assistant.actions.schema.artifact import (
    BatchMapping,
    CollectionSpec,
    ExcludedField,
    FieldSource,
    PropertySpec,
    SchemaArtifact,
    SkippedModel,
)
from personize_assistant.actions.schema.mapping import batch_mapping
from personize_assistant.actions.schema.recommend import pick_product_type, recommended_properties
from personize_assistant.actions.schema.rules import describe, extraction_rule
from personize_assistant.content.library import Library
from personize_assistant.content.models import PropertyDefinition, SchemaMeta
from personize_assistant.scan.models import Kind, ModelField, RepoScan
from personize_assistant.scan.secrets import is_secret_name

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


def design_schema(scan: RepoScan, discovery: Discovery, library: Library,
                  options: SchemaOptions | None = None) -> SchemaArtifact:
    options = options or SchemaOptions()
    meta = library.schema.meta
    app = options.app_name or app_name_from(scan.root)
    designer = _Designer(meta, app, frozenset(_model_names(scan)))
    for index, model in enumerate(collect_models(scan.by_kind(Kind.DATA_MODEL))):
        designer.add(model, index)
    product_type = pick_product_type(meta, discovery, designer.entity_names())
    artifact = designer.artifact(product_type)
    recommended_properties(artifact, library, options.max_recommended)
    artifact.mappings = _mappings(artifact)
    return artifact


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


def app_name_from(root: str) -> str:
    """The product's name from its manifest or README title; the folder only when they say
    nothing (`/home/me/pulseboard-ts` -> 'Pulseboard', language suffixes dropped)."""
    found = product_name(Path(root))
    if found is not None:
        return found[0]
    stem = PurePosixPath(root.replace("\\", "/")).name or "App"
    if stem == "package":  # an unpacked `npm pack` tarball: the manifest has the real name
        stem = _npm_name(root) or stem
    parts = [w for w in words(stem) if w not in {"ts", "js", "py", "app", "web", "api", "main"}
             and not _VERSION.match(w)]  # `umami-2.10.0` (an unpacked release) -> Umami
    return " ".join(p.capitalize() for p in parts) or stem.capitalize()


_VERSION = re.compile(r"^v?\d+(\.\d+)*$")


def _npm_name(root: str) -> str:
    import json

    from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file

    text = read_repo_file(root, "package.json", MAX_REPO_FILE_BYTES)
    if isinstance(text, Refusal):
        return ""
    try:
        name = json.loads(text).get("name")
    except (ValueError, AttributeError):
        return ""
    return str(name).rsplit("/", 1)[-1] if isinstance(name, str) else ""


def _model_names(scan: RepoScan) -> list[str]:
    return [t.entity or t.symbol or "" for t in scan.by_kind(Kind.DATA_MODEL)]


class _Designer:
    """Accumulates collections and exclusions model by model."""

    def __init__(self, meta: SchemaMeta, app: str, model_names: frozenset[str]) -> None:
        self.meta, self.app, self.model_names = meta, app, model_names
        self.collections: list[CollectionSpec] = []
        self.excluded: list[ExcludedField] = []
        self.skipped: list[SkippedModel] = []
        self.notes: list[str] = []

    def entity_names(self) -> list[str]:
        return [c.source_entity for c in self.collections]

    def artifact(self, product_type: str | None) -> SchemaArtifact:
        return SchemaArtifact(app_name=self.app, product_type=product_type,
                              collections=self.collections, excluded=self.excluded,
                              skipped_models=self.skipped, notes=self.notes,
                              spec_format=self.meta.spec_format)

    def add(self, model: Model, index: int) -> None:
        properties, excluded = self._properties(model)
        self.excluded.extend(excluded)
        reason = _skip_reason(model, properties, excluded, self.meta)
        if reason is not None:
            self.skipped.append(SkippedModel(entity=model.entity, reason=reason))
        else:
            self.collections.append(self._collection(model, properties, index))

    def _properties(self, model: Model) -> tuple[list[PropertySpec], list[ExcludedField]]:
        properties: list[PropertySpec] = []
        excluded: list[ExcludedField] = []
        keep_id = model.role == "record" and model.owner is None and not model.keyed_by_own_email()
        for fld in model.fields:
            info = classify_type(fld.type, model.touchpoint.framework,
                                 fld.enum_values or enum_values_in(fld.type) or None, self.model_names)
            reason = exclusion_reason(fld, info, self.meta, keep_id=keep_id)
            if reason is not None:
                excluded.append(ExcludedField(entity=model.entity, field=fld.name,
                                              kind=reason.kind, reason=reason.reason))
                continue
            properties.append(self._property(model, fld, info))
        return _dedupe(properties), excluded

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
        return PropertySpec(definition=definition, source=source, rule=rule.id)

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
    if not properties:
        return "no field left after removing ids, foreign keys and bookkeeping columns"
    if model.role == "record" and model.owner is None and model.via is not None \
            and not model.keyed_by_own_email():
        return (f"reaches a person or organisation only through {model.via.entity}; "
                f"summarise it into {model.via.entity}'s sync or memorize it as an event")
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
