"""Find the touchpoint a person means: an id (`tp_1a2b3c4d`), a name (`notifyPartnerCommission`)
or words ("the weekly digest").

In order: an id; a symbol typed exactly, case included (its last dotted part will do); else every word of
the request must appear in a touchpoint's symbol, file or kind (weighted in that order),
and the best such touchpoint wins. Preferred touchpoints (those the action can work on)
go first at each step. Two different best candidates are ambiguous: the caller asks.
Deterministic: among equals, the earlier candidate stands for its group.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from personize_assistant.scan.models import Touchpoint
from personize_assistant.scan.routes import HTTP_METHODS

_ID = re.compile(r"\btp_[0-9a-f]{8}\b")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NAME = re.compile(r"[A-Za-z_$][\w$.]*")
_STOP = frozenset(["a", "an", "the", "to", "for", "of", "in", "on", "my", "our", "this", "that", "it", "wire",
                   "generate", "code", "message", "please", "with", "and", "into", "one", "function"])
SYMBOL_WEIGHT, FILE_WEIGHT, KIND_WEIGHT = 3, 2, 1
ALTERNATIVES = 5


def _stem(word: str) -> str:
    """`reminders` and `reminder` are the same word to a person."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def words(text: str) -> list[str]:
    return [_stem(w) for w in re.split(r"[^a-z0-9]+", _CAMEL.sub(" ", text).lower()) if w]


def find_id(text: str) -> str | None:
    match = _ID.search(text)
    return match.group(0) if match else None


@dataclass(frozen=True)
class Resolution:
    """`touchpoint` when one stands out; otherwise the candidates worth offering (empty: none)."""

    touchpoint: Touchpoint | None
    alternatives: list[Touchpoint] = field(default_factory=list)


def _distinct(touchpoints: Sequence[Touchpoint]) -> list[Touchpoint]:
    """One per function and file: a helper seen as two kinds is still one thing to name."""
    seen: dict[tuple[str, str], Touchpoint] = {}
    for tp in touchpoints:
        seen.setdefault((tp.symbol or "", tp.file), tp)
    return list(seen.values())


def _decide(found: Sequence[Touchpoint], preferred: Collection[str]) -> Resolution | None:
    if not found:
        return None
    workable = [tp for tp in found if tp.id in preferred] or list(found)
    distinct = _distinct(workable)
    return Resolution(distinct[0]) if len(distinct) == 1 else Resolution(None, distinct[:ALTERNATIVES])


def _named(text: str, candidates: Sequence[Touchpoint]) -> list[Touchpoint]:
    """Symbols typed exactly, case and all: "survey" is a word, `Survey` the model's name."""
    names = set(_NAME.findall(text))
    return [tp for tp in candidates if tp.symbol and (tp.symbol in names or tp.symbol.rsplit(".", 1)[-1] in names)]


def _score(query: list[str], tp: Touchpoint) -> int:
    """Weighted matches when every query word is found somewhere, else 0."""
    symbol, path, kind = set(words(tp.symbol or "")), set(words(tp.file)), set(words(tp.kind.value))
    if not all(w in symbol or w in path or w in kind for w in query):
        return 0
    return sum(SYMBOL_WEIGHT * (w in symbol) + FILE_WEIGHT * (w in path) + KIND_WEIGHT * (w in kind)
               for w in query)


def _query(text: str) -> list[str]:
    return [w for w in words(text) if w not in _STOP and len(w) > 1]


def resolve(text: str, candidates: Sequence[Touchpoint], preferred: Collection[str] = ()) -> Resolution:
    """The touchpoint `text` means among `candidates`; `preferred` ids win ties of meaning."""
    touchpoint_id = find_id(text)
    if touchpoint_id:
        return Resolution(next((tp for tp in candidates if tp.id == touchpoint_id), None))
    named = _decide(_named(text, candidates), preferred)
    if named is not None:
        return named
    query = _query(text)
    if not query:
        return Resolution(None)
    scored = [(_score(query, tp), tp) for tp in candidates]
    matching = [(score, tp) for score, tp in scored if score > 0]
    workable = [(score, tp) for score, tp in matching if tp.id in preferred] or matching
    top = max((score for score, _ in workable), default=0)
    return _decide([tp for score, tp in workable if score == top], preferred) or Resolution(None)


def best_match(text: str, candidates: Sequence[Touchpoint]) -> Touchpoint | None:
    """The candidate `text` clearly means, if one does."""
    return resolve(text, candidates).touchpoint




def display_name(tp: Touchpoint) -> str:
    """The symbol, unless it says nothing on its own (a route's `GET`): then the file."""
    symbol = tp.symbol or ""
    if not symbol or symbol.split()[0] in HTTP_METHODS:
        return f"{symbol.split()[0]} {tp.file}" if symbol else tp.file
    return symbol
