"""DISCOVER tools: record what the user said, and pick the next questions to ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.actions.common.discovery import OUTPUT_FIELDS
from personize_assistant.agent.events import Question, StoredArtifact
from personize_assistant.agent.tools import NoArgs, ToolError, ToolOutput, tool

if TYPE_CHECKING:
    from personize_assistant.agent.workspace import Workspace


def discovery_artifact(ws: Workspace) -> StoredArtifact:
    from personize_assistant.actions.discover.render import render_markdown, to_json

    return ws.add_artifact("discovery", "Discovery", render_markdown(ws.discovery, ws.library.discover.meta),
                           to_json(ws.discovery))


def progress_line(ws: Workspace) -> str:
    known, needed = len(ws.discovery.known_fields()), ws.library.discover.meta.min_known_fields
    missing = ", ".join(ws.discovery.missing_fields()) or "nothing"
    state = "enough to propose" if ws.discovery_complete() else f"{needed} needed to propose"
    return f"{known}/{len(OUTPUT_FIELDS)} discovery fields known ({state}); missing: {missing}"


def pick_questions(ws: Workspace, n: int = 3) -> list[Question]:
    """The next 2-3 questions (skipping ones already asked, unless none are left)."""
    from personize_assistant.actions.discover import answer_field, next_questions

    ws.require_scan()
    picked = next_questions(ws.discovery, ws.library, n, asked=ws.asked) or next_questions(
        ws.discovery, ws.library, n)
    questions = [Question(id=q.id, text=q.text, field=answer_field(q, ws.discovery)) for q in picked]
    ws.pending_questions = questions
    ws.asked += [q.id for q in questions if q.id not in ws.asked]
    return questions


class RecordArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: dict[str, str | list[str] | int] = Field(
        description="Discovery field -> the user's answer in their words, e.g. "
        '{"product": "...", "priority_channel": "email", "governance_needs": ["..."]}. '
        "Fields: product, surfaces, data_sources, entity_types, key_properties, "
        "governance_needs, priority_channel, quick_win (also users, plan_tier, daily_volume).")


@tool("record_discovery", RecordArgs)
def record_discovery(ws: Workspace, args: RecordArgs) -> ToolOutput:
    """Record facts the user told you about their product as discovery answers (they win
    over what the scan inferred). Returns the updated discovery and what is still missing."""
    if not args.answers:
        raise ToolError("answers is empty; pass {field: value}")
    ws.require_scan()
    recorded = ws.record_answers(dict(args.answers))  # bad answers: a UsageError the runner reports
    answered = set(recorded)
    ws.pending_questions = [q for q in ws.pending_questions if q.field not in answered]
    artifact = discovery_artifact(ws)
    return ToolOutput(text=f"Recorded {', '.join(recorded)}. {progress_line(ws)}.\n\n{artifact.markdown}",
                      summary=f"recorded {', '.join(recorded)}; {len(ws.discovery.known_fields())}/{len(OUTPUT_FIELDS)} known",
                      artifact=artifact)


@tool("next_discovery_questions", NoArgs)
def next_discovery_questions(ws: Workspace, _: NoArgs) -> ToolOutput:
    """The next 2-3 discovery questions worth asking the user (none once enough is
    known). Ask them in your own words, then record the answers with record_discovery."""
    questions = pick_questions(ws)
    if not questions:
        return ToolOutput(text=f"No questions needed: {progress_line(ws)}.", summary="discovery complete")
    listing = "\n".join(f"- [{q.id} -> {q.field}] {q.text}" for q in questions)
    return ToolOutput(text=f"{progress_line(ws)}.\nAsk:\n{listing}",
                      summary=f"{len(questions)} questions", questions=questions)
