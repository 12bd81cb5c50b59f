"""Find the files worth scanning: respects .gitignore, skips tests, vendored code,
build output and virtualenvs, and never follows a symlink out of the root or round
a loop."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from pathspec import GitIgnoreSpec

from personize_assistant.fileio import Refusal, read_repo_file
from personize_assistant.scan.languages import EXTENSIONS, MARKUP_SUFFIXES
from personize_assistant.scan.models import SkippedFile, SkipReason

SKIP_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", "node_modules", "bower_components", "jspm_packages",
        "dist", "build", ".next", "out", "coverage", ".nuxt", ".output", ".svelte-kit",
        ".turbo", ".vercel", ".netlify", ".cache", ".parcel-cache", "storybook-static",
        "__pycache__", ".venv", "venv", ".tox", ".nox", ".mypy_cache", ".pytest_cache",
        ".ruff_cache", "site-packages", ".eggs", "htmlcov", "vendor", "vendors",
        "third_party", "third-party", "migrations", "alembic", "__tests__", "__mocks__",
        "__snapshots__", "__fixtures__", "tests", "test", "spec", "specs", "e2e",
        "fixtures", "cypress", "playwright", ".idea", ".vscode", "generated", "__generated__",
        "_generated", ".generated", "built",
    }
)
_TEST_FILE = re.compile(
    r"(?:^test_.*\.py$|_test\.py$|^tests?\.py$|^conftest\.py$|\.(?:test|spec|e2e|stories|story|cy)\.[cm]?[jt]sx?$|\.d\.[cm]?ts$|\.min\.[cm]?js$|-min\.js$|\.bundle\.js$)"
)
_DOC_FILE = re.compile(r"(?i)(?:^|/)(?:readme(?:\.(?:rst|md|txt))?|docs?/(?:[^/]+/)*[^/]+\.(?:rst|md|txt))$")
MAX_IGNORE_BYTES = 1_000_000
_WORKFLOW = re.compile(r"(?:^|/)\.github/workflows/[^/]+\.ya?ml$")


@dataclass
class WalkResult:
    files: list[str] = field(default_factory=list)
    """Repo-relative paths (`/` separators) of the files to extract."""
    skipped: list[SkippedFile] = field(default_factory=list)
    listings: dict[str, list[str]] = field(default_factory=dict)
    """Entry names of each directory walked ("" is the root), so that readers of
    manifests need not list the tree a second time."""


def scan_target(relative: str, name: str) -> bool:
    """Is this file one the scanner reads (source, Prisma, workflow, vercel.json, README/docs)?"""
    if name == "vercel.json" or name == "crontab" or name.endswith((".cron", ".crontab", ".wasp", *MARKUP_SUFFIXES)):
        return True  # schedules, the Wasp DSL, pages holding analytics tags
    if _WORKFLOW.search(relative) or (name.endswith((".yml", ".yaml")) and "lock" not in name):
        return True  # CI schedules, Kubernetes CronJobs, render.yaml crons
    if _DOC_FILE.search(relative):
        return True  # docs that show a management command in a crontab line
    suffix = os.path.splitext(name)[1]
    return suffix in EXTENSIONS and not _TEST_FILE.search(name)


class _Walker:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.result = WalkResult()
        self.visited: set[tuple[int, int]] = set()

    def walk(self) -> WalkResult:
        specs: list[tuple[str, IgnoreMatcher]] = []
        if (self.root / ".git" / "info" / "exclude").is_file():
            specs.append(("", self._spec(".git/info/exclude")))
        self._directory(str(self.root), "", specs)
        self.result.files.sort()
        return self.result

    def _directory(self, absolute: str, relative: str, specs: list[tuple[str, IgnoreMatcher]]) -> None:
        try:
            # A directory is itself by device and inode: one stat, where realpath would
            # lstat every component of every folder of the tree.
            info = os.stat(absolute)
            if (info.st_dev, info.st_ino) in self.visited:
                self.result.skipped.append(SkippedFile(file=relative or ".", reason="symlink_loop"))
                return
            self.visited.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(absolute), key=lambda e: e.name)
        except OSError as exc:
            self.result.skipped.append(SkippedFile(file=relative or ".", reason="unreadable", detail=exc.strerror))
            return
        self.result.listings[relative] = [e.name for e in entries]
        if any(e.name == ".gitignore" for e in entries):
            specs = [*specs, (relative, self._spec(f"{relative}/.gitignore" if relative else ".gitignore"))]
        for entry in entries:
            self._entry(entry, f"{relative}/{entry.name}" if relative else entry.name, specs)

    def _entry(self, entry: os.DirEntry[str], relative: str, specs: list[tuple[str, IgnoreMatcher]]) -> None:
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir()
        except OSError as exc:  # ELOOP: a symlink cycle
            if scan_target(relative, entry.name) or exc.errno == 40:
                reason: SkipReason = "symlink_loop" if exc.errno == 40 else "unreadable"
                self.result.skipped.append(SkippedFile(file=relative, reason=reason))
            return
        if is_dir:
            if entry.name in SKIP_DIRS or _ignored(specs, relative + "/") or _is_virtualenv(entry.path):
                return
            if is_link and not self._inside_root(entry.path):
                self.result.skipped.append(SkippedFile(file=relative, reason="symlink_outside"))
                return
            self._directory(entry.path, relative, specs)
            return
        if not scan_target(relative, entry.name) or _ignored(specs, relative):
            return
        if is_link:
            if not os.path.exists(entry.path):
                broken: SkipReason = "symlink_loop" if _is_loop(entry.path) else "unreadable"
                self.result.skipped.append(SkippedFile(file=relative, reason=broken))
                return
            if not self._inside_root(entry.path):
                self.result.skipped.append(SkippedFile(file=relative, reason="symlink_outside"))
                return
        if not entry.is_file():  # a FIFO named `x.ts` would block the reader for ever
            self.result.skipped.append(SkippedFile(file=relative, reason="unreadable", detail="not a regular file"))
            return
        self.result.files.append(relative)

    def _spec(self, relative: str) -> IgnoreMatcher:
        """The ignore file's patterns. A line git accepts but pathspec cannot read (`\\`)
        is left out with a note in `skipped`, never a crash."""
        text = read_repo_file(self.root, relative, MAX_IGNORE_BYTES)
        spec, unreadable = ignore_spec([] if isinstance(text, Refusal) else text.splitlines())
        self.result.skipped.extend(
            SkippedFile(file=relative, reason="unreadable", detail=f"line {number}: not a pattern this tool reads; ignored")
            for number in unreadable)
        return IgnoreMatcher(spec)

    def _inside_root(self, path: str) -> bool:
        real = os.path.realpath(path)
        return real == self.real_root or real.startswith(self.real_root + os.sep)


_GROUP_NAME = re.compile(r"\(\?P<\w+>")


class IgnoreMatcher:
    """`match_file` of one ignore file, for the walk. Without negated patterns any match
    ignores the path, so one combined expression answers in a single pass (pathspec tries
    each pattern in turn: half of a warm rescan's time on a 2,800-file monorepo); with
    negations pathspec's own ordering decides."""

    def __init__(self, spec: GitIgnoreSpec) -> None:
        self.spec = spec
        patterns = [(p.include, p.regex) for p in spec.patterns if p.include is not None and p.regex is not None]
        self.combined: re.Pattern[str] | None = None
        self.empty = not patterns
        if patterns and all(include for include, _ in patterns):
            self.combined = re.compile("|".join(f"(?:{_GROUP_NAME.sub('(?:', regex.pattern)})" for _, regex in patterns))

    def match_file(self, path: str) -> bool:
        if self.empty:
            return False
        if self.combined is not None:
            return self.combined.match(path) is not None
        return bool(self.spec.match_file(path))


def ignore_spec(lines: list[str]) -> tuple[GitIgnoreSpec, list[int]]:
    """An ignore file's patterns, and the numbers of the lines git accepts but pathspec
    cannot read (`\\`): those are left out, never a crash."""
    try:
        return GitIgnoreSpec.from_lines(lines), []
    except ValueError:  # pathspec's GitIgnorePatternError
        readable = [(number, line) for number, line in enumerate(lines, 1) if _readable(line)]
        kept = {number for number, _ in readable}
        return (GitIgnoreSpec.from_lines([line for _, line in readable]),
                [number for number in range(1, len(lines) + 1) if number not in kept])


def git_ignored(root: Path, relative: str) -> bool:
    """Whether the repo's own ignore files ignore `relative`: `.git/info/exclude`, then each
    `.gitignore` from the root down to the file's folder; the last matching pattern wins."""
    parts = PurePosixPath(relative).parts
    layers = [(root / ".git" / "info" / "exclude", 0)]
    layers += [(root.joinpath(*parts[:depth]) / ".gitignore", depth) for depth in range(len(parts))]
    verdict: bool | None = None
    for ignore_file, depth in layers:
        include = _ignore_file(ignore_file).check_file("/".join(parts[depth:])).include
        verdict = verdict if include is None else include
    return bool(verdict)


def _ignore_file(path: Path) -> GitIgnoreSpec:
    """The patterns of one ignore file, read again only when it changed (a conversation
    asks for many files; each would re-read every `.gitignore` above it)."""
    try:
        found = path.stat()
    except OSError:
        return _EMPTY
    if not stat.S_ISREG(found.st_mode):  # a FIFO would block the read
        return _EMPTY
    return _spec_of(str(path), found.st_mtime_ns, found.st_size)


_EMPTY = GitIgnoreSpec.from_lines([])


@lru_cache(maxsize=256)
def _spec_of(path: str, _mtime_ns: int, _size: int) -> GitIgnoreSpec:
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    return ignore_spec(lines)[0]


def _readable(line: str) -> bool:
    try:
        GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True


def _is_loop(path: str) -> bool:
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == 40  # ELOOP
    return False


def _is_virtualenv(path: str) -> bool:
    return os.path.exists(os.path.join(path, "pyvenv.cfg"))


def _ignored(specs: list[tuple[str, IgnoreMatcher]], relative: str) -> bool:
    for base, spec in specs:
        if base:
            if not relative.startswith(base + "/"):
                continue
            candidate = relative[len(base) + 1 :]
        else:
            candidate = relative
        if spec.match_file(candidate):
            return True
    return False


def walk_repo(root: Path) -> WalkResult:
    return _Walker(root).walk()
