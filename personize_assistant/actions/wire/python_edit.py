"""Python edits of the user's module: imports where isort puts them, the renamed original,
the wrapper's header and the calls that forward its arguments (black/ruff formatted)."""

from __future__ import annotations

import sys

from personize_assistant.actions.wire.context import (
    WireContext,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.parsed import split_lines
from personize_assistant.actions.wire.source import FunctionInfo
from personize_assistant.actions.wire.source_python import ModuleShape, PyImport, python_module
from personize_assistant.codegen.render import indent_block, wrap_comments
from personize_assistant.codegen.render import render as render_template

_STRUCTURAL = ("@staticmethod", "@classmethod")


def render_code(template: str, indent: str, **values: object) -> str:
    return wrap_comments(indent_block(render_template(template, **values), indent))


def add_import(ctx: WireContext, editor: FileEditor, names: list[str]) -> None:
    """`from .personize_wiring import ...`, placed where isort would put it."""
    module = ctx.helper_module
    shape = python_module(ctx.source.text)
    imports = shape.imports
    existing = _existing_import(imports, module)
    if existing is not None:
        # Wiring a second function in the same file: extend the import, never repeat it.
        merged = sorted({*names, *(name for name, _ in existing.names)})
        editor.replace_range(existing.line, existing.end_line, _from_import(module, merged))
        return
    statement = f"from {module} import {', '.join(sorted(set(names)))}"
    if not imports:
        after = shape.docstring_end
        following = next((n for n in shape.statements if n.line > after), None)
        # isort: two blank lines between imports and a top-level def/class.
        gap = "\n\n" if following is not None and following.kind in ("def", "class") else "\n"
        editor.insert_after(after, statement + gap)
        return
    relative = [n for n in imports if n.is_from and n.level > 0]
    if "." in module.lstrip(".") and not module.startswith("."):
        _insert_first_party(ctx, editor, imports, relative, statement)
        return
    if module.startswith(".") and relative:
        editor.insert_after(_relative_slot(relative, module), statement)
        return
    last = max(n.end_line for n in imports)
    editor.insert_after(last, "\n" + statement)


def _insert_first_party(
    ctx: WireContext,
    editor: FileEditor,
    imports: list[PyImport],
    relative: list[PyImport],
    statement: str,
) -> None:
    """`from billing.personize_wiring import ...` goes in the first-party block, sorted,
    above the file's relative imports (where isort/ruff put a sibling app's import)."""
    module = ctx.helper_module
    siblings = _sibling_packages(ctx, module.split(".")[0])
    first_party = [
        n for n in imports if n.is_from and n.level == 0 and (n.module or "").split(".")[0] in siblings
    ]
    following = next((n for n in first_party if (n.module or "") > module), None)
    if following is not None:
        editor.insert_after(following.line - 1, statement)
    elif first_party:
        editor.insert_after(max(n.end_line for n in first_party), statement)
    elif relative:
        editor.insert_after(relative[0].line - 1, statement + "\n")
    else:
        editor.insert_after(max(n.end_line for n in imports), "\n" + statement)


def _sibling_packages(ctx: WireContext, helper_package: str) -> set[str]:
    """Top-level packages next to the one holding the helpers (the project's first party)."""
    for parent in (ctx.root / ctx.source.path).parents:
        if (parent / helper_package / "personize_wiring.py").is_file():
            return {p.name for p in parent.iterdir() if (p / "__init__.py").is_file()}
        if parent == ctx.root:
            break
    return {helper_package}


def _from_import(module: str, names: list[str]) -> str:
    """One line when it fits in 100 columns, else the parenthesized form ruff/black write."""
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= 100:
        return line
    return f"from {module} import (\n" + "".join(f"    {name},\n" for name in names) + ")"


def _existing_import(imports: list[PyImport], module: str) -> PyImport | None:
    level, name = len(module) - len(module.lstrip(".")), module.lstrip(".")
    return next(
        (
            node
            for node in imports
            if node.is_from
            and node.level == level
            and node.module == name
            and all(alias is None for _, alias in node.names)
        ),
        None,
    )


def _relative_slot(relative: list[PyImport], module: str) -> int:
    """Line after which `from <dots>module import` sorts (isort: furthest dots first)."""
    level, name = len(module) - len(module.lstrip(".")), module.lstrip(".")
    for node in relative:
        if node.level < level or (node.level == level and (node.module or "") > name):
            return node.line - 1
    return max(n.end_line for n in relative)


def original_name(ctx: WireContext) -> str:
    return ctx.fresh(f"_{ctx.fn.name.lstrip('_')}_original")


def receiver_of(fn: FunctionInfo) -> str | None:
    """`self`/`cls` for methods (first parameter), None for functions and static methods."""
    if fn.class_name is None or "@staticmethod" in fn.decorators or not fn.params:
        return None
    return fn.params[0].name


def _signature(fn: FunctionInfo) -> str:
    """The parameter list as written, with the `/` and `*` markers ast drops."""
    parts: list[str] = []
    kinds = [p.kind for p in fn.params]
    for index, param in enumerate(fn.params):
        if param.kind == "kwonly" and "rest" not in kinds[:index] and (index == 0 or kinds[index - 1] != "kwonly"):
            parts.append("*")
        parts.append(param.text)
        if param.kind == "posonly" and (index + 1 == len(fn.params) or kinds[index + 1] != "posonly"):
            parts.append("/")
    return ", ".join(parts)


def forward(fn: FunctionInfo, replace: dict[int, str] | None = None) -> list[str]:
    """Argument expressions that pass the wrapper's parameters on unchanged (or replaced)."""
    replace = replace or {}
    skip = 1 if receiver_of(fn) else 0
    args = []
    for index, param in enumerate(fn.params[skip:], start=skip):
        value = replace.get(index, param.name)
        if param.kind == "rest":
            args.append(f"*{param.name}")
        elif param.kind == "varkw":
            args.append(f"**{param.name}")
        elif param.kind == "kwonly":
            args.append(f"{param.name}={value}")
        else:
            args.append(value)
    return args


def call_expr(ctx: WireContext, original: str, args: list[str], lead: str = "    return ") -> str:
    fn = ctx.fn
    owner = ""
    if fn.class_name is not None:
        receiver = receiver_of(fn)
        owner = f"{receiver}." if receiver else f"{fn.class_name}."
    return _fmt_call(f"{owner}{original}", args, lead, fn.indent)


WIDTH = 88


def _fmt_call(call: str, args: list[str], lead: str, margin: str) -> str:
    """`call_expr(args)` on one line when `margin + lead + call_expr(...)` fits, else one arg a line.

    `lead` is what precedes the call on its line in the template (indent included),
    `margin` the indentation the whole block gets afterwards."""
    one_line = f"{call}({', '.join(args)})"
    if len(margin) + len(lead) + len(one_line) <= WIDTH:
        return one_line
    indent = lead[: len(lead) - len(lead.lstrip())]
    inner = indent + "    "
    joined = ", ".join(args)
    if len(margin) + len(inner) + len(joined) <= WIDTH:
        return f"{call}(\n{inner}{joined}\n{indent})"
    body = "".join(f"{inner}{arg},\n" for arg in args)
    return f"{call}(\n{body}{indent})"


def wrapper_header(ctx: WireContext, asynchronous: bool | None = None) -> str:
    fn = ctx.fn
    is_async = fn.is_async if asynchronous is None else asynchronous
    returns = f" -> {fn.return_type}" if fn.return_type else ""
    return f"{'async ' if is_async else ''}def {fn.name}{fn.type_params}({_signature(fn)}){returns}:"


def rename_original(ctx: WireContext, editor: FileEditor, original: str) -> None:
    """Rename the original and move its (non-structural) decorators to the wrapper."""
    fn = ctx.fn
    lines = split_lines(ctx.source.text)
    header = lines[fn.header_line - 1]
    renamed = header[: fn.name_col] + original + header[fn.name_col + len(fn.name) :]
    if len(renamed) > _LINE_LENGTH >= len(header):
        renamed = _split_header(renamed, fn) or renamed
    kept = [f"{fn.indent}{d}" for d in fn.decorators if d in _STRUCTURAL]
    editor.replace_range(fn.start_line, fn.header_line, "\n".join([*kept, renamed]))


_LINE_LENGTH = 100


def _split_header(header: str, fn: FunctionInfo) -> str | None:
    """A one-line `def` the rename pushed past the line length, one parameter a line (as
    black and ruff format write it); None when the header is not a plain one-liner."""
    opening, closing = header.find("("), header.rfind(")")
    if opening < 0 or closing < opening or not header.rstrip().endswith(":") or not fn.params:
        return None
    inner = fn.indent + "    "
    params = "".join(f"{inner}{p.text},\n" for p in fn.params)
    return f"{header[: opening + 1]}\n{params}{fn.indent}{header[closing:]}"


def insert_wrapper(ctx: WireContext, editor: FileEditor, code: str) -> None:
    gap = "\n" if ctx.fn.class_name else "\n\n"
    editor.insert_after(ctx.fn.end_line, gap + code)


def wrapper_decorators(fn: FunctionInfo) -> list[str]:
    return list(fn.decorators)


def _isort_member(name: str) -> tuple[int, str]:
    """isort's member order: CONSTANTS, Classes, then functions; case-insensitive within."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name.lower()


def ensure_names(ctx: WireContext, editor: FileEditor, names: dict[str, str]) -> None:
    """Make `names` importable: extend the module's existing `from X import ...` line when
    there is one (what a person would do), else add a line after the docstring."""
    shape = python_module(ctx.source.text)
    imports = [n for n in shape.imports if n.is_from]
    bound = {alias or name for n in imports for name, alias in n.names}
    for name, module in names.items():
        if name in bound:
            continue
        existing = next((n for n in imports if n.module == module and n.level == 0), None)
        if existing is not None and existing.line == existing.end_line:
            listed = sorted({imported for imported, _ in existing.names} | {name}, key=_isort_member)
            editor.replace_line(existing.line, f"from {module} import {', '.join(listed)}")
        elif module in sys.stdlib_module_names:
            _insert_stdlib_import(shape, editor, module, name)
        else:
            editor.insert_after(shape.docstring_end, f"from {module} import {name}")


def _insert_stdlib_import(shape: ModuleShape, editor: FileEditor, module: str, name: str) -> None:
    """Place `from <stdlib> import name` inside the standard-library block, sorted."""
    statement = f"from {module} import {name}"
    block: list[PyImport] = []
    for node in shape.statements:
        imported = node.imported
        if imported is None:
            if block or node.kind != "docstring":
                break
            continue
        if imported.is_from and imported.module == "__future__":
            continue
        relative = imported.is_from and imported.level > 0
        if relative or (imported.module or "").split(".")[0] not in sys.stdlib_module_names:
            break
        block.append(imported)
    froms = [n for n in block if n.is_from]
    later = next((n for n in froms if (n.module or "") > module), None)
    if later is not None:
        editor.insert_after(later.line - 1, statement)
    elif block:
        editor.insert_after(max(n.end_line for n in block), statement)
    else:
        editor.insert_after(shape.imports[0].line - 1, statement + "\n")


def render(ctx: WireContext, template: str, indent: str, **values: object) -> str:
    return render_code(f"py/{template}.py.j2", indent, **values)
