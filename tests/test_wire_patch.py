"""Hunks: made from two versions of a file, applied back only where the context matches."""

from __future__ import annotations

import random

import pytest

from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.patch import PatchConflict, apply_hunks, make_hunks

BASE = "".join(f"line {n}\n" for n in range(1, 41))


def edited(text: str, seed: int) -> str:
    rng = random.Random(seed)
    lines = text.splitlines()
    for _ in range(rng.randint(1, 6)):
        spot = rng.randrange(len(lines) + 1)
        if rng.random() < 0.5 and spot < len(lines):
            del lines[spot]
        else:
            lines.insert(spot, f"new {rng.randrange(1000)}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(25))
def test_hunks_reproduce_the_new_text(seed: int) -> None:
    new = edited(BASE, seed)
    assert apply_hunks(BASE, make_hunks(BASE, new), "f.txt") == new


def test_hunks_apply_after_unrelated_lines_moved_the_code() -> None:
    new = BASE.replace("line 30\n", "line 30\ninserted\n")
    hunks = make_hunks(BASE, new)
    shifted = "header a\nheader b\n" + BASE
    assert apply_hunks(shifted, hunks, "f.txt") == "header a\nheader b\n" + new


def test_a_changed_context_is_a_conflict() -> None:
    hunks = make_hunks(BASE, BASE.replace("line 20\n", "line twenty\n"))
    with pytest.raises(PatchConflict, match=r"f\.txt: the code at line"):
        apply_hunks(BASE.replace("line 19\n", "line nineteen\n"), hunks, "f.txt")


def test_editor_keeps_insertions_above_a_replaced_first_line() -> None:
    editor = FileEditor("def f():\n    pass\n")
    editor.replace_line(1, "def g():")
    editor.insert_after(0, "import x\n")
    assert editor.result() == "import x\n\ndef g():\n    pass\n"


def test_windows_line_endings_survive_an_edit_and_its_patch() -> None:
    text = "a\r\nb\r\nc\r\n"
    editor = FileEditor(text)
    editor.insert_after(1, "inserted")
    assert editor.result() == "a\r\ninserted\r\nb\r\nc\r\n"
    assert apply_hunks(text, make_hunks(text, editor.result()), "f.txt") == editor.result()
