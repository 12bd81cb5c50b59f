"""Helpers shared by the per-language extractors: node text, callee chains, scopes."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from tree_sitter import Node

from personize_assistant.scan.catalog import Catalog
from personize_assistant.scan.facts import Def, Marker

_WS = re.compile(r"\s+")
_KEYWORDS = re.compile(r"\b(?:await|new|yield)\s+")
_INNER_ARGS = re.compile(r"\(([^()]+)\)")
_SUBSCRIPT_NAME = re.compile(r"\[\s*['\"`]([\w$-]+)['\"`]\s*\]")
_SUBSCRIPT_OTHER = re.compile(r"\[[^\[\]]*\]")
_TYPE_ARGS = re.compile(r"<[^<>()]*>")
_COMMENT = re.compile(r"/\*.*?\*/|^\s*//[^\n]*$", re.S | re.M)
_EMPTY_CALL = "\x00"
MAX_CHAIN = 240


def text(node: Node | None, limit: int = 0) -> str:
    if node is None:
        return ""
    raw = node.text or b""
    if limit and len(raw) > limit * 4:
        raw = raw[: limit * 4]
    value = raw.decode("utf-8", "replace")
    return value[:limit] if limit else value


def one_line(value: str, limit: int = 200) -> str:
    return _WS.sub(" ", value).strip()[:limit]


_SIMPLE_CHAIN = re.compile(r"[\w$]+(?:\.[\w$]+)*")


def normalize_chain(raw: str) -> str:
    """`await this.mailer?.send(x).then` -> `this.mailer.send().then`; bounded in size."""
    if len(raw) <= MAX_CHAIN and _SIMPLE_CHAIN.fullmatch(raw):
        return raw
    if len(raw) > MAX_CHAIN * 4:
        tail = re.findall(r"[\w$]+", raw[-MAX_CHAIN:])
        return "?." + tail[-1] if tail else "?"
    value = _COMMENT.sub("", raw) if "/" in raw else raw
    value = _KEYWORDS.sub("", value)
    value = _WS.sub("", value).replace("?.", ".").replace("!.", ".").replace("!(", "(")
    value = _SUBSCRIPT_NAME.sub(r".\1", value)
    value = _SUBSCRIPT_OTHER.sub("[]", value)
    value = _TYPE_ARGS.sub("", value)
    # Empty `()` stand in as one character while reducing, so that `.post("/x", v(), h)`
    # (an argument that is itself a call) still reduces to `.post()`.
    value = value.replace("()", _EMPTY_CALL)
    for _ in range(8):
        reduced = _INNER_ARGS.sub(_EMPTY_CALL, value)
        if reduced == value:
            break
        value = reduced
    value = value.replace(_EMPTY_CALL, "()")
    while value.startswith("(") and ")" in value:
        depth = 0
        for i, char in enumerate(value):
            depth += char == "("
            depth -= char == ")"
            if depth == 0:
                value = value[1:i] + value[i + 1 :]
                break
        else:
            break
    return value[:MAX_CHAIN]


def string_value(node: Node | None) -> str | None:
    """The content of a string literal node, or None if it is not a plain string."""
    if node is None or node.type not in ("string", "template_string"):
        return None
    raw = text(node, 400)
    if node.type == "template_string":
        return raw.strip("`")
    match = re.match(r"^[rRbBuUfF]*('''|\"\"\"|'|\")(.*)\1$", raw, re.S)
    return match.group(2) if match else raw.strip("'\"")


@dataclass
class ScopeIndex:
    """Finds the innermost named definition around a byte offset."""

    defs: list[Def]
    starts: list[int] = field(default_factory=list)
    parents: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.defs.sort(key=lambda d: (d.start, -d.end))
        self.starts = [d.start for d in self.defs]
        stack: list[int] = []
        for i, current in enumerate(self.defs):
            while stack and self.defs[stack[-1]].end < current.end:
                stack.pop()
            self.parents.append(stack[-1] if stack else -1)
            stack.append(i)

    def at(self, offset: int) -> str:
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.defs[i].end < offset:
            i = self.parents[i]
        return self.defs[i].qualname if i >= 0 else ""

    def def_at(self, offset: int) -> Def | None:
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.defs[i].end < offset:
            i = self.parents[i]
        return self.defs[i] if i >= 0 else None


def find_markers(source: bytes, catalog: Catalog, scopes: ScopeIndex) -> tuple[Marker, ...]:
    """Marker regexes run only in small windows around their literal hints: a regex with
    many alternatives is slow over a whole file, `bytes.find` is not."""
    found: list[Marker] = []
    line_starts: list[int] | None = None
    for name, pattern, hints in catalog.marker_patterns:
        starts: set[int] = set()
        for hint in hints:
            position = source.find(hint)
            budget = 2000
            while position != -1 and budget:
                budget -= 1
                for match in pattern.finditer(source, max(0, position - 80), position + len(hint) + 120):
                    starts.add(match.start())
                position = source.find(hint, position + len(hint))
        for start in sorted(starts):
            if line_starts is None:
                line_starts = _line_starts(source)
            found.append(Marker(name, bisect_right(line_starts, start), scopes.at(start)))
    return tuple(found)


def _line_starts(source: bytes) -> list[int]:
    starts = [0]
    find = source.find
    position = find(b"\n")
    while position != -1:
        starts.append(position + 1)
        position = find(b"\n", position + 1)
    return starts


def line_of(node: Node) -> int:
    return node.start_point[0] + 1


def end_line_of(node: Node) -> int:
    return node.end_point[0] + 1


def preorder(node: Node) -> Iterator[Node]:
    """`node` and every named node below it, in document order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.named_children))


def descendants_of_type(node: Node, node_type: str) -> list[Node]:
    """The named nodes of one type at or below `node`, in document order."""
    return [n for n in preorder(node) if n.type == node_type]


def named_children(node: Node | None) -> Iterable[Node]:
    return node.named_children if node is not None else ()
