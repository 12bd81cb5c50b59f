"""The TypeScript writer: WIRE's language interface (`language.LanguageWriter`) for TypeScript.

The helper module (`personize-wiring.ts`) holds the Personize logic; the user's file
gets a minimal, readable change: the original renamed to `<name>Original` plus a wrapper
with the same signature, or a short step inserted into the function body. Source is read
with the scanner's tree-sitter grammars (`source_typescript`), edits are made by
`typescript_edit`, the patterns are built by `typescript_patterns` (WRAP's internals in
`typescript_wrap`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from personize_assistant.actions.common.boundary import client_reason, server_route
from personize_assistant.actions.wire import typescript_edit, typescript_patterns
from personize_assistant.actions.wire.context import WireContext, unsupported
from personize_assistant.actions.wire.language import FileEdits, Patterns
from personize_assistant.actions.wire.source import BodyShape, FileStyle, FunctionInfo, SourceFile
from personize_assistant.actions.wire.source_typescript import (
    typescript_body,
    typescript_functions,
    typescript_style,
)
from personize_assistant.errors import UsageError
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.scan.models import Touchpoint

language: Final = "ts"
helper_file: Final = "personize-wiring.ts"
# Typed with the interfaces, so mypy checks each module provides all of them.
edits: FileEdits = typescript_edit
patterns: Patterns = typescript_patterns
remember_delivery: Final = "rememberDelivery"


def functions(source: SourceFile) -> list[FunctionInfo]:
    return typescript_functions(source.text, source.path)


def style(root: Path, source: SourceFile) -> FileStyle:
    found = typescript_style(source.text, source.path)
    if not found.import_extension and _node_esm(root, source.path):
        found.import_extension = ".js"
    return found


def _node_esm(root: Path, path: str) -> bool:
    """ESM under Node resolution needs `.js` on relative imports; bundlers do not."""
    for directory in (root / path).parents:
        tsconfig = directory / "tsconfig.json"
        if tsconfig.is_file():
            text = read_repo_file(root, str(tsconfig.relative_to(root)), MAX_REPO_FILE_BYTES)
            return not isinstance(text, Refusal) and bool(
                re.search(r'"module(Resolution)?"\s*:\s*"node(16|next)"', text, re.IGNORECASE))
        if directory == root:
            break
    return False


def body(source: SourceFile, fn: FunctionInfo) -> BodyShape:
    return typescript_body(source.text, source.path, fn)


def refuse_file(touchpoint: Touchpoint) -> None:
    """Next.js middleware runs on the Edge runtime: no Personize key there."""
    if re.search(r"^(src/)?middleware\.tsx?$", touchpoint.file):
        raise UsageError(
            f"{touchpoint.id} ({touchpoint.location()}): Next.js middleware runs on the Edge "
            "runtime before your server code; call Personize from a route handler or a "
            "server-side accessor instead"
        )


def refuse(ctx: WireContext) -> None:
    """Personize keys must never reach a browser bundle (auth rule: server side only)."""
    fn_text = "\n".join(ctx.source.text.splitlines()[ctx.fn.start_line - 1 : ctx.fn.end_line])
    why = client_reason(ctx.source.path, ctx.source.text, ctx.fn.name, fn_text)
    if why is None:
        return
    route = server_route(ctx.scan, ctx.touchpoint, fn_text)
    instead = (
        f"wire {route.symbol or route.file} instead ({route.id}, {route.location()}), the server route it fetches"
        if route
        else "wire the server route or function it calls instead"
    )
    raise unsupported(
        ctx,
        f"this is client-side code ({why}); Personize and its key stay on the server: {instead}",
    )
