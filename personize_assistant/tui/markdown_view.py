"""Artifact markdown as the TUI shows it: Rich-rendered in one widget, with tables turned
into one bullet per row where the pane is too narrow for them.

Rich fits a wide table into a narrow pane by shrinking every column, which leaves a plan's
five-column tables one word per line; a bullet per row reads well at any width.
"""

from __future__ import annotations

import re

from rich.markdown import Markdown as RichMarkdown

WIDE_TABLES = 110
"""Below this many columns tables become bullets."""
PREVIEW_LINES = 16
"""The inline preview shows the start of a document; the full screen shows all of it."""
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_EMPTY_CELLS = frozenset({"", "—", "-"})


def _is_row(line: str) -> bool:
    return line.lstrip().startswith("|")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SPLIT.split(line.strip().strip("|"))]


def _bullet(header: list[str], row: list[str]) -> str:
    first, *rest = row or [""]
    details = [f"{name}: {cell}" for name, cell in zip(header[1:], rest, strict=False) if cell not in _EMPTY_CELLS]
    return f"- **{first}**" + (f" — {' · '.join(details)}" if details else "")


def tables_as_lists(markdown: str) -> str:
    """Every markdown table outside code fences as one bullet per row (`**first cell** —
    header: cell · …`)."""
    lines, out, index, fenced = markdown.splitlines(), [], 0, False
    while index < len(lines):
        line = lines[index]
        fenced ^= line.lstrip().startswith("```")
        if fenced or not (_is_row(line) and index + 1 < len(lines) and _SEPARATOR.match(lines[index + 1])):
            out.append(line)
            index += 1
            continue
        header, index = _cells(line), index + 2
        while index < len(lines) and _is_row(lines[index]):
            out.append(_bullet(header, _cells(lines[index])))
            index += 1
        out.append("")
    return "\n".join(out)


def render(markdown: str, width: int) -> RichMarkdown:
    text = markdown if width >= WIDE_TABLES else tables_as_lists(markdown)
    return RichMarkdown(text, code_theme="ansi_dark", hyperlinks=False)


def preview(markdown: str) -> tuple[str, int]:
    """The first PREVIEW_LINES lines (never inside a code fence) and how many lines follow."""
    lines = markdown.splitlines()
    if len(lines) <= PREVIEW_LINES:
        return markdown, 0
    head = lines[:PREVIEW_LINES]
    if sum(line.lstrip().startswith("```") for line in head) % 2:
        head.append("```")
    return "\n".join(head), len(lines) - PREVIEW_LINES
