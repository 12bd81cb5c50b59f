"""Hunks from two versions of a file, and applying them back with context checks.

Applying re-verifies every context and removed line against the file as it is now, so
a patch computed earlier (or by another session) never lands on code it was not made for.
"""

from __future__ import annotations

import difflib

from personize_assistant.actions.wire.artifact import Hunk

CONTEXT_LINES = 3


class PatchConflict(Exception):
    """The file no longer matches the lines a hunk expects."""


def make_hunks(old: str, new: str) -> list[Hunk]:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    return [
        _hunk_from_group(group, old_lines, new_lines)
        for group in matcher.get_grouped_opcodes(CONTEXT_LINES)
    ]


def _hunk_from_group(
    group: list[tuple[str, int, int, int, int]], old: list[str], new: list[str]
) -> Hunk:
    lines: list[str] = []
    for tag, i1, i2, j1, j2 in group:
        if tag == "equal":
            lines.extend(" " + line for line in old[i1:i2])
            continue
        lines.extend("-" + line for line in old[i1:i2])
        lines.extend("+" + line for line in new[j1:j2])
    first, last = group[0], group[-1]
    old_count, new_count = last[2] - first[1], last[4] - first[3]
    # Unified diff convention: an empty side is numbered from the line before it.
    return Hunk(
        old_start=first[1] + 1 if old_count else first[1],
        old_lines=old_count,
        new_start=first[3] + 1 if new_count else first[3],
        new_lines=new_count,
        lines=lines,
    )


def apply_hunks(text: str, hunks: list[Hunk], path: str) -> str:
    """Apply hunks in order; raise PatchConflict when any expected line differs."""
    lines = text.splitlines()
    offset = 0
    for hunk in hunks:
        expected = [line[1:] for line in hunk.lines if line[:1] in (" ", "-")]
        replacement = [line[1:] for line in hunk.lines if line[:1] in (" ", "+")]
        guess = (hunk.old_start - 1 if hunk.old_lines else hunk.old_start) + offset
        start = _locate(lines, expected, guess, hunk, path)
        lines[start : start + len(expected)] = replacement
        offset += (start - guess) + len(replacement) - len(expected)
    newline = "\r\n" if "\r\n" in text else "\n"
    trailing = newline if text.endswith("\n") or not text else ""
    return newline.join(lines) + trailing


def _locate(lines: list[str], expected: list[str], guess: int, hunk: Hunk, path: str) -> int:
    if not expected:
        return max(0, min(guess, len(lines)))
    if lines[guess : guess + len(expected)] == expected:
        return guess
    # Like `patch`, accept the hunk elsewhere only when it matches exactly one place.
    matches = [
        i for i in range(len(lines) - len(expected) + 1) if lines[i : i + len(expected)] == expected
    ]
    if len(matches) == 1:
        return matches[0]
    raise PatchConflict(f"{path}: the code at line {hunk.old_start} changed since the patch was made")
