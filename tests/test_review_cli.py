"""`personize-assistant review` end to end, through a subprocess like a user (or CI) runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.apps import fixture_app
from tests.test_review_support import write_repo

pytestmark = pytest.mark.toolchain  # every test runs `review` in a subprocess

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LEAKY = "sk_live_Ab12Cd34Ef56Gh78"

def run_cli(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100",
           "PERSONIZE_ASSISTANT_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "personize_assistant.cli", *args],
                          capture_output=True, text=True, check=False, env=env)


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="session")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("review-cache")


@pytest.fixture(scope="session")
def low_repo() -> Path:
    """Handled, bounded, explicit: the only finding left is extraction_unspecified (low)."""
    return fixture_app("handled-personize-ts")


@pytest.fixture(scope="session")
def pulseboard_json(cache: Path) -> dict[str, object]:
    result = run_cli("review", str(EXAMPLES / "pulseboard-ts"), "--json", cache=cache)
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_default_never_fails_and_json_is_the_artifact(pulseboard_json: dict[str, object]) -> None:
    assert pulseboard_json["integrated"] is True
    rules = {f["rule"] for f in pulseboard_json["findings"]}  # type: ignore[attr-defined]
    assert {"unhandled_error", "key_unchecked", "blocking_request_path"} <= rules


def test_fail_on_high_exits_1_on_pulseboard(cache: Path) -> None:
    result = run_cli("review", str(EXAMPLES / "pulseboard-ts"), "--fail-on", "high", cache=cache)
    assert result.returncode == 1
    assert result.stdout.startswith("# Personize integration review")  # the report is still printed
    assert "--fail-on high" in result.stderr


@pytest.mark.parametrize(("level", "code"), [("medium", 0), ("low", 1), ("INFO", 1)])
def test_fail_on_threshold_is_inclusive(cache: Path, low_repo: Path, level: str, code: int) -> None:
    result = run_cli("review", str(low_repo), "--fail-on", level, "--json", cache=cache)
    assert result.stdout, result.stderr
    severities = {f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert severities == {"low"}
    assert result.returncode == code, result.stderr


def test_no_integration_is_a_report_not_an_error(cache: Path) -> None:
    result = run_cli("review", str(EXAMPLES / "tallybook-py"), "--fail-on", "info", cache=cache)
    assert result.returncode == 0, result.stderr
    assert "No Personize integration found" in result.stdout
    assert "personize-assistant propose" in result.stdout


def test_sarif_to_a_file(cache: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "review.sarif"
    result = run_cli("review", str(EXAMPLES / "pulseboard-ts"), "--sarif", "-o", str(target), cache=cache)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    log = json.loads(target.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    assert any(r["ruleId"] == "personize-review/unhandled_error" for r in log["runs"][0]["results"])


@pytest.mark.parametrize(
    "args",
    [
        ("--fail-on", "critical"),
        ("--json", "--sarif"),
    ],
)
def test_usage_errors_exit_2_with_one_line(cache: Path, args: tuple[str, ...]) -> None:
    line = assert_one_line_error(run_cli("review", str(EXAMPLES / "pulseboard-ts"), *args, cache=cache))
    assert line.startswith("error:")


def test_missing_path_and_directory_output_exit_2(cache: Path, tmp_path: Path) -> None:
    assert "no such directory" in assert_one_line_error(run_cli("review", str(tmp_path / "nope"), cache=cache))
    line = assert_one_line_error(run_cli("review", str(EXAMPLES / "tallybook-py"), "-o", str(tmp_path), cache=cache))
    assert "directory" in line


def test_secrets_never_reach_any_format(cache: Path, tmp_path: Path) -> None:
    repo = write_repo(tmp_path / "leaky", {
        "src/p.ts": "import { Personize } from '@personize/sdk';\n"
                    f"const client = new Personize({{ secretKey: '{LEAKY}' }});\n"
                    "export async function go(email: string) {\n"
                    "  await client.memory.memorize({ email, content: 'x' });\n}\n",
    })
    for fmt in ("--md", "--json", "--sarif"):
        result = run_cli("review", str(repo), fmt, cache=cache)
        assert result.returncode == 0, result.stderr
        assert "hardcoded_key" in result.stdout
        assert LEAKY not in result.stdout + result.stderr
