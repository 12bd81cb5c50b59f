"""`scan_repo`: walk, extract (cached, in parallel), detect, assemble the RepoScan."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from personize_assistant.errors import UsageError
from personize_assistant.fileio import Refusal, read_repo_bytes
from personize_assistant.scan.cache import CacheState, ScanCache
from personize_assistant.scan.catalog import load_catalog
from personize_assistant.scan.detect import find_touchpoints, to_touchpoints
from personize_assistant.scan.extract import (
    MAX_BYTES,
    VENDORED,
    Extracted,
    Wire,
    digest_of,
    extract_batch,
    extract_path,
    from_wire,
    to_wire,
)
from personize_assistant.scan.facts import FileFacts
from personize_assistant.scan.languages import EXTENSIONS, TREE_SITTER_LANGUAGES, grammar
from personize_assistant.scan.models import RepoScan, ScanStats, SkippedFile, Stack, Touchpoint
from personize_assistant.scan.walk import WalkResult, walk_repo

POOL_MIN_FILES = 150
"""Below this many files to parse, starting worker processes costs more than it saves."""
BATCH_FILES = 24
MAX_WORKERS = 6


def scan_repo(root: Path, *, use_cache: bool = True, jobs: int | None = None) -> RepoScan:
    with _cyclic_gc_paused():
        return _scan_repo(root, use_cache=use_cache, jobs=jobs)


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


def _scan_repo(root: Path, *, use_cache: bool, jobs: int | None) -> RepoScan:
    started = time.perf_counter()
    root, walked = _targets(Path(root))
    cache = ScanCache(root, load_catalog().digest, enabled=use_cache)
    state = cache.load_state()
    entries, skipped = _stat_files(root, walked, state)
    fingerprint = _fingerprint(cache.version, entries)
    cached = state.result if state.fingerprint == fingerprint and use_cache else None
    if cached is not None:
        touchpoints = [Touchpoint.model_validate(t) for t in cached["touchpoints"]]
        skipped = [SkippedFile.model_validate(s) for s in cached["skipped"]]
        stats = ScanStats(files_seen=len(walked.files), cache_hits=len(entries))
    else:
        touchpoints, skipped, stats = _fresh_scan(root, walked, entries, skipped, cache, jobs)
    stats.seconds = round(time.perf_counter() - started, 3)
    return RepoScan(
        root=str(root),
        stack=_stack(root, walked.files),
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
) -> tuple[list[Touchpoint], list[SkippedFile], ScanStats]:
    """Extract what the fact store lacks, detect, and save facts, hashes and result at once."""
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
    fresh = _extract_all(root, pending, jobs)
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
    data = read_repo_bytes(root, path, MAX_BYTES)
    return "" if isinstance(data, Refusal) else digest_of(data)


def _relocated(item: Extracted, path: str) -> Extracted:
    """A cached result for the same content under another (or the same) path."""
    if item.path == path:
        return item
    facts: FileFacts | None = item.facts._replace(path=path) if item.facts is not None else None
    return item._replace(path=path, facts=facts)


def _extract_all(root: Path, paths: list[str], jobs: int | None) -> list[tuple[Wire, Extracted]]:
    workers = jobs if jobs is not None else _available_cpus()
    if workers <= 1 or len(paths) < POOL_MIN_FILES:
        return _serial(root, paths)
    batches = [paths[i : i + BATCH_FILES] for i in range(0, len(paths), BATCH_FILES)]
    _warm_grammars(paths)
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(batches)), mp_context=_context()) as pool:
            return [(wire, from_wire(wire)) for batch in pool.map(extract_batch, _repeat(str(root)), batches) for wire in batch]
    except (OSError, RuntimeError):  # no process support here (sandbox, frozen app): stay serial
        return _serial(root, paths)


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
    for language in {EXTENSIONS.get(os.path.splitext(p)[1]) for p in paths}:
        if language in TREE_SITTER_LANGUAGES:
            grammar(language)


def _serial(root: Path, paths: list[str]) -> list[tuple[Wire, Extracted]]:
    items = [extract_path(str(root), path) for path in paths]
    return [(to_wire(item), item) for item in items]


def _repeat(value: str) -> Iterable[str]:
    while True:
        yield value


def _context() -> Any:
    """`fork` starts workers fastest, but is unsafe once other threads run (e.g. in the TUI)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn" if "forkserver" not in methods else "forkserver")


def _stack(root: Path, files: list[str]) -> Stack:
    try:
        from personize_assistant.scan.stack import detect_stack
    except ImportError:
        return Stack()
    return detect_stack(root, files)
