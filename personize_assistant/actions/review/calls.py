"""REVIEW checks on each Personize call: failures, waits, loops, and the options sent."""

from __future__ import annotations

import re
from collections.abc import Callable

from personize_assistant.actions.review.context import ReviewContext, frame_location
from personize_assistant.actions.review.frames import called_name
from personize_assistant.actions.review.model import Finding
from personize_assistant.actions.review.source import SdkCall
from personize_assistant.scan.extract_common import text
from personize_assistant.scan.models import Kind

IDENTIFIERS = ("email", "website_url", "websiteUrl", "record_id", "recordId", "recordID")
EXTRACTION_FLAGS = ("enhanced", "extractMemories", "extract_memories")
READS = ("smartDigest", "smartRecall", "recall", "search")
# Evidence that a wait is bounded: an explicit timeout or a race against a timer.
_TIMEOUT = re.compile(r"AbortSignal\.timeout|Promise\.race|withTimeout|\btimeout\s*[:=(]|"
                      r"asyncio\.wait_for|wait_for\(|signal\s*:")
_CLIENT_TIMEOUT = re.compile(r"Personize\w*\s*\((?:[^()]|\([^()]*\))*\btimeout\b")

_GENERATES = re.compile(r"\.(?:prompt|smartDigest|smart_digest|smartRecall|smart_recall|smartGuidelines|smart_guidelines)\(")
# The result goes through the project's own checks (`_checked(...)`, `validate_email(...)`).
_VALIDATES = re.compile(r"\b_?(?:check|validate)\w*\(")
WORK_KINDS = (Kind.EMAIL_SEND, Kind.NOTIFICATION, Kind.LLM_CALL)

_STANDALONE = re.compile(
    r"^if __name__ == ['\"]__main__['\"]:|^class Command\(BaseCommand\):|^(?:if \()?require\.main === module",
    re.MULTILINE,
)

CallCheck = Callable[[ReviewContext, SdkCall], list[Finding]]


def check_calls(ctx: ReviewContext) -> list[Finding]:
    return [finding for call in ctx.calls for check in CALL_CHECKS for finding in check(ctx, call)]


# --------------------------------------------------------------------------- resilience


def error_handling(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.frame.protected():
        return []
    exposed = [f for f in call.frames() if not f.protected() and not f.handled_upstream()]
    if not exposed:
        return []
    in_request = any(f.request_handler() for f in exposed)
    if not in_request and _STANDALONE.search(call.file.text):
        # A sync command or script: nobody waits on it, and stopping with a non-zero exit
        # (so cron or CI notices) is the right response to a Personize failure.
        return []
    what = f"`{call.callee}` is not in a try/catch"
    if call.callers:
        sites = ", ".join(f"{f.file.path}:{f.line}" for f in exposed)
        what += f", and neither is the call to `{call.symbol}` from {sites}"
    if in_request:
        what += ": a Personize failure becomes an error response for the user."
    elif _nobody_calls(call):
        what += f", and no caller of `{call.symbol}` was found in the repo: each caller must catch Personize failures."
    else:
        what += ": a Personize failure stops the code that called it."
    related = [frame_location(f, "unguarded caller") for f in exposed if f is not call.frame]
    severity = "high" if in_request else ("low" if _nobody_calls(call) else "medium")
    return [ctx.call_finding("unhandled_error", call, what, related, severity=severity)]


def _nobody_calls(call: SdkCall) -> bool:
    """An exported helper whose callers are outside the repo (a library, a channel module)."""
    fn = call.frame.function
    if call.callers or fn is None or not call.symbol:
        return False
    name = call.symbol.split(".")[-1]
    return not any(called_name(node) == name for node in call.file.calls)


def request_wait(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if _bounded(ctx, call) or call.method in ("me", "test"):
        return []
    waiting = [f for f in call.frames() if f.request_handler() and f.blocking()
               and not _TIMEOUT.search(f.function_text)]
    if not waiting:
        return []
    sites = ", ".join(f"{f.file.path}:{f.line}" for f in waiting)
    verb = "memorize" if call.method in ("memorize", "memorizeBatch") else call.method
    what = f"The request handler at {sites} waits for `{verb}` with no timeout before it responds."
    if verb == "memorize":
        what += " Memorize is asynchronous on the server anyway; nothing needs its result now."
    caller = call.symbol or call.callee if call.callers else call.callee
    related = [frame_location(f, "waits here") for f in waiting if f is not call.frame]
    return [ctx.call_finding("blocking_request_path", call, what, related, caller=caller)]


def _bounded(ctx: ReviewContext, call: SdkCall) -> bool:
    """A timeout on the call, or on a client constructed in the call's file or any other
    file that sets up the Personize client (`lib/personize.ts`)."""
    if call.args.has("timeout", "signal") or _CLIENT_TIMEOUT.search(call.file.text):
        return True
    if "client_timeout" not in ctx.memo:
        sources = (ctx.source(path) for path in ctx.client_files)
        ctx.memo["client_timeout"] = any(_CLIENT_TIMEOUT.search(s.text) for s in sources if s is not None)
    return bool(ctx.memo["client_timeout"])


# --------------------------------------------------------------------------- data


def memorize_options(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method != "memorize":
        return []
    found: list[Finding] = []
    if call.args.lacks(*IDENTIFIERS):
        found.append(ctx.call_finding(
            "memorize_without_identifier", call,
            f"`{call.callee}` sends no email, website URL or record id."))
    if call.args.lacks(*EXTRACTION_FLAGS):
        found.append(ctx.call_finding("extraction_unspecified", call))
    loop_frames = [f for f in [call.frame, *call.callers]
                   if (loop := f.loop()) is not None
                   and not _per_record_pipeline(ctx, text(loop) + call.frame.function_text)]
    if loop_frames:
        where = ", ".join(f"{f.file.path}:{f.line}" for f in loop_frames)
        found.append(ctx.call_finding(
            "memorize_in_loop", call, f"`{call.callee}` runs once per item in a loop ({where}).",
            [frame_location(f, "loop") for f in loop_frames if f is not call.frame]))
    return found


def _per_record_pipeline(ctx: ReviewContext, loop_text: str) -> bool:
    """The loop generates or delivers per record, and memorize records the outcome: a
    pipeline paced per record, not a bulk sync that memorizeBatch would replace."""
    if _GENERATES.search(loop_text):
        return True
    names = {c.symbol.split(".")[-1] for c in ctx.calls if c.method != "memorize" and c.symbol}
    names |= {t.symbol.split(".")[-1] for t in ctx.touchpoints(*WORK_KINDS) if t.symbol}
    return any(re.search(rf"\b{re.escape(name)}\s*\(", loop_text) for name in names)


# --------------------------------------------------------------------------- recall


def recall_options(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method == "smartDigest" and call.args.lacks("token_budget", "tokenBudget"):
        return [ctx.call_finding("digest_default_budget", call)]
    if call.method == "smartRecall" and call.args.lacks("minScore", "min_score"):
        return [ctx.call_finding("recall_without_min_score", call)]
    return []


# --------------------------------------------------------------------------- generation


def prompt_options(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method != "prompt":
        return []
    args, found = call.args, []
    if args.has("prompt") and args.has("instructions"):
        found.append(ctx.call_finding("prompt_and_instructions", call))
    if args.has("model") and args.lacks("openrouterApiKey", "openrouter_api_key"):
        found.append(ctx.call_finding("byok_without_key", call))
    if args.lacks("evaluate", "evaluationCriteria", "evaluation_criteria") and not _VALIDATES.search(call.frame.function_text):
        found.append(ctx.call_finding("prompt_without_evaluation", call))
    if args.has("prompt") and args.lacks("instructions", "outputs"):
        found.append(ctx.call_finding("prompt_without_structure", call))
    return found


def prompt_context(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    """Governance first, memory in: guidelines and a digest before every prompt."""
    if call.method != "prompt":
        return []
    found: list[Finding] = []
    same_file = [c for c in ctx.calls if c.file is call.file]
    guidelines = [c for c in same_file if c.method == "smartGuidelines"]
    same_function = [c for c in guidelines if c.frame.function == call.frame.function]
    if call.args.has("autoGuidelines", "auto_guidelines", "governedMemory"):
        pass
    elif same_function and all(c.line > call.line for c in same_function):
        found.append(ctx.call_finding(
            "guidelines_after_prompt", call,
            f"smartGuidelines runs at line {same_function[0].line}, after the prompt at line {call.line}."))
    elif not guidelines:
        found.append(ctx.call_finding("prompt_without_guidelines", call))
    has_memory = any(c.method in READS for c in same_file)
    if not has_memory and call.args.lacks("autoRecall", "auto_recall", "context"):
        found.append(ctx.call_finding("prompt_without_memory", call))
    return found


CALL_CHECKS: list[CallCheck] = [
    error_handling,
    request_wait,
    memorize_options,
    recall_options,
    prompt_options,
    prompt_context,
]
