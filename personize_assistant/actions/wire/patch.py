"""Hunks from two versions of a file, and applying them back with context checks.

Applying re-verifies every context and removed line against the file as it is now, so
a patch computed earlier (or by another session) never lands on code it was not made for.
"""

from __future__ import annotations

import difflib

from personize_assistant.actions.wire.artifact import Hunk
from personize_assistant.redact import contains_secret

CONTEXT_LINES = 3
AUTOJUNK_LINES = 2_000
# Larger files are diffed on a window around the change (with this many unchanged lines
# on each side): `wire --list` diffs a file once per touchpoint in it.
WINDOW_FROM_LINES = 1_000
WINDOW_MARGIN = 100


class PatchConflict(Exception):
    """The file no longer matches the lines a hunk expects."""


def make_hunks(old: str, new: str) -> list[Hunk]:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    window = _changed_window(old_lines, new_lines)
    groups = _grouped(old_lines, new_lines, *window)
    if not _anchored(groups, window, len(old_lines)):
        groups = _grouped(old_lines, new_lines, 0, len(old_lines), len(new_lines))
    return [piece for group in groups for piece in _without_secret_context(_hunk_from_group(group, old_lines, new_lines))]


Group = list[tuple[str, int, int, int, int]]


def _grouped(old: list[str], new: list[str], start: int, old_end: int, new_end: int) -> list[Group]:
    # Exact matching on ordinary windows; on a huge one, lines that repeat thousands of
    # times are set aside as anchors (the diff stays correct, perhaps less minimal).
    matcher = difflib.SequenceMatcher(a=old[start:old_end], b=new[start:new_end],
                                      autojunk=new_end - start > AUTOJUNK_LINES)
    return [_shifted(group, start) for group in matcher.get_grouped_opcodes(CONTEXT_LINES)]


def _anchored(groups: list[Group], window: tuple[int, int, int], old_length: int) -> bool:
    """Whether every hunk cut from a window keeps context where the window was cut: lines an
    edit repeats (a blank line, a decorator) can slide an insertion to the window's edge,
    and `git apply` then places a hunk without trailing context only at the end of the file."""
    if not groups:
        return True
    start, old_end, _ = window
    first, last = groups[0][0], groups[-1][-1]
    leading_ok = start == 0 or (first[0] == "equal" and first[2] > first[1])
    trailing_ok = old_end == old_length or (last[0] == "equal" and last[2] > last[1])
    return leading_ok and trailing_ok


def _without_secret_context(hunk: Hunk) -> list[Hunk]:
    """Leave a secret in the user's file out of the hunk's context: the printed patch could
    neither mask it (it would no longer apply) nor show it. The hunk is cut at each such
    line; `git apply` needs a trailing context line to place a hunk that does not end the
    file, so a secret right after a change stays (and `withheld_reason` refuses)."""
    cuts = [i for i, line in enumerate(hunk.lines) if line.startswith(" ") and contains_secret(line)]
    if not cuts:
        return [hunk]
    pieces: list[Hunk] = []
    old = hunk.old_start if hunk.old_lines else hunk.old_start + 1
    new = hunk.new_start if hunk.new_lines else hunk.new_start + 1
    begin = 0
    for stop in [*cuts, len(hunk.lines)]:
        lines = hunk.lines[begin:stop]
        if any(line[:1] in "+-" for line in lines):
            ends_on_cut = stop < len(hunk.lines)
            if ends_on_cut and not lines[-1].startswith(" "):
                return [hunk]
            pieces.append(_piece(lines, old, new))
        for line in hunk.lines[begin:stop + 1]:
            old += line[:1] in " -"
            new += line[:1] in " +"
        begin = stop + 1
    return pieces


def _piece(lines: list[str], old: int, new: int) -> Hunk:
    old_count = sum(1 for line in lines if line[:1] in " -")
    new_count = sum(1 for line in lines if line[:1] in " +")
    # Unified diff convention: an empty side is numbered from the line before it.
    return Hunk(old_start=old if old_count else old - 1, old_lines=old_count,
                new_start=new if new_count else new - 1, new_lines=new_count, lines=lines)


def _changed_window(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """(start, old end, new end) of the lines that differ, widened by the context. The
    matcher is quadratic in repeated lines (20,000 lines of `[` in a data file), and an
    edit touches one function: the shared head and tail need no matching."""
    if len(old) + len(new) <= WINDOW_FROM_LINES:
        return 0, len(old), len(new)
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start = max(0, head - WINDOW_MARGIN)
    keep = max(0, tail - WINDOW_MARGIN)
    return start, len(old) - keep, len(new) - keep


def _shifted(group: list[tuple[str, int, int, int, int]], by: int) -> list[tuple[str, int, int, int, int]]:
    return [(tag, i1 + by, i2 + by, j1 + by, j2 + by) for tag, i1, i2, j1, j2 in group]


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
