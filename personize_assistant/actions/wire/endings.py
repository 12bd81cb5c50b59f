"""What every language writer does alike, written once.

The edit that ends each wrap-style pattern (rename the original, put the wrapper after it,
import the helpers), the triggers named in the generated code, the values every message
template gets (the draft, the 5 s fallback and the memorize-back are the helper's; the
template only names the trigger, channel, recipient and locals), and the notes a
pattern hands back. The language's own pieces come from `ctx.writer`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from personize_assistant.actions.wire.audience import only_logged
from personize_assistant.actions.wire.context import (
    WireContext,
    Wiring,
    delivery_targets,
    refuse_event_caller,
    refuse_request_handler,
    unsupported,
)
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.job_reach import DELIVERY_KINDS, job_deliveries, sends_inside
from personize_assistant.actions.wire.mapping import MessageMapping, map_message
from personize_assistant.actions.wire.safety import body_recipient, refuse_security
from personize_assistant.actions.wire.source import FunctionInfo, LocalAssignment, Param
from personize_assistant.actions.wire.templated import (
    TemplateChange,
    TemplateSite,
    template_notes,
    template_rules,
)
from personize_assistant.errors import UsageError

# A parameter named like this identifies the person an analytics event is about.
IDENTITY = re.compile(r"user|email|distinct|identity|person|contact", re.IGNORECASE)

NO_EMAIL_RECIPIENT = (
    "No email recipient among the parameters: generation uses the guidelines only and "
    "the delivery is not memorized (Personize identifies people by email)."
)
ACCEPTED_EVENTS_ONLY = "Only events the handler accepted (2xx) are memorized, so unverified payloads never are."
PACED_JOB = (
    "The job keeps selecting recipients and delivering; personalization happens in the "
    "wired delivery functions it calls, paced to the run's per-minute budget."
)


def wrap_send(
    ctx: WireContext,
    by_parameters: Callable[[WireContext, MessageMapping], Wiring],
    by_locals: Callable[[WireContext], Wiring],
    by_template: Callable[[WireContext], Wiring | None],
) -> Wiring:
    """WRAP a send: its content comes in through parameters (a wrapper around the
    original), is built in locals (a step right after it is built), or is rendered from a
    template (a personalized prop/context value, `None` when no template is found)."""
    refuse_request_handler(ctx, DELIVERY_KINDS)
    refuse_security(ctx)
    mapping = map_message(ctx.fn, ctx.channel_fields)
    if mapping.targets:
        wiring = by_parameters(ctx, mapping)
    elif not content_locals(ctx) and (templated := by_template(ctx)) is not None:
        wiring = templated
    else:
        wiring = by_locals(ctx)
    # Checked after the content: a send with nothing to personalize says that first.
    if map_message(ctx.fn, []).recipient_param is None:
        if body_recipient(ctx) is None:
            raise no_recipient(ctx)
        wiring.notes = [n for n in wiring.notes if n != NO_EMAIL_RECIPIENT]
    return wiring


def no_recipient(ctx: WireContext) -> UsageError:
    """A message with no person to write it for (a channel post, a log line): generation
    would have no memory to draw on and nothing could be remembered."""
    return unsupported(
        ctx,
        f"{ctx.qualified_name} has no recipient among its parameters (an email, a user or a contact), "
        "so there is no person to personalize for or remember the delivery against",
    )


def no_identity(ctx: WireContext) -> UsageError:
    return unsupported(
        ctx,
        f"{ctx.qualified_name} has no parameter naming the person the event is about (an email, a user "
        "id or a contact key), so the event cannot be remembered against anyone",
    )


def wrap_original(
    ctx: WireContext, editor: FileEditor, original: str, code: str, helpers: list[str], trigger: str
) -> Wiring:
    """Rename the original to `original`, put the wrapper `code` in its place and import the
    wiring `helpers` it calls: the edit every wrap-style pattern makes."""
    ctx.writer.edits.rename_original(ctx, editor, original)
    ctx.writer.edits.insert_wrapper(ctx, editor, code)
    ctx.writer.edits.add_import(ctx, editor, helpers)
    return Wiring(editor, helpers, trigger=trigger)


def wrapped(
    ctx: WireContext,
    original: str,
    template: str,
    helpers: list[str],
    trigger: str,
    field_mapping: dict[str, str],
    note: str | None,
    /,
    **values: object,
) -> Wiring:
    """A wrapper from the language's `template` around the renamed original, with the
    mapping and note the pattern hands back (`values` fill the template)."""
    code = ctx.writer.edits.render(ctx, template, ctx.fn.indent, trigger=trigger, **values)
    wiring = wrap_original(ctx, FileEditor(ctx.source.text), original, code, helpers, trigger)
    wiring.field_mapping = field_mapping
    wiring.notes.extend([note] if note else [])
    return wiring


def step_wiring(
    ctx: WireContext,
    editor: FileEditor,
    helpers: list[str],
    trigger: str,
    field_mapping: dict[str, str] | None = None,
    note: str | None = None,
) -> Wiring:
    """A step inserted into the function (no wrapper): import what it calls."""
    ctx.writer.edits.add_import(ctx, editor, helpers)
    return Wiring(editor, helpers, field_mapping=field_mapping or {}, notes=[note] if note else [], trigger=trigger)


def refuse_event_wrap(ctx: WireContext) -> None:
    """Mirror the app's tracking helper, never a handler or a caller of that helper."""
    refuse_request_handler(ctx, ("event_tracking",))
    refuse_event_caller(ctx)


def mirror_event(
    ctx: WireContext, original: str, helper: str, content: str, note: str, /, **values: object
) -> Wiring:
    """The event-mirror wrapper: the original call first, then the event memorized against
    `values["recipient"]` (the identity parameter)."""
    recipient = str(values["recipient"])
    return wrapped(
        ctx,
        original,
        "event",
        [helper],
        event_trigger(ctx),
        {"email": recipient, "content": content},
        note,
        name=ctx.qualified_name,
        trigger_id=ctx.trigger_id,
        source=event_source(ctx),
        outcome=ctx.fresh("outcome"),
        **values,
    )


# --------------------------------------------------------------------------- triggers


def wrap_trigger(ctx: WireContext) -> str:
    return f"every call to {ctx.qualified_name}()"


def webhook_source(ctx: WireContext) -> str:
    return (ctx.provider or "webhook").lower()


def webhook_trigger(ctx: WireContext) -> str:
    route = ctx.touchpoint.route
    return f"{webhook_source(ctx)} calls {('POST ' + route) if route else 'the webhook'} ({ctx.source.path})"


def event_source(ctx: WireContext) -> str:
    return (ctx.provider or "analytics").lower()


def event_trigger(ctx: WireContext) -> str:
    return f"every {ctx.qualified_name}() analytics call ({ctx.source.path})"


def schedule_of(ctx: WireContext) -> str:
    return ctx.touchpoint.schedule or "unscheduled"


def scheduled_trigger(ctx: WireContext) -> str:
    # Without a known schedule (a management command your scheduler runs), say so plainly.
    when = f"the schedule {ctx.touchpoint.schedule}" if ctx.touchpoint.schedule else "your scheduler"
    return f"{when} runs {ctx.qualified_name or 'the job'} ({ctx.source.path})"


# --------------------------------------------------------------------------- message templates


def message_values(ctx: WireContext, recipient: str, result: str, outcome: str) -> dict[str, object]:
    """What every message template (wrapper or inline step) names: the trigger, where the
    message goes, and the locals holding Personize's answer and the send's outcome."""
    return {
        "trigger": wrap_trigger(ctx),
        "trigger_id": ctx.trigger_id,
        "channel": ctx.channel,
        "recipient": recipient,
        "result": result,
        "outcome": outcome,
        "provider": ctx.provider,
    }


def content_locals(ctx: WireContext) -> list[tuple[str, str, LocalAssignment]]:
    """(field, local name, declaration) for the body's first locals that carry content:
    the message is built inside the function, so it is personalized right after."""
    content = [a for a in ctx.body.assignments if a.value != "other"]
    # A value only logged never reaches the person: it is not the message.
    as_params = [Param(name=n, text=n) for a in content for n in a.names if not only_logged(ctx, n, a.end_line)]
    mapping = map_message(ctx.fn.model_copy(update={"params": as_params}), ctx.channel_fields)
    declared = {n: a for a in content for n in a.names}
    chosen = [(t.field, as_params[t.param_index].name) for t in mapping.targets]
    return [(field, name, declared[name]) for field, name in chosen]


def parameter_recipient(fn: FunctionInfo, mapping: MessageMapping, missing: str) -> str:
    """The parameter (or its member) the message goes to; `missing` (`None`) without one."""
    if mapping.recipient_param is None:
        return missing
    name = fn.params[mapping.recipient_param].name
    return f"{name}.{mapping.recipient_member}" if mapping.recipient_member else name


def local_recipient(ctx: WireContext, missing: str) -> str:
    """Who a message built inside the function goes to: the parameter naming them."""
    return parameter_recipient(ctx.fn, map_message(ctx.fn, ["SUBJECT"]), missing)


def mapping_text(pairs: list[tuple[str, str]]) -> str:
    """`SUBJECT -> subject, BODY -> html`: the mapping comment in the generated code."""
    return ", ".join(f"{field} -> {target}" for field, target in pairs)


def scheduled_run(ctx: WireContext, original: str, helper: str, /, **values: object) -> Wiring:
    """The scheduled-job wrapper: the original job run through `helper`, paced to the
    run's budget, with a note naming the sends inside to wire as well."""
    wiring = wrapped(
        ctx,
        original,
        "run",
        [helper],
        scheduled_trigger(ctx),
        {},
        None,
        name=ctx.qualified_name,
        trigger_id=ctx.trigger_id,
        schedule=schedule_of(ctx),
        **values,
    )
    return finish_scheduled(ctx, wiring)


# --------------------------------------------------------------------------- notes


def recipient_notes(mapping: MessageMapping) -> list[str]:
    return [NO_EMAIL_RECIPIENT] if mapping.recipient_param is None or mapping.recipient_is_phone else []


def inline_note(ctx: WireContext) -> str:
    return f"Personalization runs inside {ctx.qualified_name}, right after its content is built."


def finish_scheduled(ctx: WireContext, wiring: Wiring) -> Wiring:
    """A wired job: say where personalization happens and which of its sends to wire."""
    # The sends in its own body first; a job that sends only through its callees names those.
    inside = sends_inside(ctx) or job_deliveries(ctx)
    wiring.notes.append(PACED_JOB)
    if inside:
        targets = delivery_targets(ctx, inside)
        wiring.notes.append(
            "Wire its deliveries too: "
            + ", ".join(f"{t.symbol or t.id} ({t.id}, {t.location()})" for t in targets)
        )
    return wiring


def template_recipient(ctx: WireContext, site: TemplateSite, missing: str) -> str:
    """Who a templated send goes to: what the send names as its recipient (`to: ownerEmail`)
    when that is known before the step, else a parameter naming them (a destructured key is
    a local of that name), else a local declared before the step (`const { email } = ...`)."""
    fn, before = ctx.fn, site.statement_line
    known = {p.name for p in fn.params} | {k for p in fn.params for k in p.keys}
    known |= {n for a in ctx.body.assignments if a.end_line < before for n in a.names}
    if site.recipient is not None and set(site.recipient_names) <= known | {"self", "this"}:
        return site.recipient
    mapping = map_message(fn, ["SUBJECT"])
    if mapping.recipient_param is not None:
        if fn.params[mapping.recipient_param].kind == "destructured":
            return mapping.recipient_member or missing
        return parameter_recipient(fn, mapping, missing)
    declared = [Param(name=n, text=n) for a in ctx.body.assignments if a.end_line < before for n in a.names]
    local = map_message(fn.model_copy(update={"params": declared}), ["SUBJECT"])
    return declared[local.recipient_param].name if local.recipient_param is not None else missing


def template_wiring(
    ctx: WireContext,
    site: TemplateSite,
    change: TemplateChange,
    editors: dict[str, FileEditor],
    code: tuple[str, str],
    personalize: str,
    empty: str,
    target: str,
) -> Wiring:
    """What every templated wiring ends with: `code` (the step, the memorize-back) goes
    before the template is built and after the send (unless the send is returned), then
    the imports, the mapping onto `target`, the notes and the template's own edit."""
    editor = editors[ctx.source.path]
    step, remember_code = code
    editor.insert_after(site.statement_line - 1, step)
    remember = None if site.send_returns else ctx.writer.remember_delivery
    if remember is not None:
        editor.insert_after(site.send_line, remember_code)
    helpers = [personalize, *([remember] if remember else [])]
    rules = template_rules().personalized
    wiring = step_wiring(ctx, editor, helpers, wrap_trigger(ctx), {rules.field: target})
    wiring.notes += template_notes(ctx.qualified_name, site, change, rules.prop[ctx.writer.language], empty, remember)
    if change.path is not None and change.editor is not None:
        editors.setdefault(change.path, change.editor)
    wiring.other_files = {p: e for p, e in editors.items() if p != ctx.source.path}
    return wiring
