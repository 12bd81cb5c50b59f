"""Small readers of JavaScript/TypeScript syntax nodes, shared by the JS extractor."""

from __future__ import annotations

import re

from tree_sitter import Node

from personize_assistant.scan.extract_common import (
    line_of,
    named_children,
    normalize_chain,
    one_line,
    string_value,
    text,
)
from personize_assistant.scan.facts import Decorator

FUNCTION_TYPES = frozenset(
    {"arrow_function", "function_expression", "function", "generator_function"}
)


def returns(function: Node) -> str:
    """`(): Promise<Resend>` / `return new Resend(key)` / `() => new Resend(key)`."""
    annotation = function.child_by_field_name("return_type")
    if annotation is not None:
        declared = text(annotation, 200).lstrip(":").strip()
        inner = re.match(r"Promise<(.+)>$", declared)
        declared = inner.group(1) if inner else declared
        return type_chain(declared) if declared[:1].isupper() else ""
    body = function.child_by_field_name("body")
    if body is None:
        return ""
    if body.type != "statement_block":
        return returned_value(unwrap(body))
    last = body.named_children[-1] if body.named_child_count else None
    if last is None or last.type != "return_statement" or not last.named_children:
        return ""
    chain = returned_value(unwrap(last.named_children[0]))
    return "" if chain.startswith("str:") else chain


OBJECT_PREFIX = "obj:"
"""`returns` of a function whose result is an object literal: `obj:capture=capture;track=send`,
each member with the chain it holds, so `useAnalytics().capture` reaches the closure."""


def returned_value(value: Node | None) -> str:
    if value is None or value.type != "object":
        return value_chain(value)
    members: list[str] = []
    for member in value.named_children:
        if member.type == "shorthand_property_identifier":
            members.append(f"{text(member, 80)}={text(member, 80)}")
        elif member.type == "method_definition":
            name = text(member.child_by_field_name("name"), 80)
            members.append(f"{name}={name}")  # an object-literal method is a def of that name
        elif member.type == "pair":
            members.append(_member(member))
    members = [m for m in members if m and ";" not in m]
    return OBJECT_PREFIX + ";".join(members) if members else ""


def _member(pair: Node) -> str:
    key = pair_key(pair)
    value = unwrap(pair.child_by_field_name("value"))
    if not key.isidentifier() or value is None:
        return ""
    chain = key if value.type in FUNCTION_TYPES else value_chain(value)
    return f"{key}={chain}" if chain and not chain.startswith(("str:", "expr:")) else ""


def object_argument(argument: Node) -> Node | None:
    """`{...}` or Drizzle's callback form `(d) => ({...})`."""
    if argument.type == "object":
        return argument
    if argument.type == "arrow_function":
        body = unwrap(argument.child_by_field_name("body"))
        return body if body is not None and body.type == "object" else None
    return None


def pair_key(pair: Node) -> str:
    return text(pair.child_by_field_name("key"), 120).strip("'\"`")


def unwrap(node: Node | None) -> Node | None:
    """Look through `await x`, `(x)`, `x as T`, `x satisfies T`, `x!`."""
    while node is not None and node.type in (
        "await_expression",
        "parenthesized_expression",
        "as_expression",
        "satisfies_expression",
        "non_null_expression",
        "type_assertion",
    ):
        inner = [c for c in node.named_children if c.type not in ("type_annotation",)]
        node = inner[0] if inner else None
    return node


def function_argument(value: Node) -> Node | None:
    """`withAuth(async (req) => ...)` / `defineEventHandler(() => ...)`: the inner function."""
    if value.type != "call_expression":
        return None
    for argument in named_children(value.child_by_field_name("arguments")):
        if argument.type in FUNCTION_TYPES:
            return argument
    return None


def value_chain(value: Node | None) -> str:
    if value is None:
        return ""
    if value.type in ("string", "template_string"):
        return "str:" + (string_value(value) or "")[:300]
    if value.type in ("call_expression", "new_expression"):
        callee = value.child_by_field_name("function") or value.child_by_field_name("constructor")
        return normalize_chain(text(callee, 1000)) + "()"
    if value.type in ("member_expression", "identifier", "subscript_expression"):
        return normalize_chain(text(value, 1000))
    if value.type == "ternary_expression":
        # `key ? new Resend(key) : null`: a factory chosen at run time builds that client.
        for branch in ("consequence", "alternative"):
            chosen = unwrap(value.child_by_field_name(branch))
            if chosen is not None and chosen.type in ("call_expression", "new_expression"):
                return value_chain(chosen)
    if value.type in ("binary_expression", "ternary_expression"):
        return "expr:" + one_line(text(value, 300), 300)
    return ""


def type_chain(type_text: str) -> str:
    name = re.match(r"[\w$.]+", type_text.strip())
    return f"{name.group(0)}()" if name else ""


def decorator(node: Node) -> Decorator:
    inner = next(iter(node.named_children), None)
    if inner is not None and inner.type == "call_expression":
        callee = normalize_chain(text(inner.child_by_field_name("function"), 200))
        args = one_line(text(inner.child_by_field_name("arguments"), 300), 300)
        return Decorator(callee, args, line_of(node))
    return Decorator(normalize_chain(text(inner, 200)), "", line_of(node))


def statement_count(body: Node | None) -> int:
    if body is None:
        return 0
    if body.type != "statement_block":
        return 1
    return body.named_child_count
