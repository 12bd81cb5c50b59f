"""Library calls matched against the catalog, and the repo's own wrappers around them.

A function whose body sends (directly, or through another wrapper: a fixpoint) is a
wrapper; its definition and every resolved call to it are touchpoints.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from personize_assistant.scan.catalog import Catalog, ProviderRule
from personize_assistant.scan.detect_http import (
    helper_target,
    http_helpers,
    service_post,
    url_context,
)
from personize_assistant.scan.detect_jobs import JobIndex
from personize_assistant.scan.facts import Binding, Call, Def
from personize_assistant.scan.findings import Finding, name_words
from personize_assistant.scan.models import Kind
from personize_assistant.scan.resolve import (
    OBJECT_PREFIX,
    DefRef,
    Ext,
    ModRef,
    RepoIndex,
    Resolved,
    Value,
    split_chain,
)
from personize_assistant.scan.rules import buses, conventions, senders

# Words and name patterns are data: senders.yaml (each entry says what it is for).
_S = senders()
SENDER_KINDS = frozenset({"email_send", "notification", "event_tracking", "llm_call", "personize_call"})
HTTP_MODULES = _S.http_modules
VOCABULARY = _S.kind_words
VERBS = _S.kind_verbs
GENERIC_VERBS = _S.generic_verbs
TASK_CALLS = _S.task_calls
DEFERRED_CALLS = _S.deferred_calls
ACTOR_CALLS = _S.actor_calls
ACTOR_DECORATORS = _S.actor_decorators
JOB_WORDS = _S.job_words
COMMON_METHODS = _S.common_methods
"""`save`, `form_valid`: every framework class has them; an untyped receiver never says whose runs."""


@dataclass(frozen=True)
class Hit:
    file: str
    call: Call
    kind: str
    provider: str
    channel: str | None
    confidence: str
    rule: ProviderRule | None = None
    seeds_wrapper: bool = True
    """False for a provider plugin's own HTTP request: its helpers are plumbing, not wrappers."""


@dataclass
class Wrapper:
    kind: str
    confidence: str
    channels: set[str] = field(default_factory=set)
    providers: set[str] = field(default_factory=set)


class CallMatcher:
    """Matches each call in the repo against the catalog (after resolving its callee)."""

    def __init__(self, index: RepoIndex, catalog: Catalog) -> None:
        self.index = index
        self.catalog = catalog
        self.helpers = http_helpers(index, self._http_request)
        self._helper_names = {qualname.rsplit(".", 1)[-1] for _, qualname in self.helpers}

    def hits(self) -> list[Hit]:
        found: list[Hit] = []
        wanted = self.catalog.wants_arguments
        globals_ = self.catalog.globals
        for path, facts in self.index.facts.items():
            for call in facts.calls:
                if call.name in self._helper_names and helper_target(self.index, self.helpers, path, call):
                    hit = self._url(path, call, "post") or self._service_post(path, call, "post")
                    if hit is not None:
                        found.append(hit)
                    continue
                if call.name not in wanted and call.chain not in globals_:
                    if _S.in_app_row.match(call.name):
                        row = self._in_app_row(path, call)
                        if row is not None:
                            found.append(row)
                    continue
                if call.name in _ROW_CREATE and _S.in_app_row.match(_receiver(call.chain)):
                    row = self._in_app_row(path, call)
                    if row is not None:
                        found.append(row)
                        continue
                hit = self.match(path, call)
                if hit is not None:
                    # In a notification provider's own code every request is the provider's
                    # delivery; the helper methods around it are plumbing, not wrappers.
                    found.append(replace(hit, seeds_wrapper=False) if self._notifier_class(path, call.scope) else hit)
        found.extend(self._named_senders({(h.file, h.call.scope) for h in found}))
        return found

    def _named_senders(self, covered: set[tuple[str, str]]) -> list[Hit]:
        """Fallback for unknown providers: `send_sms(...)`, `notify_owner(...)`, `sendEmail(...)`
        whose body hands something to an object's `send`/`post`/`enqueue`. Functions that
        only render or log never call such a method and stay out."""
        found: list[Hit] = []
        for path, facts in self.index.facts.items():
            senders = {
                d.qualname: kind for d in facts.defs
                if d.kind in ("function", "method") and (path, d.qualname) not in covered
                and (kind := _sender_kind(d.qualname.rsplit(".", 1)[-1])) is not None
            }
            if not senders:
                continue
            for call in facts.calls:
                kind = senders.get(call.scope)
                if kind is None or not self._delivers(path, call):
                    continue
                if kind != "email_send" and _enqueues_mail(call):
                    continue  # `queue.enqueue(emails.send_email, ...)`: the email path, not this channel
                name = call.scope.rsplit(".", 1)[-1]
                channel = "email" if kind == "email_send" else _sender_channel(name)
                found.append(Hit(path, call, kind, "", channel, "medium"))
                del senders[call.scope]  # one delivery point per function is enough to wrap it
        return found

    def _delivers(self, path: str, call: Call) -> bool:
        parts = call.chain.replace("()", "").replace("[]", "").split(".")
        if len(parts) == 1 and parts[0] in _BARE_HTTP and _DELIVERY_ENDPOINT.search(call.arg0):
            return True  # `fetch(WORKER_URL + "/api/global/email/send", ...)`: another service delivers
        if len(parts) < 2 or parts[-1] not in _DELIVERY_METHODS or _ROUTE_PATH.match(call.arg0):
            return False
        if _NOT_A_CHANNEL.match(parts[-2]) or _NOT_A_CHANNEL.match(parts[0]):
            return False
        resolved = self.index.resolve(path, call.scope, call.chain)
        return not (isinstance(resolved, DefRef) and not resolved.rest)  # repo code: the wrapper chain covers it

    def match(self, path: str, call: Call) -> Hit | None:
        plain = call.chain.replace("()", "")
        last = plain.rsplit(".", 1)[-1]
        catalog = self.catalog
        if not (last in catalog.interesting_last or last in catalog.http_calls or plain in catalog.globals or last in QUEUE_CALLS):
            return None
        resolved = self.index.resolve(path, call.scope, call.chain)
        if isinstance(resolved, Ext):
            hit = self._exact(path, call, resolved, last) or self._loose(path, call, last, resolved.module)
            if hit is not None:
                return hit
        if resolved is None or isinstance(resolved, Value) or (isinstance(resolved, DefRef) and resolved.rest):
            hit = self._loose(path, call, last) or self._global(path, call, plain)
            if hit is not None:
                return hit
        if last in catalog.http_calls and self._is_http_client(resolved, plain):
            hit = self._url(path, call) or self._notifier_http(path, call) or self._service_post(path, call, last)
            if hit is not None:
                return hit
        if "[]." in call.chain:
            hit = self._registry_dispatch(path, call, last)
            if hit is not None:
                return hit
        if last in _MAIL_SENDS and not (isinstance(resolved, DefRef) and not resolved.rest):
            hit = self._mail_receiver(path, call)
            if hit is not None:
                return hit
        return self._queue(path, call, plain, last)

    def _mail_receiver(self, path: str, call: Call) -> Hit | None:
        """`current_app.mail.send(msg)`, `app.extensions["mail"].send(msg)`, `self.mailer.send(m)`:
        a mail object reached through an attribute or app registry, in a repo that uses a
        mail library (which one sends is then known from the imports)."""
        parts = call.chain.replace("[]", "").split(".")
        if len(parts) < 2 or not _MAIL_RECEIVER.match(parts[-2].replace("()", "")):
            return None
        rule = self._mail_library(path)
        if rule is None:
            return None
        return Hit(path, call, "email_send", rule.provider, "email", "medium", rule)

    def _mail_library(self, path: str) -> ProviderRule | None:
        """The mail library this file imports, else the one the repo imports."""
        for modules in (self.index.file_modules.get(path, set()), self.index.repo_modules):
            for rule in self.catalog.data.providers:
                if rule.kind == "email_send" and any(rule.module_matches(m) for m in modules):
                    return rule
        return None

    def _in_app_row(self, path: str, call: Call) -> Hit | None:
        """`Notification(to_user_id=..., ...)`, `Notification.objects.create(user=...)`,
        `prisma.notification.create({data: {userId}})`: a row a user will see in the app."""
        if not _RECIPIENT_ARG.search(call.args):
            return None
        chain = call.chain.replace("new:", "")
        resolved = self.index.resolve(path, call.scope, chain)
        if isinstance(resolved, DefRef) and not resolved.rest and call.name in _ROW_CREATE and "." in chain:
            # `Notification.create(...)` resolved into an inherited `BaseMixin.create`
            # classmethod: judge the model class the call is made on.
            resolved = self.index.resolve(path, call.scope, chain.rsplit(".", 1)[0])
            resolved = DefRef(resolved.file, resolved.qualname, (call.name,)) if isinstance(resolved, DefRef) else None
        if isinstance(resolved, DefRef):
            definition = self.index.definition(DefRef(resolved.file, resolved.qualname, ()))
            if definition is None or definition.kind != "class" or not definition.bases:
                return None
            if resolved.rest and resolved.rest[-1] not in _ROW_CREATE:
                return None
        elif not (isinstance(resolved, Ext) and resolved.module.startswith("@prisma/") and resolved.path[-1:] == ("create",)):
            return None
        # Only a helper named for it (`create_notification`, `notify_user`) wraps the row;
        # a feature that also records a notification is a call site, not a delivery helper.
        helper = _NOTIFY_WORDS.search(call.scope.rsplit(".", 1)[-1]) is not None
        return Hit(path, call, "notification", "in-app", "in_app", "medium", seeds_wrapper=helper)

    def _notifier_http(self, path: str, call: Call) -> Hit | None:
        """An HTTP request made by notification-provider code (a `notifiers/` file, a
        class extending `NotificationProvider`): the provider's delivery, whatever the URL."""
        if path.endswith(_UI_SUFFIXES) or "/components/" in f"/{path}" or not self._in_notifier(path, call.scope):
            return None
        hit = Hit(path, call, "notification", notifier_name(path, call.scope), notifier_channel(path, call.scope), "medium")
        return replace(hit, seeds_wrapper=False)

    def _in_notifier(self, path: str, scope: str) -> bool:
        folders = path.split("/")[:-1]
        return any(_NOTIFIER_DIR.match(folder) for folder in folders) or self._notifier_class(path, scope)

    def _notifier_class(self, path: str, scope: str) -> bool:
        """Code inside a class extending a notification provider base (`class Teams extends NotificationProvider`)."""
        owner = self.index.defs.get(path, {}).get(scope.split(".", 1)[0])
        if owner is None or owner.kind != "class":
            return False
        return any(_NOTIFIER_BASE.search(base.rsplit(".", 1)[-1]) for base in owner.bases)

    def _registry_dispatch(self, path: str, call: Call, last: str) -> Hit | None:
        """`this.providerList[type].send(...)`, `NOTIFIERS[kind].notify(...)`: a lookup in a
        registry of senders, dispatching a delivery. No single provider is claimed."""
        registry = call.chain.rsplit("[].", 1)[0].rsplit(".", 1)[-1]
        if last not in _DISPATCH_METHODS or not _SENDER_REGISTRY.search(registry):
            return None
        if not (_NOTIFY_WORDS.search(registry) or self._in_notifier(path, call.scope) or _NOTIFY_WORDS.search(path)):
            return None
        return Hit(path, call, "notification", "", None, "medium")

    def _queue(self, path: str, call: Call, plain: str, last: str) -> Hit | None:
        """`notification_q.put(n)`: handing a message to a delivery queue or worker."""
        if last not in QUEUE_CALLS or "." not in plain:
            return None
        receiver = plain.rsplit(".", 2)[-2]
        match = _DELIVERY_QUEUE.search(receiver)
        if match is None:
            return None
        if match.group("mail"):
            return Hit(path, call, "email_send", "queue", "email", "medium")
        return Hit(path, call, "notification", "queue", None, "medium")

    def _exact(self, path: str, call: Call, resolved: Ext, last: str) -> Hit | None:
        # `from django.core import mail; mail.send_mail(...)`: the path may continue the module.
        submodule = f"{resolved.module}.{resolved.path[0]}" if len(resolved.path) > 1 else ""
        # `const Cron = require("croner"); new Cron(...)`: a default/namespace import called
        # directly is known by its local name.
        member_path = resolved.path or (last,)
        for rule, parts in self.catalog.by_last.get(last, ()):
            if member_path[-len(parts) :] != parts:
                continue
            if not (rule.module_matches(resolved.module) or (submodule and rule.module_matches(submodule))):
                continue
            if not _filters_pass(rule, call):
                continue
            return Hit(path, call, rule.kind, rule.provider, rule.channel or _default_channel(rule), "high", rule)
        return None

    def _loose(self, path: str, call: Call, last: str, module: str = "") -> Hit | None:
        """A distinctive API shape on a receiver we could not resolve (a parameter, an
        injected client, a wrapper package such as `@acme/nodemailer`)."""
        names = tuple(name for name, _ in split_chain(call.chain))
        file_modules = self.index.file_modules.get(path, set())
        best: tuple[int, Hit] | None = None
        for rule, parts in self.catalog.loose_by_last.get(last, ()):
            if names[-len(parts) :] != parts or len(names) < 2 or not _filters_pass(rule, call):
                continue
            in_file = any(rule.module_matches(m) for m in file_modules)
            wrapped = bool(module) and any(m.rsplit("/", 1)[-1] in module for m in rule.modules)
            in_repo = any(rule.module_matches(m) for m in self.index.repo_modules)
            rank = 0 if in_file or wrapped else 1 if in_repo else 2
            if rule.loose_needs_import and rank:
                continue
            hit = Hit(path, call, rule.kind, rule.provider, rule.channel or _default_channel(rule), "high" if rank == 0 else "medium", rule)
            if best is None or rank < best[0]:
                best = (rank, hit)
        return best[1] if best is not None else None

    def _global(self, path: str, call: Call, plain: str) -> Hit | None:
        rule = self.catalog.globals.get(plain)
        if rule is None:
            return None
        root = plain.split(".", 1)[0]
        if root != "window" and self.index.lookup(path, call.scope, root, 0) is not None:
            return None
        if not _filters_pass(rule, call):
            return None
        confidence = "high" if root == "window" or "." not in plain else "medium"
        return Hit(path, call, rule.kind, rule.provider, rule.channel or _default_channel(rule), confidence, rule)

    def _is_http_client(self, resolved: Resolved | None, plain: str) -> bool:
        if isinstance(resolved, Ext):
            return resolved.module.split("/")[0] in HTTP_MODULES or resolved.module in HTTP_MODULES
        if isinstance(resolved, DefRef):
            return False
        return plain in ("fetch", "$fetch", "ofetch") or "." in plain

    def _http_request(self, path: str, call: Call) -> bool:
        """A plain HTTP request: through a client library, and not itself a known delivery
        (`postSlackWebhook(url, text)` is a sender, not the project's HTTP plumbing)."""
        plain = call.chain.replace("()", "")
        if call.name not in self.catalog.http_calls:
            return False
        return self._is_http_client(self.index.resolve(path, call.scope, call.chain), plain) and self._url(path, call) is None

    def _service_post(self, path: str, call: Call, verb: str) -> Hit | None:
        """A POST to a configured host by code named for a service, or carrying its payload."""
        if path.endswith(_UI_SUFFIXES) or "/components/" in f"/{path}":
            return None  # front-end requests go to the app's own backend
        found = service_post(self.index, path, call, verb)
        return Hit(path, call, "notification", found[0], found[1], "medium") if found is not None else None

    def _url(self, path: str, call: Call, verb: str | None = None) -> Hit | None:
        context = url_context(self.index, path, call)
        verb = verb or last_segment(call.chain)
        if _ROUTE_PATH.match(call.arg0):
            return None  # `router.post('/webhooks/stripe', ...)` registers a route
        for pattern, rule in self.catalog.url_patterns:
            if rule.verbs and verb not in rule.verbs:
                continue
            if rule.args and not re.search(rule.args, call.args):
                continue
            if pattern.search(context):
                channel = rule.channel or ("email" if rule.kind == "email_send" else None)
                return Hit(path, call, rule.kind, rule.provider, channel, "high")
        return None



_SEND_VERBS = _S.send_verbs
_MAIL_NOUNS = _S.mail_nouns
_NOTE_NOUNS = _S.note_nouns
_NOT_SENDER_START = _S.not_sender_start
_DELIVERY_METHODS = _S.delivery_methods
_NOT_A_CHANNEL = _S.not_a_channel


def _sender_kind(name: str) -> str | None:
    """By the words of the name (camelCase or snake_case): a delivery verb with a channel
    noun anywhere (`sendSmtpEmail`, `deliver_welcome_email`, `sendTransactionalMail`), or a
    name that starts with the channel used as a verb (`mailUser`, `notify_owner`)."""
    words = _ordered_words(name)
    if not words or words[0] in _NOT_SENDER_START:
        return None
    verbs = _SEND_VERBS.intersection(words)
    if words[0].startswith(("sendmail", "sendemail")):
        return "email_send"  # `sendmail`, `sendemail_task`: one lowercase word
    if (words[0] in ("mail", "email") and len(words) > 1) or (verbs and _MAIL_NOUNS.intersection(words)):
        return "email_send"
    if words[0] == "notify" or (words[0] == "push" and len(words) > 1 and words[1].startswith("notif")):
        return "notification"
    return "notification" if verbs and _NOTE_NOUNS.intersection(words) else None


_BARE_HTTP = _S.bare_http
_DELIVERY_ENDPOINT = _S.delivery_endpoint


def _enqueues_mail(call: Call) -> bool:
    if call.name not in _S.enqueue_calls:
        return False
    target = call.arg0.split("=", 1)[-1].strip().rsplit(".", 1)[-1]
    return _sender_kind(target) == "email_send"


def _sender_channel(name: str) -> str:
    lowered = name.lower()
    for word, channel in _S.sender_channels.items():
        if word in lowered:
            return channel
    return "other"


_MAIL_SENDS = _S.mail_sends
_MAIL_RECEIVER = _S.mail_receiver
_ROW_CREATE = _S.row_create
_RECIPIENT_ARG = _S.recipient_arg


def _receiver(chain: str) -> str:
    """`Notification.objects.create` -> `Notification`; `prisma.notification.create` -> `notification`."""
    parts = [name for name, _ in split_chain(chain)]
    parts = [p for p in parts[:-1] if p not in _S.row_managers]
    name = parts[-1] if parts else ""
    return name[:1].upper() + name[1:]


_ROUTE_PATH = re.compile(r"""^['"`]/""")
_NOTIFIER_DIR = _S.notifier_dir
_NOTIFIER_BASE = _S.notifier_base
_SENDER_REGISTRY = _S.sender_registry
_UI_SUFFIXES = _S.ui_suffixes
_NOTIFY_WORDS = _S.notify_words
_DISPATCH_METHODS = _S.dispatch_methods
_CHANNEL_WORDS = _S.notifier_channels


def notifier_name(path: str, scope: str) -> str:
    """`server/notification-providers/pushover.js` -> `pushover`."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    if stem in _S.notifier_stems and scope:
        stem = scope.split(".", 1)[0].lower()
    return stem


def notifier_channel(path: str, scope: str) -> str:
    name = notifier_name(path, scope)
    for channel, pattern in _CHANNEL_WORDS.items():
        if pattern.search(name):
            return channel
    return "other"
QUEUE_CALLS = _S.queue_calls
_DELIVERY_QUEUE = _S.delivery_queue


def last_segment(chain: str) -> str:
    """`resend.emails.send` -> `send`; `getClient()` -> `getClient` (fast: no regex)."""
    last = chain.rpartition(".")[2]
    return last.replace("()", "") if last.endswith(")") else last


def _default_channel(rule: ProviderRule) -> str | None:
    return "email" if rule.kind == "email_send" else None


def _filters_pass(rule: ProviderRule, call: Call) -> bool:
    if rule.args and not re.search(rule.args, call.args):
        return False
    return not (rule.arg0 and not re.search(rule.arg0, call.arg0))


# ---------------------------------------------------------------- wrappers


class WrapperAnalysis:
    """Fixpoint over "this function sends": direct senders, then functions calling them."""

    def __init__(self, index: RepoIndex, hits: list[Hit], eligible: Callable[[str, str, str], bool],
                 dispatch: Callable[[str, Call, str], list[tuple[str, str]]] | None = None) -> None:
        self.index = index
        self.eligible = eligible
        self.dispatch = dispatch
        """Calls through an interface or abstract base -> the implementations they may run."""
        self.direct: dict[tuple[str, str], list[Hit]] = defaultdict(list)
        for hit in hits:
            if hit.kind in SENDER_KINDS and hit.call.scope and hit.seeds_wrapper:
                self.direct[(hit.file, hit.call.scope)].append(hit)
                outer = self._outermost(hit.file, hit.call.scope, hit.kind)
                if outer is not None:
                    self.direct[(hit.file, outer)].append(hit)
        self.wrappers: dict[tuple[str, str], dict[str, Wrapper]] = defaultdict(dict)
        self.calls_to: dict[tuple[str, str], list[tuple[str, Call]]] = defaultdict(list)
        self._calls_by_name: dict[str, list[tuple[str, Call]]] = defaultdict(list)
        # Only calls that could reach a repo definition (by its last name) are indexed.
        def_names = {q.rpartition(".")[2] for defs in index.defs.values() for q in defs}
        by_name = self._calls_by_name
        for path, facts in index.facts.items():
            for call in facts.calls:
                last = call.name
                if last in def_names:
                    by_name[last].append((path, call))
                elif last in DEFERRED_CALLS:
                    deferred = _deferred_target(call)
                    if deferred is not None and deferred.name in def_names:
                        by_name[deferred.name].append((path, deferred))
                elif last in TASK_CALLS and "." in call.chain:
                    by_name[_task_name(index, path, call.chain)].append((path, call))
                if last in ACTOR_CALLS and "." in call.chain:
                    by_name[_task_name(index, path, call.chain)].append((path, call))
        self._dynamic = _dynamic_dispatch(index)
        """`getattr(self, f"_send_{kind}_email")(...)`: targets -> the getattr call sites."""
        self.jobs = JobIndex(index)
        """Job definitions reached by a string name: their triggers are call sites too."""
        for key, sites in self.jobs.triggers.items():
            self._dynamic[key].extend(sites)
        bodies = self.jobs.bodies(index)
        self._job_bodies = set().union(*bodies.values()) if bodies else set()
        self._job_units = self.jobs.units(bodies)
        self._looked_up: set[tuple[str, str]] = set()
        self.inferred: set[tuple[str, int]] = set()
        """Call sites matched by receiver name (`this.mailer.send` -> `GhostMailer.send`)."""

    def _outermost(self, path: str, scope: str, kind: str) -> str | None:
        """`def send_to_discord(...)` whose nested `on_ready` callback does the sending: the
        outer function is the delivery helper, when it is named for delivery."""
        parents = self.index.enclosing(path)
        outer = scope
        while outer in parents:
            outer = parents[outer]
        if outer == scope or _generic_name(outer):
            return None
        return outer if _names_delivery(outer, kind) else None

    def run(self) -> None:
        candidates = {key for key, hits in self.direct.items() if any(self.eligible(*key, h.kind) for h in hits)}
        self._collect_calls(candidates)
        # Sorted: wrapper order decides which of several wrappers claims a shared call site
        # (detect.to_touchpoints keeps the first), so set order would vary run to run.
        for key in sorted(candidates):
            if _event_handler(key[1]) or _request_handler(key[1]) or _logger(key[1]):
                continue
            for hit in self.direct[key]:
                if not self.eligible(*key, hit.kind):
                    continue
                if self.calls_to.get(key) or (_names_delivery(key[1], hit.kind) and not _generic_name(key[1])):
                    # A guess about an unknown provider makes a guessed wrapper.
                    wrapper = self.wrappers[key].setdefault(hit.kind, Wrapper(hit.kind, "high" if hit.provider else "medium"))
                    wrapper.providers.add(hit.provider)
                    if hit.channel:
                        wrapper.channels.add(hit.channel)
        changed = True
        while changed:
            changed = False
            for key, kinds in list(self.wrappers.items()):
                for kind, wrapper in list(kinds.items()):
                    for caller_path, call in self.calls_to.get(key, ()):
                        changed |= self._promote((caller_path, call.scope), kind, wrapper)
            self._collect_calls(set(self.wrappers))

    def _promote(self, key: tuple[str, str], kind: str, callee: Wrapper) -> bool:
        """A caller becomes a (second-level) wrapper when it is a delivery helper: named
        for the job, taking what to deliver as arguments; jobs and features are not."""
        if not key[1] or not self.eligible(key[0], key[1], kind):
            return False
        # A job started by name elsewhere (`triggerJob({ name })`): whatever its handler is
        # called, its definition is what those callers reach.
        job = kind in self._job_units.get(key, ())
        if not job and not (_names_delivery(key[1], kind) or _publisher_module(key[0], kind) or _delivery_module(key[0], self.index.defs[key[0]][key[1]], kind)):
            return False
        if _request_handler(key[1]) or _logger(key[1]):
            return False
        if not job and (not self._takes_arguments(key) or name_words(key[1].rsplit(".", 1)[-1]) & JOB_WORDS):
            return False
        existing = self.wrappers[key].get(kind)
        if existing is None:
            existing = self.wrappers[key][kind] = Wrapper(kind, "medium")
            before = -1
        else:
            before = len(existing.channels) + len(existing.providers)
        existing.channels |= callee.channels
        existing.providers |= callee.providers
        return before != len(existing.channels) + len(existing.providers)

    def _takes_arguments(self, key: tuple[str, str]) -> bool:
        definition = self.index.defs[key[0]][key[1]]
        if definition.kind == "method" and definition.params[:1] and definition.params[0][0] == "self":
            return True  # `TeamInvite.send(self)`: the instance holds what it delivers
        return any(name not in ("self", "cls", "this") for name, _ in definition.params)

    def _collect_calls(self, keys: set[tuple[str, str]]) -> None:
        new_keys = keys - self._looked_up
        self._looked_up |= new_keys
        methods: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key in new_keys:
            methods[key[1].rsplit(".", 1)[-1]].append(key)
        for name, owners in methods.items():
            wanted = set(owners)
            for path, call in self._calls_by_name.get(name, ()):
                implementations = self.dispatch(path, call, name) if self.dispatch is not None else []
                for implementation in wanted.intersection(implementations):
                    self.calls_to[implementation].append((path, call))
                if implementations:
                    continue
                resolved = self.index.resolve(path, call.scope, call.chain)
                if isinstance(resolved, DefRef) and (not resolved.rest or self._enqueues(resolved)):
                    if (resolved.file, resolved.qualname) in wanted:
                        self.calls_to[(resolved.file, resolved.qualname)].append((path, call))
                elif self._untyped_receiver(resolved) and name not in COMMON_METHODS:
                    target = _by_receiver_name(call.chain, self._all_owners(name))
                    # A job's handler is run by its queue's worker (`task.perform(props)`), not
                    # called to deliver: its callers are the calls that start it by name.
                    if target is not None and target in wanted and target not in self.jobs.jobs:
                        self.calls_to[target].append((path, call))
                        self.inferred.add((path, call.line))

        for key in new_keys:
            self.calls_to[key].extend(self._dynamic.get(key, ()))

    def _untyped_receiver(self, resolved: Resolved | None) -> bool:
        """Nothing says which class the receiver is (a parameter, an expression, the return
        of an unannotated function). A receiver resolved to a repo class, or to a library,
        is typed: when that type does not own the wrapper, the call is not a call site."""
        if resolved is None or isinstance(resolved, Value):
            return True
        if not isinstance(resolved, DefRef):
            return False
        definition = self.index.definition(resolved)
        return definition is None or definition.kind != "class" or len(resolved.rest) != 1

    def _enqueues(self, resolved: DefRef) -> bool:
        """`task.delay(...)` (Celery), `actor.send(...)` (dramatiq), `task.kiq(...)` (taskiq)."""
        if len(resolved.rest) != 1:
            return False
        method = resolved.rest[0]
        if method in TASK_CALLS:
            return True
        definition = self.index.definition(resolved)
        return method in ACTOR_CALLS and definition is not None and any(
            d.chain.rsplit(".", 1)[-1] in ACTOR_DECORATORS for d in definition.decorators
        )

    def _all_owners(self, name: str) -> list[tuple[str, str]]:
        """Every wrapper (or candidate) method with this name seen so far."""
        return [key for key in self._looked_up if key[1].rsplit(".", 1)[-1] == name]

    def _factory(self, path: str, qualname: str) -> Def | None:
        """A closure a hook or factory hands out (`return { capture, identify }`) is reached
        only through that function: the hook is the wrapper callers know and wire into."""
        outer = self.index.enclosing(path).get(qualname)
        definition = self.index.defs[path].get(outer) if outer is not None else None
        if definition is None or not definition.returns.startswith(OBJECT_PREFIX):
            return None
        members = definition.returns[len(OBJECT_PREFIX) :].split(";")
        return definition if any(m.split("=", 1)[1] == qualname for m in members) else None

    def findings(self) -> list[Finding]:
        found: list[Finding] = []
        for (path, qualname), kinds in self.wrappers.items():
            if (path, qualname) in self._job_bodies:
                continue  # a job's body: the job's definition is the touchpoint, if any
            definition = self._factory(path, qualname) or self.jobs.location(path, self.index.defs[path][qualname])
            for kind, wrapper in kinds.items():
                found.append(_wrapper_finding(path, definition, kind, wrapper))
                for caller_path, call in self.calls_to.get((path, qualname), ()):
                    if call.chain == "getattr":
                        continue  # the dispatcher's own lookup, not a call site of its own
                    found.append(
                        Finding(
                            kind=Kind(kind),
                            file=caller_path,
                            line=call.line,
                            end_line=call.end_line,
                            symbol=call.scope or None,
                            confidence="medium" if (caller_path, call.line) in self.inferred else wrapper.confidence,
                            discriminator=f"call:{qualname}",
                            channel=_single(wrapper.channels) if kind != "email_send" else "email",
                            provider=_single(wrapper.providers),
                            wraps=(kind, path, definition.qualname),
                        )
                    )
        return found


_FORMAT_FIELD = re.compile(r"\{[^{}]*\}")
_GETATTR_NAME = re.compile(r"""^\(\s*(self|cls|globals\(\)|[A-Za-z_][\w.]*)\s*,\s*f?(['"])([\w{}.\[\]()\s]+)\2""")


def _dynamic_dispatch(index: RepoIndex) -> dict[tuple[str, str], list[tuple[str, Call]]]:
    """`getattr(self, f"_send_{kind}_email")`, `getattr(chats, f"send_to_{channel}")`: every
    function of the class or module whose name fits the template is reachable from the
    lookup (a dispatcher picking a sender by name)."""
    targets: dict[tuple[str, str], list[tuple[str, Call]]] = defaultdict(list)
    for path, facts in index.facts.items():
        for call in facts.calls:
            if call.chain != "getattr" or "{" not in call.args:
                continue
            match = _GETATTR_NAME.match(call.args)
            if match is None:
                continue
            pattern = re.compile("".join(
                r"\w+" if field.startswith("{") else re.escape(field)
                for field in re.split(r"(\{[^{}]*\})", match.group(3)) if field
            ) + "$")
            holder_file, owner = _getattr_holder(index, path, call, match.group(1))
            sites = _uses_of_lookup(facts.bindings, facts.calls, call) or [call]
            for qualname in index.defs.get(holder_file, {}):
                holder, _, name = qualname.rpartition(".")
                if holder == owner and pattern.match(name):
                    targets[(holder_file, qualname)].extend((path, site) for site in sites)
    _string_tasks(index, targets)
    return targets


def _getattr_holder(index: RepoIndex, path: str, call: Call, subject: str) -> tuple[str, str]:
    """Where `getattr(subject, ...)` looks: (file, class qualname or "" for module level)."""
    if subject in ("self", "cls"):
        return path, call.scope.split(".", 1)[0]
    if subject == "globals()":
        return path, ""
    resolved = index.resolve(path, call.scope, subject)
    if isinstance(resolved, ModRef):
        return resolved.file, ""  # `getattr(chats, f"send_to_{channel}")`: an imported module
    if isinstance(resolved, DefRef) and not resolved.rest:
        return resolved.file, resolved.qualname  # a class
    return path, ""


def _uses_of_lookup(bindings: tuple[Binding, ...], calls: tuple[Call, ...], lookup: Call) -> list[Call]:
    """`sender = getattr(...)` then `sender(*args)` or `queue.enqueue(sender, ...)`: the
    calls that run what the lookup found (empty when its result is called in place)."""
    names = {b.name for b in bindings if b.scope == lookup.scope and b.line == lookup.line and b.value == "getattr()"}
    if not names:
        return []
    uses: list[Call] = []
    for call in calls:
        if call.scope != lookup.scope or call.line < lookup.line:
            continue
        if call.chain in names:
            uses.append(call)
        elif call.name in DEFERRED_CALLS:
            deferred = _deferred_target(call)
            if deferred is not None and deferred.chain in names:
                uses.append(call)
    return uses


STRING_TASK_CALLS = _S.string_task_calls
"""Django-Q `async_task("app.emails.send_welcome", ...)`, arq `enqueue_job("send_email")`,
Celery `send_task("tasks.send_email")`, RQ `queue.enqueue("app.jobs.notify", ...)`."""
_TASK_PATH = re.compile(r"""^(?:func\s*=\s*)?['"]([A-Za-z_][\w.]*)['"]""")


def _string_tasks(index: RepoIndex, targets: dict[tuple[str, str], list[tuple[str, Call]]]) -> None:
    for path, facts in index.facts.items():
        for call in facts.calls:
            if call.name not in STRING_TASK_CALLS:
                continue
            match = _TASK_PATH.match(call.arg0)
            if match is None:
                continue
            module, _, name = match.group(1).rpartition(".")
            file = index.py_modules.get(module) if module else None
            candidates = [file] if file is not None else [p for p, defs in index.defs.items() if name in defs]
            for candidate in candidates if len(candidates) == 1 else ():
                if name in index.defs.get(candidate, {}):
                    targets[(candidate, name)].append((path, call))


def _by_receiver_name(chain: str, owners: list[tuple[str, str]]) -> tuple[str, str] | None:
    """An injected, untyped receiver: `mailer.send` reaches `GhostMailer.send` when exactly
    one wrapper class's name ends with (or is) the receiver's name."""
    parts = [name for name, _ in split_chain(chain)]
    if len(parts) < 2:
        return None
    receiver = parts[-2].lstrip("_").lower()
    if len(receiver) < 4 or receiver in ("this", "self"):
        return None
    matches = [
        key for key in owners
        if "." in key[1] and _related(receiver, key[1].rsplit(".", 2)[-2].lower())
    ]
    return matches[0] if len(matches) == 1 else None


def _related(receiver: str, owner: str) -> bool:
    return receiver == owner or owner.endswith(receiver) or receiver.endswith(owner)


def _wrapper_finding(path: str, definition: Def, kind: str, wrapper: Wrapper) -> Finding:
    return Finding(
        kind=Kind(kind),
        file=path,
        line=definition.line,
        end_line=definition.end_line,
        symbol=definition.qualname,
        confidence=wrapper.confidence,
        discriminator="wrapper",
        channel=_single(wrapper.channels) if kind != "email_send" else "email",
        provider=_single(wrapper.providers),
    )


def _single(values: set[str]) -> str | None:
    """The one value, if there is exactly one; `""` (a generic dispatcher) counts as none."""
    return next(iter(values)) or None if len(values) == 1 else None


def _task_name(index: RepoIndex, path: str, chain: str) -> str:
    """`record_event_task.delay` -> `record_event` when imported `as record_event_task`."""
    name = last_segment(chain.rsplit(".", 1)[0])
    imported = index.imports.get(path, {}).get(name) if "." not in chain.rsplit(".", 1)[0] else None
    return imported.name if imported is not None and imported.name not in ("*", "default") else name


def _deferred_target(call: Call) -> Call | None:
    target = call.arg0.split("=", 1)[1].strip() if call.arg0.startswith("target=") else call.arg0
    if not re.fullmatch(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*", target):
        return None
    return call._replace(chain=target, name=target.rpartition(".")[2])


def _names_delivery(qualname: str, kind: str) -> bool:
    parts = qualname.split(".")
    words = _ordered_words(parts[-1])
    if not words or _lifecycle_hook(words):
        return False
    if words[0] in VERBS[kind] or _makes_notifications(words, kind) or _converts_to_message(words, kind):
        return True
    owner = name_words(parts[-2]) if len(parts) > 1 else set()
    return bool(owner & VOCABULARY[kind]) and words[0] in GENERIC_VERBS


def _event_handler(qualname: str) -> bool:
    """`onSubscriptionDeleted(event)`: run when something happened, not asked to deliver."""
    words = _ordered_words(qualname.rsplit(".", 1)[-1])
    return len(words) > 1 and words[0] in _S.handler_prefixes


def _logger(qualname: str) -> bool:
    """`log({ message, type })` posting to the team's own Slack: operations logging; its
    post is a touchpoint, its hundreds of callers are not messages to anyone."""
    words = _ordered_words(qualname.rsplit(".", 1)[-1])
    return bool(words) and words[0] in _S.log_words


def _request_handler(qualname: str) -> bool:
    """`OutboxView.post`: a class-based view's HTTP method; the framework calls it, so the
    sends inside are the touchpoints, not the view."""
    owner, _, method = qualname.rpartition(".")
    return method in _S.view_methods and bool(owner) and not _BUS_OWNER.search(owner.rsplit(".", 1)[-1])


_BUS_OWNER = buses().bus_owner


_HOOK_PREFIXES = _S.hook_prefixes
_HOOK_EVENTS = _S.hook_events


def _lifecycle_hook(words: list[str]) -> bool:
    """`post_update`, `pre_save`: a model/resource hook run around a write ("post" means
    after), named for no delivery even when its body creates a notification."""
    return len(words) == 2 and words[0] in _HOOK_PREFIXES and words[1] in _HOOK_EVENTS


_CONVERSION_PREFIXES = _S.conversion_prefixes


def _converts_to_message(words: list[str], kind: str) -> bool:
    """`Template.as_email(user)`: the method turns its object into the message it sends."""
    nouns = _S.mail_nouns if kind == "email_send" else _S.note_nouns if kind == "notification" else frozenset()
    return len(words) == 2 and words[0] in _CONVERSION_PREFIXES and words[1] in nouns


_MAKE_VERBS = _S.make_verbs
_NOTIFICATION_NOUNS = _S.notification_nouns
_PREPOSITIONS = _S.prepositions


def _makes_notifications(words: list[str], kind: str) -> bool:
    """`create_assignation_notification`, `reset_notifications_for_mentions`: the thing made
    is the notification itself (the noun ends the name or is followed by its purpose),
    unlike `create_notification_settings`."""
    if kind != "notification" or words[0] not in _MAKE_VERBS:
        return False
    for position, word in enumerate(words[1:], start=1):
        if word in _NOTIFICATION_NOUNS:
            following = words[position + 1] if position + 1 < len(words) else None
            return following is None or following in _PREPOSITIONS
    return False


_PUBLISHER_MODULE = _S.publisher_module
"""A file named for events, or inside an analytics package (`events/` folders hold domain handlers)."""


def _publisher_module(path: str, kind: str) -> bool:
    """`telemetry/src/events.ts`'s `appCreated(...)` calls `publishEvent`: in an analytics
    module every exported function is an event publisher, whatever its name."""
    return kind == "event_tracking" and _PUBLISHER_MODULE.search(path) is not None


def _delivery_module(path: str, definition: Def, kind: str) -> bool:
    """`lib/emails.py`'s `login(to, ctx)` calls `send(make_message("login", ...))`: in a module
    named for a channel, a thin module-level function is one of its templates or senders."""
    if kind not in _MODULE_KINDS or "." in definition.qualname or definition.statements > conventions().module_thin:
        return False
    folder, _, name = path.rpartition("/")
    stem = name.split(".", 1)[0]
    if stem in _PACKAGE_STEMS:  # `email/__init__.py`, `email/index.ts`: the package is the module
        stem = folder.rsplit("/", 1)[-1]
    return bool(name_words(stem) & VOCABULARY[kind])


_PACKAGE_STEMS = frozenset({"__init__", "index", "mod"})


_MODULE_KINDS = conventions().module_kinds


def _generic_name(qualname: str) -> bool:
    """`run`, `execute`, `get`: a step's or handler's entry, named for nothing it delivers."""
    words = _ordered_words(qualname.rsplit(".", 1)[-1])
    return len(words) == 1 and words[0] in JOB_WORDS | _S.entry_words


def _ordered_words(name: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)]


def direct_findings(hits: list[Hit]) -> list[Finding]:
    found: list[Finding] = []
    for hit in hits:
        if hit.kind not in SENDER_KINDS:
            continue
        found.append(
            Finding(
                kind=Kind(hit.kind),
                file=hit.file,
                line=hit.call.line,
                end_line=hit.call.end_line,
                symbol=hit.call.scope or None,
                confidence=hit.confidence,
                discriminator=f"{hit.provider}:{hit.call.chain}",
                channel=hit.channel,
                provider=hit.provider or None,
            )
        )
    return found
