"""Python wiring: the edit to the user's module for each pattern.

The helper module (`personize_wiring.py`, next to the wired module, with the standalone
`personize_client.py`) holds the Personize logic; the user's module gets a minimal change:
the original renamed to `_<name>_original` plus a wrapper with the same signature and
decorators, or a short step inserted into the function body.
"""

from __future__ import annotations

import ast

from personize_assistant.actions.wire.context import (
    WireContext,
    Wiring,
    no_content,
    refuse_request_handler,
    unsupported,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.mapping import MessageMapping, map_message
from personize_assistant.actions.wire.parsed import python_function_nodes, python_tree
from personize_assistant.actions.wire.source import FunctionInfo, Param
from personize_assistant.codegen.render import indent_block, render, wrap_comments

_STRUCTURAL = ("@staticmethod", "@classmethod")


# --------------------------------------------------------------------------- shared pieces


def render_code(template: str, indent: str, **values: object) -> str:
    return wrap_comments(indent_block(render(template, **values), indent))


def add_import(ctx: WireContext, editor: FileEditor, names: list[str]) -> None:
    """`from .personize_wiring import ...`, placed where isort would put it."""
    module = ctx.helper_module
    tree = python_tree(ctx.source.text)
    imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    existing = _existing_import(imports, module)
    if existing is not None:
        # Wiring a second function in the same file: extend the import, never repeat it.
        merged = sorted({*names, *(alias.name for alias in existing.names)})
        editor.replace_range(existing.lineno, existing.end_lineno or existing.lineno, _from_import(module, merged))
        return
    statement = f"from {module} import {', '.join(sorted(set(names)))}"
    if not imports:
        after = after_docstring(tree)
        following = next((n for n in tree.body if n.lineno > after), None)
        # isort: two blank lines between imports and a top-level def/class.
        gap = "\n\n" if isinstance(following, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) else "\n"
        editor.insert_after(after, statement + gap)
        return
    relative = [n for n in imports if isinstance(n, ast.ImportFrom) and n.level > 0]
    if "." in module.lstrip(".") and not module.startswith("."):
        _insert_first_party(ctx, editor, imports, relative, statement)
        return
    if module.startswith(".") and relative:
        editor.insert_after(_relative_slot(relative, module), statement)
        return
    last = max(n.end_lineno or n.lineno for n in imports)
    editor.insert_after(last, "\n" + statement)


def _insert_first_party(
    ctx: WireContext,
    editor: FileEditor,
    imports: list[ast.Import | ast.ImportFrom],
    relative: list[ast.ImportFrom],
    statement: str,
) -> None:
    """`from billing.personize_wiring import ...` goes in the first-party block, sorted,
    above the file's relative imports (where isort/ruff put a sibling app's import)."""
    module = ctx.helper_module
    siblings = _sibling_packages(ctx, module.split(".")[0])
    first_party = [
        n for n in imports if isinstance(n, ast.ImportFrom) and n.level == 0 and (n.module or "").split(".")[0] in siblings
    ]
    following = next((n for n in first_party if (n.module or "") > module), None)
    if following is not None:
        editor.insert_after(following.lineno - 1, statement)
    elif first_party:
        editor.insert_after(max(n.end_lineno or n.lineno for n in first_party), statement)
    elif relative:
        editor.insert_after(relative[0].lineno - 1, statement + "\n")
    else:
        editor.insert_after(max(n.end_lineno or n.lineno for n in imports), "\n" + statement)


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


def _existing_import(imports: list[ast.Import | ast.ImportFrom], module: str) -> ast.ImportFrom | None:
    level, name = len(module) - len(module.lstrip(".")), module.lstrip(".")
    return next(
        (
            node
            for node in imports
            if isinstance(node, ast.ImportFrom)
            and node.level == level
            and node.module == name
            and all(alias.asname is None for alias in node.names)
        ),
        None,
    )


def _relative_slot(relative: list[ast.ImportFrom], module: str) -> int:
    """Line after which `from <dots>module import` sorts (isort: furthest dots first)."""
    level, name = len(module) - len(module.lstrip(".")), module.lstrip(".")
    for node in relative:
        if node.level < level or (node.level == level and (node.module or "") > name):
            return node.lineno - 1
    return max(n.end_lineno or n.lineno for n in relative)


def after_docstring(tree: ast.Module) -> int:
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        return first.end_lineno or first.lineno
    return 0


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
    return f"{'async ' if is_async else ''}def {fn.name}({_signature(fn)}){returns}:"


def rename_original(ctx: WireContext, editor: FileEditor, original: str) -> None:
    """Rename the original and move its (non-structural) decorators to the wrapper."""
    fn = ctx.fn
    lines = ctx.source.text.splitlines()
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


def wrap_original(
    ctx: WireContext, editor: FileEditor, original: str, code: str, helpers: list[str], trigger: str
) -> Wiring:
    """Rename the original to `original`, put the wrapper `code` in its place and import the
    wiring `helpers` it calls: the edit every wrap-style pattern makes."""
    rename_original(ctx, editor, original)
    insert_wrapper(ctx, editor, code)
    add_import(ctx, editor, helpers)
    return Wiring(editor, helpers, trigger=trigger)


def wrapper_decorators(fn: FunctionInfo) -> list[str]:
    return list(fn.decorators)


def _quoted(fields: list[str]) -> str:
    return ", ".join(f'"{f}"' for f in fields) + ("," if len(fields) == 1 else "")


# --------------------------------------------------------------------------- wrap


def wrap(ctx: WireContext) -> Wiring:
    refuse_request_handler(ctx, ("email_send", "notification"))
    mapping = map_message(ctx.fn, ctx.channel_fields)
    if mapping.targets:
        return _wrap_parameters(ctx, mapping)
    return _wrap_locals(ctx)


def _wrap_trigger(ctx: WireContext) -> str:
    return f"every call to {ctx.qualified_name}()"


def _recipient(fn: FunctionInfo, mapping: MessageMapping) -> str:
    if mapping.recipient_param is None:
        return "None"
    name = fn.params[mapping.recipient_param].name
    return f"{name}.{mapping.recipient_member}" if mapping.recipient_member else name


def _personalize(ctx: WireContext) -> tuple[str, str]:
    return ("await ", "personalize_message_async") if ctx.fn.is_async else ("", "personalize_message")


def _wrap_parameters(ctx: WireContext, mapping: MessageMapping) -> Wiring:
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    if any(t.member for t in mapping.targets):
        raise unsupported(ctx, "content inside an object parameter is not mapped for Python yet")
    original = original_name(ctx)
    awaited, personalize = _personalize(ctx)
    # Locals of the new wrapper: they need only avoid what the wrapper itself uses.
    used = {original, personalize, "remember_delivery", "self", "cls"}
    result, outcome = ctx.fresh_local("personalized", used), ctx.fresh_local("outcome", used)
    replacements = {t.param_index: f'{result}["{t.field}"]' for t in mapping.targets}
    mapping_text = ", ".join(f"{t.field} -> {fn.params[t.param_index].name}" for t in mapping.targets)
    code = render_code(
        "py/wrap.py.j2",
        fn.indent,
        decorators=wrapper_decorators(fn),
        header=wrapper_header(ctx),
        name=ctx.qualified_name,
        trigger=_wrap_trigger(ctx),
        trigger_id=ctx.trigger_id,
        channel=ctx.channel,
        recipient=_recipient(fn, mapping),
        fields=_quoted(mapping.fields()),
        draft=", ".join(f'"{t.field}": {fn.params[t.param_index].name}' for t in mapping.targets),
        result=result,
        outcome=outcome,
        provider=ctx.provider,
        personalize=personalize,
        call_original=call_expr(ctx, original, forward(fn), f"        return {awaited}"),
        call_personalized=call_expr(
            ctx, original, forward(fn, replacements), f"    {outcome} = {awaited}"
        ),
        mapping_text=mapping_text,
        **{"await": awaited},
    )
    rename_original(ctx, editor, original)
    insert_wrapper(ctx, editor, code)
    helpers = [personalize, "remember_delivery"]
    add_import(ctx, editor, helpers)
    wiring = Wiring(editor, helpers, trigger=_wrap_trigger(ctx))
    wiring.field_mapping = {t.field: fn.params[t.param_index].name for t in mapping.targets}
    wiring.notes.append(f"{ctx.qualified_name} keeps its signature and decorators; the original is {original}().")
    if mapping.recipient_param is None or mapping.recipient_is_phone:
        wiring.notes.append(
            "No email recipient among the parameters: generation uses the guidelines only and "
            "the delivery is not memorized (Personize identifies people by email)."
        )
    return wiring


def _wrap_locals(ctx: WireContext) -> Wiring:
    fn, body, editor = ctx.fn, ctx.body, FileEditor(ctx.source.text)
    content = [a for a in body.assignments if a.value != "other"]
    fake = [Param(name=n, text=n) for a in content for n in a.names]
    mapping = map_message(fn.model_copy(update={"params": fake}), ctx.channel_fields)
    if not mapping.targets:
        raise no_content(ctx)
    assignments = [(t.field, fake[t.param_index].name) for t in mapping.targets]
    declared = {n: a for a in content for n in a.names}
    after = max(declared[name].end_line for _, name in assignments)
    awaited, personalize = _personalize(ctx)
    result, outcome = ctx.fresh("personalized"), ctx.fresh("outcome")
    values = dict(
        trigger=_wrap_trigger(ctx),
        trigger_id=ctx.trigger_id,
        channel=ctx.channel,
        recipient=_recipient(fn, map_message(fn, ["SUBJECT"])),
        result=result,
        outcome=outcome,
        provider=ctx.provider,
    )
    step = render_code(
        "py/inline_step.py.j2",
        fn.body_indent,
        personalize=personalize,
        fields=_quoted([f for f, _ in assignments]),
        draft=", ".join(f'"{f}": {n}' for f, n in assignments),
        assignments=assignments,
        mapping_text=", ".join(f"{f} -> {n}" for f, n in assignments),
        **{"await": awaited},
        **values,
    )
    editor.insert_after(after, step)
    if body.return_line is not None and body.return_expression is not None:
        block = render_code("py/inline_remember.py.j2", fn.body_indent, expression=body.return_expression, **values)
        editor.replace_range(body.return_line, body.return_end_line or body.return_line, block)
    elif _returns_inside_blocks(ctx, after):
        # Code appended after a `try: return send()` would never run: leave the memorize
        # to the developer rather than add dead code.
        helpers = [personalize]
        add_import(ctx, editor, helpers)
        wiring = Wiring(editor, helpers, trigger=_wrap_trigger(ctx))
        wiring.field_mapping = dict(assignments)
        wiring.notes.append(
            f"{ctx.qualified_name} returns from inside a block after sending, so nothing runs after it: "
            f"call remember_delivery(...) next to that return to close the feedback loop."
        )
        return wiring
    else:
        block = render_code("py/inline_remember.py.j2", fn.body_indent, expression=None, **values)
        editor.insert_after(body.closing_line, block)
    helpers = [personalize, "remember_delivery"]
    add_import(ctx, editor, helpers)
    wiring = Wiring(editor, helpers, trigger=_wrap_trigger(ctx))
    wiring.field_mapping = dict(assignments)
    wiring.notes.append(f"Personalization runs inside {ctx.qualified_name}, right after its content is built.")
    return wiring


def _returns_inside_blocks(ctx: WireContext, after: int) -> bool:
    """A `return` nested in try/if/with below line `after`: the function's end is not
    where its sends finish."""
    fn = python_function_nodes(ctx.source.text).get(ctx.fn.header_line)
    if fn is None:
        return False
    return any(isinstance(n, ast.Return) and n.lineno > after for n in ast.walk(fn))
