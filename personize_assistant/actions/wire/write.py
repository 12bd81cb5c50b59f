"""`wire --write`: apply a WireArtifact to the repo, or refuse with a one-line reason.

Refuses when a touched file has uncommitted changes, when any path leaves the repo
(`..`, absolute paths, symlinks out), or when a hunk no longer matches the file.
Everything is checked before the first byte is written.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from personize_assistant.actions.wire.artifact import WireArtifact
from personize_assistant.actions.wire.patch import PatchConflict, apply_hunks
from personize_assistant.errors import UsageError
from personize_assistant.fileio import write_atomic


def confined(root: Path, relative: str) -> Path:
    """`root/relative`, refusing anything that resolves outside `root` or is a symlink."""
    if Path(relative).is_absolute() or ".." in Path(relative).parts:
        raise UsageError(f"refusing to write {relative}: paths must stay inside the repository")
    candidate = root / relative
    if candidate.is_symlink():
        raise UsageError(f"refusing to write {relative}: it is a symlink")
    if not candidate.resolve().is_relative_to(root):
        raise UsageError(f"refusing to write {relative}: it resolves outside the repository")
    return candidate


def _git_dirty(root: Path, paths: list[str]) -> list[str]:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=all", "--", *paths],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"cannot run git to check for uncommitted changes: {exc}") from exc
    if done.returncode != 0:
        raise UsageError(
            f"{root} is not a git checkout; --write only writes over committed files "
            "(apply the printed diff by hand instead)"
        )
    return [line[3:] for line in done.stdout.splitlines() if line.strip()]


def plan_writes(root: Path, artifact: WireArtifact) -> dict[Path, str]:
    """The final content of every file the artifact touches (nothing written yet)."""
    root = root.resolve()
    planned: dict[Path, str] = {}
    for edit in artifact.edits:
        path = confined(root, edit.path)
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                current = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read {edit.path}: {getattr(exc, 'strerror', None) or exc}") from exc
        try:
            planned[path] = apply_hunks(current, edit.hunks, edit.path)
        except PatchConflict as exc:
            raise UsageError(f"the patch does not apply cleanly: {exc}; re-run wire") from exc
    for new in artifact.files_created:
        path = confined(root, new.path)
        if path.exists() and path.read_text(encoding="utf-8", errors="replace") != new.content:
            raise UsageError(f"the patch does not apply cleanly: {new.path} already exists")
        planned[path] = new.content
    return planned


def write_artifact(root: Path, artifact: WireArtifact) -> list[str]:
    """Apply the artifact; returns the repo-relative paths written."""
    root = root.resolve()
    for path in artifact.touched_paths():
        confined(root, path)
    dirty = _git_dirty(root, artifact.touched_paths())
    if dirty:
        raise UsageError(
            f"refusing to write over uncommitted changes in {', '.join(sorted(dirty))}; "
            "commit or stash them first"
        )
    planned = plan_writes(root, artifact)
    for target, text in planned.items():
        write_atomic(target, text, newline="")
    return [target.relative_to(root).as_posix() for target in planned]


