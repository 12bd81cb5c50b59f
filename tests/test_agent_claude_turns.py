"""Whatever a Claude reply ends with, the session stays one the API accepts.

Against the scripted Messages API on 127.0.0.1, which validates requests like the real
one (every tool_use answered in the next message, object inputs, no trailing whitespace
in a final assistant message): a request the real API would refuse shows up in
`api.rejected`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from personize_assistant.agent.claude import CHARS_PER_TOKEN
from personize_assistant.agent.events import ToolFinished, ToolStarted, TurnFinished
from personize_assistant.agent.session import Session
from personize_assistant.agent.store import SessionRecord, SessionStore
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import claude_settings
from tests.support.agent_fixtures import tiny_repo as tiny_repo
from tests.support.messages_api import Failure, MessagesAPI, Reply, Text, ToolUse
from tests.test_agent_claude import claude_session, notices, text_of, turn


def store_of(agent_env: Path) -> SessionStore:
    return SessionStore(agent_env / "sessions.db")


def stored_bytes(agent_env: Path) -> bytes:
    return b"".join(p.read_bytes() for p in agent_env.glob("sessions.db*"))


@pytest.mark.parametrize("stop_reason", ["max_tokens", "refusal"])
async def test_a_reply_cut_inside_a_tool_call_leaves_a_session_that_goes_on(
        agent_env: Path, tiny_repo: Path, stop_reason: str) -> None:
    cut = Reply(Text("Let me read it."), ToolUse("read_file", raw='{"path": "src/wel'), stop_reason=stop_reason)
    with MessagesAPI([cut, Reply(Text("Here it is."))]) as api:
        session = await claude_session(tiny_repo, agent_env, api.url)
        first = await turn(session, "read the welcome email")
        await session.close()
        resumed = await Session.open(tiny_repo, settings=claude_settings(api.url), resume="latest",
                                     store=store_of(agent_env))
        second = await turn(resumed, "go on")
        await resumed.close()
    assert first[-1] == TurnFinished(stop_reason)
    (notice,) = notices(first)
    assert notice.level == "warning" and "read_file" in notice.message and "not run" in notice.message
    assert not any(isinstance(e, ToolStarted) for e in first)  # the cut-off call never ran
    assert api.rejected == [] and text_of(second) == "Here it is."
    (answer,) = api.requests[-1].tool_results()
    assert answer["is_error"] is True and stop_reason in answer["content"]


async def test_pause_turn_is_continued_with_the_paused_content(agent_env: Path, tiny_repo: Path) -> None:
    script = [Reply(Text("Looking at the emails "), stop_reason="pause_turn"), Reply(Text("- there is one."))]
    with MessagesAPI(script) as api:
        session = await claude_session(tiny_repo, agent_env, api.url)
        events = await turn(session, "what emails?")
        await session.close()
    assert events[-1] == TurnFinished("end_turn") and api.rejected == []
    continued = api.requests[1].body["messages"]
    # sent back as-is, no user message added; the API refuses a final assistant text ending in whitespace
    assert continued[-1] == {"role": "assistant", "content": [{"type": "text", "text": "Looking at the emails"}]}
    assert [m["role"] for m in session.history] == ["user", "assistant"]
    assert [b["text"] for b in session.history[-1]["content"]] == ["Looking at the emails", "- there is one."]


async def test_malformed_tool_input_is_an_error_the_model_corrects(agent_env: Path, tiny_repo: Path) -> None:
    script = [Reply(Text("Listing."), ToolUse("list_touchpoints", raw='{"kind": email_send}')),
              Reply(ToolUse("list_touchpoints", {"kind": "email_send"})),
              Reply(Text("One welcome email."))]
    with MessagesAPI(script) as api:
        session = await claude_session(tiny_repo, agent_env, api.url)
        events = await turn(session, "which emails do we send?")
        await session.close()
    assert events[-1] == TurnFinished("end_turn") and api.rejected == []
    (bad,) = api.requests[1].tool_results()
    assert bad["is_error"] is True and "not valid JSON" in bad["content"]
    assert "email_send}" in bad["content"] and "list_touchpoints again" in bad["content"]
    echoed = api.requests[1].body["messages"][1]["content"][-1]
    assert echoed["type"] == "tool_use" and echoed["input"] == {}
    good = api.requests[2].tool_results()[-1]
    assert good["is_error"] is False and "sendWelcome" in good["content"]
    assert [e.is_error for e in events if isinstance(e, ToolFinished)] == [True, False]
    assert text_of(events).endswith("One welcome email.")


async def test_tool_rounds_stay_within_the_context_budget(agent_env: Path, tiny_repo: Path) -> None:
    (tiny_repo / "src" / "big.ts").write_text("".join(f"// {n:03d} {'x' * 70}\n" for n in range(400)))
    rounds, budget_tokens = 12, 15_000  # the tool definitions (with the expert-decision schemas) take ~4k
    script = [Reply(ToolUse("read_file", {"path": "src/big.ts"})) for _ in range(rounds)] + [Reply(Text("Done."))]
    with MessagesAPI(script) as api:
        session = await claude_session(tiny_repo, agent_env, api.url, context_budget_tokens=budget_tokens,
                                       max_tool_iterations=rounds)
        events = await turn(session, "read src/big.ts a dozen times")
        await session.close()
    assert events[-1] == TurnFinished("end_turn") and api.rejected == []
    sizes = [len(json.dumps(r.body, ensure_ascii=False)) for r in api.requests]
    assert max(sizes) <= budget_tokens * CHARS_PER_TOKEN + 1_000  # uncompacted, the last one is ~150k
    results = api.requests[-1].tool_results()
    assert len(results) == rounds  # every call still has its result: pairing intact
    newest = results[-1]["content"]
    assert "call read_file again" not in newest and "// 120" in newest  # the newest is kept whole
    assert "call read_file again" in results[0]["content"] and len(results[0]["content"]) < 1_000


async def test_a_saved_session_with_an_open_tool_call_is_repaired_on_resume(agent_env: Path,
                                                                           tiny_repo: Path) -> None:
    store = store_of(agent_env)
    store.save(SessionRecord(id="s_broken0001", root=str(tiny_repo.resolve()), engine="claude", messages=[
        {"role": "user", "content": "read the email"},
        {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_cut", "name": "read_file",
                                           "input": {}}]}]))
    with MessagesAPI([Reply(Text("Fine."))]) as api:
        session = await Session.open(tiny_repo, settings=claude_settings(api.url), resume="s_broken0001",
                                     store=store)
        events = await turn(session, "hello again")
        await session.close()
    assert text_of(events) == "Fine." and api.rejected == []
    assert any("closed" in n.message for n in notices(events))
    (answer,) = api.requests[0].tool_results()
    assert answer["tool_use_id"] == "toolu_cut" and answer["is_error"] is True


async def test_claude_engine_chosen_explicitly_never_falls_back(agent_env: Path, tiny_repo: Path) -> None:
    with MessagesAPI([Failure(401, "invalid x-api-key")]) as api:
        session = await Session.open(tiny_repo, settings=claude_settings(api.url), engine="claude",
                                     store=store_of(agent_env))
        events = await turn(session, "hi")
        await session.close()
    (notice,) = notices(events)
    assert notice.level == "error" and "invalid x-api-key" in notice.message and "401" in notice.message
    assert "offline" not in notice.message and session.engine_name == "claude"
    assert events[-1] == TurnFinished("error") and text_of(events) == ""


async def test_auto_engine_falls_back_and_says_so(agent_env: Path, tiny_repo: Path) -> None:
    with MessagesAPI([Failure(401, "invalid x-api-key")]) as api:
        session = await claude_session(tiny_repo, agent_env, api.url)
        events = await turn(session, "hi")
        await session.close()
    (notice,) = notices(events)
    assert "invalid x-api-key" in notice.message and "Switched to the offline engine" in notice.message
    assert session.engine_name == "offline" and text_of(events)


@pytest.mark.parametrize(("failure", "words"), [
    (Failure(404, "model: claude-nope-1"), "404 not_found_error: model: claude-nope-1"),
    (Failure(400, "prompt is too long: 210000 tokens > 200000 maximum"), "prompt is too long"),
])
async def test_api_errors_keep_the_apis_own_message(agent_env: Path, tiny_repo: Path, failure: Failure,
                                                    words: str) -> None:
    with MessagesAPI([failure]) as api:
        session = await claude_session(tiny_repo, agent_env, api.url)
        events = await turn(session, "hi")
        await session.close()
    (notice,) = notices(events)
    assert notice.level == "error" and words in notice.message
    assert events[-1] == TurnFinished("error") and session.history == []


PLANTED = "sk_live_51HxPlantedSecretValue0042"
PASSWORD = "hunter2-correct-horse-battery"


async def test_user_words_and_the_system_prompt_are_redacted(agent_env: Path, tiny_repo: Path,
                                                             tmp_path: Path) -> None:
    root = tmp_path / PLANTED / "tiny"  # the repo path is part of the system prompt's scan summary
    root.parent.mkdir()
    tiny_repo.rename(root)
    message = f'our key is {PLANTED} and settings have DB_PASSWORD = "{PASSWORD}"'
    with MessagesAPI([Reply(Text("Noted."))]) as api:
        session = await claude_session(root, agent_env, api.url)
        await turn(session, message)
        await session.close()
    (request,) = api.requests
    sent = json.dumps(request.body)
    assert PLANTED not in sent and PASSWORD not in sent and "[REDACTED]" in sent
    assert PLANTED.encode() not in stored_bytes(agent_env).replace(str(root).encode(), b"")
    assert PASSWORD.encode() not in stored_bytes(agent_env)


ENV_SECRETS = [
    ("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"),
    ("DATABASE_URL=postgres://app:s3cretPassw0rd42@db.internal:5432/app", "s3cretPassw0rd42"),
    ("GITLAB_TOKEN=glpat-Zx8kQ2mN4vB7tR1yW9pL", "glpat-Zx8kQ2mN4vB7tR1yW9pL"),
]


@pytest.mark.parametrize(("line", "secret"), ENV_SECRETS)
async def test_env_secrets_never_reach_the_model_or_the_store(agent_env: Path, tiny_repo: Path, line: str,
                                                              secret: str) -> None:
    (tiny_repo / ".env").write_text(f"# local settings\n{line}\n")
    script = [Reply(ToolUse("read_file", {"path": ".env"})), Reply(Text("Checked."))]
    with MessagesAPI(script) as api:
        session = await claude_session(tiny_repo, agent_env, api.url)
        await turn(session, f"is this line in .env right? {line}")
        await session.close()
    (result,) = api.requests[1].tool_results()
    assert result["is_error"] is False and "# local settings" in result["content"]  # named, so read
    assert all(secret not in json.dumps(r.body) for r in api.requests)
    assert secret.encode() not in stored_bytes(agent_env)


async def test_read_file_refuses_private_files_the_user_did_not_name(agent_env: Path, tiny_repo: Path) -> None:
    (tiny_repo / ".env").write_text("RESEND_API_KEY=re_live_value_kept_local\n")
    (tiny_repo / ".git").mkdir()
    (tiny_repo / ".git" / "config").write_text('[remote "origin"]\n\turl = https://x:tok@example.com/r.git\n')
    script = [Reply(ToolUse("read_file", {"path": ".env"}), ToolUse("read_file", {"path": ".git/config"}),
                    ToolUse("read_file", {"path": "src/welcome.ts"})),
              Reply(Text("Some files are private."))]
    with MessagesAPI(script) as api:
        session = await claude_session(tiny_repo, agent_env, api.url)
        await turn(session, "check my configuration")
        await session.close()
    env, git, source = api.requests[1].tool_results()
    assert env["is_error"] and "not read" in env["content"] and '".env"' in env["content"]
    assert git["is_error"] and "not read" in git["content"]
    assert not source["is_error"] and "sendWelcome" in source["content"]
    assert "re_live_value" not in json.dumps(api.requests[1].body) and "tok@" not in json.dumps(api.requests[1].body)

