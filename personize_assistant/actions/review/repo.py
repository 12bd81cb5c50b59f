"""REVIEW checks across the integration: keys, data coverage, loops, opportunities, rates.

These look at the Personize-calling files as a whole and at the scan's other
touchpoints, and report one grouped finding per root cause rather than one per line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from personize_assistant.actions.review.context import ReviewContext
from personize_assistant.actions.review.frames import Frame
from personize_assistant.actions.review.keys import key_handling
from personize_assistant.actions.review.model import Finding, Location
from personize_assistant.actions.review.reach import personalized, personalized_functions
from personize_assistant.actions.review.source import SdkCall, SourceFile
from personize_assistant.scan.models import Kind, Touchpoint

_COLLECTION_ID = re.compile(
    r"""(?:collectionId|collection_id|actionId|action_id)["']?\s*[:=]\s*["'][^"'\s]{4,}["']|["']col_[A-Za-z0-9]{4,}["']"""
)
_CHECKED = re.compile(r"evaluat|\bcheck\w*\(|validat|\.length\b|\blen\(|maxLength|max_length|truncat|moderat")
SEND_KINDS = (Kind.EMAIL_SEND, Kind.NOTIFICATION)
MAX_RELATED = 8

RepoCheck = Callable[[ReviewContext], list[Finding]]


def check_repo(ctx: ReviewContext) -> list[Finding]:
    return [finding for check in REPO_CHECKS for finding in check(ctx)]


# --------------------------------------------------------------------------- data


def data_coverage(ctx: ReviewContext) -> list[Finding]:
    found: list[Finding] = []
    models = [t for t in ctx.touchpoints(Kind.DATA_MODEL) if t.entity or t.symbol]
    if models and not ctx.uses("memorizeBatch", "upsert"):
        first, names = models[0], [t.entity or t.symbol or "" for t in models]
        shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
        what = (f"{len(models)} data model{'s' if len(models) != 1 else ''} ({shown}) exist but "
                "no memorizeBatch sync sends their records to Personize.")
        related = [Location(file=t.file, line=t.line, symbol=t.entity or t.symbol, note="model")
                   for t in models[1 : 1 + MAX_RELATED]]
        found.append(ctx.finding("models_not_synced", first.file, first.line,
                                 symbol=first.entity or first.symbol, what=what, related=related))
    for source in ctx.integration_sources():
        for match in _COLLECTION_ID.finditer(source.text):
            line = source.line_of(match.start())
            found.append(ctx.finding("hardcoded_collection_id", source.path, line))
    return found


def memory_reads(ctx: ReviewContext) -> list[Finding]:
    writes = ctx.calls_of("memorize", "memorizeBatch", "upsert")
    if not writes or ctx.uses("smartDigest", "smartRecall", "recall", "search", "prompt"):
        return []
    return [ctx.call_finding("memory_never_read", writes[0])]


# --------------------------------------------------------------------------- generation


def _function_key(tp: Touchpoint) -> tuple[str, str]:
    return (tp.file, tp.symbol or f"line {tp.line}")


def llm_opportunities(ctx: ReviewContext) -> list[Finding]:
    """LLM calls that write without guidelines or memory: opportunities, low severity."""
    found: list[Finding] = []
    groups: dict[tuple[str, str], list[Touchpoint]] = {}
    for tp in ctx.touchpoints(Kind.LLM_CALL):
        if tp.wraps is None:
            groups.setdefault(_function_key(tp), []).append(tp)
    for (file, symbol), tps in sorted(groups.items()):
        call = min(tps, key=lambda t: (t.end_line - t.line, -t.line))
        source = ctx.source(file)
        if source is not None and re.search(r"smartGuidelines|smart_guidelines|smartDigest|smart_digest", source.text):
            continue
        what = (f"`{symbol}` calls {call.provider or 'an LLM'} with neither smartGuidelines nor the "
                "person's smartDigest in its context.")
        found.append(ctx.finding("llm_without_governance", file, call.line, end_line=call.end_line,
                                 symbol=symbol, what=what))
    return found


def _generating_functions(ctx: ReviewContext) -> dict[tuple[str, str], int]:
    """(file, symbol) -> line of a generation: ai.prompt calls and llm_call touchpoints."""
    out: dict[tuple[str, str], int] = {}
    for call in ctx.calls_of("prompt"):
        out.setdefault((call.file.path, call.symbol or ""), call.line)
    for tp in ctx.touchpoints(Kind.LLM_CALL):
        out.setdefault(_function_key(tp), tp.line)
    return out


def generated_sends(ctx: ReviewContext) -> list[tuple[Touchpoint, int]]:
    """Sends that deliver text generated earlier in the same function, with its line."""
    generating = _generating_functions(ctx)
    out: dict[tuple[str, str], tuple[Touchpoint, int]] = {}
    for send in sorted(ctx.touchpoints(*SEND_KINDS), key=lambda t: (t.file, t.line)):
        key = _function_key(send)
        if key in generating and send.line > generating[key]:
            out.setdefault(key, (send, generating[key]))
    return list(out.values())


def ai_delivery(ctx: ReviewContext) -> list[Finding]:
    """Generated text that is sent in the same function: checked? memorized afterwards?"""
    reached = personalized_functions(ctx)
    return [f for send, line in generated_sends(ctx) if not _hands_to_personize(ctx, send, reached)
            for f in _delivery_findings(ctx, send, line)]


def _hands_to_personize(ctx: ReviewContext, send: Touchpoint, reached: set[tuple[str, str]]) -> bool:
    """The send goes through a wired wrapper, which checks and memorizes on its own."""
    target = ctx.scan.find(send.wraps) if send.wraps else None
    return target is not None and personalized(target, reached)


def _delivery_findings(ctx: ReviewContext, send: Touchpoint, generated_at: int) -> list[Finding]:
    source = ctx.source(send.file)
    frame = _send_frame(source, send) if source is not None else None
    body = frame.function_text if frame is not None else ""
    found: list[Finding] = []
    via = send.provider or send.channel or "a provider"
    if not _CHECKED.search(body):
        found.append(ctx.finding("unchecked_ai_delivery", send.file, send.line, symbol=send.symbol,
                                 what=f"Text generated at line {generated_at} is sent through {via} with no length, format or evaluation check."))
    if not _remembers_after(ctx, send, frame):
        found.append(ctx.finding("delivery_not_memorized", send.file, send.line, symbol=send.symbol,
                                 what=f"`{send.symbol}` sends generated text through {via} and never memorizes what was sent."))
    return found


def _remembers_after(ctx: ReviewContext, send: Touchpoint, frame: Frame | None) -> bool:
    """A memorize after the send: directly, through a helper that memorizes, or by ai.prompt's
    own `memorize` option."""
    same_function = [c for c in ctx.calls if c.file.path == send.file and c.symbol == send.symbol]
    if any(c.method == "prompt" and c.args.has("memorize") for c in same_function):
        return True
    if any(c.method == "memorize" and c.line > send.line for c in same_function):
        return True
    if frame is None or frame.function is None:
        return False
    start = frame.function.start_point[0] + 1
    tail = "\n".join(frame.function_text.splitlines()[send.line - start + 1 :])
    helpers = {c.symbol.split(".")[-1] for c in ctx.calls_of("memorize") if c.symbol and c.symbol != send.symbol}
    return any(re.search(rf"\b{re.escape(name)}\s*\(", tail) for name in helpers)


def _send_frame(source: SourceFile, tp: Touchpoint) -> Frame | None:
    calls = source.calls_between(tp.line, tp.line)
    return Frame(source, calls[0]) if calls else None


# --------------------------------------------------------------------------- opportunities


def untouched(ctx: ReviewContext) -> list[Finding]:
    area = ctx.meta.area("missing_opportunities")
    reached = personalized_functions(ctx)
    integration = set(ctx.integration_files)
    found: list[Finding] = []
    for kind in (Kind(k) for k in area.kinds):
        places = _distinct_functions(t for t in ctx.touchpoints(kind)
                                     if t.wraps is None and not personalized(t, reached)
                                     and t.file not in integration and not _vendored_client(ctx, t.file))
        if not places:
            continue
        first, rest = places[0], places[1:]
        what = (f"{len(places)} {kind.value} touchpoint{'s' if len(places) != 1 else ''} "
                f"({', '.join(_labels(places[:5]))}"
                f"{', …' if len(places) > 5 else ''}) {'reach' if len(places) != 1 else 'reaches'} "
                "a person without Personize.")
        related = [Location(file=t.file, line=t.line, symbol=t.symbol, note=kind.value) for t in rest[:MAX_RELATED]]
        finding = ctx.finding("untouched_touchpoint", first.file, first.line, symbol=kind.value,
                              what=what, related=related)
        # The id stays keyed by kind (one finding per kind); the report names the function.
        found.append(finding.model_copy(update={"symbol": first.symbol}))
    return found


def _vendored_client(ctx: ReviewContext, path: str) -> bool:
    """The Personize client itself (`personize_client.py`): its HTTP helpers are not
    places that reach a customer."""
    source = ctx.source(path)
    return source is not None and re.search(r"^(export )?class Personize\b", source.text, re.MULTILINE) is not None


def _labels(places: list[Touchpoint]) -> list[str]:
    """Function names, with the file where a name is ambiguous (`GET` in three routes)."""
    names = [p.symbol or "" for p in places]
    return [p.location() if not p.symbol or names.count(p.symbol) > 1 else p.symbol
            for p in places]


def _distinct_functions(tps: Iterator[Touchpoint] | list[Touchpoint]) -> list[Touchpoint]:
    by_function: dict[tuple[str, str], Touchpoint] = {}
    for tp in sorted(tps, key=lambda t: (t.file, t.line)):
        by_function.setdefault(_function_key(tp), tp)
    return list(by_function.values())


# --------------------------------------------------------------------------- rate limits


def bulk_calls(ctx: ReviewContext) -> list[SdkCall]:
    """Calls that run for many records: batches, loops, scheduled jobs."""
    jobs = {_function_key(t) for t in ctx.touchpoints(Kind.SCHEDULED_JOB)}
    return [c for c in ctx.calls if c.method == "memorizeBatch"
            or any(f.in_loop() for f in [c.frame, *c.callers])
            or (c.file.path, c.symbol or "") in jobs
            or any((f.file.path, c.symbol or "") in jobs for f in c.callers)]


def rate_limits(ctx: ReviewContext) -> list[Finding]:
    bulk = bulk_calls(ctx)
    if not bulk:
        return []
    patterns = [re.compile(p) for p in ctx.meta.area("rate_limits").look_for]
    texts = [s.text for s in ctx.integration_sources()]
    found: list[Finding] = []
    if not any(p.search(t) for p in patterns for t in texts):
        found.append(ctx.call_finding("no_rate_limit_handling", bulk[0]))
    if not ctx.uses("me"):
        found.append(ctx.call_finding("limits_not_read", bulk[0]))
    return found


# --------------------------------------------------------------------------- front matter


def anti_patterns(ctx: ReviewContext, structural: set[str]) -> list[Finding]:
    """The front matter's regex anti-patterns that have no structural check, over integration code."""
    files = {*ctx.integration_files, *(t.file for t in ctx.touchpoints(Kind.LLM_CALL))}
    found: list[Finding] = []
    for area in ctx.meta.areas:
        for pattern in area.anti_patterns:
            if pattern.id in structural:
                continue
            regex = re.compile(pattern.pattern, re.MULTILINE)
            for path in sorted(files):
                source = ctx.source(path)
                for match in regex.finditer(source.text if source is not None else ""):
                    line = source.line_of(match.start()) if source is not None else 1
                    found.append(ctx.finding(pattern.id, path, line))
    return found


REPO_CHECKS: list[RepoCheck] = [
    key_handling,
    data_coverage,
    memory_reads,
    llm_opportunities,
    ai_delivery,
    untouched,
    rate_limits,
]
