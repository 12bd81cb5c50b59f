"""TypeScript code for each WIRE pattern (`language.Patterns`): wrap, webhook, user context,
event tracking, scheduled jobs.

WRAP's two forms live in `typescript_wrap`, the edit primitives (renaming, wrapper headers,
imports) in `typescript_edit`, what both languages end a pattern with in `endings`.
"""

from __future__ import annotations

import re

from personize_assistant.actions.wire import endings, templated_typescript, typescript_wrap
from personize_assistant.actions.wire.context import (
    HTTP_VERBS,
    WireContext,
    Wiring,
    unsupported,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.safety import (
    context_return_reason,
    refuse_sensitive_webhook,
    returns_promise,
)
from personize_assistant.actions.wire.source import FunctionInfo
from personize_assistant.actions.wire.typescript_edit import (
    async_return_type,
    call_expr,
    original_name,
    param_texts,
    render_styled,
    wrapper_header,
)


def _wrapper_parts(
    ctx: WireContext, original: str, return_type: str | None, asynchronous: bool
) -> tuple[list[str], dict[str, object]]:
    """The arguments that forward the wrapper's parameters, and what every TypeScript
    wrapper template gets: its declaration, what closes it, and the original's call."""
    params, args = param_texts(ctx, original)
    header, terminator = wrapper_header(ctx, params, return_type, asynchronous=asynchronous)
    parts: dict[str, object] = {"header": header, "terminator": terminator, "original": original}
    return args, parts | {"call_original": call_expr(ctx, original, args)}


def _handler_original(ctx: WireContext) -> str:
    """A route export (`POST`) keeps its name; its original becomes `handlePost`."""
    return ctx.fresh(f"handle{ctx.fn.name.capitalize()}") if ctx.fn.name in HTTP_VERBS else original_name(ctx)


# --------------------------------------------------------------------------- wrap


def wrap(ctx: WireContext) -> Wiring:
    return endings.wrap_send(
        ctx, typescript_wrap.wrap_parameters, typescript_wrap.wrap_locals, templated_typescript.wrap_template
    )


# --------------------------------------------------------------------------- webhook


def webhook(ctx: WireContext) -> Wiring:
    refuse_sensitive_webhook(ctx)
    fn = ctx.fn
    if fn.name in HTTP_VERBS and fn.form in ("function", "arrow"):
        return _webhook_route(ctx)
    request, response = _req_res(ctx)
    if fn.body_line == 0 or request is None or response is None:
        raise unsupported(ctx, "expected a handler with (req, res) parameters or a route handler export")
    if ctx.framework == "fastify":
        response = f"{response}.raw"  # Fastify's reply wraps Node's ServerResponse
    editor, trigger = FileEditor(ctx.source.text), endings.webhook_trigger(ctx)
    step = render_styled(
        ctx,
        "ts/webhook_observe.ts.j2",
        fn.body_indent,
        trigger=trigger,
        trigger_id=_route_id(ctx),
        source=endings.webhook_source(ctx),
        request=request,
        response=response,
    )
    editor.insert_after(fn.body_line - 1, step)
    mapping = {"content": f"{request}.body", "email": f"first email field in {request}.body"}
    return endings.step_wiring(ctx, editor, ["rememberWebhookOnSuccess"], trigger, mapping, endings.ACCEPTED_EVENTS_ONLY)


def _route_id(ctx: WireContext) -> str:
    route = ctx.touchpoint.route
    return f"POST {route}" if route else ctx.trigger_id or "webhook"


_PRIMITIVE = re.compile(r"^(?:string|number|boolean|bigint|Buffer|Uint8Array)\b")


def _req_res(ctx: WireContext) -> tuple[str | None, str | None]:
    # `(requestBody: string, signature: string)` is a helper a route calls, not (req, res).
    names = [p.name for p in ctx.fn.params
             if p.kind == "plain" and not _PRIMITIVE.match((p.annotation or "").lstrip(": ").strip())]
    request = next((n for n in names if n in ("req", "request")), names[0] if names else None)
    response = next((n for n in names if n in ("res", "response", "reply")), names[1] if len(names) > 1 else None)
    return request, response


def _webhook_route(ctx: WireContext) -> Wiring:
    fn = ctx.fn
    original = _handler_original(ctx)
    args, parts = _wrapper_parts(ctx, original, async_return_type(fn), True)
    if not args:
        raise unsupported(ctx, f"{fn.name} takes no request parameter, so the event body cannot be read")
    return endings.wrapped(
        ctx,
        original,
        "webhook_route",
        ["rememberWebhookResponse"],
        endings.webhook_trigger(ctx),
        {"content": f"{args[0]}.clone() body", "email": "first email field in the event"},
        f"The route's {fn.name} export now wraps {original}(); it reads a clone of the request, "
        "so signature checks on the original body keep working.",
        name=fn.name,
        trigger_id=_route_id(ctx),
        source=endings.webhook_source(ctx),
        request=args[0],
        copy=ctx.fresh("eventCopy"),
        outcome=ctx.fresh("response"),
        **parts,
    )


# --------------------------------------------------------------------------- middleware / user context


def middleware(ctx: WireContext) -> Wiring:
    fn = ctx.fn
    if fn.form == "inline":
        raise unsupported(ctx, "the user context is set in an anonymous callback; wire a named accessor")
    original = original_name(ctx)
    _, args = param_texts(ctx, original)
    if len(args) >= 3 and args[2] in ("next", "done", "callback", "cb"):
        return _express_middleware(ctx, original)
    if why := context_return_reason(ctx):
        raise unsupported(ctx, why)
    # A Promise is awaited before the digest is attached: `{ ...promise }` would lose the user.
    asynchronous = returns_promise(ctx)
    _, parts = _wrapper_parts(ctx, original, None, asynchronous)
    return endings.wrapped(
        ctx,
        original,
        "context",
        ["withPersonalization"],
        f"each request that reads the signed-in user through {ctx.qualified_name}()",
        {"compiledContext": f"{ctx.qualified_name}().personalization()"},
        f"Handlers can now `await user.personalization()` on what {ctx.qualified_name}() returns; "
        "the digest is fetched only when asked for, cached for a minute, and null on failure.",
        name=ctx.qualified_name,
        result=ctx.fresh_local("user", {original, "withPersonalization"}),
        **parts,
        **{"await": "await " if asynchronous else ""},
    )


def _express_middleware(ctx: WireContext, original: str) -> Wiring:
    args, parts = _wrapper_parts(ctx, original, ctx.fn.return_type, False)
    return endings.wrapped(
        ctx,
        original,
        "context_middleware",
        ["attachPersonalization"],
        f"each request through the {ctx.qualified_name} middleware ({ctx.source.path})",
        {"compiledContext": f"{args[0]}.personalization()"},
        f"Routes behind {ctx.qualified_name} can `await req.personalization()`; the digest is "
        "fetched only when asked for, cached for a minute, and null on failure.",
        name=ctx.qualified_name,
        head_args=", ".join(args[:2]),
        request=args[0],
        next=args[2],
        **parts,
    )


# --------------------------------------------------------------------------- event tracking


def event(ctx: WireContext) -> Wiring:
    fn = ctx.fn
    endings.refuse_event_wrap(ctx)
    original = original_name(ctx)
    args, parts = _wrapper_parts(ctx, original, fn.return_type, fn.is_async)
    return endings.mirror_event(
        ctx,
        original,
        "rememberEvent",
        "the event name and properties",
        "Events are memorized only when the identity is an email (or an object with `email`); "
        "users tracked by id alone are skipped rather than guessed.",
        recipient=_identity_arg(ctx, args),
        payload="{ " + ", ".join(_payload_entries(fn, args)) + " }",
        **parts | {"call_original": ("await " if fn.is_async else "") + call_expr(ctx, original, args)},
    )


def _identity_arg(ctx: WireContext, args: list[str]) -> str:
    plain = [(p, a) for p, a in zip([p for p in ctx.fn.params if p.kind != "this"], args, strict=False)]
    for param, arg in plain:
        if endings.IDENTITY.search(param.name) or any(endings.IDENTITY.search(k) for k in param.keys):
            return arg
    raise endings.no_identity(ctx)


def _payload_entries(fn: FunctionInfo, args: list[str]) -> list[str]:
    params = [p for p in fn.params if p.kind != "this"]
    entries = []
    for param, arg in zip(params, args, strict=False):
        key = param.name or arg
        entries.append(arg if key == arg and not arg.startswith("...") else f"{key}: {arg.lstrip('.')}")
    return entries


# --------------------------------------------------------------------------- scheduled job


def scheduled(ctx: WireContext) -> Wiring:
    fn = ctx.fn
    if fn.form == "inline":
        return _scheduled_inline(ctx)
    original = _handler_original(ctx)
    _, parts = _wrapper_parts(ctx, original, fn.return_type, False)
    return endings.scheduled_run(ctx, original, "personalizedRun", **parts)


def _scheduled_inline(ctx: WireContext) -> Wiring:
    """`cron.schedule('0 8 * * 1', async () => {...})`: wrap the callback in place."""
    fn, editor, schedule = ctx.fn, FileEditor(ctx.source.text), endings.schedule_of(ctx)
    lines = ctx.source.text.splitlines()
    first, last = lines[fn.start_line - 1], lines[fn.end_line - 1]
    q = ctx.style.quote
    opener = f"personalizedRun({q}{ctx.trigger_id}{q}, {q}{schedule}{q}, "
    if fn.start_line == fn.end_line:
        wrapped = first[: fn.start_col] + opener + first[fn.start_col : fn.end_col] + ")" + first[fn.end_col :]
        editor.replace_line(fn.start_line, wrapped)
    else:
        editor.replace_line(fn.start_line, first[: fn.start_col] + opener + first[fn.start_col :])
        editor.replace_line(fn.end_line, last[: fn.end_col] + ")" + last[fn.end_col :])
    wiring = endings.step_wiring(ctx, editor, ["personalizedRun"], endings.scheduled_trigger(ctx))
    return endings.finish_scheduled(ctx, wiring)
