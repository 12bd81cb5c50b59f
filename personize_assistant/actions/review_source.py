"""REVIEW's view of source code: the Personize calls in a file and the code around them.

The scanner says *where* Personize is called; REVIEW needs *how*: which SDK method,
which arguments, whether the call sits in a try block, a loop, an awaited request path.
Files are parsed again with the scanner's tree-sitter grammars (cheap: only the few
files that call Personize or their wrappers' callers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from tree_sitter import Node

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

FUNCTIONS = {
    "function_declaration", "function_expression", "arrow_function", "method_definition",
    "generator_function_declaration", "function_definition", "lambda", "function",
}
LOOPS = {
    "for_statement", "for_in_statement", "while_statement", "do_statement",
    "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression",
}
# Callbacks of these run once per element: a call inside them is a call in a loop.
ITERATING_CALLS = {"forEach", "map", "flatMap", "for_each", "starmap"}
# A call passed to these runs after (or beside) the request: it does not block it.
DEFERRING_CALLS = {
    "waitUntil", "after", "setImmediate", "setTimeout", "queueMicrotask", "add_task",
    "create_task", "ensure_future", "submit", "run_in_executor", "delay", "apply_async",
    "on_commit", "Thread", "spawn", "enqueue",
}
HTTP_VERBS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
_ROUTE_DECORATOR = re.compile(
    r"@\w*(?:\.\w+)*\.(?:get|post|put|patch|delete|route|api_route|websocket)\(|@api_view|"
    r"@require_(?:http_methods|GET|POST|safe)|@csrf_exempt|@login_required|@action\("
)
_EXPRESS_ROUTE = re.compile(r"\b\w+\.(?:get|post|put|patch|delete|all|use)$")
_TS_REQUEST_PARAMS = re.compile(r"\b(?:req|request)\s*[:,)]|\bNextRequest\b|\bNextApiRequest\b")


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
    text: str
    root: Node

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    def calls_between(self, first: int, last: int) -> list[Node]:
        """Call expressions that start on lines `first`..`last` (1-based), in source order."""
        return [n for n in _walk(self.root, first, last) if n.type in ("call_expression", "call")
                and first <= n.start_point[0] + 1 <= last]


    @cached_property
    def functions(self) -> list[tuple[str, Node]]:
        """Named functions and methods, in source order."""
        found: list[tuple[str, Node]] = []
        stack = [self.root]
        while stack:
            node = stack.pop()
            if node.type in FUNCTIONS and (name := function_name(node)):
                found.append((name, node))
            stack.extend(node.children)
        return sorted(found, key=lambda item: item[1].start_byte)

    def function_at(self, line: int) -> Node | None:
        """The innermost named function whose span holds `line`."""
        holding = [n for _, n in self.functions if n.start_point[0] + 1 <= line <= n.end_point[0] + 1]
        return min(holding, key=lambda n: n.end_byte - n.start_byte) if holding else None


def load_source(root: Path, relative: str) -> SourceFile | None:
    """Parse one repo file, or None when it is not a language REVIEW reads."""
    language = EXTENSIONS.get(Path(relative).suffix.lower())
    if language not in TREE_SITTER_LANGUAGES:
        return None
    try:
        source = (root / relative).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    tree = grammar(language).parser.parse(source.encode("utf-8"))
    family = "python" if language == "python" else "typescript"
    return SourceFile(relative, family, source, tree.root_node)


def _walk(node: Node, first: int, last: int) -> list[Node]:
    """Nodes whose span overlaps lines `first`..`last` (1-based), in source order."""
    found: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.start_point[0] + 1 <= last and current.end_point[0] + 1 >= first:
            found.append(current)
            stack.extend(current.children)
    return sorted(found, key=lambda n: n.start_byte)


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


# --------------------------------------------------------------------------- frames


@dataclass
class Frame:
    """A call expression in its function: the unit checked for error handling and waits."""

    file: SourceFile
    node: Node

    @property
    def line(self) -> int:
        return self.node.start_point[0] + 1

    @cached_property
    def function(self) -> Node | None:
        parent = self.node.parent
        while parent is not None and parent.type not in FUNCTIONS:
            parent = parent.parent
        return parent

    @cached_property
    def function_text(self) -> str:
        return text(self.function) if self.function is not None else self.file.text

    def protected(self) -> bool:
        """A failure of this call is caught here (try/except, `.catch`, suppress, allSettled)."""
        if self.file.language == "python":
            return self._inside_try() or self._inside_suppress()
        holder = Frame(self.file, promise_holder(self.node))
        if holder._chained_catch() or holder._settled():
            return True
        return holder.awaited() and holder._inside_try()

    def handled_upstream(self, depth: int = 3) -> bool:
        """Every call of the enclosing function in this file catches failures, up to `depth`
        callers away (`main().catch(...)`, a `try` around `run()` in a script's `main`)."""
        fn = self.function
        name = function_name(fn) if fn is not None else ""
        if fn is None or not name or depth == 0:
            return False
        sites = [Frame(self.file, node) for node in self.file.calls_between(1, len(self.file.lines) + 1)
                 if _invokes(node, name) and not (fn.start_byte <= node.start_byte < fn.end_byte)]
        return bool(sites) and all(s.protected() or s.handled_upstream(depth - 1) for s in sites)

    def loop(self) -> Node | None:
        """The loop (or per-item callback) this call runs in, inside its function."""
        parent = self.node.parent
        while parent is not None:
            if parent.type in LOOPS:
                return parent
            if parent.type in FUNCTIONS:
                args = parent.parent
                return args.parent if args is not None and _iterating_callback(parent) else None
            parent = parent.parent
        return None

    def _settled(self) -> bool:
        """Inside `Promise.allSettled(...)`: rejections become results, not errors."""
        parent = self.node.parent
        for _ in range(40):
            if parent is None:
                return False
            if parent.type == "call_expression" and text(parent.child_by_field_name("function")).endswith("allSettled"):
                return True
            parent = parent.parent
        return False

    def awaited(self) -> bool:
        parent = self.node.parent
        while parent is not None and parent.type in ("parenthesized_expression", "as_expression",
                                                     "non_null_expression", "member_expression"):
            if parent.type == "member_expression":
                return False  # `call().then(...)`: the chain decides, not this call
            parent = parent.parent
        return parent is not None and parent.type in ("await_expression", "await")

    def blocking(self) -> bool:
        """The caller waits for this call to finish (awaited, or a plain Python call)."""
        if self._deferred():
            return False
        return True if self.file.language == "python" else self.awaited()

    def in_loop(self) -> bool:
        return self.loop() is not None

    def _ancestors_in_function(self) -> list[Node]:
        out: list[Node] = []
        parent = self.node.parent
        while parent is not None and parent.type not in FUNCTIONS:
            out.append(parent)
            parent = parent.parent
        return out

    def _inside_try(self) -> bool:
        for ancestor in self._ancestors_in_function():
            if ancestor.type != "try_statement":
                continue
            body = ancestor.child_by_field_name("body")
            if body is not None and body.start_byte <= self.node.start_byte < body.end_byte:
                return True
        return False

    def _inside_suppress(self) -> bool:
        return any(a.type == "with_statement" and "suppress(" in text(a.child(1), 200)
                   for a in self._ancestors_in_function())

    def _chained_catch(self) -> bool:
        parent = self.node.parent
        while parent is not None and parent.type == "parenthesized_expression":
            parent = parent.parent
        if parent is None or parent.type != "member_expression":
            return False
        prop = text(parent.child_by_field_name("property"))
        if prop == "catch":
            return True
        outer = parent.parent
        if prop in ("then", "finally") and outer is not None and outer.type == "call_expression":
            arguments = outer.child_by_field_name("arguments")
            if prop == "then" and arguments is not None and arguments.named_child_count >= 2:
                return True
            return Frame(self.file, outer)._chained_catch()
        return False

    def _deferred(self) -> bool:
        parent = self.node.parent
        while parent is not None and parent.type not in FUNCTIONS:
            if parent.type == "unary_expression" and text(parent).startswith("void"):
                return True
            if parent.type in ("call_expression", "call") and parent is not self.node:
                name = normalize_chain(text(parent.child_by_field_name("function"))).split(".")[-1]
                if name in DEFERRING_CALLS:
                    return True
            parent = parent.parent
        if parent is not None and parent.type in FUNCTIONS:
            outer = parent.parent.parent if parent.parent is not None else None
            if outer is not None and outer.type in ("call_expression", "call"):
                name = normalize_chain(text(outer.child_by_field_name("function"))).split(".")[-1]
                return name in DEFERRING_CALLS
        return False

    def request_handler(self) -> bool:
        """The enclosing function answers an HTTP request (route, view, API handler)."""
        fn = self.function
        if fn is None:
            return False
        if self.file.language == "python":
            return _python_handler(fn)
        return _ts_handler(self.file.path, fn)


_PASS_THROUGH = {"parenthesized_expression", "array", "ternary_expression", "as_expression",
                 "non_null_expression", "arguments", "spread_element"}


def promise_holder(node: Node) -> Node:
    """The expression that finally holds a call's promise in TypeScript: climbs out of
    wrappers it is handed to (`withTimeout(call, ms)`, `Promise.all([call])`) and out of
    expression-bodied callbacks (`limited(() => call)`), where the error surfaces."""
    current = node
    while current.parent is not None and _passes_promise(current, current.parent):
        current = current.parent
    return current


def _passes_promise(child: Node, parent: Node) -> bool:
    if parent.type in _PASS_THROUGH:
        return True
    if parent.type == "call_expression":
        return child.type == "arguments"
    return (parent.type == "arrow_function" and child == parent.child_by_field_name("body")
            and parent.parent is not None and parent.parent.type == "arguments")


def _invokes(call: Node, name: str) -> bool:
    """`name(...)`, or `pool.submit(name, ...)`: the function handed to an executor."""
    if normalize_chain(text(call.child_by_field_name("function"))).split(".")[-1] == name:
        return True
    arguments = call.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    return first is not None and first.type == "identifier" and text(first) == name


def _iterating_callback(fn: Node) -> bool:
    args = fn.parent
    call = args.parent if args is not None else None
    if call is None or call.type not in ("call_expression", "call"):
        return False
    name = normalize_chain(text(call.child_by_field_name("function"))).split(".")[-1]
    return name in ITERATING_CALLS


def function_name(fn: Node) -> str:
    name = fn.child_by_field_name("name")
    if name is not None:
        return text(name)
    parent = fn.parent
    if parent is not None and parent.type == "variable_declarator":
        return text(parent.child_by_field_name("name"))
    return ""


def _ts_handler(path: str, fn: Node) -> bool:
    name = function_name(fn)
    base = Path(path).name
    if name in HTTP_VERBS and re.match(r"route\.[cm]?[jt]sx?$", base):
        return True
    if "pages/api/" in path or base.startswith("middleware."):
        return True
    args = fn.parent
    call = args.parent if args is not None else None
    if call is not None and call.type == "call_expression":
        callee = normalize_chain(text(call.child_by_field_name("function")))
        if _EXPRESS_ROUTE.search(callee):
            return True
    params = text(fn.child_by_field_name("parameters"), 300)
    return bool(_TS_REQUEST_PARAMS.search(params)) and ("/api/" in path or "route" in path)


def _python_handler(fn: Node) -> bool:
    parent = fn.parent
    if parent is not None and parent.type == "decorated_definition":
        decorators = "\n".join(text(c) for c in parent.children if c.type == "decorator")
        if _ROUTE_DECORATOR.search(decorators):
            return True
    params = fn.child_by_field_name("parameters")
    names = [text(p).split(":")[0].split("=")[0].strip() for p in (params.named_children if params else [])]
    names = [n for n in names if n not in ("self", "cls")]
    return bool(names) and names[0] == "request"
