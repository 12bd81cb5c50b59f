"""PROPOSE: ranked personalization opportunities for this repo, grouped by surface area.

`propose_rank` finds the places to change and scores them; this module words each
opportunity with the repo's own names (before/after, what it relies on, the risk),
picks the quick win (the best low-effort send of a specific message, or the one the
developer named), and fills the persona's user stories.
"""

from __future__ import annotations

import re
from typing import get_args

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.common.boundary import runs_in_browser
from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.common.focus import Focus, FocusDecisions, resolve_focus
from personize_assistant.actions.common.product import app_name_from
from personize_assistant.actions.common.touchpoints import channel_of, place_groups, task_name
from personize_assistant.actions.propose.artifact import (
    Opportunity,
    ProposalArtifact,
    QuickWin,
    SurfaceGroup,
    TouchpointRef,
    UserStory,
)
from personize_assistant.actions.propose.quick_win import (
    Choice,
    QuickWinInputs,
    Readiness,
    choose_quick_win,
    unknown,
)
from personize_assistant.actions.propose.rank import (
    Candidate,
    RepoContext,
    candidates,
    decided_candidates,
    repo_context,
    select,
)
from personize_assistant.content.library import Library
from personize_assistant.content.models import ProposeMeta
from personize_assistant.content.models.propose import Persona, PersonaId
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

PERSONAS: tuple[PersonaId, ...] = get_args(PersonaId)
TOUCHPOINTS_PER_OPPORTUNITY = 3

# Identity and contact columns say who someone is, not what to tell them.
_IDENTITY_PROPERTY = re.compile(r"email|name$|image|avatar|photo|url|phone|slug|domain|website|^id$", re.I)


class ProposeOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    persona: str = "developer"
    app_name: str | None = None
    decisions: FocusDecisions | None = None
    """The user's (or Claude's) calls: quick win, focus, content, channels; they win over ranking."""


# --------------------------------------------------------------------------- wording


def _ref(tp: Touchpoint) -> TouchpointRef:
    channel = channel_of(tp) if tp.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION) else None
    return TouchpointRef(id=tp.id, kind=tp.kind.value, file=tp.file, line=tp.line, symbol=tp.symbol, channel=channel,
                         evidence=tp.evidence.strip().splitlines()[0][:120])


def _properties(discovery: Discovery, entity: str | None, limit: int = 3) -> list[str]:
    props = [str(p) for p in discovery.value("key_properties", []) or []]
    own = [p.split(".", 1)[1] for p in props if entity and p.startswith(f"{entity}.")]
    return [p for p in own if not _IDENTITY_PROPERTY.search(p)][:limit]


_CHANNEL_WORDS = {"email": "email", "sms": "SMS", "push": "push notification", "slack": "Slack message",
                  "in_app": "in-app message", "webhook_out": "webhook"}


def before_after(candidate: Candidate, discovery: Discovery, app: str = "the app") -> tuple[str, str]:
    anchor, use_case = candidate.anchor, candidate.use_case
    tp, name, entity = anchor.tp, f"`{anchor.name()}`", candidate.score.entity
    who = (entity or "user").lower()
    props = ", ".join(_properties(discovery, entity))
    task = re.sub(r"^(to|for|the) ", "", task_name(tp))
    befores = {
        Kind.EMAIL_SEND: f"Every {who} gets the same {task} from {name}.",
        Kind.NOTIFICATION: f"{name} sends every {who} the same {task}.",
        Kind.SCHEDULED_JOB: f"The job in {name} ({tp.schedule or 'scheduled'}) treats every {who} alike.",
        Kind.WEBHOOK_HANDLER: f"{name} handles {tp.provider or 'incoming'} events and forgets them.",
        Kind.EVENT_TRACKING: f"Events tracked by {name} go to {tp.provider or 'analytics'} only.",
        Kind.UI_SURFACE: f"{name} shows every {who} the same content.",
        Kind.SEGMENTATION: f"{name} branches on a fixed rule: `{tp.evidence.strip()[:60]}`.",
        Kind.SEARCH_ENDPOINT: f"{name} ranks results by text match alone.",
        Kind.LLM_CALL: f"{name} calls {tp.provider or 'the model'} without your rules or the customer's history.",
        Kind.USER_CONTEXT: f"{name} knows who the {who} is, but nothing about them.",
    }
    memory = f"each {who}'s memory ({props})" if props else f"what Personize remembers about each {who}"
    # The use case's wording is a template: it speaks of this repo's entity, app and message.
    names = {"entity": who, "app": app, "channel": _CHANNEL_WORDS.get(channel_of(tp), "message"), "task": task}
    after = f"{name} draws on {memory}: {_lower_first(use_case.fill(use_case.after, names))}"
    return befores.get(tp.kind, f"{name}: {use_case.fill(use_case.before, names)}"), after


def _lower_first(text: str) -> str:
    """`The checklist…` -> `the checklist…`, `A 90-character…` -> `a 90-character…`; acronyms
    (`SMS…`) and quotes stay as written."""
    first = text.split(" ", 1)[0]
    plain_word = first[:1].isupper() and (len(first) == 1 or first[1:].islower())
    return text[:1].lower() + text[1:] if plain_word else text


def _risk(candidate: Candidate) -> str:
    tp = candidate.anchor.tp
    if candidate.area == "customer_success" or "internal" in candidate.anchor.name_text().lower():
        return "low: an internal audience reads every output first."
    if candidate.score.runs_on_schedule:
        return "volume: a scheduled send multiplies calls by recipients; check the plan's rate budget."
    if tp.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION):
        return "customer-facing: run with `evaluate: true` and keep the current copy as the fallback."
    return "low: read-only context; degrade to today's behaviour on timeout."


def opportunity(group: list[Candidate], discovery: Discovery, app: str = "the app") -> Opportunity:
    top = group[0]
    before, after = before_after(top, discovery, app)
    entities = list(dict.fromkeys(c.score.entity for c in group if c.score.entity))
    related = [c for c in group if c is top or c.score.fits_use_case or c.anchor.tp.kind == top.anchor.tp.kind]
    refs = [_ref(c.anchor.tp) for c in related[:TOUCHPOINTS_PER_OPPORTUNITY]]
    return Opportunity(id=top.use_case.id, title=top.use_case.title, surface=top.area, touchpoints=refs,
                       before=before, after=after, sdk_chain=list(top.use_case.sdk_chain),
                       relies_on=[f"{e} records memorized" for e in entities] or ["event history memorized"],
                       effort=top.score.effort, risk=_risk(top), score=top.score)


# --------------------------------------------------------------------------- quick win


def _quick_win(choice: Choice | None, opportunities: list[Opportunity]) -> QuickWin | None:
    chosen = next((o for o in opportunities if choice and o.id == choice.candidate.use_case.id), None)
    if choice is None or chosen is None:
        return None
    tp, check = choice.touchpoint, choice.check
    return QuickWin(opportunity=chosen.id, title=chosen.title, location=tp.location(), reason=choice.reason,
                    touchpoint_id=tp.id, wireable=check.ready, refusal=check.refusal,
                    nothing_wireable=choice.refused is not None, candidates_refused=choice.refused)


def _leading(groups: list[list[Candidate]], choice: Choice | None) -> list[list[Candidate]]:
    """The quick win's candidate leads its opportunity, so the proposal shows the code it starts with."""
    if choice is None:
        return groups
    win = choice.candidate
    return [[win, *(c for c in g if c is not win)] if any(c is win for c in g) else g for g in groups]


def quick_win_reason(chosen: Candidate, pool: str) -> str:
    s, name = chosen.score, f"`{chosen.anchor.tp.symbol or chosen.anchor.tp.file}`"
    why = []
    if s.wrapper:
        plural = "s" if s.call_sites != 1 else ""
        sites = f", reached from {s.call_sites} call site{plural}" if s.call_sites else ""
        why.append(f"{name} is one function to wrap{sites}")
    if s.runs_on_schedule:
        why.append("it runs on a schedule, so every recipient benefits each period")
    if s.signup_path:
        why.append("it is on the signup path, so every new user sees it")
    if s.data_modelled and s.entity:
        why.append(f"{s.entity} data is already modelled")
    return (f"Chosen because {'; '.join(why) or 'it scores highest'} "
            f"(score {s.score:.2f}, effort {s.effort}, best among {pool}).")


# --------------------------------------------------------------------------- stories and text


def persona(meta: ProposeMeta, persona_id: str) -> Persona:
    found = next((p for p in meta.personas if p.id == persona_id), None)
    if found is None:
        raise UsageError(f"--persona must be one of {', '.join(p.id for p in meta.personas)}, not {persona_id!r}")
    return found


def user_stories(chosen: Persona, artifact_areas: set[str], fill: dict[str, str]) -> list[UserStory]:
    stories = [s for s in chosen.stories if not s.surfaces or set(s.surfaces) & artifact_areas]
    return [UserStory(id=s.id, text=s.text.format(**fill)) for s in stories]


_ASSUMED: dict[str, str] = {
    "product": "product: not described yet; the proposal uses the app name `{app}`.",
    "surfaces": "surfaces: taken from the touchpoints the scan found.",
    "data_sources": "data_sources: the application database only.",
    "entity_types": "entity_types: none modelled; proposals address users by email.",
    "key_properties": "key_properties: chosen from the modelled fields.",
    "governance_needs": "governance_needs: no rules yet beyond a factual, neutral tone; add brand voice "
                        "and forbidden claims before anything customer-facing ships.",
    "priority_channel": "priority_channel: {channel}, the channel of the quick win.",
    "quick_win": "quick_win: the top-ranked low-effort send path below.",
}


def _assumptions(discovery: Discovery, fill: dict[str, str], has_quick_win: bool) -> list[str]:
    # Without a quick win there is no channel or send path to assume.
    skipped = () if has_quick_win else ("priority_channel", "quick_win")
    return [_ASSUMED[name].format(app=fill["product"], channel=fill["channel"])
            for name in discovery.missing_fields() if name not in skipped]


# --------------------------------------------------------------------------- the action


def build_proposal(scan: RepoScan, discovery: Discovery, library: Library,
                   options: ProposeOptions | None = None, readiness: Readiness | None = None) -> ProposalArtifact:
    """`readiness` is WIRE's answer per touchpoint (`actions.plan.wire_readiness`): the quick win
    is then one `wire` writes a patch for. Without it the ranking alone decides."""
    options = options or ProposeOptions()
    meta = library.propose.meta
    chosen_persona = persona(meta, options.persona)
    context = repo_context(scan, discovery, meta)
    decided = discovery.decisions("propose")  # the answers file's; the tool's arguments win
    focus = resolve_focus(options.decisions.over(decided) if options.decisions else decided, scan, library)
    ranked = candidates(scan, meta, context)
    found = focused(ranked + decided_candidates(scan, meta, context, focus.pinned(), ranked), focus)
    choice = choose_quick_win(QuickWinInputs(
        discovery=discovery, found=found, decided=focus.quick_win, why=quick_win_reason, readiness=readiness or unknown,
        in_browser=lambda c: runs_in_browser(scan.root, c.anchor.tp.file, c.anchor.tp.symbol)))
    groups = _leading(_select(found, focus, choice), choice)
    app = options.app_name or app_name_from(scan.root)
    opportunities = [opportunity(g, discovery, app) for g in groups]
    quick_win = _quick_win(choice, opportunities)
    win = next((o for o in opportunities if quick_win and o.id == quick_win.opportunity), None)
    fill = _fill(scan, discovery, options, win, context)
    if focus.channels:
        fill["channel"] = focus.channels[0]
    areas = [SurfaceGroup(id=a.id, title=a.title, opportunities=[o for o in opportunities if o.surface == a.id])
             for a in meta.surfaces]
    # The area with a decided opportunity, then the one with the best: the document reads in ranked order.
    areas = sorted((a for a in areas if a.opportunities),
                   key=lambda a: (not _decided_in(a, focus), -a.opportunities[0].score.score))
    return ProposalArtifact(
        app_name=fill["product"], persona=chosen_persona.id, persona_title=chosen_persona.title,
        summary=_summary(fill, discovery, scan, areas, focus), quick_win=quick_win, areas=areas, decided=focus.lines(),
        stories=user_stories(chosen_persona, {a.id for a in areas}, fill) if win else [],
        assumptions=_assumptions(discovery, fill, win is not None), next_step=_next_step(win, fill))


def _fill(scan: RepoScan, discovery: Discovery, options: ProposeOptions, win: Opportunity | None,
          context: RepoContext) -> dict[str, str]:
    # Records (Queue, Invoice) are what messages are about; the customer is a person or an org.
    entity = (win.score.entity if win else None) or next(
        (m.entity for m in context.models if m.role != "record"), None)
    channel = context.priority_channel or (channel_of_kind(win) if win else "email")
    touchpoint = (win.anchor.symbol or win.anchor.file) if win else "the send function"
    return {"product": options.app_name or app_name_from(scan.root), "entity": entity or "user",
            "channel": channel, "touchpoint": touchpoint, "modelled": "yes" if entity else ""}


def channel_of_kind(win: Opportunity) -> str:
    return win.anchor.channel or ("email" if win.anchor.kind == Kind.SCHEDULED_JOB.value else "in_app")


def focused(found: list[Candidate], focus: Focus) -> list[Candidate]:
    """The candidates the decisions allow (their channels), the decided ones first: pinned
    touchpoints in the order given, then the decided use cases, then the ranking's order."""
    pinned = focus.pinned()

    def key(candidate: Candidate) -> tuple[int, int]:
        held = [i for i, tp in enumerate(pinned) if tp in candidate.anchor.members]
        use_case = candidate.use_case.id
        return (held[0] if held else len(pinned),
                focus.use_cases.index(use_case) if use_case in focus.use_cases else len(focus.use_cases))

    return sorted((c for c in found if focus.allows_channel(c.anchor.tp)), key=key)


def _select(found: list[Candidate], focus: Focus, choice: Choice | None) -> list[list[Candidate]]:
    """The opportunities to show; the quick win's is among them even when it ranks below the cut."""
    pinned = _pinned_use_cases(found, focus)
    groups = select(found, pinned=pinned)
    if choice is None or any(c is choice.candidate for g in groups for c in g):
        return groups
    return select(found, pinned=[*pinned, choice.candidate.use_case.id])


def _decided_in(area: SurfaceGroup, focus: Focus) -> bool:
    pinned = {t.id for t in focus.pinned()}
    return any(o.id in focus.use_cases or any(t.id in pinned for t in o.touchpoints) for o in area.opportunities)


def _pinned_use_cases(found: list[Candidate], focus: Focus) -> list[str]:
    pinned = focus.pinned()
    held = [c.use_case.id for c in found if any(tp in c.anchor.members for tp in pinned)]
    return list(dict.fromkeys([*held, *focus.use_cases]))


def _summary(fill: dict[str, str], discovery: Discovery, scan: RepoScan, areas: list[SurfaceGroup],
             focus: Focus | None = None) -> str:
    product = discovery.value("product")
    described = f"{fill['product']} ({product})" if product else fill["product"]
    groups = place_groups(scan)
    if not areas:
        return (f"Found no place in the code where {described} reaches users yet (no email sends, "
                "notifications, screens or scheduled jobs), so there is nothing to rank.")
    source = ("your decision" if focus is not None and focus.channels else
              "your answer" if discovery.fact("priority_channel") else "the quick win")
    # The same total `wire --list` starts from: places group touchpoints, they never add any.
    members = sum(len(g) for g in groups)
    return (f"{described} has {len(groups)} places in the code where it already reaches users, made of {members} "
            f"of the scan's {len(scan.touchpoints)} touchpoints (one place per function; data models, Personize "
            f"calls and calls through a wrapper or to machines only are not places), across "
            f"{', '.join(a.title.lower() for a in areas) or 'no surface yet'}. {_customer(fill)}; "
            f"{fill['channel']} is the channel to personalise first (from {source}).")


def _customer(fill: dict[str, str]) -> str:
    if fill["modelled"]:
        return f"The customer entity is `{fill['entity']}`"
    return "No person or company model was found, so messages address users by email"


def _next_step(win: Opportunity | None, fill: dict[str, str]) -> str:
    if win is None:
        return "Run `personize-assistant discover` to tell me where users hear from the product."
    return (f"Shall I plan `{fill['touchpoint']}` first (`personize-assistant plan`), or design the schema "
            f"for `{fill['entity']}` (`personize-assistant schema`)?")
