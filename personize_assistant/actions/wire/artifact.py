"""The WIRE artifact: new files, minimal edits as hunks, notes and the constraints honoured.

Rendering is separate from building: `render_diff` gives a `git apply`-able unified diff,
`render_json` the same content as data.

Redaction and patches: a context or removed line must match the user's file byte for byte,
so it is never masked. Only added lines are. When the lines a patch must match hold a
literal secret, the diff is withheld with the reason instead of being printed.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.errors import UsageError
from personize_assistant.redact import contains_secret, redact, redact_tree

Language = Literal["ts", "py"]
Pattern = Literal[
    "wrap", "webhook_pipeline", "middleware", "cron_generate_deliver", "event_mirror", "data_sync"
]


class Hunk(BaseModel):
    """One unified-diff hunk; `lines` keep their ' ', '-', '+' prefixes and no newline."""

    model_config = ConfigDict(extra="forbid")

    old_start: int
    old_lines: int
    new_start: int
    new_lines: int
    lines: list[str]

    def header(self) -> str:
        return f"@@ -{self.old_start},{self.old_lines} +{self.new_start},{self.new_lines} @@"


class FileEdit(BaseModel):
    """A change to a file that already exists in the user's repo."""

    model_config = ConfigDict(extra="forbid")

    path: str
    """Repo-relative, `/` separators."""
    hunks: list[Hunk]
    summary: str
    base_sha: str | None = None
    """Git blob id of the file the hunks were made against (the diff's `index` line)."""
    result_sha: str | None = None
    """Git blob id of the file once the hunks are applied."""


class NewFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    content: str
    summary: str


class ConstraintNote(BaseModel):
    """How one WIRE constraint from the reference doc shows up in the generated code."""

    model_config = ConfigDict(extra="forbid")

    id: str
    rule: str
    how: str


class WireArtifact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    touchpoint_id: str
    pattern: Pattern
    language: Language
    framework: str
    trigger: str
    """The event that starts the pipeline, in words (constraint: identify the trigger)."""
    field_mapping: dict[str, str] = Field(default_factory=dict)
    """Personize output field -> the parameter/expression of the user's function it feeds."""
    files_created: list[NewFile] = Field(default_factory=list)
    edits: list[FileEdit] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    constraints: list[ConstraintNote] = Field(default_factory=list)

    def touched_paths(self) -> list[str]:
        return [f.path for f in self.files_created] + [e.path for e in self.edits]


class WireCandidate(BaseModel):
    """One line of `wire --list`: a touchpoint that can be wired, and how."""

    model_config = ConfigDict(extra="forbid")

    touchpoint_id: str
    kind: str
    pattern: Pattern
    language: Language
    location: str
    symbol: str | None = None
    provider: str | None = None
    framework: str | None = None
    ready: bool = True
    """False when WIRE cannot generate code here; `reason` says why and what to wire instead."""
    reason: str | None = None


def blob_sha(text: str) -> str:
    """The id git gives this content (`git hash-object`), so `index` lines are git's own."""
    data = text.encode("utf-8")
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _new_file_diff(new: NewFile) -> list[str]:
    body = new.content.splitlines()
    header = [f"diff --git a/{new.path} b/{new.path}", "new file mode 100644"]
    if not new.content:
        return header  # git's form for an empty file: a hunk `@@ -0,0 +1,0 @@` is corrupt
    lines = [
        *header,
        f"index 0000000..{blob_sha(new.content)[:12]}",
        "--- /dev/null",
        f"+++ b/{new.path}",
        f"@@ -0,0 +1,{len(body)} @@",
    ]
    lines.extend("+" + redact(line) for line in body)
    if not new.content.endswith("\n"):
        lines.append("\\ No newline at end of file")
    return lines


def _edit_diff(edit: FileEdit) -> list[str]:
    lines = [f"diff --git a/{edit.path} b/{edit.path}"]
    if edit.base_sha and edit.result_sha:
        lines.append(f"index {edit.base_sha[:12]}..{edit.result_sha[:12]}")
    lines += [f"--- a/{edit.path}", f"+++ b/{edit.path}"]
    for hunk in edit.hunks:
        lines.append(hunk.header())
        lines.extend(redact(line) if line.startswith("+") else line for line in hunk.lines)
    return lines


def withheld_reason(artifact: WireArtifact) -> str | None:
    """Why the diff cannot be shown: a line it must match (context or removed) holds a
    literal secret, which masking would make the patch fail to apply and printing leak."""
    for edit in artifact.edits:
        for hunk in edit.hunks:
            for offset, line in enumerate(hunk.lines):
                if not line.startswith("+") and contains_secret(line):
                    number = hunk.old_start + sum(1 for earlier in hunk.lines[:offset] if not earlier.startswith("+"))
                    return (f"{edit.path}:{number} holds a literal secret inside the code being wired; the patch "
                            "would have to print it. Move the value to an environment variable, then wire again.")
    return None


def render_diff(artifact: WireArtifact) -> str:
    """A unified diff that `git apply` / `patch -p1` accept (edits first, then new files);
    added lines are redacted, and a diff whose context holds a secret is refused."""
    reason = withheld_reason(artifact)
    if reason is not None:
        raise UsageError(reason)
    lines: list[str] = []
    for edit in artifact.edits:
        lines.extend(_edit_diff(edit))
    for new in artifact.files_created:
        lines.extend(_new_file_diff(new))
    return "\n".join(lines) + "\n" if lines else ""


def render_json(artifact: WireArtifact) -> dict[str, Any]:
    """The artifact as data, redacted; `diff` is null with `diff_withheld` saying why when
    the patch would have to print a secret."""
    data: dict[str, Any] = redact_tree(artifact.model_dump(mode="json"))
    reason = withheld_reason(artifact)
    data["diff"] = None if reason else render_diff(artifact)
    if reason:
        data["diff_withheld"] = reason
    return data


def render_summary(artifact: WireArtifact) -> str:
    """Human-readable notes that go to stderr next to the diff."""
    lines = [f"pattern: {artifact.pattern} ({artifact.language}, {artifact.framework})"]
    lines.append(f"trigger: {artifact.trigger}")
    lines.extend(f"  {field} -> {target}" for field, target in artifact.field_mapping.items())
    lines.extend(f"note: {note}" for note in artifact.notes)
    lines.extend(
        f"{'open' if c.how.startswith('Not wired') else 'honours'} {c.id}: {c.how}"
        for c in artifact.constraints
        if c.id != "sdk_chain"
    )
    return redact("\n".join(lines))


def render_candidates(candidates: list[WireCandidate], javascript: int = 0, total: int | None = None) -> str:
    """The ready candidates as a table, under a line saying what is counted; `javascript`
    counts touchpoints in .js files, which WIRE does not generate code for (it writes
    TypeScript and Python); `total` is the scan's own count, the base `scan` and `propose` use."""
    ready = [c for c in candidates if c.ready]
    js_note = (
        [f"\n{javascript} touchpoints are in JavaScript files; wire generates TypeScript and Python only"]
        if javascript
        else []
    )
    counted = [counts_line(len(candidates), len(ready), javascript, total)] if total is not None else []
    if not ready:
        why = f": {len(candidates)} cannot be wired as they are (see --json for why)" if candidates else ""
        return "\n".join([*counted, f"no wireable touchpoints found{why}", *js_note])
    header = f"{'ID':<12}  {'KIND':<16} {'PATTERN':<22} {'LANG':<4}  LOCATION"
    rows = [
        f"{c.touchpoint_id:<12}  {c.kind:<16} {c.pattern:<22} {c.language:<4}  {c.location}"
        + (f"  {c.symbol}" if c.symbol else "")
        for c in ready
    ]
    skipped = len(candidates) - len(ready)
    footer = [f"\n{skipped} more touchpoints cannot be wired as they are (see --json for why)"] if skipped else []
    return "\n".join([*counted, *([""] if counted else []), header, *rows, *footer, *js_note])


def counts_line(wireable: int, ready: int, javascript: int, total: int) -> str:
    """One line from the scan's total down to what is ready, so the numbers add up."""
    other = total - wireable - javascript
    parts = [f"{total} touchpoints in the scan", f"{wireable} have a wire pattern", f"{ready} of them ready"]
    if javascript:
        parts.append(f"{javascript} are in JavaScript")
    if other > 0:
        parts.append(f"{other} are kinds or languages wire has no pattern for")
    return "; ".join(parts) + " (propose groups touchpoints by function into places)"
