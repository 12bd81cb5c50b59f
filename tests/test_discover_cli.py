"""`discover` end to end: --answers, --no-input / piped stdin, and a real terminal (pty)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.toolchain  # every test runs `discover` in a subprocess (one in a pseudo-terminal)

ROOT = Path(__file__).resolve().parents[1]
PULSEBOARD = ROOT / "examples" / "pulseboard-ts"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "personize_assistant.cli", *args], capture_output=True,
                          text=True, check=False, stdin=subprocess.DEVNULL, env=env)


def isolated_env(tmp_path: Path) -> dict[str, str]:
    return os.environ | {"PERSONIZE_ASSISTANT_DATA_DIR": str(tmp_path / "data"),
                         "PERSONIZE_ASSISTANT_CACHE_DIR": str(tmp_path / "cache")}


def test_answers_file_completes_discovery_without_prompting(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("product: Pulse surveys for HR teams\npriority_channel: email\n"
                       "governance_needs: [no promises about retention]\n")
    result = run_cli("discover", str(PULSEBOARD), "--answers", str(answers), "--json",
                     env=isolated_env(tmp_path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["complete"] is True
    assert data["fields"]["product"] == {"value": "Pulse surveys for HR teams", "source": "user", "evidence": []}
    assert data["fields"]["entity_types"]["source"] == "scan"
    assert data["missing"] == ["quick_win"]


def test_without_a_terminal_it_lists_the_open_questions(tmp_path: Path) -> None:
    result = run_cli("discover", str(PULSEBOARD), env=isolated_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "## Open questions" in result.stdout
    assert "If only one channel - email, SMS, push, Slack or in-app - got smarter" in result.stdout
    assert "| product | — | unknown |" in result.stdout
    assert not (tmp_path / "data").exists()  # nothing answered, nothing saved


def test_save_answers_writes_only_where_asked(tmp_path: Path) -> None:
    answers = tmp_path / "in.yaml"
    answers.write_text("product: Surveys\n")
    saved = tmp_path / "out" / "personize-discovery.yaml"
    result = run_cli("discover", str(PULSEBOARD), "--answers", str(answers), "--save-answers", str(saved),
                     "-o", str(tmp_path / "discovery.md"), env=isolated_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(saved.read_text()) == {"product": "Surveys"}
    assert (tmp_path / "discovery.md").read_text().startswith("# Discovery")
    assert not list(PULSEBOARD.glob("personize-discovery*"))


def test_a_bad_answers_file_is_one_line(tmp_path: Path) -> None:
    answers = tmp_path / "bad.yaml"
    answers.write_text("colour: blue\n")
    result = run_cli("discover", str(PULSEBOARD), "--answers", str(answers), env=isolated_env(tmp_path))
    assert result.returncode == 2
    assert "unknown discovery field" in result.stderr and "Traceback" not in result.stderr


def test_interactive_session_in_a_terminal_saves_answers_on_ctrl_d(tmp_path: Path) -> None:
    """Enter to accept what the scan inferred, answer two questions, then Ctrl-D."""
    saved = tmp_path / "answers.yaml"
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "personize_assistant.cli", "discover", str(PULSEBOARD), "--json",
         "--save-answers", str(saved)],
        stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=isolated_env(tmp_path))
    os.close(slave)
    os.write(master, b"\nSurveys for HR teams\nemail\n\x04")
    try:
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        os.close(master)
    assert proc.returncode == 0, stderr.decode()
    data = json.loads(stdout)
    assert data["fields"]["product"]["value"] == "Surveys for HR teams"
    assert data["fields"]["priority_channel"] == {"value": "email", "source": "user", "evidence": []}
    assert data["complete"] is True
    assert yaml.safe_load(saved.read_text()) == {"product": "Surveys for HR teams", "priority_channel": "email"}
    assert b"From the code I can already tell" in stderr
