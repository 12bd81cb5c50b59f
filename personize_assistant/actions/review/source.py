"""REVIEW's view of source code: the Personize calls in a file and the code around them.

The scanner says *where* Personize is called; REVIEW needs *how*: which SDK method,
which arguments, whether the call sits in a try block, a loop, an awaited request path.
Files are parsed again with the scanner's tree-sitter grammars (cheap: only the few
files that call Personize or their wrappers' callers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from tree_sitter import Node, Query, QueryCursor

from personize_assistant.actions.review.frames import FUNCTIONS, Frame, function_name
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.scan.extract_common import normalize_chain, text
from personize_assistant.scan.languages import EXTENSIONS, TREE_SITTER_LANGUAGES, grammar

# SDK method names (TS and snake_case) -> one canonical name per operation.
METHODS: dict[str, str] = {
    "memorize": "memorize", "memorize_pro": "memorize", "save": "memorize",
    "memorizeBatch": "memorizeBatch", "memorize_batch": "memorizeBatch",
    "saveBatch": "memorizeBatch", "save_batch": "memorizeBatch",
    "upsert": "upsert", "upsertBatch": "memorizeBatch", "upsert_batch": "memorizeBatch",
    "smartDigest": "smartDigest", "smart_digest": "smartDigest",
    "smartRecall": "smartRecall", "smart_recall": "smartRecall", "recall": "recall",
    "search": "search",
    "smartGuidelines": "smartGuidelines", "smart_guidelines": "smartGuidelines",
    "prompt": "prompt", "promptStream": "prompt", "prompt_stream": "prompt",
    "me": "me", "test": "test",
    "list": "list", "create": "create", "update": "update", "delete": "delete", "get": "get",
}
NAMESPACES = {"memory", "ai", "collections", "guidelines", "agents", "v1_1"}
# Bare names that are only Personize calls behind a Personize namespace.
GENERIC = {"list", "create", "update", "delete", "get", "search", "prompt", "save", "test"}
# REST paths (`/api/v1/<path>`) -> canonical method, for raw HTTP clients.
PATHS: dict[str, str] = {
    "memorize": "memorize", "memorize_pro": "memorize", "memory/save": "memorize",
    "batch-memorize": "memorizeBatch", "memory/save/batch": "memorizeBatch",
    "smart-memory-digest": "smartDigest", "memory/digest": "smartDigest",
    "memory/retrieve/digest": "smartDigest", "smart-recall": "smartRecall",
    "memory/retrieve": "smartRecall", "recall": "recall", "search": "search",
    "ai/smart-guidelines": "smartGuidelines", "prompt": "prompt", "me": "me",
    "collections": "collections.list", "upsert": "upsert",
}
_REST_PATH = re.compile(r"/api/v1(?:\.1)?/([a-z_\-/]+)")
HTTP_CALLS = {"post", "get", "fetch", "request", "put", "patch", "ofetch", "$fetch", "axios"}



@dataclass(frozen=True)
class CallArgs:
    """The keys of a call's options (object literal or keyword arguments)."""

    keys: dict[str, str]
    open: bool
    """True when other keys may be present (a spread, `**kwargs`, a variable)."""

    def has(self, *names: str) -> bool:
        return any(name in self.keys for name in names)

    def lacks(self, *names: str) -> bool:
        """Definitely none of `names` (False whenever the keys are not all known)."""
        return not self.open and not self.has(*names)


@dataclass
class SourceFile:
    path: str
    language: str
    """`typescript` (TS and JS) or `python`: the family checks and snippets follow."""
    text: str
    root: Node
    grammar: str
    """The tree-sitter grammar it was parsed with (`tsx`, `javascript`...)."""

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def line_of(self, offset: int) -> int:
        """The 1-based line of a character offset in `text`."""
        return self.text.count("\n", 0, offset) + 1

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    @cached_property
    def calls(self) -> list[Node]:
        """Every call expression in the file, in source order."""
        return _nodes_of(self.grammar, self.root, ("call_expression", "call"))

    def calls_between(self, first: int, last: int) -> list[Node]:
        """Call expressions that start on lines `first`..`last` (1-based), in source order."""
        return [n for n in self.calls if first <= n.start_point[0] + 1 <= last]


    @cached_property
    def functions(self) -> list[tuple[str, Node]]:
        """Named functions and methods, in source order."""
        nodes = _nodes_of(self.grammar, self.root, tuple(sorted(FUNCTIONS)))
        return [(name, node) for node in nodes if (name := function_name(node))]

    @cached_property
    def anonymous_functions(self) -> list[Node]:
        """Unnamed functions (inline route handlers, callbacks), in source order."""
        nodes = _nodes_of(self.grammar, self.root, tuple(sorted(FUNCTIONS)))
        return [node for node in nodes if not function_name(node)]

    def function_at(self, line: int) -> Node | None:
        """The innermost named function whose span holds `line`."""
        holding = [n for _, n in self.functions if n.start_point[0] + 1 <= line <= n.end_point[0] + 1]
        return min(holding, key=lambda n: n.end_byte - n.start_byte) if holding else None


def load_source(root: Path, relative: str) -> SourceFile | None:
    """Parse one repo file, or None when it is not a language REVIEW reads."""
    language = EXTENSIONS.get(Path(relative).suffix.lower())
    if language not in TREE_SITTER_LANGUAGES:
        return None
    source = read_repo_file(root, relative, MAX_REPO_FILE_BYTES)
    if isinstance(source, Refusal):
        return None
    tree = grammar(language).parser.parse(source.encode("utf-8"))
    family = "python" if language == "python" else "typescript"
    return SourceFile(relative, family, source, tree.root_node, language)


@cache
def _node_query(grammar_name: str, types: tuple[str, ...]) -> Query:
    """A query capturing every node of `types` the grammar knows (others are skipped)."""
    language = grammar(grammar_name).language
    known = []
    for node_type in types:
        try:
            Query(language, f"({node_type}) @n")
        except Exception:  # tree-sitter's QueryError type differs across versions
            continue
        known.append(f"({node_type}) @n")
    return Query(language, "[" + " ".join(known) + "]")


def _nodes_of(grammar_name: str, root: Node, types: tuple[str, ...]) -> list[Node]:
    """All nodes of `types` under `root`, in source order (run in C by tree-sitter)."""
    captures = QueryCursor(_node_query(grammar_name, types)).captures(root)
    return sorted(captures.get("n", []), key=lambda n: n.start_byte)


# --------------------------------------------------------------------------- calls


@dataclass
class SdkCall:
    """One Personize operation in the code, with the facts the checks need."""

    file: SourceFile
    node: Node
    method: str
    callee: str
    args: CallArgs
    symbol: str | None = None
    callers: list[Frame] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.node.start_point[0] + 1

    @property
    def end_line(self) -> int:
        return self.node.end_point[0] + 1

    @cached_property
    def frame(self) -> Frame:
        return Frame(self.file, self.node)

    def frames(self) -> list[Frame]:
        """Where a failure or a wait reaches the program: the callers of its wrapper, if known."""
        return self.callers or [self.frame]


def sdk_call(file: SourceFile, node: Node, direct: bool) -> SdkCall | None:
    """An SdkCall when `node` calls Personize; `direct`: it is where the scanner pointed."""
    callee = normalize_chain(text(node.child_by_field_name("function")))
    parts = callee.split(".")
    name, namespace = parts[-1], (parts[-2] if len(parts) > 1 else "")
    if name in HTTP_CALLS or namespace in HTTP_CALLS:
        return _rest_call(file, node, callee) if direct else None
    if name not in METHODS:
        return None
    if name in GENERIC and namespace not in NAMESPACES:
        return None
    if namespace not in NAMESPACES and not direct:
        return None
    method = METHODS[name]
    if method in {"list", "create", "update", "delete", "get"}:
        method = f"{namespace}.{method}"
    return SdkCall(file, node, method, callee, call_args(file, node))


def sdk_reference(file: SourceFile, node: Node) -> SdkCall | None:
    """`pool.submit(client.memory.smart_digest, email=e)`: a method handed to an executor.

    The call is the outer one; its keyword arguments are the method's."""
    arguments = node.child_by_field_name("arguments")
    first = next((c for c in (arguments.named_children if arguments else [])), None)
    if first is None or first.type not in ("attribute", "member_expression"):
        return None
    parts = normalize_chain(text(first)).split(".")
    if len(parts) < 2 or parts[-2] not in NAMESPACES or parts[-1] not in METHODS:
        return None
    method = METHODS[parts[-1]]
    if method in {"list", "create", "update", "delete", "get"}:
        method = f"{parts[-2]}.{method}"
    keys = {text(k.child_by_field_name("name")): text(k.child_by_field_name("value"))
            for k in (arguments.named_children if arguments else []) if k.type == "keyword_argument"}
    return SdkCall(file, node, method, ".".join(parts), CallArgs(keys, open=False))


def _rest_call(file: SourceFile, node: Node, callee: str) -> SdkCall | None:
    match = _REST_PATH.search(text(node.child_by_field_name("arguments")))
    if not match:
        return None
    path = match.group(1).strip("/")
    method = PATHS.get(path) or PATHS.get(path.split("/")[0])
    if method is None:
        return None
    return SdkCall(file, node, method, callee, _rest_args(file, node))


def call_args(file: SourceFile, node: Node) -> CallArgs:
    arguments = node.child_by_field_name("arguments")
    if arguments is None:
        return CallArgs({}, open=True)
    named = [c for c in arguments.named_children if c.type != "comment"]
    if file.language == "python":
        keywords = [c for c in named if c.type == "keyword_argument"]
        if keywords or not named:
            splat = any(c.type == "dictionary_splat" for c in named)
            keys = {text(k.child_by_field_name("name")): text(k.child_by_field_name("value"))
                    for k in keywords}
            first = named[0] if named else None
            if first is not None and first.type == "dictionary":
                return _object_keys(first)
            return CallArgs(keys, open=splat)
    if named and named[0].type in ("object", "dictionary"):
        return _object_keys(named[0])
    return CallArgs({}, open=True)


def _rest_args(file: SourceFile, node: Node) -> CallArgs:
    """The JSON body of a raw HTTP call: `json={...}` or `body: JSON.stringify({...})`."""
    arguments = node.child_by_field_name("arguments")
    for child in _descendants(arguments):
        if (file.language == "python" and child.type == "keyword_argument"
                and text(child.child_by_field_name("name")) in ("json", "data")):
            value = child.child_by_field_name("value")
            if value is not None and value.type == "dictionary":
                return _object_keys(value)
        if child.type == "call_expression" and text(child.child_by_field_name("function")) == "JSON.stringify":
            inner = child.child_by_field_name("arguments")
            objects = [c for c in (inner.named_children if inner else []) if c.type == "object"]
            if objects:
                return _object_keys(objects[0])
    return CallArgs({}, open=True)


def _object_keys(node: Node) -> CallArgs:
    keys: dict[str, str] = {}
    is_open = False
    for child in node.named_children:
        if child.type == "pair":
            key = text(child.child_by_field_name("key")).strip("'\"`")
            keys[key] = text(child.child_by_field_name("value"))
        elif child.type == "shorthand_property_identifier":
            keys[text(child)] = text(child)
        elif child.type in ("spread_element", "dictionary_splat"):
            is_open = True
    return CallArgs(keys, is_open)


def _descendants(node: Node | None) -> list[Node]:
    if node is None:
        return []
    out: list[Node] = []
    stack = list(node.children)
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(current.children)
    return sorted(out, key=lambda n: n.start_byte)
