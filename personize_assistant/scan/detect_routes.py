"""HTTP handlers (and what they receive), users, segments and screens.

Routes come from Express/Fastify registrations, Next.js file conventions, Python route
decorators (FastAPI/Flask/NestJS-style) and Django urlpatterns. From them: webhook
handlers, search endpoints and file uploads. Also user_context, segmentation and
ui_surface, which are judged per function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from personize_assistant.scan.detect_calls import Hit
from personize_assistant.scan.facts import Def, FileFacts
from personize_assistant.scan.findings import Finding, name_words
from personize_assistant.scan.models import Kind
from personize_assistant.scan.resolve import DefRef, RepoIndex

HTTP_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
ROUTE_DECORATORS = frozenset(
    {"get", "post", "put", "patch", "delete", "route", "api_route", "head", "options", "websocket",
     "Get", "Post", "Put", "Patch", "Delete", "All", "api_view", "action"}
)
TASK_DECORATORS = frozenset(
    {"task", "shared_task", "periodic_task", "job", "scheduled_job", "actor", "db_task", "db_periodic_task",
     "receiver", "cron", "on_event", "Cron", "Interval", "Timeout", "Process", "OnEvent", "EventPattern", "MessagePattern"}
)
NEXT_ROUTE = re.compile(r"(?:^|/)app/(.*?)/?route\.[cm]?[jt]sx?$")
NEXT_PAGES_API = re.compile(r"(?:^|/)pages/(api/.*?)(?:/index)?\.[cm]?[jt]sx?$")
NEXT_PAGE = re.compile(r"(?:^|/)(?:app/.*?/)?page\.[jt]sx$|(?:^|/)pages/(?!api/).*\.[jt]sx$")
WEBHOOK_PATH = re.compile(r"(?i)webhook|(?:^|/)hooks?(?:/|$)|(?:^|/)ipn(?:/|$)")
WEBHOOK_NAME = re.compile(r"(?i)webhook")
SEARCH_PATH = re.compile(r"(?i)search|(?:^|/)autocomplete|(?:^|/)lookup(?:/|$)")
PROVIDER_WORDS = ("stripe", "github", "hubspot", "clerk", "svix", "paddle", "lemonsqueezy", "shopify", "twilio", "slack", "salesforce", "intercom", "sendgrid", "postmark", "resend", "calendly", "typeform", "zapier", "linear", "plaid", "segment", "mailgun", "paypal", "discord")
DENIAL = re.compile(
    r"(?i)^[\s{:]*(?:throw\b|raise\b|abort\(|continue\b|break\b|return\s*;?\s*\}?\s*$|return\s+(?:None|null|false)\b"
    r"|return\b[^;\n]*?\b(?:40[0-4]|forbidden|unauthori[sz]ed|redirect|notfound|permission_?denied)\b"
    r"|redirect\(|notFound\(|forbidden\()"
)
SEGMENT_COMPARISON = re.compile(
    r"(?:===?|!==?|\bin\b|\bnot in\b|includes\(|\.has\(|\bis\b)\s*[(\[{]?\s*(?:['\"`]|[A-Z]\w*\.[A-Z]\w*|[A-Z][A-Z_]{2,})"
    r"|\b(?:is|has)_?(?:Pro|Premium|Trial|Paid|Free|Enterprise|Business|pro|premium|trial|paid|free|enterprise|business)\b"
    r"|\bon_?[Tt]rial\b"
)
UI_NAME = re.compile(
    r"(?i)dashboard|onboarding|empty_?state|emptystate|report|welcome|notification_?cent(?:er|re)|inbox|insight|getting_?started|recommendation|activity_?feed"
)


@dataclass(frozen=True)
class Route:
    file: str
    qualname: str
    path: str
    method: str
    framework: str


class RouteTable:
    def __init__(self, index: RepoIndex) -> None:
        self.index = index
        self.routes: dict[tuple[str, str], Route] = {}
        self.entrypoints: set[tuple[str, str]] = set()
        self.tasks: set[tuple[str, str]] = set()
        """Background-task functions (`@shared_task`, `@celery.task`, ...)."""
        for path, facts in index.facts.items():
            self._file(path, facts)

    def _file(self, path: str, facts: FileFacts) -> None:
        next_route = NEXT_ROUTE.search(path)
        pages_api = NEXT_PAGES_API.search(path)
        jsx_file = path.endswith((".tsx", ".jsx"))
        for definition in facts.defs:
            key = (path, definition.qualname)
            if definition.kind == "route":
                method, _, route = definition.qualname.partition(" ")
                self.routes[key] = Route(path, definition.qualname, route, method, "express")
            elif next_route and definition.qualname in HTTP_METHODS:
                self.routes[key] = Route(path, definition.qualname, "/" + _strip_groups(next_route.group(1)), definition.qualname, "nextjs")
            elif pages_api and definition.qualname == "default":
                self.routes[key] = Route(path, "default", "/" + pages_api.group(1), "ANY", "nextjs")
            else:
                self._decorated(path, definition, facts)
            if self._is_entrypoint(path, definition, jsx_file):
                self.entrypoints.add(key)
        if facts.language == "python":
            self._django_urls(path, facts)
        else:
            self._registrations(path, facts)

    def _is_entrypoint(self, path: str, definition: Def, jsx_file: bool) -> bool:
        if (path, definition.qualname) in self.routes or definition.qualname == "default":
            return True
        if any(d.chain.rsplit(".", 1)[-1] in TASK_DECORATORS for d in definition.decorators):
            self.tasks.add((path, definition.qualname))
            return True
        if any(d.chain.rsplit(".", 1)[-1] in ROUTE_DECORATORS for d in definition.decorators):
            return True
        if jsx_file and definition.qualname[:1].isupper() and "." not in definition.qualname:
            return True
        if path.endswith(".py") and definition.params[:1] and definition.params[0][0] == "request":
            return True
        return definition.qualname == "Command.handle" and "/management/commands/" in "/" + path

    def _decorated(self, path: str, definition: Def, facts: FileFacts) -> None:
        for decorator in definition.decorators:
            verb = decorator.chain.rsplit(".", 1)[-1]
            if verb not in ROUTE_DECORATORS or verb in ("api_view", "action"):
                continue
            route = _first_string(decorator.args) or ""
            receiver = decorator.chain.rsplit(".", 1)[0] if "." in decorator.chain else ""
            prefix = self._router_prefix(path, receiver)
            owner = definition.qualname.split(".", 1)[0] if "." in definition.qualname else ""
            if owner:
                prefix = self._controller_prefix(path, owner) or prefix
            method = verb.upper() if verb.lower() not in ("route", "api_route") else "ANY"
            framework = "nestjs" if verb[:1].isupper() else "python" if path.endswith(".py") else "decorator"
            self.routes[(path, definition.qualname)] = Route(path, definition.qualname, _join(prefix, route), method, framework)
            return

    def _router_prefix(self, path: str, receiver: str) -> str:
        binding = self.index.bindings.get((path, "", receiver)) if receiver else None
        if binding is None:
            return ""
        match = re.search(r"(?:url_)?prefix\s*=\s*['\"]([^'\"]*)['\"]", binding.raw)
        return match.group(1) if match else ""

    def _controller_prefix(self, path: str, owner: str) -> str:
        cls = self.index.defs.get(path, {}).get(owner)
        for decorator in cls.decorators if cls else ():
            if decorator.chain.rsplit(".", 1)[-1] == "Controller":
                return "/" + (_first_string(decorator.args) or "").strip("/")
        return ""

    def _registrations(self, path: str, facts: FileFacts) -> None:
        """`router.post('/webhooks/stripe', verify, stripeWebhook)`: named handlers."""
        for call in facts.calls:
            if not call.args:  # arguments are kept only for calls detection may read
                continue
            verb = call.chain.rsplit(".", 1)[-1]
            if "." not in call.chain or verb.upper() not in _REGISTER_VERBS:
                continue
            arguments = split_arguments(call.args)
            route = _first_string(arguments[0]) if arguments else None
            if route is None or not route.startswith(("/", "*")):
                continue
            for argument in arguments[1:]:
                if not re.fullmatch(r"[\w$.]+", argument):
                    continue
                target = self.index.resolve(path, call.scope, argument)
                if isinstance(target, DefRef) and not target.rest:
                    definition = self.index.definition(target)
                    if definition is not None and definition.kind in ("function", "method"):
                        key = (target.file, target.qualname)
                        self.routes.setdefault(key, Route(target.file, target.qualname, route, verb.upper(), "express"))
                        self.entrypoints.add(key)

    def _django_urls(self, path: str, facts: FileFacts) -> None:
        for call in facts.calls:
            if call.chain not in ("path", "re_path", "url", "django.urls.path"):
                continue
            arguments = split_arguments(call.args)
            if len(arguments) < 2:
                continue
            route = _first_string(arguments[0])
            if route is None:
                continue
            handler = arguments[1].replace(".as_view()", "").replace(" ", "")
            if not re.fullmatch(r"[\w.]+", handler):
                continue
            target = self.index.resolve(path, call.scope, handler)
            if isinstance(target, DefRef) and not target.rest:
                key = (target.file, target.qualname)
                self.routes.setdefault(key, Route(target.file, target.qualname, "/" + route.lstrip("^/"), "ANY", "django"))
                self.entrypoints.add(key)


_REGISTER_VERBS = HTTP_METHODS | {"ALL"}


def split_arguments(args: str) -> list[str]:
    """Top-level comma split of `(a, f(b, c), 'x')` -> ["a", "f(b, c)", "'x'"]."""
    inner = args.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    quote = ""
    for char in inner:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"`":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def _first_string(args: str) -> str | None:
    match = re.search(r"""^\(?\s*(?:path\s*=\s*)?[rfbu]?(['"`])(.*?)\1""", args.strip())
    return match.group(2) if match else None


def _join(prefix: str, route: str) -> str:
    if not prefix:
        return route or "/"
    return prefix.rstrip("/") + ("/" + route.lstrip("/") if route else "")


def _strip_groups(route: str) -> str:
    return "/".join(part for part in route.split("/") if not (part.startswith("(") and part.endswith(")")))


# ---------------------------------------------------------------- handler kinds


class HandlerDetector:
    def __init__(self, index: RepoIndex, table: RouteTable, hits: list[Hit]) -> None:
        self.index = index
        self.table = table
        self.verify: dict[tuple[str, str], str] = {}
        self.uploads: set[tuple[str, str]] = set()
        for hit in hits:
            key = self._owner(hit.file, hit.call.scope, hit.call.line)
            if hit.kind == "webhook_verify":
                self.verify.setdefault(key, hit.provider)
            elif hit.kind == "file_upload":
                self.uploads.add(key)

    def _owner(self, path: str, scope: str, line: int) -> tuple[str, str]:
        """The route a call belongs to; registration middleware (`upload.single`) by line."""
        if scope:
            return (path, scope)
        for file, qualname in self.table.routes:
            definition = self.index.defs[file].get(qualname)
            if file == path and definition is not None and definition.kind == "route" and definition.line <= line <= definition.end_line:
                return (file, qualname)
        return (path, scope)

    def findings(self) -> list[Finding]:
        found: list[Finding] = []
        markers = self._markers()
        for key, route in self.table.routes.items():
            definition = self.index.defs[route.file].get(route.qualname)
            if definition is None:
                continue
            found.extend(self._route_findings(key, route, definition, markers.get(key, set())))
        return found

    def _markers(self) -> dict[tuple[str, str], set[str]]:
        by_scope: dict[tuple[str, str], set[str]] = {}
        for path, facts in self.index.facts.items():
            for marker in facts.markers:
                key = self._owner(path, marker.scope, marker.line)
                by_scope.setdefault(key, set()).add(marker.name)
        return by_scope

    def _route_findings(self, key: tuple[str, str], route: Route, definition: Def, markers: set[str]) -> list[Finding]:
        found: list[Finding] = []
        symbol = None if definition.kind == "route" else definition.qualname
        base = {"file": route.file, "line": definition.line, "end_line": definition.end_line, "symbol": symbol, "route": route.path or None, "framework": route.framework}
        verified = self.verify.get(key)
        by_path = bool(WEBHOOK_PATH.search(route.path) or WEBHOOK_NAME.search(definition.qualname))
        if by_path and not verified and _management_screen(definition):
            by_path = False
        if verified or by_path or "signature_header" in markers:
            provider = verified or _provider_from(route.path + " " + definition.qualname + " " + route.file)
            confidence = "high" if verified or (by_path and "signature_header" in markers) else "medium"
            found.append(Finding(kind=Kind.WEBHOOK_HANDLER, confidence=confidence, provider=provider, **base))  # type: ignore[arg-type]
        elif SEARCH_PATH.search(route.path) or "search" in name_words(definition.qualname) or "search_param" in markers:
            confidence = "high" if "search_param" in markers else "medium"
            found.append(Finding(kind=Kind.SEARCH_ENDPOINT, confidence=confidence, **base))  # type: ignore[arg-type]
        if key in self.uploads or "upload" in markers:
            found.append(Finding(kind=Kind.FILE_UPLOAD, confidence="high", **base))  # type: ignore[arg-type]
        return found


_SCREEN_VIEWS = re.compile(r"(?:List|Create|Update|Delete|Detail|Form|Template|Edit|Logs?)View$|ViewSet$")


def _management_screen(definition: Def) -> bool:
    """A page for managing (outgoing) webhooks is not a webhook receiver."""
    if definition.kind != "class":
        return False
    return bool(_SCREEN_VIEWS.search(definition.qualname) or any(_SCREEN_VIEWS.search(b) for b in definition.bases))


def _provider_from(text: str) -> str | None:
    lowered = text.lower()
    return next((word for word in PROVIDER_WORDS if word in lowered), None)


# ---------------------------------------------------------------- users, segments, screens


def user_context_findings(index: RepoIndex, hits: list[Hit], table: RouteTable) -> list[Finding]:
    found: list[Finding] = []
    decorated = {(path, d.line): definition for path, defs in index.defs.items() for definition in defs.values() for d in definition.decorators}
    for hit in hits:
        if hit.kind != "user_context":
            continue
        target = decorated.get((hit.file, hit.call.line))
        if target is not None:  # `@login_manager.user_loader def load_user(...)`
            found.append(Finding(Kind.USER_CONTEXT, hit.file, target.line, target.end_line, target.qualname, "high", discriminator=f"{hit.provider}:decorated", provider=hit.provider))
        else:
            found.append(Finding(Kind.USER_CONTEXT, hit.file, hit.call.line, hit.call.end_line, hit.call.scope or None, "high", discriminator=f"{hit.provider}:{hit.call.chain}", provider=hit.provider))
    for path, facts in index.facts.items():
        defs = index.defs[path]
        for marker in facts.markers:
            if marker.name == "user_assign":
                definition = defs.get(marker.scope)
                line, end = (definition.line, definition.end_line) if definition and definition.kind != "route" else (marker.line, marker.line)
                found.append(Finding(Kind.USER_CONTEXT, path, line, end, marker.scope or None, "high", discriminator="assigns-user"))
        for call in facts.calls:
            if call.chain == "Depends" and call.arg0.replace(".", "").replace("_", "").isalnum():
                found.extend(_dependency(index, path, call.scope, call.arg0))
        for kind, dotted, _line, _end, _detail in facts.extra:
            if kind in ("django_middleware", "django_context_processor"):
                found.extend(_settings_entry(index, dotted, kind))
    return found


_USER_WORDS = frozenset({"user", "users", "account", "auth", "authenticated", "principal", "member", "viewer", "me", "customer", "tenant", "identity", "login"})


def _dependency(index: RepoIndex, path: str, scope: str, name: str) -> list[Finding]:
    target = index.resolve(path, scope, name)
    if not isinstance(target, DefRef) or target.rest:
        return []
    definition = index.definition(target)
    if definition is None or not (name_words(definition.qualname) & _USER_WORDS):
        return []
    return [Finding(Kind.USER_CONTEXT, target.file, definition.line, definition.end_line, definition.qualname, "high", discriminator="dependency", framework="fastapi")]


def _settings_entry(index: RepoIndex, dotted: str, kind: str) -> list[Finding]:
    module, _, name = dotted.rpartition(".")
    target_file = index.py_modules.get(module)
    definition = index.defs.get(target_file, {}).get(name) if target_file else None
    if target_file is None or definition is None:
        return []
    return [Finding(Kind.USER_CONTEXT, target_file, definition.line, definition.end_line, definition.qualname, "high", discriminator=kind, framework="django")]


def segmentation_findings(index: RepoIndex) -> list[Finding]:
    found: list[Finding] = []
    for path, facts in index.facts.items():
        seen: set[str] = set()
        for branch in sorted(facts.branches, key=lambda b: b.line):
            if not branch.scope or branch.scope in seen or not SEGMENT_COMPARISON.search(branch.cond):
                continue
            if DENIAL.search(branch.body) or "process.env" in branch.cond or "typeof" in branch.cond:
                continue
            seen.add(branch.scope)
            found.append(Finding(Kind.SEGMENTATION, path, branch.line, branch.line, branch.scope, "medium", discriminator="branch"))
    return found


def _is_view(definition: Def) -> bool:
    return bool(definition.params) and definition.params[0][0] == "request"


_RENDER_CALLS = frozenset({"render", "render_template", "TemplateResponse", "render_to_response", "render_to_string"})
_PAGE_BASES = re.compile(r"(?:Template|List|Detail|Form)View$")


def _renders_page(facts: FileFacts, definition: Def) -> bool:
    """A server view that renders a template (not a JSON or report-collecting endpoint)."""
    if definition.kind == "class":
        return any(_PAGE_BASES.search(base) for base in definition.bases)
    return any(c.scope == definition.qualname and c.chain.rsplit(".", 1)[-1] in _RENDER_CALLS for c in facts.calls)


def ui_surface_findings(index: RepoIndex, table: RouteTable) -> list[Finding]:
    found: list[Finding] = []
    for path, facts in index.facts.items():
        jsx_file = path.endswith((".tsx", ".jsx"))
        for definition in facts.defs:
            if definition.kind == "route" or "." in definition.qualname:
                continue
            name = definition.qualname
            if name == "default" or not UI_NAME.search(name):
                continue
            component = jsx_file and name[:1].isupper()
            view = path.endswith(".py") and ((path, name) in table.routes or _is_view(definition) or "View" in name) and _renders_page(facts, definition)
            if component or view:
                found.append(Finding(Kind.UI_SURFACE, path, definition.line, definition.end_line, name, "medium", discriminator="screen"))
    return found
