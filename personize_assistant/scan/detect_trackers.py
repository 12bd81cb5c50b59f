"""In-house usage trackers: the project's own `record_event` / `trackEvent`.

A function whose name says it records a product event is a tracker only when its body
shows it: it forwards the event to a collector over HTTP (reported there), or stores it as
an event row (a seed only: the tracker is the touchpoint, not the insert). A helper it calls
to do the forwarding (`post = debounce(() => axios.post(...))`) holds the reported request,
and the tracker is seeded at the call. Logging, audit and tracing names never qualify.
The wrapper fixpoint then makes callers named for tracking wrappers and every call a
call site. Vocabulary: conventions.yaml.
"""

from __future__ import annotations

import re
from collections import defaultdict

from personize_assistant.scan.detect_calls import HTTP_MODULES, Hit
from personize_assistant.scan.facts import Call, Def
from personize_assistant.scan.findings import name_words
from personize_assistant.scan.resolve import DefRef, Ext, RepoIndex, split_chain
from personize_assistant.scan.rules import conventions

_C = conventions()
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def is_tracker_name(path: str, qualname: str) -> bool:
    """`record_event`, `trackEvent`, `BaseResource.record_event`; not `logEvent`, `AuditTrail.record_event`."""
    words = [w.lower() for w in _WORDS.findall(qualname.rsplit(".", 1)[-1])]
    if len(words) < 2 or words[0] not in _C.tracker_verbs or not _C.tracker_nouns.intersection(words[1:]):
        return False
    context = name_words(qualname) | name_words(path.rsplit("/", 1)[-1].split(".", 1)[0])
    return not context & _C.not_tracker


def tracker_hits(index: RepoIndex, covered: set[tuple[str, str]]) -> tuple[list[Hit], list[Hit]]:
    """(reported hits, seeds) for the trackers the catalog did not already cover."""
    reported: list[Hit] = []
    seeds: list[Hit] = []
    for path, facts in index.facts.items():
        trackers = [
            d for d in facts.defs
            if d.kind in ("function", "method") and (path, d.qualname) not in covered and is_tracker_name(path, d.qualname)
        ]
        if not trackers:
            continue
        by_scope: dict[str, list[Call]] = defaultdict(list)
        for call in facts.calls:
            by_scope[call.scope].append(call)
        for tracker in trackers:
            found = _evidence(index, path, tracker, by_scope)
            reported.extend(found[0])
            seeds.extend(found[1])
    return reported, seeds


def _evidence(index: RepoIndex, path: str, tracker: Def, by_scope: dict[str, list[Call]]) -> tuple[list[Hit], list[Hit]]:
    calls = by_scope.get(tracker.qualname, [])
    forwards = [c for c in calls if _forwards(index, path, c) and _to_collector(index, path, c)]
    if forwards:
        return [_hit(path, c) for c in forwards], []
    for call in calls:
        helper = index.resolve(path, call.scope, call.chain)
        if isinstance(helper, DefRef) and not helper.rest and helper.file == path and helper.qualname != tracker.qualname:
            inner = [c for c in by_scope.get(helper.qualname, []) if _forwards(index, path, c) and _to_collector(index, path, c)]
            if inner:
                # The helper's request is reported; the helper itself is plumbing.
                return [_hit(path, c, seeds=False) for c in inner], [_hit(path, call)]
    stores = [c for c in calls if _stores_event(c)]
    return [], [_hit(path, c) for c in stores[:1]]


def _forwards(index: RepoIndex, path: str, call: Call) -> bool:
    """An HTTP request: `requests.post(hook, ...)`, `axios.post("api/events", ...)`, `fetch(url)`,
    `navigator.sendBeacon(url, body)`."""
    if call.name not in _C.tracker_forwards:
        return False
    names = [name for name, _ in split_chain(call.chain)]
    if len(names) == 1:
        return names[0] in ("fetch", "urlopen")
    if names[0] in HTTP_MODULES or names[0] == "navigator":
        return True  # a project re-export of the client keeps its name (`@/services/axios`)
    resolved = index.resolve(path, call.scope, call.chain)
    return isinstance(resolved, Ext) and (resolved.module in HTTP_MODULES or resolved.module.split("/")[0] in HTTP_MODULES)


def _to_collector(index: RepoIndex, path: str, call: Call) -> bool:
    """The request goes to an event collector (`/api/events`, `EVENT_WEBHOOKS`), not to a
    feature endpoint that happens to be called from a tracking class (`/api/record_view`)."""
    target = call.arg0.split("=", 1)[-1].strip()
    context = [call.args]
    if target.isidentifier():
        binding = index.bindings.get((path, call.scope, target)) or index.bindings.get((path, "", target))
        context += [binding.value, binding.raw] if binding is not None else []
    return _C.collector_url.search(" ".join(context)) is not None


def _stores_event(call: Call) -> bool:
    """`Event.record(raw)`, `models.Event.objects.create(...)`, `db.insert(events)`."""
    names = [name for name, _ in split_chain(call.chain.replace("new:", ""))]
    if call.name not in _C.event_store or len(names) < 2:
        return False
    model = [n for n in names[:-1] if n not in ("objects", "query", "db")]
    if model and _C.event_model.match(model[-1]) and model[-1][:1].isupper():
        return True
    return call.name == "insert" and bool(_C.event_model.match(call.arg0.strip()))


def _hit(path: str, call: Call, seeds: bool = True) -> Hit:
    return Hit(path, call, "event_tracking", "", None, "medium", seeds_wrapper=seeds)
