"""REVIEW: audit an existing Personize integration.

`review_repo(scan, discovery, options)` finds the Personize calls the scanner
reported, reads the code around them (tree-sitter), runs every check registered with
`@check` (`rules.py`) and returns a `ReviewArtifact`: grouped findings with evidence and a
fix, a verdict for each of the eight audit areas of reference/review.md (plus key
handling and graceful degradation from reference/wire.md) and a score. A repository
without Personize calls gets a "no integration" artifact, not an error.
Rendering lives in `actions/review/render.py`.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from personize_assistant.actions.common.touchpoints import places
from personize_assistant.actions.review.areas import summarize_areas
from personize_assistant.actions.review.context import ReviewContext, build_context
from personize_assistant.actions.review.keys import key_leaks
from personize_assistant.actions.review.model import (
    SEVERITY_PENALTY,
    SEVERITY_RANK,
    AreaId,
    AreaSummary,
    Finding,
    Integration,
    Location,
    ReviewArtifact,
    ReviewOptions,
)
from personize_assistant.actions.review.rules import RuleSpec, registered_checks, rules_from_meta
from personize_assistant.scan.models import RepoScan

if TYPE_CHECKING:
    from personize_assistant.actions.common.discovery import Discovery
    from personize_assistant.content.library import Library

AREA_ORDER: tuple[AreaId, ...] = get_args(AreaId)
TOP_FIXES = 3


def review_repo(
    scan: RepoScan,
    discovery: Discovery | None = None,
    options: ReviewOptions | None = None,
    library: Library | None = None,
) -> ReviewArtifact:
    """Audit the Personize integration in `scan.root` (the scan says where to look)."""
    options = options or ReviewOptions()
    library = library or _load_library()
    meta = library.review.meta
    rules = rules_from_meta(meta)
    ctx = build_context(Path(scan.root), scan, meta, rules)
    if not ctx.calls:
        leaks = _merge(key_leaks(ctx), options.max_related)
        return _no_integration(ctx, summarize_areas(ctx, leaks, library), leaks)
    findings = run_checks(ctx)
    findings = sorted(_merge(findings, options.max_related), key=_order)
    return ReviewArtifact(
        root=scan.root,
        integrated=True,
        integration=_integration(ctx),
        findings=findings,
        areas=summarize_areas(ctx, findings, library),
        score=max(0, 100 - sum(SEVERITY_PENALTY[f.severity] for f in findings)),
        next_steps=_next_steps(findings, rules, discovery) + _unparsed(scan, ctx),
    )


def run_checks(ctx: ReviewContext) -> list[Finding]:
    """Every registered check: those made per Personize call first (call by call), then the
    ones over the whole integration, each in registration order."""
    checks = list(registered_checks().values())
    found = [f for call in ctx.calls for c in checks if c.per_call for f in c.run(ctx, call)]
    return found + [f for c in checks if not c.per_call for f in c.run(ctx)]


def _load_library() -> Library:
    from personize_assistant.content import load_library

    return load_library()


def _merge(findings: list[Finding], max_related: int) -> list[Finding]:
    """One finding per rule, file and symbol: repeats become related locations."""
    merged: dict[str, Finding] = {}
    for finding in findings:
        first = merged.get(finding.id)
        if first is None:
            merged[finding.id] = finding
            continue
        seen = {(first.file, first.line)} | {(r.file, r.line) for r in first.related}
        extra = [Location(file=finding.file, line=finding.line, symbol=finding.symbol, note="same issue"),
                 *finding.related]
        first.related += [r for r in extra if (r.file, r.line) not in seen][: max(0, max_related - len(first.related))]
        if SEVERITY_RANK[finding.severity] > SEVERITY_RANK[first.severity]:
            first.severity = finding.severity
    return list(merged.values())


def _order(finding: Finding) -> tuple[int, int, str, int]:
    return (-SEVERITY_RANK[finding.severity], AREA_ORDER.index(finding.area), finding.file, finding.line)


def _integration(ctx: ReviewContext) -> Integration:
    counts: dict[str, int] = {}
    for call in ctx.calls:
        counts[call.method] = counts.get(call.method, 0) + 1
    return Integration(
        files=ctx.integration_files,
        calls=dict(sorted(counts.items())),
        languages=sorted({c.file.language for c in ctx.calls}),
    )


def _next_steps(findings: list[Finding], rules: dict[str, RuleSpec], discovery: Discovery | None) -> list[str]:
    steps: list[str] = []
    seen_rules: set[str] = set()
    for finding in findings:
        if finding.rule in seen_rules or (finding.severity in ("info", "low") and len(steps) >= 1):
            continue
        seen_rules.add(finding.rule)
        steps.append(f"{rules[finding.rule].fix} ({finding.location()})")
        if len(steps) == TOP_FIXES:
            break
    if any(f.area == "missing_opportunities" for f in findings):
        channel = discovery.priority_channel if discovery is not None else None
        first = f", starting with {channel.value}" if channel is not None and channel.value else ""
        steps.append(f"Rank the untouched touchpoints with `personize-assistant propose`{first}.")
    return steps


def _no_integration(ctx: ReviewContext, areas: list[AreaSummary], leaks: list[Finding]) -> ReviewArtifact:
    scan = ctx.scan
    candidates = places(scan)
    root = shlex.quote(scan.root)
    steps = [
        f"`personize-assistant propose {root}` ranks the {len(candidates)} places in the code that reach "
        f"users (of the {len(scan.touchpoints)} touchpoints the scan found) by where personalization "
        "pays off." if candidates else
        f"The scan found no touchpoints; `personize-assistant scan {root}` shows what it looks for.",
        f"`personize-assistant plan {root}` writes the implementation roadmap; "
        f"`personize-assistant wire {root}` connects the first touchpoint.",
        *_unparsed(scan, ctx),
    ]
    return ReviewArtifact(root=scan.root, integrated=False, findings=leaks, areas=areas, score=None,
                          next_steps=steps)


def _unparsed(scan: RepoScan, ctx: ReviewContext) -> list[str]:
    """Files with syntax errors were not (fully) reviewed: say so instead of passing them."""
    broken = [s.file for s in scan.skipped if s.reason == "syntax_error"]
    broken += [path for path in ctx.client_files
               if path not in broken and (src := ctx.source(path)) is not None and src.root.has_error]
    if not broken:
        return []
    shown = ", ".join(broken[:5]) + (f" and {len(broken) - 5} more" if len(broken) > 5 else "")
    return [f"{len(broken)} file{'s' if len(broken) != 1 else ''} could not be parsed and "
            f"{'were' if len(broken) != 1 else 'was'} not reviewed: {shown}."]
