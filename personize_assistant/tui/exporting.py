"""Export to a markdown file: ask for the path, confirm writes into the scanned repo or over
an existing file, write atomically, and report back. Runs inside a screen's worker."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.screen import Screen

from personize_assistant.errors import AssistantError
from personize_assistant.fileio import inside_repo, write_atomic
from personize_assistant.redact import redact
from personize_assistant.tui.messages import FileExported
from personize_assistant.tui.screens.modals import ConfirmModal, ExportModal


def default_export_path(name: str) -> str:
    """Shown relative (`./personize-plan.md`); resolved against the current directory."""
    return f"./personize-{name}.md"


def resolve(path: Path) -> Path:
    path = path.expanduser()
    return (path if path.is_absolute() else Path.cwd() / path).resolve()


def needs_confirmation(path: Path, repo_root: Path) -> str | None:
    """Why writing `path` deserves a second question, or None."""
    if inside_repo(path, repo_root):
        return f"{path} is inside the scanned repository {repo_root}. Write it there anyway?"
    if path.exists():
        return f"{path} already exists. Overwrite it?"
    return None


async def export_markdown(screen: Screen[Any], text: str, *, name: str, what: str,
                          repo_root: Path) -> Path | None:
    """Ask, confirm if needed, write; returns the written path or None when the user backs out."""
    app = screen.app
    # Redacted before the dialog opens, in a thread: after it, only the write is left, so
    # closing the dialog repaints at once (bench/tui_export_bench.py).
    clean = await asyncio.to_thread(redact, text if text.endswith("\n") else text + "\n")
    chosen = await app.push_screen_wait(ExportModal(default_export_path(name), what=what))
    if chosen is None:
        return None
    path = resolve(chosen)
    reason = needs_confirmation(path, repo_root)
    if reason is not None and not await app.push_screen_wait(ConfirmModal(reason, title="Export")):
        app.notify("Export cancelled.")
        return None
    try:
        await asyncio.to_thread(write_atomic, path, clean)
    except AssistantError as exc:
        app.notify(str(exc), severity="error", markup=False)
        return None
    app.notify(f"Wrote {path}", markup=False)
    screen.post_message(FileExported(str(path)))
    return path
