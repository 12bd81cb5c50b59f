"""Per-area verdicts for REVIEW: pass, fail or not applicable, with the evidence seen.

An area applies when the code does what the area is about (memorizes, generates,
runs batches...); it fails when any finding above `info` falls in it. Titles and
questions for the eight audit areas come from reference/review.md's front matter;
the two wiring areas take their wording from reference/wire.md's rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from personize_assistant.actions.review.calls import EXTRACTION_FLAGS
from personize_assistant.actions.review.context import ReviewContext
from personize_assistant.actions.review.model import SEVERITY_RANK, AreaId, AreaSummary, Finding
from personize_assistant.actions.review.repo import bulk_calls, generated_sends
from personize_assistant.actions.review.source import METHODS
from personize_assistant.scan.models import Kind

if TYPE_CHECKING:
    from personize_assistant.content.library import Library

MAX_NOTES = 4
Applies = Callable[[ReviewContext], str | None]
"""None when the area applies, else the reason it does not."""


def _integrated(ctx: ReviewContext) -> str | None:
    return None if ctx.calls else "No Personize calls were found."


def _memorizes(ctx: ReviewContext) -> str | None:
    return None if ctx.uses("memorize", "memorizeBatch", "upsert") else "Nothing is memorized."


def _generates(ctx: ReviewContext) -> str | None:
    if ctx.uses("prompt") or ctx.touchpoints(Kind.LLM_CALL):
        return None
    return "No generation (ai.prompt or LLM calls) was found."


def _prompts(ctx: ReviewContext) -> str | None:
    return None if ctx.uses("prompt") else "No ai.prompt calls were found."


def _delivers_generated(ctx: ReviewContext) -> str | None:
    if generated_sends(ctx):
        return None
    return "No function both generates a message and delivers it."


def _opportunities(ctx: ReviewContext) -> str | None:
    kinds = [Kind(k) for k in ctx.meta.area("missing_opportunities").kinds]
    return None if ctx.touchpoints(*kinds) else "The scan found no sends, jobs, webhooks or screens."


def _bulk(ctx: ReviewContext) -> str | None:
    return None if bulk_calls(ctx) else "No batch, loop or scheduled Personize work was found."


APPLIES: dict[str, Applies] = {
    "security": _integrated,
    "resilience": _integrated,
    "data_completeness": _integrated,
    "extraction_decisions": _memorizes,
    "recall_quality": _integrated,
    "governance": _generates,
    "prompt_quality": _prompts,
    "feedback_loop": _delivers_generated,
    "missing_opportunities": _opportunities,
    "rate_limits": _bulk,
}


def summarize_areas(ctx: ReviewContext, findings: list[Finding], library: Library) -> list[AreaSummary]:
    return [_summary(ctx, area_id, title, question, findings)
            for area_id, title, question in _areas(library)]


def _areas(library: Library) -> list[tuple[AreaId, str, str]]:
    wire = library.wire.meta
    env = wire.auth.personize_env_var
    timeout = wire.degradation.timeout_seconds
    areas: list[tuple[AreaId, str, str]] = [
        ("security", "Key handling",
         f"Is the key read from {env}, kept apart from provider keys and used only on the server?"),
        ("resilience", "Graceful degradation",
         f"Does the product keep working when Personize fails, with request-path waits bounded (about {timeout:g} s)?"),
    ]
    areas += [(a.id, a.title, a.question) for a in library.review.meta.areas]
    return areas


def _summary(ctx: ReviewContext, area_id: AreaId, title: str, question: str,
             findings: list[Finding]) -> AreaSummary:
    mine = [f for f in findings if f.area == area_id]
    failing = [f for f in mine if f.severity != "info"]
    reason = APPLIES[area_id](ctx) if ctx.calls else "No Personize integration to audit."
    status = "fail" if failing else ("not_applicable" if reason else "pass")
    worst = max(mine, key=lambda f: SEVERITY_RANK[f.severity]).severity if mine else None
    notes = [reason] if reason and not failing else _evidence(ctx, area_id)
    issues = list(dict.fromkeys(ctx.rules[f.rule].title for f in mine))
    return AreaSummary(id=area_id, title=title, question=question, status=status,
                       findings=len(mine), worst=worst, issues=issues[:MAX_NOTES],
                       notes=notes[:MAX_NOTES])


def _evidence(ctx: ReviewContext, area_id: str) -> list[str]:
    """What the code already does right in this area, with locations."""
    if area_id == "security":
        return _mentions(ctx, re.compile(r"PERSONIZE_SECRET_KEY"), "key read from PERSONIZE_SECRET_KEY")
    if area_id == "resilience":
        guarded = [c for c in ctx.calls if c.frame.protected()
                   or (c.callers and all(f.protected() for f in c.callers))]
        return [f"{len(guarded)} of {len(ctx.calls)} Personize calls handle failures"]
    if area_id not in {a.id for a in ctx.meta.areas}:
        return []
    area = ctx.meta.area(area_id)
    wanted = {METHODS.get(m, m) for m in area.sdk_methods}
    notes = [f"`{c.method}` at {c.file.path}:{c.line}" for c in ctx.calls if c.method in wanted]
    if area_id == "extraction_decisions":
        notes += [f"`{key}: {c.args.keys[key]}` at {c.file.path}:{c.line}" for c in ctx.calls
                  for key in EXTRACTION_FLAGS if key in c.args.keys]
    for pattern in area.look_for:
        notes += _mentions(ctx, re.compile(pattern), f"`{pattern}`")
    return notes


def _mentions(ctx: ReviewContext, pattern: re.Pattern[str], label: str) -> list[str]:
    notes: list[str] = []
    for path in ctx.integration_files:
        source = ctx.source(path)
        match = pattern.search(source.text) if source is not None else None
        if match is not None and source is not None:
            notes.append(f"{label} ({path}:{source.text.count(chr(10), 0, match.start()) + 1})")
    return notes
