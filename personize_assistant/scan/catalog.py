"""The provider catalog (catalog.yaml), loaded once per process into typed rules."""

from __future__ import annotations

import fnmatch
import re
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.scan.digest import rule_files as rule_files
from personize_assistant.scan.digest import rules_digest
from personize_assistant.scan.models import Channel
from personize_assistant.scan.rules import jobs, senders

RuleKind = Literal[
    "email_send",
    "notification",
    "event_tracking",
    "llm_call",
    "personize_call",
    "scheduled_job",
    "user_context",
    "webhook_verify",
    "file_upload",
]


class ProviderRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    provider: str
    kind: RuleKind
    channel: Channel | None = None
    modules: list[str] = Field(default_factory=list)
    calls: list[str] = Field(default_factory=list)
    loose: list[str] = Field(default_factory=list)
    args: str | None = None
    loose_needs_import: bool = False
    """Loose matches count only in files that import one of `modules` (generic names)."""
    arg0: str | None = None
    schedule_arg: int | None = None

    def module_matches(self, module: str) -> bool:
        return any(_module_match(pattern, module) for pattern in self.modules)


class UrlRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pattern: str
    verbs: list[str] = Field(default_factory=list)
    """Only these callee names (e.g. POST-style calls for generic webhooks)."""
    args: str | None = None
    """Regex the call's arguments must match (e.g. `method: 'POST'` for fetch)."""
    kind: RuleKind
    provider: str
    channel: Channel | None = None


class MarkerRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pattern: str
    hints: list[str]


class SnippetRule(BaseModel):
    """An analytics tag written into markup or a head config (`<script src=".../plausible.js">`)."""

    model_config = ConfigDict(extra="forbid")

    provider: str
    pattern: str
    hints: list[str]
    modules: list[str] = []
    """A component's modules: the tag counts only in a file importing one of them."""


SNIPPET = "snippet:"
"""Marker name prefix of an analytics snippet; the provider follows."""


class DataModelRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    skip_entities: str
    config_entities: str
    person_entities: str
    link_attributes: str
    schema_calls: list[str]


class CatalogFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    providers: list[ProviderRule]
    globals: list[ProviderRule]
    http_calls: list[str]
    urls: list[UrlRule]
    markers: dict[str, MarkerRule]
    snippets: list[SnippetRule]
    data_models: DataModelRules


ARGUMENT_CALLS = senders().argument_calls
"""Calls whose arguments detection reads besides the catalog's (senders.yaml)."""
IN_APP_ROW = senders().in_app_row
"""Model classes whose rows are messages shown to a user inside the app."""
HTTP_HELPER = senders().http_helper_name
"""Calls of the project's HTTP helper keep their arguments: the URL is in them."""


def _module_match(pattern: str, module: str) -> bool:
    if "*" in pattern:
        return fnmatch.fnmatchcase(module, pattern)
    return module == pattern or module.startswith((pattern + "/", pattern + "."))


class Catalog:
    """Rules plus the indexes the matcher needs (last call segment -> rules)."""

    def __init__(self, data: CatalogFile, digest: str) -> None:
        self.data = data
        self.digest = digest
        self.by_last: dict[str, list[tuple[ProviderRule, tuple[str, ...]]]] = {}
        self.loose_by_last: dict[str, list[tuple[ProviderRule, tuple[str, ...]]]] = {}
        for rule in data.providers:
            for call in rule.calls:
                parts = tuple(call.split("."))
                self.by_last.setdefault(parts[-1], []).append((rule, parts))
            for call in rule.loose:
                parts = tuple(call.split("."))
                self.loose_by_last.setdefault(parts[-1], []).append((rule, parts))
        self.globals: dict[str, ProviderRule] = {
            call: rule for rule in data.globals for call in rule.calls
        }
        self.http_calls = frozenset(data.http_calls)
        self.url_patterns = [(re.compile(u.pattern), u) for u in data.urls]
        self.marker_patterns = [
            (name, re.compile(rule.pattern.encode()), tuple(h.encode() for h in rule.hints))
            for name, rule in data.markers.items()
        ] + [
            (SNIPPET + rule.provider + ("@" + str(number) if rule.modules else ""), re.compile(rule.pattern.encode()), tuple(h.encode() for h in rule.hints))
            for number, rule in enumerate(data.snippets)
        ]
        self.schema_calls = frozenset(data.data_models.schema_calls)
        self.skip_entities = re.compile(data.data_models.skip_entities)
        self.config_entities = re.compile(data.data_models.config_entities)
        self.person_entities = re.compile(data.data_models.person_entities)
        self.link_attributes = re.compile(data.data_models.link_attributes)
        self.interesting_last = frozenset(self.by_last) | frozenset(self.loose_by_last)
        self.wants_arguments = (
            self.interesting_last
            | self.http_calls
            | self.schema_calls
            | frozenset(call.rsplit(".", 1)[-1] for call in self.globals)
            | ARGUMENT_CALLS
            | jobs().trigger_calls
            | jobs().worker_calls
        )
        """Last callee segments whose arguments detection reads; other calls drop them."""
        self.argument_names = IN_APP_ROW
        """Also keep arguments of calls named like in-app notification rows."""
        self._named: dict[str, bool] = {}

    def keeps_arguments(self, name: str) -> bool:
        if name in self.wants_arguments:
            return True
        known = self._named.get(name)
        if known is None:  # a name's answer is asked once per file per call: remember it
            known = self._named[name] = bool(
                self.argument_names.match(name) or HTTP_HELPER.match(name) or jobs().schedule_registrations.search(name)
            )
        return known



# libyaml's safe loader reads the catalog ~10x faster than the pure-Python one (same data).
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_catalog() -> Catalog:
    source = files("personize_assistant.scan").joinpath("catalog.yaml").read_text(encoding="utf-8")
    raw: Any = yaml.load(source, Loader=_SAFE_LOADER)
    return Catalog(CatalogFile.model_validate(raw), rules_digest())
