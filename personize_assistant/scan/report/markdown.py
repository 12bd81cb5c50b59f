"""The scan as a markdown report to paste into a design doc."""

from __future__ import annotations

import shlex

from personize_assistant.scan.models import Kind, RepoScan, Stack, Surface, Touchpoint
from personize_assistant.scan.report.common import (
    counts_text,
    evidence,
    grouped,
    kind_counts,
    skipped_counts,
    stats_line,
    via,
)
from personize_assistant.scan.report.kind_info import KIND_INFO, SURFACE_TITLES

MARKDOWN_EVIDENCE_CHARS = 140
MARKDOWN_SKIPPED_ROWS = 50
MARKDOWN_DEPENDENCY_ROWS = 200


def md_cell(text: str) -> str:
    """Plain text that stays inside one GFM table cell and renders literally."""
    text = " ".join(text.split())
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def md_code(text: str) -> str:
    """A code span for a table cell: the fence outgrows any backtick run inside it."""
    text = " ".join(text.split())
    if not text:
        return ""
    fence = "`" * (_longest_backtick_run(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    # GFM splits table rows on unescaped pipes before it parses code spans.
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"


def _longest_backtick_run(text: str) -> int:
    longest = current = 0
    for char in text:
        current = current + 1 if char == "`" else 0
        longest = max(longest, current)
    return longest


def render_markdown(scan: RepoScan, *, command: str = "personize-assistant scan") -> str:
    """A report to paste into a design doc."""
    sections = [
        _md_summary(scan),
        _md_stack(scan.stack),
        _md_meanings(scan),
        *(_md_surface(surface, kinds) for surface, kinds in grouped(scan)),
        _md_skipped(scan),
        _md_reproduce(scan, command),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def _md_summary(scan: RepoScan) -> str:
    lines = [
        "# Personize touchpoint scan",
        "",
        f"- **Repository:** {md_code(scan.root)}",
        f"- **Touchpoints:** {len(scan.touchpoints):,}",
        f"- **Scan:** {stats_line(scan)}",
    ]
    counts = kind_counts(scan)
    if counts:
        lines += ["", "| kind | count | surfaces |", "|---|---:|---|"]
        for kind, count in counts.items():
            surfaces = sorted({t.surface.value for t in scan.by_kind(kind)})
            lines.append(
                f"| {md_code(kind.value)} | {count:,} | {', '.join(map(md_code, surfaces))} |"
            )
    else:
        lines += ["", "No touchpoints were found."]
    return "\n".join(lines)


def _md_stack(stack: Stack) -> str:
    languages = ", ".join(f"{name} ({count:,})" for name, count in stack.languages.items())
    lines = [
        "## Stack",
        "",
        f"- **Languages:** {md_cell(languages) or 'none detected'}",
        f"- **Frameworks:** {', '.join(map(md_code, stack.frameworks)) or 'none detected'}",
        f"- **Package managers:** {', '.join(map(md_code, stack.package_managers)) or 'none detected'}",
    ]
    if stack.dependencies:
        lines += _md_dependencies(stack.dependencies)
    return "\n".join(lines)


def _md_dependencies(dependencies: dict[str, str]) -> list[str]:
    shown = list(dependencies.items())[:MARKDOWN_DEPENDENCY_ROWS]
    lines = [
        "",
        f"<details><summary>Dependencies ({len(dependencies):,})</summary>",
        "",
        "| package | version |",
        "|---|---|",
    ]
    lines += [f"| {md_code(name)} | {md_code(version)} |" for name, version in shown]
    if len(dependencies) > len(shown):
        lines.append(f"| … and {len(dependencies) - len(shown):,} more | |")
    return [*lines, "", "</details>"]


def _md_meanings(scan: RepoScan) -> str:
    counts = kind_counts(scan)
    if not counts:
        return ""
    lines = ["## What each kind means for Personize", ""]
    for kind in counts:
        info = KIND_INFO[kind]
        lines.append(f"- **{info.title}** ({md_code(kind.value)}): {info.pattern}")
    return "\n".join(lines)


def _md_surface(surface: Surface, kinds: list[tuple[Kind, list[Touchpoint]]]) -> str:
    lines = [f"## {SURFACE_TITLES[surface]} ({md_code(surface.value)})"]
    for kind, touchpoints in kinds:
        lines += ["", f"### {KIND_INFO[kind].title} ({len(touchpoints):,})", ""]
        lines += _md_touchpoint_table(kind, touchpoints)
    return "\n".join(lines)


def _md_touchpoint_table(kind: Kind, touchpoints: list[Touchpoint]) -> list[str]:
    extra = "fields" if kind == Kind.DATA_MODEL else "via"
    lines = [
        f"| location | symbol | {extra} | confidence | evidence | id |",
        "|---|---|---|---|---|---|",
    ]
    for tp in touchpoints:
        detail = md_cell(_fields_summary(tp)) if kind == Kind.DATA_MODEL else md_cell(via(tp))
        lines.append(
            f"| {md_code(tp.location())} | {md_code(tp.symbol or '')} | {detail} "
            f"| {tp.confidence} | {md_code(evidence(tp, MARKDOWN_EVIDENCE_CHARS))} "
            f"| {md_code(tp.id)} |"
        )
    return lines


def _fields_summary(tp: Touchpoint, limit: int = 8) -> str:
    names = [f.name for f in tp.fields or []]
    text = ", ".join(names[:limit])
    return text + (f" (+{len(names) - limit})" if len(names) > limit else "")


def _md_skipped(scan: RepoScan) -> str:
    if not scan.skipped:
        return ""
    lines = [
        "## Skipped files",
        "",
        f"{len(scan.skipped):,} files were not analysed: {md_cell(counts_text(skipped_counts(scan)))}.",
        "",
        "| file | reason |",
        "|---|---|",
    ]
    shown = scan.skipped[:MARKDOWN_SKIPPED_ROWS]
    lines += [f"| {md_code(s.file)} | {s.reason} |" for s in shown]
    if len(scan.skipped) > len(shown):
        lines.append(f"| … and {len(scan.skipped) - len(shown):,} more | |")
    return "\n".join(lines)


def _md_reproduce(scan: RepoScan, command: str) -> str:
    return "\n".join(
        [
            "## Reproduce",
            "",
            "```sh",
            f"{command} {shlex.quote(scan.root)} --json",
            "```",
        ]
    )
