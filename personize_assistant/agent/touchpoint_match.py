"""Find the touchpoint a person means: an id (`tp_1a2b3c4d`) or words ("the weekly digest").

Words are matched against each touchpoint's symbol (weighted higher) and file path,
split on camelCase and punctuation. Deterministic: ties go to the earlier candidate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from personize_assistant.scan.models import Touchpoint

_ID = re.compile(r"\btp_[0-9a-f]{8}\b")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_STOP = frozenset(["a", "an", "the", "to", "for", "of", "in", "on", "my", "our", "this", "that", "it", "wire", "generate", "code", "message", "please", "with", "and", "into"])
SYMBOL_WEIGHT, FILE_WEIGHT = 2, 1


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", _CAMEL.sub(" ", text).lower()) if w]


def find_id(text: str) -> str | None:
    match = _ID.search(text)
    return match.group(0) if match else None


def _score(query: list[str], tp: Touchpoint) -> int:
    symbol, path = set(words(tp.symbol or "")), set(words(tp.file))
    return sum(SYMBOL_WEIGHT * (w in symbol) + FILE_WEIGHT * (w in path) for w in query)


def best_match(text: str, candidates: Sequence[Touchpoint]) -> Touchpoint | None:
    """The candidate whose symbol/file best matches the words of `text`, if any does."""
    query = [w for w in words(text) if w not in _STOP and len(w) > 1]
    if not query:
        return None
    scored = [(_score(query, tp), -index, tp) for index, tp in enumerate(candidates)]
    score, _, tp = max(scored, key=lambda item: (item[0], item[1]), default=(0, 0, None))
    return tp if score > 0 else None


_HTTP_VERBS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})


def display_name(tp: Touchpoint) -> str:
    """The symbol, unless it says nothing on its own (a route's `GET`): then the file."""
    symbol = tp.symbol or ""
    if not symbol or symbol.split()[0] in _HTTP_VERBS:
        return f"{symbol.split()[0]} {tp.file}" if symbol else tp.file
    return symbol
