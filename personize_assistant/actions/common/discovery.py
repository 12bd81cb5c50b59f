"""What we know about the user's product: the `Discovery` model, prefilled from a scan.

Every field is a `Fact` carrying its value and where it came from:

- `scan`    — read from the code (stack, channels in use, data models, providers);
- `user`    — answered by the developer (an answers file or the `discover` conversation);
- `assumed` — a default the planning actions filled in so they can proceed; shown to
  the user as an assumption to confirm, and never counted as known.

The eight *output* fields (`OUTPUT_FIELDS`) are the ones DISCOVER must establish; the
others give the planning actions more to work with. A user answer always wins over a
scan or an assumption (`Discovery.merged_with`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Generic, Literal, Protocol, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from personize_assistant.actions.common.fields import words
from personize_assistant.actions.common.focus import FocusDecisions, parse_decisions
from personize_assistant.actions.common.schema_decisions import SchemaDecisions
from personize_assistant.content.library import Library
from personize_assistant.content.models.discover import DISCOVERY_FIELDS
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

Source = Literal["scan", "user", "assumed"]
PlanTier = Literal["free", "starter", "pro", "enterprise"]
T = TypeVar("T")


class Fact(BaseModel, Generic[T]):
    """One discovered value and its provenance."""

    model_config = ConfigDict(extra="forbid")

    value: T
    source: Source
    evidence: list[str] = Field(default_factory=list)
    """Where a scanned value was seen (`file:line`), so the user can check it."""


TextFact = Fact[str]
ListFact = Fact[list[str]]

# The fields DISCOVER has to establish: the ones reference/discover.md's front matter lists.
OUTPUT_FIELDS: tuple[str, ...] = DISCOVERY_FIELDS
CONTEXT_FIELDS: tuple[str, ...] = (
    "users",
    "tech_stack",
    "current_personalization",
    "manual_workflows",
    "data_gaps",
)
PLANNING_FIELDS: tuple[str, ...] = ("plan_tier", "daily_volume")
ALL_FIELDS = OUTPUT_FIELDS + CONTEXT_FIELDS + PLANNING_FIELDS
SCHEMA_SECTION = "schema"
"""The answers file's section for SchemaDecisions (not a discovery fact)."""
DECISION_SECTIONS: dict[str, str] = {"propose": "propose_decisions", "plan": "plan_decisions"}
"""The answers file's sections of expert decisions (not discovery facts) -> their field."""


class Discovery(BaseModel):
    """Answers to DISCOVER's questions; `None` means not known yet."""

    model_config = ConfigDict(extra="forbid")

    product: TextFact | None = None
    """What the product does, in a sentence or two."""
    surfaces: ListFact | None = None
    """Where users meet the product: web_app, email, sms, slack, push, in_app, dashboards…"""
    data_sources: ListFact | None = None
    """Systems holding data about users: the app database, Stripe, Segment, a CRM…"""
    entity_types: ListFact | None = None
    """The entities worth remembering (data model names: User, Organization…)."""
    key_properties: ListFact | None = None
    """The most useful facts per entity, as `Entity.field`."""
    governance_needs: ListFact | None = None
    """Rules generated content must follow: brand voice, ICP, compliance, channel rules."""
    priority_channel: TextFact | None = None
    """The channel to personalise first (email, in_app, slack…)."""
    quick_win: TextFact | None = None
    """The first feature to ship, small enough for week 2."""

    users: TextFact | None = None
    tech_stack: ListFact | None = None
    current_personalization: ListFact | None = None
    manual_workflows: ListFact | None = None
    data_gaps: ListFact | None = None

    plan_tier: Fact[PlanTier] | None = None
    """Personize plan, for the rate-limit budget."""
    daily_volume: Fact[int] | None = None
    """Expected personalised messages/records per day, for the rate-limit budget."""

    schema_decisions: SchemaDecisions | None = None
    """The expert's entity-model calls (the answers file's `schema:` section); SCHEMA
    validates them against the scan."""
    propose_decisions: FocusDecisions | None = None
    """The expert's calls for PROPOSE (the answers file's `propose:` section)."""
    plan_decisions: FocusDecisions | None = None
    """The expert's calls for PLAN (`plan:`), laid over PROPOSE's."""

    def fact(self, name: str) -> Fact[Any] | None:
        value = getattr(self, name)
        return value if isinstance(value, Fact) else None

    def known_fields(self) -> list[str]:
        """Output fields established by the code or the user (assumptions do not count)."""
        return [name for name in OUTPUT_FIELDS if _is_known(self.fact(name))]

    def missing_fields(self) -> list[str]:
        return [name for name in OUTPUT_FIELDS if not _is_known(self.fact(name))]

    def assumed_fields(self) -> list[str]:
        return [name for name in ALL_FIELDS if _source(self.fact(name)) == "assumed"]

    def is_complete(self, min_known_fields: int = 6) -> bool:
        """Enough is known to plan; the threshold comes from DiscoverMeta.min_known_fields."""
        return len(self.known_fields()) >= min_known_fields

    def merged_with(self, override: Discovery) -> Discovery:
        """This discovery with every fact of `override` laid over it, by source priority."""
        merged = self.model_copy()
        for name in ALL_FIELDS:
            mine, theirs = self.fact(name), override.fact(name)
            if theirs is not None and (
                mine is None or _PRIORITY[theirs.source] >= _PRIORITY[mine.source]
            ):
                setattr(merged, name, theirs)
        if override.schema_decisions is not None:
            mine_decisions = self.schema_decisions or SchemaDecisions()
            merged.schema_decisions = mine_decisions.merged_with(override.schema_decisions)
        for name in DECISION_SECTIONS.values():
            mine_decided, theirs_decided = getattr(self, name), getattr(override, name)
            if theirs_decided is not None:
                setattr(merged, name, theirs_decided.over(mine_decided or FocusDecisions()))
        return merged

    def decisions(self, action: str) -> FocusDecisions:
        """What the user decided for `action`; PLAN starts from PROPOSE's decisions (a quick
        win chosen for the proposal carries into the plan)."""
        chosen = self.propose_decisions or FocusDecisions()
        return (self.plan_decisions or FocusDecisions()).over(chosen) if action == "plan" else chosen

    def value(self, name: str, default: Any = None) -> Any:
        fact = self.fact(name)
        return default if fact is None else fact.value


_PRIORITY: dict[Source, int] = {"assumed": 0, "scan": 1, "user": 2}


def _source(fact: Fact[Any] | None) -> Source | None:
    return None if fact is None else fact.source


def _is_known(fact: Fact[Any] | None) -> bool:
    return fact is not None and fact.source != "assumed" and fact.value not in ("", [], None)


# --- answers files ---------------------------------------------------------------------


def load_answers(path: Path, base: Discovery | None = None) -> Discovery:
    """Read a YAML/JSON answers file; its facts are `user` facts and win over `base`."""
    answers = answers_from_mapping(_read_mapping(path), origin=str(path))
    return answers if base is None else base.merged_with(answers)


def answers_from_mapping(data: dict[str, Any], origin: str = "answers") -> Discovery:
    """Turn `{field: value}` (or `{field: {value: …}}`) into a Discovery of user facts;
    a `schema:` section holds the expert's SchemaDecisions, a `propose:`/`plan:` section that
    action's decisions (FocusDecisions)."""
    sections = {SCHEMA_SECTION, *DECISION_SECTIONS}
    unknown = sorted(str(key) for key in set(data) - set(ALL_FIELDS) - sections)
    if unknown:
        raise UsageError(f"{origin}: {_unknown_fields(unknown)}")
    facts: dict[str, Any] = {name: _user_fact(name, raw) for name, raw in data.items()
                             if raw is not None and name not in sections}
    if data.get(SCHEMA_SECTION) is not None:
        facts["schema_decisions"] = data[SCHEMA_SECTION]
    for section, name in DECISION_SECTIONS.items():
        if data.get(section) is not None:
            facts[name] = _decisions(data[section], f"{origin}: {section}")
    try:
        return Discovery.model_validate(facts)
    except ValidationError as exc:
        first = exc.errors()[0]
        # `value` is our wrapper, not something the user wrote: `priority_channel: 5` reports
        # `priority_channel`, not `priority_channel.value`.
        where = ".".join(str(part) for part in first["loc"] if part != "value")
        where = where.replace("schema_decisions", SCHEMA_SECTION, 1)
        given = repr(first.get("input"))
        given = given if len(given) <= 40 else given[:37] + "..."
        raise UsageError(f"{origin}: {where}: {first['msg']} (got {given})") from exc


def _decisions(raw: Any, origin: str) -> FocusDecisions:
    if not isinstance(raw, dict):
        raise UsageError(f"{origin}: expected a mapping of decisions (quick_win, touchpoints, use_cases, "
                         f"content, channels), got {type(raw).__name__}")
    return parse_decisions(raw, origin)


def _unknown_fields(unknown: list[str]) -> str:
    """`unknown discovery field prodct (did you mean product?)`; the full list otherwise."""
    import difflib

    known = [*ALL_FIELDS, *DECISION_SECTIONS]
    guesses = {name: difflib.get_close_matches(name, known, n=1) for name in unknown}
    named = ", ".join(f"{name} (did you mean {guesses[name][0]}?)" if guesses[name] else name for name in unknown)
    message = f"unknown discovery field{'s' if len(unknown) > 1 else ''} {named}"
    if all(guesses.values()):
        return message
    return f"{message}; expected some of {', '.join(known)}"


def _user_fact(name: str, raw: Any) -> dict[str, Any]:
    value = raw["value"] if isinstance(raw, dict) and "value" in raw else raw
    if name in _LIST_FIELDS and isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if name == "plan_tier" and isinstance(value, str):
        value = value.strip().lower()
    return {"value": value, "source": "user"}


_LIST_FIELDS = {
    name
    for name, info in Discovery.model_fields.items()
    if info.annotation is not None and "list" in str(info.annotation)
}


def _read_mapping(path: Path) -> dict[str, Any]:
    try:
        text = path.expanduser().read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read answers file {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise UsageError(f"{where}: not valid YAML: {problem}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"{path}: expected a mapping of discovery fields, got {type(data).__name__}")
    return data


# --- prefill from a scan ------------------------------------------------------------------

_DATA_SOURCE_DEPENDENCIES: dict[str, str] = {
    "stripe": "Stripe (billing)",
    "@hubspot/api-client": "HubSpot (CRM)",
    "hubspot-api-client": "HubSpot (CRM)",
    "jsforce": "Salesforce (CRM)",
    "simple-salesforce": "Salesforce (CRM)",
    "analytics-node": "Segment (product analytics)",
    "@segment/analytics-node": "Segment (product analytics)",
    "posthog-node": "PostHog (product analytics)",
    "posthog": "PostHog (product analytics)",
    "mixpanel": "Mixpanel (product analytics)",
    "intercom-client": "Intercom (support)",
    "node-zendesk": "Zendesk (support)",
    "zenpy": "Zendesk (support)",
}
_KEY_PROPERTIES_PER_ENTITY = 5


def prefill_from_scan(scan: RepoScan, library: Library) -> Discovery:
    """What the code already says: stack, channels in use, entities and their key fields,
    data sources and any personalization already there. Everything is a `scan` fact."""
    return Discovery(
        tech_stack=_scan_fact(_tech_stack(scan)),
        surfaces=_scan_fact(*_surfaces(scan)),
        entity_types=_scan_fact(*_entities(scan)),
        key_properties=_scan_fact(*_key_properties(scan, library)),
        data_sources=_scan_fact(*_data_sources(scan)),
        current_personalization=_scan_fact(*_current_personalization(scan)),
    )


def _scan_fact(values: list[str], evidence: list[str] | None = None) -> ListFact | None:
    return Fact(value=values, source="scan", evidence=evidence or []) if values else None


def _tech_stack(scan: RepoScan) -> list[str]:
    languages = sorted(scan.stack.languages, key=lambda lang: -scan.stack.languages[lang])
    return [*languages[:3], *scan.stack.frameworks, *scan.stack.package_managers]


def _surfaces(scan: RepoScan) -> tuple[list[str], list[str]]:
    seen: dict[str, str] = {}
    for tp in scan.touchpoints:
        if tp.kind != Kind.DATA_MODEL:
            seen.setdefault(tp.surface.value, tp.location())
    return sorted(seen), [seen[s] for s in sorted(seen)]


def _entities(scan: RepoScan) -> tuple[list[str], list[str]]:
    models = scan.by_kind(Kind.DATA_MODEL)
    names = list(dict.fromkeys(t.entity or t.symbol or "" for t in models if t.entity or t.symbol))
    return names, [t.location() for t in models]


def _key_properties(scan: RepoScan, library: Library) -> tuple[list[str], list[str]]:
    """Up to five fields per person/organisation model that are neither secrets nor ids."""
    from personize_assistant.actions.common.entities import collect_models
    from personize_assistant.actions.common.fields import exclusion_reason
    from personize_assistant.actions.common.type_map import classify_type

    meta = library.schema.meta
    names = frozenset(t.entity or "" for t in scan.by_kind(Kind.DATA_MODEL))
    found: list[str] = []
    evidence: list[str] = []
    for model in collect_models(scan.by_kind(Kind.DATA_MODEL)):
        if model.role == "record":
            continue
        evidence.append(model.touchpoint.location())
        kept = [f.name for f in model.fields
                if exclusion_reason(f, classify_type(f.type, model.touchpoint.framework, f.enum_values, names), meta) is None]
        found += [f"{model.entity}.{name}" for name in kept[:_KEY_PROPERTIES_PER_ENTITY]]
    return found, evidence


def _data_sources(scan: RepoScan) -> tuple[list[str], list[str]]:
    sources: dict[str, str] = {}
    for tp in scan.by_kind(Kind.DATA_MODEL):
        orm = tp.framework or "ORM"
        sources.setdefault(f"Application database ({orm} models)", tp.file)
    for tp in scan.by_kind(Kind.WEBHOOK_HANDLER) + scan.by_kind(Kind.EVENT_TRACKING):
        if tp.provider:
            kind = "webhooks" if tp.kind == Kind.WEBHOOK_HANDLER else "events"
            sources.setdefault(f"{tp.provider.capitalize()} {kind}", tp.location())
    for dependency, label in _DATA_SOURCE_DEPENDENCIES.items():
        # `PostHog (product analytics)` adds nothing to `Posthog events` already seen in the code.
        if dependency in scan.stack.dependencies and not any(label.split()[0].lower() in s.lower() for s in sources):
            sources.setdefault(label, f"dependency {dependency}")
    return list(sources), list(sources.values())


def _current_personalization(scan: RepoScan) -> tuple[list[str], list[str]]:
    # Two calls in one function are one piece of personalization: one line, every line number.
    groups: dict[tuple[str, str, str], list[Touchpoint]] = {}
    for t in scan.by_kind(Kind.LLM_CALL) + scan.by_kind(Kind.PERSONIZE_CALL):
        groups.setdefault((t.provider or t.kind.value, t.file, t.symbol or t.file), []).append(t)
    labels = [f"{what} call in {symbol} ({file}:{', '.join(str(t.line) for t in calls)})"
              for (what, file, symbol), calls in groups.items()]
    return labels, [calls[0].location() for calls in groups.values()]


# --------------------------------------------------------------------------- answers → code

_SHORT = 3  # words this short ("the", "a", "to") say nothing about which code the user meant


def user_answer(discovery: Discovery, name: str) -> str | None:
    """The user's own answer for `name`, or None when it was inferred or assumed."""
    fact = discovery.fact(name)
    return str(fact.value) if fact is not None and fact.source == "user" and fact.value else None


class _Named(Protocol):
    @property
    def symbol(self) -> str | None: ...
    @property
    def file(self) -> str: ...


N = TypeVar("N", bound=_Named)


def named_by_answer(text: str, touchpoints: list[N]) -> N | None:
    """The touchpoint the user's words name: a symbol or file spelled out, else the one
    whose symbol and file share the most words with the answer ("the weekly digest" →
    `sendWeeklyDigest`). Ties keep the caller's order, which is already ranked."""
    lowered = text.lower()
    spelled = next((t for t in touchpoints
                    if (t.symbol and t.symbol.lower() in lowered) or t.file.lower() in lowered), None)
    if spelled is not None:
        return spelled
    said = {w for w in words(text) if len(w) > _SHORT}
    scored = [(len(said & _touchpoint_words(t)), -i, t) for i, t in enumerate(touchpoints)]
    best = max(scored, default=None, key=lambda s: (s[0], s[1]))
    return best[2] if best is not None and best[0] > 0 else None


def _touchpoint_words(tp: _Named) -> set[str]:
    stem = Path(tp.file).stem
    return {w for w in words(f"{tp.symbol or ''} {stem}") if len(w) > _SHORT}
