"""`personize-assistant scan` end to end, through a subprocess like a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.apps import fixture_app

pytestmark = pytest.mark.toolchain  # every test runs `scan` in a subprocess

CONTRACT_KEYS = {"root", "stack", "touchpoints", "skipped", "stats"}

@pytest.fixture(scope="session")
def repo() -> Path:
    return fixture_app("nodemailer-prisma-ts")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


def run_cli(*args: str, cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    if cache is not None:
        env["PERSONIZE_ASSISTANT_CACHE_DIR"] = str(cache)
    return subprocess.run(
        [sys.executable, "-m", "personize_assistant.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="session")
def contract(repo: Path, cache_dir: Path) -> dict[str, Any]:
    result = run_cli("scan", str(repo), "--json", cache=cache_dir)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)  # the whole of stdout is one object
    return data


def test_json_stdout_is_exactly_the_contract(contract: dict[str, Any], repo: Path) -> None:
    assert set(contract) == CONTRACT_KEYS
    assert contract["root"] == str(repo.resolve())
    assert contract["stack"]["dependencies"]["nodemailer"] == "^6.9.0"
    assert "npm" in contract["stack"]["package_managers"]
    assert "prisma" in contract["stack"]["frameworks"]
    for touchpoint in contract["touchpoints"]:
        assert not Path(touchpoint["file"]).is_absolute()
        assert None not in touchpoint.values()


def test_output_writes_the_file_and_leaves_stdout_empty(
    repo: Path, cache_dir: Path, tmp_path: Path, contract: dict[str, Any]
) -> None:
    target = tmp_path / "out" / "scan.json"
    result = run_cli("scan", str(repo), "--json", "-o", str(target), cache=cache_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    written = json.loads(target.read_text())
    assert written["touchpoints"] == contract["touchpoints"]
    assert written["stack"] == contract["stack"]


def test_markdown_and_text_can_be_written_to_files(
    repo: Path, cache_dir: Path, tmp_path: Path
) -> None:
    md, txt = tmp_path / "scan.md", tmp_path / "scan.txt"
    assert run_cli("scan", str(repo), "--md", "-o", str(md), cache=cache_dir).stdout == ""
    assert run_cli("scan", str(repo), "--output", str(txt), cache=cache_dir).stdout == ""
    assert md.read_text().startswith("# Personize touchpoint scan")
    assert "Personize touchpoints" in txt.read_text()
    assert "\x1b[" not in txt.read_text()


def test_sarif_output_is_a_sarif_log(repo: Path, cache_dir: Path, contract: dict[str, Any]) -> None:
    result = run_cli("scan", str(repo), "--sarif", cache=cache_dir)
    assert result.returncode == 0, result.stderr
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == len(contract["touchpoints"])


def test_piped_text_has_no_ansi_codes(repo: Path, cache_dir: Path) -> None:
    result = run_cli("scan", str(repo), cache=cache_dir)
    assert result.returncode == 0, result.stderr
    assert "Personize touchpoints" in result.stdout
    assert "\x1b[" not in result.stdout


def test_kind_filter_keeps_only_that_kind(
    repo: Path, cache_dir: Path, contract: dict[str, Any]
) -> None:
    result = run_cli("scan", str(repo), "--json", "--kind", "email_send", cache=cache_dir)
    assert result.returncode == 0, result.stderr
    kept = json.loads(result.stdout)["touchpoints"]
    expected = [t for t in contract["touchpoints"] if t["kind"] == "email_send"]
    assert kept == expected


def test_fail_on_exits_1_only_when_that_kind_is_reported(
    repo: Path, cache_dir: Path, contract: dict[str, Any]
) -> None:
    found = {t["kind"] for t in contract["touchpoints"]}
    absent = "search_endpoint"
    assert absent not in found
    result = run_cli("scan", str(repo), "--json", "--fail-on", absent, cache=cache_dir)
    assert result.returncode == 0
    if found:
        kind = sorted(found)[0]
        result = run_cli("scan", str(repo), "--json", "--fail-on", kind, cache=cache_dir)
        assert result.returncode == 1
        assert json.loads(result.stdout)["touchpoints"]  # the output is still produced
        assert kind in result.stderr


def test_nonexistent_path_is_a_one_line_usage_error(tmp_path: Path) -> None:
    message = assert_one_line_error(run_cli("scan", str(tmp_path / "missing"), "--json"))
    assert "no such file or directory" in message


def test_a_single_file_can_be_scanned(repo: Path, cache_dir: Path) -> None:
    result = run_cli("scan", str(repo / "src" / "mailer.ts"), "--json", cache=cache_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["root"] == str((repo / "src").resolve())
    assert {t["file"] for t in data["touchpoints"]} <= {"mailer.ts"}


@pytest.mark.parametrize(
    "flags", [("--json", "--md"), ("--json", "--sarif"), ("--md", "--sarif", "--json")]
)
def test_conflicting_format_flags_are_a_usage_error(repo: Path, flags: tuple[str, ...]) -> None:
    message = assert_one_line_error(run_cli("scan", str(repo), *flags))
    assert "cannot be combined" in message


def test_unknown_kind_is_a_usage_error(repo: Path) -> None:
    message = assert_one_line_error(run_cli("scan", str(repo), "--kind", "emails"))
    assert "emails" in message and "email_send" in message


def test_unwritable_output_is_a_usage_error(repo: Path, cache_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    result = run_cli("scan", str(repo), "--json", "-o", str(blocker / "out.json"), cache=cache_dir)
    assert "cannot write" in assert_one_line_error(result)


def test_help_describes_the_options() -> None:
    result = run_cli("scan", "--help")
    assert result.returncode == 0
    for option in ("--json", "--md", "--sarif", "--output", "--no-cache", "--jobs", "--kind"):
        assert option in result.stdout


def test_importing_the_command_does_not_load_the_scanner() -> None:
    code = (
        "import sys, personize_assistant.commands.scan_cmd;"
        "heavy = [m for m in ('tree_sitter', 'anthropic', 'rich.table') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_no_cache_rescans_everything_with_the_same_result(
    repo: Path, cache_dir: Path, contract: dict[str, Any]
) -> None:
    result = run_cli("scan", str(repo), "--json", "--no-cache", "--jobs", "1", cache=cache_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["stats"]["cache_hits"] == 0
    assert data["touchpoints"] == contract["touchpoints"]


def test_min_confidence_drops_weaker_touchpoints(
    repo: Path, cache_dir: Path, contract: dict[str, Any]
) -> None:
    result = run_cli("scan", str(repo), "--json", "--min-confidence", "high", cache=cache_dir)
    assert result.returncode == 0, result.stderr
    kept = json.loads(result.stdout)["touchpoints"]
    assert kept == [t for t in contract["touchpoints"] if t["confidence"] == "high"]
    message = assert_one_line_error(run_cli("scan", str(repo), "--min-confidence", "sure"))
    assert "--min-confidence" in message
