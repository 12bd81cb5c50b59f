"""Names for generated code, taken from the touchpoint and the entity the scan found."""

from __future__ import annotations

import keyword
import re
from pathlib import PurePosixPath

from personize_assistant.actions.generate.artifact import EntityFacts, FactField
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint
from personize_assistant.scan.secrets import is_secret_name

# Words that name the act of sending, not what is sent: `sendInvoiceEmail` is an invoice email.
_VERBS = frozenset({"send", "post", "notify", "text", "deliver", "dispatch", "push", "emit", "queue"})
# Symbols that say nothing about the message (route verbs, framework entry points).
_GENERIC = frozenset(
    {"get", "post", "put", "patch", "delete", "handle", "handler", "main", "run", "execute",
     "command", "route", "index", "views", "view", "tasks", "task", "jobs", "handlers", "default"}
)
_CHANNEL_WORDS = {"email": ("email", "mail"), "sms": ("sms", "text"), "slack": ("slack",),
                  "push": ("push", "notification"), "in_app": ("message", "notification")}
_PERSON_ENTITIES = ("contact", "user", "customer", "client", "member", "person", "lead", "subscriber")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_RELATION_TYPES = re.compile(r"(?i)foreignkey|onetoone|manytomany|relationship|relation|filefield|imagefield")
MAX_FACT_FIELDS = 12


def split_words(name: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return [w.lower() for w in re.split(r"[^A-Za-z0-9]+", spaced) if w]


def message_words(touchpoint: Touchpoint, channel: str) -> list[str]:
    """`send_payment_reminder` -> [payment, reminder, email]."""
    words = _drop_verbs(_source_words(touchpoint))
    channel_words = channel.split("_")
    if not words or words in ([channel], channel_words):
        return [*channel_words, "message"]
    if not set(words) & set(_CHANNEL_WORDS.get(channel, ())):
        return [*words, *channel_words]
    if set(words) <= {*_CHANNEL_WORDS.get(channel, ()), *channel_words, "channel", "webhook"}:
        return [*words, "message"]  # `postToSlackChannel` writes a Slack channel message
    return words


def _source_words(touchpoint: Touchpoint) -> list[str]:
    parts = [p for p in re.split(r"[.\s/:]+", touchpoint.symbol or "") if p]
    named = [p for p in parts if p.lower() not in _GENERIC and _IDENTIFIER.match(p)]
    # `Ticket.send` is a ticket message: a bare verb says nothing, so its class speaks.
    while named and not _drop_verbs(split_words(named[-1])) and len(named) > 1:
        named = named[:-1]
    if named:
        return split_words(named[-1])
    path = PurePosixPath(touchpoint.file)
    for part in (path.stem, *reversed(path.parent.parts)):
        if part.lower() not in _GENERIC and not part.startswith(("[", "(")):
            return split_words(part)
    return []


def _drop_verbs(words: list[str]) -> list[str]:
    while words and (words[0] in _VERBS or words[0] in ("to", "a", "the")):
        words = words[1:]
    return words


def snake(words: list[str]) -> str:
    return "_".join(words)


def pascal(words: list[str]) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words)


def camel(words: list[str]) -> str:
    text = pascal(words)
    return text[:1].lower() + text[1:]


def choose_entity(scan: RepoScan, touchpoint: Touchpoint, source_text: str) -> EntityFacts:
    """The data model the message is about: the class the send is a method of (`Ticket.send`),
    else named in the touchpoint's file, has an email, looks like a person. Falls back to a
    bare `Recipient` with an email."""
    models = [tp for tp in scan.by_kind(Kind.DATA_MODEL) if tp.entity and tp.fields]
    if not models:
        return EntityFacts(name="Recipient", fields=[FactField(name="email", py_type="str", ts_type="string")])
    names = {m.entity for m in models}
    owner = (touchpoint.symbol or "").split(".")[0] if "." in (touchpoint.symbol or "") else ""
    best = max(models, key=lambda m: _entity_score(m, source_text) + 4 * (m.entity == owner))
    return EntityFacts(name=best.entity or "Recipient", location=best.location(), fields=_fact_fields(best, names))


def _entity_score(model: Touchpoint, source_text: str) -> int:
    name = model.entity or ""
    mentioned = re.search(rf"(?i)\b{re.escape(name)}s?\b|\b{re.escape(snake(split_words(name)))}\b", source_text)
    has_email = any(f.name.lower() == "email" for f in model.fields or [])
    person = name.lower() in _PERSON_ENTITIES
    return 3 * bool(mentioned) + 2 * has_email + person


def _fact_fields(model: Touchpoint, entities: set[str | None]) -> list[FactField]:
    fields = [FactField(name="email", py_type="str", ts_type="string")]
    for f in model.fields or []:
        base_type = f.type.rstrip("?[]")
        skip = (
            f.name.lower() in ("email", "id")
            or "updated" in f.name.lower()
            or f.name.endswith(("_id", "Id"))
            or not _IDENTIFIER.match(f.name)
            or keyword.iskeyword(f.name)
            or is_secret_name(f.name)
            or _RELATION_TYPES.search(f.type)
            or base_type in entities
            or f.type.endswith("[]")
        )
        if not skip:
            fields.append(FactField(name=f.name, py_type=_py_type(f.type), ts_type=_ts_type(f.type)))
    return fields[:MAX_FACT_FIELDS]


def _py_type(declared: str) -> str:
    lowered = declared.lower()
    if "bool" in lowered:
        return "bool"
    if "int" in lowered and "point" not in lowered:
        return "int"
    if any(t in lowered for t in ("float", "decimal", "double", "numeric")):
        return "float"
    return "str"


def _ts_type(declared: str) -> str:
    return {"bool": "boolean", "int": "number", "float": "number"}.get(_py_type(declared), "string")
