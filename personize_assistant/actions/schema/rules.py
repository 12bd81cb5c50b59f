"""The per-field decisions SCHEMA makes, each one small and testable.

- `extraction_rule`: which `reference/schema.md` extraction rule applies (AI extraction
  or not, replace or append); the rules themselves are front-matter data.
- `describe`: a description that guides extraction (specific, an example, a boundary).
- `description_problems`: the check every description must pass.
"""

from __future__ import annotations

import re

from personize_assistant.actions.common.fields import system_name, words
from personize_assistant.actions.common.type_map import TypeInfo
from personize_assistant.content.models import DescriptionRules, ExtractionRule, SchemaMeta
from personize_assistant.scan.models import ModelField


def extraction_rule(field: ModelField, info: TypeInfo, meta: SchemaMeta,
                    role: str = "record") -> ExtractionRule:
    """The first rule whose name pattern matches; else one matching the type; else the default.
    Rules limited to some kinds of model (`entity_roles`) only apply to those."""
    tokens = type_tokens(field, info)
    snake = system_name(field.name)
    rules = [r for r in meta.extraction_rules if r.applies_to_role(role)]
    by_name = [r for r in rules if r.matches_name(snake)]
    by_type = [r for r in rules if tokens & {t.lower() for t in r.source_types}]
    if by_name and (info.shape == "long_text" or info.property_type == "text" or not by_type):
        return _per_row(by_name[0], rules, role)
    if by_type:
        return _per_row(by_type[0], rules, role)
    return meta.rule(meta.default_rule)


def _per_row(rule: ExtractionRule, rules: list[ExtractionRule], role: str) -> ExtractionRule:
    """A person has one bio, but a ticket table has many descriptions per person: free text
    on records accumulates instead of each row replacing the last one."""
    if role != "record" or not rule.auto_system or rule.update == "append":
        return rule
    return next((r for r in rules if r.auto_system and r.update == "append"), rule)


def type_tokens(field: ModelField, info: TypeInfo) -> set[str]:
    """Names a rule's `source_types` may use for this field: the bare ORM type name, plus
    `text` for long-text columns, `enum` for enums and the property type for non-text."""
    bare = re.sub(r"[\[(<?].*$", "", field.type.strip()).split(".")[-1].lower()
    tokens = {bare}
    if info.shape == "long_text" or "@db.text" in field.type.lower():
        tokens.add("text")
    if field.enum_values or info.property_type == "options":
        tokens.add("enum")
    if info.property_type not in ("text", "options", "array"):
        tokens.add(info.property_type)
    if bare == "text" and info.shape != "long_text":
        tokens.discard("text")
    return tokens


# --- descriptions -----------------------------------------------------------------------

# Typical values by meaning, so the example in a description looks like real data. Order
# matters: the first match wins (`contact_name` is a person before `name$` is a company).
_EXAMPLES: tuple[tuple[str, str], ...] = (
    (r"email", "'ana@northwind.io'"),
    (r"phone|mobile", "'+14155550123'"),
    (r"timezone|time_zone|(^|_)tz$", "'Europe/Berlin'"),
    (r"locale|language|(^|_)lang$", "'en-GB'"),
    (r"currency", "'EUR'"),
    (r"(vat|tax)_?(number|id|no)", "'DE123456789'"),
    (r"domain", "'northwind.io'"),
    (r"website|url|(^|_)site$|homepage", "'https://northwind.io'"),
    (r"image|avatar|photo|logo", "'https://cdn.northwind.io/a/ana.png'"),
    (r"first_?name|given", "'Ana'"),
    (r"last_?name|family|surname", "'Ruiz'"),
    (r"contact_?name|full_?name|display_?name|person", "'Ana Ruiz'"),
    (r"user_?name|handle|login", "'ana.ruiz'"),
    (r"slug", "'northwind'"),
    (r"job_?title|position|headline", "'Head of Growth'"),
    (r"profession|occupation", "'designer'"),
    (r"(^|_)role$", "'admin'"),
    (r"industry|sector", "'Healthcare Technology'"),
    (r"company|employer|organi[sz]ation", "'Northwind Analytics'"),
    (r"segment|tier", "'mid-market'"),
    (r"country", "'DE'"),
    (r"city", "'Berlin'"),
    (r"question", "'How likely are you to recommend us to a colleague?'"),
    (r"goals?$", "'cut month-end close to three days'"),
    (r"preferences|settings|config|metadata", "'{\"digest\": \"weekly\"}'"),
    (r"tags?$|labels?$", "['pricing', 'onboarding']"),
    (r"(^|_)status$", "'active'"),
)
# Self-descriptions only read like a bio on people and organisations.
_ABOUT = (r"bio$|about|summary|description|headline", "'Runs finance for a 40-person design studio'")
_NUMBERS: tuple[tuple[str, str], ...] = (
    (r"sentiment", "0.6"),
    (r"score|rating|nps", "8"),
    (r"amount|price|total|revenue|spend|mrr|arr|balance|cost|fee", "1250"),
    (r"seats|employee|headcount|size", "40"),
    (r"days$", "30"),
    (r"count$|quantity|qty", "3"),
)
_LABEL = re.compile(r"^(name|title|label)$")


_SCOPE: dict[str, str] = {
    "text": "Copy the value stored in {app}; do not infer it from conversations or guess a missing value.",
    "number": "Use the latest figure from {app} only, not estimates or targets mentioned in messages.",
    "date": "Only a date that actually happened or is scheduled in {app}; not dates mentioned hypothetically.",
    "boolean": "Leave it empty when {app} has no value rather than assuming false.",
    "options": "Only one of the listed values; not plans or states merely discussed in conversation.",
    "array": "Only values recorded in {app}; not topics that were merely mentioned in passing.",
    "json": "Store the JSON exactly as {app} holds it; do not summarise or reformat it.",
}


def example_value(name: str, info: TypeInfo, options: list[str] | None,
                  role: str = "record", entity: str = "") -> str:
    """A realistic value for `name`, or an honest pointer at the column when nothing
    typical is known (a made-up value of the wrong kind misleads the extractor)."""
    snake = system_name(name)
    if options:
        return f"'{options[min(1, len(options) - 1)]}'"
    if info.property_type in ("number", "date", "boolean"):
        return _scalar_example(snake, info.property_type)
    if _LABEL.match(snake):
        return _label_example(snake, role, entity)
    table = (*(_EXAMPLES if role == "record" else (_ABOUT, *_EXAMPLES)),)
    for pattern, example in table:
        if re.search(pattern, snake):
            return example
    source = f"{entity}.{name}" if entity else name
    return "['first', 'second']" if info.property_type == "array" else f"the value {source} holds, as stored"


def _scalar_example(snake: str, property_type: str) -> str:
    if property_type == "date":
        return "'2026-03-15'"
    if property_type == "boolean":
        return "true"
    return next((example for pattern, example in _NUMBERS if re.search(pattern, snake)), "12")


def _label_example(snake: str, role: str, entity: str) -> str:
    if role == "person":
        return "'Head of Growth'" if snake == "title" else "'Ana Ruiz'"
    if role == "organization" or not entity:
        return "'Northwind Analytics'"
    return f"'Northwind {' '.join(words(entity))}'"


_CREATED = re.compile(r"^(created(_at|_on)?|date_joined|signed_up_at|joined_at|signup_date)$")


def describe(entity: str, field: ModelField, info: TypeInfo, options: list[str] | None,
             rule: ExtractionRule, app: str, role: str = "record") -> str:
    """A description written for the extraction model: what, an example, and a boundary.
    `role` (person / organization / record) picks realistic examples and wording."""
    human = " ".join(words(field.name))
    source = f"{entity}.{field.name}"
    example = example_value(field.name, info, options, role=role, entity=entity)
    if rule.auto_system and rule.update == "append":
        return (f"What the free-text {human} on {app}'s {entity} records ({source}) says about "
                f"this person or account: needs, complaints, requests and preferences, e.g. "
                f"'asked for a Slack integration'. Extract concrete statements only; skip "
                f"greetings, signatures and boilerplate, and never invent facts not written there.")
    if rule.auto_system:
        return (f"The current {human} of this {entity} as stated in {app} ({source}) or in "
                f"conversation, e.g. {example}. Keep only the most recent statement rather than "
                f"merging old and new values.")
    scope = _SCOPE["json" if info.shape == "json" else info.property_type].format(app=app)
    return f"{_what(entity, field, info, options, app, role)}, e.g. {example}. {scope}"


def _what(entity: str, field: ModelField, info: TypeInfo, options: list[str] | None, app: str,
          role: str) -> str:
    human = " ".join(words(field.name))
    source = f"{entity}.{field.name}"
    if info.property_type == "date" and _CREATED.match(system_name(field.name)):
        signup = ", i.e. when they signed up" if role != "record" else ""
        return f"When this {entity} was first created in {app} ({source}){signup}, as an ISO 8601 date"
    if info.shape == "json":
        return f"The {human} stored as JSON on {app}'s {entity} record ({source}), kept as JSON text"
    if info.property_type == "options" and options:
        return f"The {human} on {app}'s {entity} record ({source}), one of {', '.join(options)}"
    if info.property_type == "boolean":
        return f"Whether the {entity}'s {human} flag is set in {app} ({source})"
    if info.property_type == "date":
        return f"The {entity}'s {human} from {source}, as an ISO 8601 date"
    if info.property_type == "number":
        return f"The {human} of the {entity} as a number, from {source}"
    return f"The {human} recorded on {app}'s {entity} record ({source})"


_STOPWORDS = {
    "the", "a", "an", "of", "on", "in", "for", "and", "or", "to", "is", "as", "it", "this",
    "that", "its", "from", "by", "with", "e", "g",
}


def description_problems(name: str, description: str, rules: DescriptionRules) -> list[str]:
    """Why `description` would guide extraction badly; empty when it passes every rule."""
    problems: list[str] = []
    lowered = description.lower()
    if len(description.strip()) < rules.min_length:
        problems.append(f"shorter than {rules.min_length} characters")
    if rules.require_example and not any(m.lower() in lowered for m in rules.example_markers):
        problems.append("has no example")
    if rules.require_boundary and not any(m.lower() in lowered for m in rules.boundary_markers):
        problems.append("does not say what is out of scope")
    if rules.forbid_restating_name and _restates(name, description):
        problems.append("only restates the property name")
    return problems


def _restates(name: str, description: str) -> bool:
    """True when, once the name's own words are removed, almost nothing is left."""
    name_words = set(words(name))
    other = [w for w in re.findall(r"[a-z0-9]+", description.lower())
             if w not in name_words and w not in _STOPWORDS]
    return len(other) < 4
