"""Shared output plumbing for commands: stdout carries only the requested output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from personize_assistant.fileio import repo_directory as repo_directory
from personize_assistant.fileio import write_atomic as write_atomic
from personize_assistant.terminal import SafeConsole, json_printable, printable

if TYPE_CHECKING:
    from personize_assistant.scan.models import RepoScan

# Progress and logs go to stderr so `--json` stdout stays machine-readable.
err_console = SafeConsole(stderr=True, highlight=False)


def emit(text: str, output: Path | None = None) -> None:
    """Print `text` to stdout, or write it to `output` and say so on stderr; control
    characters from the repo are escaped either way (a report is read with `cat`)."""
    _emit(printable(text), output)


def emit_json(data: Any, output: Path | None = None) -> None:
    _emit(json_printable(json.dumps(data, indent=2, ensure_ascii=False)), output)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    write_atomic(output, text if text.endswith("\n") else text + "\n")
    err_console.print(f"wrote {output}")


def check_output(repo: Path, output: Path | None, force: bool) -> None:
    """Like `export`: a file written inside the scanned repo needs --force, or a yes from a
    person at a terminal (nothing is written into the repo without asking)."""
    if output is None or force:
        return
    from personize_assistant.fileio import inside_repo

    if not inside_repo(output, repo):
        return
    if sys.stdin.isatty() and sys.stderr.isatty():
        import typer

        if typer.confirm(f"{output} is inside the scanned repository; write it?", default=False, err=True):
            return
    from personize_assistant.errors import UsageError

    raise UsageError(f"{output} is inside the scanned repository, which this command leaves untouched; "
                     "write it elsewhere or pass --force")


def terminal_width() -> int | None:
    """Columns to wrap plain-text reports at for a person at a terminal; None when piped
    (scripts and tests keep one line per item)."""
    import shutil

    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def wrap_line(line: str, indent: int, width: int | None) -> list[str]:
    """`line` wrapped to `width` with a hanging `indent` (unchanged when width is None)."""
    if width is None or len(line) <= width:
        return [line]
    import textwrap

    return textwrap.wrap(line, width=max(width, indent + 20), subsequent_indent=" " * indent,
                         break_on_hyphens=False, break_long_words=False)


def scan_with_progress(root: Path, *, use_cache: bool = True, jobs: int | None = None) -> RepoScan:
    """The scan every command starts from, with a status line on stderr when it is a
    terminal that counts the files parsed (`Scanning app … 2,712/4,115 files`); a warm
    cache parses nothing and only shows the spinner. OSError becomes a one-line UsageError."""
    from personize_assistant.errors import UsageError
    from personize_assistant.scan import scan_repo
    from personize_assistant.scan.engine import ScanProgress

    label = f"Scanning {root} …"
    try:
        with err_console.status(label) as status:

            def show(progress: ScanProgress) -> None:
                if progress.total:
                    status.update(f"{label} {progress.done:,}/{progress.total:,} files parsed")

            return scan_repo(root, use_cache=use_cache, jobs=jobs, progress=show)
    except OSError as exc:
        raise UsageError(f"cannot scan {root}: {exc.strerror or exc}") from exc
