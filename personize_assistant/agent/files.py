"""Reading files of the user's repo on the model's behalf: confined, capped, redacted.

The path comes from the model, and the content from the repo; neither is trusted. A
path must be relative, free of `..`, and resolve (symlinks followed) inside the root.
`untrusted.wrap_untrusted` then puts the content in a `<repo_file>` element, as data.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from personize_assistant.agent.tools import ToolError
from personize_assistant.fileio import Refusal, read_repo_bytes
from personize_assistant.redact import redact

MAX_FILE_BYTES = 256_000
MAX_LINES = 400


def confined_path(root: Path, relative: str) -> Path:
    """`root / relative`, or a ToolError when it would reach outside the repo."""
    cleaned = relative.strip()
    if not cleaned:
        raise ToolError("path is empty; pass a path relative to the repository root")
    if PurePosixPath(cleaned).is_absolute() or PureWindowsPath(cleaned).is_absolute() or cleaned.startswith("~"):
        raise ToolError(f"{relative}: absolute paths are not allowed; use a path relative to the repository root")
    if ".." in PurePosixPath(cleaned.replace("\\", "/")).parts:
        raise ToolError(f"{relative}: '..' is not allowed; stay inside the repository")
    base = root.resolve()
    target = (base / cleaned).resolve()
    if not target.is_relative_to(base):
        raise ToolError(f"{relative}: resolves outside the repository (symlink); not readable")
    return target


def read_lines(root: Path, relative: str, start: int | None, end: int | None) -> tuple[str, int, int, int]:
    """(text, first line, last line, total lines) of a confined, redacted text file."""
    path = confined_path(root, relative)
    if not path.exists() or path.is_dir():
        raise ToolError(f"{relative}: no such file in the repository")
    raw = read_repo_bytes(root, relative.strip(), MAX_FILE_BYTES)
    if isinstance(raw, Refusal):
        raise ToolError(raw.reason)
    if b"\0" in raw[:8192]:
        raise ToolError(f"{relative}: binary file; not read")
    lines = raw.decode("utf-8", errors="replace").splitlines()
    first = max(1, start or 1)
    last = min(len(lines), end or first + MAX_LINES - 1, first + MAX_LINES - 1)
    if lines and first > len(lines):
        raise ToolError(f"{relative}: has {len(lines)} lines; start {first} is past the end")
    return redact("\n".join(lines[first - 1:last])), first, last, len(lines)

