"""Route kinds: webhook handlers, search endpoints and file uploads."""

from __future__ import annotations

from personize_assistant.scan.detect_calls import Hit
from personize_assistant.scan.facts import Call, Def
from personize_assistant.scan.findings import Finding, name_words
from personize_assistant.scan.models import Kind
from personize_assistant.scan.resolve import DefRef, RepoIndex
from personize_assistant.scan.routes import Route, RouteTable
from personize_assistant.scan.rules import handlers

_H = handlers()

WEBHOOK_PATH = _H.webhook_path
WEBHOOK_NAME = _H.webhook_name
SEARCH_PATH = _H.search_path
PROVIDER_WORDS = _H.webhook_providers


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
        found.extend(self._unrouted_handlers())
        return found

    def _unrouted_handlers(self) -> list[Finding]:
        """`export const stripeWebhook = async (req, res) => { constructStripeEvent(req) ... }`
        handed to a framework by reference (a Wasp `api()`, a processor table): no route
        names it, but a function named for webhooks that verifies a signature (itself or
        through a helper it calls) receives them."""
        found: list[Finding] = []
        for path, facts in self.index.facts.items():
            defs = {q: d for q, d in self.index.defs.get(path, {}).items() if WEBHOOK_NAME.search(q)}
            if not defs:
                continue
            for call in facts.calls:
                definition = defs.pop(call.scope, None) if call.scope else None
                if definition is None or (path, call.scope) in self.table.routes:
                    continue
                provider = self.verify.get((path, call.scope)) or self._verified_by(path, call)
                if provider is None:
                    defs[call.scope] = definition  # another call of it may verify
                else:
                    base = {"file": path, "line": definition.line, "end_line": definition.end_line, "symbol": definition.qualname}
                    found.append(Finding(kind=Kind.WEBHOOK_HANDLER, confidence="high", provider=provider, **base))  # type: ignore[arg-type]
        return found

    def _verified_by(self, path: str, call: Call) -> str | None:
        target = self.index.resolve(path, call.scope, call.chain)
        if isinstance(target, DefRef) and not target.rest:
            return self.verify.get((target.file, target.qualname))
        return None

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
        if by_path and not verified and "signature_header" not in markers and (
            _management_screen(definition) or _settings_crud(route, definition)
        ):
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


_SCREEN_VIEWS = _H.screen_views


def _management_screen(definition: Def) -> bool:
    """A page for managing (outgoing) webhooks is not a webhook receiver."""
    if definition.kind != "class":
        return False
    return bool(_SCREEN_VIEWS.search(definition.qualname) or any(_SCREEN_VIEWS.search(b) for b in definition.bases))


_CRUD_WORDS = _H.crud_words
_SETTINGS_NOUNS = _H.settings_nouns


def _settings_crud(route: Route, definition: Def) -> bool:
    """`fetch`/`save`/`destroy`, `listWebhooks`, `DELETE /webhooks/:id`: managing the
    webhook settings, not receiving an event from another system."""
    if route.method == "DELETE":
        return True
    words = name_words(definition.qualname.rsplit(".", 1)[-1])
    return bool(words & _CRUD_WORDS) and words <= _CRUD_WORDS | _SETTINGS_NOUNS


def _provider_from(text: str) -> str | None:
    lowered = text.lower()
    return next((word for word in PROVIDER_WORDS if word in lowered), None)
