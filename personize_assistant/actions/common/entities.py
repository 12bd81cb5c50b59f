"""How a repo's data models map onto Personize entity types.

A model is a *person* (User, Customer, Contact…) → the system `Contact` entity type,
keyed by email; an *organisation* (Organization, Workspace, Team…) → the system
`Company` entity type, keyed by website; or a *record* about one of those
(Subscription, Ticket, Response…), whose collection attaches to its owner's entity
type. Records with no owner become a custom entity type keyed by `contentId`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.common.fields import system_name, words
from personize_assistant.rulefiles import load_rules
from personize_assistant.scan.models import Kind, ModelField, Touchpoint, touchpoint_id
from personize_assistant.scan.rules import models

Role = Literal["person", "organization", "record"]

# Role words live with the scanner's model vocabulary (scan/models.yaml), read by both.
_PERSON = models().person_words
_ORGANIZATION = models().organization_words
_EMAIL_FIELD = re.compile(r"^(e_?mail|email_?address|primary_?email|work_?email)$")
_ROLE_EMAIL = re.compile(r"^[a-z]+_e_?mail(_address)?$")
_KEY_SUFFIX = re.compile(r"^(.+)_(id|uid|uuid|pk)$")
_WEBSITE_FIELD = re.compile(r"^(domain|website|website_?url|url|homepage|company_?domain|site)$")

_ICONS: tuple[tuple[str, str], ...] = (
    ("subscription|billing|invoice|payment|plan", "CreditCard"),
    ("ticket|case|incident|issue", "Ticket"),
    ("order|cart|purchase", "ShoppingCart"),
    ("survey|form|poll|question", "ClipboardList"),
    ("response|answer|feedback|review|comment|message|note", "MessageSquare"),
    ("invite|invitation|email", "Mail"),
    ("membership|member|team", "Users"),
    ("event|activity|log", "Activity"),
    ("deal|opportunity", "Handshake"),
    ("project|task", "FolderKanban"),
    ("product|item|sku", "Package"),
    ("appointment|booking|meeting", "CalendarDays"),
)
_COLORS = ("#3B82F6", "#10B981", "#F59E0B", "#8B5CF6", "#EF4444", "#06B6D4", "#EC4899", "#84CC16")


@dataclass
class Model:
    """One data model from the scan, with what SCHEMA decided about its place."""

    touchpoint: Touchpoint
    role: Role
    owner: Model | None = None
    owner_field: str | None = None
    """The foreign-key field that points at `owner` (e.g. `workspaceId`)."""
    via: Model | None = None
    """For a record without a direct owner: the other record it links to (LineItem -> Invoice)."""
    tenant_field: str | None = None
    """For people keyed by email: the foreign key to the organisation they belong to
    (`Contact.workspaceId`). The same email under two tenants is one Personize contact."""
    fields: list[ModelField] = field(default_factory=list)
    links: list[tuple[str, Model]] = field(default_factory=list)
    """Every foreign key to another model, in declaration order: (field name, target)."""
    one_to_one: set[str] = field(default_factory=set)
    """Links that allow one row per target (`OneToOneField`, a unique `userId`): the row
    extends its target (a Profile is its user's profile) rather than being one of many."""
    provided_by: str | None = None
    """The framework module that declares this model when the repo does not (Django's auth User)."""
    end_customer_of: str | None = None
    """For a person table that hangs off a tenant (a workspace's Customer, a team's Viewer): the
    workspace model whose end customers they are, set by SCHEMA's entity model."""

    @property
    def entity(self) -> str:
        return self.touchpoint.entity or self.touchpoint.symbol or "Record"

    def email_field(self) -> ModelField | None:
        """`email` itself, else a role-named one (`submitter_email` keys a helpdesk Ticket)."""
        exact = next((f for f in self.fields if _EMAIL_FIELD.match(system_name(f.name))), None)
        return exact or next((f for f in self.fields if _ROLE_EMAIL.search(system_name(f.name))), None)

    def website_field(self) -> ModelField | None:
        return next((f for f in self.fields if _WEBSITE_FIELD.match(system_name(f.name))), None)

    def keyed_by_own_email(self) -> bool:
        return self.role == "record" and self.email_field() is not None

    def role_email_field(self) -> ModelField | None:
        """An email named for the person it identifies (`submitter_email`), not the row's own address."""
        return next((f for f in self.fields if _ROLE_EMAIL.search(system_name(f.name))), None)


def role_of(entity: str) -> Role:
    """By the name's last word, singular or plural (Drizzle and SQL tables are `users`,
    `companies`)."""
    last = words(entity)[-1] if words(entity) else entity.lower()
    said = {last, singular(last)}
    if said & _PERSON:
        return "person"
    if said & _ORGANIZATION:
        return "organization"
    return "record"


def singular(word: str) -> str:
    """`users` -> user, `companies` -> company, `addresses` -> address; `status` stays."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if re.search(r"(ss|x|z|ch|sh)es$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class FrameworkModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    framework: str
    entity: str
    module: str
    references: list[str]
    fields: dict[str, str]

    def named_by(self, target: str) -> bool:
        return any(re.search(p, target) for p in self.references)


class FrameworkModels(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    framework_models: list[FrameworkModel]


@cache
def framework_models() -> list[FrameworkModel]:
    return load_rules("personize_assistant.actions.common", "framework_models.yaml",
                      FrameworkModels).framework_models


def collect_models(touchpoints: list[Touchpoint]) -> list[Model]:
    """One Model per entity name (the first definition wins), owners resolved; a framework
    model the repo points at without declaring it (Django's auth User) is added."""
    models: dict[str, Model] = {}
    for tp in [*touchpoints, *_provided(touchpoints)]:
        name = tp.entity or tp.symbol
        if name and name not in models:
            models[name] = Model(tp, role_of(name), fields=list(tp.fields or []))
    for provided in framework_models():
        if provided.entity in models and models[provided.entity].touchpoint.symbol == provided.module:
            models[provided.entity].provided_by = provided.module  # not the repo's own: its sync imports it
    lookups = _Lookups(models)
    for model in models.values():
        model.links = _links(model, lookups.for_model(model))
        model.one_to_one = {name for name, _ in model.links if _is_one_to_one(model, name)}
        if model.role == "record":
            model.owner, model.owner_field = _find_owner(model, lookups.for_model(model))
    for model in models.values():
        model.tenant_field = _tenant_field(model, lookups)
    return list(models.values())


def _provided(touchpoints: list[Touchpoint]) -> list[Touchpoint]:
    """A touchpoint for each framework model a repo model's relation names, placed at the
    first model that names it (its file imports it, so a sync can import it from there too)."""
    declared = {tp.entity or tp.symbol for tp in touchpoints}
    found: dict[str, Touchpoint] = {}
    for tp in touchpoints:
        for fld in tp.fields or []:
            provided = _framework_model(fld.target or "", tp.framework)
            if provided is None or provided.entity in declared or provided.entity in found:
                continue
            found[provided.entity] = Touchpoint(
                id=touchpoint_id(Kind.DATA_MODEL.value, tp.file, provided.module, provided.entity),
                kind=Kind.DATA_MODEL, file=tp.file, line=tp.line, end_line=tp.line, symbol=provided.module,
                evidence=f"{tp.entity}.{fld.name} -> {provided.module}.{provided.entity}",
                confidence="high", surface=tp.surface, entity=provided.entity,
                framework=provided.framework,
                fields=[ModelField(name=n, type=t) for n, t in provided.fields.items()])
    return list(found.values())


def _framework_model(target: str, framework: str | None) -> FrameworkModel | None:
    return next((m for m in framework_models() if m.framework == framework and m.named_by(target)), None)


def _is_one_to_one(model: Model, name: str) -> bool:
    fld = next((f for f in model.fields if f.name == name), None)
    return fld is not None and (bool(re.search(r"onetoone", fld.type, re.I)) or bool(fld.is_unique))


def _tenant_field(model: Model, lookups: _Lookups) -> str | None:
    """The foreign key from an email-keyed model to an organisation, if there is one."""
    if model.email_field() is None or model.role == "organization":
        return None
    if model.role == "record":
        return None  # an Invite or a Ticket is the product's own record, not a tenant's contact list
    lookup = lookups.for_model(model)
    return next((f.name for f in model.fields
                 if (target := _fk_target(f, lookup)) is not None and target.role == "organization"), None)


def _links(model: Model, lookup: dict[str, Model]) -> list[tuple[str, Model]]:
    """Foreign keys plus many-to-many fields: a Django Submission's `speakers` M2M says whose
    submission it is as much as a foreign key would."""
    found = ((f.name, _fk_target(f, lookup) or _many_to_many_target(f, lookup)) for f in model.fields)
    return [(name, target) for name, target in found if target is not None and target is not model]


def _many_to_many_target(fld: ModelField, lookup: dict[str, Model]) -> Model | None:
    if not re.search(r"manytomany", fld.type, re.I):
        return None
    if fld.target:
        return _named_target(fld.target, lookup)
    named = re.search(r"""[(\[]\s*["']?(?:[\w.]*\.)?(\w+)""", fld.type)
    return lookup.get(named.group(1).lower()) if named else None


def _find_owner(model: Model, lookup: dict[str, Model]) -> tuple[Model | None, str | None]:
    """The first foreign key (in declaration order) that points at a person or organisation."""
    for fld in model.fields:
        target = _fk_target(fld, lookup)
        if target is not None and target is not model and target.role != "record":
            return target, fld.name
        if target is not None and target is not model and model.via is None:
            model.via = target
    return None, None


class _Lookups:
    """Name -> model, where a model in the same file wins (`user_id` next to `BankUser`
    means BankUser, not the web app's User). Built once per file: rebuilding the whole
    table for every foreign key made schema/plan quadratic in the number of models."""

    def __init__(self, models: dict[str, Model]) -> None:
        # `userId` names a table called `users` too (Drizzle and SQL name tables in the plural)
        self._base = {singular(name.lower()): m for name, m in models.items()}
        self._base.update({name.lower(): m for name, m in models.items()})
        self._by_file: dict[str, list[tuple[str, Model]]] = {}
        for name, m in models.items():
            self._by_file.setdefault(m.touchpoint.file, []).append((name, m))
        self._tables: dict[str, dict[str, Model]] = {}

    def for_model(self, model: Model) -> dict[str, Model]:
        file = model.touchpoint.file
        if file not in self._tables:
            self._tables[file] = self._with_file(file)
        return self._tables[file]

    def _with_file(self, file: str) -> dict[str, Model]:
        lookup = dict(self._base)
        here = self._by_file.get(file, [])
        exact = {name.lower() for name, _ in here}
        for name, other in here:
            snake = system_name(name)
            # a suffix alias never hides a model of that exact name in the same file
            # (UserWorkspace's `workspaceId` is the Workspace next to it)
            if "_" in snake and snake.rsplit("_", 1)[1] not in exact:
                lookup[snake.rsplit("_", 1)[1]] = other
        for name, other in here:
            lookup[name.lower()] = other
        return lookup


def _fk_target(fld: ModelField, by_lower: dict[str, Model]) -> Model | None:
    """`workspaceId` / `workspace_id` -> Workspace; a singular `workspace Workspace` too."""
    snake = system_name(fld.name)
    if fld.target and (resolved := _named_target(fld.target, by_lower)) is not None:
        return resolved
    if (keyed := _KEY_SUFFIX.match(snake)) is not None:  # workspace_id, user_uid (hoppscotch's userUid)
        return by_lower.get(keyed.group(1).replace("_", ""))
    declared = fld.type.strip()
    if re.search(r"foreignkey|onetoone|relationship|manytoone", declared, re.I):
        named = re.search(r"""[(\[]\s*["']?(\w+)""", declared)
        target = by_lower.get(named.group(1).lower()) if named else None
        return target or by_lower.get(snake.replace("_", ""))
    if declared.endswith("[]") or declared.lower().startswith(("list", "[")):
        return None  # the many side of a relation points the other way
    return by_lower.get(re.sub(r"[?!]", "", declared).lower())


def _named_target(target: str, by_lower: dict[str, Model]) -> Model | None:
    """`person.User`, `django.contrib.auth.models.User`, `settings.AUTH_USER_MODEL` -> the model."""
    provided = next((m for m in framework_models() if m.named_by(target)), None)
    if provided is not None and provided.entity.lower() in by_lower:
        return by_lower[provided.entity.lower()]
    return by_lower.get(target.rsplit(".", 1)[-1].lower())


def plural(word: str) -> str:
    """`Company` -> Companies, `Status` -> Statuses; `Settings` is plural already."""
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(ss|us|is|x|z|ch|sh)$", word):
        return word + "es"
    if word.endswith("s"):
        return word
    return word + "s"


def icon_for(model: Model) -> str:
    if model.role == "person":
        return "User"
    if model.role == "organization":
        return "Building2"
    snake = system_name(model.entity)
    return next((icon for pattern, icon in _ICONS if re.search(pattern, snake)), "Database")


def color_for(index: int) -> str:
    return _COLORS[index % len(_COLORS)]
