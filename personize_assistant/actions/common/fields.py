"""What a model's field is, shared by every action that reads models.

- `exclusion_reason`: secrets, ids, foreign keys, relations and row bookkeeping never
  become properties; the reason is shown to the user.
- `words` / `display_name` / `system_name`: one way to spell a field's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from personize_assistant.actions.common.type_map import TypeInfo, enum_values_in
from personize_assistant.content.models import SchemaMeta
from personize_assistant.scan.models import ModelField
from personize_assistant.scan.secrets import is_secret_name

ExclusionKind = str  # "secret" | "primary_key" | "foreign_key" | "relation" | "bookkeeping" | "binary" | "configuration" | "constant"

_BOOKKEEPING = re.compile(
    r"^(updated_?at|modified(_?at)?|deleted_?at|last_?modified|version|row_?version|_?v|"
    r"date_?modified|date_?updated|synced_?at)$",
    re.I,
)
_ID_SUFFIX = re.compile(r"(?:_id|Id|ID|_uid|Uid|UID|_uuid|Uuid|UUID)$")
# Server, mailbox and logging settings (django-helpdesk's Queue holds a whole IMAP account).
_CONFIGURATION = re.compile(
    r"(^|_)(host|hostname|port|ssl|tls|proxy|socks|imap|smtp|pop3?|mailbox|email_box|"
    r"dir|directory|folder)(_|$)|^logging_|^log_(level|file|dir)$"
)


@dataclass(frozen=True)
class Exclusion:
    kind: ExclusionKind
    reason: str


def exclusion_reason(field: ModelField, info: TypeInfo, meta: SchemaMeta,
                     keep_id: bool = False) -> Exclusion | None:
    """Why `field` must not become a property, or None when it may."""
    if is_secret_name(field.name):
        return Exclusion("secret", "credential or secret: never stored in customer memory")
    if info.shape == "relation":
        return Exclusion("relation", "link to another model; the linked model has its own collection")
    if info.shape == "binary":
        return Exclusion("binary", "binary data or an uploaded file's path: nothing to extract or search")
    if _is_primary_key(field) and not keep_id:
        return Exclusion("primary_key", "row id; Personize keys records by email or website instead")
    if _ID_SUFFIX.search(field.name) and not _is_primary_key(field):
        return Exclusion("foreign_key", "foreign key or external id; joins are resolved in the sync script")
    if _BOOKKEEPING.match(field.name):
        return Exclusion("bookkeeping", "row bookkeeping timestamp; says nothing about the customer")
    if _CONFIGURATION.search(system_name(field.name)):
        return Exclusion("configuration", "server or mailbox setting; says nothing about the customer")
    if info.property_type in ("options", "array") and len(set(field_options(field))) == 1:
        # A Personize options property needs two values at least; one value is the same on every row.
        return Exclusion("constant", "enum with a single value: the same on every row, nothing to learn")
    return None


def field_options(field: ModelField) -> list[str]:
    """The enum values a field declares, on the model or inline in its type."""
    return field.enum_values or enum_values_in(field.type)


def _is_primary_key(field: ModelField) -> bool:
    return bool(field.is_primary_key) or field.name in ("id", "pk", "_id", "uuid")


# --- names ----------------------------------------------------------------------------


def words(name: str) -> list[str]:
    """`jobTitle` / `job_title` / `JobTitle` -> ['job', 'title']."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_\-\s]+", " ", name)
    return [w.lower() for w in spaced.split() if w]


def display_name(name: str) -> str:
    """`currentPeriodEnd` -> 'Current Period End'."""
    return " ".join(w.capitalize() if w not in _ACRONYMS else w.upper() for w in words(name))


def system_name(name: str) -> str:
    """`currentPeriodEnd` -> 'current_period_end' (JSON Schema: ^[a-z][a-z0-9_]*$, <= 50)."""
    slug = "_".join(words(name)) or "field"
    slug = re.sub(r"[^a-z0-9_]", "", slug)
    return (slug if slug[0].isalpha() else f"f_{slug}")[:50]


_ACRONYMS = {"id", "url", "nps", "api", "sms", "ip", "crm", "csat"}
