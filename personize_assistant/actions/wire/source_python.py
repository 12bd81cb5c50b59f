"""Read Python functions and file style with `ast`."""

from __future__ import annotations

import ast
from typing import Literal

from personize_assistant.actions.wire.parsed import (
    parsed_once,
    python_function_nodes,
    source_segment,
    split_lines,
)
from personize_assistant.actions.wire.source import (
    BodyShape,
    FileStyle,
    FunctionInfo,
    LocalAssignment,
    Param,
    ParamKind,
)
from personize_assistant.errors import UsageError


@parsed_once("python")
def _parse(text: str) -> ast.Module:
    try:
        return ast.parse(text)
    except SyntaxError as exc:
        raise UsageError(f"cannot parse the Python file: {exc.msg} (line {exc.lineno})") from exc


@parsed_once("python functions")
def python_functions(text: str) -> list[FunctionInfo]:
    tree = _parse(text)
    found: list[FunctionInfo] = []
    _walk(tree, None, text, found)
    return found


def _walk(node: ast.AST, class_name: str | None, text: str, out: list[FunctionInfo]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            out.append(_function(child, class_name, text))
            _walk(child, None, text, out)
        elif isinstance(child, ast.ClassDef):
            _walk(child, child.name, text, out)
        else:
            _walk(child, class_name, text, out)


def _segment(text: str, node: ast.AST) -> str:
    """The node's source exactly as written (quotes and spacing kept)."""
    return source_segment(text, node) or ast.unparse(node)


def _function(
    node: ast.FunctionDef | ast.AsyncFunctionDef, class_name: str | None, text: str
) -> FunctionInfo:
    lines = split_lines(text)
    start = min([d.lineno for d in node.decorator_list] + [node.lineno])
    header = lines[node.lineno - 1]
    first_statement = _first_real_statement(node)
    return FunctionInfo(
        name=node.name,
        form="method" if class_name else "def",
        start_line=start,
        header_line=node.lineno,
        end_line=node.end_lineno or node.lineno,
        is_async=isinstance(node, ast.AsyncFunctionDef),
        is_exported=not node.name.startswith("_"),
        class_name=class_name,
        params=_params(node.args, text),
        return_type=_segment(text, node.returns) if node.returns is not None else None,
        decorators=["@" + _segment(text, d) for d in node.decorator_list],
        indent=header[: len(header) - len(header.lstrip())],
        body_line=first_statement.lineno,
        body_indent=" " * first_statement.col_offset,
        name_col=header.index(node.name, header.index("def")),
    )


def _first_real_statement(node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.stmt:
    """The first statement after the docstring (where an inserted statement belongs)."""
    body = node.body
    has_docstring = (
        isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    )
    return body[1] if has_docstring and len(body) > 1 else body[0]


def _params(args: ast.arguments, source: str) -> list[Param]:
    positional = args.posonlyargs + args.args
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults += list(args.defaults)
    params = [
        _param(a, d, "posonly" if i < len(args.posonlyargs) else "plain", source)
        for i, (a, d) in enumerate(zip(positional, defaults, strict=True))
    ]
    if args.vararg is not None:
        params.append(_param(args.vararg, None, "rest", source))
    params.extend(
        _param(a, d, "kwonly", source)
        for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
    )
    if args.kwarg is not None:
        params.append(_param(args.kwarg, None, "varkw", source))
    return params


def _param(arg: ast.arg, default: ast.expr | None, kind: ParamKind, source: str) -> Param:
    annotation = _segment(source, arg.annotation) if arg.annotation is not None else None
    default_text = _segment(source, default) if default is not None else None
    text = arg.arg + (f": {annotation}" if annotation else "")
    if default_text is not None:
        text += (" = " if annotation else "=") + default_text
    prefix = {"rest": "*", "varkw": "**"}.get(kind, "")
    return Param(
        name=arg.arg,
        text=prefix + text,
        annotation=annotation,
        optional=default is not None,
        default=default_text,
        kind=kind,
    )


_LOGGER_NAMES = ("logger", "log", "LOGGER")


def python_style(text: str, is_package: bool) -> FileStyle:
    tree = _parse(text)
    assigned = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    return FileStyle(
        quote='"',
        semicolons=False,
        indent_unit="    ",
        logger=next((n for n in _LOGGER_NAMES if n in assigned), None),
        is_package=is_package,
        last_import_line=max((n.end_lineno or n.lineno) for n in imports) if imports else 0,
    )


def python_body(text: str, fn: FunctionInfo) -> BodyShape:
    """Top-level assignments and the final return of the function declared at `fn`."""
    node = python_function_nodes(text).get(fn.header_line)
    node = node if node is not None and node.name == fn.name else None
    if node is None:
        return BodyShape()
    shape = BodyShape(
        closing_line=node.end_lineno or node.lineno,
        identifiers={n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        | {a.arg for a in ast.walk(node) if isinstance(a, ast.arg)},
    )
    for statement in node.body:
        names = _assigned_names(statement)
        if names:
            shape.assignments.append(
                LocalAssignment(
                    names=names,
                    line=statement.lineno,
                    end_line=statement.end_lineno or statement.lineno,
                    value=_value_kind(statement),
                )
            )
    last = node.body[-1]
    if isinstance(last, ast.Return) and last.value is not None:
        shape.return_line = last.lineno
        shape.return_end_line = last.end_lineno
        shape.return_expression = ast.get_source_segment(text, last.value)
    return shape


def _value_kind(statement: ast.stmt) -> Literal["destructure", "string", "other"]:
    targets = statement.targets if isinstance(statement, ast.Assign) else []
    if any(isinstance(t, ast.Tuple) for t in targets):
        return "destructure"
    value = statement.value if isinstance(statement, ast.Assign | ast.AnnAssign) else None
    if isinstance(value, ast.JoinedStr | ast.BinOp) or (
        isinstance(value, ast.Constant) and isinstance(value.value, str)
    ):
        return "string"
    if isinstance(value, ast.Call) and _renders(value):
        return "string"
    annotation = statement.annotation if isinstance(statement, ast.AnnAssign) else None
    return "string" if isinstance(annotation, ast.Name) and annotation.id == "str" else "other"


_RENDERERS = frozenset({"render", "render_to_string", "render_template", "format"})


def _renders(call: ast.Call) -> bool:
    """A template render (`render_to_string(...)`, `tpl.render(ctx).strip()`): text content."""
    names = {n.attr for n in ast.walk(call) if isinstance(n, ast.Attribute)}
    names |= {n.id for n in ast.walk(call.func) if isinstance(n, ast.Name)}
    return not names.isdisjoint(_RENDERERS)


def _assigned_names(statement: ast.stmt) -> list[str]:
    targets: list[ast.expr] = []
    if isinstance(statement, ast.Assign):
        targets = list(statement.targets)
    elif isinstance(statement, ast.AnnAssign):
        targets = [statement.target]
    names: list[str] = []
    for target in targets:
        elements = target.elts if isinstance(target, ast.Tuple) else [target]
        names.extend(e.id for e in elements if isinstance(e, ast.Name))
    return names
