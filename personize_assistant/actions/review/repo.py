"""REVIEW checks across the integration: keys, data coverage, loops, opportunities, rates.

These look at the Personize-calling files as a whole and at the scan's other
touchpoints, and report one grouped finding per root cause rather than one per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Imported first so the key checks register (and run) before these.
from personize_assistant.actions.review import keys  # noqa: F401
from personize_assistant.actions.review.context import ReviewContext
from personize_assistant.actions.review.frames import Frame
from personize_assistant.actions.review.model import Finding, Location
from personize_assistant.actions.review.reach import personalized, personalized_functions
from personize_assistant.actions.review.rules import check
from personize_assistant.actions.review.source import SdkCall, SourceFile
from personize_assistant.scan.models import Kind, Touchpoint

_COLLECTION_ID = re.compile(
    r"""(?:collectionId|collection_id|actionId|action_id)["']?\s*[:=]\s*["'][^"'\s]{4,}["']|["']col_[A-Za-z0-9]{4,}["']"""
)
_CHECKED = re.compile(r"evaluat|\bcheck\w*\(|validat|\.length\b|\blen\(|maxLength|max_length|truncat|moderat")
SEND_KINDS = (Kind.EMAIL_SEND, Kind.NOTIFICATION)
MAX_RELATED = 8

# --------------------------------------------------------------------------- data


@check('models_not_synced', 'data_completeness', 'medium',
       title='Data models never reach Personize in bulk.',
       why='Memory only knows what is memorized: records that are never synced leave generation blind to most of what the product knows about a customer.',
       fix='Sync the models with memorizeBatch (a mapping per collection, extraction only on free text); `personize-assistant schema` and `plan` write the mapping.',
       ts="""await client.memory.memorizeBatch({
  source: 'app-db',
  mapping: { entityType: 'contact', email: 'email', properties: { /* column -> property */ } },
  rows,
});""")
def models_not_synced(ctx: ReviewContext) -> list[Finding]:
    models = [t for t in ctx.touchpoints(Kind.DATA_MODEL) if t.entity or t.symbol]
    if not models or ctx.uses("memorizeBatch", "upsert"):
        return []
    first, names = models[0], [t.entity or t.symbol or "" for t in models]
    shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
    what = (f"{len(models)} data model{'s' if len(models) != 1 else ''} ({shown}) exist but "
            "no memorizeBatch sync sends their records to Personize.")
    related = [Location(file=t.file, line=t.line, symbol=t.entity or t.symbol, note="model")
               for t in models[1 : 1 + MAX_RELATED]]
    return [ctx.finding("models_not_synced", first.file, first.line,
                        symbol=first.entity or first.symbol, what=what, related=related)]


@check('hardcoded_collection_id', 'data_completeness', 'medium',
       title='A collection id is hard-coded.',
       why='Ids differ between orgs and environments: a pasted id writes to the wrong collection or fails in another workspace.',
       fix='Look the id up by name with collections.list() at startup and cache it.',
       ts="""const { data } = await client.collections.list();
const contacts = data?.actions.find((a) => a.payload.collectionName === 'Contacts')?.payload.collectionId;""",
       py="""collections = client.collections.list()["data"]["actions"]
contacts = next(a["payload"]["collectionId"] for a in collections if a["payload"]["collectionName"] == "Contacts")""")
def hardcoded_collection_id(ctx: ReviewContext) -> list[Finding]:
    return [ctx.finding("hardcoded_collection_id", source.path, source.line_of(match.start()))
            for source in ctx.integration_sources() for match in _COLLECTION_ID.finditer(source.text)]


@check('memory_never_read', 'recall_quality', 'medium',
       title='Memory is written but nothing reads it back.',
       why='Memorized facts only pay off when generation or the product reads them (smartDigest, smartRecall); today the writes cost calls and credits for no effect.',
       fix="Read the customer's digest where you personalize (an email, a dashboard, an AI call).",
       ts='const digest = await client.memory.smartDigest({ email, token_budget: 2000 });',
       py='digest = client.memory.smart_digest(email=email, token_budget=2000)')
def memory_reads(ctx: ReviewContext) -> list[Finding]:
    writes = ctx.calls_of("memorize", "memorizeBatch", "upsert")
    if not writes or ctx.uses("smartDigest", "smartRecall", "recall", "search", "prompt"):
        return []
    return [ctx.call_finding("memory_never_read", writes[0])]


# --------------------------------------------------------------------------- generation


def _function_key(tp: Touchpoint) -> tuple[str, str]:
    return (tp.file, tp.symbol or f"line {tp.line}")


@check('llm_without_governance', 'governance', 'low',
       title='An LLM call writes text with neither guidelines nor customer memory.',
       why='Every AI call that writes for a person is a place governance and memory would make the output consistent and specific.',
       fix="Fetch smartGuidelines and the person's smartDigest and add them to the prompt, or move the call to ai.prompt; see `personize-assistant propose`.",
       ts="""const rules = await client.ai.smartGuidelines({ message: 'summary style', mode: 'fast' });
// add rules.data?.compiledContext to the system prompt""",
       py="""rules = client.ai.smart_guidelines(message="summary style", mode="fast")
# add rules["data"]["compiledContext"] to the system prompt""")
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


@check('unchecked_ai_delivery', 'governance', 'medium',
       title='AI-written text is sent without any check.',
       why="Generated messages must respect the channel's limits and be flagged for review on sensitive topics before they reach a customer.",
       fix='Validate the generated fields before sending (`personize-assistant check`, evaluate: true) and fall back to the original content when a check fails.')
def unchecked_ai_delivery(ctx: ReviewContext) -> list[Finding]:
    """Generated text sent in the same function with no length, format or evaluation check."""
    found: list[Finding] = []
    for send, generated_at, frame in _ai_deliveries(ctx):
        if not _CHECKED.search(frame.function_text if frame is not None else ""):
            found.append(ctx.finding("unchecked_ai_delivery", send.file, send.line, symbol=send.symbol,
                                     what=f"Text generated at line {generated_at} is sent through {_via(send)} with no length, format or evaluation check."))
    return found


@check('delivery_not_memorized', 'feedback_loop', 'medium',
       title='A generated message is delivered but not memorized.',
       why='The next run cannot see what was sent and repeats itself.',
       fix='After the send succeeds, memorize what went out (channel, subject, provider id) with a tag like generated.',
       ts="await client.memory.memorize({ email, content: `Sent email: $${subject}`, tags: ['generated', 'channel:email'] });",
       py='client.memory.memorize(email=email, content=f"Sent email: {subject}", tags=["generated", "channel:email"])')
def delivery_not_memorized(ctx: ReviewContext) -> list[Finding]:
    """Generated text sent in the same function and never memorized afterwards."""
    return [ctx.finding("delivery_not_memorized", send.file, send.line, symbol=send.symbol,
                        what=f"`{send.symbol}` sends generated text through {_via(send)} and never memorizes what was sent.")
            for send, _, frame in _ai_deliveries(ctx) if not _remembers_after(ctx, send, frame)]


def _ai_deliveries(ctx: ReviewContext) -> list[tuple[Touchpoint, int, Frame | None]]:
    """(send, line of the generation, the send's frame) for generated text a function sends
    itself; sends through a wired wrapper check and memorize on their own."""
    reached = personalized_functions(ctx)
    out: list[tuple[Touchpoint, int, Frame | None]] = []
    for send, line in generated_sends(ctx):
        if not _hands_to_personize(ctx, send, reached):
            source = ctx.source(send.file)
            out.append((send, line, _send_frame(source, send) if source is not None else None))
    return out


def _hands_to_personize(ctx: ReviewContext, send: Touchpoint, reached: set[tuple[str, str]]) -> bool:
    """The send goes through a wired wrapper, which checks and memorizes on its own."""
    target = ctx.scan.find(send.wraps) if send.wraps else None
    return target is not None and personalized(target, reached)


def _via(send: Touchpoint) -> str:
    return send.provider or send.channel or "a provider"


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


@check('untouched_touchpoint', 'missing_opportunities', 'low',
       title='Touchpoints that address a person are not personalized yet.',
       why='These places already reach one customer at a time; memory and governance would make them specific at little cost.',
       fix='Rank them with `personize-assistant propose` and wire the best one with `personize-assistant wire`.')
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


@check('no_rate_limit_handling', 'rate_limits', 'medium',
       title='Bulk Personize work has no 429 handling.',
       why="A batch that ignores 429 and retryAfterSeconds burns through retries and drops records once the plan's per-minute limit is hit.",
       fix='Catch 429s and wait retryAfterSeconds (default 60 s) before continuing.',
       ts="""} catch (err: any) {
  if (err?.status === 429 || err?.response?.status === 429) {
    await new Promise((r) => setTimeout(r, (err.retryAfterSeconds ?? 60) * 1000));
  } else throw err;
}""",
       py="""except httpx.HTTPStatusError as exc:
    if exc.response.status_code != 429:
        raise
    time.sleep(int(exc.response.json().get("retryAfterSeconds", 60)))""")
def no_rate_limit_handling(ctx: ReviewContext) -> list[Finding]:
    bulk = bulk_calls(ctx)
    if not bulk:
        return []
    patterns = [re.compile(p) for p in ctx.meta.area("rate_limits").look_for]
    texts = [s.text for s in ctx.integration_sources()]
    if any(p.search(t) for p in patterns for t in texts):
        return []
    return [ctx.call_finding("no_rate_limit_handling", bulk[0])]


@check('limits_not_read', 'rate_limits', 'low',
       title="Batch work does not read the plan's limits from me().",
       why='Hard-coded pacing is either too slow for the plan or trips 429s after an upgrade or downgrade.',
       fix='Call me() before the batch and size it from plan.limits.maxApiCallsPerMinute.',
       ts='const perMinute = (await client.me()).data?.plan.limits.maxApiCallsPerMinute ?? 60;',
       py='per_minute = client.me()["data"]["plan"]["limits"]["maxApiCallsPerMinute"]')
def limits_not_read(ctx: ReviewContext) -> list[Finding]:
    bulk = bulk_calls(ctx)
    if not bulk or ctx.uses("me"):
        return []
    return [ctx.call_finding("limits_not_read", bulk[0])]


# --------------------------------------------------------------------------- front matter
# Anti-patterns reference/review.md gives as a regex and no structural check replaces.


@check('extract_everything', 'extraction_decisions', 'low',
       why='Extraction on exact values wastes credits and can drift from the source of truth.')
def extract_everything(ctx: ReviewContext) -> list[Finding]:
    return front_matter_pattern(ctx, "extract_everything")


@check('hardcoded_voice', 'governance', 'medium',
       why="Rules pasted into one prompt drift from every other pipeline's copy.")
def hardcoded_voice(ctx: ReviewContext) -> list[Finding]:
    return front_matter_pattern(ctx, "hardcoded_voice")


@check('string_cast_result', 'prompt_quality', 'medium',
       why="The response is an object; casting it yields '[object Object]' or JSON noise in the message.",
       ts="const text = result.data?.text ?? '';")
def string_cast_result(ctx: ReviewContext) -> list[Finding]:
    return front_matter_pattern(ctx, "string_cast_result")


def front_matter_pattern(ctx: ReviewContext, rule_id: str) -> list[Finding]:
    """The front matter's regex for `rule_id` over integration code and LLM-calling files."""
    pattern = next(p for area in ctx.meta.areas for p in area.anti_patterns if p.id == rule_id)
    regex = re.compile(pattern.pattern, re.MULTILINE)
    files = {*ctx.integration_files, *(t.file for t in ctx.touchpoints(Kind.LLM_CALL))}
    found: list[Finding] = []
    for path in sorted(files):
        source = ctx.source(path)
        for match in regex.finditer(source.text if source is not None else ""):
            line = source.line_of(match.start()) if source is not None else 1
            found.append(ctx.finding(pattern.id, path, line))
    return found
