"""`personize-assistant ask`: one turn from the shell, offline and against the scripted API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.agent_fixtures import FAKE_ANTHROPIC_KEY
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import tiny_repo as tiny_repo
from tests.support.messages_api import Cut, Failure, MessagesAPI, Reply, Step, Text, ToolUse

pytestmark = pytest.mark.toolchain  # every test runs `ask` through the CLI in a subprocess


def ask(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "personize_assistant.cli", "ask", *args],
                          capture_output=True, text=True, check=False, env={**os.environ, **(env or {})},
                          stdin=subprocess.DEVNULL, timeout=120)


def test_offline_turn_prints_reply_and_tool_activity(agent_env: Path, tiny_repo: Path) -> None:
    result = ask(str(tiny_repo), "hi", "--engine", "offline")
    assert result.returncode == 0, result.stderr
    assert "I scanned **tiny**: 3 touchpoints" in result.stdout
    assert "scan_repo" in result.stderr and "scan_repo" not in result.stdout
    assert "--resume s_" in result.stderr
    again = ask(str(tiny_repo), "schema", "--resume", "latest")
    assert again.returncode == 0, again.stderr
    assert "**Schema**" in again.stdout and "# " in again.stdout.split("---", 1)[1]


def test_json_prints_one_event_per_line(agent_env: Path, tiny_repo: Path) -> None:
    result = ask(str(tiny_repo), "hi", "--json")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events[0]["type"] == "session" and events[0]["engine"] == "offline"
    types = [e["type"] for e in events]
    assert {"tool_started", "scan_ready", "artifact_ready", "questions_asked", "text_delta"} <= set(types)
    assert types[-1] == "turn_finished"


def test_claude_engine_end_to_end(agent_env: Path, tiny_repo: Path) -> None:
    script = [Reply(Text("Looking. "), ToolUse("list_touchpoints", {"kind": "email_send"})),
              Reply(Text("You send one welcome email."))]
    with MessagesAPI(script) as api:
        result = ask(str(tiny_repo), "what emails?", env={"ANTHROPIC_API_KEY": FAKE_ANTHROPIC_KEY,
                                                          "ANTHROPIC_BASE_URL": api.url})
    assert result.returncode == 0, result.stderr
    # the two rounds' text are separate paragraphs, not "Looking. You send…" run together
    assert [line.strip() for line in result.stdout.strip().splitlines()] == [
        "Looking.", "", "You send one welcome email."]
    assert "list_touchpoints: 2 touchpoints (email_send)" in result.stderr
    assert FAKE_ANTHROPIC_KEY not in result.stdout + result.stderr


def test_bad_input_is_one_line(agent_env: Path, tmp_path: Path) -> None:
    missing = ask(str(tmp_path / "nope"), "hi")
    assert missing.returncode == 2 and "no such directory" in missing.stderr
    assert "Traceback" not in missing.stderr
    engine = ask(str(tmp_path), "hi", "--engine", "claude")
    assert engine.returncode == 2 and "needs ANTHROPIC_API_KEY" in engine.stderr


def claude_env(url: str) -> dict[str, str]:
    return {"ANTHROPIC_API_KEY": FAKE_ANTHROPIC_KEY, "ANTHROPIC_BASE_URL": url}


@pytest.mark.parametrize(("script", "words"), [
    ([Failure(401, "invalid x-api-key")], "401 authentication_error: invalid x-api-key"),
    ([Failure(404, "model: claude-nope-1")], "404 not_found_error: model: claude-nope-1"),
    ([Failure(400, "messages.1: tool_use ids were found without tool_result blocks")], "tool_result blocks"),
    ([Failure(529, "Overloaded", retry_after_ms=1)] * 3, "529 overloaded_error: Overloaded"),
    ([Failure(500, "Internal server error", retry_after_ms=1)] * 3, "500 api_error: Internal server error"),
    ([Cut("Half an answ")], "interrupted"),
], ids=["401", "404", "400", "529", "500", "dropped-stream"])
def test_api_failures_exit_non_zero_with_the_apis_message(agent_env: Path, tiny_repo: Path, script: list[Step],
                                                          words: str) -> None:
    with MessagesAPI(script) as api:
        result = ask(str(tiny_repo), "hi", "--engine", "claude", env=claude_env(api.url))
        assert api.remaining == 0  # every scripted failure was met (the SDK retried 529/500)
    assert result.returncode == 1, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr
    assert "offline" not in result.stderr and "I scanned" not in result.stdout  # never a silent fallback
    assert FAKE_ANTHROPIC_KEY not in result.stdout + result.stderr


def test_auto_engine_falls_back_on_a_rejected_key_and_says_so(agent_env: Path, tiny_repo: Path) -> None:
    with MessagesAPI([Failure(401, "invalid x-api-key")]) as api:
        result = ask(str(tiny_repo), "hi", env=claude_env(api.url))
    assert result.returncode == 0, result.stderr
    assert "invalid x-api-key" in result.stderr and "Switched to the offline engine" in result.stderr
    assert "I scanned **tiny**" in result.stdout


def test_json_output_also_exits_non_zero_on_failure(agent_env: Path, tiny_repo: Path) -> None:
    with MessagesAPI([Failure(404, "model: claude-nope-1")]) as api:
        result = ask(str(tiny_repo), "hi", "--engine", "claude", "--json", env=claude_env(api.url))
    assert result.returncode == 1
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events[-1] == {"type": "turn_finished", "stop_reason": "error"}
    assert any(e["type"] == "engine_notice" and "claude-nope-1" in e["message"] for e in events)
