"""The React Email component a templated send renders: found in the repo, given the new
optional prop in its props type and destructuring, and rendering it after its first
paragraph. Only a props type declared in the component's file is changed; otherwise the
change is described instead (and the send passes the prop by spread, so it type-checks).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePosixPath

from tree_sitter import Node

from personize_assistant.actions.wire.context import WireContext
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.source_typescript import parse_typescript
from personize_assistant.actions.wire.templated import TemplateChange, splice, template_rules
from personize_assistant.codegen.placement import import_aliases
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.scan.extract_common import descendants_of_type
from personize_assistant.scan.extract_common import text as _text

_SUFFIXES = (".tsx", ".ts", "/index.tsx", "/index.ts")
_FUNCTIONS = ("arrow_function", "function_expression", "function")


def resolve_module(ctx: WireContext, module: str) -> str | None:
    """The repo file an import specifier names (relative or a tsconfig `paths` alias)."""
    importer = PurePosixPath(ctx.source.path)
    bases: list[PurePosixPath] = []
    if module.startswith("."):
        bases.append(PurePosixPath(os.path.normpath(str(importer.parent / module))))
    else:
        bases += [target / module[len(prefix) :] for prefix, target in import_aliases(ctx.root, ctx.source.path)
                  if module.startswith(prefix)]
    for base in bases:
        stem = str(base)[: -len(".js")] if str(base).endswith(".js") else str(base)
        for suffix in _SUFFIXES:
            candidate = stem + suffix
            if not candidate.startswith("..") and (ctx.root / candidate).is_file():
                return candidate
    return None


@dataclass
class _Component:
    path: str
    text: str
    fn: Node
    root: Node


def component_change(
    ctx: WireContext, name: str, module: str | None, editors: dict[str, FileEditor], prop: str
) -> TemplateChange:
    """Edit the component `name` (imported from `module`, or declared in the wired file)
    so it takes and renders `prop`; `editors` holds one editor per file changed."""
    component = _find_component(ctx, name, module)
    if isinstance(component, str):
        return TemplateChange(path=None, described=component)
    editor = editors.setdefault(component.path, FileEditor(component.text))
    lines = component.text.splitlines()
    param = _first_param(component.fn)
    typed = _props_type_insertion(component, param, prop)
    if param is None or typed is None:
        return TemplateChange(
            path=None,
            described=f"the props type of {name} in {component.path} is not declared there: add `{prop}?: string` "
            f"to it and render {{{prop}}} after the opening paragraph",
        )
    reference, destructure = _prop_reference(component, param, prop)
    insertions = [typed, *([destructure] if destructure else [])]
    where = _render_insertion(ctx, component, lines, reference)
    insertions += [where[0]] if where else []
    splice(editor, lines, insertions)
    rendered = f"renders it {where[1]}" if where else f"render {{{reference}}} where the opening paragraph goes"
    return TemplateChange(path=component.path, editor=editor, described=f"{name} takes an optional `{prop}` and {rendered}")


def _find_component(ctx: WireContext, name: str, module: str | None) -> _Component | str:
    """The component's file and function, or why it was not found."""
    path = ctx.source.path if module is None else resolve_module(ctx, module)
    if path is None:
        return f"{name} is imported from {module}, which does not resolve to a file in the repository"
    text = ctx.source.text if path == ctx.source.path else read_repo_file(ctx.root, path, MAX_REPO_FILE_BYTES)
    if isinstance(text, Refusal):
        return text.reason
    root = parse_typescript(text, path)
    wanted = {name, _default_export(root)} if module is not None else {name}
    fn = next((f for n, f in _functions(root) if n in wanted), None)
    if fn is None:
        return f"no component function {name} found in {path}"
    return _Component(path=path, text=text, fn=fn, root=root)


def _default_export(root: Node) -> str:
    for statement in root.named_children:
        if statement.type == "export_statement" and any(c.type == "default" for c in statement.children):
            value = statement.child_by_field_name("value") or statement.child_by_field_name("declaration")
            if value is not None:
                named = value.child_by_field_name("name")
                return _text(named) if named is not None else _text(value)
    return ""


def _functions(root: Node) -> list[tuple[str, Node]]:
    found: list[tuple[str, Node]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type == "function_declaration":
            found.append((_text(node.child_by_field_name("name")), node))
        elif node.type == "variable_declarator":
            value = node.child_by_field_name("value")
            if value is not None and value.type in _FUNCTIONS:
                found.append((_text(node.child_by_field_name("name")), value))
    return found


def _first_param(fn: Node) -> Node | None:
    params = fn.child_by_field_name("parameters")
    named = [p for p in params.named_children if p.type != "comment"] if params is not None else []
    return named[0] if named else None


def _props_type_insertion(component: _Component, param: Node | None, prop: str) -> tuple[int, int, str] | None:
    """Where `prop?: string;` goes: the inline object type, or the interface/type alias of
    that name declared in the component's file."""
    annotation = param.child_by_field_name("type") if param is not None else None
    kind = annotation.named_children[0] if annotation is not None and annotation.named_children else None
    body: Node | None = kind if kind is not None and kind.type == "object_type" else None
    if kind is not None and kind.type == "type_identifier":
        body = _declared_type(component.root, _text(kind))
    if body is None:
        return None
    return _first_member(component.text, body, f"{prop}?: string;")


def _declared_type(root: Node, name: str) -> Node | None:
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type in ("interface_declaration", "type_alias_declaration") and _text(node.child_by_field_name("name")) == name:
            body = node.child_by_field_name("body") or node.child_by_field_name("value")
            return body if body is not None and body.type in ("object_type", "interface_body") else None
    return None


def _first_member(text: str, body: Node, member: str) -> tuple[int, int, str]:
    """Insert `member` first in a `{...}` (its own line when the braces span several)."""
    members = [c for c in body.named_children if c.type != "comment"]
    row = body.start_point[0]
    if members and members[0].start_point[0] > row:
        line = text.splitlines()[row].encode("utf-8")
        return row, len(line), "\n" + " " * members[0].start_point[1] + member
    return row, body.start_point[1] + 1, f" {member}" + ("" if members else " ")


def _prop_reference(component: _Component, param: Node, prop: str) -> tuple[str, tuple[int, int, str] | None]:
    """How the component's body names the prop, and the destructuring entry to add."""
    pattern = param.child_by_field_name("pattern")
    if pattern is not None and pattern.type == "object_pattern":
        return prop, _first_member(component.text, pattern, f"{prop},")
    return f"{_text(pattern) if pattern is not None else 'props'}.{prop}", None


def _render_insertion(
    ctx: WireContext, component: _Component, lines: list[str], reference: str
) -> tuple[tuple[int, int, str], str] | None:
    """After the first paragraph element, or first inside the outer container."""
    rules = template_rules().react
    names = {_text(n) for n in descendants_of_type(component.root, "identifier")}
    tag = rules.paragraph if rules.paragraph in names else rules.fallback_paragraph
    snippet = f"{{{reference} ? <{tag}>{{{reference}}}</{tag}> : null}}"
    elements = [e for e in descendants_of_type(component.fn, "jsx_element") if e.parent is not None and e.parent.type == "jsx_element"]
    for wanted, after in ((rules.after, True), (rules.inside, False)):
        for element in elements:
            opening = element.child_by_field_name("open_tag")
            name = _text(opening.child_by_field_name("name")) if opening is not None else ""
            if name not in wanted or opening is None:
                continue
            anchor = element if after else opening
            indent = _indent(lines[element.start_point[0]]) + ("" if after else ctx.style.indent_unit)
            row = anchor.end_point[0]
            where = f"after the first <{name}>" if after else f"first inside <{name}>"
            return (row, len(lines[row].encode("utf-8")), f"\n{indent}{snippet}"), where
    return None




def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]
