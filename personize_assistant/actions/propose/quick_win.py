"""The one quick win: chosen here, once, and named alike by PROPOSE, PLAN and the conversation.

Answers first: a decided `quick_win` (answers file or tool argument), then the code a
`quick_win` answer names. Otherwise the best-ranked candidate that WIRE would write a
ready patch for, so "let `wire --touchpoint X` write the patch" works; WIRE itself is asked
(its refusals are its own rules, never repeated here). When WIRE refuses every candidate,
the best-ranked one stays the quick win as a change to make by hand.

WIRE depends on SCHEMA, which ranks with PROPOSE, so PROPOSE cannot import WIRE: the caller
hands in WIRE's answer as a `Readiness` (`actions.plan.wire_readiness` asks `wire` itself).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from personize_assistant.actions.common.discovery import Discovery, named_by_answer, user_answer
from personize_assistant.actions.propose.rank import Candidate
from personize_assistant.scan.models import Kind, Touchpoint

SEND_KINDS = (Kind.EMAIL_SEND, Kind.NOTIFICATION, Kind.SCHEDULED_JOB)
# Asking WIRE costs a patch each time; past this many refusals the ranking is deep in code
# nobody would ship first, so the best-ranked candidate is kept as a change by hand.
MAX_WIRE_TRIES = 40


@dataclass(frozen=True)
class WireCheck:
    """WIRE's answer for one touchpoint: a ready patch, or why it writes none."""

    touchpoint: Touchpoint
    ready: bool
    refusal: str | None = None


Readiness = Callable[[Touchpoint], WireCheck]
"""WIRE's answer for a touchpoint of the scan being proposed for."""


def unknown(tp: Touchpoint) -> WireCheck:
    """No WIRE to ask (SCHEMA's own ranking): nothing is claimed either way."""
    return WireCheck(tp, ready=False)


@dataclass(frozen=True)
class Choice:
    candidate: Candidate
    touchpoint: Touchpoint
    """The code to change first (a member of the candidate's place)."""
    check: WireCheck
    reason: str
    refused: int | None = None
    """How many best-ranked candidates WIRE refused, all of those it was asked about, when
    the quick win is a change by hand for that reason."""


@dataclass(frozen=True)
class QuickWinInputs:
    discovery: Discovery
    found: list[Candidate]
    """The ranked candidates the decisions allow, decided ones first."""
    decided: Touchpoint | None
    readiness: Readiness
    in_browser: Callable[[Candidate], bool]
    why: Callable[[Candidate, str], str]
    """The ranking's reason for a candidate, given the pool it was best in."""


def choose_quick_win(inputs: QuickWinInputs) -> Choice | None:
    """The decided touchpoint, else the one the user's answer names, else the best-ranked
    candidate WIRE is ready for, else the best-ranked one as a change by hand."""
    first = _answered(inputs)
    if first is not None:
        return first
    # WIRE judges each function's own code for the browser boundary; the file-level guess
    # (`in_browser`) only guards the pick WIRE has not vouched for.
    ranked = preferred(inputs.found)
    asked: list[WireCheck] = []
    for (candidate, pool), check in zip(ranked, _checks(inputs.readiness, ranked), strict=False):
        if check.ready:
            return Choice(candidate, check.touchpoint, check, inputs.why(candidate, pool) + _passed_over(asked))
        asked.append(check)
    server = [(c, pool) for c, pool in ranked if not inputs.in_browser(c)]
    if not server:
        return None
    best, pool = server[0]
    check = inputs.readiness(best.anchor.tp)
    return Choice(best, best.anchor.tp, check, inputs.why(best, pool),
                  refused=len(asked) if check.refusal is not None else None)


def _passed_over(refused: list[WireCheck]) -> str:
    """Why a higher-ranked candidate is not the quick win: WIRE's reason, in its words."""
    first = refused[0] if refused else None
    if first is None or first.refusal is None:
        return ""
    name = first.touchpoint.symbol or first.touchpoint.file
    more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
    return f" `{name}`{more} ranks higher, but `wire` writes no patch for it: {first.refusal}."


def _answered(inputs: QuickWinInputs) -> Choice | None:
    if inputs.decided is not None:
        owner = next((c for c in inputs.found if inputs.decided in c.anchor.members), None)
        if owner is not None:
            check = inputs.readiness(inputs.decided)
            return Choice(owner, inputs.decided, check, "You decided it is the first thing to ship.")
    answer = user_answer(inputs.discovery, "quick_win")
    named = _named(answer, inputs.found) if answer else None
    if named is None:
        return None
    candidate, reason = named
    return Choice(candidate, candidate.anchor.tp, inputs.readiness(candidate.anchor.tp), reason)


def _named(answer: str, found: list[Candidate]) -> tuple[Candidate, str] | None:
    """The candidate the answer spells (its function or file), else the one a caller it names
    reaches, else the one whose code shares the most words with it ("the weekly digest")."""
    text = answer.lower()
    said = "You named it as the first thing to ship."
    spelled = next((c for c in found for t in c.anchor.members
                    if (t.symbol and t.symbol.lower() in text) or t.file.lower() in text), None)
    if spelled is not None:
        return spelled, said
    for candidate in found:
        caller = next((t.symbol for t in candidate.anchor.call_sites if t.symbol and t.symbol.lower() in text), None)
        if caller is not None:
            return candidate, f"You named `{caller}` as the first thing to ship; it sends through here."
    anchors = [c.anchor.tp for c in found]
    by_words = named_by_answer(answer, anchors)
    return (found[anchors.index(by_words)], said) if by_words is not None else None


def preferred(found: list[Candidate]) -> list[tuple[Candidate, str]]:
    """Candidates in the order a quick win is wanted, each with the pool it ranks in: a
    specific message on a low-effort send path (a digest ships in a week; a generic send helper
    is plumbing), then any low-effort send, then everything else."""
    pools: list[tuple[str, Callable[[Candidate], bool]]] = [
        ("low-effort sends of a specific message", lambda c: _low_send(c) and c.score.fits_use_case),
        ("low-effort send paths", _low_send),
        ("all opportunities", lambda c: True),
    ]
    seen: set[int] = set()
    ordered: list[tuple[Candidate, str]] = []
    for label, wanted in pools:
        pool = sorted((c for c in found if wanted(c) and id(c) not in seen), key=lambda c: -c.score.score)
        seen.update(id(c) for c in pool)
        ordered += [(c, label) for c in pool]
    return ordered


def _low_send(candidate: Candidate) -> bool:
    return candidate.score.effort == "low" and candidate.anchor.tp.kind in SEND_KINDS


def _checks(readiness: Readiness, ranked: list[tuple[Candidate, str]]) -> Iterator[WireCheck]:
    """WIRE's answer for each candidate in turn (its place's first line, then its second),
    lazily: the search stops at the first ready one, or after MAX_WIRE_TRIES."""
    tries = 0
    for candidate, _ in ranked:
        members = [candidate.anchor.tp, *(m for m in candidate.anchor.members if m is not candidate.anchor.tp)]
        checks = []
        for tp in members[:2]:
            checks.append(readiness(tp))
            tries += 1
            if checks[-1].ready:
                break
        yield checks[-1] if checks[-1].ready else checks[0]
        if tries >= MAX_WIRE_TRIES:
            return
