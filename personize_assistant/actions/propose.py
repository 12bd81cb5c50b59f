"""PROPOSE: ranked personalization opportunities for this repo, grouped by surface area.

1. *Anchors*: the places to change. Touchpoints are grouped by (kind, file, symbol) so a
   wrapper's definition and the provider call inside it are one anchor; groups made only
   of call sites (`wraps` set) count towards their wrapper's reach instead.
2. Each anchor takes the use case (reference/propose.md) that fits it best: one whose
   name words match (`_FIT`) beats one that only shares the kind.
3. Scoring (`score_anchor`) is explainable and lands in the JSON:
   impact = kind weight x confidence + reach (call sites) + frequency (scheduled jobs,
   signup paths) + priority-channel bonus + entity bonus + fit bonus;
   effort starts high and drops a level for an existing wrapper and for data already
   modelled; score = impact - a penalty per effort level.
4. One opportunity per use case, the best per surface area first, then by score; the
   quick win is the best low-effort send path (or the one the developer named).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.discovery import Discovery
from personize_assistant.actions.plan_context import channel_of, is_named_function
from personize_assistant.actions.plan_points import task_name
from personize_assistant.actions.schema import app_name_from
from personize_assistant.actions.schema_entities import Model, collect_models
from personize_assistant.artifacts.proposal import (
    Effort,
    Opportunity,
    ProposalArtifact,
    QuickWin,
    ScoreFactors,
    SurfaceGroup,
    TouchpointRef,
    UserStory,
)
from personize_assistant.content.library import Library
from personize_assistant.content.models import ProposeMeta
from personize_assistant.content.models.propose import Persona, RankingWeights, UseCase
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

PERSONAS = ("developer", "product", "sales", "marketing", "cs")
MAX_OPPORTUNITIES = 6
MAX_PER_AREA = 2
TOUCHPOINTS_PER_OPPORTUNITY = 3

# Why these numbers: a call site more is a bit more reach, capped so a busy helper cannot
# outrank everything; code on a schedule runs for every user every period; signup runs
# for every new user once; one effort level costs about as much as a fitting use case gains.
REACH_PER_CALL_SITE = 0.1
MAX_REACH_BONUS = 0.3
SCHEDULE_BONUS = 0.3
SIGNUP_BONUS = 0.2
FIT_BONUS = 0.2
EFFORT_PENALTY = 0.2

_SEND_KINDS = (Kind.EMAIL_SEND, Kind.NOTIFICATION, Kind.SCHEDULED_JOB)
_NOT_ANCHORS = (Kind.DATA_MODEL, Kind.PERSONIZE_CALL)
# Identity and contact columns say who someone is, not what to tell them.
_IDENTITY_PROPERTY = re.compile(r"email|name$|image|avatar|photo|url|phone|slug|domain|website|^id$", re.I)
_SIGNUP = re.compile(r"sign.?up|register|onboard|welcome", re.I)

# use case id -> (words in the anchor's name that make it fit, whether a fit is required).
_FIT: dict[str, tuple[str, bool]] = {
    "personalized_dashboard": (r"dashboard|overview|home|report", True),
    "smart_onboarding": (r"onboard|sign.?up|welcome|checklist|getting.?started", True),
    "contextual_tips": (r"tip|hint|tour", True),
    "personalized_search": (r"search", False),
    "smart_empty_states": (r"empty", True),
    "personalized_outreach": (r"outreach|campaign|prospect|lead|newsletter|invite", False),
    "nurture_sequence": (r"nurture|trial|drip|sequence|follow.?up|remind", True),
    "event_triggered_campaign": (r"stripe|billing|subscription|plan|signed.?up", False),
    "reengagement": (r"dormant|inactive|win.?back|reactivat|lapsed", True),
    "smart_push": (r"push|fcm|apns|onesignal", False),
    "personalized_home": (r"home", True),
    "in_app_messages": (r"banner|in.?app|announce|upgrade", True),
    "smart_alerts": (r"alert|warn|threshold|limit", False),
    "digest_notifications": (r"digest|summary|weekly|daily", True),
    "usage_nudges": (r"nudge|usage|remind|check.?in|activity", True),
    "internal_team_alerts": (r"internal|slack|account.?owner|hubspot", False),
    "ticket_routing": (r"ticket|support|helpdesk|zendesk|intercom|hubspot|crm", True),
    "churn_prevention": (r"churn|risk|health|cancel", True),
    "meeting_prep": (r"meeting|qbr|calendar", True),
    "personalized_help": (r"help|support|faq|assist|summar|draft", False),
}


class ProposeOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    persona: str = "developer"
    app_name: str | None = None


# --------------------------------------------------------------------------- anchors


@dataclass
class Anchor:
    """One place to change: a touchpoint group and the call sites that reach it."""

    tp: Touchpoint
    members: list[Touchpoint]
    call_sites: list[Touchpoint] = field(default_factory=list)

    def text(self) -> str:
        """The words that say what this code does (name, file, route, evidence)."""
        return " ".join(filter(None, [self.tp.symbol, self.tp.file, self.tp.route, self.tp.provider,
                                      *(m.evidence for m in self.members)]))

    def name_text(self) -> str:
        """What the code is called (name, file, route, provider): what use-case fits read."""
        return " ".join(filter(None, [self.tp.symbol, self.tp.file, self.tp.route, self.tp.provider]))

    def name(self) -> str:
        return self.tp.symbol if is_named_function(self.tp) and self.tp.symbol else self.tp.file


def find_anchors(scan: RepoScan) -> list[Anchor]:
    groups: dict[tuple[str, str, str], list[Touchpoint]] = {}
    for tp in scan.touchpoints:
        if tp.kind not in _NOT_ANCHORS:
            key = (tp.kind.value, tp.file, tp.symbol or f"line {tp.line}")
            groups.setdefault(key, []).append(tp)
    anchors = [Anchor(min(g, key=lambda t: t.line), g) for g in groups.values()
               if any(t.wraps is None for t in g)]
    for anchor in anchors:
        ids = {m.id for m in anchor.members}
        sites = [t for t in scan.touchpoints if t.wraps in ids and t not in anchor.members]
        anchor.call_sites = list({(t.file, t.symbol or t.line): t for t in sites}.values())
    return anchors


# --------------------------------------------------------------------------- scoring


@dataclass
class RepoContext:
    """What scoring needs from the repo beyond the anchor itself."""

    models: list[Model]
    job_files: frozenset[str]
    priority_channel: str
    weights: RankingWeights


def repo_context(scan: RepoScan, discovery: Discovery, meta: ProposeMeta) -> RepoContext:
    models = collect_models(scan.by_kind(Kind.DATA_MODEL))
    models.sort(key=lambda m: {"organization": 0, "person": 1}.get(m.role, 2))
    return RepoContext(models=models, job_files=frozenset(t.file for t in scan.by_kind(Kind.SCHEDULED_JOB)),
                       priority_channel=str(discovery.value("priority_channel", "") or "").lower(),
                       weights=meta.ranking)


def entity_of(anchor: Anchor, context: RepoContext) -> str | None:
    """The modelled entity this code addresses: named in its code (a record resolves to
    its owner), or for an email the person model, since an email has a recipient."""
    text = " ".join([anchor.text(), *(t.evidence for t in anchor.call_sites)]).lower()
    for model in context.models:
        if model.entity.lower() in text:
            return _addressee(model, context.models).entity
    if anchor.tp.kind == Kind.EMAIL_SEND:
        return next((m.entity for m in context.models if m.role == "person"), None)
    return None


def _addressee(model: Model, models: list[Model]) -> Model:
    """A record (Invoice) speaks to the person it links to (its `client` field), else its owner."""
    if model.role != "record":
        return model
    names = {f.name.lower().removesuffix("_id").removesuffix("id") for f in model.fields}
    linked = next((m for m in models if m.role == "person" and m.entity.lower() in names), None)
    return linked or model.owner or model


def runs_on_schedule(anchor: Anchor, context: RepoContext) -> bool:
    files = {anchor.tp.file, *(t.file for t in anchor.call_sites)}
    return anchor.tp.kind == Kind.SCHEDULED_JOB or bool(files & context.job_files)


def on_signup_path(anchor: Anchor) -> bool:
    names = [anchor.tp.symbol or "", anchor.tp.file, *(f"{t.file} {t.symbol or ''}" for t in anchor.call_sites)]
    return any(_SIGNUP.search(name) for name in names)


def is_wrapper(anchor: Anchor) -> bool:
    """A named function others call, or one holding the provider call: one place to change."""
    return is_named_function(anchor.tp) and (bool(anchor.call_sites) or len(anchor.members) > 1)


def fits(use_case_id: str, anchor: Anchor) -> bool:
    pattern, _ = _FIT.get(use_case_id, ("", False))
    return bool(pattern) and re.search(pattern, anchor.name_text(), re.I) is not None


def score_anchor(anchor: Anchor, use_case: UseCase, context: RepoContext) -> ScoreFactors:
    weights, tp = context.weights, anchor.tp
    kind_weight, confidence_weight = weights.kind_weight(tp.kind.value), weights.confidence[tp.confidence]
    entity = entity_of(anchor, context)
    scheduled, signup, fit = runs_on_schedule(anchor, context), on_signup_path(anchor), fits(use_case.id, anchor)
    priority = bool(context.priority_channel) and channel_of(tp) in context.priority_channel
    reach = min(REACH_PER_CALL_SITE * len(anchor.call_sites), MAX_REACH_BONUS)
    frequency = (SCHEDULE_BONUS if scheduled else 0.0) + (SIGNUP_BONUS if signup else 0.0)
    bonuses = (weights.priority_channel_bonus if priority else 0.0,
               weights.has_entity_bonus if entity else 0.0, FIT_BONUS if fit else 0.0)
    impact = kind_weight * confidence_weight + reach + frequency + sum(bonuses)
    wrapper = is_wrapper(anchor)
    level = 3 - int(wrapper) - int(entity is not None)
    effort: Effort = ("low", "medium", "high")[max(level, 1) - 1]
    penalty = EFFORT_PENALTY * (max(level, 1) - 1)
    return ScoreFactors(
        kind_weight=kind_weight, confidence_weight=confidence_weight,
        base=round(kind_weight * confidence_weight, 3), call_sites=len(anchor.call_sites),
        reach_bonus=round(reach, 3), runs_on_schedule=scheduled, signup_path=signup,
        frequency_bonus=round(frequency, 3), priority_channel=priority, priority_bonus=bonuses[0],
        entity=entity, entity_bonus=bonuses[1], fits_use_case=fit, fit_bonus=bonuses[2],
        impact=round(impact, 3), wrapper=wrapper, data_modelled=entity is not None, effort=effort,
        effort_penalty=round(penalty, 3), score=round(impact - penalty, 3))


# --------------------------------------------------------------------------- use cases


def best_use_case(anchor: Anchor, meta: ProposeMeta, areas: set[str]) -> tuple[str, UseCase] | None:
    """A fitting use case first; else one of the anchor's own surface area; else the first
    whose kinds include the anchor's. Use cases that need a fit and lack one are skipped."""
    candidates = [(area.id, uc) for area in meta.surfaces if area.id in areas
                  for uc in area.use_cases if anchor.tp.kind.value in uc.kinds]
    eligible = [(a, uc) for a, uc in candidates if fits(uc.id, anchor) or not _FIT.get(uc.id, ("", False))[1]]
    if not eligible:
        return None
    return min(eligible, key=lambda pair: (not fits(pair[1].id, anchor), pair[0] != anchor.tp.surface.value))


@dataclass
class Candidate:
    area: str
    use_case: UseCase
    anchor: Anchor
    score: ScoreFactors


def surfaces_present(scan: RepoScan) -> set[str]:
    """The surface areas this repo has; sending email means a marketing/lifecycle channel."""
    areas = {t.surface.value for t in scan.touchpoints if t.kind != Kind.DATA_MODEL}
    return areas | ({"marketing"} if scan.by_kind(Kind.EMAIL_SEND) else set())


def candidates(scan: RepoScan, meta: ProposeMeta, context: RepoContext) -> list[Candidate]:
    found = []
    areas = surfaces_present(scan)
    for anchor in find_anchors(scan):
        match = best_use_case(anchor, meta, areas)
        if match is not None:
            area, use_case = match
            found.append(Candidate(area, use_case, anchor, score_anchor(anchor, use_case, context)))
    return sorted(found, key=_rank)


def _rank(candidate: Candidate) -> tuple[float, int, str, int]:
    # Ties go to less new work, then to a stable place in the code.
    tp = candidate.anchor.tp
    return (-candidate.score.score, ("low", "medium", "high").index(candidate.score.effort), tp.file, tp.line)


def select(found: list[Candidate]) -> list[list[Candidate]]:
    """Candidates grouped by use case; the best group of each area first, then by score,
    at most MAX_PER_AREA per area and MAX_OPPORTUNITIES overall."""
    by_use_case: dict[str, list[Candidate]] = {}
    for candidate in found:
        by_use_case.setdefault(candidate.use_case.id, []).append(candidate)
    groups = list(by_use_case.values())  # in score order: `found` is sorted
    chosen: list[list[Candidate]] = []
    for group in groups:  # the best of each area first, so every area the repo has shows
        if all(g[0].area != group[0].area for g in chosen):
            chosen.append(group)
    chosen = chosen[:MAX_OPPORTUNITIES]
    for group in groups:
        per_area = sum(1 for g in chosen if g[0].area == group[0].area)
        if group not in chosen and per_area < MAX_PER_AREA and len(chosen) < MAX_OPPORTUNITIES:
            chosen.append(group)
    return sorted(chosen, key=lambda g: _rank(g[0]))


# --------------------------------------------------------------------------- wording


def _ref(tp: Touchpoint) -> TouchpointRef:
    channel = channel_of(tp) if tp.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION) else None
    return TouchpointRef(id=tp.id, kind=tp.kind.value, file=tp.file, line=tp.line, symbol=tp.symbol, channel=channel,
                         evidence=tp.evidence.strip().splitlines()[0][:120])


def _properties(discovery: Discovery, entity: str | None, limit: int = 3) -> list[str]:
    props = [str(p) for p in discovery.value("key_properties", []) or []]
    own = [p.split(".", 1)[1] for p in props if entity and p.startswith(f"{entity}.")]
    return [p for p in own if not _IDENTITY_PROPERTY.search(p)][:limit]


def before_after(candidate: Candidate, discovery: Discovery) -> tuple[str, str]:
    anchor, use_case = candidate.anchor, candidate.use_case
    tp, name, entity = anchor.tp, f"`{anchor.name()}`", candidate.score.entity
    who = (entity or "user").lower()
    props = ", ".join(_properties(discovery, entity)) or "what Personize remembers"
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
    after = f"{name} draws on each {who}'s memory ({props}): {_lower_first(use_case.after)}"
    return befores.get(tp.kind, f"{name}: {use_case.before}"), after


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _risk(candidate: Candidate) -> str:
    tp = candidate.anchor.tp
    if candidate.area == "customer_success" or "internal" in candidate.anchor.name_text().lower():
        return "low: an internal audience reads every output first."
    if candidate.score.runs_on_schedule:
        return "volume: a scheduled send multiplies calls by recipients; check the plan's rate budget."
    if tp.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION):
        return "customer-facing: run with `evaluate: true` and keep the current copy as the fallback."
    return "low: read-only context; degrade to today's behaviour on timeout."


def opportunity(group: list[Candidate], discovery: Discovery) -> Opportunity:
    top = group[0]
    before, after = before_after(top, discovery)
    entities = list(dict.fromkeys(c.score.entity for c in group if c.score.entity))
    related = [c for c in group if c is top or c.score.fits_use_case or c.anchor.tp.kind == top.anchor.tp.kind]
    refs = [_ref(c.anchor.tp) for c in related[:TOUCHPOINTS_PER_OPPORTUNITY]]
    return Opportunity(id=top.use_case.id, title=top.use_case.title, surface=top.area, touchpoints=refs,
                       before=before, after=after, sdk_chain=list(top.use_case.sdk_chain),
                       relies_on=[f"{e} records memorized" for e in entities] or ["event history memorized"],
                       effort=top.score.effort, risk=_risk(top), score=top.score)


# --------------------------------------------------------------------------- quick win


def choose_quick_win(opportunities: list[Opportunity], discovery: Discovery) -> QuickWin | None:
    """The opportunity the developer named in discovery, else the best low-effort one on
    an existing send path, else the best overall."""
    named = _named_in_discovery(opportunities, discovery)
    if named is not None:
        return QuickWin(opportunity=named.id, reason="You named it as the first thing to ship.")
    sends = [o for o in opportunities if o.effort == "low" and o.anchor.kind in {k.value for k in _SEND_KINDS}]
    # A named message (a digest, a reminder) ships in a week; a generic send helper is plumbing.
    specific = [o for o in sends if o.score.fits_use_case]
    pools = [("low-effort sends of a specific message", specific), ("low-effort send paths", sends),
             ("all opportunities", opportunities)]
    label, pool = next(((label, pool) for label, pool in pools if pool), ("", []))
    if not pool:
        return None
    best = max(pool, key=lambda o: o.score.score)
    return QuickWin(opportunity=best.id, reason=quick_win_reason(best, label))


def _named_in_discovery(opportunities: list[Opportunity], discovery: Discovery) -> Opportunity | None:
    fact = discovery.fact("quick_win")
    if fact is None or fact.source != "user":
        return None
    text = str(fact.value).lower()
    return next((o for o in opportunities for t in o.touchpoints
                 if (t.symbol and t.symbol.lower() in text) or t.file.lower() in text), None)


def quick_win_reason(chosen: Opportunity, pool: str) -> str:
    s, name = chosen.score, f"`{chosen.anchor.symbol or chosen.anchor.file}`"
    why = []
    if s.wrapper:
        sites = f", reached from {s.call_sites} call site(s)" if s.call_sites else ""
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


def _assumptions(discovery: Discovery, fill: dict[str, str]) -> list[str]:
    return [_ASSUMED[name].format(app=fill["product"], channel=fill["channel"])
            for name in discovery.missing_fields()]


# --------------------------------------------------------------------------- the action


def build_proposal(scan: RepoScan, discovery: Discovery, library: Library,
                   options: ProposeOptions | None = None) -> ProposalArtifact:
    options = options or ProposeOptions()
    meta = library.propose.meta
    chosen_persona = persona(meta, options.persona)
    context = repo_context(scan, discovery, meta)
    opportunities = [opportunity(g, discovery) for g in select(candidates(scan, meta, context))]
    quick_win = choose_quick_win(opportunities, discovery)
    win = next((o for o in opportunities if quick_win and o.id == quick_win.opportunity), None)
    fill = _fill(scan, discovery, options, win, context)
    areas = [SurfaceGroup(id=a.id, title=a.title, opportunities=[o for o in opportunities if o.surface == a.id])
             for a in meta.surfaces]
    areas = [a for a in areas if a.opportunities]
    return ProposalArtifact(
        app_name=fill["product"], persona=chosen_persona.id, persona_title=chosen_persona.title,
        summary=_summary(fill, discovery, scan, areas), quick_win=quick_win, areas=areas,
        stories=user_stories(chosen_persona, {a.id for a in areas}, fill),
        assumptions=_assumptions(discovery, fill), next_step=_next_step(win, fill))


def _fill(scan: RepoScan, discovery: Discovery, options: ProposeOptions, win: Opportunity | None,
          context: RepoContext) -> dict[str, str]:
    entity = (win.score.entity if win else None) or next((m.entity for m in context.models), None)
    channel = context.priority_channel or (channel_of_kind(win) if win else "email")
    touchpoint = (win.anchor.symbol or win.anchor.file) if win else "the send function"
    return {"product": options.app_name or app_name_from(scan.root), "entity": entity or "user",
            "channel": channel, "touchpoint": touchpoint}


def channel_of_kind(win: Opportunity) -> str:
    return win.anchor.channel or ("email" if win.anchor.kind == Kind.SCHEDULED_JOB.value else "in_app")


def _summary(fill: dict[str, str], discovery: Discovery, scan: RepoScan, areas: list[SurfaceGroup]) -> str:
    product = discovery.value("product")
    described = f"{fill['product']} ({product})" if product else fill["product"]
    count = len(find_anchors(scan))
    source = "your answer" if discovery.fact("priority_channel") else "the quick win"
    return (f"{described} has {count} places in the code where it already reaches users, across "
            f"{', '.join(a.title.lower() for a in areas) or 'no surface yet'}. The customer entity is "
            f"`{fill['entity']}`; {fill['channel']} is the channel to personalise first (from {source}).")


def _next_step(win: Opportunity | None, fill: dict[str, str]) -> str:
    if win is None:
        return "Run `personize-assistant discover` to tell me where users hear from the product."
    return (f"Shall I plan `{fill['touchpoint']}` first (`personize-assistant plan`), or design the schema "
            f"for `{fill['entity']}` (`personize-assistant schema`)?")
