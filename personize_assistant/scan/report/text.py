"""The scan as a terminal report: a table per surface, or a compact list when narrow."""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from personize_assistant.scan.models import Kind, RepoScan, Surface, Touchpoint
from personize_assistant.scan.report.common import (
    counts_text,
    evidence,
    grouped,
    kind_counts,
    skipped_counts,
    stack_summary,
    stats_line,
    via,
)
from personize_assistant.scan.report.kind_info import SURFACE_TITLES

TEXT_EVIDENCE_CHARS = 90
# Below this width (or when paths are too long for it) the report is a compact list with
# the evidence under each location, instead of a table with an evidence column.
WIDE_LAYOUT_MIN_WIDTH = 110


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
        found += f": {counts_text(kind_counts(scan))}"
    grid.add_row("Found", Text(found))
    return Group(Text("Personize touchpoints", style="bold"), grid)


def _footer(scan: RepoScan) -> RenderableType:
    lines = [Text("")]
    if scan.skipped:
        lines.append(
            Text(f"Skipped {len(scan.skipped):,} files: {counts_text(skipped_counts(scan))}")
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
