"""PLAN: a complete implementation roadmap for this repo.

`build_plan(scan, discovery, library, options)` designs the schema (SCHEMA), reads the
repo's facts (language, scheduler, providers, touchpoints) and writes six sections in
PlanMeta's order. Anything DISCOVER has not established is filled with a stated
assumption, listed at the top of the plan. `check_plan` verifies a rendered plan covers
every `must_include` item of PlanMeta.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.actions.common.discovery import Discovery, Fact, PlanTier
from personize_assistant.actions.common.focus import Focus, FocusDecisions, resolve_focus
from personize_assistant.actions.common.product import product_description
from personize_assistant.actions.common.touchpoints import channel_of, task_name
from personize_assistant.actions.plan import code_python as py
from personize_assistant.actions.plan import code_typescript as ts
from personize_assistant.actions.plan.artifact import (
    CodeBlock,
    PlanArtifact,
    PlanSection,
    PlanStep,
    missing_must_include,
)
from personize_assistant.actions.plan.budget import VOLUME_ANSWER, rate_budget
from personize_assistant.actions.plan.concise import BriefInputs, plan_brief
from personize_assistant.actions.plan.facts import RepoFacts, pin_points, repo_facts
from personize_assistant.actions.plan.ingest import ingestion_steps, run_ts
from personize_assistant.actions.plan.ops import (
    architecture_steps,
    governance_steps,
    loop_steps,
    phase_steps,
    sync_schedule_step,
)
from personize_assistant.actions.plan.points import output_fields, package_steps, point_steps
from personize_assistant.actions.plan.readiness import WireAnswers
from personize_assistant.actions.propose import ProposeOptions, build_proposal
from personize_assistant.actions.propose.artifact import ProposalArtifact
from personize_assistant.actions.schema import SchemaOptions, design_schema
from personize_assistant.codegen.helpers import helper_settings
from personize_assistant.content.library import Library
from personize_assistant.content.models import MustInclude, PlanMeta
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

DEFAULT_TIER: PlanTier = "free"
VOLUME_HEADROOM = 0.8  # an assumed volume leaves a fifth of the monthly limit spare


class PlanOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    plan_tier: PlanTier | None = None
    """Overrides the discovery answer; default: the free tier (an assumption)."""
    daily_volume: int | None = Field(default=None, ge=0)
    """Personalised records per day; overrides the discovery answer."""
    app_name: str | None = None
    decisions: FocusDecisions | None = None
    """The expert's calls (quick win, focus, content, channels); they win over the answers
    file's `plan:`/`propose:` sections, which win over inference."""


def build_plan(scan: RepoScan, discovery: Discovery, library: Library,
               options: PlanOptions | None = None) -> PlanArtifact:
    options = options or PlanOptions()
    decided = discovery.decisions("plan")
    focus = resolve_focus(options.decisions.over(decided) if options.decisions else decided, scan, library)
    discovery = _with_options(discovery, options, focus)
    schema = design_schema(scan, discovery, library, SchemaOptions(app_name=options.app_name))
    answers = WireAnswers(scan)
    proposal = build_proposal(scan, discovery, library,
                              ProposeOptions(app_name=options.app_name, decisions=focus.decisions), answers.check)
    facts = repo_facts(scan, discovery, schema, focus)
    quick_win, reason = _quick_win(proposal, scan)
    pin_points(facts, list({t.id: t for t in [*([quick_win] if quick_win else []), *focus.pinned()]}.values()))
    meta = library.plan.meta
    if focus.quick_win is not None:  # decided, so never listed as an assumption
        discovery = discovery.merged_with(Discovery(quick_win=Fact(value=_quick_win_text(quick_win), source="user")))
    discovery = with_assumptions(discovery, facts, meta, quick_win)
    volume = int(discovery.value("daily_volume"))
    budget = rate_budget(meta, discovery.value("plan_tier"), volume, sync_rows_per_day=volume,
                         sync_sources=len(schema.mappings))
    budget.volume_known = "daily_volume" not in discovery.assumed_fields()
    fields = focus.content or _wired_fields(answers, quick_win) or _fields(library, quick_win)
    timeout = library.wire.meta.degradation.timeout_seconds
    ingestion = ingestion_steps(facts, meta, budget)
    if schema.mappings:
        ingestion.append(sync_schedule_step(facts, _sync_command(facts)))
    bodies: dict[str, list[PlanStep]] = {
        "data_ingestion": ingestion,
        "personalization_points": _points_section(facts, library, answers),
        "governance": governance_steps(facts, str(discovery.value("product")), _audience(discovery, facts),
                                       _user_needs(discovery)),
        "architecture": architecture_steps(facts, budget, timeout),
        "phases": phase_steps(meta, _phase_extras(facts, quick_win)),
        "loop_scheduling_delivery": loop_steps(facts, meta, quick_win, fields),
    }
    sections = [PlanSection(id=s.id, title=s.title, intro=s.covers, steps=bodies.get(s.id, []))
                for s in meta.sections]
    patch = answers.patch(quick_win) if quick_win is not None else None
    wired = patch.field_mapping if patch is not None and not focus.content else None
    brief = plan_brief(BriefInputs(facts, proposal, focus, quick_win, fields, budget, sections, wired),
                       meta, reason, timeout)
    return PlanArtifact(app_name=facts.app, languages=facts.languages,
                        summary=_summary(facts, discovery, quick_win), assumptions=_assumptions(discovery),
                        sections=sections, budget=budget, files_to_create=_files(sections, facts), brief=brief)


def check_plan(markdown: str, library: Library, full: bool = False) -> list[MustInclude]:
    """The PlanMeta must-include items the rendered plan (concise, or `full`) is missing
    (empty = complete)."""
    return missing_must_include(markdown, library.plan.meta, "full" if full else "concise")


def _with_options(discovery: Discovery, options: PlanOptions, focus: Focus) -> Discovery:
    channel = focus.channels[0] if focus.channels else None  # a decided channel is the priority
    overrides = Discovery(
        plan_tier=Fact(value=options.plan_tier, source="user") if options.plan_tier else None,
        daily_volume=Fact(value=options.daily_volume, source="user") if options.daily_volume is not None else None,
        priority_channel=Fact(value=channel, source="user") if channel else None,
    )
    return discovery.merged_with(overrides)


def with_assumptions(discovery: Discovery, facts: RepoFacts, meta: PlanMeta, point: Touchpoint | None) -> Discovery:
    """Fill what DISCOVER has not established with defaults drawn from the scan, marked `assumed`."""
    entities = [c.source_entity for c in facts.schema.collections if c.system_entity][:3]
    channel = channel_of(point) if point else "email"
    described = product_description(Path(facts.root)) if facts.root else None
    defaults = Discovery(
        # The project's own words (README, manifest) beat a sentence made of its frameworks.
        product=_assumed(described[0] if described else
                         f"{facts.app}, a {' + '.join(_main_frameworks(facts)) or 'web'} app managing "
                         f"{', '.join(entities) or 'user'} records"),
        priority_channel=_assumed(channel),
        quick_win=_assumed(_quick_win_text(point)),
        governance_needs=_assumed(["brand voice", "compliance review for pricing, legal and financial content",
                                   f"{channel} format rules"]),
        plan_tier=_assumed(DEFAULT_TIER),
        daily_volume=_assumed(sustainable_volume(meta, str(discovery.value("plan_tier", DEFAULT_TIER)))),
    )
    return defaults.merged_with(discovery)


_WEB_FIRST = ("nextjs", "remix", "nuxt", "sveltekit", "django", "fastapi", "flask", "nestjs", "express")


def _main_frameworks(facts: RepoFacts) -> list[str]:
    """Web frameworks first (they say what the product is), then the rest; at most three."""
    ranked = sorted(facts.frameworks, key=lambda f: _WEB_FIRST.index(f) if f in _WEB_FIRST else len(_WEB_FIRST))
    return ranked[:3]


def sustainable_volume(meta: PlanMeta, tier: str) -> int:
    """Records/day the tier's monthly limit sustains with headroom: the default assumption."""
    limit = meta.limit_for(tier) or meta.plan_limits[0]
    return max(1, int(limit.per_month * VOLUME_HEADROOM / 30 / meta.calls_per_record))


def _audience(discovery: Discovery, facts: RepoFacts) -> str:
    users = discovery.value("users")
    if users:
        return str(users)
    return (f"Describe the people who use {facts.app}: their role, company size and what they are "
            "trying to achieve (answer `users` in the answers file to fill this in).")


def _user_needs(discovery: Discovery) -> list[str]:
    fact = discovery.fact("governance_needs")
    return list(fact.value) if fact is not None and fact.source != "assumed" else []


def _quick_win_text(point: Touchpoint | None) -> str:
    if point is None or not point.symbol:
        return "a personalised welcome email"
    return f"personalise the {task_name(point)} {_verb(point)} `{point.symbol}` ({point.file})"


def _verb(point: Touchpoint) -> str:
    """How the quick win relates to its code: an email is sent by a function, an insight is
    shown in a component."""
    return "sent by" if point.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION) else "shown in" \
        if point.kind == Kind.UI_SURFACE else "in"


def _assumed(value: Any) -> Fact[Any]:
    return Fact(value=value, source="assumed")


def _quick_win(proposal: ProposalArtifact, scan: RepoScan) -> tuple[Touchpoint | None, str]:
    """PROPOSE's quick win and why: one choice (`propose.quick_win`) for every command."""
    win = proposal.quick_win
    tp = scan.find(win.touchpoint_id) if win and win.touchpoint_id else None
    return (tp, win.reason) if tp is not None and win is not None else (None, "")


def _wired_fields(answers: WireAnswers, point: Touchpoint | None) -> list[str]:
    """The fields WIRE's patch personalises (a template's INTRO prop, a send's BODY_TEXT…)."""
    patch = answers.patch(point) if point is not None else None
    return list(patch.field_mapping) if patch is not None else []


def _fields(library: Library, point: Touchpoint | None) -> list[str]:
    return output_fields(library, channel_of(point) if point else "email")


def _sync_command(facts: RepoFacts) -> str:
    if facts.languages[0] == "ts":
        return run_ts(facts, "scripts/personize-sync.ts")
    django = any(c.source_framework == "django" for c in facts.schema.collections)
    return "python manage.py personize_sync" if django else f"python -m {facts.python_package}.personize_sync"


def _points_section(facts: RepoFacts, library: Library, answers: WireAnswers) -> list[PlanStep]:
    helpers = [_runtime_helper(facts, library, lang) for lang in facts.languages]
    helper = PlanStep(
        title="A shared helper: governed, personalised copy with a fallback",
        body=("Every point below uses this one helper, the same module `personize-assistant wire` adds (it "
              "keeps an existing copy): guidelines and the recipient's digest, a prompt with structured "
              "`outputs` checked against the channel's limits and review topics, and `null`/`None` on any "
              "failure or timeout so the caller keeps its current copy. `rememberDelivery` closes the loop."
              + _helper_api(helpers)),
        files=[h.path or "" for h in helpers], code=helpers,
        verify="call it for one synced user from a REPL or test: it returns the fields; with a wrong key it returns null/None.",
    )
    return [helper, *package_steps(facts), *point_steps(facts, library, answers)]


def _runtime_helper(facts: RepoFacts, library: Library, lang: str) -> CodeBlock:
    """The runtime helper WIRE and GENERATE emit too, placed where the plan keeps its code."""
    placement = ts.helper_placement(facts) if lang == "ts" else py.helper_placement(facts)
    settings = helper_settings(library.wire.meta, library.generate.meta)
    return CodeBlock(language=lang, path=placement.helper_path, code=placement.helper_source(settings),
                     collapsed=True)


_EXPORTED = re.compile(r"^export (?:async )?function (\w+)|^(?:async )?def ([a-z]\w*)\(", re.MULTILINE)


def _helper_api(helpers: list[CodeBlock]) -> str:
    """The helper's public functions, so the step reads without unfolding the file."""
    names = [a or b for block in helpers for a, b in _EXPORTED.findall(block.code)]
    unique = list(dict.fromkeys(names))
    return f" Its functions: {', '.join(f'`{n}`' for n in unique)}." if unique else ""


def _summary(facts: RepoFacts, discovery: Discovery, quick_win: Touchpoint | None) -> list[str]:
    langs = {"ts": "TypeScript with `@personize/sdk`", "py": "Python with the vendored `personize_client`"}
    points = len([p for p in facts.points if p.kind not in (Kind.WEBHOOK_HANDLER, Kind.SCHEDULED_JOB)])
    lines = [
        f"- **Product:** {discovery.value('product')}",
        f"- **Code:** {' and '.join(langs[lang] for lang in facts.languages)}; stack: "
        f"{', '.join(facts.frameworks) or 'not detected'}.",
        f"- **Memory:** {len(facts.schema.collections)} collections from your data models, "
        f"{len(facts.schema.mappings)} memorizeBatch sources, {len(facts.webhooks)} webhook(s) memorized.",
        f"- **Personalization points:** {points} in this plan; priority channel: "
        f"{discovery.value('priority_channel')}.",
        f"- **Quick win (week 2):** {discovery.value('quick_win')}.",
    ]
    if quick_win is not None:
        lines.append(f"- **Start at:** `{quick_win.file}:{quick_win.line}`.")
    return lines


def _assumptions(discovery: Discovery) -> list[str]:
    labels = {"product": "Product", "priority_channel": "Priority channel", "quick_win": "Quick win",
              "governance_needs": "Governance needs", "plan_tier": "Personize plan",
              "daily_volume": "Volume (records/day)"}
    out = []
    for name in discovery.assumed_fields():
        value = discovery.value(name)
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        if name == VOLUME_ANSWER:  # nobody measured it: ask, never pass the tier's capacity off as a volume
            shown = f"not known; answer `{VOLUME_ANSWER}: N` (records per day) or pass `--volume N/day`"
        out.append(f"{labels.get(name, name)}: {shown}")
    return out


def _phase_extras(facts: RepoFacts, quick_win: Touchpoint | None) -> dict[str, list[str]]:
    first = (f"Ship the quick win: the {task_name(quick_win)} in `{quick_win.symbol or quick_win.file}` "
             f"(`{quick_win.file}`)." if quick_win else "Ship the first personalised message.")
    return {
        "week_1": ["Run `personize-assistant schema . --create`, then "
                   f"`{_sync_command(facts)}` for the first backfill."],
        "week_2": [first],
        "weeks_3_4": [f"Turn on the scheduled sync and the loop trigger ({_trigger_label(facts, quick_win)})."],
    }


def _trigger_label(facts: RepoFacts, quick_win: Touchpoint | None) -> str:
    if facts.scheduler() == "celery":
        return "Celery beat"
    job = facts.loop_job(quick_win)
    if job is not None:
        return f"the existing job in `{job.file}`"
    return {"vercel": "a Vercel cron route"}.get(facts.scheduler(), "a scheduled GitHub Actions workflow")


def _files(sections: list[PlanSection], facts: RepoFacts) -> list[str]:
    touched = {tp.file for tp in facts.points} | {tp.file for tp in facts.webhooks} | {tp.file for tp in facts.jobs}
    paths = [f for s in sections for step in s.steps for f in step.files]
    return [p for p in dict.fromkeys(paths) if p and p not in touched]
