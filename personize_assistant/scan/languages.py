"""Languages by file extension, and tree-sitter parsers/queries built once per process.

Nothing in tree-sitter pickles, so each worker process builds its own on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Language, Node, Parser, Query

# tree-sitter is imported where a parser is built: the walk and a warm rescan need only
# the extension table.

EXTENSIONS: dict[str, str] = {
    ".py": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "tsx",
    ".prisma": "prisma",
    ".vue": "vue",
    ".svelte": "svelte",
    ".sql": "sql",
}

MARKUP_SUFFIXES = (".html", ".htm", ".astro")
"""Pages whose analytics tags are read (nothing else in them is)."""

TREE_SITTER_LANGUAGES = ("python", "javascript", "typescript", "tsx")

_QUERY_FILES: dict[str, tuple[str, ...]] = {
    "python": ("python.scm",),
    "javascript": ("javascript.scm", "javascript_only.scm"),
    "typescript": ("javascript.scm", "typescript.scm"),
    "tsx": ("javascript.scm", "typescript.scm"),
}


@dataclass(frozen=True)
class Grammar:
    language: Language
    parser: Parser
    query: Query


def query_text(name: str) -> str:
    return "\n".join(
        files("personize_assistant.scan").joinpath("queries", f).read_text(encoding="utf-8")
        for f in _QUERY_FILES[name]
    )


def _language(name: str) -> Language:
    import tree_sitter_javascript
    import tree_sitter_python
    import tree_sitter_typescript
    from tree_sitter import Language

    if name == "python":
        return Language(tree_sitter_python.language())
    if name == "javascript":
        return Language(tree_sitter_javascript.language())
    if name == "typescript":
        return Language(tree_sitter_typescript.language_typescript())
    return Language(tree_sitter_typescript.language_tsx())


@cache
def grammar(name: str) -> Grammar:
    from tree_sitter import Parser, Query

    language = _language(name)
    return Grammar(language, Parser(language), Query(language, query_text(name)))


def captures_in_order(query: Query, root: Node) -> dict[str, list[Node]]:
    """Captured nodes by capture name, each list in document order (an enclosing node
    before the nodes it contains). py-tree-sitter's own order depends on the parser's
    internal state, so the same file could give its facts in a different order from run
    to run, and "first one wins" rules downstream would pick differently."""
    from tree_sitter import QueryCursor

    captures = QueryCursor(query).captures(root)
    for nodes in captures.values():
        nodes.sort(key=_document_position)
    return captures


def _document_position(node: Node) -> tuple[int, int]:
    return node.start_byte, -node.end_byte
