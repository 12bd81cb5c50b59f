"""Read TypeScript functions and file style with the scanner's tree-sitter grammars."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict
from tree_sitter import Node

from personize_assistant.actions.wire.parsed import parsed_once
from personize_assistant.actions.wire.source import (
    BodyShape,
    FileStyle,
    FunctionForm,
    FunctionInfo,
    LocalAssignment,
    Param,
    TypeMember,
)
from personize_assistant.scan.extract_common import (
    descendants_of_type,
    end_line_of,
    line_of,
    string_value,
)
from personize_assistant.scan.extract_common import text as _text
from personize_assistant.scan.js_nodes import FUNCTION_TYPES
from personize_assistant.scan.languages import EXTENSIONS, grammar

# A generator's wrapper would have to re-yield what it yields: not wired.
_FUNCTION_VALUES = tuple(sorted(FUNCTION_TYPES - {"generator_function"}))


@parsed_once("typescript")
def _parse(text: str, path: str) -> Node:
    """`.tsx` with the TSX grammar, every other TypeScript extension with the plain one."""
    name = "tsx" if EXTENSIONS.get(PurePosixPath(path).suffix) == "tsx" else "typescript"
    return grammar(name).parser.parse(text.encode("utf-8")).root_node


@parsed_once("typescript functions")
def typescript_functions(text: str, path: str) -> list[FunctionInfo]:
    root = _parse(text, path)
    types = _object_types(root)
    lines = text.splitlines()
    found: list[FunctionInfo] = []
    _collect(root, types, lines, found)
    return found


def _collect(root: Node, types: dict[str, list[TypeMember]], lines: list[str], out: list[FunctionInfo]) -> None:
    """Every function, in source order. An explicit stack, not recursion: a file nested
    20,000 levels deep (generated data, a hostile repo) must not hit Python's limit."""
    stack = [root]
    while stack:
        node = stack.pop()
        info = _function_at(node, types, lines)
        if info is not None:
            out.append(info)
        stack.extend(reversed(node.named_children))


def _function_at(node: Node, types: dict[str, list[TypeMember]], lines: list[str]) -> FunctionInfo | None:
    if node.type == "function_declaration":
        return _build(node, node, _text(node.child_by_field_name("name")), "function", types, lines)
    if node.type == "method_definition":
        return _build(node, node, _text(node.child_by_field_name("name")), "method", types, lines)
    if node.type == "variable_declarator":
        value = node.child_by_field_name("value")
        if value is not None and value.type in _FUNCTION_VALUES:
            outer = node.parent if node.parent is not None else node
            name = _text(node.child_by_field_name("name"))
            return _build(outer, value, name, "arrow", types, lines)
    if node.type in _FUNCTION_VALUES and node.parent is not None and node.parent.type == "arguments":
        return _build(node, node, "", "inline", types, lines)
    return None


def _build(
    outer: Node,
    fn: Node,
    name: str,
    form: FunctionForm,
    types: dict[str, list[TypeMember]],
    lines: list[str],
) -> FunctionInfo:
    export = outer.parent if outer.parent is not None and outer.parent.type == "export_statement" else None
    start = export if export is not None else outer
    decorators = _own_line_decorators(outer) if form == "method" else []
    body = fn.child_by_field_name("body")
    header_row = fn.start_point[0] if form != "method" else outer.start_point[0]
    name_col = _name_column(outer, fn, form)
    return FunctionInfo(
        name=name,
        form=form,
        start_line=line_of(decorators[0]) if decorators else line_of(start),
        header_line=(name_col[0] if name_col else header_row) + 1,
        end_line=end_line_of(start),
        is_async=any(c.type == "async" for c in fn.children),
        is_exported=export is not None,
        is_default_export=export is not None and any(c.type == "default" for c in export.children),
        class_name=_class_name(outer),
        params=_params(fn, types),
        return_type=_annotation(fn.child_by_field_name("return_type")),
        decorators=[_text(d) for d in decorators],
        indent=_indent(lines, start.start_point[0]),
        body_line=_body_line(body),
        body_indent=_body_indent(body, lines),
        name_col=name_col[1] if name_col else 0,
        start_col=start.start_point[1],
        end_col=start.end_point[1],
    )


def _own_line_decorators(method: Node) -> list[Node]:
    """The decorators right before a method (`@Cron(...)`), siblings in the class body;
    only when each starts its own line, so the wrapper can take them over line by line."""
    found: list[Node] = []
    sibling = method.prev_named_sibling
    while sibling is not None and sibling.type == "decorator":
        found.insert(0, sibling)
        sibling = sibling.prev_named_sibling
    nodes = [*found, method]
    return found if all(a.end_point[0] < b.start_point[0] for a, b in pairwise(nodes)) else []


def _name_column(outer: Node, fn: Node, form: str) -> tuple[int, int] | None:
    node = fn.child_by_field_name("name") if form == "function" else None
    if form == "method":
        node = outer.child_by_field_name("name")
    if form == "arrow":
        declarator = next((c for c in outer.named_children if c.type == "variable_declarator"), None)
        node = declarator.child_by_field_name("name") if declarator is not None else None
    return (node.start_point[0], node.start_point[1]) if node is not None else None


def _class_name(node: Node) -> str | None:
    parent = node.parent
    while parent is not None:
        if parent.type in ("class_declaration", "class", "abstract_class_declaration"):
            return _text(parent.child_by_field_name("name")) or None
        parent = parent.parent
    return None


def _indent(lines: list[str], row: int) -> str:
    line = lines[row] if row < len(lines) else ""
    return line[: len(line) - len(line.lstrip())]


def _body_line(body: Node | None) -> int:
    if body is None or body.type != "statement_block":
        return 0
    return line_of(body) + 1  # the line after the opening brace


def _body_indent(body: Node | None, lines: list[str]) -> str:
    if body is None or body.type != "statement_block":
        return "  "
    statements = body.named_children
    if statements:
        return _indent(lines, statements[0].start_point[0])
    return _indent(lines, body.start_point[0]) + "  "


def _annotation(node: Node | None) -> str | None:
    if node is None:
        return None
    text = _text(node).strip()
    return text[1:].strip() if text.startswith(":") else text


def _params(fn: Node, types: dict[str, list[TypeMember]]) -> list[Param]:
    params = fn.child_by_field_name("parameters")
    if params is None:
        single = fn.child_by_field_name("parameter")
        return [Param(name=_text(single), text=_text(single))] if single is not None else []
    return [_param(p, types) for p in params.named_children if p.type != "comment"]


def _param(node: Node, types: dict[str, list[TypeMember]]) -> Param:
    pattern = node.child_by_field_name("pattern")
    annotation = _annotation(node.child_by_field_name("type"))
    default = node.child_by_field_name("value")
    optional = node.type == "optional_parameter" or default is not None
    members = _members_for(annotation, types)
    if pattern is not None and pattern.type == "this":
        return Param(name="this", text=_text(node), annotation=annotation, kind="this")
    if pattern is not None and pattern.type == "object_pattern":
        return Param(
            name="",
            text=_text(node),
            annotation=annotation,
            optional=optional,
            default=_text(default) or None,
            kind="destructured",
            keys=_pattern_keys(pattern),
            members=members,
        )
    if pattern is not None and pattern.type == "rest_pattern":
        name = _text(pattern.named_children[0]) if pattern.named_children else "rest"
        return Param(name=name, text=_text(node), annotation=annotation, kind="rest")
    return Param(
        name=_text(pattern) if pattern is not None else _text(node),
        text=_text(node),
        annotation=annotation,
        optional=optional,
        default=_text(default) or None,
        members=members,
    )


def _pattern_keys(pattern: Node) -> list[str]:
    keys: list[str] = []
    for child in pattern.named_children:
        if child.type == "shorthand_property_identifier_pattern":
            keys.append(_text(child))
        elif child.type == "object_assignment_pattern":
            keys.append(_text(child.child_by_field_name("left")))
        elif child.type == "pair_pattern":
            keys.append(_text(child.child_by_field_name("key")))
    return keys


def _members_for(annotation: str | None, types: dict[str, list[TypeMember]]) -> list[TypeMember]:
    if annotation is None:
        return []
    bare = annotation.strip()
    if bare in types:
        return types[bare]
    if bare.startswith("{"):
        parsed = _object_types(_parse(f"type __X = {bare};", "inline.ts"))
        return parsed.get("__X", [])
    return []


def _object_types(root: Node) -> dict[str, list[TypeMember]]:
    """Object-shaped `type X = {...}` and `interface X {...}` declared in the file."""
    found: dict[str, list[TypeMember]] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        body: Node | None = None
        if node.type == "type_alias_declaration":
            body = node.child_by_field_name("value")
        elif node.type == "interface_declaration":
            body = node.child_by_field_name("body")
        if body is not None and body.type in ("object_type", "interface_body"):
            found[_text(node.child_by_field_name("name"))] = _type_members(body)
    return found


def _type_members(body: Node) -> list[TypeMember]:
    members: list[TypeMember] = []
    for sig in body.named_children:
        if sig.type != "property_signature":
            continue
        members.append(
            TypeMember(
                name=_text(sig.child_by_field_name("name")),
                type=_annotation(sig.child_by_field_name("type")),
                optional=any(c.type == "?" for c in sig.children),
            )
        )
    return members


# --------------------------------------------------------------------------- imports


class TsImport(BaseModel):
    """One top-level `import ... from 'module'` statement."""

    model_config = ConfigDict(extra="forbid")

    line: int
    end_line: int
    module: str
    names: list[str] | None = None
    """`a`, `b as c` when it imports only `{ ... }` values (no default, no `import type`)."""


def typescript_imports(text: str, path: str) -> list[TsImport]:
    found = []
    for node in _parse(text, path).named_children:
        module = string_value(node.child_by_field_name("source")) if node.type == "import_statement" else None
        if module is not None:
            found.append(TsImport(line=line_of(node), end_line=end_line_of(node), module=module, names=_named_only(node)))
    return found


def _named_only(statement: Node) -> list[str] | None:
    clause = next((c for c in statement.children if c.type == "import_clause"), None)
    parts = clause.named_children if clause is not None else []
    if any(c.type == "type" for c in statement.children) or len(parts) != 1 or parts[0].type != "named_imports":
        return None
    return [_text(s) for s in parts[0].named_children if s.type == "import_specifier"]


# --------------------------------------------------------------------------- style

# `log` is too often a plain function in TS code; only a `logger` object is trusted.
_LOGGER_NAMES = ("logger",)


def typescript_style(text: str, path: str) -> FileStyle:
    root = _parse(text, path)
    imports = [c for c in root.named_children if c.type == "import_statement"]
    import_text = "\n".join(_text(i) for i in imports)
    return FileStyle(
        quote='"' if import_text.count('"') > import_text.count("'") else "'",
        semicolons=not imports or _text(imports[0]).rstrip().endswith(";"),
        indent_unit=_indent_unit(text),
        logger=_logger_in_scope(root),
        import_extension=".js" if re.search(r"from\s+['\"]\.{1,2}/[^'\"]+\.js['\"]", import_text) else "",
        last_import_line=end_line_of(imports[-1]) if imports else 0,
    )


def _indent_unit(text: str) -> str:
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if line.startswith("\t"):
            return "\t"
        if stripped and len(line) != len(stripped) and not stripped.startswith("*"):
            return " " * min(len(line) - len(stripped), 4)
    return "  "


def _logger_in_scope(root: Node) -> str | None:
    names: set[str] = set()
    for node in root.named_children:
        if node.type == "import_statement":
            names.update(_text(n) for n in descendants_of_type(node, "identifier"))
        declaration = node.child_by_field_name("declaration") if node.type == "export_statement" else node
        if declaration is not None and declaration.type == "lexical_declaration":
            for declarator in declaration.named_children:
                names.add(_text(declarator.child_by_field_name("name")))
    return next((n for n in _LOGGER_NAMES if n in names), None)




def typescript_body(text: str, path: str, fn: FunctionInfo) -> BodyShape:
    """Top-level assignments and the final return of the function declared at `fn`."""
    root = _parse(text, path)
    node = _function_node(root, fn)
    body = node.child_by_field_name("body") if node is not None else None
    if node is None or body is None or body.type != "statement_block":
        return BodyShape()
    shape = BodyShape(
        closing_line=end_line_of(body),
        identifiers={_text(n) for n in descendants_of_type(node, "identifier")},
    )
    statements = [s for s in body.named_children if s.type != "comment"]
    for statement in statements:
        if statement.type in ("lexical_declaration", "variable_declaration"):
            shape.assignments.append(_assignment(statement))
    last = statements[-1] if statements else None
    if last is not None and last.type == "return_statement" and last.named_children:
        shape.return_line = line_of(last)
        shape.return_end_line = end_line_of(last)
        shape.return_expression = _text(last.named_children[0])
    return shape


_STRING_VALUES = ("string", "template_string", "binary_expression")


def _assignment(statement: Node) -> LocalAssignment:
    keyword = statement.children[0]
    names: list[str] = []
    value: Literal["destructure", "string", "other"] = "other"
    for declarator in statement.named_children:
        target = declarator.child_by_field_name("name")
        initial = declarator.child_by_field_name("value")
        if target is None:
            continue
        if target.type == "identifier":
            names.append(_text(target))
            if initial is not None and initial.type in _STRING_VALUES:
                value = "string"
        elif target.type == "object_pattern":
            names.extend(_pattern_keys(target))
            value = "destructure"
    return LocalAssignment(
        value=value,
        names=names,
        line=line_of(statement),
        end_line=end_line_of(statement),
        keyword=_text(keyword),
        keyword_col=keyword.start_point[1],
    )


def _function_node(root: Node, fn: FunctionInfo) -> Node | None:
    for node in descendants_of_type(root, "function_declaration") + descendants_of_type(root, "method_definition") + [
        d.child_by_field_name("value") for d in descendants_of_type(root, "variable_declarator")
    ]:
        if node is None or node.type not in ("function_declaration", "method_definition", *_FUNCTION_VALUES):
            continue
        name_node = node.child_by_field_name("name")
        if node.type in _FUNCTION_VALUES and node.parent is not None:
            name_node = node.parent.child_by_field_name("name")
        if name_node is not None and line_of(name_node) == fn.header_line and _text(name_node) == fn.name:
            return node
    return None


def parse_typescript(text: str, path: str) -> Node:
    """The file's syntax tree (parsed once per content)."""
    return _parse(text, path)


def function_node(text: str, path: str, fn: FunctionInfo) -> Node | None:
    """The syntax node of the function declared at `fn`."""
    return _function_node(_parse(text, path), fn)
