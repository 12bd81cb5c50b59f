"""Which models are entities, which are records about an entity, which are left out.

The seeds' entity-memory model: Personize remembers entities (a contact, a company) and
what happened to them. `classify` reads every model once:

- left out: credential stores and settings (the designer's own checks), sensitive tables,
  aggregates, logs, technical and join tables, each with a reason;
- entity: person-like -> contact, organisation-like -> company (`entity_model.yaml`);
- record: everything else with a foreign key, direct or through other records, to an
  entity; the relation decides whose record it is (`owner_preference` when it has two).

Expert decisions (`SchemaDecisions`) win over every heuristic; `validate_decisions`
checks their names against the scan first, so a typo is an error naming it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Literal

from personize_assistant.actions.common.entities import Model
from personize_assistant.actions.common.fields import system_name, words
from personize_assistant.actions.common.schema_decisions import (
    EntityKind,
    RecordDecision,
    SchemaDecisions,
)
from personize_assistant.actions.schema.vocabulary import (
    EntityModelVocabulary,
    matches_any,
    vocabulary,
)
from personize_assistant.errors import UsageError

Decider = Literal["heuristic", "expert"]
MAX_CHAIN = 3
"""Records reached through more records than this are too far from anyone to describe them."""


class DecisionError(UsageError):
    """An expert decision names a model or field the scan does not have (a usage error: the
    CLI prints it, the agent gets it back as the tool's error)."""


@dataclass
class EntityChoice:
    model: Model
    kind: EntityKind
    decided_by: Decider = "heuristic"


@dataclass
class RecordChoice:
    model: Model
    owner: Model
    owner_field: str | None
    chain: list[str] = field(default_factory=list)
    """Records between this one and its owner (`Vote` -> Option -> Poll -> `User`)."""
    decision: RecordDecision | None = None
    extends: bool = False
    """One row per owner (`Profile.user` is a OneToOneField): its fields are the owner's own
    properties, not rollups over many rows."""


@dataclass
class LeftOut:
    entity: str
    category: str
    reason: str
    decided_by: Decider = "heuristic"


@dataclass
class EntityModel:
    entities: list[EntityChoice] = field(default_factory=list)
    records: list[RecordChoice] = field(default_factory=list)
    email_records: list[Model] = field(default_factory=list)
    """Records keyed by their own email with no owner (a helpdesk Ticket's submitter_email):
    they describe a person who has no table of their own."""
    left_out: list[LeftOut] = field(default_factory=list)

    def kind_of(self, model: Model) -> EntityKind | None:
        return next((e.kind for e in self.entities if e.model is model), None)


# --------------------------------------------------------------------------- validation


def validate_decisions(decisions: SchemaDecisions, models: list[Model]) -> None:
    """Raise DecisionError naming the first model or field the scan does not have."""
    by_name = {m.entity: m for m in models}
    for where, name in _named_models(decisions):
        _model(by_name, name, where)
    for where, changes in (("add_properties", decisions.add_properties),
                           ("drop_properties", decisions.drop_properties)):
        for index, change in enumerate(changes):
            model = _model(by_name, change.model, f"{where}[{index}].model")
            _field(model, change.field, f"{where}[{index}].field")
    for index, record in enumerate(decisions.records):
        _check_record(record, by_name, decisions, f"records[{index}]")
    _check_disjoint(decisions)


def _named_models(decisions: SchemaDecisions) -> list[tuple[str, str]]:
    return [*((f"entities[{i}].model", d.model) for i, d in enumerate(decisions.entities)),
            *((f"records[{i}].model", d.model) for i, d in enumerate(decisions.records)),
            *((f"left_out[{i}].model", d.model) for i, d in enumerate(decisions.left_out))]


def _check_record(record: RecordDecision, by_name: dict[str, Model], decisions: SchemaDecisions,
                  where: str) -> None:
    model = by_name[record.model]
    for name in record.memorize or []:
        _field(model, name, f"{where}.memorize")
    if record.owner is None:
        return
    owner = _model(by_name, record.owner, f"{where}.owner")
    declared = {d.model for d in decisions.entities}
    if owner.role == "record" and owner.entity not in declared:
        raise DecisionError(f"schema decisions: {where}.owner: {owner.entity} is not an entity; "
                            f"declare it under entities or pick a person or organisation model")


def _check_disjoint(decisions: SchemaDecisions) -> None:
    seen: dict[str, str] = {}
    for where, name in _named_models(decisions):
        section = where.split("[", 1)[0]
        if seen.get(name, section) != section:
            raise DecisionError(f"schema decisions: {name} is both in {seen[name]} and in {section}")
        seen[name] = section


def _model(by_name: dict[str, Model], name: str, where: str) -> Model:
    if name in by_name:
        return by_name[name]
    close = difflib.get_close_matches(name, list(by_name), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise DecisionError(f"schema decisions: {where}: no data model named {name!r} in the scan{hint}")


def _field(model: Model, name: str, where: str) -> None:
    names = [f.name for f in model.fields]
    if name in names:
        return
    close = difflib.get_close_matches(name, names, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise DecisionError(f"schema decisions: {where}: {model.entity} has no field {name!r}{hint}")


# --------------------------------------------------------------------------- classification


def classify(models: list[Model], decisions: SchemaDecisions, technical: dict[str, str],
             own_property_counts: dict[str, int]) -> EntityModel:
    """`technical` holds the designer's own reasons to leave a model out (credentials,
    settings); `own_property_counts` the structured fields left per model (-1 when it holds
    free text, which makes it content, never a join table)."""
    vocab = vocabulary()
    result = EntityModel()
    owners_of_members = _owners_of_members(models, vocab)
    expert = {d.model: d for d in decisions.entities}
    leave = {d.model: d for d in decisions.left_out}
    as_record = {d.model: d for d in decisions.records}
    remaining: list[Model] = []
    for model in models:
        if model.entity in leave:
            result.left_out.append(LeftOut(model.entity, "expert", leave[model.entity].reason, "expert"))
        elif model.entity in expert:
            result.entities.append(EntityChoice(model, expert[model.entity].type, "expert"))
        elif model.entity in as_record:
            remaining.append(model)
        elif (out := _left_out(model, vocab, technical, own_property_counts)) is not None:
            result.left_out.append(out)
        elif (kind := _entity_kind(model, vocab, owners_of_members)) is not None:
            result.entities.append(EntityChoice(model, kind))
        else:
            remaining.append(model)
    for model in remaining:
        _place_record(model, result, vocab, as_record.get(model.entity))
    left_out = {o.entity for o in result.left_out}
    refs = references([m for m in models if m.entity not in left_out])
    # keys first: during list.sort the list reads as empty, and kind_of reads the list
    keys = {e.model.entity: (_scoped_to_company(e.model, result), -refs.get(e.model.entity, 0))
            for e in result.entities}
    result.entities.sort(key=lambda e: keys[e.model.entity])
    _mark_end_customers(result)
    return result


def _owners_of_members(models: list[Model], vocab: EntityModelVocabulary) -> set[str]:
    """Models that people are members of (`ProjectUsers` links a Project to a User): a Project
    with members is the workspace, not a person's record."""
    found: set[str] = set()
    for model in models:
        named = set(words(model.entity))
        if not named & {*vocab.entity_types.membership_words, *vocab.entity_types.member_table_words}:
            continue
        targets = [t for _, t in model.links]
        if any(_looks(t, vocab) == "contact" for t in targets):
            found.update(t.entity for t in targets if _looks(t, vocab) != "contact")
    return found


def _mark_end_customers(result: EntityModel) -> None:
    """A person table that hangs off a tenant (a workspace's Customer, a team's Viewer, a poll's
    Participant) holds the end customers of the product's own customers, not its users."""
    owned = {r.model.entity: r.owner for r in result.records}
    contacts = [e.model for e in result.entities if e.kind == "contact"]
    for model in contacts[1:]:  # the first contact is the product's own user
        found = next(((name, t) for name, t in model.links if result.kind_of(t) == "company"), None) \
            or next(((name, owned[t.entity]) for name, t in model.links
                     if t.entity in owned and result.kind_of(owned[t.entity]) == "company"), None)
        if found is not None:
            # keyed by email, one address under two tenants is one Personize contact: say so
            model.tenant_field = model.tenant_field or found[0]
            model.end_customer_of = found[1].entity


def _scoped_to_company(model: Model, result: EntityModel) -> bool:
    """A person table scoped to a workspace (Contact.workspaceId) is a tenant's customer list;
    the product's own users are not, so they come first (and get the starter properties)."""
    return any(result.kind_of(t) == "company" for _, t in model.links)


def references(models: list[Model]) -> dict[str, int]:
    """How many foreign keys point at each model: the product's central tables (the user,
    the workspace, the document) are the ones everything else refers to."""
    counts: dict[str, int] = {}
    for model in models:
        for target in {t.entity for _, t in model.links}:
            counts[target] = counts.get(target, 0) + 1
    return counts


def _left_out(model: Model, vocab: EntityModelVocabulary, technical: dict[str, str],
              counts: dict[str, int]) -> LeftOut | None:
    snake = system_name(model.entity)
    if model.entity in technical:
        return LeftOut(model.entity, "technical", technical[model.entity])
    if (sensitive := vocab.sensitive_category(snake)) is not None:
        return LeftOut(model.entity, f"sensitive:{sensitive.category}", sensitive.reason)
    name_words = set(words(model.entity))
    if model.role == "record":
        for category in vocab.left_out:
            if name_words & set(category.words):
                return LeftOut(model.entity, category.category, category.reason)
    targets = list(dict.fromkeys(t.entity for _, t in model.links))
    # written text makes it content; a membership (TeamMember) is the team's size, worth a count
    written = any(matches_any(vocab.join.content_fields, system_name(f.name)) for f in model.fields)
    membership = bool(name_words & set(vocab.entity_types.membership_words))
    if len(targets) >= 2 and not (written or membership) \
            and 0 <= counts.get(model.entity, 0) <= vocab.join.max_own_properties:
        return LeftOut(model.entity, "join", vocab.join.reason.format(targets=" and ".join(targets[:2])))
    return None


def _entity_kind(model: Model, vocab: EntityModelVocabulary, owners_of_members: set[str]) -> EntityKind | None:
    """Person-like -> contact, organisation-like -> company; a person-like table pointing at
    another person (TeamMember.userId) or an organisation-like one inside another
    organisation (Brand.teamId) is part of that entity, so a record of it."""
    last = (words(model.entity) or [""])[-1]
    kind: EntityKind | None = None
    if model.role == "person" or last in vocab.entity_types.contact_words:
        kind = "contact"
    elif model.role == "organization" or last in vocab.entity_types.company_words \
            or (last in vocab.entity_types.company_with_members_words and model.entity in owners_of_members):
        kind = "company"
    if kind is None or _belongs_to_another(model, kind, vocab):
        return None
    return kind


def _belongs_to_another(model: Model, kind: EntityKind, vocab: EntityModelVocabulary) -> bool:
    if kind == "contact":
        membership = bool(set(words(model.entity)) & set(vocab.entity_types.membership_words))
        points_at_person = any(_looks(t, vocab) == "contact" for _, t in model.links)
        no_email = model.email_field() is None
        return (membership and (points_at_person or no_email)) or (points_at_person and no_email)
    return any(_looks(t, vocab) == "company" or t.role == "record" for _, t in model.links)


def _looks(model: Model, vocab: EntityModelVocabulary) -> EntityKind | None:
    last = (words(model.entity) or [""])[-1]
    if model.role == "person" or last in vocab.entity_types.contact_words:
        return "contact"
    if model.role == "organization" or last in vocab.entity_types.company_words:
        return "company"
    return None


def _place_record(model: Model, result: EntityModel, vocab: EntityModelVocabulary,
                  decision: RecordDecision | None) -> None:
    if decision is not None and decision.owner is not None:
        owner: tuple[Model, list[str]] | None = (_declared_owner(result, decision.owner), [])
    else:
        owner = _owner(model, result, vocab, [])
    if owner is not None:
        target, chain = owner
        hop = chain[0] if chain else target.entity
        fk = next((name for name, t in _owning_links(model, vocab) if t.entity == hop), None)
        extends = not chain and fk in model.one_to_one
        result.records.append(RecordChoice(model, target, fk, chain, decision, extends))
    elif model.role_email_field() is not None and decision is None:
        result.email_records.append(model)
    else:
        result.left_out.append(LeftOut(model.entity, "no_owner", _no_owner_reason(model, result, vocab)))


def _no_owner_reason(model: Model, result: EntityModel, vocab: EntityModelVocabulary) -> str:
    out = {o.entity: o for o in result.left_out}
    through = next((out[t.entity] for _, t in model.links if t.entity in out), None)
    if through is None:
        return vocab.no_owner_reason
    return f"reaches a person or organisation only through {through.entity}, which is left out ({through.category})"


def _owner(model: Model, result: EntityModel, vocab: EntityModelVocabulary,
           chain: list[str]) -> tuple[Model, list[str]] | None:
    """The entity this record belongs to and the records in between, following foreign keys."""
    entities = [t for _, t in _owning_links(model, vocab) if result.kind_of(t) is not None]
    if (scoped := _scoped_person(entities, result)) is not None:
        return scoped, chain
    for kind in vocab.owner_preference:
        picked = next((t for t in entities if result.kind_of(t) == kind), None)
        if picked is not None:
            return picked, chain
    if len(chain) >= MAX_CHAIN:
        return None
    left_out = {o.entity for o in result.left_out}  # a record reached only through them stays out too
    for _, target in _owning_links(model, vocab):
        if target.entity not in chain and result.kind_of(target) is None and target.entity not in left_out:
            found = _owner(target, result, vocab, [*chain, target.entity])
            if found is not None:
                return found
    return None


def _owning_links(model: Model, vocab: EntityModelVocabulary) -> list[tuple[str, Model]]:
    """Links that say whose row it is: not the staff acting on it (`assigned_reviewers`, a
    `review` an answer belongs to), unless nothing else links it anywhere."""
    owning = [(name, t) for name, t in model.links if not matches_any(vocab.acting_links, system_name(name))]
    return owning or model.links


def _scoped_person(entities: list[Model], result: EntityModel) -> Model | None:
    """A record that points at a workspace *and* at a person inside that workspace (an Invoice's
    account and client, where Client.account is the same account) is about that person: the
    person is the more specific owner and the workspace is implied by them."""
    companies = {t.entity for t in entities if result.kind_of(t) == "company"}
    return next((t for t in entities if result.kind_of(t) == "contact"
                 and any(c.entity in companies for _, c in t.links)), None)


def _declared_owner(result: EntityModel, owner_name: str) -> Model:
    owner = next((e.model for e in result.entities if e.model.entity == owner_name), None)
    if owner is None:
        raise DecisionError(f"schema decisions: {owner_name} is named as an owner but is left out; "
                            f"declare it under entities")
    return owner
