"""The concise plan (`PlanBrief`): built from the same facts, proposal and sections as the full plan.

Nothing here invents a name: the quick win and use cases are PROPOSE's opportunities (the
user's decisions first), the files and commands are the full plan's own steps, and the
diagram's labels are the app's models, collections, functions, providers and jobs.
"""

from __future__ import annotations

from personize_assistant.actions.common.focus import Focus
from personize_assistant.actions.common.touchpoints import (
    HTTP_VERBS,
    channel_of,
    language_of,
    task_name,
)
from personize_assistant.actions.plan import code_python as py
from personize_assistant.actions.plan import code_typescript as ts
from personize_assistant.actions.plan import diagram
from personize_assistant.actions.plan.artifact import PlanSection, RateBudget
from personize_assistant.actions.plan.brief import (
    BriefTouchpoint,
    CollectionBrief,
    PlanBrief,
    QuickWinBrief,
    RolloutStep,
    SchemaBrief,
    UseCaseBrief,
    helper_call,
)
from personize_assistant.actions.plan.budget import VOLUME_ANSWER
from personize_assistant.actions.plan.facts import RepoFacts
from personize_assistant.actions.propose.artifact import (
    Opportunity,
    ProposalArtifact,
    TouchpointRef,
)
from personize_assistant.content.models import PlanMeta
from personize_assistant.scan.models import Touchpoint

MAX_USE_CASES = 4
MAX_COLLECTIONS = 5
MAX_FILES_TO_EDIT = 8


class BriefInputs:
    """Everything the concise plan is made from (the full plan's own parts)."""

    def __init__(self, facts: RepoFacts, proposal: ProposalArtifact, focus: Focus, quick_win: Touchpoint | None,
                 fields: list[str], budget: RateBudget, sections: list[PlanSection],
                 wired: dict[str, str] | None = None) -> None:
        self.facts, self.proposal, self.focus, self.quick_win = facts, proposal, focus, quick_win
        self.fields, self.budget, self.sections = fields, budget, sections
        self.wired = wired or {}
        """The quick win's fields -> where `wire`'s patch passes each (a template's prop, a parameter)."""

    def step_commands(self, section_id: str, word: str) -> list[str]:
        """The commands of the full plan's step whose title holds `word` (`me()`, `sync`)."""
        section = next((s for s in self.sections if s.id == section_id), None)
        steps = [s for s in (section.steps if section else []) if word.lower() in s.title.lower()]
        return steps[0].commands if steps else []


def plan_brief(inputs: BriefInputs, meta: PlanMeta, reason: str, timeout_seconds: float) -> PlanBrief:
    use_cases = _use_cases(inputs)
    quick_win = _quick_win(inputs, reason)
    win = quick_win.touchpoint if quick_win else None
    return PlanBrief(
        decided=inputs.focus.lines(),
        quick_win=quick_win,
        use_cases=use_cases,
        files_to_edit=_files_to_edit(inputs, use_cases),
        schema_summary=_schema(inputs.facts),
        rollout=_rollout(inputs, meta),
        diagram=diagram.architecture(inputs.facts, inputs.quick_win, use_cases, inputs.fields, win),
        safeguards=_safeguards(inputs, timeout_seconds),
    )


def brief_touchpoint(tp: Touchpoint | TouchpointRef) -> BriefTouchpoint:
    if isinstance(tp, Touchpoint):
        kind, channel = tp.kind.value, channel_of(tp)
    else:
        kind, channel = tp.kind, tp.channel or _CHANNEL_OF_KIND.get(tp.kind, "")
    # A route handler is called `GET`; its file says which one it is.
    named = tp.symbol and tp.symbol.split(" ")[0] not in HTTP_VERBS
    return BriefTouchpoint(id=tp.id, name=tp.symbol if named and tp.symbol else tp.file, file=tp.file,
                           line=tp.line, kind=kind, channel=channel)


# Where the output of a touchpoint of this kind goes; "" for kinds that feed memory instead.
_CHANNEL_OF_KIND = {"email_send": "email", "scheduled_job": "email", "ui_surface": "in_app",
                    "user_context": "in_app", "segmentation": "in_app", "llm_call": "in_app"}


# --------------------------------------------------------------------------- where to start


def _quick_win(inputs: BriefInputs, reason: str) -> QuickWinBrief | None:
    tp, facts = inputs.quick_win, inputs.facts
    if tp is None:
        return None
    name, fields = tp.symbol or tp.file, ", ".join(f"`{f}`" for f in inputs.fields)
    language = language_of(tp, facts.languages[0])
    helper = _helper_path(facts, tp, language)
    call, none = helper_call(language)
    by_hand = inputs.proposal.quick_win is not None and inputs.proposal.quick_win.refusal is not None
    first = (f"Add the shared helper `{helper}`: `{call}` returns {none} on any failure, so the current copy goes "
             "out unchanged." if by_hand else
             f"Add the shared helper `{helper}` and call `{call}` in `{name}` "
             f"(`{tp.file}`) for {fields}{_passed_as(inputs.wired)}; when it returns {none} the current copy goes "
             "out unchanged.")
    steps = [
        first,
        *([how] if (how := _how(inputs)) else []),
        "Write the brand-voice and channel guidelines it needs (`guidelines/`), then upload them.",
        "Review a sample of generated messages by hand; turn it on behind a flag, the original path as fallback.",
    ]
    return QuickWinBrief(touchpoint=brief_touchpoint(tp), task=task_name(tp), channel=channel_of(tp),
                         fields=inputs.fields, reason=reason, steps=steps)


def _passed_as(wired: dict[str, str]) -> str:
    """`, passed to `WelcomeEmail` as `personalizedIntro``: where the patch hands each field over
    (`wire` names a template's prop or key after the template, a parameter alone)."""
    if all(" " not in target for target in wired.values()):
        return f", passed as {', '.join(f'`{t}`' for t in wired.values())}" if wired else ""
    parts = [target.rpartition(" ") for target in wired.values()]
    return ", passed " + ", ".join(f"to `{template}` as `{key}`" for template, _, key in parts)


def _how(inputs: BriefInputs) -> str:
    """`wire` writes the patch, or why it cannot and the change to make by hand (PROPOSE asked WIRE)."""
    win = inputs.proposal.quick_win
    return win.how() if win is not None and inputs.quick_win and win.touchpoint_id == inputs.quick_win.id else ""


def _helper_path(facts: RepoFacts, tp: Touchpoint, language: str) -> str:
    """The helper module the quick win imports: its own package's copy in a monorepo."""
    if language == "py":
        return py.helper_placement(facts).helper_path
    return ts.helper_placement(facts, facts.ts_lib_for(tp.file)).helper_path


def _use_cases(inputs: BriefInputs) -> list[UseCaseBrief]:
    """PROPOSE's opportunities in its order (decided ones lead), the quick win's first."""
    pinned = {t.id for t in inputs.focus.pinned()}
    win = inputs.quick_win
    ranked = sorted(inputs.proposal.opportunities(),
                    key=lambda o: not (win and any((t.file, t.symbol) == (win.file, win.symbol) for t in o.touchpoints)))
    return [_use_case(o, pinned, inputs.focus.use_cases) for o in ranked[:MAX_USE_CASES]]


def _use_case(o: Opportunity, pinned: set[str], use_cases: list[str]) -> UseCaseBrief:
    decided = o.id in use_cases or any(t.id in pinned for t in o.touchpoints)
    return UseCaseBrief(title=o.title, touchpoints=[brief_touchpoint(t) for t in o.touchpoints], after=o.after,
                        effort=o.effort, decided=decided)


def _files_to_edit(inputs: BriefInputs, use_cases: list[UseCaseBrief]) -> list[str]:
    first = [inputs.quick_win.file] if inputs.quick_win else []
    job = inputs.facts.loop_job(inputs.quick_win)
    files = [*first, *(t.file for u in use_cases for t in u.touchpoints), *([job.file] if job else [])]
    return list(dict.fromkeys(files))[:MAX_FILES_TO_EDIT]


# --------------------------------------------------------------------------- memory


def _schema(facts: RepoFacts) -> SchemaBrief:
    collections = facts.schema.collections
    main = [CollectionBrief(name=c.collection_name, source=c.source_entity, properties=len(c.properties))
            for c in collections[:MAX_COLLECTIONS]]
    return SchemaBrief(collections=len(collections), properties=sum(len(c.properties) for c in collections),
                       sources=len(facts.schema.mappings), webhooks=len(facts.webhooks), main=main,
                       rest=[c.collection_name for c in collections[MAX_COLLECTIONS:]])


# --------------------------------------------------------------------------- rollout


def _rollout(inputs: BriefInputs, meta: PlanMeta) -> list[RolloutStep]:
    items = {"week_1": _week_1(inputs), "week_2": _week_2(inputs), "weeks_3_4": _weeks_3_4(inputs)}
    return [RolloutStep(when=_when(p.weeks), title=p.title, items=items.get(p.id, p.goals)) for p in meta.phases]


def _when(weeks: str) -> str:
    return "Ongoing" if weeks == "ongoing" else f"Week {weeks}" if weeks.isdigit() else f"Weeks {weeks}"


def _week_1(inputs: BriefInputs) -> list[str]:
    client = "`@personize/sdk`" if inputs.facts.languages[0] == "ts" else "the vendored `personize_client`"
    # The key goes in by hand (item text says where); comments stay in the full plan.
    install = [c.split("  #")[0] for c in inputs.step_commands("data_ingestion", "install") if not c.startswith("echo")]
    check = inputs.step_commands("data_ingestion", "me()")
    sync = inputs.step_commands("data_ingestion", "memorizeBatch")
    return [
        f"Install {client}{_run(install)} and put `PERSONIZE_SECRET_KEY` in `{inputs.facts.env_file()}` "
        "(server only, never committed).",
        f"Verify the key and read the plan limits with `me()`{_run(check)}; the same script lists the real "
        "collection ids with `collections.list()`.",
        "Create the collections: `personize-assistant schema . --create` (review `--dry-run` first).",
        f"Backfill memory with one paced `memorizeBatch` sync per data source{_run(sync)}; spot-check a few "
        "records with `smartDigest`.",
    ]


def _run(commands: list[str]) -> str:
    return f" (`{'; '.join(commands)}`)" if commands else ""


def _week_2(inputs: BriefInputs) -> list[str]:
    tp = inputs.quick_win
    first = (f"Ship the quick win in `{tp.symbol or tp.file}` (`{tp.file}`), section 1 above."
             if tp else "Ship the first personalised message.")
    guidelines = inputs.step_commands("governance", "guidelines")
    return [first, f"Upload the guidelines{_run(guidelines)}: `smartGuidelines` fetches them before every generation.",
            "Review a sample of output by hand before turning it on for everyone."]


def _weeks_3_4(inputs: BriefInputs) -> list[str]:
    job = inputs.facts.loop_job(inputs.quick_win)
    trigger = f"the existing job in `{job.file}`" if job else "a scheduled trigger"
    return [f"Schedule the nightly sync and run the loop from {trigger}; `plan --full` has the code.",
            "Memorize every delivered message so the next one knows what was said.",
            "Add the next use case from section 2; alert on failures and 429s."]


# --------------------------------------------------------------------------- safeguards


def _safeguards(inputs: BriefInputs, timeout_seconds: float) -> list[str]:
    b = inputs.budget
    fits = "fits" if b.fits else f"does not fit: consider {b.suggested_tier or 'a larger plan'}"
    volume = (f"{b.daily_volume:,} records per day; at up to {b.calls_per_record} calls a record that is about "
              f"{b.monthly_calls:,} calls a month ({b.month_share:.0%} of the limit), which {fits}" if b.volume_known
              else f"your volume is not known yet, so there is no budget: answer `{VOLUME_ANSWER}: N` (records per "
              f"day) in the answers file or pass `--volume N/day`. For scale, the {b.tier} plan sustains about "
              f"{b.daily_volume:,} records a day at up to {b.calls_per_record} calls a record")
    return [
        "Server side only: Personize is called from server code; the key never reaches a browser bundle.",
        f"Fallback: every call is capped at {timeout_seconds:g} s; on a timeout or an error the helper returns "
        "null/None and the existing copy is delivered.",
        "Governance: `smartGuidelines` before every generation; pricing, legal or financial content is "
        "flagged for human review.",
        f"Rate budget: {b.tier}: {b.per_minute:,} calls per minute, {b.per_month:,} per month; {volume}.",
    ]
