"""Python wiring for request hooks: webhooks, user context, event tracking, scheduled jobs.

The shared pieces (renaming, wrapper headers, imports) live in `wire_py`.
"""

from __future__ import annotations

import ast
import re
import sys

from personize_assistant.actions.wire.context import (
    WireContext,
    Wiring,
    delivery_targets,
    refuse_event_caller,
    refuse_request_handler,
    takes_request,
    unsupported,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.parsed import python_tree
from personize_assistant.actions.wire.python import (
    WIDTH,
    add_import,
    after_docstring,
    call_expr,
    forward,
    original_name,
    receiver_of,
    render_code,
    wrap_original,
    wrapper_decorators,
    wrapper_header,
)

# --------------------------------------------------------------------------- webhook


def webhook(ctx: WireContext) -> Wiring:
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    source = (ctx.provider or "webhook").lower()
    route = ctx.touchpoint.route
    trigger = f"{source} calls {('POST ' + route) if route else 'the webhook'} ({ctx.source.path})"
    payload = _payload_expression(ctx)
    original = original_name(ctx)
    code = render_code(
        "py/webhook.py.j2",
        fn.indent,
        decorators=wrapper_decorators(fn),
        header=wrapper_header(ctx),
        name=ctx.qualified_name,
        trigger=trigger,
        trigger_id=f"POST {route}" if route else ctx.trigger_id,
        source=source,
        outcome=ctx.fresh("response"),
        payload=payload,
        call_original=call_expr(ctx, original, forward(fn), "    response = await "),
        **{"await": "await " if fn.is_async else ""},
    )
    wiring = wrap_original(ctx, editor, original, code, ["remember_event", "response_ok"], trigger)
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
    if ctx.framework == "django" and takes_request(ctx):
        return _context_processor(ctx)
    return _dependency(ctx)


def _context_processor(ctx: WireContext) -> Wiring:
    """Django context processor: add a lazy `personalization` entry to what it returns."""
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    original = original_name(ctx)
    request = fn.params[0].name
    trigger = f"each template render that uses {fn.name}() ({ctx.source.path})"
    code = render_code(
        "py/context_processor.py.j2",
        fn.indent,
        decorators=wrapper_decorators(fn),
        header=wrapper_header(ctx),
        name=fn.name,
        trigger=trigger,
        request=request,
        call_original=call_expr(ctx, original, forward(fn), "    context = "),
    )
    wiring = wrap_original(ctx, editor, original, code, ["LazyDigest"], trigger)
    wiring.field_mapping = {"compiledContext": "{{ personalization }}"}
    wiring.notes.append(
        "Templates rendered with this context processor get {{ personalization }}; it is "
        "fetched only when a template uses it, cached for a minute, and empty on failure."
    )
    return wiring


def _middleware_step(ctx: WireContext) -> Wiring:
    """Django middleware: give the request a lazy digest before the view runs."""
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    request = next((p.name for p in fn.params if p.name in ("request", "req")), None)
    if request is None or fn.body_line == 0:
        raise unsupported(ctx, f"{ctx.qualified_name} has no request parameter to enrich")
    trigger = f"each request through {ctx.qualified_name} ({ctx.source.path})"
    step = render_code("py/context_step.py.j2", fn.body_indent, trigger=trigger, target=f"{request}.personalization", user=f'getattr({request}, "user", None)')
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
    if len(f"def {name}({params}) -> str | None:") > WIDTH:
        params = f"\n    {params},\n"
    code = render_code(
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
    tree = python_tree(ctx.source.text)
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
            editor.insert_after(after_docstring(tree), f"from {module} import {name}")


def _run_args(ctx: WireContext, schedule: str, call: str) -> str:
    """personalized_run's arguments on one line when they fit, else one a line (as black would)."""
    # A job without arguments is passed as itself; a lambda would only forward the call.
    job = call[:-2] if call.endswith("()") and "\n" not in call else f"lambda: {call}"
    args = [f'"{ctx.trigger_id}"', f'"{schedule}"', job]
    one_line = ", ".join(args)
    if "\n" not in call and len(ctx.fn.indent) + 8 + len(one_line) <= WIDTH:
        return one_line
    return ",\n        ".join(args) + ","


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
    refuse_event_caller(ctx)
    original = original_name(ctx)
    skip = 1 if receiver_of(fn) else 0
    params = fn.params[skip:]
    identity = next(
        (p.name for p in params if re.search(r"user|email|distinct|identity|person|contact", p.name)),
        params[0].name if params else "None",
    )
    payload = "{" + ", ".join(f'"{p.name}": {p.name}' for p in params) + "}"
    trigger = f"every {ctx.qualified_name}() analytics call ({ctx.source.path})"
    code = render_code(
        "py/event.py.j2",
        fn.indent,
        decorators=wrapper_decorators(fn),
        header=wrapper_header(ctx),
        name=ctx.qualified_name,
        trigger=trigger,
        trigger_id=ctx.trigger_id,
        source=(ctx.provider or "analytics").lower(),
        outcome=ctx.fresh("outcome"),
        recipient=identity,
        payload=payload,
        call_original=call_expr(ctx, original, forward(fn), "    outcome = await "),
        **{"await": "await " if fn.is_async else ""},
    )
    wiring = wrap_original(ctx, editor, original, code, ["remember_event"], trigger)
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
    schedule = ctx.touchpoint.schedule or "unscheduled"
    # Without a known schedule (a management command your scheduler runs), say so plainly.
    when = f"the schedule {schedule}" if ctx.touchpoint.schedule else "your scheduler"
    trigger = f"{when} runs {ctx.qualified_name} ({ctx.source.path})"
    original = original_name(ctx)
    code = render_code(
        "py/run.py.j2",
        fn.indent,
        decorators=wrapper_decorators(fn),
        header=wrapper_header(ctx),
        name=ctx.qualified_name,
        trigger=trigger,
        trigger_id=ctx.trigger_id,
        schedule=schedule,
        run_args=_run_args(ctx, schedule, call_expr(ctx, original, forward(fn), "        lambda: ")),
    )
    wiring = wrap_original(ctx, editor, original, code, ["personalized_run"], trigger)
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
        targets = delivery_targets(ctx, inside)
        wiring.notes.append(
            "Wire its deliveries too: "
            + ", ".join(f"{t.symbol or t.id} ({t.id}, {t.location()})" for t in targets)
        )
    return wiring
