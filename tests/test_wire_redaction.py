"""A printed wire patch still applies: only added lines are masked, and a patch whose
context holds a literal secret is withheld with the reason (issue 10)."""

from __future__ import annotations

import pytest

from personize_assistant.actions.wire.artifact import (
    FileEdit,
    Hunk,
    NewFile,
    WireArtifact,
    render_diff,
    render_json,
)
from personize_assistant.actions.wire.patch import apply_hunks, make_hunks
from personize_assistant.errors import UsageError

SECRET = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"


def artifact(lines: list[str], new_content: str = "export const x = 1;\n") -> WireArtifact:
    hunk = Hunk(old_start=1, old_lines=sum(not line.startswith("+") for line in lines),
                new_start=1, new_lines=sum(not line.startswith("-") for line in lines), lines=lines)
    return WireArtifact(
        touchpoint_id="tp_1", pattern="wrap", language="ts", framework="node", trigger="a send",
        edits=[FileEdit(path="src/mail.ts", hunks=[hunk], summary="wrap")],
        files_created=[NewFile(path="src/new.ts", content=new_content, summary="helper")],
    )


def test_added_lines_are_masked_and_context_is_kept_byte_for_byte() -> None:
    context = 'export async function send(user: User) {'
    made = artifact([" " + context, f'+  const key = "{SECRET}";', "   await mail(user);"])
    diff = render_diff(made)
    assert SECRET not in diff
    assert '+  const key = "[REDACTED]";' in diff
    assert f"\n {context}\n" in diff and "\n   await mail(user);\n" in diff


def test_a_secret_in_a_new_file_is_masked() -> None:
    assert SECRET not in render_diff(artifact([" a", "+b"], new_content=f'const k = "{SECRET}";\n'))


@pytest.mark.parametrize("prefix", [" ", "-"])
def test_a_secret_the_patch_must_match_withholds_it(prefix: str) -> None:
    made = artifact([" function send() {", f'{prefix}  const key = "{SECRET}";', "+  wrapped();"])
    with pytest.raises(UsageError, match=r"src/mail\.ts:2 holds a literal secret"):
        render_diff(made)
    data = render_json(made)
    assert data["diff"] is None and "holds a literal secret" in data["diff_withheld"]
    assert SECRET not in str(data)


def test_hunks_over_thousands_of_repeated_lines_reproduce_the_file() -> None:
    """20,000 lines of `[` (deep nesting) plus edits at both ends: hunks still rebuild the new text."""
    old = "import a;\n" + "[\n" * 20_000 + "function send() {\n  go();\n}\n"
    new = "import a;\nimport p;\n" + "[\n" * 20_000 + "function send() {\n  wrapped(go);\n}\n"
    assert apply_hunks(old, make_hunks(old, new), "deep.ts") == new
