import os
import stat
from pathlib import Path

import pytest

from personize_assistant.errors import UsageError
from personize_assistant.fileio import write_atomic


def test_written_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    write_atomic(target, "# Plan\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert target.read_text() == "# Plan\n"


def test_failed_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()  # replacing a directory with a file fails after the temp file exists
    with pytest.raises(UsageError, match="cannot write"):
        write_atomic(target, "text")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert list(target.iterdir()) == []


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "run.sh"
    target.write_text("old\n")
    target.chmod(0o750)
    write_atomic(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o750
    assert target.read_text() == "new\n"


def test_newline_as_is_keeps_crlf(tmp_path: Path) -> None:
    target = tmp_path / "win.py"
    write_atomic(target, "a = 1\r\nb = 2\r\n", newline="")
    assert target.read_bytes() == b"a = 1\r\nb = 2\r\n"
