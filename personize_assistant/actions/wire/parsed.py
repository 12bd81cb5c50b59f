"""Parse each source file once: a small cache the wire source readers share.

`wire --list` tries every touchpoint, and each try reads the function it sits in; with
1,000 send functions in one file that re-parsed the file 1,000 times (over 300 s). The
readers decorate their parse and read-all-functions steps with `parsed_once`, so within a
command each file is parsed once whatever the number of touchpoints in it.

Entries are keyed by the reader, the path and a hash of the content, so a changed file is
never served a stale parse (the TUI and the agent run many commands in one process), and
the cache holds a bounded number of files. Cached values are shared: readers treat trees
and function lists as read-only.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

MAX_ENTRIES = 64
"""Files (per reader) kept parsed; enough for one command, small enough to forget."""

_P = ParamSpec("_P")
_T = TypeVar("_T")

_entries: OrderedDict[tuple[str, str, int, int], tuple[str, Any]] = OrderedDict()
_lock = threading.Lock()
parses: Counter[str] = Counter()
"""How many times each reader really ran (cache misses), per `reader:path`; for tests."""


def _key(reader: str, text: str, path: str) -> tuple[str, str, int, int]:
    # str caches its own hash, so a lookup costs O(1) after the first; the text kept with
    # the entry settles a (practically impossible) collision.
    return reader, path, hash(text), len(text)


def parsed_once(reader: str) -> Callable[[Callable[_P, _T]], Callable[_P, _T]]:
    """Cache a reader `f(text, path="")` by (reader, path, content hash)."""

    def decorate(parse: Callable[_P, _T]) -> Callable[_P, _T]:
        @functools.wraps(parse)
        def cached(*args: _P.args, **kwargs: _P.kwargs) -> _T:
            text = str(args[0])
            path = str(args[1]) if len(args) > 1 else str(kwargs.get("path", ""))
            key = _key(reader, text, path)
            with _lock:
                hit = _entries.get(key)
                if hit is not None and hit[0] == text:
                    _entries.move_to_end(key)
                    return hit[1]  # type: ignore[no-any-return]
            value = parse(*args, **kwargs)  # errors are not cached: they are raised each time
            _remember(key, text, value)
            return value

        return cached

    return decorate


def _remember(key: tuple[str, str, int, int], text: str, value: Any) -> None:
    with _lock:
        parses[f"{key[0]}:{key[1]}"] += 1
        _entries[key] = (text, value)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)


def clear() -> None:
    with _lock:
        _entries.clear()
        parses.clear()


_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")


@parsed_once("identifiers")
def identifiers(text: str) -> frozenset[str]:
    """Every identifier-like word of a file (names a generated local must not take)."""
    return frozenset(_IDENTIFIER.findall(text))


_DECLARED = re.compile(r"\b(?:def|function)\s+([A-Za-z_$][\w$]*)")


@parsed_once("declared functions")
def declared_functions(text: str) -> frozenset[str]:
    """Names after `def`/`function` anywhere in the file."""
    return frozenset(_DECLARED.findall(text))


@parsed_once("lines")
def split_lines(text: str) -> tuple[str, ...]:
    """`text.splitlines()` once per file (a tuple: callers share it)."""
    return tuple(text.splitlines())
