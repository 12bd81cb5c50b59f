"""Every REVIEW check as data: id, area, severity, why it matters, the fix and a snippet.

Checks that reference/review.md's front matter names (`anti_patterns`) take their
message, fix and severity from there; the rest are defined here, grounded in
reference/wire.md's constraints. Rule ids are stable: CI tracks and suppresses them.
"""

from __future__ import annotations

from string import Template

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.review.model import AreaId, FindingSeverity
from personize_assistant.content.models.review import ReviewMeta


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    area: AreaId
    severity: FindingSeverity
    title: str
    why: str
    fix: str
    typescript: str | None = None
    python: str | None = None

    def suggestion(self, language: str | None, **values: str) -> str | None:
        template = self.typescript if language == "typescript" else self.python
        if template is None:
            return None
        return Template(template).safe_substitute(values).strip("\n")


def _rule(id: str, area: AreaId, severity: FindingSeverity, title: str, why: str, fix: str,
          ts: str | None = None, py: str | None = None) -> RuleSpec:
    return RuleSpec(id=id, area=area, severity=severity, title=title, why=why, fix=fix,
                    typescript=ts, python=py)


STATIC_RULES: list[RuleSpec] = [
    # ---------------------------------------------------------------- security
    _rule("hardcoded_key", "security", "high", "A Personize secret key is written in the code.",
          "A committed key gives anyone with the repository full read and write access to the org's memory.",
          "Revoke the key, then read it from PERSONIZE_SECRET_KEY at runtime.",
          "const client = new Personize({ secretKey: process.env.PERSONIZE_SECRET_KEY ?? '' });",
          'client = Personize(secret_key=os.environ.get("PERSONIZE_SECRET_KEY", ""))'),
    _rule("shared_provider_key", "security", "high",
          "The Personize client is given another provider's credential.",
          "Mixed-up credentials fail with 401s that are hard to attribute, and rotating one provider's key breaks the other.",
          "Give Personize its own variable, PERSONIZE_SECRET_KEY, and keep provider keys separate.",
          "secretKey: process.env.PERSONIZE_SECRET_KEY",
          'secret_key=os.environ.get("PERSONIZE_SECRET_KEY")'),
    _rule("nonstandard_key_var", "security", "low",
          "The Personize key comes from a variable other than PERSONIZE_SECRET_KEY.",
          "Every Personize recipe, CI template and deploy guide expects PERSONIZE_SECRET_KEY; another name is easy to miss when deploying.",
          "Read the key from PERSONIZE_SECRET_KEY (keep the old name as a fallback while migrating).",
          "secretKey: process.env.PERSONIZE_SECRET_KEY ?? process.env.$name",
          'secret_key=os.environ.get("PERSONIZE_SECRET_KEY") or os.environ.get("$name")'),
    _rule("key_unchecked", "security", "medium",
          "The key is assumed to be set: a missing PERSONIZE_SECRET_KEY is not handled.",
          "Without the variable (a test run, a preview deploy) the client is built with no key, so every call fails or the module throws at import and takes down every route that imports it.",
          "Read the key once; when it is missing, log a warning and skip personalization instead of asserting it exists.",
          """const key = process.env.PERSONIZE_SECRET_KEY;
// Personalization is optional: without a key the app runs unpersonalized.
export const personize = key ? new Personize({ secretKey: key, timeout: 3000 }) : null;""",
          """_key = os.environ.get("PERSONIZE_SECRET_KEY")
# Personalization is optional: without a key the app runs unpersonalized.
client = Personize(secret_key=_key) if _key else None"""),
    _rule("client_side_call", "security", "high", "Personize is called from code that ships to the browser.",
          "Anything in a client bundle can be read by anyone, including the secret key and other customers' memory.",
          "Move the call to server code (an API route, a server action, a backend job) and call that instead.",
          "'use server'; // or an app/api route handler that calls Personize"),
    # ---------------------------------------------------------------- resilience
    _rule("unhandled_error", "resilience", "high",
          "A Personize call has no error handling on its way to the user.",
          "Personalization must never be the reason a feature fails: a Personize outage, a 429 or a timeout here becomes an error for the user.",
          "Catch the failure where the call is made, log it with the record id (not the key or content) and carry on with the unpersonalized path.",
          """try {
  await $call(...);
} catch (err) {
  // Personize is an improvement, never a dependency: log and continue.
  console.warn('personize $method failed', { error: String(err) });
}""",
          """try:
    $call(...)
except Exception:  # Personize is an improvement, never a dependency
    logger.warning("personize $method failed", exc_info=True)"""),
    _rule("blocking_request_path", "resilience", "medium",
          "A request waits for Personize with no time limit.",
          "The SDK's default timeout is 30 s and it retries: a slow Personize makes this page or API response slow for every user.",
          "Do not await memorize in the request (run it after responding or enqueue it); bound reads with a short timeout and fall back to nothing.",
          """// Respond first; remember in the background (waitUntil/after on serverless).
void $caller(...).catch((err) => console.warn('personize failed', String(err)));""",
          """# Respond first; remember in the background.
background_tasks.add_task($caller, ...)  # or transaction.on_commit / a Celery task"""),
    # ---------------------------------------------------------------- data completeness
    _rule("models_not_synced", "data_completeness", "medium",
          "Data models never reach Personize in bulk.",
          "Memory only knows what is memorized: records that are never synced leave generation blind to most of what the product knows about a customer.",
          "Sync the models with memorizeBatch (a mapping per collection, extraction only on free text); `personize-assistant schema` and `plan` write the mapping.",
          """await client.memory.memorizeBatch({
  source: 'app-db',
  mapping: { entityType: 'contact', email: 'email', properties: { /* column -> property */ } },
  rows,
});"""),
    _rule("hardcoded_collection_id", "data_completeness", "medium",
          "A collection id is hard-coded.",
          "Ids differ between orgs and environments: a pasted id writes to the wrong collection or fails in another workspace.",
          "Look the id up by name with collections.list() at startup and cache it.",
          """const { data } = await client.collections.list();
const contacts = data?.actions.find((a) => a.payload.collectionName === 'Contacts')?.payload.collectionId;""",
          """collections = client.collections.list()["data"]["actions"]
contacts = next(a["payload"]["collectionId"] for a in collections if a["payload"]["collectionName"] == "Contacts")"""),
    # ---------------------------------------------------------------- extraction
    _rule("extraction_unspecified", "extraction_decisions", "low",
          "memorize leaves AI extraction to the default.",
          "The documented default for extraction has changed between API versions, so free text may be stored without extracted properties (or structured data extracted at a cost).",
          "Say what you want: enhanced true for free text (notes, transcripts, bios), false for exact values.",
          "await $call({ email, content, enhanced: true, tags: ['source:app'] });",
          '$call(email=email, content=content, enhanced=True, tags=["source:app"])'),
    # ---------------------------------------------------------------- recall
    _rule("memory_never_read", "recall_quality", "medium",
          "Memory is written but nothing reads it back.",
          "Memorized facts only pay off when generation or the product reads them (smartDigest, smartRecall); today the writes cost calls and credits for no effect.",
          "Read the customer's digest where you personalize (an email, a dashboard, an AI call).",
          "const digest = await client.memory.smartDigest({ email, token_budget: 2000 });",
          'digest = client.memory.smart_digest(email=email, token_budget=2000)'),
    _rule("prompt_without_memory", "recall_quality", "high",
          "ai.prompt runs without the customer's memory.",
          "Generation without smartDigest is entity-blind: it cannot reference what the customer did, so the output is generic.",
          "Fetch smartDigest (and smartRecall for task-specific facts) before the prompt and pass them as context.",
          """const digest = await client.memory.smartDigest({ email, token_budget: 2000 });
await $call({ context: digest.data?.compiledContext, instructions: [...], evaluate: true });"""),
    _rule("recall_without_min_score", "recall_quality", "low",
          "smartRecall has no minScore.",
          "Without a floor, weak matches fill the context with unrelated memories and the prompt cites the wrong facts.",
          "Pass minScore (about 0.6 for generation) so only relevant memories come back.",
          "await $call({ query, email, minScore: 0.6, limit: 10 });",
          "$call(query=query, email=email, min_score=0.6, limit=10)"),
    # ---------------------------------------------------------------- governance
    _rule("prompt_without_guidelines", "governance", "high",
          "ai.prompt runs without fetching guidelines first.",
          "Without smartGuidelines each pipeline follows its own idea of tone, claims and forbidden topics.",
          "Call smartGuidelines for the task before generating and put compiledContext into the prompt context.",
          """const rules = await client.ai.smartGuidelines({ message: 'tone and claims for this email', mode: 'fast' });
await $call({ context: rules.data?.compiledContext, instructions: [...] });"""),
    _rule("guidelines_after_prompt", "governance", "high",
          "Guidelines are fetched after the prompt that should follow them.",
          "Governance has to be in the context when the text is written; fetching it later changes nothing.",
          "Move the smartGuidelines call before ai.prompt and pass its compiledContext."),
    _rule("llm_without_governance", "governance", "low",
          "An LLM call writes text with neither guidelines nor customer memory.",
          "Every AI call that writes for a person is a place governance and memory would make the output consistent and specific.",
          "Fetch smartGuidelines and the person's smartDigest and add them to the prompt, or move the call to ai.prompt; see `personize-assistant propose`.",
          """const rules = await client.ai.smartGuidelines({ message: 'summary style', mode: 'fast' });
// add rules.data?.compiledContext to the system prompt""",
          """rules = client.ai.smart_guidelines(message="summary style", mode="fast")
# add rules["data"]["compiledContext"] to the system prompt"""),
    _rule("unchecked_ai_delivery", "governance", "medium",
          "AI-written text is sent without any check.",
          "Generated messages must respect the channel's limits and be flagged for review on sensitive topics before they reach a customer.",
          "Validate the generated fields before sending (`personize-assistant check`, evaluate: true) and fall back to the original content when a check fails."),
    # ---------------------------------------------------------------- prompt quality
    _rule("prompt_without_evaluation", "prompt_quality", "medium",
          "ai.prompt output is used without evaluation.",
          "Customer-facing text should be scored against criteria before it is sent; without evaluation a weak draft goes out as is.",
          "Pass evaluate: true (or evaluationCriteria) and skip or flag results below your threshold.",
          "await $call({ instructions: [...], evaluate: true, evaluationCriteria: 'specific, accurate, on-brand' });",
          '$call(instructions=[...], evaluate=True, evaluationCriteria="specific, accurate, on-brand")'),
    _rule("prompt_without_structure", "prompt_quality", "low",
          "ai.prompt sends one free-form prompt.",
          "A single prompt mixes research and writing; instructions[] steps and named outputs make results predictable and easy to map onto fields.",
          "Split the work into instructions[] and request named outputs (SUBJECT, BODY_HTML...).",
          "await $call({ instructions: ['Find two facts about the customer', 'Write the email'], outputs: [{ name: 'SUBJECT' }, { name: 'BODY_HTML' }] });",
          '$call(instructions=["Find two facts about the customer", "Write the email"], outputs=[{"name": "SUBJECT"}, {"name": "BODY_HTML"}])'),
    # ---------------------------------------------------------------- feedback loop
    _rule("delivery_not_memorized", "feedback_loop", "medium",
          "A generated message is delivered but not memorized.",
          "The next run cannot see what was sent and repeats itself.",
          "After the send succeeds, memorize what went out (channel, subject, provider id) with a tag like generated.",
          "await client.memory.memorize({ email, content: `Sent email: $${subject}`, tags: ['generated', 'channel:email'] });",
          'client.memory.memorize(email=email, content=f"Sent email: {subject}", tags=["generated", "channel:email"])'),
    # ---------------------------------------------------------------- opportunities
    _rule("untouched_touchpoint", "missing_opportunities", "low",
          "Touchpoints that address a person are not personalized yet.",
          "These places already reach one customer at a time; memory and governance would make them specific at little cost.",
          "Rank them with `personize-assistant propose` and wire the best one with `personize-assistant wire`."),
    # ---------------------------------------------------------------- rate limits
    _rule("no_rate_limit_handling", "rate_limits", "medium",
          "Bulk Personize work has no 429 handling.",
          "A batch that ignores 429 and retryAfterSeconds burns through retries and drops records once the plan's per-minute limit is hit.",
          "Catch 429s and wait retryAfterSeconds (default 60 s) before continuing.",
          """} catch (err: any) {
  if (err?.status === 429 || err?.response?.status === 429) {
    await new Promise((r) => setTimeout(r, (err.retryAfterSeconds ?? 60) * 1000));
  } else throw err;
}""",
          """except httpx.HTTPStatusError as exc:
    if exc.response.status_code != 429:
        raise
    time.sleep(int(exc.response.json().get("retryAfterSeconds", 60)))"""),
    _rule("limits_not_read", "rate_limits", "low",
          "Batch work does not read the plan's limits from me().",
          "Hard-coded pacing is either too slow for the plan or trips 429s after an upgrade or downgrade.",
          "Call me() before the batch and size it from plan.limits.maxApiCallsPerMinute.",
          "const perMinute = (await client.me()).data?.plan.limits.maxApiCallsPerMinute ?? 60;",
          'per_minute = client.me()["data"]["plan"]["limits"]["maxApiCallsPerMinute"]'),
]

# Why the front-matter anti-patterns matter (the front matter holds message and fix).
ANTI_PATTERN_WHY: dict[str, str] = {
    "memorize_without_identifier": "Personize attaches memories to a record by email, website or record id; without one the call is rejected or the memory is orphaned.",
    "extract_everything": "Extraction on exact values wastes credits and can drift from the source of truth.",
    "digest_default_budget": "The default budget silently truncates context for generation or wastes tokens on quick lookups.",
    "hardcoded_voice": "Rules pasted into one prompt drift from every other pipeline's copy.",
    "string_cast_result": "The response is an object; casting it yields '[object Object]' or JSON noise in the message.",
    "prompt_and_instructions": "The API answers 400 validation_error, so the feature never generates.",
    "byok_without_key": "The API answers 400 unless openrouterApiKey is sent with model.",
    "memorize_in_loop": "Each memorize is one API call; a loop of them exhausts the per-minute limit where one batch request counts once.",
}
ANTI_PATTERN_SNIPPETS: dict[str, tuple[str | None, str | None]] = {
    "memorize_without_identifier": ("await $call({ email: user.email, content, tags: ['source:app'] });",
                                    '$call(email=user.email, content=content, tags=["source:app"])'),
    "digest_default_budget": ("await $call({ email, token_budget: 2000 });",
                              "$call(email=email, token_budget=2000)"),
    "memorize_in_loop": ("""await client.memory.memorizeBatch({
  source: 'app', mapping: { entityType: 'contact', email: 'email', properties: {} }, rows,
});""", """client.memory.memorize_batch(
    source="app", mapping={"entityType": "contact", "email": "email", "properties": {}}, rows=rows,
)"""),
    "prompt_and_instructions": ("await $call({ instructions: [prompt, ...steps], context });",
                                "$call(instructions=[prompt, *steps], context=context)"),
    "byok_without_key": ("await $call({ instructions, tier: 'pro' }); // or add openrouterApiKey",
                         '$call(instructions=instructions, tier="pro")  # or add openrouterApiKey'),
    "string_cast_result": ("const text = result.data?.text ?? '';", None),
}


def rules_from_meta(meta: ReviewMeta) -> dict[str, RuleSpec]:
    """All checks by id: the front matter's anti-patterns, then the built-in ones."""
    rules: dict[str, RuleSpec] = {}
    for area in meta.areas:
        for pattern in area.anti_patterns:
            ts, py = ANTI_PATTERN_SNIPPETS.get(pattern.id, (None, None))
            rules[pattern.id] = _rule(
                pattern.id, area.id, pattern.severity, pattern.message,
                ANTI_PATTERN_WHY.get(pattern.id, area.question), pattern.fix, ts, py,
            )
    for rule in STATIC_RULES:
        rules.setdefault(rule.id, rule)
    return rules
