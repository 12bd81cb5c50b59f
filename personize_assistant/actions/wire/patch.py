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
    # Diff only the changed middle (plus context): SequenceMatcher over a whole large file
    # for every touchpoint made `wire --list` quadratic in the file's length.
    start, old_end, new_end = _changed_window(old_lines, new_lines)
    matcher = _AnchoredMatcher(old_lines[start:old_end], new_lines[start:new_end])
    return [
        _hunk_from_group(_shifted(group, start), old_lines, new_lines)
        for group in matcher.get_grouped_opcodes(CONTEXT_LINES)
    ]


def _changed_window(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """Where the two versions differ, widened by the context lines a hunk shows."""
    limit = min(len(old), len(new))
    prefix = next((i for i in range(limit) if old[i] != new[i]), limit)
    suffix = next((i for i in range(limit - prefix) if old[-1 - i] != new[-1 - i]), limit - prefix)
    start = max(0, prefix - CONTEXT_LINES)
    tail = max(0, suffix - CONTEXT_LINES)
    return start, len(old) - tail, len(new) - tail


class _AnchoredMatcher(difflib.SequenceMatcher[str]):
    """SequenceMatcher whose matching blocks are found between anchors: lines that occur
    once in each version, kept in order (patience diff). A line repeated hundreds of times
    (a call in every function of a module) made plain matching quadratic; between anchors
    the gaps are small, so each is matched exactly as before."""

    def __init__(self, old: list[str], new: list[str]) -> None:
        super().__init__(a=old, b=new, autojunk=False)
        self._old, self._new = old, new
        self._blocks: list[difflib.Match] | None = None

    def get_matching_blocks(self) -> list[difflib.Match]:
        if self._blocks is None:
            self._blocks = _merged(self._anchored_blocks(), len(self._old), len(self._new))
        return self._blocks

    def _anchored_blocks(self) -> list[tuple[int, int, int]]:
        old, new = self._old, self._new
        blocks: list[tuple[int, int, int]] = []
        a_at = b_at = 0
        for a_anchor, b_anchor in [*_anchors(old, new), (len(old), len(new))]:
            blocks += _gap_blocks(old[a_at:a_anchor], new[b_at:b_anchor], a_at, b_at)
            if a_anchor < len(old):
                blocks.append((a_anchor, b_anchor, 1))
            a_at, b_at = a_anchor + 1, b_anchor + 1
        return blocks


def _gap_blocks(old: list[str], new: list[str], a_at: int, b_at: int) -> list[tuple[int, int, int]]:
    """Matching blocks between two anchors (most gaps are empty: anchors sit side by side)."""
    if not old or not new:
        return []
    if old == new:
        return [(a_at, b_at, len(old))]
    gap = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [(a_at + i, b_at + j, n) for i, j, n in gap.get_matching_blocks() if n]


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """(i, j) of lines unique in both, the longest run that keeps both orders."""
    counts: dict[str, list[int]] = {}  # line -> [count in a, count in b, index in a]
    for index, line in enumerate(a):
        counts.setdefault(line, [0, 0, index])[0] += 1
    for line in b:
        if line in counts:
            counts[line][1] += 1
    pairs = [(counts[line][2], j) for j, line in enumerate(b) if counts.get(line, [0, 0])[:2] == [1, 1]]
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of `pairs` (sorted by j) whose i also increases."""
    tails: list[int] = []  # tails[k]: index in pairs of the smallest tail of a run of k+1
    previous: list[int] = [-1] * len(pairs)
    for index, (i, _) in enumerate(pairs):
        k = _bisect(tails, pairs, i)
        if k > 0:
            previous[index] = tails[k - 1]
        if k == len(tails):
            tails.append(index)
        else:
            tails[k] = index
    run: list[tuple[int, int]] = []
    at = tails[-1] if tails else -1
    while at >= 0:
        run.append(pairs[at])
        at = previous[at]
    return run[::-1]


def _bisect(tails: list[int], pairs: list[tuple[int, int]], i: int) -> int:
    low, high = 0, len(tails)
    while low < high:
        middle = (low + high) // 2
        if pairs[tails[middle]][0] < i:
            low = middle + 1
        else:
            high = middle
    return low


def _merged(blocks: list[tuple[int, int, int]], a_len: int, b_len: int) -> list[difflib.Match]:
    """Adjacent blocks joined (as SequenceMatcher reports them), then the end sentinel."""
    joined: list[list[int]] = []
    for i, j, n in blocks:
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            joined[-1][2] += n
        else:
            joined.append([i, j, n])
    return [difflib.Match(i, j, n) for i, j, n in joined] + [difflib.Match(a_len, b_len, 0)]


def _shifted(
    group: list[tuple[str, int, int, int, int]], by: int
) -> list[tuple[str, int, int, int, int]]:
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
