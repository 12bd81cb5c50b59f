"""The offline engine: intent routing, the first turn, discovery over turns, each action."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from personize_assistant.agent.events import (
    AgentEvent,
    ArtifactReady,
    ConfirmRequest,
    Question,
    QuestionsAsked,
    ScanReady,
    TextDelta,
    ToolFinished,
    TurnFinished,
)
from personize_assistant.agent.intents import route
from personize_assistant.agent.session import Session
from personize_assistant.agent.store import SessionStore
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import demo_repo as demo_repo
from tests.support.agent_fixtures import offline_settings
from tests.support.agent_fixtures import tiny_repo as tiny_repo

PENDING = [Question(id="product_journey", text="What does it do?", field="product"),
           Question(id="surfaces_priority", text="Which channel?", field="priority_channel")]


def text_of(events: Sequence[object]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


def artifacts_of(events: Sequence[object]) -> list[ArtifactReady]:
    return [e for e in events if isinstance(e, ArtifactReady)]


async def turn(session: Session, text: str) -> list[AgentEvent]:
    events = [event async for event in session.send(text)]
    assert isinstance(events[-1], TurnFinished)
    return events


async def opened(root: Path, store_dir: Path) -> Session:
    return await Session.open(root, settings=offline_settings(), engine="offline",
                              store=SessionStore(store_dir / "sessions.db"))


# --------------------------------------------------------------------------- routing


@pytest.mark.parametrize(("message", "pending", "intent", "argument"), [
    ("propose", [], "propose", ""),
    ("Any ideas where to start?", [], "propose", "where to start"),
    ("wire tp_1a2b3c4d", [], "wire", "tp_1a2b3c4d"),
    ("please wire the weekly digest", [], "wire", "the weekly digest"),
    ("/plan pro 2000/day", PENDING, "plan", "pro 2000/day"),
    ("schema", PENDING, "schema", ""),
    ("list emails", [], "touchpoints", "emails"),
    ("what can you do?", [], "help", ""),
    ("export the analytics dashboards and the reports our teams build every week", PENDING, "answers", ""),
    ("tell me a joke", [], "unknown", "tell me a joke"),
])
def test_route_picks_the_intent(message: str, pending: list[Question], intent: str, argument: str) -> None:
    routed = route(message, pending)
    assert (routed.name, routed.argument) == (intent, argument)


def test_field_lines_are_answers_even_without_pending_questions() -> None:
    routed = route("priority_channel: email\nGovernance needs: never promise discounts", [])
    assert routed.name == "answers"
    assert routed.answers == {"priority_channel": "email", "governance_needs": "never promise discounts"}


def test_free_text_answers_the_pending_questions_in_order() -> None:
    routed = route("1. Surveys for B2B teams\n2. email", PENDING)
    assert routed.answers == {"product": "Surveys for B2B teams", "priority_channel": "email"}
    single = route("Surveys for B2B teams; and more", PENDING[:1])
    assert single.answers == {"product": "Surveys for B2B teams; and more"}


# --------------------------------------------------------------------------- conversation


async def test_first_turn_scans_greets_and_asks(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    events = await turn(session, "hi")
    scan = next(e.scan for e in events if isinstance(e, ScanReady))
    asked = next(e.questions for e in events if isinstance(e, QuestionsAsked))
    text = text_of(events)
    assert 2 <= len(asked) <= 3
    assert f"{len(scan.touchpoints)} touchpoints" in text
    assert all(q.text in text for q in asked)
    assert [a.artifact.kind for a in artifacts_of(events)] == ["scan"]
    assert session.engine_name == "offline"
    await session.close()


async def test_discovery_over_several_turns_reaches_six_of_eight(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hello")
    answers = {"product": "Pulseboard runs customer surveys for B2B teams",
               "priority_channel": "email", "quick_win": "the weekly digest",
               "governance_needs": "friendly, never promise discounts"}
    for _ in range(4):
        pending = session._workspace.pending_questions
        if not pending:
            break
        await turn(session, "\n".join(answers.get(q.field, "not sure yet") for q in pending))
    known = session.discovery.known_fields()
    assert len(known) >= 6
    assert session.discovery.fact("product") is not None
    assert session.discovery.fact("product").source == "user"  # type: ignore[union-attr]
    await session.close()


@pytest.mark.parametrize(("message", "kind"), [
    ("propose for marketing", "proposal"),
    ("schema", "schema"),
    ("plan pro 2000/day", "plan"),
    ("wire the weekly digest", "wire"),
    ("generate sendWeeklyDigest", "generate"),
    ("review", "review"),
    ("status", None),
])
async def test_each_intent_runs_its_action(agent_env: Path, demo_repo: Path, message: str,
                                           kind: str | None) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    events = await turn(session, message)
    made = [a.artifact for a in artifacts_of(events)]
    failures = [e for e in events if isinstance(e, ToolFinished) and e.is_error]
    assert not failures, failures
    assert [a.kind for a in made] == ([kind] if kind else [])
    if kind:
        assert f"`{made[0].id}`" in text_of(events)
        assert session.artifacts[-1] == made[0]
    await session.close()


async def test_plan_options_reach_the_action(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    events = await turn(session, "plan enterprise 1500/day")
    plan = artifacts_of(events)[0].artifact
    assert "enterprise" in plan.markdown.lower()
    assert "1,500" in plan.markdown or "1500" in plan.markdown
    await session.close()


async def test_help_touchpoints_and_export(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    assert "`propose`" in text_of(await turn(session, "help"))
    listed = text_of(await turn(session, "list scheduled jobs"))
    jobs = [t for t in session.scan.touchpoints if t.kind.value == "scheduled_job"]  # type: ignore[union-attr]
    assert jobs and all(t.id in listed for t in jobs)
    await turn(session, "schema")
    folder = agent_env / "exported"
    reply = text_of(await turn(session, f"export to {folder}"))
    assert f"to `{folder}`" in reply and "session.md" in reply
    assert session.artifacts[-1].markdown.strip()[:40] not in reply  # the chat says where, not what
    exported = (folder / "session.md").read_text()
    assert exported.startswith(f"# personize-assistant session {session.id}")
    assert session.artifacts[-1].markdown.strip()[:40] in exported
    assert {"plan.md", "proposal.md", "schema.md", "index.md"} <= {p.name for p in folder.iterdir()}
    await session.close()


async def test_offline_replies_are_deterministic(agent_env: Path, demo_repo: Path) -> None:
    script = ["hi", "Surveys for B2B teams\nemail\nnothing yet", "propose", "wire the weekly digest"]
    transcripts = []
    for run in range(2):
        session = await opened(demo_repo, agent_env / f"run{run}")
        transcripts.append([text_of(await turn(session, message)) for message in script])
        await session.close()
    assert transcripts[0] == transcripts[1]


async def test_unknown_wire_target_is_a_clear_reply(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    events = await turn(session, "wire tp_00000000")
    assert "no touchpoint matches" in text_of(events)
    assert any(isinstance(e, ToolFinished) and e.is_error for e in events)
    await session.close()


# --------------------------------------------------------------------------- writes need approval


def _git_repo(root: Path) -> None:
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.mark.toolchain
@pytest.mark.parametrize("approve", [False, True])
async def test_wire_write_waits_for_confirmation(agent_env: Path, tiny_repo: Path, approve: bool) -> None:
    _git_repo(tiny_repo)
    before = (tiny_repo / "src" / "welcome.ts").read_text()
    session = await opened(tiny_repo, agent_env)
    await turn(session, "hi")
    seen: list[object] = []
    async for event in session.send("wire sendWelcome and write it"):
        seen.append(event)
        if isinstance(event, ConfirmRequest):
            assert (tiny_repo / "src" / "welcome.ts").read_text() == before  # nothing before the answer
            session.resolve_confirmation(event.request_id, approve)
    assert any(isinstance(e, ConfirmRequest) for e in seen)
    after = (tiny_repo / "src" / "welcome.ts").read_text()
    assert (after != before) is approve
    assert ("Wrote " in text_of(seen)) is approve
    await session.close()


@pytest.mark.toolchain
def test_offline_path_never_imports_anthropic_or_textual() -> None:
    code = ("import sys; import personize_assistant.agent.session, personize_assistant.commands.chat_cmd; "
            "print(sorted(m for m in ('anthropic', 'textual') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


async def test_answers_in_the_first_message_are_kept(agent_env: Path, tiny_repo: Path) -> None:
    session = await opened(tiny_repo, agent_env)
    events = await turn(session, "product: welcome emails for developers")
    asked = next(e.questions for e in events if isinstance(e, QuestionsAsked))
    assert session.discovery.value("product") == "welcome emails for developers"
    assert asked and "product" not in {q.field for q in asked}
    assert "- **product**: welcome emails for developers" in text_of(events)
    assert "no, that's not the product" in text_of(events)
    await session.close()


async def test_an_empty_message_is_not_a_turn(agent_env: Path, tiny_repo: Path) -> None:
    session = await opened(tiny_repo, agent_env)
    assert await turn(session, "   ") == [TurnFinished("empty_message")]
    assert session.history == []
    await session.close()


async def test_touchpoints_in_a_named_folder(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    jobs = [t for t in session.scan.touchpoints if t.kind.value == "scheduled_job"]  # type: ignore[union-attr]
    folder = jobs[0].file.rsplit("/", 1)[0]
    listed = text_of(await turn(session, f"which scheduled jobs are in {folder}?"))
    inside = [t for t in jobs if t.file.startswith(folder + "/")]
    outside = [t for t in jobs if not t.file.startswith(folder + "/")]
    assert inside and all(t.id in listed for t in inside)
    assert not any(t.id in listed for t in outside)
    await session.close()
