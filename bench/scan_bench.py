"""Scan benchmark: how close does `scan` get to the cost of just parsing the files?

    python bench/scan_bench.py PATH [--jobs N] [--json]

Three phases, each in its own subprocess so timings and peak memory are independent:

- cold:  `scan_repo` with an empty cache directory;
- warm:  `scan_repo` again with the cache the cold run left (nothing changed);
- floor: read + tree-sitter parse of the files the scanner parses, on one core,
  with no detection at all — the least any tree-sitter scan could cost on one core.

Times cover the work only (not interpreter start-up or imports). Wall-clock seconds are
noise on a busy machine, so each phase also reports CPU seconds (user + system) of its
own process ("parent") and of its worker processes ("workers"), and an "idle 2-core
estimate" of the wall time: parent CPU + worker CPU / 2 (the parent's work is serial,
the workers' is shared by two cores; for the one-core floor it is just its CPU time).
Peak memory is the max RSS of the phase's process and of its largest worker process.
Not a test: run it by hand on a large real repository.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
PROJECT_ROOT = HERE.parent.parent


# --- phases (run in a child process) -------------------------------------------------


def _peak_rss_mb() -> dict[str, float]:
    """ru_maxrss is in kilobytes on Linux (bytes on macOS)."""
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / (1024 * 1024)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
    return {"peak_rss_mb": round(own, 1), "worker_peak_rss_mb": round(workers, 1)}


def floor_files(root: Path, skipped: set[str]) -> list[tuple[str, str]]:
    """(file, tree-sitter language) for every file the scanner parses.

    The scanner's own walk decides which files; the cold scan's skipped list
    removes those it refused after reading them (too large, minified, binary).
    """
    from personize_assistant.scan.languages import EXTENSIONS, TREE_SITTER_LANGUAGES
    from personize_assistant.scan.walk import walk_repo

    chosen = []
    for rel in walk_repo(root).files:
        language = EXTENSIONS.get(Path(rel).suffix)
        if language in TREE_SITTER_LANGUAGES and rel not in skipped:
            chosen.append((rel, language))
    return chosen


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


class CpuClock:
    """CPU seconds spent by this process and by its (finished) children since start."""

    def __init__(self) -> None:
        self.parent = _cpu_seconds(resource.RUSAGE_SELF)
        self.children = _cpu_seconds(resource.RUSAGE_CHILDREN)

    def read(self) -> dict[str, float]:
        parent = _cpu_seconds(resource.RUSAGE_SELF) - self.parent
        workers = _cpu_seconds(resource.RUSAGE_CHILDREN) - self.children
        return {
            "cpu_parent": round(parent, 3),
            "cpu_workers": round(workers, 3),
            "idle_2core_estimate": round(parent + workers / 2, 3),
        }


def phase_floor(root: Path, skipped: set[str]) -> dict[str, Any]:
    from tree_sitter import Parser

    from personize_assistant.scan.languages import grammar

    files = floor_files(root, skipped)
    parsers: dict[str, Parser] = {lang: grammar(lang).parser for _, lang in files}
    total_bytes = 0
    clock = CpuClock()
    started = time.perf_counter()
    for rel, language in files:
        data = (root / rel).read_bytes()
        total_bytes += len(data)
        parsers[language].parse(data)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "files": len(files), "bytes": total_bytes, **clock.read()}


def phase_scan(root: Path, jobs: int | None) -> dict[str, Any]:
    # The scanner imports its extractors and detectors only when a file must be read (a warm
    # rescan never does); imported here, outside the clock, so a cold scan stays "work only".
    import personize_assistant.scan.detect
    import personize_assistant.scan.extract  # noqa: F401
    from personize_assistant.scan import scan_repo

    clock = CpuClock()
    started = time.perf_counter()
    scan = scan_repo(root, use_cache=True, jobs=jobs)
    seconds = time.perf_counter() - started
    return {
        **clock.read(),
        "seconds": seconds,
        "files": scan.stats.files_parsed,
        "files_seen": scan.stats.files_seen,
        "bytes": scan.stats.bytes_parsed,
        "cache_hits": scan.stats.cache_hits,
        "touchpoints": len(scan.touchpoints),
        "skipped": sorted(s.file for s in scan.skipped),
    }


def run_child(args: argparse.Namespace) -> None:
    root = Path(args.path).resolve()
    if args.phase == "floor":
        skipped = json.loads(Path(args.skipped).read_text()) if args.skipped else []
        result = phase_floor(root, set(skipped))
    else:
        result = phase_scan(root, args.jobs)
    result.update(_peak_rss_mb())
    print(json.dumps(result))


# --- orchestration (the parent) ------------------------------------------------------


def run_phase(
    phase: str, root: Path, cache_dir: Path, jobs: int | None, skipped: list[str] | None = None
) -> dict[str, Any]:
    command = [sys.executable, str(HERE), "--phase", phase, str(root)]
    if jobs:
        command += ["--jobs", str(jobs)]
    if skipped is not None:
        # A file, not an argument: a big repo can skip more paths than argv holds.
        listing = cache_dir.parent / f"{cache_dir.name}-skipped.json"
        listing.write_text(json.dumps(skipped))
        command += ["--skipped", str(listing)]
    env = {**os.environ, "PERSONIZE_ASSISTANT_CACHE_DIR": str(cache_dir)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        sys.exit(f"{phase} phase failed:\n{done.stderr.strip()}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def benchmark(root: Path, jobs: int | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="scan-bench-") as work:
        cache = Path(work) / "cache"
        cold = run_phase("scan", root, cache, jobs)
        warm = run_phase("scan", root, cache, jobs)
        floor = run_phase("floor", root, cache, jobs, skipped=cold["skipped"])
    for phase in (cold, warm):
        phase["skipped"] = len(phase["skipped"])
    return {
        "root": str(root),
        "cpus": os.cpu_count(),
        "jobs": jobs,
        "floor": floor,
        "cold": cold,
        "warm": warm,
        "cold_over_floor": _ratio(cold["seconds"], floor["seconds"]),
        "warm_over_cold": _ratio(warm["seconds"], cold["seconds"]),
        "cpu_cold_over_floor": _ratio(cold["idle_2core_estimate"], floor["idle_2core_estimate"]),
        "cpu_warm_over_cold": _ratio(warm["idle_2core_estimate"], cold["idle_2core_estimate"]),
    }


def _ratio(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 3) if denominator > 0 else None


def human(report: dict[str, Any]) -> str:
    floor, cold, warm = report["floor"], report["cold"], report["warm"]
    lines = [
        f"scan benchmark: {report['root']}",
        f"  {cold['files']:,} files parsed of {cold['files_seen']:,} seen, "
        f"{cold['bytes'] / 1e6:.1f} MB; {cold['touchpoints']:,} touchpoints; "
        f"{report['cpus']} CPUs, jobs={report['jobs'] or 'default'}",
        "",
        f"  {'phase':<22}{'wall s':>8}{'CPU parent':>12}{'CPU workers':>13}{'2-core est':>12}"
        f"{'parsed':>8}{'peak RSS':>11}{'worker RSS':>12}",
    ]
    for name, phase in (("parse floor (1 core)", floor), ("cold scan", cold), ("warm scan", warm)):
        lines.append(
            f"  {name:<22}{phase['seconds']:>8.3f}{phase['cpu_parent']:>12.3f}{phase['cpu_workers']:>13.3f}"
            f"{phase['idle_2core_estimate']:>12.3f}{phase['files']:>8,}"
            f"{phase['peak_rss_mb']:>8.0f} MB{_megabytes(phase['worker_peak_rss_mb']):>12}"
        )
    lines += [
        "",
        f"  cold / floor  {_times(report['cpu_cold_over_floor'])} by CPU (idle 2-core estimate), "
        f"{_times(report['cold_over_floor'])} by wall clock",
        f"  warm / cold   {_times(report['cpu_warm_over_cold'])} by CPU, {_times(report['warm_over_cold'])} "
        f"by wall clock   (cache hits: {warm['cache_hits']:,})",
    ]
    if floor["files"] != cold["files"]:
        lines.append(f"  note: floor parsed {floor['files']:,} files, the scan {cold['files']:,}")
    return "\n".join(lines)


def _megabytes(value: float) -> str:
    return f"{value:.0f} MB" if value else "-"


def _times(ratio: float | None) -> str:
    return f"{ratio:.2f}x" if ratio is not None else "n/a"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="repository to scan")
    parser.add_argument("--jobs", type=int, default=None, help="scanner worker processes")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--phase", choices=["floor", "scan"], help=argparse.SUPPRESS)
    parser.add_argument("--skipped", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.phase:
        run_child(args)
        return
    root = Path(args.path).expanduser().resolve()
    if not root.is_dir():
        sys.exit(f"not a directory: {args.path}")
    report = benchmark(root, args.jobs)
    print(json.dumps(report, indent=2) if args.json else human(report))


if __name__ == "__main__":
    main()
