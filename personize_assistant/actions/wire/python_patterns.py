"""Python code for each WIRE pattern (`language.Patterns`): wrap, webhook, user context,
event tracking, scheduled jobs.

WRAP's two forms live in `python_wrap`, the edit primitives (renaming, wrapper headers,
imports) in `python_edit`, what both languages end a pattern with in `endings`.
"""

from __future__ import annotations

import re

from personize_assistant.actions.wire import endings, python_wrap, templated_python
from personize_assistant.actions.wire.context import (
    WireContext,
    Wiring,
    takes_request,
    unsupported,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.python_edit import (
    WIDTH,
    call_expr,
    ensure_names,
    forward,
    original_name,
    receiver_of,
    render_code,
    wrapper_decorators,
    wrapper_header,
)
from personize_assistant.actions.wire.safety import refuse_sensitive_webhook
from personize_assistant.codegen.render import in_quotes


def _wrapper_parts(ctx: WireContext, original: str, lead: str | None) -> dict[str, object]:
    """What every Python wrapper template gets: the original's decorators and header, and
    the call of the original after `lead` (`    response = await `) when it makes one."""
    parts: dict[str, object] = {"decorators": wrapper_decorators(ctx.fn), "header": wrapper_header(ctx)}
    if lead is not None:
        parts |= {"call_original": call_expr(ctx, original, forward(ctx.fn), lead)}
        parts |= {"await": "await " if ctx.fn.is_async else ""}
    return parts


# --------------------------------------------------------------------------- wrap


def wrap(ctx: WireContext) -> Wiring:
    return endings.wrap_send(ctx, python_wrap.wrap_parameters, python_wrap.wrap_locals, templated_python.wrap_template)


# --------------------------------------------------------------------------- webhook


def webhook(ctx: WireContext) -> Wiring:
    refuse_sensitive_webhook(ctx)
    route = ctx.touchpoint.route
    payload = _payload_expression(ctx)
    original = original_name(ctx)
    return endings.wrapped(
        ctx,
        original,
        "webhook",
        ["remember_event", "response_ok"],
        endings.webhook_trigger(ctx),
        {"content": payload, "email": "first email field in the event"},
        endings.ACCEPTED_EVENTS_ONLY,
        name=ctx.qualified_name,
        trigger_id=f"POST {route}" if route else ctx.trigger_id,
        source=endings.webhook_source(ctx),
        outcome=ctx.fresh("response"),
        payload=payload,
        **_wrapper_parts(ctx, original, "    response = await "),
    )


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
    original = original_name(ctx)
    return endings.wrapped(
        ctx,
        original,
        "context_processor",
        ["LazyDigest"],
        f"each template render that uses {ctx.fn.name}() ({ctx.source.path})",
        {"compiledContext": "{{ personalization }}"},
        "Templates rendered with this context processor get {{ personalization }}; it is "
        "fetched only when a template uses it, cached for a minute, and empty on failure.",
        name=ctx.fn.name,
        request=ctx.fn.params[0].name,
        **_wrapper_parts(ctx, original, "    context = "),
    )


def _middleware_step(ctx: WireContext) -> Wiring:
    """Django middleware: give the request a lazy digest before the view runs."""
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    request = next((p.name for p in fn.params if p.name in ("request", "req")), None)
    if request is None or fn.body_line == 0:
        raise unsupported(ctx, f"{ctx.qualified_name} has no request parameter to enrich")
    trigger = f"each request through {ctx.qualified_name} ({ctx.source.path})"
    step = render_code(
        "py/context_step.py.j2",
        fn.body_indent,
        trigger=trigger,
        target=f"{request}.personalization",
        user=f'getattr({request}, "user", None)',
    )
    editor.insert_after(fn.body_line - 1, step)
    return endings.step_wiring(
        ctx,
        editor,
        ["LazyDigest"],
        trigger,
        {"compiledContext": f"{request}.personalization"},
        f"Views and templates can use `{request}.personalization` (str() gives the digest); it is "
        "fetched only on first use, cached for a minute, and empty when Personize is unavailable.",
    )


def _dependency(ctx: WireContext) -> Wiring:
    """FastAPI-style accessor: add a dependency that yields the current user's digest."""
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    name = ctx.fresh(f"{fn.name.removeprefix('get_').removeprefix('current_')}_personalization")
    trigger = f"each request that depends on {fn.name}() ({ctx.source.path})"
    params = f"user: Annotated[{fn.return_type or 'object'}, Depends({fn.name})]"
    if len(f"def {name}({params}) -> str | None:") > WIDTH:
        params = f"\n    {params},\n"
    code = render_code("py/context_dep.py.j2", "", name=name, params=params, trigger=trigger, original=fn.name, user="user")
    editor.insert_after(fn.end_line, code)
    wiring = endings.step_wiring(
        ctx,
        editor,
        ["digest_for"],
        trigger,
        {"compiledContext": f"{name}()"},
        f"Handlers opt in with `context: Annotated[str | None, Depends({name})]`; it is None when "
        "Personize is unavailable, so they keep working without it.",
    )
    ensure_names(ctx, editor, {"Annotated": "typing", "Depends": "fastapi"})
    return wiring


# --------------------------------------------------------------------------- event tracking


def event(ctx: WireContext) -> Wiring:
    endings.refuse_event_wrap(ctx)
    original = original_name(ctx)
    params = ctx.fn.params[1 if receiver_of(ctx.fn) else 0 :]
    identity = next((p.name for p in params if endings.IDENTITY.search(p.name)), None)
    if identity is None:
        raise endings.no_identity(ctx)
    payload = "{" + ", ".join(f'"{p.name}": {p.name}' for p in params) + "}"
    return endings.mirror_event(
        ctx,
        original,
        "remember_event",
        payload,
        "Events are memorized only when the identity carries an email (a string, or an object "
        "with `.email`); users tracked by id alone are skipped rather than guessed.",
        recipient=identity,
        payload=payload,
        **_wrapper_parts(ctx, original, "    outcome = await "),
    )


# --------------------------------------------------------------------------- scheduled job


def scheduled(ctx: WireContext) -> Wiring:
    if ctx.fn.is_async:
        raise unsupported(ctx, "async scheduled jobs are not wrapped; wire the deliveries they call instead")
    original = original_name(ctx)
    job = call_expr(ctx, original, forward(ctx.fn), "        lambda: ")
    return endings.scheduled_run(
        ctx,
        original,
        "personalized_run",
        run_args=_run_args(ctx, endings.schedule_of(ctx), job),
        **_wrapper_parts(ctx, original, None),
    )


def _run_args(ctx: WireContext, schedule: str, call: str) -> str:
    """personalized_run's arguments on one line when they fit, else one a line (as black would)."""
    # A job without arguments is passed as itself; a lambda would only forward the call.
    job = call[:-2] if call.endswith("()") and "\n" not in call else f"lambda: {call}"
    args = [f'"{ctx.trigger_id}"', f'"{in_quotes(schedule)}"', job]
    one_line = ", ".join(args)
    if "\n" not in call and len(ctx.fn.indent) + 8 + len(one_line) <= WIDTH:
        return one_line
    return ",\n        ".join(args) + ","


