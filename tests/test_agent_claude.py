"""The Claude engine against a scripted Messages API on 127.0.0.1 (real HTTP, real SDK)."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import pytest

from personize_assistant.agent.events import (
    AgentEvent,
    ArtifactReady,
    ConfirmRequest,
    EngineNotice,
    QuestionsAsked,
    TextDelta,
    ToolFinished,
    ToolStarted,
    TurnFinished,
)
from personize_assistant.agent.session import Session
from personize_assistant.agent.store import SessionStore
from personize_assistant.config import Settings
from personize_assistant.errors import UsageError
from tests.support.agent_fixtures import FAKE_ANTHROPIC_KEY, claude_settings
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import demo_repo as demo_repo
from tests.support.agent_fixtures import tiny_repo as tiny_repo
from tests.support.messages_api import Cut, Failure, MessagesAPI, Reply, Text, ToolUse

PLANTED_SECRET = "sk_live_51HxPlantedSecretValue0042"


async def turn(session: Session, text: str) -> list[AgentEvent]:
    events = [event async for event in session.send(text)]
    assert isinstance(events[-1], TurnFinished)
    return events


def text_of(events: list[AgentEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


def notices(events: list[AgentEvent]) -> list[EngineNotice]:
    return [e for e in events if isinstance(e, EngineNotice)]


async def claude_session(root: Path, store_dir: Path, url: str, **overrides: object) -> Session:
    return await Session.open(root, settings=claude_settings(url, **overrides), engine="auto",
                              store=SessionStore(store_dir / "sessions.db"))


async def test_tool_use_round_trip_produces_an_artifact(agent_env: Path, demo_repo: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    script = [Reply(Text("Let me rank the opportunities."), ToolUse("propose", {"persona": "marketing"})),
              Reply(Text("Your quick win is the weekly digest."))]
    with MessagesAPI(script) as api:
        session = await claude_session(demo_repo, agent_env, api.url)
        assert session.engine_name == "claude"
        events = await turn(session, "Where should we start?")
        await session.close()
    first, second = api.requests
    # what we sent: tools, cached system prefix with the SKILL doc and the scan summary, the key
    assert {"scan_repo", "read_file", "read_reference", "record_discovery", "propose", "wire"} <= set(first.tool_names)
    assert first.body["stream"] is True and first.body["model"] == Settings().model
    system = first.body["system"]
    assert system[0]["cache_control"] == {"type": "ephemeral"}
    assert first.body["cache_control"] == {"type": "ephemeral"}  # the conversation is cached too
    assert "read_reference" in system[0]["text"] and "touchpoints" in system[1]["text"]
    credentials = {first.headers.get("x-api-key"), first.headers.get("authorization")}
    assert credentials & {FAKE_ANTHROPIC_KEY, f"Bearer {FAKE_ANTHROPIC_KEY}"}
    assert caplog.records and FAKE_ANTHROPIC_KEY not in caplog.text  # sent, never logged
    # the tool ran and its result went back under the same id
    tool_use = second.body["messages"][1]["content"][-1]
    (result,) = second.tool_results()
    assert tool_use["type"] == "tool_use" and result["tool_use_id"] == tool_use["id"]
    assert result["is_error"] is False and "Quick win" in result["content"]
    # what the UI saw, in order
    kinds = [type(e).__name__ for e in events if not isinstance(e, TextDelta)]
    assert kinds[-4:] == ["ToolStarted", "ArtifactReady", "ToolFinished", "TurnFinished"]
    artifact = next(e.artifact for e in events if isinstance(e, ArtifactReady))
    assert artifact.kind == "proposal" and artifact.title == "Proposal (marketing)"
    assert text_of(events) == "Let me rank the opportunities.\n\nYour quick win is the weekly digest."
    assert events[-1] == TurnFinished("end_turn")


async def test_history_persists_and_resumes_with_tool_results(agent_env: Path, demo_repo: Path) -> None:
    script = [Reply(ToolUse("list_touchpoints", {"kind": "email_send"})), Reply(Text("15 emails.")),
              Reply(Text("Still here."))]
    with MessagesAPI(script) as api:
        session = await claude_session(demo_repo, agent_env, api.url)
        await turn(session, "what emails do we send?")
        await session.close()
        resumed = await Session.open(demo_repo, settings=claude_settings(api.url), resume="latest",
                                     store=SessionStore(agent_env / "sessions.db"))
        assert resumed.id == session.id
        await turn(resumed, "and now?")
        await resumed.close()
    sent = api.requests[-1].body["messages"]
    assert [m["role"] for m in sent] == ["user", "assistant", "user", "assistant", "user"]
    assert sent[2]["content"][0]["type"] == "tool_result"
    assert sent[-1]["content"] == "and now?"


async def test_tool_errors_go_back_as_is_error(agent_env: Path, demo_repo: Path) -> None:
    script = [Reply(ToolUse("wire", {"touchpoint_id": "tp_00000000"}),
                    ToolUse("read_file", {"path": "../../etc/passwd"}),
                    ToolUse("build_plan", {"plan_tier": "gold"}),
                    ToolUse("no_such_tool", {})),
              Reply(Text("Sorry about that."))]
    with MessagesAPI(script) as api:
        session = await claude_session(demo_repo, agent_env, api.url)
        events = await turn(session, "wire something")
        await session.close()
    results = api.requests[1].tool_results()
    assert [r["is_error"] for r in results] == [True, True, True, True]
    wire, read, plan, unknown = (r["content"] for r in results)
    assert "no touchpoint matches" in wire
    assert "'..' is not allowed" in read
    assert "invalid arguments: plan_tier" in plan
    assert "unknown tool 'no_such_tool'" in unknown
    finished = [e for e in events if isinstance(e, ToolFinished)]
    assert len(finished) == 4 and all(e.is_error for e in finished)
    assert events[-1] == TurnFinished("end_turn")


async def test_tool_loop_stops_at_max_iterations(agent_env: Path, demo_repo: Path) -> None:
    looping = [Reply(ToolUse("list_touchpoints", {})) for _ in range(3)]
    with MessagesAPI([*looping, Reply(Text("ok"))]) as api:
        session = await claude_session(demo_repo, agent_env, api.url, max_tool_iterations=2)
        events = await turn(session, "go")
        assert len(api.requests) == 3
        assert sum(isinstance(e, ToolStarted) for e in events) == 2
        assert events[-1] == TurnFinished("max_tool_iterations")
        assert any(n.level == "warning" and "2 tool rounds" in n.message for n in notices(events))
        await turn(session, "thanks")  # the history stays valid: roles alternate
        await session.close()
    sent = api.requests[-1].body["messages"]
    roles = [m["role"] for m in sent]
    assert all(a != b for a, b in itertools.pairwise(roles))
    last = sent[-1]["content"]
    assert last[0]["type"] == "tool_result" and last[0]["is_error"] is True
    assert last[-1] == {"type": "text", "text": "thanks"}


async def test_rejected_key_switches_to_offline(agent_env: Path, demo_repo: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with MessagesAPI([Failure(401, "invalid x-api-key")]) as api:
        session = await claude_session(demo_repo, agent_env, api.url)
        events = await turn(session, "hi")
        assert len(api.requests) == 1  # a 401 is not retried
    (notice,) = notices(events)
    assert notice.level == "error" and "ANTHROPIC_API_KEY" in notice.message and "401" in notice.message
    assert session.engine_name == "offline"
    assert "touchpoints" in text_of(events)  # the offline engine answered the same turn
    assert FAKE_ANTHROPIC_KEY not in caplog.text and FAKE_ANTHROPIC_KEY not in notice.message
    await session.close()


@pytest.mark.parametrize(("failure", "words"), [
    (Failure(500, retry_after_ms=1), "error (500 api_error: scripted failure)"),
    (Failure(529, "Overloaded", retry_after_ms=1), "overloaded"),
    (Failure(429, "slow down", retry_after_ms=1), "rate-limited"),
])
async def test_server_errors_end_the_turn_with_a_notice(agent_env: Path, demo_repo: Path, failure: Failure,
                                                        words: str) -> None:
    with MessagesAPI([failure] * 3 + [Reply(Text("Back again."))]) as api:
        session = await claude_session(demo_repo, agent_env, api.url)
        events = await turn(session, "hi")
        assert len(api.requests) == 3  # the SDK retried twice (max_retries=2)
        (notice,) = notices(events)
        assert notice.level == "error" and words in notice.message
        assert events[-1] == TurnFinished("error")
        assert session.engine_name == "claude"
        assert text_of(await turn(session, "hi again")) == "Back again."
        await session.close()
    assert [m["content"] for m in api.requests[-1].body["messages"]] == ["hi again"]


async def test_rate_limit_retries_then_answers(agent_env: Path, demo_repo: Path) -> None:
    with MessagesAPI([Failure(429, retry_after_ms=1), Reply(Text("Fine now."))]) as api:
        session = await claude_session(demo_repo, agent_env, api.url)
        events = await turn(session, "hi")
        await session.close()
    assert not notices(events) and text_of(events) == "Fine now."


async def test_stream_cut_midway_is_a_notice(agent_env: Path, demo_repo: Path) -> None:
    with MessagesAPI([Cut("Half an answ"), Reply(Text("Whole answer."))]) as api:
        session = await claude_session(demo_repo, agent_env, api.url, max_tool_iterations=3)
        events = await turn(session, "hi")
        assert "Half" in text_of(events)
        assert events[-1] == TurnFinished("error") and notices(events)[0].level == "error"
        assert text_of(await turn(session, "again")) == "Whole answer."
        await session.close()


async def test_secrets_read_from_the_repo_never_leave_or_persist(agent_env: Path, tiny_repo: Path) -> None:
    (tiny_repo / "src" / "keys.ts").write_text(f'export const PERSONIZE_KEY = "{PLANTED_SECRET}";\n')
    script = [Reply(ToolUse("read_file", {"path": "src/keys.ts"})), Reply(Text("There is a key in keys.ts."))]
    with MessagesAPI(script) as api:
        session = await claude_session(tiny_repo, agent_env, api.url)
        await turn(session, "read src/keys.ts")
        exported = session.export_markdown()
        await session.close()
    (result,) = api.requests[1].tool_results()
    assert "[REDACTED]" in result["content"] and "<repo_file" in result["content"]
    assert all(PLANTED_SECRET not in str(r.body) for r in api.requests)
    stored = b"".join(p.read_bytes() for p in agent_env.glob("sessions.db*"))
    assert PLANTED_SECRET.encode() not in stored and FAKE_ANTHROPIC_KEY.encode() not in stored
    assert PLANTED_SECRET not in exported


async def test_engine_choice(agent_env: Path, tiny_repo: Path) -> None:
    store = SessionStore(agent_env / "sessions.db")
    with pytest.raises(UsageError, match="ANTHROPIC_API_KEY"):
        await Session.open(tiny_repo, settings=Settings(anthropic_api_key=None), engine="claude", store=store)
    with pytest.raises(UsageError, match="engine must be one of"):
        await Session.open(tiny_repo, settings=Settings(), engine="gpt", store=store)
    auto = await Session.open(tiny_repo, settings=Settings(anthropic_api_key=None), store=store)
    assert auto.engine_name == "offline"
    await auto.close()


async def test_stopping_a_turn_leaves_the_history_consistent(agent_env: Path, demo_repo: Path) -> None:
    script = [Reply(Text("Working on it"), ToolUse("list_touchpoints", {})), Reply(Text("Fresh start."))]
    with MessagesAPI(script) as api:
        session = await claude_session(demo_repo, agent_env, api.url)
        stream = session.send("long task")
        async for event in stream:
            if isinstance(event, ToolStarted):
                break
        await stream.aclose()
        assert session.history == []
        events = await turn(session, "short task")
        await session.close()
    assert text_of(events) == "Fresh start." and len(api.requests) == 2
    assert api.requests[-1].body["messages"] == [{"role": "user", "content": "short task"}]


async def test_write_needs_the_users_approval(agent_env: Path, tiny_repo: Path) -> None:
    before = (tiny_repo / "src" / "welcome.ts").read_text()
    script = [Reply(ToolUse("wire", {"touchpoint_id": "sendWelcome", "write": True})), Reply(Text("Left it."))]
    with MessagesAPI(script) as api:
        session = await claude_session(tiny_repo, agent_env, api.url)
        asked = []
        async for event in session.send("wire the welcome email into the code"):
            if isinstance(event, ConfirmRequest):
                asked.append(event)
                session.resolve_confirmation(event.request_id, False)
        await session.close()
    assert len(asked) == 1 and "src/welcome.ts" in asked[0].question
    (result,) = api.requests[1].tool_results()
    assert result["is_error"] is False and result["content"].startswith("The user declined")
    assert (tiny_repo / "src" / "welcome.ts").read_text() == before


async def test_discovery_questions_and_answers_through_tools(agent_env: Path, tiny_repo: Path) -> None:
    script = [Reply(ToolUse("next_discovery_questions", {})), Reply(Text("What does tiny do?")),
              Reply(ToolUse("record_discovery", {"answers": {"product": "welcome emails for devs",
                                                             "priority_channel": "email"}})),
              Reply(Text("Noted."))]
    with MessagesAPI(script) as api:
        session = await claude_session(tiny_repo, agent_env, api.url)
        first = await turn(session, "hi")
        second = await turn(session, "We send welcome emails for devs; email matters most.")
        await session.close()
    questions = next(e.questions for e in first if isinstance(e, QuestionsAsked))
    assert 2 <= len(questions) <= 3
    assert session.discovery.value("product") == "welcome emails for devs"
    assert [a.kind for a in session.artifacts] == ["discovery"]
    assert any(isinstance(e, ArtifactReady) for e in second)


def test_long_histories_shorten_old_tool_results_first() -> None:
    from personize_assistant.agent.history import compact as compact_history

    def exchange(n: int) -> list[dict[str, object]]:
        return [{"role": "assistant", "content": [{"type": "tool_use", "id": f"t{n}", "name": "x", "input": {}}]},
                {"role": "user", "content": [{"type": "tool_result", "tool_use_id": f"t{n}", "content": "y" * 5000}]}]

    history = [{"role": "user", "content": "hi"}] + [m for n in range(10) for m in exchange(n)]
    assert compact_history(history, 1_000_000) == 0
    trimmed = compact_history(history, 30_000)
    results = [m["content"][0]["content"] for m in history[2::2]]
    assert 0 < trimmed < 10 and all(len(r) < 1000 for r in results[:trimmed])
    assert results[-1] == "y" * 5000  # the newest exchange is kept whole
    assert history[1]["content"][0]["type"] == "tool_use"  # structure (and ids) unchanged


async def test_unreachable_api_is_a_notice(agent_env: Path, tiny_repo: Path) -> None:
    with MessagesAPI() as api:
        url = api.url  # a port that was listening a moment ago and now refuses connections
    session = await claude_session(tiny_repo, agent_env, url)
    events = await turn(session, "hi")
    (notice,) = notices(events)
    assert notice.level == "error" and "could not reach Claude" in notice.message
    assert events[-1] == TurnFinished("error") and session.history == []
    await session.close()
