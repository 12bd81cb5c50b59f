"""Per-function kinds: user_context, segmentation and ui_surface."""

from __future__ import annotations

from personize_assistant.scan.detect_calls import Hit
from personize_assistant.scan.facts import Def, FileFacts
from personize_assistant.scan.findings import Finding, name_words
from personize_assistant.scan.models import Kind
from personize_assistant.scan.resolve import DefRef, RepoIndex
from personize_assistant.scan.routes import RouteTable
from personize_assistant.scan.rules import people

_P = people()

DENIAL = _P.denial
SEGMENT_COMPARISON = _P.segment_comparison
UI_NAME = _P.ui_name


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


_USER_WORDS = _P.user_words


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


_RENDER_CALLS = _P.render_calls
_PAGE_BASES = _P.page_bases


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
