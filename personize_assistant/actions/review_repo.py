"""REVIEW checks across the integration: keys, data coverage, loops, opportunities, rates.

These look at the Personize-calling files as a whole and at the scan's other
touchpoints, and report one grouped finding per root cause rather than one per line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from tree_sitter import Node

from personize_assistant.actions.review_context import ReviewContext
from personize_assistant.actions.review_models import Finding, Location
from personize_assistant.actions.review_source import Frame, SdkCall, SourceFile
from personize_assistant.scan.extract_common import text
from personize_assistant.scan.models import Kind, Touchpoint

PERSONIZE_ENV = "PERSONIZE_SECRET_KEY"
KEY_TOKEN = re.compile(r"\b(?:sk_live_|sk_test_|pz_)[A-Za-z0-9_]{8,}")
# Where the key is handed to a client: SDK options, a Python constructor, a Bearer header.
_KEY_EXPRESSIONS = (
    re.compile(r"secretKey\s*:\s*(?P<expr>[^,}\n]+)"),
    re.compile(r"\bsecret_key\s*=\s*(?P<expr>[^,)\n]+)"),
    re.compile(r"Bearer\s*(?P<expr>[^\n]+)"),
)
_ENV_NAME = re.compile(
    r"process\.env\.(\w+)|process\.env\[\s*['\"](\w+)|import\.meta\.env\.(\w+)|"
    r"environ(?:\.get)?\s*[(\[]\s*['\"](\w+)|getenv\(\s*['\"](\w+)|\benv\(\s*['\"](\w+)|"
    r"\bsettings\.(\w+)"
)
OTHER_PROVIDERS = re.compile(
    r"OPENAI|ANTHROPIC|SENDGRID|SLACK|TWILIO|STRIPE|RESEND|POSTMARK|MAILGUN|SEGMENT|POSTHOG|"
    r"GEMINI|GOOGLE|AWS|GITHUB|HUBSPOT|SALESFORCE"
)
_UNCHECKED_KEY = re.compile(
    r"process\.env\.PERSONIZE_SECRET_KEY\s*(?:!(?!=)|as\s+string)|"
    r"os\.environ\[\s*['\"]PERSONIZE_SECRET_KEY['\"]\s*\]"
)
_PUBLIC_ENV = re.compile(r"\b(?:NEXT_PUBLIC|VITE|REACT_APP|EXPO_PUBLIC|PUBLIC)_\w*PERSONIZE\w*")
_COLLECTION_ID = re.compile(
    r"""(?:collectionId|collection_id|actionId|action_id)["']?\s*[:=]\s*["'][^"'\s]{4,}["']|["']col_[A-Za-z0-9]{4,}["']"""
)
_CHECKED = re.compile(r"evaluat|\bcheck\w*\(|validat|\.length\b|\blen\(|maxLength|max_length|truncat|moderat")
SEND_KINDS = (Kind.EMAIL_SEND, Kind.NOTIFICATION)
MAX_RELATED = 8

RepoCheck = Callable[[ReviewContext], list[Finding]]


def check_repo(ctx: ReviewContext) -> list[Finding]:
    return [finding for check in REPO_CHECKS for finding in check(ctx)]


def _files(ctx: ReviewContext) -> Iterator[SourceFile]:
    for path in ctx.integration_files:
        source = ctx.source(path)
        if source is not None:
            yield source


def _line_of(source: SourceFile, offset: int) -> int:
    return source.text.count("\n", 0, offset) + 1


# --------------------------------------------------------------------------- security


def key_handling(ctx: ReviewContext) -> list[Finding]:
    found: list[Finding] = []
    for source in _files(ctx):
        found += _literal_keys(ctx, source)
        found += _key_variables(ctx, source)
        for match in _UNCHECKED_KEY.finditer(source.text):
            found.append(ctx.finding("key_unchecked", source.path, _line_of(source, match.start()),
                                     what=_unchecked_message(source.language)))
        found += _client_side(ctx, source)
    return found


def _literal_keys(ctx: ReviewContext, source: SourceFile) -> list[Finding]:
    found: list[Finding] = []
    for match in KEY_TOKEN.finditer(source.text):
        line = _line_of(source, match.start())
        found.append(ctx.finding("hardcoded_key", source.path, line,
                                 what="A Personize key (redacted here) is a string literal in the code."))
    return found


def _key_variables(ctx: ReviewContext, source: SourceFile) -> list[Finding]:
    found: list[Finding] = []
    for pattern in _KEY_EXPRESSIONS:
        for match in pattern.finditer(source.text):
            names = [n for group in _ENV_NAME.findall(match["expr"]) for n in group if n]
            if not names or any(n.upper() == PERSONIZE_ENV for n in names):
                continue
            line, name = _line_of(source, match.start()), names[0]
            if OTHER_PROVIDERS.search(name.upper()):
                found.append(ctx.finding("shared_provider_key", source.path, line, symbol=name,
                                         what=f"The Personize client reads its key from `{name}`, another provider's variable."))
            else:
                found.append(ctx.finding("nonstandard_key_var", source.path, line, symbol=name,
                                         what=f"The Personize key is read from `{name}`, not {PERSONIZE_ENV}.",
                                         name=name))
    return found


def _unchecked_message(language: str) -> str:
    if language == "python":
        return "`os.environ[\"PERSONIZE_SECRET_KEY\"]` raises KeyError when the variable is unset."
    return ("The non-null assertion on `process.env.PERSONIZE_SECRET_KEY` hides a missing key: "
            "the client is built with `undefined`.")


def _client_side(ctx: ReviewContext, source: SourceFile) -> list[Finding]:
    head = source.text.lstrip()[:40]
    public = _PUBLIC_ENV.search(source.text)
    if not (head.startswith(("'use client'", '"use client"')) or public):
        return []
    line = _line_of(source, public.start()) if public else 1
    return [ctx.finding("client_side_call", source.path, line)]


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
    for source in _files(ctx):
        for match in _COLLECTION_ID.finditer(source.text):
            line = _line_of(source, match.start())
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
    return target is not None and _personalized(target, reached)


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


def personalizing_names(ctx: ReviewContext) -> set[str]:
    """Functions that reach Personize: those with a call, and (two levels up) the
    functions in integration files that call or hand off to them (`personalize_message`)."""
    names = {c.symbol.split(".")[-1] for c in ctx.calls if c.symbol}
    names |= {t.symbol.split(".")[-1] for t in ctx.touchpoints(Kind.PERSONIZE_CALL) if t.symbol}
    for _ in range(2):
        names |= {name for source in _files(ctx) for name, node in source.functions
                  if name not in names and calls_any(_body(node), names)}
    return names


def _body(node: Node) -> str:
    """A function's text without its signature line, so it does not mention itself."""
    return text(node).split("\n", 1)[-1]


def calls_any(code: str, names: set[str]) -> bool:
    """`name(...)` or `pool.submit(name, ...)` for one of `names`."""
    for word in set(re.findall(r"(?<![\w.$])([A-Za-z_$][\w$]*)\s*\(", code)):
        if word in names:
            return True
    handoffs = re.findall(r"\b(?:submit|run_in_executor|to_thread|create_task|add_task|Thread)\(\s*(?:None,\s*)?(?:target=)?([A-Za-z_$][\w$]*)", code)
    return any(name in names for name in handoffs)


def personalized_functions(ctx: ReviewContext) -> set[tuple[str, str]]:
    """(file, function) pairs that reach Personize, directly or through wrappers, across
    every file with touchpoints; wrapped originals count too (`_send_original`)."""
    names = personalizing_names(ctx)
    files = sorted({t.file for t in ctx.scan.touchpoints})
    reached: set[tuple[str, str]] = set()
    for _ in range(3):  # a wrapper's callers, and theirs
        for path in files:
            source = ctx.source(path)
            for name, node in source.functions if source is not None else []:
                if name in names or calls_any(_body(node), names):
                    reached.add((path, name))
        names |= {name for _, name in reached}
    originals = set()
    for path, name in reached:
        source = ctx.source(path)
        for other, node in source.functions if source is not None else []:
            if other == name:
                originals |= {(path, called) for called in re.findall(r"([A-Za-z_$][\w$]*)\s*\(", _body(node))}
    return reached | originals


def _personalized(tp: Touchpoint, reached: set[tuple[str, str]]) -> bool:
    return (tp.file, (tp.symbol or "").split(".")[-1]) in reached


def untouched(ctx: ReviewContext) -> list[Finding]:
    area = ctx.meta.area("missing_opportunities")
    reached = personalized_functions(ctx)
    found: list[Finding] = []
    for kind in (Kind(k) for k in area.kinds):
        places = _distinct_functions(t for t in ctx.touchpoints(kind)
                                     if t.wraps is None and not _personalized(t, reached))
        if not places:
            continue
        first, rest = places[0], places[1:]
        what = (f"{len(places)} {kind.value} touchpoint{'s' if len(places) != 1 else ''} "
                f"({', '.join(_labels(places[:5]))}"
                f"{', …' if len(places) > 5 else ''}) {'reach' if len(places) != 1 else 'reaches'} "
                "a person without Personize.")
        related = [Location(file=t.file, line=t.line, symbol=t.symbol, note=kind.value) for t in rest[:MAX_RELATED]]
        found.append(ctx.finding("untouched_touchpoint", first.file, first.line, symbol=kind.value,
                                 what=what, related=related))
    return found


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
    texts = [s.text for s in _files(ctx)]
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
                    line = _line_of(source, match.start()) if source is not None else 1
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
