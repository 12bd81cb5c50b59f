"""Job definitions written as object literals: `{ id: "send.welcome.email", handler: fn }`.

A job like this is reached by its string name (`jobs.triggerJob({ name: "send.welcome.email" })`),
never by an import, so the extractor records what detection needs to link the two: the names,
whether the definition carries a schedule, and the line of the definition itself (where a
person reads and wires the job). Keys are data (`jobs.yaml`).
"""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from personize_assistant.scan.extract_common import line_of, one_line, text
from personize_assistant.scan.facts import Binding
from personize_assistant.scan.js_nodes import FUNCTION_TYPES, unwrap
from personize_assistant.scan.rules import jobs

JOB_PREFIX = "job:"
"""Bindings named `job:<handler qualname>` hold `job:<name>,<name>` and, in `raw`, `cron` when scheduled."""

_HOLDERS = ("variable_declarator", "pair", "assignment_expression")


def job_binding(pair: Node, qualname: str) -> Binding | None:
    """The job a function-valued `handler:`/`run:` member defines, or None when its object
    names no job (a plain object-literal method)."""
    rules = jobs()
    key = text(pair.child_by_field_name("key"), 80).strip("'\"")
    obj = pair.parent
    if key not in rules.handler_keys or obj is None or obj.type != "object":
        return None
    names: list[str] = []
    scheduled = False
    for inner_key, value in _pairs(obj):
        if inner_key in rules.name_keys:
            names += _name(value)
        if inner_key in rules.schedule_keys:
            scheduled = True
        if inner_key in rules.nested_keys and value.type == "object":
            for nested_key, nested in _pairs(value):
                names += _name(nested) if nested_key in rules.name_keys else []
                scheduled |= nested_key in rules.schedule_keys
    if not names:
        return None
    holder, line = _holder(obj)
    return Binding("", JOB_PREFIX + qualname, JOB_PREFIX + ",".join(dict.fromkeys(names)), ("cron " if scheduled else "") + holder, line)


def _pairs(obj: Node) -> Iterator[tuple[str, Node]]:
    for child in obj.named_children:
        value = unwrap(child.child_by_field_name("value")) if child.type == "pair" else None
        if value is not None:
            yield text(child.child_by_field_name("key"), 80).strip("'\""), value


def _name(value: Node) -> list[str]:
    """A string literal as `str:x`, a constant as its identifier (resolved in the file later)."""
    if value.type == "string":
        return ["str:" + text(value, 200).strip("'\"`")]
    if value.type in ("identifier", "member_expression") and value.type not in FUNCTION_TYPES:
        return [one_line(text(value, 120), 120)]
    return []


def _holder(obj: Node) -> tuple[str, int]:
    """The name and line of what holds the object: `export const X = {...}` -> (X, its line);
    `task({...})` assigned to a variable -> the variable; otherwise the object itself."""
    node: Node | None = obj
    while node is not None and node.type not in _HOLDERS:
        if node.type in ("statement_block", "program", "class_body"):
            break
        node = node.parent
    if node is None or node.type not in _HOLDERS:
        return "", line_of(obj)
    field = "left" if node.type == "assignment_expression" else "key" if node.type == "pair" else "name"
    declaration = node.parent if node.type == "variable_declarator" else None
    start = declaration.parent if declaration is not None and declaration.parent is not None and declaration.parent.type == "export_statement" else declaration
    return text(node.child_by_field_name(field), 120), line_of(start or node)
