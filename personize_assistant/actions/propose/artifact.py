"""PROPOSE's artifact: ranked opportunities by surface area, a quick win, user stories.

Scores are kept with their factors (`ScoreFactors`) so `propose --json` shows why an
opportunity ranks where it does; the markdown shows the short version.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Effort = Literal["low", "medium", "high"]
EFFORT_ESTIMATE: dict[Effort, str] = {"low": "hours to a day", "medium": "two to three days",
                                      "high": "about a week"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TouchpointRef(_Model):
    id: str
    kind: str
    file: str
    line: int
    symbol: str | None = None
    channel: str | None = None
    evidence: str

    def location(self) -> str:
        return f"{self.file}:{self.line}"


class ScoreFactors(_Model):
    """impact = base + reach + frequency + priority + entity + fit; score = impact - effort penalty."""

    kind_weight: float
    confidence_weight: float
    base: float
    call_sites: int
    reach_bonus: float
    runs_on_schedule: bool
    signup_path: bool
    frequency_bonus: float
    priority_channel: bool
    priority_bonus: float
    entity: str | None = None
    entity_bonus: float
    fits_use_case: bool
    fit_bonus: float
    impact: float
    wrapper: bool
    data_modelled: bool
    effort: Effort
    effort_penalty: float
    score: float


class Opportunity(_Model):
    id: str
    """The use case id from reference/propose.md."""
    title: str
    surface: str
    touchpoints: list[TouchpointRef] = Field(min_length=1)
    before: str
    after: str
    sdk_chain: list[str]
    relies_on: list[str]
    effort: Effort
    risk: str
    score: ScoreFactors

    @property
    def anchor(self) -> TouchpointRef:
        return self.touchpoints[0]


class SurfaceGroup(_Model):
    id: str
    title: str
    opportunities: list[Opportunity]


class QuickWin(_Model):
    opportunity: str
    """The chosen opportunity's id."""
    title: str
    location: str
    """`file:line` of the place to change first."""
    reason: str
    touchpoint_id: str | None = None
    """The touchpoint to change first: what `wire --touchpoint` takes."""
    wireable: bool = False
    """`wire` writes a ready patch for it."""
    refusal: str | None = None
    """Why `wire` writes none, when it does not: the change is made by hand."""
    nothing_wireable: bool = False
    """`wire` refused every candidate it was asked about, so this is the best change to make by hand."""
    candidates_refused: int | None = None
    """How many best-ranked candidates `wire` was asked about (and refused), when none was ready."""

    def how(self) -> str:
        """How to make the change, in one sentence: `wire`, or by hand and why."""
        if not self.wireable and self.refusal is None:
            return ""  # WIRE was not asked
        if self.wireable:
            return f"Let `personize-assistant wire . --touchpoint {self.touchpoint_id}` write the patch, and review it."
        asked = f"any of the {self.candidates_refused} best-ranked candidates" if self.candidates_refused else "it"
        why = (f"Nothing here can be wired automatically yet: `wire` writes no patch for {asked} (for this one: "
               f"{self.refusal})" if self.nothing_wireable else f"`wire` cannot write this one ({self.refusal})")
        return (f"{why}. Make the change by hand: call the shared helper where the message's content is built "
                "(here or in the caller that builds it), keep the current copy as the fallback, and leave sign-in, "
                "reset and verification messages exactly as they are.")


class UserStory(_Model):
    id: str
    text: str


class ProposalArtifact(_Model):
    app_name: str
    persona: str
    persona_title: str
    summary: str
    quick_win: QuickWin | None = None
    areas: list[SurfaceGroup]
    stories: list[UserStory]
    assumptions: list[str]
    next_step: str
    decided: list[str] = Field(default_factory=list)
    """The expert's decisions (quick win, focus, content, channels) this proposal follows."""

    def opportunities(self) -> list[Opportunity]:
        return [o for area in self.areas for o in area.opportunities]

    def find(self, opportunity_id: str) -> Opportunity | None:
        return next((o for o in self.opportunities() if o.id == opportunity_id), None)


MECHANISM = ("Personalization draws on three sources: governance (`ai.smartGuidelines`: what are our "
             "rules?), entity memory (`memory.smartDigest`: who is this?) and task recall "
             "(`memory.smartRecall`: what matters for this message?), feeding `ai.prompt`. Each "
             "item's SDK chain shows the calls it needs.")


def render_markdown(artifact: ProposalArtifact) -> str:
    lines = [f"# Personalization proposal: {artifact.app_name}", "", artifact.summary]
    if artifact.decided:
        lines += ["", "Your decisions, which win over the ranking:", "", *[f"- {d}" for d in artifact.decided]]
    lines += ["", MECHANISM] if artifact.areas else []
    lines += _quick_win_lines(artifact)
    for area in artifact.areas:
        lines += ["", f"## {area.title}"]
        for opportunity in area.opportunities:
            lines += ["", *_opportunity_lines(opportunity, artifact)]
    if artifact.stories:
        lines += ["", f"## User stories ({artifact.persona_title})", ""]
        lines += [f"- {story.text}" for story in artifact.stories]
    if artifact.assumptions:
        lines += ["", "## Assumptions", "", *[f"- {a}" for a in artifact.assumptions]]
    lines += ["", "## Next step", "", artifact.next_step]
    return "\n".join(lines) + "\n"


def _quick_win_lines(artifact: ProposalArtifact) -> list[str]:
    win = artifact.quick_win
    chosen = artifact.find(win.opportunity) if win else None
    if win is None or chosen is None:
        return []
    anchor = chosen.anchor
    return ["", f"## Quick win: {chosen.title}", "",
            f"Start with `{anchor.symbol or anchor.file}` (`{win.location}`). {win.reason} {win.how()}"]


def _opportunity_lines(opportunity: Opportunity, artifact: ProposalArtifact) -> list[str]:
    marker = " (quick win)" if artifact.quick_win and artifact.quick_win.opportunity == opportunity.id else ""
    where = "; ".join(f"`{t.location()}` `{t.symbol or t.kind}` ({t.id})" for t in opportunity.touchpoints)
    effort = f"{opportunity.effort} ({EFFORT_ESTIMATE[opportunity.effort]})"
    return [f"### {opportunity.title}{marker}", "",
            f"- Where: {where}",
            f"- Before: {opportunity.before}",
            f"- After: {opportunity.after}",
            f"- SDK chain: {' → '.join(f'`{m}`' for m in opportunity.sdk_chain)}",
            f"- Relies on: {', '.join(opportunity.relies_on) or 'nothing memorized yet'}",
            f"- Effort: {effort}; score {opportunity.score.score:.2f}",
            f"- Risk: {opportunity.risk}"]


def to_json(artifact: ProposalArtifact) -> dict[str, Any]:
    data = artifact.model_dump(mode="json", exclude_none=True)
    if not data["decided"]:
        del data["decided"]  # a proposal nobody steered reads as before
    return data
