"""Recommended AI-extracted properties from the starter schemas that fit the product.

The repo's columns give the structured facts; the insight a personalization product
needs (goals, pain points, feature requests…) lives in conversations and free text,
so SCHEMA adds the starter schemas' AI-extracted properties for the product type that
`reference/schema.md`'s recommendations pick from the entity names and the answers.
"""

from __future__ import annotations

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.common.fields import words
from personize_assistant.actions.schema.artifact import CollectionSpec, PropertySpec, SchemaArtifact
from personize_assistant.content.library import Library
from personize_assistant.content.models import (
    CollectionRecommendation,
    PropertyDefinition,
    SchemaMeta,
)


def pick_product_type(meta: SchemaMeta, discovery: Discovery, entities: list[str]) -> str | None:
    """The recommendation whose signal words appear most in entity names and answers."""
    vocabulary = _vocabulary(discovery, entities)
    scored = [(_score(rec, vocabulary), -index, rec.product_type)
              for index, rec in enumerate(meta.recommendations)]
    best = max(scored, default=(0, 0, None))
    return best[2] if best[0] > 0 else None


def _vocabulary(discovery: Discovery, entities: list[str]) -> set[str]:
    texts = list(entities)
    for name in ("product", "users", "data_sources", "entity_types", "key_properties"):
        value = discovery.value(name)
        texts.extend(value if isinstance(value, list) else [value] if value else [])
    return {w for text in texts for w in words(str(text).replace(".", " "))}


def _score(rec: CollectionRecommendation, vocabulary: set[str]) -> int:
    return sum(1 for signal in rec.signals if signal.lower() in vocabulary)


def recommended_properties(artifact: SchemaArtifact, library: Library, limit: int) -> None:
    """Add up to `limit` starter properties with AI extraction to each primary collection."""
    meta = library.schema.meta
    rec = next((r for r in meta.recommendations if r.product_type == artifact.product_type), None)
    if rec is None:
        return
    for starter_name in rec.starter_schemas:
        starter = library.starter_schemas.get(starter_name)
        if starter is None:
            continue
        target = _primary_collection(artifact, starter.collection.entity_type)
        if target is None:
            continue
        added = _add_from(target, starter.collection.properties, starter_name, limit)
        if added:
            artifact.starter_schemas.append(starter_name)


def _primary_collection(artifact: SchemaArtifact, entity_type: str) -> CollectionSpec | None:
    """The first collection from a person/organisation model for that system entity type."""
    return next((c for c in artifact.collections
                 if c.entity_type == entity_type and c.system_entity and c.owner_entity is None), None)


def _add_from(target: CollectionSpec, candidates: list[PropertyDefinition], starter: str,
              limit: int) -> int:
    present = {p.system_name for p in target.properties}
    already = sum(1 for p in target.properties if p.origin.startswith("starter:"))
    added = 0
    for definition in candidates:
        if already + added >= limit:
            break
        if not definition.auto_system or definition.system_name in present:
            continue
        target.properties.append(PropertySpec(definition=definition, origin=f"starter:{starter}",
                                              rule="starter_schema", facet="content"))
        present.add(definition.system_name)
        added += 1
    return added
