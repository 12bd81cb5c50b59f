"""Pieces the scan renderers share: grouping, counts, one-line summaries, evidence.

Evidence is source text from the user's repository and may hold live credentials,
so `evidence()` always passes it through `redact()`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from personize_assistant.redact import redact
from personize_assistant.scan.models import Kind, RepoScan, Stack, Surface, Touchpoint

Groups = list[tuple[Surface, list[tuple[Kind, list[Touchpoint]]]]]


def grouped(scan: RepoScan) -> Groups:
    """Touchpoints by surface, then kind (both in taxonomy order), then location."""
    result: Groups = []
    for surface in Surface:
        in_surface = [t for t in scan.touchpoints if t.surface == surface]
        kinds = [
            (kind, sorted((t for t in in_surface if t.kind == kind), key=_location_key))
            for kind in Kind
        ]
        kinds = [(kind, tps) for kind, tps in kinds if tps]
        if kinds:
            result.append((surface, kinds))
    return result


def _location_key(tp: Touchpoint) -> tuple[str, int]:
    return (tp.file, tp.line)


def kind_counts(scan: RepoScan) -> dict[Kind, int]:
    counts = Counter(t.kind for t in scan.touchpoints)
    return {kind: counts[kind] for kind in Kind if counts[kind]}


def via(tp: Touchpoint) -> str:
    """Provider and channel in one short cell: `twilio/sms`, `nodemailer`, `slack`."""
    parts = [p for p in (tp.provider, tp.channel) if p]
    if tp.channel == "email" and tp.provider:
        parts = [tp.provider]
    return "/".join(dict.fromkeys(parts))


def evidence(tp: Touchpoint, limit: int) -> str:
    """Redacted, single-line evidence cut to `limit` characters."""
    text = " ".join(redact(tp.evidence).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def stack_summary(stack: Stack) -> str:
    languages = ", ".join(f"{name} {count:,}" for name, count in stack.languages.items())
    parts = [languages or "no source files"]
    if stack.frameworks:
        parts.append(", ".join(stack.frameworks))
    if stack.package_managers:
        parts.append(", ".join(stack.package_managers))
    return " | ".join(parts)


def skipped_counts(scan: RepoScan) -> dict[str, int]:
    return dict(Counter(s.reason for s in scan.skipped).most_common())


def stats_line(scan: RepoScan) -> str:
    stats = scan.stats
    return (
        f"{stats.files_seen:,} files seen, {stats.files_parsed:,} parsed "
        f"({_megabytes(stats.bytes_parsed)}) in {stats.seconds:.2f} s, "
        f"{stats.cache_hits:,} cache hits"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.1f} kB"


def counts_text(counts: dict[Any, int]) -> str:
    return ", ".join(f"{name!s} {count:,}" for name, count in counts.items())
