import subprocess
import sys

import pytest

from personize_assistant import __version__

pytestmark = pytest.mark.toolchain  # every test runs the CLI in a subprocess


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "personize_assistant.cli", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_version_prints_package_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"personize-assistant {__version__}"


def test_unknown_command_is_a_usage_error() -> None:
    result = run_cli("no-such-command")
    assert result.returncode == 2
    assert result.stdout == ""


def test_flags_show_no_value_type_in_help() -> None:
    result = run_cli("scan", "--help")
    assert result.returncode == 0
    assert "--json" in result.stdout
    assert "<bool>" not in result.stdout
    assert "<path>" in result.stdout  # options that take values keep their type
