"""`scan_repo`: walk, extract (cached, in parallel), detect, assemble the RepoScan."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from personize_assistant.errors import UsageError
from personize_assistant.fileio import Refusal, read_repo_bytes
from personize_assistant.scan.cache import CacheState, ScanCache
from personize_assistant.scan.digest import rules_digest
from personize_assistant.scan.models import RepoScan, ScanStats, SkippedFile, Stack, Touchpoint
from personize_assistant.scan.walk import WalkResult, walk_repo

if TYPE_CHECKING:
    from personize_assistant.scan.extract import Extracted, Wire

# A warm rescan (nothing changed) reads the cached result and never parses or detects:
# the extractors (tree-sitter), the catalog and the detectors are imported only when a
# file has to be read, so start-up stays small.

POOL_MIN_FILES = 150
"""Below this many files to parse, starting worker processes costs more than it saves."""
BATCH_FILES = 24
MAX_WORKERS = 6


@dataclass(frozen=True)
class ScanProgress:
    """Files parsed so far out of those that needed parsing (cache hits are not counted);
    `notice` says something the user should know (e.g. the scan fell back to one process)."""

    done: int
    total: int
    notice: str | None = None


ProgressFn = Callable[[ScanProgress], None]


def _ignore(_: ScanProgress) -> None:
    return None


def scan_repo(root: Path, *, use_cache: bool = True, jobs: int | None = None,
              progress: ProgressFn | None = None) -> RepoScan:
    """`progress` is called from the scanning thread after each batch of parsed files."""
    with _cyclic_gc_paused():
        return _scan_repo(root, use_cache=use_cache, jobs=jobs, progress=progress or _ignore)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """A scan allocates ~10^5 small tuples that live until it ends and are freed by
    reference counting; the cyclic collector would re-traverse them over and over
    (measured: ~35% of the serial unpack + detection time on a 2,300-file repo)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _scan_repo(root: Path, *, use_cache: bool, jobs: int | None, progress: ProgressFn) -> RepoScan:
    started = time.perf_counter()
    root, walked = _targets(Path(root))
    cache = ScanCache(root, rules_digest(), enabled=use_cache)
    state = cache.load_state()
    entries, skipped = _stat_files(root, walked, state)
    fingerprint = _fingerprint(cache.version, entries)
    cached = state.result if state.fingerprint == fingerprint and use_cache else None
    if cached is not None:
        touchpoints = [Touchpoint.model_validate(t) for t in cached["touchpoints"]]
        skipped = [SkippedFile.model_validate(s) for s in cached["skipped"]]
        stats = ScanStats(files_seen=len(walked.files), cache_hits=len(entries))
    else:
        touchpoints, skipped, stats = _fresh_scan(root, walked, entries, skipped, cache, jobs, progress)
    stats.seconds = round(time.perf_counter() - started, 3)
    return RepoScan(
        root=str(root),
        stack=_stack(root, walked),
        touchpoints=touchpoints,
        skipped=skipped,
        stats=stats,
    )


def _targets(root: Path) -> tuple[Path, WalkResult]:
    target = root.expanduser()
    if not target.exists():
        raise UsageError(f"no such file or directory: {root}")
    target = target.resolve()
    if target.is_file():
        return target.parent, WalkResult(files=[target.name])
    if not target.is_dir():
        raise UsageError(f"not a directory or regular file: {root}")
    if not os.access(target, os.R_OK | os.X_OK):
        raise UsageError(f"cannot read directory: {root}")
    return target, walk_repo(target)


def _stat_files(
    root: Path, walked: WalkResult, state: CacheState
) -> tuple[dict[str, tuple[int, int, str]], list[SkippedFile]]:
    """(size, mtime, digest) per file; digest "" means "changed: read it to know"."""
    entries: dict[str, tuple[int, int, str]] = {}
    skipped = list(walked.skipped)
    for path in walked.files:
        try:
            info = os.stat(root / path)
        except OSError as exc:
            skipped.append(SkippedFile(file=path, reason="unreadable", detail=exc.strerror))
            continue
        previous = state.files.get(path)
        if previous is not None and previous[0] == info.st_size and previous[1] == info.st_mtime_ns:
            digest = previous[2]
        elif previous is not None and previous[0] == info.st_size:
            digest = _read_digest(root, path)  # touched, maybe unchanged: the content decides
        else:
            digest = ""
        entries[path] = (info.st_size, info.st_mtime_ns, digest)
    return entries, skipped


def _fingerprint(version: str, entries: dict[str, tuple[int, int, str]]) -> str:
    if any(not digest for _, _, digest in entries.values()):
        return ""
    digest = hashlib.sha1(version.encode())
    for path in sorted(entries):
        digest.update(f"{path}\0{entries[path][2]}\n".encode())
    return digest.hexdigest()


def _fresh_scan(
    root: Path,
    walked: WalkResult,
    entries: dict[str, tuple[int, int, str]],
    skipped: list[SkippedFile],
    cache: ScanCache,
    jobs: int | None,
    progress: ProgressFn,
) -> tuple[list[Touchpoint], list[SkippedFile], ScanStats]:
    """Extract what the fact store lacks, detect, and save facts, hashes and result at once."""
    from personize_assistant.scan.detect import find_touchpoints, to_touchpoints
    from personize_assistant.scan.extract import VENDORED, from_wire

    store = cache.load_facts()
    results: dict[str, Extracted] = {}
    wires: dict[str, Wire] = {}
    pending: list[str] = []
    for path, (size, mtime, digest) in entries.items():
        if not digest and store:
            digest = _read_digest(root, path)
            entries[path] = (size, mtime, digest)
        hit = store.get(digest) if digest else None
        if hit is not None:
            wires[digest] = hit
            results[path] = _relocated(from_wire(hit), path)
        else:
            pending.append(path)
    hits = len(results)
    fresh = _extract_all(root, pending, jobs, progress)
    for wire, item in fresh:
        wires[item.digest] = wire
        results[item.path] = item
        size, mtime, _ = entries[item.path]
        entries[item.path] = (size, mtime, item.digest)
    facts = {path: item.facts for path, item in results.items() if item.facts is not None}
    for path, item in sorted(results.items()):
        if item.skip is not None and item.skip[0] != VENDORED:
            skipped.append(SkippedFile(file=path, reason=item.skip[0], detail=item.skip[1] or None))
    touchpoints = to_touchpoints(root, find_touchpoints(facts))
    skipped = sorted(skipped, key=lambda s: s.file)
    state = CacheState(
        files=entries,
        fingerprint=_fingerprint(cache.version, entries),
        result={
            "touchpoints": [t.model_dump(mode="json") for t in touchpoints],
            "skipped": [s.model_dump(mode="json") for s in skipped],
        },
    )
    cache.save(state, {digest: wire for digest, wire in wires.items() if digest})
    stats = ScanStats(
        files_seen=len(walked.files),
        files_parsed=sum(1 for _, item in fresh if item.facts is not None),
        bytes_parsed=sum(item.size for _, item in fresh if item.facts is not None),
        cache_hits=hits,
    )
    return touchpoints, skipped, stats


def _read_digest(root: Path, path: str) -> str:
    from personize_assistant.scan.extract import MAX_BYTES, digest_of

    data = read_repo_bytes(root, path, MAX_BYTES)
    return "" if isinstance(data, Refusal) else digest_of(data)


def _relocated(item: Extracted, path: str) -> Extracted:
    """A cached result for the same content under another (or the same) path."""
    if item.path == path:
        return item
    facts = item.facts._replace(path=path) if item.facts is not None else None
    return item._replace(path=path, facts=facts)


def _extract_all(root: Path, paths: list[str], jobs: int | None,
                 progress: ProgressFn) -> list[tuple[Wire, Extracted]]:
    workers = jobs if jobs is not None else _available_cpus()
    if workers <= 1 or len(paths) < POOL_MIN_FILES:
        return _serial(root, paths, progress)
    batches = [paths[i : i + BATCH_FILES] for i in range(0, len(paths), BATCH_FILES)]
    _warm_grammars(paths)
    try:
        return _pooled(root, batches, min(workers, len(batches)), progress)
    except (OSError, RuntimeError, ValueError) as exc:
        # No process support here (sandbox, frozen app) or a pool that broke: the same
        # scan in this process is slower but gives the same result.
        notice = f"worker processes failed ({type(exc).__name__}: {exc}); scanning in one process instead"
        progress(ScanProgress(0, len(paths), notice=notice))
        return _serial(root, paths, progress)


def _pooled(root: Path, batches: list[list[str]], workers: int,
            progress: ProgressFn) -> list[tuple[Wire, Extracted]]:
    from personize_assistant.scan.extract import extract_batch, from_wire

    total = sum(len(batch) for batch in batches)
    results: list[tuple[Wire, Extracted]] = []
    with contextlib.ExitStack() as stack:
        with stdio_for_children() as quiet:  # workers start here (map submits every batch)
            pool = stack.enter_context(ProcessPoolExecutor(
                max_workers=workers, mp_context=_context(), initializer=quiet_stdio if quiet else None))
            done_batches = pool.map(extract_batch, _repeat(str(root)), batches)
        for batch in done_batches:
            results.extend((wire, from_wire(wire)) for wire in batch)
            progress(ScanProgress(len(results), total))
    return results


_STDIO_SWAP = threading.Lock()


def _has_fd(stream: Any) -> bool:
    try:
        return bool(stream.fileno() >= 0)
    except (AttributeError, OSError, ValueError):
        return False


@contextlib.contextmanager
def stdio_for_children() -> Iterator[bool]:
    """Yields True when sys.stderr has no file descriptor, with a real one standing in.

    Textual replaces sys.stderr with an object whose fileno() is -1; multiprocessing hands
    sys.stderr.fileno() to the resource tracker it starts, and -1 fails with "bad value(s)
    in fds_to_keep". The stand-in is /dev/null only while the pool starts."""
    if _has_fd(sys.stderr):
        yield False
        return
    with _STDIO_SWAP, open(os.devnull, "w", encoding="utf-8") as null:
        saved, sys.stderr = sys.stderr, null
        try:
            yield True
        finally:
            sys.stderr = saved


def quiet_stdio() -> None:
    """Worker initializer under a UI: the inherited terminal descriptors would let a
    worker's warning draw over the screen, so they point at /dev/null; and the worker
    yields the CPU to the UI (on two cores a busy worker otherwise delays its frames)."""
    null = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(null, fd)
    os.close(null)
    with contextlib.suppress(OSError, AttributeError):  # no nice() on Windows
        os.nice(BACKGROUND_NICENESS)


BACKGROUND_NICENESS = 10


def _available_cpus() -> int:
    """CPUs this process may use (container limits included), capped: each worker holds
    its own parsers, so more than a few costs memory for little speed."""
    try:
        count = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        count = os.cpu_count() or 1
    return max(1, min(count, MAX_WORKERS))


def _warm_grammars(paths: list[str]) -> None:
    """Compile parsers and queries once, before forking, so workers inherit them."""
    from personize_assistant.scan.languages import EXTENSIONS, TREE_SITTER_LANGUAGES, grammar

    for language in {EXTENSIONS.get(os.path.splitext(p)[1]) for p in paths}:
        if language in TREE_SITTER_LANGUAGES:
            grammar(language)


def _serial(root: Path, paths: list[str], progress: ProgressFn) -> list[tuple[Wire, Extracted]]:
    from personize_assistant.scan.extract import extract_path, to_wire

    results: list[tuple[Wire, Extracted]] = []
    for index, path in enumerate(paths, 1):
        item = extract_path(str(root), path)
        results.append((to_wire(item), item))
        if index % BATCH_FILES == 0 or index == len(paths):
            progress(ScanProgress(index, len(paths)))
    return results


def _repeat(value: str) -> Iterable[str]:
    while True:
        yield value


def _context() -> Any:
    """`fork` starts workers fastest, but is unsafe once other threads run (e.g. in the TUI)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn" if "forkserver" not in methods else "forkserver")


def _stack(root: Path, walked: WalkResult) -> Stack:
    try:
        from personize_assistant.scan.stack import detect_stack
    except ImportError:
        return Stack()
    return detect_stack(root, walked.files, walked.listings)
