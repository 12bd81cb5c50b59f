"""Tables declared in raw SQL (`create table profiles (...)` in a schema file).

Migrations folders are skipped by the walk, so what is left is the schema an app keeps by
hand (Supabase starters, `schema.sql`). Each table becomes a model in the same shape as a
Prisma model (name, lines, fields); a column's constraints travel as its `decorators` text
(`references auth.users ... primary key`), which detect_models reads. Patterns: conventions.yaml.
"""

from __future__ import annotations

import re

from personize_assistant.scan.facts import FieldFact, FileFacts
from personize_assistant.scan.rules import conventions

_C = conventions()
_COMMENT = re.compile(r"--[^\n]*")
_TYPE = re.compile(r"[\w.\"]+(?:\s*\([^)]*\))?(?:\[\])?")
"""`numeric(10, 2)`, `varchar(255)`, `text[]`: the type keeps its arguments."""
_NOT_NULL = re.compile(r"(?i)\bnot\s+null\b|\bprimary\s+key\b")


def extract_sql(path: str, source: str) -> FileFacts:
    text = _COMMENT.sub(lambda m: " " * len(m.group(0)), source)  # same offsets, no comments
    models = []
    for match in _C.sql_table.finditer(text):
        body_start = match.end()
        body_end = _closing(text, body_start)
        if body_end is None:
            continue
        name = match.group("name")
        fields = tuple(_columns(name, text, body_start, body_end))
        models.append((name, _line(text, match.start("name")), _line(text, body_end), fields))
    return FileFacts(path=path, language="sql", models=tuple(models))


def _closing(text: str, start: int) -> int | None:
    """Offset of the `)` closing the column list that opens just before `start`."""
    depth = 1
    for offset in range(start, len(text)):
        char = text[offset]
        depth += 1 if char == "(" else -1 if char == ")" else 0
        if depth == 0:
            return offset
    return None


def _columns(table: str, text: str, start: int, end: int) -> list[FieldFact]:
    fields: list[FieldFact] = []
    for piece_start, piece in _top_level_pieces(text, start, end):
        stripped = piece.strip()
        if not stripped or _C.sql_constraint.match(stripped):
            continue
        name, _, rest = stripped.partition(" ")
        typed = _TYPE.match(rest.strip())
        column_type = " ".join(typed.group(0).split()) if typed else ""
        constraints = " ".join(rest.strip()[typed.end() if typed else 0 :].split())
        offset = piece_start + len(piece) - len(piece.lstrip())
        optional = _NOT_NULL.search(constraints) is None
        fields.append(FieldFact(table, name.strip('"`'), column_type, "", optional, constraints, _line(text, offset)))
    return fields


def _top_level_pieces(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The column list split on commas outside parentheses (`numeric(10, 2)` stays whole)."""
    pieces: list[tuple[int, str]] = []
    depth, piece_start = 0, start
    for offset in range(start, end):
        char = text[offset]
        depth += 1 if char == "(" else -1 if char == ")" else 0
        if char == "," and depth == 0:
            pieces.append((piece_start, text[piece_start:offset]))
            piece_start = offset + 1
    pieces.append((piece_start, text[piece_start:end]))
    return pieces


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
