"""PROPOSE's ranking: where to change the code, which use case fits, and the score.

1. *Anchors*: the places to change. Touchpoints are grouped by (kind, file, symbol) so a
   wrapper's definition and the provider call inside it are one anchor; groups made only
   of call sites (`wraps` set) count towards their wrapper's reach instead.
2. Each anchor takes the use case (reference/propose.md) that fits it best: one whose
   name words match (the use case's `fits`) beats one that only shares the kind.
3. `score_anchor` is explainable, and every factor lands in `propose --json`:
   impact = kind weight x confidence + reach (call sites) + frequency (scheduled jobs,
   signup paths) + priority-channel bonus + entity bonus + fit bonus;
   effort starts high and drops a level for an existing wrapper and for data already
   modelled; score = impact - a penalty per effort level.
4. `select` keeps one opportunity per use case, the best of each surface area first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.common.entities import Model, collect_models
from personize_assistant.actions.common.touchpoints import (
    channel_of,
    is_named_function,
    place_groups,
)
from personize_assistant.actions.propose.artifact import Effort, ScoreFactors
from personize_assistant.content.models import ProposeMeta
from personize_assistant.content.models.propose import RankingWeights, UseCase
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

MAX_OPPORTUNITIES = 6
MAX_PER_AREA = 2

# Why these numbers: a call site more is a bit more reach, capped so a busy helper cannot
# outrank everything; code on a schedule runs for every user every period; signup runs
# for every new user once; one effort level costs about as much as a fitting use case gains.
REACH_PER_CALL_SITE = 0.1
MAX_REACH_BONUS = 0.3
SCHEDULE_BONUS = 0.3
SIGNUP_BONUS = 0.2
FIT_BONUS = 0.2
EFFORT_PENALTY = 0.2

_SIGNUP = re.compile(r"sign.?up|register|onboard|welcome", re.I)



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
        # A Django management command is always `Command`; its file says which one it is.
        generic = (self.tp.symbol or "").split(".")[0] == "Command"
        return self.tp.symbol if is_named_function(self.tp) and self.tp.symbol and not generic else self.tp.file


def find_anchors(scan: RepoScan) -> list[Anchor]:
    anchors = [Anchor(min(g, key=lambda t: t.line), g) for g in place_groups(scan)]
    wrapping: dict[str, list[tuple[int, Touchpoint]]] = {}  # one pass, not one per anchor
    for position, tp in enumerate(scan.touchpoints):
        if tp.wraps is not None:
            wrapping.setdefault(tp.wraps, []).append((position, tp))
    for anchor in anchors:
        found = sorted((p for m in anchor.members for p in wrapping.get(m.id, [])), key=lambda p: p[0])
        sites = [t for _, t in found if t not in anchor.members]
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

    def __post_init__(self) -> None:
        # Lower-cased once: entity_of checks every model against every anchor.
        self.named = [(model.entity.lower(), model) for model in self.models]


_CHANNEL_NAMES = {"email": r"e-?mail", "sms": r"sms|text messages?", "slack": r"slack",
                  "push": r"push", "in_app": r"in[-_ ]?app"}


def named_channel(text: str) -> str:
    """The channel an answer names first: `sms - clients ignore email` -> `sms`; '' for none."""
    found = [(m.start(), channel) for channel, pattern in _CHANNEL_NAMES.items()
             if (m := re.search(rf"\b(?:{pattern})\b", text, re.I))]
    return min(found)[1] if found else ""


def repo_context(scan: RepoScan, discovery: Discovery, meta: ProposeMeta) -> RepoContext:
    models = collect_models(scan.by_kind(Kind.DATA_MODEL))
    models.sort(key=lambda m: {"organization": 0, "person": 1}.get(m.role, 2))
    return RepoContext(models=models, job_files=frozenset(t.file for t in scan.by_kind(Kind.SCHEDULED_JOB)),
                       priority_channel=named_channel(str(discovery.value("priority_channel", "") or "")),
                       weights=meta.ranking)


def entity_of(anchor: Anchor, context: RepoContext) -> str | None:
    """The modelled entity this code addresses: named in its code (a record resolves to
    its owner), or for an email the person model, since an email has a recipient."""
    text = " ".join([anchor.text(), *(t.evidence for t in anchor.call_sites)]).lower()
    for name, model in context.named:
        addressee = _addressee(model, context.models) if name in text else None
        # A record nobody owns (a helpdesk Queue) is what a message is about, never who reads it.
        if addressee is not None and addressee.role != "record":
            return addressee.entity
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


def fits(use_case: UseCase, anchor: Anchor) -> bool:
    return use_case.matches(anchor.name_text())


def score_anchor(anchor: Anchor, use_case: UseCase, context: RepoContext) -> ScoreFactors:
    weights, tp = context.weights, anchor.tp
    kind_weight, confidence_weight = weights.kind_weight(tp.kind.value), weights.confidence[tp.confidence]
    entity = entity_of(anchor, context)
    scheduled, signup, fit = runs_on_schedule(anchor, context), on_signup_path(anchor), fits(use_case, anchor)
    priority = bool(context.priority_channel) and channel_of(tp) == context.priority_channel
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
    eligible = [(a, uc) for a, uc in candidates if fits(uc, anchor) or not uc.fit_required]
    if not eligible:
        return None
    return min(eligible, key=lambda pair: (not fits(pair[1], anchor), pair[0] != anchor.tp.surface.value))


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


def decided_candidates(scan: RepoScan, meta: ProposeMeta, context: RepoContext, decided: list[Touchpoint],
                       found: list[Candidate]) -> list[Candidate]:
    """Candidates for decided touchpoints the ranking left out (no use case fits their names):
    the expert's call wins, so each gets the first use case of its kind."""
    missing = [tp for tp in decided if not any(tp in c.anchor.members for c in found)]
    extra = []
    for anchor in find_anchors(scan) if missing else []:
        use_case = next(iter(meta.use_cases_for(anchor.tp.kind.value)), None)
        if use_case is not None and any(tp in anchor.members for tp in missing):
            area = next(a.id for a in meta.surfaces if use_case in a.use_cases)
            extra.append(Candidate(area, use_case, anchor, score_anchor(anchor, use_case, context)))
    return extra


def _rank(candidate: Candidate) -> tuple[float, int, str, int]:
    # Ties go to less new work, then to a stable place in the code.
    tp = candidate.anchor.tp
    return (-candidate.score.score, ("low", "medium", "high").index(candidate.score.effort), tp.file, tp.line)


def select(found: list[Candidate], pinned: list[str] | None = None) -> list[list[Candidate]]:
    """Candidates grouped by use case: the `pinned` use cases first (an expert chose them), then
    the best group of each area, then by score, at most MAX_PER_AREA per area and
    MAX_OPPORTUNITIES overall."""
    pinned = pinned or []
    by_use_case: dict[str, list[Candidate]] = {}
    for candidate in found:
        by_use_case.setdefault(candidate.use_case.id, []).append(candidate)
    groups = list(by_use_case.values())  # in the order of `found`: by score, decided ones first
    chosen = [by_use_case[u] for u in pinned if u in by_use_case]
    for group in groups:  # the best of each area first, so every area the repo has shows
        if all(g[0].area != group[0].area for g in chosen):
            chosen.append(group)
    chosen = chosen[:max(MAX_OPPORTUNITIES, len(pinned))]
    for group in groups:
        per_area = sum(1 for g in chosen if g[0].area == group[0].area)
        if group not in chosen and per_area < MAX_PER_AREA and len(chosen) < MAX_OPPORTUNITIES:
            chosen.append(group)
    first = chosen[:len([u for u in pinned if u in by_use_case])]
    return first + sorted(chosen[len(first):], key=lambda g: _rank(g[0]))
