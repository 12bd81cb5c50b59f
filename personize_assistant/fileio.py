"""The user's files and folders: the repository a command works on, and files written
whole or not at all, with ordinary permissions.

Every stage that writes (command output, exports, `wire --write`, the TUI's export) goes
through `write_atomic`, so they all behave the same on an interrupted or failed write.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from personize_assistant.errors import UsageError


def write_atomic(path: Path, text: str, *, newline: str | None = None) -> None:
    """Write via a temp file + rename in the same folder, so an interrupted write never
    leaves half a file. An existing file keeps its mode; a new one gets what `open()` would
    give it (0666 less the umask), not mkstemp's 0600. `newline=""` writes line endings as
    they are in `text` (wired code keeps a CRLF file CRLF)."""
    path = path.expanduser()
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)  # a failed write leaves nothing behind, not even the temp file
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def repo_directory(path: Path) -> Path:
    """The repository a command or session works on, resolved; one wording for every
    "missing" and "not a directory" error."""
    root = path.expanduser()
    if not root.is_dir():
        raise UsageError(f"not a directory: {path}" if root.exists() else f"no such directory: {path}")
    return root.resolve()
