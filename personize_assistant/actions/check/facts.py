"""The content rules of `check`: sensitive topics to review, and facts the context does not back.

A fact is a number, percentage, multiplier, amount of money, date, or a capitalised
multi-word name. It is backed when every token of it (numbers normalised, words
lower-cased) appears in the `--context` text. Without a context only the claim shapes the
reference doc lists (`unsupported_claim_patterns`) are flagged, as unverifiable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from personize_assistant.actions.check.input import Message
from personize_assistant.actions.check.model import Violation
from personize_assistant.actions.check.text import URL, strip_tags
from personize_assistant.content.models import GenerateMeta

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_FACT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")),
    ("date", re.compile(rf"\b(?:{_MONTHS})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+\d{{4}})?\b", re.I)),
    ("date", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTHS})\b(?:[ \t]+\d{{4}})?", re.I)),
    ("date", re.compile(rf"\b(?:{_MONTHS}|{_WEEKDAYS})\b", re.I)),
    ("money", re.compile(r"[$€£¥][ \t]?\d[\d,]*(?:\.\d+)?(?:[ \t]?[kKmMbB]\b)?")),
    ("percentage", re.compile(r"\b\d+(?:\.\d+)?[ \t]?%")),
    ("multiplier", re.compile(r"\b\d+(?:\.\d+)?x\b")),
    ("number", re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")),
    ("name", re.compile(r"\b[A-Z][\w&'\u2019-]*(?:[ \t]+(?:&[ \t]+|of[ \t]+)?[A-Z][\w&'\u2019-]*)+")),
)
_LEADING_WORDS = frozenset(
    {
        "the", "a", "an", "hi", "hello", "hey", "dear", "your", "our", "my", "this", "that",
        "these", "those", "we", "you", "i", "it", "thanks", "thank", "best", "cheers", "regards",
        "welcome", "and", "or", "but", "if", "when", "before", "after", "on", "in", "at", "for",
        "from", "to", "with", "please", "here", "there", "just", "new", "good", "happy", "great",
        # Imperatives that open a call to action: `Reply STOP`, `Visit Acme` are not names.
        "reply", "text", "call", "visit", "click", "tap", "open", "see", "view", "pay", "read",
        "join", "try", "book", "sign", "log",
    }
)
"""Sentence starters that make `Hi Dana` or `The Tallybook` look like a two-word name."""
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:[ \t]?%|x\b)?|[^\W\d_]+", re.UNICODE)
_SKIPPED_FIELDS = frozenset({"CHANNEL_NOTES", "BUTTON_URL"})


@dataclass(frozen=True)
class Fact:
    kind: str
    text: str
    field: str


def sensitive_topics(message: Message, meta: GenerateMeta, context: str | None = None) -> Iterator[Violation]:
    """Review triggers the message hits. A keyword the context already contains (a refund
    the customer asked about, a discount their plan has) is expected there, not new."""
    for trigger in meta.review_triggers:
        expected = set(trigger.matched_keywords(context)) if context else set()
        for name, value in message.fields.items():
            found = [k for k in trigger.matched_keywords(strip_tags(value)) if k not in expected]
            if found:
                yield Violation(
                    rule="sensitive_topic", severity="review", where=name, excerpt=found[0],
                    constraint="flag_sensitive",
                    message=f"{meta.review_flag}: {trigger.topic.lower()} (mentions "
                    f"{', '.join(repr(k) for k in found)}). {trigger.reason}",
                )
                break


def unsupported_facts(message: Message, meta: GenerateMeta, context: str | None) -> Iterator[Violation]:
    if context is None:
        yield from _unverifiable_claims(message, meta)
        return
    known = tokens(context)
    reported: set[str] = set()
    for fact in stated_facts(message) + _claims(message, meta):
        key = fact.text.lower()
        if key in reported or tokens(fact.text) <= known:
            continue
        reported.add(key)
        yield Violation(
            rule="possible_invention", severity="review", where=fact.field, excerpt=fact.text,
            constraint="no_invented_facts",
            message=f"{meta.review_flag}: the {fact.kind} {fact.text!r} is not in the context "
            "(possible invention)",
        )


def _unverifiable_claims(message: Message, meta: GenerateMeta) -> Iterator[Violation]:
    for fact in _claims(message, meta):
        yield Violation(
            rule="possible_invention", severity="review", where=fact.field, excerpt=fact.text,
            constraint="no_invented_facts",
            message=f"{meta.review_flag}: claim {fact.text!r} needs a source; "
            "pass --context FILE to check it against the facts the message was written from",
        )


def _visible_fields(message: Message) -> Iterator[tuple[str, str]]:
    for name, value in message.fields.items():
        if name not in _SKIPPED_FIELDS:
            yield name, URL.sub(" ", strip_tags(value))


def stated_facts(message: Message) -> list[Fact]:
    facts: list[Fact] = []
    for name, text in _visible_fields(message):
        remaining = text
        for kind, pattern in _FACT_PATTERNS:
            for match in pattern.finditer(remaining):
                fact = _fact(kind, match.group(0), name)
                if fact is not None:
                    facts.append(fact)
            # A matched fact is consumed so `March 14` is not checked again as `14`.
            remaining = pattern.sub(lambda m: " " * len(m.group(0)), remaining)
    return facts


def _fact(kind: str, text: str, field: str) -> Fact | None:
    if kind != "name":
        return Fact(kind, text.strip(), field)
    words = text.split()
    while words and words[0].lower() in _LEADING_WORDS:
        words = words[1:]
    return Fact("name", " ".join(words), field) if len(words) >= 2 else None


def _claims(message: Message, meta: GenerateMeta) -> list[Fact]:
    claims = []
    for name, text in _visible_fields(message):
        for pattern in meta.unsupported_claim_patterns:
            claims += [Fact("claim", m.group(0).strip(), name) for m in re.finditer(pattern, text)]
    return claims


def tokens(text: str) -> set[str]:
    """Numbers without thousands separators, words lower-cased; `20 %` and `20%` are equal."""
    spelled = re.sub(r"(\d)[ \t]*per[ \t]?cent\b", r"\1%", text, flags=re.I)
    return {_number_form(re.sub(r"[,\s]", "", raw)).lower() for raw in _TOKEN.findall(spelled)}


def _number_form(token: str) -> str:
    """`03` in an ISO date backs the `3` of `3 March`, and `$1,200.00` backs `$1,200`:
    leading zeros and trailing decimal zeros are not part of a number."""
    token = re.sub(r"^0+(?=\d)", "", token)
    return re.sub(r"(\d)\.(\d*?)0+(?=\D|$)", lambda m: f"{m.group(1)}.{m.group(2)}" if m.group(2) else m.group(1), token)
