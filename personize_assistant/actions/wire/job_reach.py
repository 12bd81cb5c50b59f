"""What a scheduled job delivers: the sends it reaches, so a job that only cleans up or
aggregates is not offered a personalized run (there would be nothing to personalize).

A job reaches a send that is inside its body, inside a function of its own file it calls
(followed to any depth: `withCron(() => handlePost(req))`), or inside a function elsewhere
in the repo it calls by name, as the scan saw it (the send's enclosing symbol).
"""

from __future__ import annotations

import re

from personize_assistant.actions.common.touchpoints import reaches_people
from personize_assistant.actions.wire.context import WireContext, delivery_targets, unsupported
from personize_assistant.actions.wire.parsed import split_lines
from personize_assistant.actions.wire.source import FunctionInfo
from personize_assistant.scan.models import Touchpoint

DELIVERY_KINDS = ("email_send", "notification")
# Posts to a team's channel (a Slack alert, a log hook) or to another system (a queue, an
# outgoing webhook) reach no one a run could personalize for: a job doing only that is
# bookkeeping. Channels are the scan's contract (`Channel` in scan/models.py).
_TEAM_CHANNELS = ("slack", "webhook_out")
# A call: a name right before `(` (`sendEmail(`, `await this.notify(`, `task.delay(`).
_CALL = re.compile(r"([A-Za-z_$][\w$]*)\s*\(")


def job_deliveries(ctx: WireContext) -> list[Touchpoint]:
    """The delivery touchpoints the wired job reaches, in scan order."""
    sends = [t for t in ctx.scan.touchpoints if t.kind.value in DELIVERY_KINDS and _to_a_person(ctx, t)]
    by_enclosing = _by_enclosing_name(sends)
    local = _functions_by_name(ctx)
    reached: dict[str, Touchpoint] = {}
    queue, seen = [ctx.fn], {(ctx.fn.start_line, ctx.fn.end_line)}
    while queue:
        fn = queue.pop()
        reached |= {t.id: t for t in _inside(sends, ctx.source.path, fn)}
        for name in _called_names(ctx, fn):
            reached |= {t.id: t for t in by_enclosing.get(name, []) if t.file != ctx.source.path}
            for callee in local.get(name, []):
                if (callee.start_line, callee.end_line) not in seen:
                    seen.add((callee.start_line, callee.end_line))
                    queue.append(callee)
    order = {t.id: i for i, t in enumerate(ctx.scan.touchpoints)}
    return sorted(reached.values(), key=lambda t: order[t.id])


def sends_inside(ctx: WireContext) -> list[Touchpoint]:
    """The sends written in the job's own body (what its note asks to wire first)."""
    return [t for t in _inside(ctx.scan.touchpoints, ctx.source.path, ctx.fn) if t.kind.value in DELIVERY_KINDS]


def _to_a_person(ctx: WireContext, send: Touchpoint) -> bool:
    """The send, followed through the repo's helpers to what finally delivers, goes to a person."""
    final = delivery_targets(ctx, [send])[0]
    return reaches_people(final) and final.channel not in _TEAM_CHANNELS and send.channel not in _TEAM_CHANNELS


def _inside(sends: list[Touchpoint], path: str, fn: FunctionInfo) -> list[Touchpoint]:
    return [t for t in sends if t.file == path and fn.start_line <= t.line <= fn.end_line]


def _by_enclosing_name(sends: list[Touchpoint]) -> dict[str, list[Touchpoint]]:
    """Sends by the last part of the function they are in (`Mailer.sendDigest` -> `sendDigest`)."""
    found: dict[str, list[Touchpoint]] = {}
    for send in sends:
        if send.symbol:
            found.setdefault(send.symbol.rsplit(".", 1)[-1], []).append(send)
    return found


def _functions_by_name(ctx: WireContext) -> dict[str, list[FunctionInfo]]:
    found: dict[str, list[FunctionInfo]] = {}
    for fn in ctx.writer.functions(ctx.source):
        found.setdefault(fn.name.rsplit(".", 1)[-1], []).append(fn)
    return found


def _called_names(ctx: WireContext, fn: FunctionInfo) -> set[str]:
    # The body only: the header's own name (`def run_daily(`) is no call.
    lines = split_lines(ctx.source.text)[max(fn.body_line, fn.header_line) - 1 : fn.end_line]
    return {m.group(1) for m in _CALL.finditer("\n".join(lines))} - {fn.name.rsplit(".", 1)[-1]}


def refuse_no_delivery(ctx: WireContext) -> None:
    """A job that reaches no send (clean-up, aggregation, a page that only looks like a job)
    gains nothing from a personalized run: list it as not ready, with that reason."""
    if not job_deliveries(ctx):
        raise unsupported(
            ctx,
            f"{ctx.qualified_name or 'this job'} delivers nothing: no email or notification is sent "
            "inside it or in the functions it calls (clean-up, aggregation or bookkeeping), so a "
            "personalized run would have nothing to personalize",
        )
