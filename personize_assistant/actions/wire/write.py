"""`wire --write`: apply a WireArtifact to the repo, or refuse with a one-line reason.

Writes only over files git tracks and that are committed as they are: refuses a file with
uncommitted changes, one git ignores or never committed (an ignore rule of a parent repo
or of `core.excludesFile` included), a read-only file, any path that leaves the repo
(`..`, absolute paths, symlinks out), a file that changed since the diff was made (its
blob id differs from the diff's `index` line), and a hunk that no longer matches.
Everything is checked before the first byte is written.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from personize_assistant.actions.wire.artifact import WireArtifact
from personize_assistant.actions.wire.patch import PatchConflict, apply_hunks
from personize_assistant.actions.wire.reviewed import check_base
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


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"cannot run git to check for uncommitted changes: {exc}") from exc


def _git_dirty(root: Path, paths: list[str]) -> dict[str, list[str]]:
    """Touched paths git reports, by what is wrong with them."""
    done = _git(root, "status", "--porcelain", "--ignored", "--untracked-files=all", "--", *paths)
    if done.returncode != 0:
        raise UsageError(
            f"{root} is not a git checkout; --write only writes over committed files "
            "(apply the printed diff by hand instead)"
        )
    found: dict[str, list[str]] = {}
    for line in filter(str.strip, done.stdout.splitlines()):
        why = {"!!": "files git ignores:", "??": "files never committed:"}.get(line[:2], "uncommitted changes in")
        found.setdefault(why, []).append(line[3:])
    return found


def _check_committed(root: Path, relative: str) -> None:
    """An existing file is written over only when git tracks it."""
    if _git(root, "ls-files", "--error-unmatch", "--", relative).returncode != 0:
        raise UsageError(
            f"refusing to write {relative}: git does not track it (never committed or ignored); "
            "commit it first or apply the printed diff by hand"
        )


def _check_not_ignored(root: Path, relative: str) -> None:
    """A new file must not land where git would never show it."""
    if _git(root, "check-ignore", "-q", "--", relative).returncode == 0:
        raise UsageError(f"refusing to create {relative}: git ignores it, so the change would go unseen")


def _check_writable(path: Path, relative: str) -> None:
    # A rename would replace a read-only file anyway: refuse instead of overriding its mode.
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):
        raise UsageError(f"refusing to write {relative}: it is read-only")


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
        check_base(edit.path, current, edit)
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
    _check_repo_state(root, artifact)
    planned = plan_writes(root, artifact)
    for target, text in planned.items():
        write_atomic(target, text, newline="")
    return [target.relative_to(root).as_posix() for target in planned]


def _check_repo_state(root: Path, artifact: WireArtifact) -> None:
    dirty = _git_dirty(root, artifact.touched_paths())
    if dirty:
        why, paths = min(dirty.items())
        raise UsageError(
            f"refusing to write over {why} {', '.join(sorted(paths))}; "
            "commit or stash them first (--write only writes over committed files)"
        )
    for relative in artifact.touched_paths():
        path = root / relative
        if path.exists():
            _check_committed(root, relative)
        else:
            _check_not_ignored(root, relative)
        _check_writable(path, relative)


