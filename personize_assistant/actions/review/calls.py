"""REVIEW checks on each Personize call: failures, waits, loops, and the options sent."""

from __future__ import annotations

import re

from personize_assistant.actions.review.context import ReviewContext, frame_location
from personize_assistant.actions.review.frames import called_name
from personize_assistant.actions.review.model import Finding
from personize_assistant.actions.review.rules import check
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

# --------------------------------------------------------------------------- resilience


@check('unhandled_error', 'resilience', 'high',
       title='A Personize call has no error handling on its way to the user.',
       why='Personalization must never be the reason a feature fails: a Personize outage, a 429 or a timeout here becomes an error for the user.',
       fix='Catch the failure where the call is made, log it with the record id (not the key or content) and carry on with the unpersonalized path.',
       ts="""try {
  await $call(...);
} catch (err) {
  // Personize is an improvement, never a dependency: log and continue.
  console.warn('personize $method failed', { error: String(err) });
}""",
       py="""try:
    $call(...)
except Exception:  # Personize is an improvement, never a dependency
    logger.warning("personize $method failed", exc_info=True)""",
       per_call=True)
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


@check('blocking_request_path', 'resilience', 'medium',
       title='A request waits for Personize with no time limit.',
       why="The SDK's default timeout is 30 s and it retries: a slow Personize makes this page or API response slow for every user.",
       fix='Do not await memorize in the request (run it after responding or enqueue it); bound reads with a short timeout and fall back to nothing.',
       ts="""// Respond first; remember in the background (waitUntil/after on serverless).
void $caller(...).catch((err) => console.warn('personize failed', String(err)));""",
       py="""# Respond first; remember in the background.
background_tasks.add_task($caller, ...)  # or transaction.on_commit / a Celery task""",
       per_call=True)
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


@check('memorize_without_identifier', 'data_completeness', 'high',
       why='Personize attaches memories to a record by email, website or record id; without one the call is rejected or the memory is orphaned.',
       ts="await $call({ email: user.email, content, tags: ['source:app'] });",
       py='$call(email=user.email, content=content, tags=["source:app"])',
       per_call=True)
def memorize_without_identifier(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method != "memorize" or not call.args.lacks(*IDENTIFIERS):
        return []
    return [ctx.call_finding("memorize_without_identifier", call,
                             f"`{call.callee}` sends no email, website URL or record id.")]


@check('extraction_unspecified', 'extraction_decisions', 'low',
       title='memorize leaves AI extraction to the default.',
       why='The documented default for extraction has changed between API versions, so free text may be stored without extracted properties (or structured data extracted at a cost).',
       fix='Say what you want: enhanced true for free text (notes, transcripts, bios), false for exact values.',
       ts="await $call({ email, content, enhanced: true, tags: ['source:app'] });",
       py='$call(email=email, content=content, enhanced=True, tags=["source:app"])',
       per_call=True)
def extraction_unspecified(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method != "memorize" or not call.args.lacks(*EXTRACTION_FLAGS):
        return []
    return [ctx.call_finding("extraction_unspecified", call)]


@check('memorize_in_loop', 'rate_limits', 'medium',
       why='Each memorize is one API call; a loop of them exhausts the per-minute limit where one batch request counts once.',
       ts="""await client.memory.memorizeBatch({
  source: 'app', mapping: { entityType: 'contact', email: 'email', properties: {} }, rows,
});""",
       py="""client.memory.memorize_batch(
    source="app", mapping={"entityType": "contact", "email": "email", "properties": {}}, rows=rows,
)""",
       per_call=True)
def memorize_in_loop(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method != "memorize":
        return []
    loop_frames = [f for f in [call.frame, *call.callers]
                   if (loop := f.loop()) is not None
                   and not _per_record_pipeline(ctx, text(loop) + call.frame.function_text)]
    if not loop_frames:
        return []
    where = ", ".join(f"{f.file.path}:{f.line}" for f in loop_frames)
    return [ctx.call_finding(
        "memorize_in_loop", call, f"`{call.callee}` runs once per item in a loop ({where}).",
        [frame_location(f, "loop") for f in loop_frames if f is not call.frame])]


def _per_record_pipeline(ctx: ReviewContext, loop_text: str) -> bool:
    """The loop generates or delivers per record, and memorize records the outcome: a
    pipeline paced per record, not a bulk sync that memorizeBatch would replace."""
    if _GENERATES.search(loop_text):
        return True
    names = {c.symbol.split(".")[-1] for c in ctx.calls if c.method != "memorize" and c.symbol}
    names |= {t.symbol.split(".")[-1] for t in ctx.touchpoints(*WORK_KINDS) if t.symbol}
    return any(re.search(rf"\b{re.escape(name)}\s*\(", loop_text) for name in names)


# --------------------------------------------------------------------------- recall


@check('digest_default_budget', 'recall_quality', 'low',
       why='The default budget silently truncates context for generation or wastes tokens on quick lookups.',
       ts='await $call({ email, token_budget: 2000 });',
       py='$call(email=email, token_budget=2000)',
       per_call=True)
def digest_default_budget(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method == "smartDigest" and call.args.lacks("token_budget", "tokenBudget"):
        return [ctx.call_finding("digest_default_budget", call)]
    return []


@check('recall_without_min_score', 'recall_quality', 'low',
       title='smartRecall has no minScore.',
       why='Without a floor, weak matches fill the context with unrelated memories and the prompt cites the wrong facts.',
       fix='Pass minScore (about 0.6 for generation) so only relevant memories come back.',
       ts='await $call({ query, email, minScore: 0.6, limit: 10 });',
       py='$call(query=query, email=email, min_score=0.6, limit=10)',
       per_call=True)
def recall_without_min_score(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method == "smartRecall" and call.args.lacks("minScore", "min_score"):
        return [ctx.call_finding("recall_without_min_score", call)]
    return []


# --------------------------------------------------------------------------- generation


@check('prompt_and_instructions', 'prompt_quality', 'high',
       why='The API answers 400 validation_error, so the feature never generates.',
       ts='await $call({ instructions: [prompt, ...steps], context });',
       py='$call(instructions=[prompt, *steps], context=context)',
       per_call=True)
def prompt_and_instructions(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method == "prompt" and call.args.has("prompt") and call.args.has("instructions"):
        return [ctx.call_finding("prompt_and_instructions", call)]
    return []


@check('byok_without_key', 'prompt_quality', 'high',
       why='The API answers 400 unless openrouterApiKey is sent with model.',
       ts="await $call({ instructions, tier: 'pro' }); // or add openrouterApiKey",
       py='$call(instructions=instructions, tier="pro")  # or add openrouterApiKey',
       per_call=True)
def byok_without_key(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method == "prompt" and call.args.has("model") and call.args.lacks("openrouterApiKey", "openrouter_api_key"):
        return [ctx.call_finding("byok_without_key", call)]
    return []


@check('prompt_without_evaluation', 'prompt_quality', 'medium',
       title='ai.prompt output is used without evaluation.',
       why='Customer-facing text should be scored against criteria before it is sent; without evaluation a weak draft goes out as is.',
       fix='Pass evaluate: true (or evaluationCriteria) and skip or flag results below your threshold.',
       ts="await $call({ instructions: [...], evaluate: true, evaluationCriteria: 'specific, accurate, on-brand' });",
       py='$call(instructions=[...], evaluate=True, evaluationCriteria="specific, accurate, on-brand")',
       per_call=True)
def prompt_without_evaluation(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method != "prompt" or not call.args.lacks("evaluate", "evaluationCriteria", "evaluation_criteria"):
        return []
    if _VALIDATES.search(call.frame.function_text):
        return []  # the project checks the result itself
    return [ctx.call_finding("prompt_without_evaluation", call)]


@check('prompt_without_structure', 'prompt_quality', 'low',
       title='ai.prompt sends one free-form prompt.',
       why='A single prompt mixes research and writing; instructions[] steps and named outputs make results predictable and easy to map onto fields.',
       fix='Split the work into instructions[] and request named outputs (SUBJECT, BODY_HTML...).',
       ts="await $call({ instructions: ['Find two facts about the customer', 'Write the email'], outputs: [{ name: 'SUBJECT' }, { name: 'BODY_HTML' }] });",
       py='$call(instructions=["Find two facts about the customer", "Write the email"], outputs=[{"name": "SUBJECT"}, {"name": "BODY_HTML"}])',
       per_call=True)
def prompt_without_structure(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method == "prompt" and call.args.has("prompt") and call.args.lacks("instructions", "outputs"):
        return [ctx.call_finding("prompt_without_structure", call)]
    return []


# Governance first, memory in: guidelines and a digest before every prompt.


@check('guidelines_after_prompt', 'governance', 'high',
       title='Guidelines are fetched after the prompt that should follow them.',
       why='Governance has to be in the context when the text is written; fetching it later changes nothing.',
       fix='Move the smartGuidelines call before ai.prompt and pass its compiledContext.',
       per_call=True)
def guidelines_after_prompt(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method != "prompt" or _auto_guidelines(call):
        return []
    same_function = [c for c in _guidelines_in_file(ctx, call) if c.frame.function == call.frame.function]
    if not (same_function and all(c.line > call.line for c in same_function)):
        return []
    return [ctx.call_finding(
        "guidelines_after_prompt", call,
        f"smartGuidelines runs at line {same_function[0].line}, after the prompt at line {call.line}.")]


@check('prompt_without_guidelines', 'governance', 'high',
       title='ai.prompt runs without fetching guidelines first.',
       why='Without smartGuidelines each pipeline follows its own idea of tone, claims and forbidden topics.',
       fix='Call smartGuidelines for the task before generating and put compiledContext into the prompt context.',
       ts="""const rules = await client.ai.smartGuidelines({ message: 'tone and claims for this email', mode: 'fast' });
await $call({ context: rules.data?.compiledContext, instructions: [...] });""",
       per_call=True)
def prompt_without_guidelines(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method != "prompt" or _auto_guidelines(call) or _guidelines_in_file(ctx, call):
        return []
    return [ctx.call_finding("prompt_without_guidelines", call)]


def _auto_guidelines(call: SdkCall) -> bool:
    return call.args.has("autoGuidelines", "auto_guidelines", "governedMemory")


def _guidelines_in_file(ctx: ReviewContext, call: SdkCall) -> list[SdkCall]:
    return [c for c in ctx.calls if c.file is call.file and c.method == "smartGuidelines"]


@check('prompt_without_memory', 'recall_quality', 'high',
       title="ai.prompt runs without the customer's memory.",
       why='Generation without smartDigest is entity-blind: it cannot reference what the customer did, so the output is generic.',
       fix='Fetch smartDigest (and smartRecall for task-specific facts) before the prompt and pass them as context.',
       ts="""const digest = await client.memory.smartDigest({ email, token_budget: 2000 });
await $call({ context: digest.data?.compiledContext, instructions: [...], evaluate: true });""",
       per_call=True)
def prompt_without_memory(ctx: ReviewContext, call: SdkCall) -> list[Finding]:
    if call.method != "prompt" or any(c.method in READS for c in ctx.calls if c.file is call.file):
        return []
    if not call.args.lacks("autoRecall", "auto_recall", "context"):
        return []
    return [ctx.call_finding("prompt_without_memory", call)]
