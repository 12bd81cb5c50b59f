"""PLAN sections 3-6 and the schedules: governance, architecture, phases, the loop."""

from __future__ import annotations

from personize_assistant.actions.common.touchpoints import (
    channel_of,
    is_named_function,
    task_name,
    with_article,
)
from personize_assistant.actions.plan import code_python as py
from personize_assistant.actions.plan import code_typescript as ts
from personize_assistant.actions.plan.artifact import CodeBlock, PlanStep, RateBudget
from personize_assistant.actions.plan.budget import budget_table
from personize_assistant.actions.plan.facts import RepoFacts
from personize_assistant.actions.plan.ingest import run_ts
from personize_assistant.actions.plan.points import key_properties
from personize_assistant.codegen.placement import ci_install
from personize_assistant.codegen.render import render
from personize_assistant.content.models import PlanMeta
from personize_assistant.scan.models import Touchpoint

SYNC_CRON = "0 3 * * *"
LOOP_CRON = "0 9 * * 1-5"

# --- governance ---------------------------------------------------------------------------

_CHANNEL_RULES = {
    "email": "Subject: plain text, at most 80 characters, its own field. Body: HTML (`<p>`, `<b>`, `<a>`, lists) with a plain-text fallback. Never open with filler like \"I hope this finds you well\".",
    "sms": "Plain text, at most 160 characters, no links unless essential, the point in the first sentence.",
    "slack": "Slack mrkdwn; at most 150 words in a DM and 300 in a channel post; links as `<url|text>`.",
    "push": "Title at most 50 characters, body at most 100; button labels of 2-3 words; absolute https or deep links.",
    "in_app": "At most 100 words, plain text or the component's format; one clear call to action.",
}


def governance_steps(facts: RepoFacts, product: str, audience: str, needs: list[str]) -> list[PlanStep]:
    channels = sorted({channel_of(tp) for tp in facts.points} & set(_CHANNEL_RULES)) or ["email"]
    guidelines = [
        ("brand-voice", f"How {facts.app} sounds",
         f"# Brand voice\n\nWhat we do: {product}\n\n- Plain, specific, friendly; short sentences.\n"
         "- Lead with the reader's outcome, not our feature.\n- No hype words, no exclamation marks, no emoji.\n"
         "- Never invent numbers, customers or promises."),
        ("ideal-customer", "Who we write for",
         f"# Ideal customer\n\n{audience}\n\n- What they are trying to get done:\n- What slows them down:\n"
         "- Words they use for the problem:"),
        ("compliance", "What must never be said",
         "# Compliance\n\n- No pricing, discounts or contract terms without human review.\n"
         "- No legal, medical or financial advice.\n- Honour opt-outs (digest and marketing flags) before any send.\n"
         + "".join(f"- {n}\n" for n in needs)),
        *[(f"{c.replace('_', '-')}-rules", f"Format rules for {c}", f"# {c} rules\n\n{_CHANNEL_RULES[c]}")
          for c in channels],
    ]
    table = ["| Guideline | Purpose |", "|---|---|", *[f"| `{n}` | {p} |" for n, p, _ in guidelines]]
    # Each draft is a file the upload script reads: edit them there, then run the script.
    drafts = [CodeBlock(language="markdown", path=f"guidelines/{name}.md", code=value.rstrip() + "\n")
              for name, _, value in guidelines]
    script = _guideline_code(facts, [(n, p, v) for n, p, v in guidelines])
    run = run_ts(facts, script.path or "") if script.language == "ts" else "python -m scripts.personize_guidelines"
    return [
        PlanStep(
            title="Write the guidelines generation must follow",
            body=("Every generation step calls `smartGuidelines` first, so these rules apply to every "
                  "channel at once and change without a deploy. Save each first draft below under "
                  "`guidelines/`, edit it with the people who own the voice and the rules, then upload "
                  "them (re-running skips the ones that exist).\n\n" + "\n".join(table)),
            files=[*(d.path or "" for d in drafts), script.path or ""],
            commands=[run],
            code=[*drafts, script],
            verify="`smartGuidelines({ message: 'welcome email' })` returns the brand voice and email rules "
                   "in `compiledContext`; revisit them monthly (stale guidelines trigger human review).",
        ),
    ]


def _guideline_code(facts: RepoFacts, guidelines: list[tuple[str, str, str]]) -> CodeBlock:
    names = [n for n, _, _ in guidelines]
    if facts.languages[0] == "py":
        return py.guidelines_script(facts, names)
    return ts.guidelines_script(facts, names)


# --- architecture -------------------------------------------------------------------------


def architecture_steps(facts: RepoFacts, budget: RateBudget, timeout_seconds: float) -> list[PlanStep]:
    senders = ", ".join(f"{tp.provider or ch} ({ch})" for ch, tp in sorted(facts.senders.items())) or "your providers"
    diagram = "\n".join([
        f"{facts.app} database ──(scheduled memorizeBatch sync)──► Personize memory",
        "webhooks / events ──(memorize)────────────────────────► Personize memory",
        f"send paths ──► smartGuidelines + smartDigest ──► ai.prompt ──► {senders}",
        "                 (timeout → original copy)        └──(memorize what was sent)──► memory",
    ])
    return [
        PlanStep(title="Where Personize sits",
                 body=("Personize is called from server code only (the key never reaches a browser or "
                       "mobile client). Your database stays the source of truth; Personize holds the "
                       "AI-readable memory and the rules.\n\n```text\n" + diagram + "\n```")),
        PlanStep(title="Caching and graceful degradation",
                 body=(f"- Cap the Personize part of any request at {timeout_seconds:g} s; past that, send the "
                       "existing copy (the helpers above return null/None).\n"
                       "- Cache `smartDigest` per user for 10-15 minutes on interactive paths (dashboards, "
                       "middleware); batch jobs fetch fresh context.\n"
                       "- Cache `smartGuidelines` per task for an hour; pass a `sessionId` in multi-step runs.\n"
                       "- Keep `PERSONIZE_SECRET_KEY` and provider credentials in separate variables."),
                 verify="with the key unset, every touched path still sends its original content."),
        PlanStep(title="Rate-limit budget",
                 body=("Calls per minute and per month for the planned volume, from the plan's limits "
                       "(read the real ones with `me()`):\n\n" + budget_table(budget)),
                 verify="after a week, compare the numbers above with the usage your scripts log."),
    ]


# --- schedules ------------------------------------------------------------------------------


def sync_schedule_step(facts: RepoFacts, sync_command: str) -> PlanStep:
    scheduler = facts.scheduler()
    if scheduler == "celery":
        return _celery_step(facts, "personize_sync", "run_sync", f"{facts.python_package}.personize_sync",
                            "Schedule the sync with Celery beat", "3", "0")
    block = _github_actions(facts, "personize-sync", SYNC_CRON, sync_command)
    reason = ("A paced sync waits a full minute between batches, longer than a serverless function may "
              "run, so it runs in GitHub Actions" if scheduler == "vercel"
              else "The repo has no job runner the sync fits, so it runs in GitHub Actions")
    return PlanStep(title="Schedule the sync", body=f"{reason}, nightly at 03:00 UTC (`{SYNC_CRON}`).",
                    files=[block.path or ""], code=[block],
                    verify="trigger the workflow by hand (`workflow_dispatch`) and read its log.")


def _github_actions(facts: RepoFacts, name: str, cron: str, command: str) -> CodeBlock:
    install = ci_install(facts.managers, facts.languages[0])
    code = render("plan/workflow.yml.j2", name=name, cron=cron, command=command,
                  node=facts.languages[0] == "ts", install=install)
    return CodeBlock(language="yaml", path=f".github/workflows/{name}.yml", code=code)


def _celery_step(facts: RepoFacts, task: str, call: str, module: str, title: str, hour: str,
                 minute: str) -> PlanStep:
    task_block = py.celery_task(facts, task, call, module)
    jobs = ", ".join(f"`{f}`" for f in list(dict.fromkeys(j.file for j in facts.jobs))[:2])
    return PlanStep(title=title,
                    body=f"The repo already runs Celery ({jobs or 'celery in the dependencies'}); add one task and a beat entry.",
                    files=[task_block.path or ""], code=[task_block, py.celery_beat(task, hour, minute)],
                    verify=f"`celery -A {facts.python_package} call {task}` runs it once; beat lists the entry.")


# --- the loop -------------------------------------------------------------------------------


def loop_steps(facts: RepoFacts, meta: PlanMeta, quick_win: Touchpoint | None,
               fields: list[str]) -> list[PlanStep]:
    return [_loop_table(facts, meta, quick_win), _loop_trigger(facts, quick_win, fields), _delivery(facts)]


def _loop_code(facts: RepoFacts, tp: Touchpoint | None, fields: list[str]) -> CodeBlock:
    task = task_name(tp) if tp else "message"
    channel = channel_of(tp) if tp else "email"
    if facts.languages[0] == "py":
        return py.loop_module(facts, tp, task, channel, fields)
    return ts.loop_script(facts, tp, task, channel, fields)


def _loop_table(facts: RepoFacts, meta: PlanMeta, tp: Touchpoint | None) -> PlanStep:
    task = task_name(tp) if tp else "message"
    sender = f"`{tp.symbol}` in `{tp.file}`" if tp and tp.symbol else "your existing send function"
    props = ", ".join(f"`{p}`" for p in key_properties(facts, 4)) or "the synced properties"
    what = {
        "observe": f"select who is due {with_article(task)} (the scheduled job's query, or `memory.search` on {props})",
        "remember": "the nightly memorizeBatch sync and memorized webhook events keep memory current",
        "recall": "`smartDigest` of the recipient (token_budget 2000); `smartRecall` for task-specific facts",
        "reason": f"`smartGuidelines` for \"{task}\": brand voice, compliance, channel rules",
        "plan": "first prompt instruction: the one goal of this message for this person",
        "decide": "skip the send when nothing new applies or the user opted out",
        "generate": "second instruction with `outputs` for the channel's fields and `evaluate: true`",
        "act": f"deliver through {sender}, unchanged except for the content",
        "update": "`memorize` what was sent (and the provider's response) on the recipient's record",
        "repeat": "the next scheduled run, or the next event",
    }
    rows = ["| # | Step | In this repo | SDK |", "|---|---|---|---|"]
    rows += [f"| {i} | {s.title} | {what[s.id]} | {', '.join(f'`{m}`' for m in s.sdk) or '—'} |"
             for i, s in enumerate(meta.loop, 1)]
    return PlanStep(title=f"The 10-step loop for the {task}",
                    body="observe → remember → recall → reason → plan → decide → generate → act → update → repeat\n\n"
                         + "\n".join(rows))


def _loop_trigger(facts: RepoFacts, tp: Touchpoint | None, fields: list[str]) -> PlanStep:
    scheduler = facts.scheduler()
    existing = facts.loop_job(tp)
    loop = _loop_code(facts, tp, fields)
    call = "run_loop()" if loop.language == "py" else "await runLoop()"
    if scheduler == "celery":
        step = _celery_step(facts, "personize_loop", "run_loop", f"{facts.python_package}.personize_loop",
                            "Trigger: a Celery beat task runs the loop", "9", "0")
        step.code.insert(0, loop)
        step.files.insert(0, loop.path or "")
        step.body += f" Connect `deliver()` in `{loop.path}` to your sender first."
        return step
    if existing is not None:
        what = f"`{existing.symbol}`" if is_named_function(existing) else f"the `{existing.symbol}` handler"
        body = (f"The repo already schedules {what} in `{existing.file}`"
                f"{f' (`{existing.schedule}`)' if existing.schedule else ''}. Call `{call}` from it (or move "
                "its recipient query into the OBSERVE step of `runLoop`), so the loop runs on the schedule you already operate.")
        return PlanStep(title="Trigger: the repo's existing scheduled job", body=body,
                        files=[loop.path or "", existing.file], code=[loop],
                        verify="run the job locally against a test user and check the delivered copy.")
    if scheduler == "vercel":
        route = f"{facts.next_app_dir()}/api/cron/personize-loop/route.ts"
        config = render("plan/vercel.json.j2", cron=LOOP_CRON)
        vercel = f"{facts.app_root()}vercel.json"
        return PlanStep(title="Trigger: a Vercel cron route", files=[loop.path or "", route, vercel],
                        code=[loop, ts.cron_route(route, loop.path or ""),
                              CodeBlock(language="json", path=vercel, code=config)],
                        verify="`curl -H \"Authorization: Bearer $CRON_SECRET\" localhost:3000/api/cron/personize-loop`.")
    if loop.language == "ts":
        runner = ts.loop_runner(facts)
        command, extra = run_ts(facts, runner.path or ""), [runner]
    else:
        command, extra = f"python -c 'from {facts.python_package}.personize_loop import run_loop; run_loop()'", []
    block = _github_actions(facts, "personize-loop", LOOP_CRON, command)
    blocks = [loop, *extra, block]
    return PlanStep(title="Trigger: a scheduled workflow", files=[b.path or "" for b in blocks], code=blocks,
                    verify="run it with `workflow_dispatch` for a test segment first.")


def _delivery(facts: RepoFacts) -> PlanStep:
    if not facts.senders:
        return PlanStep(title="Delivery", body="No send path was found: deliver through a webhook to your "
                        "own API, or add SendGrid/Slack/Twilio and keep its credentials separate.")
    rows = ["| Channel | Provider | Existing function | Pacing |", "|---|---|---|---|"]
    pacing = {"sendgrid": "≤ 1,000 recipients per request", "slack": "about 1 message per second per webhook",
              "twilio": "1 SMS per second on a long code"}
    for channel, tp in sorted(facts.senders.items()):
        provider = tp.provider or "—"
        rows.append(f"| {channel} | {provider} | `{tp.symbol or '—'}` (`{tp.file}:{tp.line}`) | "
                    f"{pacing.get(provider.lower().split('-')[0], 'per the provider docs')} |")
    return PlanStep(title="Delivery through the providers you already use",
                    body=("Personize writes the content; your existing functions deliver it. Keep their "
                          "templates as the fallback, and flag pricing, legal or financial content for "
                          "human review before it goes out.\n\n" + "\n".join(rows)))


# --- phases ---------------------------------------------------------------------------------


def phase_steps(meta: PlanMeta, extras: dict[str, list[str]]) -> list[PlanStep]:
    steps = []
    for phase in meta.phases:
        label = f"Week {phase.weeks}" if phase.weeks[0].isdigit() else phase.weeks.capitalize()
        goals = [*extras.get(phase.id, []), *phase.goals]
        steps.append(PlanStep(title=f"{label}: {phase.title}", body="\n".join(f"- {g}" for g in goals)))
    return steps
