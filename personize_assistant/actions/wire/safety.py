"""What "ready" must not break (`safety.yaml`): security and transactional messages are
never personalized, a function that sends every email is not the target (its marketing
call sites are), and a user-context wrapper keeps what the accessor returns."""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePosixPath

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.wire.context import HTTP_VERBS, WireContext, lines_of, unsupported
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.rulefiles import load_rules
from personize_assistant.scan.models import Kind, Touchpoint


class SafetyRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    security_words: list[str]
    not_an_object_type: re.Pattern[str]
    returns_response: re.Pattern[str]
    writes_response: re.Pattern[str]
    returned_call: re.Pattern[str]
    recipient_expression: re.Pattern[str]
    fixed_shape_functions: list[str]
    typed_input: re.Pattern[str]
    sensitive_webhook_sources: dict[str, list[str]]


@cache
def safety_rules() -> SafetyRules:
    return load_rules("personize_assistant.actions.wire", "safety.yaml", SafetyRules)


# --------------------------------------------------------------------------- security messages

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`")


def _words(text: str) -> str:
    """`sendEmailOtpVerification` / `send-email_otp` -> `send email otp ...`, lowercase."""
    return " ".join(w.lower() for w in re.split(r"[^A-Za-z0-9]+", _CAMEL.sub(" ", text)) if w)


def security_word(text: str) -> str | None:
    """The security vocabulary's first word or phrase found in `text`, as whole words."""
    flat = f" {_words(text)} "
    return next((w for w in safety_rules().security_words if f" {w} " in flat), None)


def _security_of(touchpoint: Touchpoint) -> str | None:
    for text in (touchpoint.symbol or "", PurePosixPath(touchpoint.file).stem, touchpoint.evidence):
        if found := security_word(text):
            return found
    return None


def security_reason(ctx: WireContext) -> str | None:
    """Why the wired send is a security or transactional message (or sends them), judged by
    its name, its file's name, the text it writes (subjects, template names) and its callers."""
    dispatched = dispatcher_reason(ctx) or typed_at_call_site(ctx)
    if dispatched:
        return dispatched
    body = "\n".join(lines_of(ctx))
    named = [("its name", ctx.fn.name), ("its file", PurePosixPath(ctx.source.path).stem)]
    # Literals of two words or more: subjects, sentences, template names (`password-reset`),
    # not the keys of a lookup (`data["password"]`) nor addresses and URLs.
    prose = [s for s in _STRING.findall(body) if len(_words(s).split()) > 1 and not re.search(r"@|://", s)]
    for where, text in [*named, *(("its text", s) for s in prose)]:
        if found := security_word(text):
            return (
                f"{ctx.qualified_name} sends a security or transactional message ({found!r} in {where}): "
                "one-time codes, sign-in links, verification and password mails go out exactly as written"
            )
    return None


def typed_at_call_site(ctx: WireContext) -> str | None:
    """A caller passes what a person typed (`subject=self.cleaned_data["subject"]`)."""
    own = (ctx.touchpoint.file, ctx.touchpoint.symbol)
    ids = {t.id for t in ctx.scan.touchpoints if (t.file, t.symbol) == own}
    for caller in (t for t in ctx.scan.touchpoints if t.wraps in ids):
        text = read_repo_file(ctx.root, caller.file, MAX_REPO_FILE_BYTES)
        if isinstance(text, Refusal):
            continue
        call = "\n".join(text.splitlines()[caller.line - 1 : caller.end_line])
        if found := safety_rules().typed_input.search(call):
            return (
                f"{caller.symbol or caller.file} ({caller.location()}) passes what a person typed "
                f"({found.group(0)}) to {ctx.qualified_name}: their words are not rewritten"
            )
    return None


def dispatcher_reason(ctx: WireContext) -> str | None:
    """A send every email goes through, security ones included: point at the others."""
    callers = _callers(ctx)
    security = [t for t in callers if _security_of(t)]
    if not security:
        return None
    others = [t for t in callers if t not in security]
    shown = ", ".join(f"{t.symbol or t.file} ({t.id}, {t.location()})" for t in others[:5])
    return (
        f"{ctx.qualified_name} sends every email of {len(callers)} call sites, security ones included "
        f"({', '.join(sorted({t.symbol or t.file for t in security})[:3])}); personalize the marketing or "
        "lifecycle sends at their call sites instead" + (f": {shown}" if shown else "")
    )


_DELIVERY = (Kind.EMAIL_SEND, Kind.NOTIFICATION)
# How far callers are followed through the repo's own helpers (sendEmail -> sendViaSmtp).
_HELPER_DEPTH = 3


def _callers(ctx: WireContext) -> list[Touchpoint]:
    """Sends elsewhere that reach this function, through the repo's own helpers too: the
    scan's `wraps` links, or (where the scan has none) their code calling it by name."""
    sends = [t for t in ctx.scan.touchpoints if t.kind in _DELIVERY]
    found: list[Touchpoint] = []
    reached = frontier = {(ctx.touchpoint.file, ctx.touchpoint.symbol)}
    for _ in range(_HELPER_DEPTH):
        ids = {t.id for t in sends if (t.file, t.symbol) in frontier}
        calls = [_call(symbol) for _, symbol in frontier if symbol]
        step = [
            t for t in sends
            if (t.file, t.symbol) not in reached
            and (t.wraps in ids or (t.wraps is None and any(c.search(t.evidence) for c in calls)))
        ]
        found.extend(step)
        frontier = {(t.file, t.symbol) for t in step}
        reached = reached | frontier
    # The helpers on the way (sendRenderedEmail) are not where a message is written.
    wrapped = {t.wraps for t in found}
    helpers = {(t.file, t.symbol) for t in sends if t.id in wrapped}
    return [t for t in {t.id: t for t in found}.values() if (t.file, t.symbol) not in helpers]


def _call(symbol: str) -> re.Pattern[str]:
    """A call of the function `symbol` names; a Celery task is also called through its
    methods (`mail_send_task.apply_async(...)`)."""
    name = re.escape(symbol.rsplit(".", 1)[-1])
    return re.compile(rf"(?<![\w$]){name}(?:\.(?:delay|apply_async|s|si))?\(")


# --------------------------------------------------------------------------- user context


def context_return_reason(ctx: WireContext) -> str | None:
    """Why `withPersonalization` cannot wrap what this accessor returns, if it cannot."""
    fn, rules = ctx.fn, safety_rules()
    body = "\n".join(lines_of(ctx))
    if fn.name in HTTP_VERBS or rules.returns_response.search(body) or rules.writes_response.search(body):
        return (
            f"{ctx.qualified_name} answers the request (it returns or writes a response), and a response "
            "cannot carry the digest; wire the accessor it reads the signed-in user from"
        )
    if fn.name in rules.fixed_shape_functions:
        return f"{ctx.qualified_name} returns what the framework expects in a fixed shape; extra keys would break it"
    if not _returns_value(ctx, body):
        return f"{ctx.qualified_name} returns nothing (it checks or throws), so there is no user object to add the digest to"
    primitive = _non_object(fn.return_type)
    if primitive is not None:
        return f"{ctx.qualified_name} returns {primitive}, not a user object the digest can be added to"
    if not returns_promise(ctx) and fn.return_type is None and _returned_call(ctx, body):
        return (
            f"{ctx.qualified_name} returns what another call returns, which may be a Promise; declare its "
            "return type (or make it async) so the wrapper can await it"
        )
    return None


def returns_promise(ctx: WireContext) -> bool:
    return ctx.fn.is_async or (ctx.fn.return_type or "").startswith("Promise<")


def _non_object(return_type: str | None) -> str | None:
    if return_type is None:
        return None
    inner = re.sub(r"^Promise<(.*)>$", r"\1", return_type.strip(), flags=re.DOTALL)
    members = [m.strip() for m in inner.split("|") if m.strip() not in ("null", "undefined", "")]
    pattern = safety_rules().not_an_object_type
    return next((m for m in members if pattern.fullmatch(m)), None)


def _returns_value(ctx: WireContext, body: str) -> bool:
    """An expression-bodied arrow, or a `return` with a value somewhere in the body."""
    arrow = re.search(r"=>\s*(\S)", body) if ctx.fn.form == "arrow" else None
    return bool(arrow and arrow.group(1) != "{") or bool(re.search(r"\breturn\s+[^;\s}]", body))


def _returned_call(ctx: WireContext, body: str) -> bool:
    """The function returns a call's value: `() => getSession(opts)` or `return load(id)`."""
    expression = ctx.body.return_expression
    if expression is None and ctx.fn.form == "arrow":
        arrow = re.search(r"=>\s*(.*)", body, re.DOTALL)
        expression = arrow.group(1) if arrow and not arrow.group(1).startswith("{") else None
    return expression is not None and bool(safety_rules().returned_call.match(expression.strip()))


def refuse_sensitive_webhook(ctx: WireContext) -> None:
    """A raw event body from a KYC or payment provider holds what SCHEMA keeps out of memory."""
    said = f" {_words(' '.join(filter(None, (ctx.provider, ctx.touchpoint.route, ctx.source.path))))} "
    for category, senders in safety_rules().sensitive_webhook_sources.items():
        if sender := next((s for s in senders if f" {s} " in said), None):
            raise unsupported(ctx, f"{sender} events carry {category}: memorizing the raw body would store it; "
                                   "remember the fields you choose instead (the plan's event mapping)")


def refuse_security(ctx: WireContext) -> None:
    if why := security_reason(ctx):
        raise unsupported(ctx, f"{why}; WIRE leaves it unchanged")


def body_recipient(ctx: WireContext) -> str | None:
    """The recipient the send names in its body, when it is reached from a parameter."""
    params = {p.name for p in ctx.fn.params if p.kind == "plain" and p.name}
    for match in safety_rules().recipient_expression.finditer("\n".join(lines_of(ctx))):
        if re.split(r"\??\.", match.group(1))[0] in params:
            return match.group(1)
    return None
