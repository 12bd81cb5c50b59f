"""Deterministic intent routing for the offline engine: a message -> one Intent.

Intent first, answers second. In order: `field: value` lines are discovery answers;
"write the plan to plan.md" saves a document; a leading command word ("plan", "/schema")
is a command; "no, that's not the product" takes an answer back; while questions are
open, a message answers them only when it reads like an answer (short, not a request,
not a question, not a known action named in a few words); otherwise the first keyword
found anywhere decides, and a question naming a kind of touchpoint lists those.
The words behind each rule live in `intents.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.common.discovery import ALL_FIELDS
from personize_assistant.agent.events import Question
from personize_assistant.rulefiles import load_yaml

IntentName = Literal["help", "scan", "touchpoints", "propose", "schema", "plan", "wire", "generate",
                     "review", "export", "status", "answers", "correct", "save", "unknown"]

FIELDS = frozenset(ALL_FIELDS)
_FIELD_LINE = re.compile(r"^\s*[-*]?\s*([A-Za-z][A-Za-z _]*?)\s*[:=]\s*(\S.*)$")
_NUMBERED = re.compile(r"^\s*(?:\d+[.)]|[-*])\s*")
COMMAND_MAX_WORDS_WHILE_ASKING = 6
"""While questions are pending, a longer message starting with "export…" is an answer."""


class Vocabulary(BaseModel):
    """`intents.yaml`, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    command_words: dict[str, IntentName]
    keywords: dict[IntentName, list[str]]
    request_starts: list[str]
    question_starts: list[str]
    action_max_words: int
    answer_max_words: int
    correction_starts: list[str]
    field_words: dict[str, list[str]]
    save_pattern: str
    save_what: dict[str, str]


@cache
def vocabulary() -> Vocabulary:
    text = (resources.files("personize_assistant.agent") / "intents.yaml").read_text(encoding="utf-8")
    return Vocabulary.model_validate(load_yaml(text))


@dataclass(frozen=True)
class Intent:
    name: IntentName
    argument: str = ""
    """The message without its command word (a touchpoint reference, options…); for
    `correct` the field taken back, for `save` the document kind."""
    answers: dict[str, str] = field(default_factory=dict)
    path: str = ""
    """Where `save` writes (as the user typed it)."""


def field_answers(text: str) -> tuple[dict[str, str], list[str]]:
    """`field: value` lines -> answers; the other non-empty lines are returned as they are."""
    answers: dict[str, str] = {}
    rest: list[str] = []
    for line in text.splitlines():
        match = _FIELD_LINE.match(line)
        name = match.group(1).strip().lower().replace(" ", "_") if match else ""
        if match and name in FIELDS:
            answers[name] = match.group(2).strip()
        elif line.strip():
            rest.append(line.strip())
    return answers, rest


def free_text_answers(text: str, pending: list[Question]) -> dict[str, str]:
    """Lines (or `;`-separated parts) answer the pending questions in order; extra parts
    go to the last question, a single part to the first.

    One line splits at `;` only when it has exactly one part per question: otherwise the
    `;` is the user's punctuation inside one answer ("a survey tool; teams use it to...")."""
    lines = [_NUMBERED.sub("", line).strip() for line in text.splitlines() if line.strip()]
    parts = lines
    if len(lines) == 1:
        pieces = [p.strip() for p in text.split(";") if p.strip()]
        parts = pieces if len(pieces) == len(pending) else lines
    if not pending or not parts:
        return {}
    if len(parts) > len(pending):
        parts = [*parts[: len(pending) - 1], "; ".join(parts[len(pending) - 1:])]
    answers: dict[str, str] = {}
    for question, part in zip(pending, parts, strict=False):
        answers[question.field] = f"{answers[question.field]}; {part}" if question.field in answers else part
    return answers


def _command(text: str) -> Intent | None:
    first, _, rest = text.strip().lstrip("/").partition(" ")
    name = vocabulary().command_words.get(first.lower().strip(".,!?:"))
    return Intent(name, rest.strip()) if name else None


def _keyword(text: str) -> Intent | None:
    lowered = text.lower()
    for name, words in vocabulary().keywords.items():
        for word in words:
            match = re.search(rf"\b{re.escape(word)}", lowered)
            if match:
                return Intent(name, text[match.end():].strip(" ?!.,"))
    return None


def _starts_with(text: str, openings: list[str]) -> bool:
    """`text` (lowercase) opens with one of `openings` as whole words."""
    return any(re.match(rf"{re.escape(opening)}(?:\b|$)" if opening[-1].isalnum() else re.escape(opening), text)
               for opening in openings)


def _save(text: str) -> Intent | None:
    words = vocabulary()
    match = re.match(words.save_pattern, text.strip(), flags=re.I)
    what = words.save_what.get(match.group("what").lower()) if match else None
    return Intent("save", what, path=match.group("path")) if match and what else None


def _correction(text: str) -> Intent | None:
    """"no, that's not the product" -> the field to take back (named, or by one of its words)."""
    words = vocabulary()
    lowered = " ".join(text.lower().split())
    if not _starts_with(lowered, words.correction_starts):
        return None
    for name in ALL_FIELDS:
        names = [name, name.replace("_", " "), *words.field_words.get(name, [])]
        if any(re.search(rf"\b{re.escape(n)}\b", lowered) for n in names):
            return Intent("correct", name)
    return None


def is_question(text: str) -> bool:
    lowered = text.strip().lower()
    return lowered.endswith("?") or _starts_with(lowered, vocabulary().question_starts)


def reads_as_answer(text: str) -> bool:
    """Short, no request verb, not a question, not a known action named in a few words."""
    words = vocabulary()
    count = len(text.split())
    if count > words.answer_max_words:
        return False
    for line in (_NUMBERED.sub("", line).strip().lower() for line in text.splitlines() if line.strip()):
        if is_question(line) or _starts_with(line, words.request_starts):
            return False
    return not (count <= words.action_max_words and _keyword(text) is not None)


def _asks_about_kind(text: str) -> Intent | None:
    """"which emails could be personalized?": a question naming a kind lists those touchpoints."""
    from personize_assistant.agent.offline_text import kind_from_words

    return Intent("touchpoints", text.strip(" ?")) if is_question(text) and kind_from_words(text) else None


def route(text: str, pending: list[Question]) -> Intent:
    answers, rest = field_answers(text)
    if answers and not rest:
        return Intent("answers", answers=answers)
    saved = _save(text)
    if saved is not None:
        return saved
    command = _command(text)
    asking = bool(pending) and not text.lstrip().startswith("/")
    if command is not None and not (asking and len(text.split()) > COMMAND_MAX_WORDS_WHILE_ASKING):
        return command
    correction = _correction(text)
    if correction is not None:
        return correction
    remaining = "\n".join(rest)
    if answers or (pending and reads_as_answer(remaining)):
        return Intent("answers", answers={**free_text_answers(remaining, pending), **answers})
    return _keyword(text) or _asks_about_kind(text) or Intent("unknown", text.strip())
