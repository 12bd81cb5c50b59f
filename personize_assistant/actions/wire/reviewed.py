"""The diff a person reviewed, and applying exactly that one.

`wire -t ID` prints a diff whose `index` lines carry the git blob hash of each file as it
was when the diff was made, and a digest of the whole diff. `--write --reviewed DIGEST`
writes only when the regenerated diff is byte for byte the reviewed one; `--write --patch
FILE` applies a saved diff itself, after checking each file still hashes to its `index`
line. Either way a file that changed since the review is refused, never patched blindly.
"""

from __future__ import annotations

import hashlib
import re

from personize_assistant.actions.wire.artifact import (
    FileEdit,
    Hunk,
    NewFile,
    WireArtifact,
    blob_sha,
)
from personize_assistant.errors import UsageError

NO_BLOB = "0" * 40
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def diff_digest(diff: str) -> str:
    """A short digest of a rendered diff, printed for `--write --reviewed`."""
    return hashlib.sha256(diff.encode("utf-8")).hexdigest()[:16]


def parse_diff(text: str) -> WireArtifact:
    """The edits and new files of a diff `wire` rendered (a `git diff` of the same shape)."""
    sections = re.split(r"^(?=diff --git )", text, flags=re.MULTILINE)
    edits: list[FileEdit] = []
    created: list[NewFile] = []
    for section in filter(None, (s for s in sections if s.startswith("diff --git "))):
        path, base, hunks, is_new = _section(section.splitlines())
        if is_new:
            body = [line[1:] for hunk in hunks for line in hunk.lines]
            trailing = "" if "\\ No newline at end of file" in section else "\n"
            created.append(NewFile(path=path, content="\n".join(body) + trailing, summary="from the patch"))
        else:
            edits.append(FileEdit(path=path, hunks=hunks, summary="from the patch", base_sha=base))
    if not edits and not created:
        raise UsageError("the patch holds no file changes (save the output of `wire -t ID`)")
    return WireArtifact(touchpoint_id="patch", pattern="wrap", language="py", framework="",
                        trigger="", files_created=created, edits=edits)


def _section(lines: list[str]) -> tuple[str, str | None, list[Hunk], bool]:
    path = lines[0].split(" b/", 1)[-1]
    base, is_new, hunks = None, False, []
    for line in lines[1:]:
        if line.startswith("index "):
            base = line.split()[1].split("..")[0]
        elif line.startswith("new file mode") or line == "--- /dev/null":
            is_new = True
        elif (match := _HUNK.match(line)) is not None:
            numbers = [int(g) if g is not None else 1 for g in match.groups()]
            hunks.append(Hunk(old_start=numbers[0], old_lines=numbers[1], new_start=numbers[2],
                              new_lines=numbers[3], lines=[]))
        elif hunks and line[:1] in (" ", "-", "+"):
            hunks[-1].lines.append(line)
    return path, base, hunks, is_new


def check_base(path: str, current: str, edit: FileEdit) -> None:
    """Refuse when the file is not the one the diff was made against."""
    if edit.base_sha and not blob_sha(current).startswith(edit.base_sha):
        raise UsageError(
            f"{path} changed since the diff was made (index {edit.base_sha[:7]}, now "
            f"{blob_sha(current)[:7]}); run wire again and review the new diff"
        )


def check_reviewed(diff: str, reviewed: str) -> None:
    """Refuse when the diff made now is not the one the person reviewed."""
    if not diff_digest(diff).startswith(reviewed.lower()) or len(reviewed) < 8:
        raise UsageError(
            f"the diff is not the one you reviewed (digest {reviewed}, now {diff_digest(diff)}): "
            "the code changed since; run wire again without --write and review the new diff"
        )
