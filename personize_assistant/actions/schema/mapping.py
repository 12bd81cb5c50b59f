"""`memorizeBatch` mappings: one per data source (a model's rows), real column names.

`extractMemories` follows the property's extraction rule: on for free text (AI
extraction plus embeddings), off for structured columns (stored as-is). A record that
belongs to a person or organisation is keyed by its owner's email/website, which the
sync script joins in as one extra column (named in `key_from_owner`).
"""

from __future__ import annotations

from personize_assistant.actions.common.fields import system_name
from personize_assistant.actions.schema.artifact import (
    BatchMapping,
    BatchProperty,
    CollectionSpec,
    PropertySpec,
)

_WHY_EXTRACT = "free text: AI extraction and embeddings make it searchable and recallable"
_WHY_STRUCTURED = "structured column: stored as-is, no AI cost, filterable"


def batch_mapping(collection: CollectionSpec, app: str, owner: CollectionSpec | None = None) -> BatchMapping | None:
    """The mapping for `collection`'s source rows, or None for custom entity types
    (memorizeBatch keys rows by email or website only)."""
    if collection.identifier_column not in ("email", "websiteUrl"):
        return None
    if not _key_available(collection, owner):
        return None
    email_column, website_column, joined = _key_columns(collection, owner)
    properties = [_batch_property(p, collection) for p in collection.properties if p.source is not None]
    if not properties:
        return None
    computed = [_computed_property(p, collection) for p in collection.properties if p.rollup is not None]
    return BatchMapping(
        source=f"{app} database ({collection.source_entity})",
        source_entity=collection.source_entity,
        entity_type="contact" if collection.entity_type == "Contact" else "company",
        email_column=email_column,
        website_column=website_column,
        run_name=f"{system_name(app)}-{system_name(collection.source_entity)}-sync".replace("_", "-"),
        key_from_owner=joined,
        owner_field=collection.owner_field if joined else None,
        framework=collection.source_framework,
        chunk_size=1 if any(p.extract_memories for p in properties) else 10,
        properties=properties,
        computed=computed,
    )


def _key_available(collection: CollectionSpec, owner: CollectionSpec | None) -> bool:
    """Rows can only be keyed when the model (or its owner) has the email/website column."""
    keyed = owner if collection.owner_entity else collection
    return keyed is not None and _source_field(keyed, keyed.primary_key_field) is not None


def _key_columns(collection: CollectionSpec, owner: CollectionSpec | None) -> tuple[str | None, str | None, str | None]:
    """(email column, website column, description of a joined key) for the rows."""
    own_key = _source_field(collection, collection.primary_key_field)
    if collection.owner_entity is None:
        if collection.identifier_column == "email":
            return own_key or "email", None, None
        return None, own_key or "website", None
    owner_key = _source_field(owner, owner.primary_key_field) if owner else None
    column = f"{system_name(collection.owner_entity)}_{system_name(owner_key or 'key')}"
    joined = f"{collection.owner_entity}.{owner_key or '<key>'}"
    if collection.identifier_column == "email":
        return column, None, joined
    return None, column, joined


def _source_field(collection: CollectionSpec | None, system: str | None) -> str | None:
    if collection is None or system is None:
        return None
    prop = next((p for p in collection.properties if p.system_name == system), None)
    return prop.source.field if prop and prop.source else None


def _computed_property(prop: PropertySpec, collection: CollectionSpec) -> BatchProperty:
    """A rollup: the sync script computes a column of that name per owner row."""
    assert prop.rollup is not None  # callers pass only rollups
    return BatchProperty(target=prop.system_name, source_field=prop.system_name,
                         collection_name=collection.collection_name, extract_memories=False,
                         why=f"computed by the sync: {prop.rollup.computed_from()}")


def _batch_property(prop: PropertySpec, collection: CollectionSpec) -> BatchProperty:
    assert prop.source is not None  # callers pass only column-backed properties
    extract = bool(prop.definition.auto_system)
    return BatchProperty(
        target=prop.system_name,
        source_field=prop.source.field,
        collection_name=collection.collection_name,
        extract_memories=extract,
        why=_WHY_EXTRACT if extract else _WHY_STRUCTURED,
    )
