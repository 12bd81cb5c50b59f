"""WIRE's answer for a touchpoint, for the quick win PROPOSE chooses and the snippets PLAN shows.

PROPOSE cannot import WIRE (WIRE reads SCHEMA, which ranks with PROPOSE), so the commands,
the conversation and PLAN hand this in. Each touchpoint is asked once per scan: WIRE's
patch is kept for PLAN's snippets.
"""

from __future__ import annotations

from personize_assistant.actions.propose import Readiness, WireCheck
from personize_assistant.actions.wire import WireOptions, load_rules, wire
from personize_assistant.actions.wire.artifact import WireArtifact
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import RepoScan, Touchpoint


class WireAnswers:
    """WIRE asked about touchpoints of one scan, each once."""

    def __init__(self, scan: RepoScan) -> None:
        self.scan = scan
        self._answers: dict[str, tuple[WireArtifact | None, str | None]] = {}

    def check(self, tp: Touchpoint) -> WireCheck:
        artifact, refusal = self._ask(tp)
        return WireCheck(tp, ready=artifact is not None, refusal=refusal)

    def patch(self, tp: Touchpoint) -> WireArtifact | None:
        """WIRE's ready patch for `tp`, or None when it writes none."""
        return self._ask(tp)[0]

    def _ask(self, tp: Touchpoint) -> tuple[WireArtifact | None, str | None]:
        if tp.id not in self._answers:
            self._answers[tp.id] = _wire(self.scan, tp)
        return self._answers[tp.id]


def wire_readiness(scan: RepoScan) -> Readiness:
    """What `build_proposal` takes as `readiness`: WIRE asked about this scan's touchpoints."""
    return WireAnswers(scan).check


def _wire(scan: RepoScan, tp: Touchpoint) -> tuple[WireArtifact | None, str | None]:
    try:
        return wire(scan, WireOptions(touchpoint_id=tp.id), load_rules()), None
    except UsageError as exc:
        return None, _why(str(exc), tp)
    except Exception as exc:  # `wire --list` treats an odd file alike: not ready, with the reason
        return None, f"internal error while generating: {type(exc).__name__}"


def _why(message: str, tp: Touchpoint) -> str:
    """WIRE's reason without its `tp_… (file:line):` prefix, cut before its advice: the advice
    names other code to wire, which may be refused in turn."""
    reason = message.removeprefix(f"{tp.id} ({tp.location()}): ")
    return reason.split("; ", 1)[0].rstrip(".")
