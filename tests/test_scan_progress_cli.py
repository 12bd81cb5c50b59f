"""A scan from the command line counts the files it parses on a terminal's stderr."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from personize_assistant.commands import output
from personize_assistant.terminal import SafeConsole


def test_the_status_line_counts_parsed_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(3):
        (tmp_path / f"mail_{n}.py").write_text("import smtplib\n\ndef send():\n    smtplib.SMTP('x').sendmail('a', 'b', 'c')\n")
    terminal = io.StringIO()
    monkeypatch.setattr(output, "err_console", SafeConsole(file=terminal, force_terminal=True, width=100))
    scan = output.scan_with_progress(tmp_path, use_cache=False, jobs=1)
    assert len(scan.touchpoints) >= 3
    assert "3/3 files parsed" in terminal.getvalue()


def test_an_unreadable_root_is_one_line(tmp_path: Path) -> None:
    from personize_assistant.errors import AssistantError

    with pytest.raises(AssistantError):
        output.scan_with_progress(tmp_path / "missing", use_cache=False, jobs=1)
