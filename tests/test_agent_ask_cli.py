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
from tests.support.messages_api import MessagesAPI, Reply, Text, ToolUse

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
    assert result.stdout.strip() == "Looking. You send one welcome email."
    assert "list_touchpoints: 2 touchpoints (email_send)" in result.stderr
    assert FAKE_ANTHROPIC_KEY not in result.stdout + result.stderr


def test_bad_input_is_one_line(agent_env: Path, tmp_path: Path) -> None:
    missing = ask(str(tmp_path / "nope"), "hi")
    assert missing.returncode == 2 and "no such directory" in missing.stderr
    assert "Traceback" not in missing.stderr
    engine = ask(str(tmp_path), "hi", "--engine", "claude")
    assert engine.returncode == 2 and "needs ANTHROPIC_API_KEY" in engine.stderr
