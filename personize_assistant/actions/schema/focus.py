"""The default view: the collections and properties the proposed use cases need.

PROPOSE ranks use cases and names the entity each relies on; a use case needs some
kinds of fact (`use_case_facets` in `entity_model.yaml`: a digest needs activity and
profile, outreach needs profile and content). The default schema keeps the entity
collections the proposal relies on (the first contact and company collections always,
since a message to a person also reads their company) and, in them, the properties
whose facet some proposed use case needs. Everything else is listed with the reason,
and `schema --full` shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from personize_assistant.actions.propose.artifact import ProposalArtifact
from personize_assistant.actions.schema.artifact import CollectionSpec, NotShown, SchemaArtifact
from personize_assistant.actions.schema.vocabulary import vocabulary

ALWAYS_SHOWN = frozenset({"identity", "expert"})


@dataclass(frozen=True)
class Focus:
    use_cases: tuple[str, ...]
    entities: frozenset[str]
    """Models the proposal relies on (entities or records, by name)."""


RELIES_ON_SUFFIX = " records memorized"
"""How PROPOSE words an opportunity's `relies_on` entry for a model (`Workspace records memorized`)."""


def use_case_focus(proposal: ProposalArtifact) -> Focus:
    opportunities = [o for area in proposal.areas for o in area.opportunities]
    named = {o.score.entity for o in opportunities if o.score.entity}
    named |= {r.removesuffix(RELIES_ON_SUFFIX) for o in opportunities for r in o.relies_on
              if r.endswith(RELIES_ON_SUFFIX)}
    return Focus(use_cases=tuple(dict.fromkeys(o.id for o in opportunities)), entities=frozenset(named))


def apply_focus(artifact: SchemaArtifact, focus: Focus) -> None:
    """Drop from `artifact` what no proposed use case needs, listing it in `not_shown`.
    What the expert decided (an entity, an added property) is always shown."""
    shown = _shown_collections(artifact, focus)
    if artifact.decisions is not None:
        shown |= {d.model for d in artifact.decisions.entities}
    needed = _needed_facets(focus)
    quiet = _less_central_records(artifact)
    kept: list[CollectionSpec] = []
    for collection in artifact.collections:
        if collection.source_entity not in shown:
            artifact.not_shown.append(NotShown(collection=collection.collection_name, reason=_why_collection(focus)))
            continue
        _focus_properties(collection, needed, focus, artifact.not_shown, quiet)
        kept.append(collection)
    artifact.collections = kept
    _focus_records(artifact)


def _shown_collections(artifact: SchemaArtifact, focus: Focus) -> set[str]:
    owners = {r.entity: r.owner_entity for r in artifact.records}
    named = {owners.get(name, name) for name in focus.entities}
    shown = {c.source_entity for c in artifact.collections if c.source_entity in named}
    for entity_type in ("Contact", "Company"):
        primary = next((c for c in artifact.collections if c.entity_type == entity_type
                        and c.system_entity and c.owner_entity is None), None)
        if primary is not None:
            shown.add(primary.source_entity)
    return shown


def _needed_facets(focus: Focus) -> set[str]:
    facets = vocabulary().use_case_facets
    needed = set(facets.default) | ALWAYS_SHOWN
    for use_case in focus.use_cases:
        needed |= set(facets.by_use_case.get(use_case, []))
    return needed


def _less_central_records(artifact: SchemaArtifact) -> set[str]:
    """Per owner, the records past the `default_records_per_entity` most referenced ones."""
    limit = vocabulary().default_records_per_entity
    by_owner: dict[str, list[str]] = {}
    for record in sorted(artifact.records, key=lambda r: -r.references):
        by_owner.setdefault(record.owner_entity, []).append(record.entity)
    return {name for names in by_owner.values() for name in names[limit:]}


def _focus_properties(collection: CollectionSpec, needed: set[str], focus: Focus,
                      not_shown: list[NotShown], quiet: set[str]) -> None:
    kept = []
    for prop in collection.properties:
        if prop.rollup is not None and prop.rollup.record in quiet:
            not_shown.append(NotShown(collection=collection.collection_name, property=prop.system_name, reason=(
                f"rollup of {prop.rollup.record}, a less central record (fewer tables refer to it)")))
        elif prop.system_name == collection.primary_key_field or (prop.facet or "other") in needed:
            kept.append(prop)
        else:
            not_shown.append(NotShown(collection=collection.collection_name, property=prop.system_name,
                                      reason=_why_property(prop.facet, focus)))
    collection.properties = kept


def _focus_records(artifact: SchemaArtifact) -> None:
    """Records keep the rollups still shown; one whose owner is not shown goes with it."""
    present = {c.source_entity: {p.system_name for p in c.properties} for c in artifact.collections}
    for record in artifact.records:
        record.rollups = [r for r in record.rollups if r in present.get(record.owner_entity, set())]
        if record.owner_entity not in present:
            artifact.not_shown.append(NotShown(collection=record.entity, reason=(
                f"a record of {record.owner_entity}, whose collection is not shown by default")))
    artifact.records = [r for r in artifact.records if r.owner_entity in present]


def _why_collection(focus: Focus) -> str:
    if not focus.use_cases:
        return "the proposal found no use case yet; `schema --full` shows it"
    return ("no proposed use case relies on it (they rely on "
            f"{', '.join(sorted(focus.entities)) or 'event history'}); `schema --full` shows it")


def _why_property(facet: str | None, focus: Focus) -> str:
    if facet is None:
        return "not a fact any proposed use case reads (no identity, profile, lifecycle or activity meaning)"
    uses = ", ".join(focus.use_cases) or "none yet"
    return f"{facet} fact; none of the proposed use cases ({uses}) needs {facet} facts"
