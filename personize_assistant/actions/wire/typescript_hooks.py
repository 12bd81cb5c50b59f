"""TypeScript wiring for request hooks: webhooks, user context, event tracking, scheduled jobs.

The edit primitives (renaming, wrapper headers, imports) live in `typescript_edit`, what
both languages end a pattern with in `endings`.
"""

from __future__ import annotations

from personize_assistant.actions.wire.context import (
    HTTP_VERBS,
    WireContext,
    Wiring,
    refuse_event_caller,
    refuse_request_handler,
    unsupported,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.endings import (
    ACCEPTED_EVENTS_ONLY,
    IDENTITY,
    event_source,
    event_trigger,
    finish_scheduled,
    schedule_of,
    scheduled_trigger,
    step_wiring,
    webhook_source,
    webhook_trigger,
    wrap_original,
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

# --------------------------------------------------------------------------- webhook


def webhook(ctx: WireContext) -> Wiring:
    fn = ctx.fn
    source, trigger = webhook_source(ctx), webhook_trigger(ctx)
    if fn.name in HTTP_VERBS and fn.form in ("function", "arrow"):
        return _webhook_route(ctx, source, trigger)
    request, response = _req_res(ctx)
    if fn.body_line == 0 or request is None or response is None:
        raise unsupported(ctx, "expected a handler with (req, res) parameters or a route handler export")
    if ctx.framework == "fastify":
        response = f"{response}.raw"  # Fastify's reply wraps Node's ServerResponse
    editor = FileEditor(ctx.source.text)
    step = render_styled(
        ctx,
        "ts/webhook_observe.ts.j2",
        fn.body_indent,
        trigger=trigger,
        trigger_id=_route_id(ctx),
        source=source,
        request=request,
        response=response,
    )
    editor.insert_after(fn.body_line - 1, step)
    wiring = step_wiring(ctx, editor, ["rememberWebhookOnSuccess"], trigger)
    wiring.field_mapping = {"content": f"{request}.body", "email": f"first email field in {request}.body"}
    wiring.notes.append(ACCEPTED_EVENTS_ONLY)
    return wiring


def _route_id(ctx: WireContext) -> str:
    route = ctx.touchpoint.route
    return f"POST {route}" if route else ctx.trigger_id or "webhook"


def _req_res(ctx: WireContext) -> tuple[str | None, str | None]:
    names = [p.name for p in ctx.fn.params if p.kind == "plain"]
    request = next((n for n in names if n in ("req", "request")), names[0] if names else None)
    response = next((n for n in names if n in ("res", "response", "reply")), names[1] if len(names) > 1 else None)
    return request, response


def _webhook_route(ctx: WireContext, source: str, trigger: str) -> Wiring:
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    original = ctx.fresh(f"handle{fn.name.capitalize()}")
    params, args = param_texts(ctx, original)
    if not args:
        raise unsupported(ctx, f"{fn.name} takes no request parameter, so the event body cannot be read")
    header, terminator = wrapper_header(ctx, params, async_return_type(fn))
    code = render_styled(
        ctx,
        "ts/webhook_route.ts.j2",
        fn.indent,
        name=fn.name,
        original=original,
        header=header,
        terminator=terminator,
        trigger=trigger,
        trigger_id=_route_id(ctx),
        source=source,
        request=args[0],
        copy=ctx.fresh("eventCopy"),
        outcome=ctx.fresh("response"),
        call_original=call_expr(ctx, original, args),
    )
    wiring = wrap_original(ctx, editor, original, code, ["rememberWebhookResponse"], trigger)
    wiring.field_mapping = {"content": f"{args[0]}.clone() body", "email": "first email field in the event"}
    wiring.notes.append(
        f"The route's {fn.name} export now wraps {original}(); it reads a clone of the request, "
        "so signature checks on the original body keep working."
    )
    return wiring


# --------------------------------------------------------------------------- middleware / user context


def middleware(ctx: WireContext) -> Wiring:
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    if fn.form == "inline":
        raise unsupported(ctx, "the user context is set in an anonymous callback; wire a named accessor")
    original = original_name(ctx)
    params, args = param_texts(ctx, original)
    if len(args) >= 3 and args[2] in ("next", "done", "callback", "cb"):
        return _express_middleware(ctx, editor, original, params, args)
    header, terminator = wrapper_header(ctx, params, None, asynchronous=fn.is_async)
    trigger = f"each request that reads the signed-in user through {ctx.qualified_name}()"
    code = render_styled(
        ctx,
        "ts/context.ts.j2",
        fn.indent,
        name=ctx.qualified_name,
        header=header,
        terminator=terminator,
        trigger=trigger,
        result=ctx.fresh_local("user", {original, "withPersonalization"}),
        call_original=call_expr(ctx, original, args),
        **{"await": "await " if fn.is_async else ""},
    )
    wiring = wrap_original(ctx, editor, original, code, ["withPersonalization"], trigger)
    wiring.field_mapping = {"compiledContext": f"{ctx.qualified_name}().personalization()"}
    wiring.notes.append(
        f"Handlers can now `await user.personalization()` on what {ctx.qualified_name}() returns; "
        "the digest is fetched only when asked for, cached for a minute, and null on failure."
    )
    return wiring


def _express_middleware(
    ctx: WireContext, editor: FileEditor, original: str, params: list[str], args: list[str]
) -> Wiring:
    fn = ctx.fn
    header, terminator = wrapper_header(ctx, params, fn.return_type, asynchronous=False)
    trigger = f"each request through the {ctx.qualified_name} middleware ({ctx.source.path})"
    code = render_styled(
        ctx,
        "ts/context_middleware.ts.j2",
        fn.indent,
        name=ctx.qualified_name,
        original=original,
        header=header,
        terminator=terminator,
        trigger=trigger,
        head_args=", ".join(args[:2]),
        request=args[0],
        next=args[2],
    )
    wiring = wrap_original(ctx, editor, original, code, ["attachPersonalization"], trigger)
    wiring.field_mapping = {"compiledContext": f"{args[0]}.personalization()"}
    wiring.notes.append(
        f"Routes behind {ctx.qualified_name} can `await req.personalization()`; the digest is "
        "fetched only when asked for, cached for a minute, and null on failure."
    )
    return wiring


# --------------------------------------------------------------------------- event tracking


def event(ctx: WireContext) -> Wiring:
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    refuse_request_handler(ctx, ("event_tracking",))
    refuse_event_caller(ctx)
    original = original_name(ctx)
    params, args = param_texts(ctx, original)
    header, terminator = wrapper_header(ctx, params, fn.return_type, asynchronous=fn.is_async)
    identity = _identity_arg(fn, args)
    trigger = event_trigger(ctx)
    code = render_styled(
        ctx,
        "ts/event.ts.j2",
        fn.indent,
        name=ctx.qualified_name,
        header=header,
        terminator=terminator,
        trigger=trigger,
        trigger_id=ctx.trigger_id,
        source=event_source(ctx),
        outcome=ctx.fresh("outcome"),
        call_original=("await " if fn.is_async else "") + call_expr(ctx, original, args),
        recipient=identity,
        payload="{ " + ", ".join(_payload_entries(fn, args)) + " }",
    )
    wiring = wrap_original(ctx, editor, original, code, ["rememberEvent"], trigger)
    wiring.field_mapping = {"email": identity, "content": "the event name and properties"}
    wiring.notes.append(
        "Events are memorized only when the identity is an email (or an object with `email`); "
        "users tracked by id alone are skipped rather than guessed."
    )
    return wiring


def _identity_arg(fn: FunctionInfo, args: list[str]) -> str:
    plain = [(p, a) for p, a in zip([p for p in fn.params if p.kind != "this"], args, strict=False)]
    for param, arg in plain:
        if IDENTITY.search(param.name):
            return arg
    return plain[0][1] if plain else "undefined"


def _payload_entries(fn: FunctionInfo, args: list[str]) -> list[str]:
    params = [p for p in fn.params if p.kind != "this"]
    entries = []
    for param, arg in zip(params, args, strict=False):
        key = param.name or arg
        entries.append(arg if key == arg and not arg.startswith("...") else f"{key}: {arg.lstrip('.')}")
    return entries


# --------------------------------------------------------------------------- scheduled job


def scheduled(ctx: WireContext) -> Wiring:
    fn, editor = ctx.fn, FileEditor(ctx.source.text)
    schedule, trigger = schedule_of(ctx), scheduled_trigger(ctx)
    if fn.form == "inline":
        return _scheduled_inline(ctx, editor, schedule, trigger)
    original = original_name(ctx) if fn.name not in HTTP_VERBS else ctx.fresh(f"handle{fn.name.capitalize()}")
    params, args = param_texts(ctx, original)
    header, terminator = wrapper_header(ctx, params, fn.return_type, asynchronous=False)
    code = render_styled(
        ctx,
        "ts/run.ts.j2",
        fn.indent,
        name=ctx.qualified_name,
        header=header,
        terminator=terminator,
        trigger=trigger,
        trigger_id=ctx.trigger_id,
        schedule=schedule,
        call_original=call_expr(ctx, original, args),
    )
    return finish_scheduled(ctx, wrap_original(ctx, editor, original, code, ["personalizedRun"], trigger))


def _scheduled_inline(ctx: WireContext, editor: FileEditor, schedule: str, trigger: str) -> Wiring:
    """`cron.schedule('0 8 * * 1', async () => {...})`: wrap the callback in place."""
    fn = ctx.fn
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
    return finish_scheduled(ctx, step_wiring(ctx, editor, ["personalizedRun"], trigger))
