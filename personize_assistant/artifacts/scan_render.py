"""Render a `RepoScan` for people: a terminal table and a markdown report.

SARIF lives in `artifacts/sarif.py`. Every renderer passes evidence through `redact()`:
it is source text from the user's repository and may hold live credentials.
"""

from __future__ import annotations

import io
import shlex
from collections import Counter
from collections.abc import Iterator
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from personize_assistant.artifacts.kind_info import KIND_INFO, SURFACE_TITLES
from personize_assistant.redact import redact
from personize_assistant.scan.models import Kind, RepoScan, Stack, Surface, Touchpoint

TEXT_EVIDENCE_CHARS = 90
MARKDOWN_EVIDENCE_CHARS = 140
MARKDOWN_SKIPPED_ROWS = 50
MARKDOWN_DEPENDENCY_ROWS = 200
# Below this width (or when paths are too long for it) the report is a compact list with
# the evidence under each location, instead of a table with an evidence column.
WIDE_LAYOUT_MIN_WIDTH = 110

Groups = list[tuple[Surface, list[tuple[Kind, list[Touchpoint]]]]]


# --- shared helpers ----------------------------------------------------------------


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


def _counts_text(counts: dict[Any, int]) -> str:
    return ", ".join(f"{name!s} {count:,}" for name, count in counts.items())


def render_sarif(scan: RepoScan) -> dict[str, Any]:
    """SARIF 2.1.0 for GitHub code scanning (see `artifacts/sarif.py`)."""
    from personize_assistant.artifacts.sarif import render_sarif as to_sarif

    return to_sarif(scan)


# --- terminal ----------------------------------------------------------------------


def text_report(scan: RepoScan, *, plain: bool = False) -> RenderableType:
    """The scan as a rich renderable; `plain` uses ASCII rules and no styles."""
    parts: list[RenderableType] = [_header(scan)]
    for surface, kinds in grouped(scan):
        parts.append(_SurfaceTable(surface, kinds, plain=plain))
    if not scan.touchpoints:
        parts.append(Text("\nNo touchpoints found.", style="" if plain else "yellow"))
    parts.append(_footer(scan))
    return Group(*parts)


def render_text(scan: RepoScan, *, width: int = 100, color: bool = False) -> str:
    """The terminal report as a string (no ANSI codes unless `color`)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
    console.print(text_report(scan, plain=not color))
    # Rich pads every line to the full width; piped text should not carry that.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _header(scan: RepoScan) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column(overflow="fold")
    grid.add_row("Root", Text(scan.root))
    grid.add_row("Stack", Text(stack_summary(scan.stack)))
    total = len(scan.touchpoints)
    found = f"{total:,} touchpoint{'s' if total != 1 else ''}"
    if total:
        found += f": {_counts_text(kind_counts(scan))}"
    grid.add_row("Found", Text(found))
    return Group(Text("Personize touchpoints", style="bold"), grid)


def _footer(scan: RepoScan) -> RenderableType:
    lines = [Text("")]
    if scan.skipped:
        lines.append(
            Text(f"Skipped {len(scan.skipped):,} files: {_counts_text(skipped_counts(scan))}")
        )
    lines.append(Text(stats_line(scan), style="dim"))
    return Group(*lines)


_CONFIDENCE_STYLE = {"high": "green", "medium": "yellow", "low": "dim"}


class _SurfaceTable:
    """One surface: a table when there is room, a compact list when there is not."""

    def __init__(self, surface: Surface, kinds: list[tuple[Kind, list[Touchpoint]]], plain: bool):
        self.surface = surface
        self.kinds = kinds
        self.plain = plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        count = sum(len(tps) for _, tps in self.kinds)
        title = f"{SURFACE_TITLES[self.surface]} ({self.surface.value}): {count:,}"
        yield Text("")
        yield Text(title, style=self._style("bold cyan"))
        if self._table_fits(options.max_width):
            yield self._table()
        else:
            yield from self._compact_list(options.max_width)

    def _table_fits(self, width: int) -> bool:
        """A table only when every column fits on one line with room left for evidence."""
        touchpoints = [tp for _, tps in self.kinds for tp in tps]
        columns = [
            max(len(kind.value) for kind, _ in self.kinds),
            max(len(tp.location()) for tp in touchpoints),
            min(24, max(len(tp.symbol or "") for tp in touchpoints)),
            min(16, max(len(via(tp)) for tp in touchpoints)),
            max(len(tp.confidence) for tp in touchpoints),
        ]
        separators = 3 * len(columns)
        return width >= WIDE_LAYOUT_MIN_WIDTH and width - sum(columns) - separators >= 30

    def _table(self) -> Table:
        table = Table(
            box=box.ASCII2 if self.plain else box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            header_style=self._style("bold"),
            expand=True,
        )
        table.add_column("kind", no_wrap=True)
        table.add_column("location", no_wrap=True)
        table.add_column("symbol", max_width=24, overflow="ellipsis", no_wrap=True)
        table.add_column("via", max_width=16, overflow="ellipsis", no_wrap=True)
        table.add_column("conf", no_wrap=True)
        table.add_column("evidence", ratio=1, min_width=30, overflow="ellipsis", no_wrap=True)
        for index, (kind, touchpoints) in enumerate(self.kinds):
            if index:
                table.add_section()
            for row, tp in enumerate(touchpoints):
                label = Text(kind.value if row == 0 else "", style=self._style("magenta"))
                table.add_row(label, *self._cells(tp))
        return table

    def _cells(self, tp: Touchpoint) -> list[Text]:
        return [
            Text(tp.location()),
            Text(tp.symbol or ""),
            Text(via(tp)),
            Text(tp.confidence, style=self._style(_CONFIDENCE_STYLE[tp.confidence])),
            Text(evidence(tp, TEXT_EVIDENCE_CHARS), style=self._style("dim")),
        ]

    def _compact_list(self, width: int) -> Iterator[Text]:
        """Narrow terminals: a heading per kind, two lines per touchpoint."""
        for kind, touchpoints in self.kinds:
            yield Text(f"  {kind.value} ({len(touchpoints):,})", style=self._style("magenta"))
            for tp in touchpoints:
                location, symbol, provider, confidence, evidence_cell = self._cells(tp)
                if provider.plain:
                    provider = Text("via ") + provider
                parts = (c for c in (location, symbol, provider, confidence) if c.plain)
                yield _one_line(Text("    ") + Text("  ").join(parts), width)
                yield _one_line(Text("      ") + evidence_cell, width)

    def _style(self, style: str) -> str:
        return "" if self.plain else style


def _one_line(text: Text, width: int) -> Text:
    text.no_wrap = True
    text.overflow = "ellipsis"
    text.truncate(width, overflow="ellipsis")
    return text


# --- markdown ----------------------------------------------------------------------


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
        f"{len(scan.skipped):,} files were not analysed: {md_cell(_counts_text(skipped_counts(scan)))}.",
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
