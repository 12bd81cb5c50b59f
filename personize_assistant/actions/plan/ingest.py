"""PLAN section 1: data ingestion — client setup, key check, schema, syncs, events, schedule."""

from __future__ import annotations

from personize_assistant.actions.common.touchpoints import is_named_function
from personize_assistant.actions.plan import code_python as py
from personize_assistant.actions.plan import code_typescript as ts
from personize_assistant.actions.plan.artifact import CodeBlock, PlanStep, RateBudget
from personize_assistant.actions.plan.facts import RepoFacts
from personize_assistant.actions.schema.artifact import BatchMapping
from personize_assistant.content.models import PlanMeta
from personize_assistant.scan.models import Touchpoint

_RUN_TS = {"npm": "npx tsx", "pnpm": "pnpm tsx", "yarn": "yarn tsx", "bun": "bun run"}


def ingestion_steps(facts: RepoFacts, meta: PlanMeta, budget: RateBudget) -> list[PlanStep]:
    steps = [_install(facts), _verify(facts), _schema(facts)]
    mappings = facts.schema.mappings
    if mappings:
        steps.append(_sync(facts, meta, budget, mappings))
    steps += [_memorize_event(facts, tp) for tp in facts.webhooks[:3]]
    return steps


def run_ts(facts: RepoFacts, script: str) -> str:
    return f"{_RUN_TS.get(facts.package_manager, 'npx tsx')} {script}"


def _install(facts: RepoFacts) -> PlanStep:
    commands: list[str] = []
    code: list[CodeBlock] = []
    files: list[str] = []
    if "ts" in facts.languages:
        commands.append(facts.add_command("@personize/sdk"))
        commands.append(facts.add_command("tsx", dev=True))
        block = ts.client_module(facts)
        code.append(block)
        files.append(block.path or "")
    if "py" in facts.languages:
        commands.append("pip install 'httpx>=0.27'  # the only dependency of personize_client")
        commands.append(py.vendor_command(facts))
        files.append(f"{facts.python_package}/personize_client.py")
    commands.append(f"echo 'PERSONIZE_SECRET_KEY=sk_live_...' >> {facts.env_file()}  # never commit it")
    body = ("TypeScript uses the official `@personize/sdk`. " if "ts" in facts.languages else "")
    if "py" in facts.languages:
        body += ("Python has no official SDK: vendor `personize_client.py` (a single file, httpx only, "
                 "with 429 handling and plan-limit pacing built in) into the package. ")
    body += (f"Store the key as `PERSONIZE_SECRET_KEY` in `{facts.env_file()}` locally and in the "
             "deploy platform's secret store; keep it separate from every provider credential.")
    return PlanStep(title="Install and configure the Personize client", body=body, files=files,
                    commands=commands, code=code,
                    verify="the project still builds, and the key is in the environment, not in git "
                           "(`git grep sk_live_` finds nothing).")


def _verify(facts: RepoFacts) -> PlanStep:
    lang = facts.languages[0]
    block = ts.check_script(facts) if lang == "ts" else py.check_script(facts)
    # `-m` puts the repo root on sys.path, so `from <package>.personize_client import …` resolves.
    command = run_ts(facts, "scripts/personize-check.ts") if lang == "ts" else "python -m scripts.personize_check"
    return PlanStep(
        title="Verify the key and read the plan limits with me()",
        body=("Call `me()` first in every script: it proves the key works, names the org, and returns "
              "`plan.limits.maxApiCallsPerMinute` / `maxApiCallsPerMonth`, which size every batch and "
              "schedule below. Then `collections.list()` prints the real collection ids."),
        files=[block.path or ""], commands=[command], code=[block],
        verify="the script prints your org, plan and per-minute limit; a 401 means the key is wrong or revoked.",
    )


def _schema(facts: RepoFacts) -> PlanStep:
    rows = ["| Collection | Entity type | From | Properties | AI-extracted |", "|---|---|---|---|---|"]
    for c in facts.schema.collections:
        extracted = [p.system_name for p in c.properties if p.definition.auto_system]
        rows.append(f"| {c.collection_name} | {c.entity_type} | `{c.source_entity}` (`{c.source_file}`) | "
                    f"{len(c.properties)} | {', '.join(extracted) or '—'} |")
    excluded = ", ".join(f"`{e.entity}.{e.field}`" for e in facts.schema.excluded if e.kind == "secret")
    body = "\n".join(rows)
    if excluded:
        body += f"\n\nNever synced (credentials): {excluded}."
    for note in facts.schema.notes:
        body += f"\n\n> **Note:** {note}"
    return PlanStep(
        title="Create the collections and properties",
        body=("The schema below comes from your data models (full spec: `personize-assistant schema .`). "
              "Create it, then look up the real ids with `collections.list()`; the sync never guesses "
              "an id.\n\n" + body),
        commands=["personize-assistant schema . -o personize-schema.md",
                  "personize-assistant schema . --create --dry-run",
                  "personize-assistant schema . --create"],
        files=["personize-schema.md"],
        verify="a second `--create` reports every collection as up to date, and the check "
               "script from the previous step lists them with their ids.",
    )


def _sync(facts: RepoFacts, meta: PlanMeta, budget: RateBudget, mappings: list[BatchMapping]) -> PlanStep:
    lang = facts.languages[0]
    enterprise = budget.tier.lower() == "enterprise"
    max_rows = meta.batch.max_rows_per_call_enterprise if enterprise else meta.batch.max_rows_per_call
    table = ["| Source | Entity | Key column | Columns | extractMemories: true |", "|---|---|---|---|---|"]
    for m in mappings:
        extracted = [p.source_field for p in m.properties if p.extract_memories]
        key = m.email_column or m.website_column
        via = f" (from `{m.key_from_owner}`)" if m.key_from_owner else ""
        table.append(f"| `{m.source_entity}` | {m.entity_type} | `{key}`{via} | {len(m.properties)} | "
                     f"{', '.join(f'`{e}`' for e in extracted) or 'none (all structured)'} |")
    code, files, command = _sync_code(facts, lang, mappings, budget, meta.batch.rows_factor, max_rows)
    body = ("One memorizeBatch run per data source, with the real column names as `sourceField` "
            "(a mismatch silently stores null). `extractMemories` is on only for free text; "
            "structured columns are stored as-is at no AI cost. Each request carries "
            f"floor(per-minute limit x {meta.batch.rows_factor}) rows (capped at {max_rows}), then waits "
            f"{meta.batch.wait_seconds} s; a 429 waits `retryAfterSeconds` and resends the same batch.\n\n"
            + "\n".join(table))
    return PlanStep(title="A memorizeBatch sync for each data source", body=body, files=files,
                    commands=[command], code=code,
                    verify="the run logs every batch as accepted; 1-2 minutes later "
                           "`smartDigest({ email })` for a known user shows the synced properties.")


def _sync_code(facts: RepoFacts, lang: str, mappings: list[BatchMapping], budget: RateBudget,
               rows_factor: float, max_rows: int) -> tuple[list[CodeBlock], list[str], str]:
    if lang == "ts":
        block = ts.sync_script(facts, mappings, budget, rows_factor, max_rows)
        return [block], [block.path or ""], run_ts(facts, "scripts/personize-sync.ts")
    person_dir = _django_app_dir(facts)
    block = py.sync_module(facts, mappings, budget, rows_factor, max_rows, main=person_dir is None)
    blocks, command = [block], f"python -m {facts.python_package}.personize_sync"
    if person_dir:
        blocks.append(py.django_command(facts, person_dir))
        command = "python manage.py personize_sync"
    return blocks, [b.path or "" for b in blocks], command


def _django_app_dir(facts: RepoFacts) -> str | None:
    """The Django app holding the first Django model (management commands live there)."""
    for c in facts.schema.collections:
        if c.source_framework == "django" and "/" in c.source_file:
            return c.source_file.rsplit("/", 1)[0]
    return None


# provider -> (display name, what its events tell generation, how to send a test event)
_EVENT_SOURCES: dict[str, tuple[str, str, str]] = {
    "stripe": ("Stripe", "payments, failed charges, cancellations and upgrades",
               "`stripe trigger invoice.payment_succeeded`"),
    "hubspot": ("HubSpot", "CRM changes such as a new lifecycle stage or owner",
                "change a property on a test contact in HubSpot"),
    "github": ("GitHub", "what the customer's team ships and reports", "redeliver a recent delivery from the webhook's settings page"),
    "shopify": ("Shopify", "orders, refunds and abandoned checkouts", "`shopify app webhook trigger`"),
    "intercom": ("Intercom", "conversations and the questions customers ask", "reply to a test conversation"),
    "slack": ("Slack", "what the customer says in shared channels", "post in a test channel"),
    "twilio": ("Twilio", "replies and delivery failures", "text the number from a test phone"),
    "paddle": ("Paddle", "payments, cancellations and plan changes", "send a test event from Paddle's notification settings"),
}


def _event_source(provider: str | None, route: str | None) -> tuple[str, str, str]:
    key = (provider or "").lower()
    if key in _EVENT_SOURCES:
        return _EVENT_SOURCES[key]
    if key:
        name = key.capitalize()
        return name, f"what happened in {name}", f"send a test event from {name}"
    target = f"`{route}`" if route else "the endpoint"
    return "incoming", "what the sending system reports", f"POST a sample event to {target}"


def _memorize_event(facts: RepoFacts, tp: Touchpoint) -> PlanStep:
    provider, what, replay = _event_source(tp.provider, tp.route)
    is_py = tp.file.endswith(".py")
    code = py.event_snippet(tp, facts, provider) if is_py else ts.event_snippet(tp, facts, provider)
    where = tp.symbol if is_named_function(tp) else tp.file
    return PlanStep(
        title=f"Memorize {provider} events in `{where}`",
        body=(f"`{tp.file}:{tp.line}` already receives {provider} events"
              f"{f' at `{tp.route}`' if tp.route else ''}. Remember each one as a memory on the customer's "
              f"record (a one-line summary, not the raw payload) so generation knows about {what}."),
        files=[tp.file], code=[code],
        verify=f"{replay}, then find the event with "
               + (f"`client.memory.smart_recall(query=\"{provider.lower()} event\", email=...)`."
                  if is_py else f"`smartRecall({{ query: '{provider.lower()} event', email }})`."),
    )
