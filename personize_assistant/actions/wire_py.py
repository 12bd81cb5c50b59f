"""Python wiring: the edit to the user's module for each pattern.

The helper module (`personize_wiring.py`, next to the wired module, with the standalone
`personize_client.py`) holds the Personize logic; the user's module gets a minimal change:
the original renamed to `_<name>_original` plus a wrapper with the same signature and
decorators, or a short step inserted into the function body.
"""

from __future__ import annotations

import ast
import re
import sys

from personize_assistant.actions.wire_context import (
    WireContext,
    Wiring,
    no_content,
    refuse_request_handler,
    unsupported,
)
from personize_assistant.actions.wire_edit import FileEditor
from personize_assistant.actions.wire_mapping import MessageMapping, map_message
from personize_assistant.actions.wire_source import FunctionInfo, Param
from personize_assistant.codegen.render import indent_block, render, wrap_comments

_STRUCTURAL = ("@staticmethod", "@classmethod")


# --------------------------------------------------------------------------- shared pieces


def _code(template: str, indent: str, **values: object) -> str:
    return wrap_comments(indent_block(render(template, **values), indent))


def add_import(ctx: WireContext, editor: FileEditor, names: list[str]) -> None:
    """`from .personize_wiring import ...`, placed where isort would put it."""
    module = ctx.helper_module
    statement = f"from {module} import {', '.join(sorted(set(names)))}"
    tree = ast.parse(ctx.source.text)
    imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    if not imports:
        after = _after_docstring(tree)
        following = next((n for n in tree.body if n.lineno > after), None)
        # isort: two blank lines between imports and a top-level def/class.
        gap = "\n\n" if isinstance(following, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) else "\n"
        editor.insert_after(after, statement + gap)
        return
    relative = [n for n in imports if isinstance(n, ast.ImportFrom) and n.level > 0]
    if module.startswith(".") and relative:
        editor.insert_after(_relative_slot(relative, module), statement)
        return
    last = max(n.end_lineno or n.lineno for n in imports)
    editor.insert_after(last, "\n" + statement)


def _relative_slot(relative: list[ast.ImportFrom], module: str) -> int:
    """Line after which `from <dots>module import` sorts (isort: furthest dots first)."""
    level, name = len(module) - len(module.lstrip(".")), module.lstrip(".")
    for node in relative:
        if node.level < level or (node.level == level and (node.module or "") > name):
            return node.lineno - 1
    return max(n.end_lineno or n.lineno for n in relative)


def _after_docstring(tree: ast.Module) -> int:
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        return first.end_lineno or first.lineno
    return 0


def _original_name(ctx: WireContext) -> str:
    return ctx.fresh(f"_{ctx.fn.name.lstrip('_')}_original")


def _receiver(fn: FunctionInfo) -> str | None:
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


def _forward(fn: FunctionInfo, replace: dict[int, str] | None = None) -> list[str]:
    """Argument expressions that pass the wrapper's parameters on unchanged (or replaced)."""
    replace = replace or {}
    skip = 1 if _receiver(fn) else 0
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


def _call(ctx: WireContext, original: str, args: list[str], lead: str = "    return ") -> str:
    fn = ctx.fn
    owner = ""
    if fn.class_name is not None:
        receiver = _receiver(fn)
        owner = f"{receiver}." if receiver else f"{fn.class_name}."
    return _fmt_call(f"{owner}{original}", args, lead, fn.indent)


_WIDTH = 88


def _fmt_call(call: str, args: list[str], lead: str, margin: str) -> str:
    """`call(args)` on one line when `margin + lead + call(...)` fits, else one arg a line.

    `lead` is what precedes the call on its line in the template (indent included),
    `margin` the indentation the whole block gets afterwards."""
    one_line = f"{call}({', '.join(args)})"
    if len(margin) + len(lead) + len(one_line) <= _WIDTH:
        return one_line
    indent = lead[: len(lead) - len(lead.lstrip())]
    inner = indent + "    "
    joined = ", ".join(args)
    if len(margin) + len(inner) + len(joined) <= _WIDTH:
        return f"{call}(\n{inner}{joined}\n{indent})"
    body = "".join(f"{inner}{arg},\n" for arg in args)
    return f"{call}(\n{body}{indent})"


def _header(ctx: WireContext, asynchronous: bool | None = None) -> str:
    fn = ctx.fn
    is_async = fn.is_async if asynchronous is None else asynchronous
    returns = f" -> {fn.return_type}" if fn.return_type else ""
    return f"{'async ' if is_async else ''}def {fn.name}({_signature(fn)}){returns}:"


def _rename_original(ctx: WireContext, editor: FileEditor, original: str) -> None:
    """Rename the original and move its (non-structural) decorators to the wrapper."""
    fn = ctx.fn
    lines = ctx.source.text.splitlines()
    header = lines[fn.header_line - 1]
    renamed = header[: fn.name_col] + original + header[fn.name_col + len(fn.name) :]
    kept = [f"{fn.indent}{d}" for d in fn.decorators if d in _STRUCTURAL]
    editor.replace_range(fn.start_line, fn.header_line, "\n".join([*kept, renamed]))


def _insert_wrapper(ctx: WireContext, editor: FileEditor, code: str) -> None:
    gap = "\n" if ctx.fn.class_name else "\n\n"
    editor.insert_after(ctx.fn.end_line, gap + code)


def _wrapper_decorators(fn: FunctionInfo) -> list[str]:
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
    original = _original_name(ctx)
    result, outcome = ctx.fresh("personalized"), ctx.fresh("outcome")
    awaited, personalize = _personalize(ctx)
    replacements = {t.param_index: f'{result}["{t.field}"]' for t in mapping.targets}
    mapping_text = ", ".join(f"{t.field} -> {fn.params[t.param_index].name}" for t in mapping.targets)
    code = _code(
        "py/wrap.py.j2",
        fn.indent,
        decorators=_wrapper_decorators(fn),
        header=_header(ctx),
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
        call_original=_call(ctx, original, _forward(fn), f"        return {awaited}"),
        call_personalized=_call(
            ctx, original, _forward(fn, replacements), f"    {outcome} = {awaited}"
        ),
        mapping_text=mapping_text,
        **{"await": awaited},
    )
    _rename_original(ctx, editor, original)
    _insert_wrapper(ctx, editor, code)
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
    step = _code(
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
        block = _code("py/inline_remember.py.j2", fn.body_indent, expression=body.return_expression, **values)
        editor.replace_range(body.return_line, body.return_end_line or body.return_line, block)
    else:
        block = _code("py/inline_remember.py.j2", fn.body_indent, expression=None, **values)
        editor.insert_after(body.closing_line, block)
    helpers = [personalize, "remember_delivery"]
    add_import(ctx, editor, helpers)
    wiring = Wiring(editor, helpers, trigger=_wrap_trigger(ctx))
    wiring.field_mapping = dict(assignments)
    wiring.notes.append(f"Personalization runs inside {ctx.qualified_name}, right after its content is built.")
    return wiring


# --------------------------------------------------------------------------- webhook


def webhook(ctx: WireContext) -> Wiring:
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    source = (ctx.provider or "webhook").lower()
    route = ctx.touchpoint.route
    trigger = f"{source} calls {('POST ' + route) if route else 'the webhook'} ({ctx.source.path})"
    payload = _payload_expression(ctx)
    original = _original_name(ctx)
    code = _code(
        "py/webhook.py.j2",
        fn.indent,
        decorators=_wrapper_decorators(fn),
        header=_header(ctx),
        name=ctx.qualified_name,
        trigger=trigger,
        trigger_id=f"POST {route}" if route else ctx.trigger_id,
        source=source,
        outcome=ctx.fresh("response"),
        payload=payload,
        call_original=_call(ctx, original, _forward(fn), "    response = await "),
        **{"await": "await " if fn.is_async else ""},
    )
    _rename_original(ctx, editor, original)
    _insert_wrapper(ctx, editor, code)
    add_import(ctx, editor, ["remember_event", "response_ok"])
    wiring = Wiring(editor, ["remember_event", "response_ok"], trigger=trigger)
    wiring.field_mapping = {"content": payload, "email": "first email field in the event"}
    wiring.notes.append("Only events the handler accepted (2xx) are memorized, so unverified payloads never are.")
    return wiring


def _payload_expression(ctx: WireContext) -> str:
    fn = ctx.fn
    params = [p for p in fn.params if p.kind in ("plain", "posonly", "kwonly")]
    if ctx.framework == "fastapi" or fn.is_async:
        request = next((p for p in params if (p.annotation or "").split(".")[-1] == "Request"), None)
        if request is not None:
            return f"await {request.name}.body()"
        model = next((p for p in params if p.annotation and p.annotation[:1].isupper()), None)
        if model is not None:
            return f"{model.name}.model_dump()"
    if ctx.framework == "flask" and re.search(r"^from flask import .*\brequest\b", ctx.source.text, re.MULTILINE):
        return "request.get_data()"
    request = next((p for p in params if p.name in ("request", "req")), params[0] if params else None)
    if request is None:
        raise unsupported(ctx, f"{fn.name} takes no request parameter, so the event body cannot be read")
    return f"{request.name}.body"


# --------------------------------------------------------------------------- middleware / user context


def middleware(ctx: WireContext) -> Wiring:
    fn = ctx.fn
    if fn.class_name is not None:
        return _middleware_step(ctx)
    return _dependency(ctx)


def _middleware_step(ctx: WireContext) -> Wiring:
    """Django middleware: give the request a lazy digest before the view runs."""
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    request = next((p.name for p in fn.params if p.name in ("request", "req")), None)
    if request is None or fn.body_line == 0:
        raise unsupported(ctx, f"{ctx.qualified_name} has no request parameter to enrich")
    trigger = f"each request through {ctx.qualified_name} ({ctx.source.path})"
    step = _code("py/context_step.py.j2", fn.body_indent, trigger=trigger, target=f"{request}.personalization", user=f'getattr({request}, "user", None)')
    editor.insert_after(fn.body_line - 1, step)
    add_import(ctx, editor, ["LazyDigest"])
    wiring = Wiring(editor, ["LazyDigest"], trigger=trigger)
    wiring.field_mapping = {"compiledContext": f"{request}.personalization"}
    wiring.notes.append(
        f"Views and templates can use `{request}.personalization` (str() gives the digest); it is "
        "fetched only on first use, cached for a minute, and empty when Personize is unavailable."
    )
    return wiring


def _dependency(ctx: WireContext) -> Wiring:
    """FastAPI-style accessor: add a dependency that yields the current user's digest."""
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    name = ctx.fresh(f"{fn.name.removeprefix('get_').removeprefix('current_')}_personalization")
    user_type = fn.return_type or "object"
    trigger = f"each request that depends on {fn.name}() ({ctx.source.path})"
    params = f"user: Annotated[{user_type}, Depends({fn.name})]"
    if len(f"def {name}({params}) -> str | None:") > _WIDTH:
        params = f"\n    {params},\n"
    code = _code(
        "py/context_dep.py.j2",
        "",
        name=name,
        params=params,
        trigger=trigger,
        original=fn.name,
        user="user",
    )
    editor.insert_after(fn.end_line, code)
    add_import(ctx, editor, ["digest_for"])
    _ensure_names(ctx, editor, {"Annotated": "typing", "Depends": "fastapi"})
    wiring = Wiring(editor, ["digest_for"], trigger=trigger)
    wiring.field_mapping = {"compiledContext": f"{name}()"}
    wiring.notes.append(
        f"Handlers opt in with `context: Annotated[str | None, Depends({name})]`; it is None when "
        "Personize is unavailable, so they keep working without it."
    )
    return wiring


def _isort_member(name: str) -> tuple[int, str]:
    """isort's member order: CONSTANTS, Classes, then functions; case-insensitive within."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name.lower()


def _ensure_names(ctx: WireContext, editor: FileEditor, names: dict[str, str]) -> None:
    """Make `names` importable: extend the module's existing `from X import ...` line when
    there is one (what a person would do), else add a line after the docstring."""
    tree = ast.parse(ctx.source.text)
    imports = [n for n in tree.body if isinstance(n, ast.ImportFrom)]
    bound = {a.asname or a.name for n in imports for a in n.names}
    for name, module in names.items():
        if name in bound:
            continue
        existing = next((n for n in imports if n.module == module and n.level == 0), None)
        if existing is not None and existing.lineno == existing.end_lineno:
            listed = sorted({a.name for a in existing.names} | {name}, key=_isort_member)
            editor.replace_line(existing.lineno, f"from {module} import {', '.join(listed)}")
        elif module in sys.stdlib_module_names:
            _insert_stdlib_import(tree, editor, module, name)
        else:
            editor.insert_after(_after_docstring(tree), f"from {module} import {name}")


def _insert_stdlib_import(tree: ast.Module, editor: FileEditor, module: str, name: str) -> None:
    """Place `from <stdlib> import name` inside the standard-library block, sorted."""
    statement = f"from {module} import {name}"
    block: list[ast.Import | ast.ImportFrom] = []
    for node in tree.body:
        if not isinstance(node, ast.Import | ast.ImportFrom):
            if block or not _is_docstring(node):
                break
            continue
        root = (node.module if isinstance(node, ast.ImportFrom) else node.names[0].name) or ""
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        relative = isinstance(node, ast.ImportFrom) and node.level > 0
        if relative or root.split(".")[0] not in sys.stdlib_module_names:
            break
        block.append(node)
    froms = [n for n in block if isinstance(n, ast.ImportFrom)]
    later = next((n for n in froms if (n.module or "") > module), None)
    if later is not None:
        editor.insert_after(later.lineno - 1, statement)
    elif block:
        editor.insert_after(max(n.end_lineno or n.lineno for n in block), statement)
    else:
        first = next(n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom))
        editor.insert_after(first.lineno - 1, statement + "\n")


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


# --------------------------------------------------------------------------- event tracking


def event(ctx: WireContext) -> Wiring:
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    refuse_request_handler(ctx, ("event_tracking",))
    original = _original_name(ctx)
    skip = 1 if _receiver(fn) else 0
    params = fn.params[skip:]
    identity = next(
        (p.name for p in params if re.search(r"user|email|distinct|identity|person|contact", p.name)),
        params[0].name if params else "None",
    )
    payload = "{" + ", ".join(f'"{p.name}": {p.name}' for p in params) + "}"
    trigger = f"every {ctx.qualified_name}() analytics call ({ctx.source.path})"
    code = _code(
        "py/event.py.j2",
        fn.indent,
        decorators=_wrapper_decorators(fn),
        header=_header(ctx),
        name=ctx.qualified_name,
        trigger=trigger,
        trigger_id=ctx.trigger_id,
        source=(ctx.provider or "analytics").lower(),
        outcome=ctx.fresh("outcome"),
        recipient=identity,
        payload=payload,
        call_original=_call(ctx, original, _forward(fn), "    outcome = await "),
        **{"await": "await " if fn.is_async else ""},
    )
    _rename_original(ctx, editor, original)
    _insert_wrapper(ctx, editor, code)
    add_import(ctx, editor, ["remember_event"])
    wiring = Wiring(editor, ["remember_event"], trigger=trigger)
    wiring.field_mapping = {"email": identity, "content": payload}
    wiring.notes.append(
        "Events are memorized only when the identity carries an email (a string, or an object "
        "with `.email`); users tracked by id alone are skipped rather than guessed."
    )
    return wiring


# --------------------------------------------------------------------------- scheduled job


def scheduled(ctx: WireContext) -> Wiring:
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    if fn.is_async:
        raise unsupported(ctx, "async scheduled jobs are not wrapped; wire the deliveries they call instead")
    schedule = ctx.touchpoint.schedule or "schedule"
    trigger = f"the schedule {schedule} runs {ctx.qualified_name} ({ctx.source.path})"
    original = _original_name(ctx)
    code = _code(
        "py/run.py.j2",
        fn.indent,
        decorators=_wrapper_decorators(fn),
        header=_header(ctx),
        name=ctx.qualified_name,
        trigger=trigger,
        trigger_id=ctx.trigger_id,
        schedule=schedule,
        call_original=_call(ctx, original, _forward(fn)),
    )
    _rename_original(ctx, editor, original)
    _insert_wrapper(ctx, editor, code)
    add_import(ctx, editor, ["personalized_run"])
    wiring = Wiring(editor, ["personalized_run"], trigger=trigger)
    wiring.notes.append(
        "The job keeps selecting recipients and delivering; personalization happens in the "
        "wired delivery functions it calls, paced to the run's per-minute budget."
    )
    inside = [
        t
        for t in ctx.scan.touchpoints
        if t.kind.value in ("email_send", "notification")
        and t.file == ctx.source.path
        and fn.start_line <= t.line <= fn.end_line
    ]
    if inside:
        wiring.notes.append("Wire its deliveries too: " + ", ".join(f"{t.id} ({t.location()})" for t in inside))
    return wiring
