"""Deterministic intent routing for the offline engine: a message -> one Intent.

Rules, in order: `field: value` lines are discovery answers; a leading command word
("plan", "wire …", "/schema") is a command; while questions are pending, any other text
answers them; otherwise the first keyword found anywhere decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from personize_assistant.actions.common.discovery import ALL_FIELDS
from personize_assistant.agent.events import Question

IntentName = Literal["help", "scan", "touchpoints", "propose", "schema", "plan", "wire", "generate",
                     "review", "export", "status", "answers", "unknown"]

FIELDS = frozenset(ALL_FIELDS)
_FIELD_LINE = re.compile(r"^\s*[-*]?\s*([A-Za-z][A-Za-z _]*?)\s*[:=]\s*(\S.*)$")
_NUMBERED = re.compile(r"^\s*(?:\d+[.)]|[-*])\s*")

# Checked in this order when looking for a keyword anywhere in the message.
KEYWORDS: tuple[tuple[IntentName, tuple[str, ...]], ...] = (
    ("help", ("help", "what can you do", "commands")),
    ("wire", ("wire", "wiring", "hook up", "connect")),
    ("generate", ("generate", "write the message", "message code")),
    ("review", ("review", "audit", "check my")),
    ("export", ("export", "save everything")),
    ("plan", ("plan", "roadmap")),
    ("schema", ("schema", "collections", "properties")),
    ("propose", ("propose", "proposal", "ideas", "opportunit", "where should", "quick win", "suggest")),
    ("touchpoints", ("touchpoint", "list")),
    ("status", ("status", "discovery", "what do you know", "progress", "next step", "what next")),
    ("scan", ("scan", "rescan")),
)
COMMAND_WORDS: dict[str, IntentName] = {
    "help": "help", "scan": "scan", "rescan": "scan", "touchpoints": "touchpoints", "list": "touchpoints",
    "propose": "propose", "ideas": "propose", "opportunities": "propose", "schema": "schema", "plan": "plan",
    "wire": "wire", "generate": "generate", "review": "review", "export": "export", "status": "status",
    "discovery": "status",
}
COMMAND_MAX_WORDS_WHILE_ASKING = 6
"""While questions are pending, a longer message starting with "export…" is an answer."""


@dataclass(frozen=True)
class Intent:
    name: IntentName
    argument: str = ""
    """The message without its command word (a touchpoint reference, options…)."""
    answers: dict[str, str] = field(default_factory=dict)


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
    name = COMMAND_WORDS.get(first.lower().strip(".,!?:"))
    return Intent(name, rest.strip()) if name else None


def _keyword(text: str) -> Intent | None:
    lowered = text.lower()
    for name, words in KEYWORDS:
        for word in words:
            match = re.search(rf"\b{re.escape(word)}", lowered)
            if match:
                return Intent(name, text[match.end():].strip(" ?!.,"))
    return None


def route(text: str, pending: list[Question]) -> Intent:
    answers, rest = field_answers(text)
    if answers and not rest:
        return Intent("answers", answers=answers)
    command = _command(text)
    asking = bool(pending) and not text.lstrip().startswith("/")
    if command is not None and not (asking and len(text.split()) > COMMAND_MAX_WORDS_WHILE_ASKING):
        return command
    if pending or answers:
        remaining = "\n".join(rest)
        return Intent("answers", answers={**free_text_answers(remaining, pending), **answers})
    return _keyword(text) or Intent("unknown", text.strip())
