"""Where a call sits: its function, try blocks, loops, awaits and request handlers.

A `Frame` is one call expression inside its function. REVIEW asks it the questions the
WIRE constraints care about: is a failure caught here (or by every caller), does the
caller wait for it, does it run once per item, is this function an HTTP handler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tree_sitter import Node

from personize_assistant.scan.extract_common import normalize_chain, text
from personize_assistant.scan.routes import HTTP_METHODS

if TYPE_CHECKING:
    from personize_assistant.actions.review.source import SourceFile

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
_ROUTE_DECORATOR = re.compile(
    r"@\w*(?:\.\w+)*\.(?:get|post|put|patch|delete|route|api_route|websocket)\(|@api_view|"
    r"@require_(?:http_methods|GET|POST|safe)|@csrf_exempt|@login_required|@action\("
)
_EXPRESS_ROUTE = re.compile(r"\b\w+\.(?:get|post|put|patch|delete|all|use)$")
_TS_REQUEST_PARAMS = re.compile(r"\b(?:req|request)\s*[:,)]|\bNextRequest\b|\bNextApiRequest\b")


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
        sites = [Frame(self.file, node) for node in self.file.calls
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


def called_name(call: Node) -> str:
    """The last segment of what a call calls: `client.memory.memorize(...)` -> `memorize`."""
    return normalize_chain(text(call.child_by_field_name("function"))).split(".")[-1]


def _invokes(call: Node, name: str) -> bool:
    """`name(...)`, or `pool.submit(name, ...)`: the function handed to an executor."""
    if called_name(call) == name:
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
    if name in HTTP_METHODS and re.match(r"route\.[cm]?[jt]sx?$", base):
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
