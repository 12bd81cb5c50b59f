"""Which functions reach Personize: directly, through a wrapper, or as a wrapped original.

Used to tell touchpoints that are already personalized (so not an opportunity) and
sends that go through a wired wrapper (which checks and memorizes on its own).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tree_sitter import Node

from personize_assistant.actions.review.context import ReviewContext
from personize_assistant.scan.extract_common import text
from personize_assistant.scan.models import Kind, Touchpoint


def personalizing_names(ctx: ReviewContext) -> set[str]:
    """Functions that reach Personize: those with a call, and (two levels up) the
    functions in integration files that call or hand off to them (`personalize_message`)."""
    names = {c.symbol.split(".")[-1] for c in ctx.calls if c.symbol}
    names |= {t.symbol.split(".")[-1] for t in ctx.touchpoints(Kind.PERSONIZE_CALL) if t.symbol}
    # Entry points of the wiring module that only set up context for later calls
    # (a paced scheduled run) reach Personize through the deliveries they wrap.
    names |= {name for source in ctx.integration_sources() for name, _ in source.functions if name in _RUN_WRAPPERS}
    for _ in range(2):
        names |= {name for source in ctx.integration_sources() for name, node in source.functions
                  if name not in names and calls_any(_body(node), names)}
    return names


_RUN_WRAPPERS = frozenset({"personalizedRun", "personalized_run"})


def _body(node: Node) -> str:
    """A function's text without its signature line, so it does not mention itself."""
    return text(node).split("\n", 1)[-1]


_CALLED = re.compile(r"(?<![\w.$])([A-Za-z_$][\w$]*)\s*\(")
_HANDED_OFF = re.compile(
    r"\b(?:submit|run_in_executor|to_thread|create_task|add_task|Thread)\(\s*(?:None,\s*)?(?:target=)?([A-Za-z_$][\w$]*)"
)


@lru_cache(maxsize=4096)
def called_names(code: str) -> frozenset[str]:
    """Names `code` calls (`name(...)`) or hands to an executor (`pool.submit(name, ...)`)."""
    return frozenset(_CALLED.findall(code)) | frozenset(_HANDED_OFF.findall(code))


def calls_any(code: str, names: set[str]) -> bool:
    return not called_names(code).isdisjoint(names)


def personalized_functions(ctx: ReviewContext) -> set[tuple[str, str]]:
    """(file, function) pairs that reach Personize, directly or through wrappers, across
    every file with touchpoints; wrapped originals count too (`_send_original`)."""
    if "reached" not in ctx.memo:
        ctx.memo["reached"] = _reach(ctx)
    reached: set[tuple[str, str]] = ctx.memo["reached"]
    return reached


def _reach(ctx: ReviewContext) -> set[tuple[str, str]]:
    names = personalizing_names(ctx)
    files = sorted({t.file for t in ctx.scan.touchpoints})
    reached: set[tuple[str, str]] = set()
    for _ in range(3):  # a wrapper's callers, and theirs
        for path in files:
            source = ctx.source(path)
            for name, node in source.functions if source is not None else []:
                if name in names or calls_any(_body(node), names):
                    reached.add((path, name))
        names |= {name for _, name in reached}
    reached |= _inline_handlers(ctx, names)
    originals: set[tuple[str, str]] = set()
    for path, name in reached:
        source = ctx.source(path)
        for other, node in source.functions if source is not None else []:
            if other == name:
                originals |= {(path, called) for called in called_names(_body(node))}
    return reached | originals


def _inline_handlers(ctx: ReviewContext, names: set[str]) -> set[tuple[str, str]]:
    """Touchpoints in anonymous handlers (`router.post('/hook', async (req, res) => {...})`)
    whose innermost handler calls a personalizing function: keyed like the touchpoints."""
    found: set[tuple[str, str]] = set()
    for tp in ctx.scan.touchpoints:
        source = ctx.source(tp.file)
        if source is None or (tp.symbol and any(name == tp.symbol.split(".")[-1] for name, _ in source.functions)):
            continue
        holding = [n for n in source.anonymous_functions if n.start_point[0] + 1 <= tp.line <= n.end_point[0] + 1]
        handler = min(holding, key=lambda n: n.end_byte - n.start_byte) if holding else None
        if handler is not None and calls_any(_body(handler), names):
            found.add((tp.file, (tp.symbol or "").split(".")[-1]))
    return found


def personalized(tp: Touchpoint, reached: set[tuple[str, str]]) -> bool:
    return (tp.file, (tp.symbol or "").split(".")[-1]) in reached
