"""Tools that build artifacts: propose, schema, plan, wire, generate, review.

The model supplies judgement through the arguments; the artifact itself is always built
and validated by the action, exactly as the CLI commands do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.actions.common.discovery import SCHEMA_SECTION
from personize_assistant.actions.common.discovery import PlanTier as Tier
from personize_assistant.actions.common.focus import FocusDecisions
from personize_assistant.actions.common.schema_decisions import SchemaDecisions
from personize_assistant.agent.tools import Confirmation, ToolError, ToolOutput, tool
from personize_assistant.agent.touchpoint_match import display_name, resolve
from personize_assistant.content.models.propose import PersonaId as Persona

if TYPE_CHECKING:
    from personize_assistant.actions.propose.artifact import QuickWin
    from personize_assistant.actions.wire.artifact import WireArtifact
    from personize_assistant.agent.workspace import Workspace
    from personize_assistant.scan.models import RepoScan, Touchpoint

Lang = Literal["ts", "py"]


def resolve_touchpoint(scan: RepoScan, reference: str, pool: list[Touchpoint] | None = None) -> Touchpoint:
    """A touchpoint by id, by name, or by words matched against symbols, files and kinds;
    `pool` (what the action can work on) wins ties. Ambiguous words are a ToolError that
    lists the candidates, so the user (or the model) can pick one."""
    found = resolve(reference, scan.touchpoints, {t.id for t in pool or []})
    if found.touchpoint is not None:
        return found.touchpoint
    if found.alternatives:
        choices = "; ".join(f"{t.id} {display_name(t)} ({t.kind.value}, {t.location()})" for t in found.alternatives)
        raise ToolError(f"{reference!r} could mean several touchpoints: {choices}. Which one? Name it or give its id")
    raise ToolError(f"no touchpoint matches {reference!r}; list_touchpoints shows the ids")


class FocusArgs(BaseModel):
    """An expert's calls for PROPOSE and PLAN; each name is checked against the scan, and the
    decisions are kept in the session (a resumed or exported plan follows them)."""

    model_config = ConfigDict(extra="forbid")

    quick_win: str | None = Field(default=None, description=(
        "The touchpoint to ship first: its id (tp_...), function name, file or file:function."))
    touchpoints: list[str] | None = Field(default=None, description=(
        "Touchpoints to focus on, most important first (ids, function names or files)."))
    use_cases: list[str] | None = Field(default=None, description=(
        "Use case ids from reference/propose.md to focus on, e.g. weekly_digest."))
    content: list[str] | None = Field(default=None, description=(
        "The message content to personalise: the channel's fields, e.g. SUBJECT, BODY_TEXT."))
    channels: list[str] | None = Field(default=None, description="Channels to personalise: email, sms, slack, push, in_app.")

    def decisions(self) -> FocusDecisions | None:
        """The decisions given in this call (None when the call gives none)."""
        given = {name: value for name in FocusDecisions.model_fields
                 if (value := getattr(self, name)) is not None}
        return FocusDecisions.model_validate(given) if given else None


def _keep(ws: Workspace, section: str, decided: FocusDecisions | None) -> None:
    """Record what this call decided over what the session already holds (after the action
    has validated it, so a name that matches nothing is never kept)."""
    from personize_assistant.actions.common.focus import parse_decisions

    if decided is None:
        return
    held = ws.answers.get(section)
    base = parse_decisions(held, section) if isinstance(held, dict) else FocusDecisions()
    ws.record_answers({section: decided.over(base).recorded()})


class ProposeArgs(FocusArgs):
    persona: Persona = Field(default="developer", description="Whose user stories to tell.")


@tool("propose", ProposeArgs)
def propose(ws: Workspace, args: ProposeArgs) -> ToolOutput:
    """Rank where personalization pays off in this repo (opportunities with touchpoints,
    before/after, SDK chain) and pick a quick win. Best after discovery is complete. Give
    your judgement as decisions (quick_win, touchpoints, use_cases, content, channels):
    they win over the ranking, are checked against the scan and kept for the session."""
    from personize_assistant.actions.plan import wire_readiness
    from personize_assistant.actions.propose import ProposeOptions, build_proposal
    from personize_assistant.actions.propose import artifact as render

    decided = args.decisions()
    options = ProposeOptions(persona=args.persona, decisions=decided)
    scan = ws.require_scan()
    proposal = build_proposal(scan, ws.discovery, ws.library, options, wire_readiness(scan))
    _keep(ws, "propose", decided)
    markdown = render.render_markdown(proposal)
    artifact = ws.add_artifact("proposal", f"Proposal ({args.persona})", markdown, render.to_json(proposal))
    win = _quick_win_words(proposal.quick_win)
    opportunities = sum(len(a.opportunities) for a in proposal.areas)
    return ToolOutput(text=artifact.markdown, summary=f"{opportunities} opportunities; quick win: {win}",
                      artifact=artifact)


def _quick_win_words(win: QuickWin | None) -> str:
    """The quick win as the conversation names it: the same touchpoint PLAN starts with, and
    whether `wire` writes its patch."""
    if win is None:
        return "none"
    how = "`wire` writes its patch" if win.wireable else "a change by hand" if win.refusal else ""
    return f"{win.title} at `{win.location}` ({win.touchpoint_id}{'; ' + how if how else ''})"


class SchemaArgs(SchemaDecisions):
    """The expert's entity-model calls (all optional) plus the view."""

    full: bool = Field(default=False, description="Show every collection and property, not only "
                       "what the proposed use cases need.")


@tool("design_schema", SchemaArgs)
def design_schema(ws: Workspace, args: SchemaArgs) -> ToolOutput:
    """Design Personize collections and properties from the repo's data models: people ->
    Contact, workspaces/teams/accounts -> Company, records about them (orders, tasks,
    messages, AI outputs) as rollups or memorized content on their owner, aggregates, logs,
    technical and sensitive tables left out. Pass decisions to override: which models are
    entities (and of what type), which are records (owner, rollups, fields to memorize),
    which are left out, and properties to add or drop, each with a reason. Model and field
    names are checked against the scan; accepted decisions are kept in the session."""
    from personize_assistant.actions.schema import SchemaOptions
    from personize_assistant.actions.schema import artifact as render
    from personize_assistant.actions.schema import design_schema as design

    decisions = SchemaDecisions.model_validate(args.model_dump(exclude={"full"}))
    options = SchemaOptions(full=args.full, decisions=None if decisions.is_empty() else decisions)
    schema = design(ws.require_scan(), ws.discovery, ws.library, options)  # DecisionError names a bad name
    if not schema.collections:
        raise ToolError("no data models found; SCHEMA needs at least one (User, Account…)")
    if schema.decisions is not None:  # a resumed or exported session designs the same schema
        ws.record_answers({SCHEMA_SECTION: schema.decisions.model_dump(mode="json", exclude_defaults=True)})
    artifact = ws.add_artifact("schema", "Schema", render.render_markdown(schema), render.to_json(schema))
    names = ", ".join(c.name for c in schema.collections)
    return ToolOutput(text=artifact.markdown, summary=f"{len(schema.collections)} collections: {names}",
                      artifact=artifact)


class PlanArgs(FocusArgs):
    plan_tier: Tier | None = Field(default=None, description="The user's Personize plan.")
    volume: int | None = Field(default=None, ge=0, description="Personalised records per day.")
    full: bool = Field(default=False, description="Every step with its code instead of the short plan.")


@tool("build_plan", PlanArgs)
def build_plan(ws: Workspace, args: PlanArgs) -> ToolOutput:
    """Write the implementation plan: the short one (where to start, the use cases, the
    architecture diagram, memory, rollout, budget) or with full=true every step and its code.
    Decisions (quick_win, touchpoints, use_cases, content, channels) win over the ranking,
    are checked against the scan and kept for the session."""
    from personize_assistant.actions.plan import PlanOptions
    from personize_assistant.actions.plan import artifact as render
    from personize_assistant.actions.plan import build_plan as build

    decided = args.decisions()
    options = PlanOptions(plan_tier=args.plan_tier, daily_volume=args.volume, decisions=decided)
    plan = build(ws.require_scan(), ws.discovery, ws.library, options)
    _keep(ws, "plan", decided)
    artifact = ws.add_artifact("plan", f"Plan for {plan.app_name}", render.render_markdown(plan, args.full),
                               render.to_json(plan, args.full))
    steps = sum(len(s.steps) for s in plan.sections)
    win = plan.brief.quick_win if plan.brief else None
    named = f"`{win.touchpoint.name}` ({win.touchpoint.id})" if win else "none"
    return ToolOutput(text=artifact.markdown, summary=f"{len(plan.sections)} sections, {steps} steps; quick win: {named}",
                      artifact=artifact)


class WireArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    touchpoint_id: str = Field(description="A touchpoint id (tp_…) or words naming it.")
    pattern: Literal["wrap", "webhook_pipeline", "middleware", "cron_generate_deliver", "event_mirror"] | None = None
    lang: Lang | None = None
    write: bool = Field(default=False, description="Apply the change to the repo (the user is asked first).")


@tool("wire", WireArgs)
def wire(ws: Workspace, args: WireArgs) -> ToolOutput:
    """Generate the code that connects Personize to one touchpoint, as a unified diff.
    With write=true the user is asked to confirm before any file in the repo changes."""
    from personize_assistant.actions.wire import WireOptions
    from personize_assistant.actions.wire import wire as build
    from personize_assistant.actions.wire.artifact import render_diff, render_json, render_summary

    scan = ws.require_scan()
    touchpoint = resolve_touchpoint(scan, args.touchpoint_id, _wire_pool(scan))
    options = WireOptions(touchpoint_id=touchpoint.id, pattern=args.pattern, language=args.lang)
    wired = build(scan, options)  # a UsageError reaches the model as the tool's error (ToolRunner)
    diff, summary = render_diff(wired), render_summary(wired)
    header = "\n".join(f"- {line.strip()}" for line in summary.splitlines())  # one line per fact, not a paragraph
    artifact = ws.add_artifact("wire", f"Wire {display_name(touchpoint)}",
                               f"{header}\n\n```diff\n{diff}```\n", render_json(wired))
    confirm = None
    if args.write:
        confirm = Confirmation(
            question=f"Write the {wired.pattern} wiring into {', '.join(wired.touched_paths())}?",
            apply=lambda: _write(Path(scan.root), wired))
    return ToolOutput(text=f"{summary}\n\n{diff}", artifact=artifact, confirm=confirm,
                      summary=f"{wired.pattern} for {touchpoint.id} ({touchpoint.location()})")


def _wire_pool(scan: RepoScan) -> list[Touchpoint]:
    """Touchpoints WIRE can generate for right now, so words pick a workable one."""
    from personize_assistant.actions.wire import load_rules, wireable

    ready = [c.touchpoint_id for c in wireable(scan, load_rules()) if c.ready]
    return [t for t in scan.touchpoints if t.id in ready]


def _write(root: Path, wired: WireArtifact) -> str:
    from personize_assistant.actions.wire import write_artifact

    return "Wrote " + ", ".join(write_artifact(root, wired))


class GenerateArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    touchpoint_id: str = Field(description="A touchpoint id (tp_…) or words naming it.")
    lang: Lang | None = None
    channel: str | None = Field(default=None, description="Override: email, sms, slack, push or in_app.")


@tool("generate", GenerateArgs)
def generate(ws: Workspace, args: GenerateArgs) -> ToolOutput:
    """Generate the message-writing function for one touchpoint (recall facts, apply
    guidelines, write within the channel's limits), as code to add to the repo."""
    from personize_assistant.actions.generate import GenerateOptions
    from personize_assistant.actions.generate import generate as build
    from personize_assistant.actions.generate.artifact import (
        render_code,
        render_json,
        render_summary,
    )

    scan = ws.require_scan()
    touchpoint = resolve_touchpoint(scan, args.touchpoint_id)
    made = build(scan, GenerateOptions(touchpoint_id=touchpoint.id, language=args.lang, channel=args.channel),
                 ws.library.generate.meta)
    fence = "ts" if made.language == "ts" else "python"
    markdown = f"{render_summary(made)}\n\n```{fence}\n{render_code(made)}```\n"
    artifact = ws.add_artifact("generate", f"Generate {made.function_name}", markdown, render_json(made))
    return ToolOutput(text=artifact.markdown, artifact=artifact,
                      summary=f"{made.function_name}() -> {made.path}")
