"""Documents leaving the session: the whole session as markdown, one artifact to a file,
and the export folder. Writes go outside the scanned repo freely; inside it only after
the caller has asked the user (`inside_repo`)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from personize_assistant.fileio import inside_repo, write_atomic
from personize_assistant.redact import redact

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from personize_assistant.actions.export import ExportResult
    from personize_assistant.agent.events import StoredArtifact
    from personize_assistant.agent.workspace import Workspace

SESSION_HEADING = "# personize-assistant session"


def message_text(content: Any) -> str:
    """The readable part of a message: text blocks and a line per tool call/result."""
    if isinstance(content, str):
        return content
    parts = []
    for block in content:
        kind = block.get("type")
        if kind == "text":
            parts.append(block["text"])
        elif kind == "tool_use":
            parts.append(f"_(called `{block['name']}`)_")
        elif kind == "tool_result":
            parts.append(f"_({'tool error' if block.get('is_error') else 'tool result'})_")
    return "\n\n".join(p for p in parts if p)


def latest_artifacts(artifacts: list[StoredArtifact]) -> list[StoredArtifact]:
    """The newest artifact of each kind and title, in the order they were first made:
    every answer rebuilds the discovery and a second `plan` replaces the first."""
    newest: dict[tuple[str, str], StoredArtifact] = {}
    for artifact in artifacts:
        newest.pop((artifact.kind, artifact.title), None)
        newest[(artifact.kind, artifact.title)] = artifact
    return list(newest.values())


def session_markdown(session_id: str, root: str, history: list[dict[str, Any]], ws: Workspace) -> str:
    lines = [f"{SESSION_HEADING} {session_id}", "", f"Repository: `{root}`", "", "## Conversation", ""]
    for message in history:
        text = message_text(message["content"]).strip()
        if text and not text.startswith(SESSION_HEADING):  # an older export shown in the chat
            speaker = "**You:**" if message["role"] == "user" else "**Assistant:**"
            lines += [speaker, "", text, ""]
    for artifact in latest_artifacts(ws.artifacts):
        if artifact.kind == "scan":
            continue  # the scan report is long and reproducible with `scan`
        lines += ["---", "", f"<!-- artifact {artifact.id} ({artifact.kind}) -->", "", artifact.markdown.strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def resolve_output(path: str | Path) -> Path:
    """A path the user typed: `~` expanded, relative to the current directory."""
    chosen = Path(path).expanduser()
    return (chosen if chosen.is_absolute() else Path.cwd() / chosen).resolve()


def write_document(path: Path, text: str) -> Path:
    """Redacted, atomically, ending in one newline."""
    write_atomic(path, redact(text if text.endswith("\n") else text + "\n"))
    return path


def default_export_folder(repo_root: Path) -> Path:
    """`./personize-export`, unless the current directory is inside the repo: then beside it."""
    here = Path.cwd() / "personize-export"
    return repo_root.resolve().parent / f"{repo_root.name}-personize-export" if inside_repo(here, repo_root) else here


def export_folder(ws: Workspace, session_text: Callable[[], str], folder: Path) -> ExportResult:
    """The `export` command's folder plus `session.md` (this conversation and its artifacts),
    built in a worker process: building proposal, schema and plan takes a second or more
    of CPU, and in a thread it would hold the GIL long enough to freeze the UI's frames."""
    from concurrent.futures import ProcessPoolExecutor

    from personize_assistant.actions.export import ExportResult
    from personize_assistant.scan.engine import quiet_stdio, stdio_for_children

    scan, text = ws.require_scan(), session_text()
    try:
        with contextlib.ExitStack() as stack:
            with stdio_for_children() as quiet:  # only while the worker starts
                pool = stack.enter_context(ProcessPoolExecutor(
                    max_workers=1, mp_context=_spawn_context(), initializer=quiet_stdio if quiet else None))
                future = pool.submit(_export_in_worker, str(ws.root), scan.model_dump(mode="json"),
                                     dict(ws.answers), text, str(folder))
            return ExportResult.model_validate(future.result())
    except (OSError, RuntimeError):  # no process support, or the worker died: the same export here
        log.debug("export worker failed; exporting in this process", exc_info=True)
        return _write_folder(ws, text, folder)


def _spawn_context() -> Any:
    """Never `fork`: the UI runs threads, and a forked child could inherit a held lock."""
    import multiprocessing

    return multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                       else "spawn")


def _export_in_worker(root: str, scan: dict[str, Any], answers: dict[str, Any], text: str,
                      folder: str) -> dict[str, Any]:
    from personize_assistant.agent.workspace import Workspace
    from personize_assistant.content import load_library
    from personize_assistant.scan.models import RepoScan

    ws = Workspace(Path(root), load_library(), answers)
    ws.use_scan(RepoScan.model_validate(scan))
    return _write_folder(ws, text, Path(folder)).model_dump(mode="json")


def _write_folder(ws: Workspace, text: str, folder: Path) -> ExportResult:
    from personize_assistant.actions.export import export_documents, write_export

    files = export_documents(ws.require_scan(), ws.discovery, ws.library)
    files["session.md"] = text
    return write_export(files, ws.root, folder, force=True)  # the caller asked about the repo
