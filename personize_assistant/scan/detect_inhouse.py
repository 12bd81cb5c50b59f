"""Sends the catalog cannot see because the repo (or its own packages) wraps them.

- In-house analytics modules: `events.app.created(...)` where `events` comes from the
  project's own telemetry package (`@budibase/backend-core`) whose publishers forward to
  PostHog/Segment/an audit log. The package is often not in the scanned tree, so the
  shape is the evidence: a namespace named for events, an area, then an event name.
- Repeatable queue jobs on a queue object the resolver cannot follow to bull/bullmq
  (a project `Queue` class around bull): `queue.add(data, { repeat: { cron } })`.
- Automation/integration steps named for a service (`steps/slack.ts`, `actions/zapier.py`)
  that POST to a URL the user configured: that request is the step's delivery.
"""

from __future__ import annotations

from personize_assistant.scan.catalog import Catalog
from personize_assistant.scan.detect_calls import HTTP_MODULES, Hit
from personize_assistant.scan.facts import Call
from personize_assistant.scan.resolve import DefRef, Ext, ModRef, RepoIndex, split_chain
from personize_assistant.scan.rules import senders

_S = senders()

PUBLISHER_ROOTS = _S.publisher_roots
_NOT_AN_EVENT = _S.not_an_event
_NOT_AN_AREA = _S.not_an_area
"""Set-up, flag checks and emitter plumbing on an events namespace are not events."""
_EMITTER_MODULES = _S.emitter_modules

_REPEAT_OPTION = _S.repeat_option
_INTERVAL = _S.interval
"""agenda `every("5 minutes", ...)` / `every("0 3 * * *", ...)`."""
_QUEUE_LIBRARIES = _S.queue_libraries

_STEP_FOLDER = _S.step_folder
_SERVICE_CHANNELS = _S.service_channels
_UI_SUFFIXES = _S.ui_suffixes
_NOT_A_RUNTIME_URL = _S.not_a_runtime_url
"""A literal URL is the catalog's to judge (`fetch("/api/slack/connect")` is the app's own
backend); an OAuth/token exchange is set-up, not a message."""
_POST_CALLS = _S.post_calls


def inhouse_hits(index: RepoIndex, catalog: Catalog) -> list[Hit]:
    found: list[Hit] = []
    repo_queues = any(m.startswith(_QUEUE_LIBRARIES) for m in index.repo_modules)
    repo_agenda = any(m in _S.agenda_modules for m in index.repo_modules)
    for path, facts in index.facts.items():
        step_channel = _step_channel(path)
        for call in facts.calls:
            hit = _event_publisher(index, catalog, path, call)
            if hit is None and repo_queues:
                hit = _repeatable_job(path, call)
            if hit is None and repo_agenda and call.name == "every" and _INTERVAL.match(call.arg0):
                hit = Hit(path, call, "scheduled_job", "agenda", None, "medium")  # an injected `agenda`
            if hit is None and step_channel is not None:
                hit = _step_post(index, path, call, step_channel)
            if hit is not None:
                found.append(hit)
    return found


def _event_publisher(index: RepoIndex, catalog: Catalog, path: str, call: Call) -> Hit | None:
    """`events.app.created(app)`: exactly namespace.area.event, nothing called in between."""
    root, _, rest = call.chain.partition(".")
    if root not in PUBLISHER_ROOTS or "(" in rest or "[" in rest or rest.count(".") != 1:
        return None
    area = rest.partition(".")[0]
    if _NOT_AN_EVENT.match(call.name) or _NOT_AN_EVENT.match(area) or area in _NOT_AN_AREA:
        return None
    if _is_parameter(index, path, call.scope, root):
        return None  # `function replay(events) { events.screen.created(x) }`: data passed in
    source = index.lookup(path, call.scope, root, 0)
    if isinstance(source, Ext):
        module = source.module
        if module in _EMITTER_MODULES or _catalog_module(catalog, module):
            return None  # the catalog (or nothing) speaks for a known library
    elif isinstance(source, DefRef | ModRef):
        module = source.file  # the project's own events module
    else:
        return None  # a local variable or parameter named `events` is just data
    return Hit(path, call, "event_tracking", module, None, "medium", seeds_wrapper=False)


def _is_parameter(index: RepoIndex, path: str, scope: str, name: str) -> bool:
    definition = index.defs.get(path, {}).get(scope) if scope else None
    return definition is not None and any(param == name for param, _ in definition.params)


def _catalog_module(catalog: Catalog, module: str) -> bool:
    return any(rule.module_matches(module) for rule in catalog.data.providers)


def _repeatable_job(path: str, call: Call) -> Hit | None:
    """`someQueue.add(data, { repeat: { every: 30_000 } })` in a repo that uses bull."""
    if "." not in call.chain:
        return None
    if call.name == "add" and _REPEAT_OPTION.search(call.args):
        return Hit(path, call, "scheduled_job", "bull", None, "medium")
    if call.name == "upsertJobScheduler":
        return Hit(path, call, "scheduled_job", "bullmq", None, "medium")
    return None


def _step_channel(path: str) -> str | None:
    """`src/automations/steps/slack.ts` -> `slack`; only server files in a steps/actions folder."""
    if path.endswith(_UI_SUFFIXES) or "/components/" in f"/{path}":
        return None
    folders = path.split("/")[:-1]
    if not any(_STEP_FOLDER.match(folder) for folder in folders):
        return None
    stem = path.rsplit("/", 1)[-1].split(".", 1)[0]
    for channel, pattern in _SERVICE_CHANNELS.items():
        if pattern.search(stem):
            return channel
    return None


def _step_post(index: RepoIndex, path: str, call: Call, channel: str) -> Hit | None:
    """An HTTP request (or the repo's own fetch helper) made by a service-named step."""
    names = [name for name, _ in split_chain(call.chain)]
    if _NOT_A_RUNTIME_URL.search(call.arg0) or not names or not _is_request(index, path, call, names):
        return None
    provider = path.rsplit("/", 1)[-1].split(".", 1)[0].lower()
    return Hit(path, call, "notification", provider, channel, "medium", seeds_wrapper=False)


def _is_request(index: RepoIndex, path: str, call: Call, names: list[str]) -> bool:
    last = names[-1]
    if last not in _POST_CALLS and not last.startswith(("fetch", "post", "request")):
        return False
    if call.name == "get":
        return False
    resolved = index.resolve(path, call.scope, call.chain)
    if isinstance(resolved, Ext):
        return resolved.module.split("/")[0] in HTTP_MODULES or resolved.module in HTTP_MODULES
    if isinstance(resolved, DefRef):
        # The project's fetch helper (`fetchWithBlacklist(url, init)`), not any repo function.
        return not resolved.rest and last.startswith(("fetch", "post", "request"))
    return len(names) == 1 and last == "fetch"
