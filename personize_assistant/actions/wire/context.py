"""What a pattern builder gets (the touchpoint read from source) and gives back."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.parsed import identifiers
from personize_assistant.actions.wire.source import BodyShape, FileStyle, FunctionInfo, SourceFile
from personize_assistant.actions.wire.templated import template_form
from personize_assistant.codegen.helpers import HelperSettings
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import RepoScan, Touchpoint
from personize_assistant.scan.routes import HTTP_METHODS

if TYPE_CHECKING:  # the interface names the context in its signatures
    from personize_assistant.actions.wire.language import LanguageWriter


@dataclass
class WireContext:
    root: Path
    scan: RepoScan
    touchpoint: Touchpoint
    source: SourceFile
    fn: FunctionInfo
    style: FileStyle
    body: BodyShape
    settings: HelperSettings
    framework: str
    channel: str
    channel_fields: list[str]
    helper_module: str
    """How the user's file imports the helper (`./personize-wiring`, `.personize_wiring`)."""
    writer: LanguageWriter
    """The language's own pieces (renaming, imports, templates)."""

    @property
    def qualified_name(self) -> str:
        return f"{self.fn.class_name}.{self.fn.name}" if self.fn.class_name else self.fn.name

    @property
    def trigger_id(self) -> str:
        return self.qualified_name or f"{Path(self.source.path).name}:{self.fn.start_line}"

    @property
    def provider(self) -> str | None:
        return self.touchpoint.provider

    def taken_names(self) -> set[str]:
        return set(identifiers(self.source.text)) | self.body.identifiers

    def fresh(self, base: str) -> str:
        """`base`, or `base2`, `base3`... so generated locals never shadow the user's names."""
        taken = self.taken_names()
        if base not in taken:
            return base
        return next(f"{base}{n}" for n in range(2, 100) if f"{base}{n}" not in taken)

    def fresh_local(self, base: str, used: set[str]) -> str:
        """A local of a new wrapper function: it only has to differ from the names the
        wrapper's body uses (its parameters, what it calls), not from every word in the
        file, so `user` stays `user` even when the file mentions `session.user`."""
        # Parameter text, not just names: destructured parameters bind names too.
        taken = used | set(re.findall(r"[A-Za-z_$][\w$]*", " ".join(p.text for p in self.fn.params)))
        return base if base not in taken else next(f"{base}{n}" for n in range(2, 100) if f"{base}{n}" not in taken)


@dataclass
class Wiring:
    editor: FileEditor
    helper_names: list[str]
    field_mapping: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    trigger: str = ""
    other_files: dict[str, FileEditor] = field(default_factory=dict)
    """Edits of other files the wiring needs (a template that must render a new prop)."""


def unsupported(ctx: WireContext, why: str) -> UsageError:
    return UsageError(f"{ctx.touchpoint.id} ({ctx.touchpoint.location()}): {why}")


def delegate_of(ctx: WireContext, kinds: tuple[str, ...]) -> Touchpoint | None:
    """A wireable touchpoint of `kinds` in another function that this function calls."""
    lines = ctx.source.text.splitlines()[ctx.fn.start_line - 1 : ctx.fn.end_line]
    body = "\n".join(lines)
    return next(
        (
            t
            for t in ctx.scan.touchpoints
            if t.kind.value in kinds
            and t.symbol
            and t.symbol.split(".")[-1] != ctx.fn.name
            and re.search(_call_pattern(t.symbol), body)
        ),
        None,
    )


def delivery_targets(ctx: WireContext, sends: list[Touchpoint]) -> list[Touchpoint]:
    """Where to wire sends found in a job: each send followed through the repo's own
    helpers (`wraps`) to the function that finally delivers (`sendEmail`), deduplicated."""
    by_id = {t.id: t for t in ctx.scan.touchpoints}
    targets: list[Touchpoint] = []
    for send in sends:
        seen = {send.id}
        while (onward := _onward(ctx, send)) is not None and onward in by_id and onward not in seen:
            send = by_id[onward]
            seen.add(send.id)
        if send.id not in {t.id for t in targets}:
            targets.append(send)
    return targets


def _onward(ctx: WireContext, tp: Touchpoint) -> str | None:
    """The helper `tp` hands its message to: its own `wraps`, or (for a helper's
    definition) the `wraps` of a send inside its body (`sendWeeklyDigest` -> `sendEmail`)."""
    if tp.wraps:
        return tp.wraps
    inner = [
        t
        for t in ctx.scan.touchpoints
        if t.file == tp.file and t.id != tp.id and tp.line < t.line <= tp.end_line and t.wraps
    ]
    return inner[0].wraps if len({t.wraps for t in inner}) == 1 else None


def _call_pattern(symbol: str) -> str:
    """How a call to `symbol` looks: `send_mail(` for a function (not `msg.send_mail(`);
    `self.send(`, `Ticket.send(` or `ticket.send(` for the method `Ticket.send`, never
    any object's `.send(`."""
    owner, _, name = symbol.rpartition(".")
    if not owner:
        return rf"(?<![\w.$]){re.escape(name)}\("
    cls = owner.split(".")[-1]
    receivers = "|".join(re.escape(r) for r in ("self", "cls", "this", cls, cls[:1].lower() + cls[1:]))
    return rf"\b(?:{receivers})\.{re.escape(name)}\("


def no_content(ctx: WireContext, kinds: tuple[str, ...] = ("email_send", "notification")) -> UsageError:
    """The function builds no content itself: name the delivery function it calls, if wireable."""
    callee = delegate_of(ctx, kinds)
    hint = f"; wire {callee.symbol} instead ({callee.id}, {callee.location()}), which it calls" if callee else ""
    what = "content" if "email_send" in kinds else "event"
    if ctx.fn.name in HTTP_VERBS or ctx.fn.form == "inline" or takes_request(ctx):
        return unsupported(
            ctx,
            f"this is a request handler, not the {what} function"
            f"{hint or '; wire the helper it calls'}",
        )
    form = template_form("\n".join(lines_of(ctx)))
    if form is not None and "email_send" in kinds:
        # Templated sends are named as such: their props/context would carry the fields.
        return unsupported(
            ctx,
            f"{ctx.qualified_name} renders its content from {form}; templated sends are not "
            f"wired yet (the template's props or context would carry the personalized fields){hint}",
        )
    return unsupported(
        ctx,
        f"{ctx.qualified_name} passes no {'/'.join(ctx.channel_fields)} content through a "
        f"parameter or local variable{hint or _NO_CALLEE}",
    )


def lines_of(ctx: WireContext) -> list[str]:
    """The wired function's source lines."""
    return ctx.source.text.splitlines()[ctx.fn.start_line - 1 : ctx.fn.end_line]


_NO_CALLEE = (
    "; its content is written inline where it is sent: move it into parameters or "
    "variables (or wire the function that receives it)"
)
HTTP_VERBS = HTTP_METHODS


def takes_request(ctx: WireContext) -> bool:
    """A view/handler: its first parameter (after self) is the request."""
    params = [p for p in ctx.fn.params if p.name not in ("self", "cls", "this")]
    return bool(params) and params[0].name in ("request", "req")


def refuse_request_handler(ctx: WireContext, kinds: tuple[str, ...]) -> None:
    """Wrap and event mirroring target helpers, never a framework's request handler."""
    if ctx.fn.name in HTTP_VERBS or ctx.fn.form == "inline" or takes_request(ctx):
        raise no_content(ctx, kinds)


def refuse_event_caller(ctx: WireContext) -> None:
    """A function that reports through the app's own tracking helper: wire the helper."""
    callee = delegate_of(ctx, ("event_tracking",))
    if callee is not None:
        raise unsupported(
            ctx,
            f"{ctx.qualified_name} reports events through {callee.symbol}; wire "
            f"{callee.symbol} instead ({callee.id}, {callee.location()})",
        )
