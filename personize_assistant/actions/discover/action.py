"""DISCOVER: what the code already says, then the few questions only the developer can answer.

The pieces are plain functions so the CLI, the conversation engine and the tests share
them:

- `next_questions(discovery, library, n)` picks the next 2-3 questions (pure);
- `record_answer` / `apply_corrections` turn typed text into `user` facts;
- `interview(...)` runs the loop against any `ask`/`say` pair (a terminal, a test);
- `discovery_report(...)` is the artifact the `discover` command renders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.actions.common.discovery import (
    ALL_FIELDS,
    DECISION_SECTIONS,
    OUTPUT_FIELDS,
    SCHEMA_SECTION,
    Discovery,
    answers_from_mapping,
)
from personize_assistant.content.library import Library
from personize_assistant.content.models.discover import Question
from personize_assistant.errors import UsageError

MIN_QUESTIONS_PER_TURN = 2

Ask = Callable[[str], str]
"""Shows a prompt and returns the typed line; raises EOFError/KeyboardInterrupt to stop."""
Say = Callable[[str], None]


# --------------------------------------------------------------------------- choosing questions


def next_questions(discovery: Discovery, library: Library, n: int = 3,
                   asked: Iterable[str] = ()) -> list[Question]:
    """The next questions to ask, in the reference's group order.

    Nothing once `min_known_fields` of the eight fields are known. Otherwise at most
    `n` (capped by `questions_per_turn`, at least 2) questions, each of which fills a
    missing field no earlier pick in this turn already covers, skipping `asked` ones.
    """
    meta = library.discover.meta
    if discovery.is_complete(meta.min_known_fields):
        return []
    limit = max(MIN_QUESTIONS_PER_TURN, min(n, meta.questions_per_turn))
    missing, done = set(discovery.missing_fields()), set(asked)
    covered: set[str] = set()
    picked: list[Question] = []
    for question in meta.questions():
        fills = (set(question.informs) & missing) - covered
        if question.id in done or not fills:
            continue
        picked.append(question)
        covered |= fills
        if len(picked) == limit:
            break
    return picked


# Questions about how things are today: the answer describes the present, so it is recorded
# as that context, never as the quick win or a surface it merely informs.
_DESCRIBES_TODAY = {"surfaces_today": "current_personalization"}


def answer_field(question: Question, discovery: Discovery) -> str:
    """The field an answer to `question` records: its first informed field still missing."""
    if question.id in _DESCRIBES_TODAY:
        return _DESCRIBES_TODAY[question.id]
    missing = set(discovery.missing_fields())
    return next((f for f in question.informs if f in missing), question.informs[0])


# --------------------------------------------------------------------------- recording answers


def record_answer(discovery: Discovery, question: Question, text: str) -> Discovery:
    """`discovery` with the answer stored as a `user` fact; blank text changes nothing."""
    text = text.strip()
    if not text:
        return discovery
    name = answer_field(question, discovery)
    return discovery.merged_with(answers_from_mapping({name: text}, origin=f"answer to {question.id}"))


def parse_correction(line: str) -> tuple[str, str]:
    """`priority_channel: email` -> ('priority_channel', 'email'); a clear error otherwise."""
    name, sep, value = line.partition(":")
    name = name.strip().replace(" ", "_").lower()
    if not sep or not value.strip():
        raise UsageError("write a correction as `field: value`, e.g. `priority_channel: email`")
    if name not in ALL_FIELDS:
        raise UsageError(f"unknown field {name!r}; fields are {', '.join(OUTPUT_FIELDS)}")
    return name, value.strip()


def apply_corrections(discovery: Discovery, lines: Iterable[str]) -> Discovery:
    for line in lines:
        name, value = parse_correction(line)
        discovery = discovery.merged_with(answers_from_mapping({name: value}, origin="correction"))
    return discovery


def answers_mapping(discovery: Discovery) -> dict[str, Any]:
    """What the developer said (user facts only), as a reusable answers-file mapping;
    scanned facts are left out because the next scan finds them again."""
    answers: dict[str, Any] = {}
    for name in ALL_FIELDS:
        fact = discovery.fact(name)
        if fact is not None and fact.source == "user":
            answers[name] = fact.value
    if discovery.schema_decisions is not None and not discovery.schema_decisions.is_empty():
        answers[SCHEMA_SECTION] = discovery.schema_decisions.model_dump(mode="json", exclude_defaults=True)
    for section, name in DECISION_SECTIONS.items():
        decided = getattr(discovery, name)
        if decided is not None and not decided.is_empty():
            answers[section] = decided.recorded()
    return answers


def answers_yaml(discovery: Discovery) -> str:
    header = "# personize-assistant discovery answers; reuse with --answers FILE\n"
    body = yaml.safe_dump(answers_mapping(discovery), sort_keys=False, allow_unicode=True)
    return header + ("" if body.strip() == "{}" else body)


# --------------------------------------------------------------------------- the interview


class InterviewResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    discovery: Discovery
    asked: list[str] = Field(default_factory=list)
    interrupted: bool = False
    """The developer left (Ctrl-C / end of input) before discovery was complete."""


def interview(discovery: Discovery, library: Library, ask: Ask, say: Say) -> InterviewResult:
    """Confirm what the scan inferred, then ask 2-3 questions a turn until six fields
    are known or nothing is left to ask. Leaving early keeps every answer given."""
    result = InterviewResult(discovery=discovery)
    try:
        result.discovery = _confirm_inferred(result.discovery, ask, say)
        while questions := next_questions(result.discovery, library, asked=result.asked):
            _ask_turn(result, questions, ask, say)
    except (EOFError, KeyboardInterrupt):
        result.interrupted = True
    return result


def _ask_turn(result: InterviewResult, questions: list[Question], ask: Ask, say: Say) -> None:
    known = len(result.discovery.known_fields())
    say(f"{known} of {len(OUTPUT_FIELDS)} known - {len(questions)} question(s) (Enter skips one):")
    for question in questions:
        result.asked.append(question.id)
        result.discovery = record_answer(result.discovery, question, ask(question.text))


def inferred_lines(discovery: Discovery) -> list[str]:
    """One line per field the scan filled: `surfaces: web_app, notifications (app/x.ts:3)`."""
    lines = []
    for name in OUTPUT_FIELDS:
        fact = discovery.fact(name)
        if fact is not None and fact.source == "scan":
            value = ", ".join(fact.value) if isinstance(fact.value, list) else str(fact.value)
            where = f" (e.g. {fact.evidence[0]})" if fact.evidence else ""
            lines.append(f"{name}: {value}{where}")
    return lines


def _confirm_inferred(discovery: Discovery, ask: Ask, say: Say) -> Discovery:
    lines = inferred_lines(discovery)
    if not lines:
        return discovery
    say("From the code I can already tell:\n" + "\n".join(f"  - {line}" for line in lines))
    while line := ask("Anything wrong? Type `field: value` to correct it, or Enter to continue").strip():
        try:
            discovery = apply_corrections(discovery, [line])
        except UsageError as exc:
            say(str(exc))
        else:
            name, value = parse_correction(line)
            say(f"  noted: {name} = {value}")
    return discovery


# --------------------------------------------------------------------------- the artifact


class OpenQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    fills: list[str]


class DiscoveryReport(BaseModel):
    """The discovery document: facts with provenance, and what is still open."""

    model_config = ConfigDict(extra="forbid")

    discovery: Discovery
    complete: bool
    min_known_fields: int
    open_questions: list[OpenQuestion]


def discovery_report(discovery: Discovery, library: Library, asked: Iterable[str] = ()) -> DiscoveryReport:
    """Open questions are every unasked question that would fill a missing field."""
    meta = library.discover.meta
    missing, done = set(discovery.missing_fields()), set(asked)
    open_questions = [OpenQuestion(id=q.id, text=q.text, fills=[f for f in q.informs if f in missing])
                      for q in meta.questions() if q.id not in done and set(q.informs) & missing]
    return DiscoveryReport(discovery=discovery, complete=discovery.is_complete(meta.min_known_fields),
                           min_known_fields=meta.min_known_fields, open_questions=open_questions)
