"""Every command that takes a repository reports a bad path the same way, in one line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from personize_assistant import cli

COMMANDS = (["wire"], ["generate", "-t", "x"], ["plan"], ["propose"], ["review"], ["schema"],
            ["discover"], ["chat"])


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    saved = sys.argv
    try:
        sys.argv = ["personize-assistant", *args]
        cli.main()
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    finally:
        sys.argv = saved
    return code, capsys.readouterr().err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_missing_and_non_directory_paths_read_alike(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    name, *options = command
    missing, a_file = tmp_path / "gone", tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    code, err = run(capsys, name, str(missing), *options)
    assert code == 2 and err.strip() == f"error: no such directory: {missing}"
    code, err = run(capsys, name, str(a_file), *options)
    assert code == 2 and err.strip() == f"error: not a directory: {a_file}"
