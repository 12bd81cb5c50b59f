"""The user's files and folders: the repository a command works on, the one check every
reader of a repo file passes (`read_repo_file`), and files written whole or not at all,
with ordinary permissions.

Every stage that writes (command output, exports, `wire --write`, the TUI's export) goes
through `write_atomic`, so they all behave the same on an interrupted or failed write.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

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


def inside_repo(path: Path, repo: Path) -> bool:
    """Whether writing `path` would write into the repository (after `~` and links): the one
    check behind every "nothing is written into the repo without asking"."""
    return path.expanduser().resolve().is_relative_to(repo.expanduser().resolve())


def repo_directory(path: Path) -> Path:
    """The repository a command or session works on, resolved; one wording for every
    "missing" and "not a directory" error."""
    root = path.expanduser()
    if not root.is_dir():
        raise UsageError(f"not a directory: {path}" if root.exists() else f"no such directory: {path}")
    return root.resolve()


MAX_REPO_FILE_BYTES = 2_000_000
"""The bound for readers with no tighter one of their own: a source file larger than this
is generated or data, not code a person wrote."""


@dataclass(frozen=True)
class Refusal:
    """Why a repo file was not read. `kind` maps onto a scan skip reason, `detail` is the
    short cause (`Permission denied`), `reason` the sentence a person or the model reads."""

    kind: Literal["outside", "not_regular", "too_large", "unreadable"]
    path: str
    detail: str
    size: int = 0
    """The file's size in bytes, when known (a too-large file)."""

    @property
    def reason(self) -> str:
        return f"{self.path}: {_REFUSALS[self.kind].format(detail=self.detail)}"


_REFUSALS = {
    "outside": "resolves outside the repository (symlink); not read",
    "not_regular": "not a regular file ({detail}); not read",
    "too_large": "{detail}; not read",
    "unreadable": "cannot read: {detail}",
}


def read_repo_bytes(root: Path | str, relative: str, max_bytes: int) -> bytes | Refusal:
    """The one check every reader of the user's repo goes through: the file must resolve
    (symlinks followed) inside `root`, be a regular file, and hold at most `max_bytes`.

    A cloned repo can hold a symlink to `~/.aws/credentials` or `/dev/stdin`, or a FIFO
    named like source: those are refused with a reason, never read or waited on."""
    fd = _open_inside(root, relative)
    if isinstance(fd, Refusal):
        return fd
    try:
        info = os.fstat(fd)
        refused = _irregular(info.st_mode, info.st_size, relative, max_bytes)
        if refused is not None:
            return refused
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return Refusal("unreadable", relative, exc.strerror or str(exc))
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew after fstat
        return Refusal("too_large", relative, f"larger than {max_bytes} bytes", len(data))
    return data


def _open_inside(root: Path | str, relative: str) -> int | Refusal:
    real_root = os.path.realpath(root)
    real = os.path.realpath(os.path.join(root, relative))
    if real != real_root and not real.startswith(real_root.rstrip(os.sep) + os.sep):
        return Refusal("outside", relative, real)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        return os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return Refusal("unreadable", relative, exc.strerror or str(exc))


def _irregular(mode: int, size: int, relative: str, max_bytes: int) -> Refusal | None:
    if not stat.S_ISREG(mode):
        kind = "FIFO" if stat.S_ISFIFO(mode) else "device, socket or folder"
        return Refusal("not_regular", relative, kind)
    if size > max_bytes:
        return Refusal("too_large", relative, f"{size} bytes, larger than {max_bytes}", size)
    return None


def read_repo_file(root: Path | str, relative: str, max_bytes: int, *, newline: str | None = None) -> str | Refusal:
    """`read_repo_bytes` decoded as UTF-8 (bad bytes replaced). Line endings are made `\\n`
    as `open()` does, unless `newline=""` (wired code keeps a CRLF file CRLF)."""
    data = read_repo_bytes(root, relative, max_bytes)
    if isinstance(data, Refusal):
        return data
    text = data.decode("utf-8", errors="replace")
    return text if newline == "" else text.replace("\r\n", "\n").replace("\r", "\n")
