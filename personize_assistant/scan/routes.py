"""The repository's HTTP routes and its entry points (handlers, views, tasks).

Routes come from Express/Fastify/Hono registrations (inline or named handlers),
Next.js file conventions (app router `route.ts` exports, `pages/api`), Python route
decorators (FastAPI, Flask, NestJS-style) and Django urlpatterns. Entry points are
never wrappers: a handler that sends is a call site, not a helper to wrap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from personize_assistant.scan.facts import Def, FileFacts
from personize_assistant.scan.resolve import DefRef, RepoIndex
from personize_assistant.scan.rules import handlers

_H = handlers()

HTTP_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
ROUTE_DECORATORS = _H.route_decorators
TASK_DECORATORS = _H.task_decorators
NEXT_ROUTE = re.compile(r"(?:^|/)app/(.*?)/?route\.[cm]?[jt]sx?$")
NEXT_PAGES_API = re.compile(r"(?:^|/)pages/(api/.*?)(?:/index)?\.[cm]?[jt]sx?$")


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
        default_export = next((e.local for e in facts.exports if e.name == "default" and not e.source), "default")
        for definition in facts.defs:
            key = (path, definition.qualname)
            if definition.kind == "route":
                method, _, route = definition.qualname.partition(" ")
                self.routes[key] = Route(path, definition.qualname, route, method, "express")
            elif next_route and definition.qualname in HTTP_METHODS:
                self.routes[key] = Route(path, definition.qualname, "/" + _strip_groups(next_route.group(1)), definition.qualname, "nextjs")
            elif pages_api and definition.qualname in ("default", default_export):
                self.routes[key] = Route(path, definition.qualname, "/" + pages_api.group(1), "ANY", "nextjs")
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
        # A decorated `def x(request, ...)` is a view (`@login_required`, `@api_view`);
        # an undecorated one is often a helper such as `send_welcome_email(request, user)`.
        if path.endswith(".py") and definition.decorators and definition.params[:1] and definition.params[0][0] == "request":
            return True
        if path.endswith(".py") and self._class_view_method(path, definition):
            return True
        return definition.qualname == "Command.handle" and "/management/commands/" in "/" + path

    def _class_view_method(self, path: str, definition: Def) -> bool:
        """`class InviteResource(MethodView): def post(self)`: Flask/Django/DRF/Tornado class
        views answer a request by the method named for its HTTP verb."""
        owner, _, method = definition.qualname.rpartition(".")
        if definition.kind != "method" or method.upper() not in HTTP_METHODS or method != method.lower():
            return False
        cls = self.index.defs.get(path, {}).get(owner)
        if cls is None or cls.kind != "class":
            return False
        return any(_CLASS_VIEW.search(base.rsplit(".", 1)[-1]) for base in cls.bases)

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
_CLASS_VIEW = _H.class_view


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
