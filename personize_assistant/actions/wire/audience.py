"""What reaches a person: WIRE personalizes a message the app writes for a person, never
an error report, a message to the team's own inbox, words a person typed, or the SMTP
fallback beside the main provider. The vocabulary is data (`audience.yaml`)."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.wire.context import WireContext, unsupported
from personize_assistant.actions.wire.parsed import split_lines
from personize_assistant.rulefiles import load_rules
from personize_assistant.scan.models import Kind, Touchpoint


class AudienceRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    error_report_name: re.Pattern[str]
    staff_calls: list[str]
    fixed_recipient: re.Pattern[str]
    typed_params: list[str]
    fallback_providers: list[str]
    log_statement: re.Pattern[str]


@cache
def audience_rules() -> AudienceRules:
    return load_rules("personize_assistant.actions.wire", "audience.yaml", AudienceRules)


def refuse_not_to_a_person(ctx: WireContext) -> None:
    """Raise with the reason when the wired send is not a message the app writes for a person."""
    why = not_to_a_person(ctx)
    if why:
        raise unsupported(ctx, f"{why}; WIRE personalizes only content the app writes for a person")


def not_to_a_person(ctx: WireContext) -> str | None:
    rules = audience_rules()
    body = "\n".join(split_lines(ctx.source.text)[ctx.fn.start_line - 1 : ctx.fn.end_line])
    staff = next((c for c in rules.staff_calls if re.search(rf"\b{re.escape(c)}\(", body)), None)
    if staff or rules.error_report_name.search(ctx.fn.name):
        return f"{ctx.qualified_name} sends an error report to the team" + (f" ({staff})" if staff else "")
    if found := rules.fixed_recipient.search(body):
        return f"{ctx.qualified_name} sends to a fixed in-house address ({found.group(0)}): it reaches the team"
    # Destructured parameters (`{ question, email }`) bind their keys.
    typed = [n for p in ctx.fn.params for n in [p.name, *p.keys] if n and n.lower() in rules.typed_params]
    if typed:
        return f"{ctx.qualified_name} passes on what a person typed ({', '.join(typed)}): their words are not rewritten"
    main = _main_provider(ctx.scan.touchpoints, ctx.touchpoint, rules)
    if main is not None:
        return (
            f"this {ctx.touchpoint.provider} send is the fallback beside {main.provider}; "
            f"wire {main.symbol or main.file} instead ({main.id}, {main.location()})"
        )
    return None


def _main_provider(touchpoints: list[Touchpoint], tp: Touchpoint, rules: AudienceRules) -> Touchpoint | None:
    """Another email provider sent from the same file, when `tp` is the SMTP fallback."""
    if (tp.provider or "").lower() not in rules.fallback_providers:
        return None
    return next(
        (
            t
            for t in touchpoints
            if t.file == tp.file
            and t.kind == Kind.EMAIL_SEND
            and t.provider
            and t.provider.lower() not in rules.fallback_providers
        ),
        None,
    )


def only_logged(ctx: WireContext, name: str, after_line: int) -> bool:
    """`name` is used after `after_line` only inside log or error-report statements."""
    lines = ctx.source.text.splitlines()[: ctx.fn.end_line]
    starts = _statement_starts(lines, after_line)
    use = re.compile(rf"(?<![\w.$]){re.escape(name)}\b")
    uses = [(n, m.start()) for n in range(after_line, len(lines)) for m in use.finditer(lines[n])]
    log = audience_rules().log_statement
    return bool(uses) and all(
        log.match(lines[starts[n]]) or _in_log_call("\n".join([*lines[starts[n] : n], lines[n][:col]]))
        for n, col in uses
    )


def _in_log_call(before: str) -> bool:
    """The text up to a use sits inside a log call's brackets: `waitUntil(log({ message }))`."""
    log, callees = audience_rules().log_statement, []
    for match in re.finditer(r"([\w$.]*)\s*([(\[{])|[)\]}]", before):
        if match.group(2):
            callees.append(match.group(1) if match.group(2) == "(" else "")
        elif callees:
            callees.pop()
    return any(c and log.match(f"{c}(") for c in callees)


def _statement_starts(lines: list[str], first: int) -> dict[int, int]:
    """For each line from `first` (0-based), the line its enclosing bracketed statement
    starts on: a multi-line `logger.error({ ..., recipient })` starts at `logger`."""
    starts: dict[int, int] = {}
    depth, start = 0, first
    for n in range(first, len(lines)):
        if depth <= 0:
            depth, start = 0, n
        starts[n] = start
        depth += sum(lines[n].count(c) for c in "([{") - sum(lines[n].count(c) for c in ")]}")
    return starts
