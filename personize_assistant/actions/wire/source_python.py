"""Read Python functions, imports and file style with the scanner's tree-sitter grammar.

Not the running interpreter's `ast`: a file written for a newer Python (PEP 695 generics,
`type X = ...`) must still be read, and tree-sitter also reads a file it cannot fully parse.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from tree_sitter import Node

from personize_assistant.actions.wire.parsed import parsed_once
from personize_assistant.actions.wire.source import (
    BodyShape,
    FileStyle,
    FunctionInfo,
    LocalAssignment,
    Param,
    ParamKind,
)
from personize_assistant.scan.extract_common import end_line_of, line_of, preorder, text
from personize_assistant.scan.languages import grammar

StatementKind = Literal["import", "def", "class", "docstring", "other"]


class PyImport(BaseModel):
    """One top-level `import ...` / `from ... import ...` statement."""

    model_config = ConfigDict(extra="forbid")

    line: int
    end_line: int
    is_from: bool
    module: str | None = None
    """`from` imports: the module without its leading dots; `import a.b`: `a.b`."""
    level: int = 0
    """Leading dots of a relative `from` import."""
    names: list[tuple[str, str | None]] = Field(default_factory=list)
    """(name, alias) for each imported name."""


class PyStatement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: StatementKind
    line: int
    end_line: int
    imported: PyImport | None = None


class ModuleShape(BaseModel):
    """The top level of a module: its statements in order, and the imports among them."""

    model_config = ConfigDict(extra="forbid")

    statements: list[PyStatement] = Field(default_factory=list)

    @property
    def imports(self) -> list[PyImport]:
        return [s.imported for s in self.statements if s.imported is not None]

    @property
    def docstring_end(self) -> int:
        """Last line of the module docstring, 0 without one."""
        first = self.statements[0] if self.statements else None
        return first.end_line if first is not None and first.kind == "docstring" else 0


@parsed_once("python")
def _parse(source: str) -> Node:
    return grammar("python").parser.parse(source.encode("utf-8")).root_node


def _statements(block: Node | None) -> list[Node]:
    """Statements of a module or block; comments are not statements."""
    return [c for c in block.named_children if c.type != "comment"] if block is not None else []


def _definition(node: Node) -> Node:
    """The function/class a `decorated_definition` wraps (or the node itself)."""
    inner = node.child_by_field_name("definition") if node.type == "decorated_definition" else None
    return inner if inner is not None else node


# --------------------------------------------------------------------------- functions


@parsed_once("python functions")
def python_functions(source: str) -> list[FunctionInfo]:
    found: list[FunctionInfo] = []
    _walk(_parse(source), None, source.splitlines(), found)
    return found


def _walk(node: Node, class_name: str | None, lines: list[str], out: list[FunctionInfo]) -> None:
    for child in node.named_children:
        if child.type == "function_definition":
            out.append(_function(child, class_name, lines))
            _walk(child, None, lines, out)
        elif child.type == "class_definition":
            _walk(child, text(child.child_by_field_name("name")), lines, out)
        else:
            _walk(child, class_name, lines, out)


def _function(node: Node, class_name: str | None, lines: list[str]) -> FunctionInfo:
    name = text(node.child_by_field_name("name"))
    decorated = node.parent if node.parent is not None and node.parent.type == "decorated_definition" else None
    header = lines[node.start_point[0]]
    first_statement = _first_real_statement(node)
    type_params = node.child_by_field_name("type_parameters")
    return FunctionInfo(
        name=name,
        form="method" if class_name else "def",
        start_line=line_of(decorated if decorated is not None else node),
        header_line=line_of(node),
        end_line=_end_line(node),
        is_async=any(c.type == "async" for c in node.children),
        is_exported=not name.startswith("_"),
        class_name=class_name,
        params=_params(node.child_by_field_name("parameters")),
        return_type=text(node.child_by_field_name("return_type")) or None,
        decorators=_decorators(decorated),
        indent=header[: len(header) - len(header.lstrip())],
        body_line=line_of(first_statement) if first_statement is not None else line_of(node),
        body_indent=" " * (first_statement.start_point[1] if first_statement is not None else 0),
        name_col=header.index(name, header.index("def")),
        type_params=text(type_params),
    )


def _end_line(node: Node) -> int:
    """Last line of the function's last statement (a trailing comment is not the function's)."""
    statements = _statements(node.child_by_field_name("body"))
    return end_line_of(statements[-1]) if statements else end_line_of(node)


def _decorators(decorated: Node | None) -> list[str]:
    if decorated is None:
        return []
    found = [c for c in decorated.named_children if c.type == "decorator"]
    return ["@" + text(d.named_children[0]) for d in found if d.named_children]


def _is_docstring(statement: Node) -> bool:
    inner = statement.named_children
    return (
        statement.type == "expression_statement"
        and len(inner) == 1
        and _is_text(inner[0])
        and "f" not in _prefix(inner[0])
    )


def _prefix(string: Node) -> str:
    """`rb`, `f`, `u`...: the letters before a string literal's quote, lowercased."""
    written = text(string, 8)
    return written[: len(written) - len(written.lstrip("rRbBuUfF"))].lower()


def _is_text(node: Node) -> bool:
    """A str literal (f-strings included), not bytes: what `ast` calls a str constant."""
    if node.type == "concatenated_string":
        return all(_is_text(part) for part in node.named_children if part.type != "comment")
    return node.type == "string" and "b" not in _prefix(node)


def _first_real_statement(node: Node) -> Node | None:
    """The first statement after the docstring (where an inserted statement belongs)."""
    body = _statements(node.child_by_field_name("body"))
    if not body:
        return None
    return body[1] if _is_docstring(body[0]) and len(body) > 1 else body[0]


def _params(parameters: Node | None) -> list[Param]:
    params: list[Param] = []
    keyword_only = False
    for node in parameters.named_children if parameters is not None else []:
        if node.type == "positional_separator":
            params = [p.model_copy(update={"kind": "posonly"}) for p in params]
        elif node.type == "keyword_separator":
            keyword_only = True
        elif node.type != "comment":
            param = _param(node, "kwonly" if keyword_only else "plain")
            keyword_only = keyword_only or param.kind == "rest"
            params.append(param)
    return params


def _param(node: Node, kind: ParamKind) -> Param:
    """`x`, `x: int`, `x=1`, `x: int = 1`, `*args: str`, `**kw`: name, annotation, default."""
    annotation = text(node.child_by_field_name("type")) or None
    default = text(node.child_by_field_name("value")) or None
    target = node.child_by_field_name("name") or next(iter(node.named_children), node)
    if node.type in ("list_splat_pattern", "dictionary_splat_pattern"):
        target = node
    if target.type == "list_splat_pattern":
        kind = "rest"
    elif target.type == "dictionary_splat_pattern":
        kind = "varkw"
    name = text(target.named_children[0] if kind in ("rest", "varkw") and target.named_children else target)
    written = name + (f": {annotation}" if annotation else "")
    if default is not None:
        written += (" = " if annotation else "=") + default
    prefix = {"rest": "*", "varkw": "**"}.get(kind, "")
    return Param(
        name=name,
        text=prefix + written,
        annotation=annotation,
        optional=default is not None,
        default=default,
        kind=kind,
    )


# --------------------------------------------------------------------------- module shape


@parsed_once("python module")
def python_module(source: str) -> ModuleShape:
    shape = ModuleShape()
    for statement in _statements(_parse(source)):
        kind = _statement_kind(statement)
        shape.statements.append(
            PyStatement(
                kind=kind,
                line=line_of(statement),
                end_line=end_line_of(statement),
                imported=_import(statement) if kind == "import" else None,
            )
        )
    return shape


def _statement_kind(statement: Node) -> StatementKind:
    if statement.type in ("import_statement", "import_from_statement", "future_import_statement"):
        return "import"
    definition = _definition(statement)
    if definition.type == "function_definition":
        return "def"
    if definition.type == "class_definition":
        return "class"
    return "docstring" if _is_docstring(statement) else "other"


def _dotted(node: Node | None) -> str:
    return "".join(text(node).split())


def _import(statement: Node) -> PyImport:
    names = [_imported_name(n) for n in statement.children_by_field_name("name")]
    if any(c.type == "wildcard_import" for c in statement.named_children):
        names.append(("*", None))
    common = {"line": line_of(statement), "end_line": end_line_of(statement), "names": names}
    if statement.type == "import_statement":
        return PyImport(is_from=False, module=names[0][0] if names else None, **common)
    if statement.type == "future_import_statement":
        return PyImport(is_from=True, module="__future__", **common)
    module = statement.child_by_field_name("module_name")
    if module is not None and module.type == "relative_import":
        prefix = next((c for c in module.named_children if c.type == "import_prefix"), None)
        dotted = next((c for c in module.named_children if c.type == "dotted_name"), None)
        return PyImport(is_from=True, module=_dotted(dotted) or None, level=len(text(prefix).strip()), **common)
    return PyImport(is_from=True, module=_dotted(module) or None, **common)


def _imported_name(node: Node) -> tuple[str, str | None]:
    if node.type == "aliased_import":
        return _dotted(node.child_by_field_name("name")), text(node.child_by_field_name("alias")) or None
    return _dotted(node), None


# --------------------------------------------------------------------------- style


_LOGGER_NAMES = ("logger", "log", "LOGGER")


def python_style(source: str, is_package: bool) -> FileStyle:
    root = _parse(source)
    assigned = {
        text(target)
        for statement in _statements(root)
        for assignment in _plain_assignments(statement)
        for target in [assignment.child_by_field_name("left")]
        if target is not None and target.type == "identifier"
    }
    imports = python_module(source).imports
    return FileStyle(
        quote='"',
        semicolons=False,
        indent_unit="    ",
        logger=next((n for n in _LOGGER_NAMES if n in assigned), None),
        is_package=is_package,
        last_import_line=max(i.end_line for i in imports) if imports else 0,
    )


def _plain_assignments(statement: Node) -> Iterator[Node]:
    """`a = b = value` binds `a` and `b`; an annotated assignment is not a plain one."""
    inner = statement.named_children[0] if statement.type == "expression_statement" and statement.named_children else None
    while inner is not None and inner.type == "assignment" and inner.child_by_field_name("type") is None:
        yield inner
        inner = inner.child_by_field_name("right")


# --------------------------------------------------------------------------- body


def _function_node(source: str, fn: FunctionInfo) -> Node | None:
    return _function_index(source).get((fn.name, fn.header_line))


@parsed_once("python function index")
def _function_index(source: str) -> dict[tuple[str, int], Node]:
    """Every function definition by (name, line), built once per file: `wire --list` looks
    one up per touchpoint, and a file may hold a thousand."""
    index: dict[tuple[str, int], Node] = {}
    for n in preorder(_parse(source)):
        if n.type == "function_definition":
            index.setdefault((text(n.child_by_field_name("name")), line_of(n)), n)
    return index




def python_body(source: str, fn: FunctionInfo) -> BodyShape:
    """Top-level assignments and the final return of the function declared at `fn`."""
    node = _function_node(source, fn)
    if node is None:
        return BodyShape()
    shape = BodyShape(
        closing_line=_end_line(node),
        identifiers={text(n) for n in preorder(node) if n.type == "identifier"},
    )
    statements = _statements(node.child_by_field_name("body"))
    for statement in statements:
        names, value = _assigned(statement)
        if names:
            shape.assignments.append(
                LocalAssignment(names=names, line=line_of(statement), end_line=end_line_of(statement), value=value)
            )
    last = statements[-1] if statements else None
    if last is not None and last.type == "return_statement" and last.named_children:
        shape.return_line = line_of(last)
        shape.return_end_line = end_line_of(last)
        shape.return_expression = text(_unparenthesized(last.named_children[0]))
    return shape


def returns_below(source: str, fn: FunctionInfo, line: int) -> bool:
    """A `return` anywhere in `fn` below `line` (nested in try/if/with included)."""
    node = _function_node(source, fn)
    return node is not None and any(n.type == "return_statement" and line_of(n) > line for n in preorder(node))


Value = Literal["destructure", "string", "other"]


def _assigned(statement: Node) -> tuple[list[str], Value]:
    """Names a statement binds (`a = ...`, `a, b = ...`, `a: str = ...`) and how."""
    inner = statement.named_children[0] if statement.type == "expression_statement" and statement.named_children else None
    if inner is None or inner.type != "assignment":
        return [], "other"
    annotation = inner.child_by_field_name("type")
    targets = [inner.child_by_field_name("left")] if annotation is not None else [a.child_by_field_name("left") for a in _plain_assignments(statement)]
    names: list[str] = []
    for target in targets:
        elements = target.named_children if target is not None and target.type in _TUPLES else [target]
        names.extend(text(e) for e in elements if e is not None and e.type == "identifier")
    if annotation is None and any(t is not None and t.type in _TUPLES for t in targets):
        return names, "destructure"
    value = _last_value(inner)
    return names, _value_kind(value, annotation)


_TUPLES = ("pattern_list", "tuple_pattern")


def _last_value(assignment: Node) -> Node | None:
    value = assignment.child_by_field_name("right")
    while value is not None and value.type == "assignment":
        value = value.child_by_field_name("right")
    return value


def _unparenthesized(node: Node) -> Node:
    """`(a + b)` -> `a + b`: the expression itself, as `ast` gives it (a tuple keeps its parentheses)."""
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


def _value_kind(value: Node | None, annotation: Node | None) -> Value:
    value = _unparenthesized(value) if value is not None else None
    if value is not None and value.type == "binary_operator":
        return "string"
    if value is not None and _is_text(value):
        return "string"
    if value is not None and value.type == "call" and _renders(value):
        return "string"
    return "string" if annotation is not None and text(annotation) == "str" else "other"


_RENDERERS = frozenset({"render", "render_to_string", "render_template", "format"})


def _renders(call: Node) -> bool:
    """A template render (`render_to_string(...)`, `tpl.render(ctx).strip()`): text content."""
    names = {text(n.child_by_field_name("attribute")) for n in preorder(call) if n.type == "attribute"}
    callee = call.child_by_field_name("function")
    names |= {text(n) for n in preorder(callee) if n.type == "identifier" and _is_name(n)} if callee else set()
    return not names.isdisjoint(_RENDERERS)


def _is_name(identifier: Node) -> bool:
    """An identifier that is a variable (not `x.attr`'s attr nor a keyword argument's name)."""
    parent = identifier.parent
    if parent is None:
        return True
    if parent.type == "attribute":
        return parent.child_by_field_name("attribute") != identifier
    if parent.type == "keyword_argument":
        return parent.child_by_field_name("name") != identifier
    return True


def function_node(source: str, fn: FunctionInfo) -> Node | None:
    """The syntax node of the function declared at `fn`."""
    return _function_node(source, fn)
