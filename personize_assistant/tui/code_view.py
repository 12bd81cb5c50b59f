"""Code carried by wire/generate artifacts, and TypeScript highlighting for TextArea.

TextArea ships Python highlighting but not TypeScript: we register it from the
`tree_sitter_typescript` grammar with the JavaScript and TypeScript highlight queries
joined (the TS query only adds to the JS one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from textual.widgets import TextArea
from tree_sitter import Language

TYPESCRIPT = "typescript"


@dataclass(frozen=True)
class CodeFile:
    path: str
    content: str
    language: str | None
    """A TextArea language name (`python`, `typescript`), or None for plain text."""


def language_for(path: str, declared: str | None = None) -> str | None:
    if path.endswith((".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs")):
        return TYPESCRIPT
    if path.endswith(".py") or declared == "py":
        return "python"
    return TYPESCRIPT if declared == "ts" else None


def code_files(kind: str, data: dict[str, Any]) -> list[CodeFile]:
    """The files an artifact's data holds: new files of a wire, the function of a generate."""
    declared = data.get("language") if isinstance(data.get("language"), str) else None
    if kind == "generate" and isinstance(data.get("code"), str):
        path = str(data.get("path") or "generated")
        return [CodeFile(path, data["code"], language_for(path, declared))]
    if kind != "wire":
        return []
    files = [entry for entry in data.get("files_created") or [] if isinstance(entry, dict)]
    return [
        CodeFile(str(entry.get("path", "?")), str(entry.get("content", "")),
                 language_for(str(entry.get("path", "")), declared))
        for entry in files
    ]


# tree-sitter 0.26 crashes the interpreter (memory corruption, seen as a segfault a few
# highlights later) when a query carries the `#is-not? local` predicate the JS query
# uses. Dropping it only loses "builtin unless shadowed by a local" nuance.
_IS_NOT_LOCAL = re.compile(r"\(#is-not\?\s+local\s*\)")


@cache
def _typescript_query() -> str:
    def read(package: str) -> str:
        return (resources.files(package) / "queries" / "highlights.scm").read_text(encoding="utf-8")

    joined = read("tree_sitter_javascript") + "\n" + read("tree_sitter_typescript")
    return _IS_NOT_LOCAL.sub("", joined)


@cache
def _typescript_language() -> Language:
    # One Language for the process: TextArea documents keep native pointers into it.
    import tree_sitter_typescript

    return Language(tree_sitter_typescript.language_typescript())


def register_typescript(area: TextArea) -> None:
    area.register_language(TYPESCRIPT, _typescript_language(), _typescript_query())


class CodeArea(TextArea):
    """Read-only, highlighted code; the language is applied once registered and mounted."""

    def __init__(self, code: CodeFile) -> None:
        super().__init__(code.content, read_only=True, show_line_numbers=True, soft_wrap=False)
        self._code_language = code.language
        if code.language == TYPESCRIPT:
            register_typescript(self)

    def on_mount(self) -> None:
        if self._code_language is not None:
            self.language = self._code_language
