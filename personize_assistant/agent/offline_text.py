"""The offline engine's words: the greeting, question lists, next-step hints, parsing helpers."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any, get_args

from personize_assistant.actions.common.discovery import OUTPUT_FIELDS, PlanTier
from personize_assistant.agent.events import Question
from personize_assistant.agent.touchpoint_match import display_name
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

if TYPE_CHECKING:
    from personize_assistant.actions.common.discovery import Discovery
    from personize_assistant.agent.workspace import Workspace

HELP = """I can help you plan and wire personalization with Personize in this repo. Say:

- `touchpoints` (or `list emails`, `list jobs`…) — what the scan found, with ids
- `status` — what I know about your product and what I still need
- `propose` (`propose for marketing`) — where personalization pays off, and a quick win
- `schema` — Personize collections and properties from your data models
- `plan` (`plan pro 2000/day`) — the implementation roadmap with a rate budget
- `wire tp_…` or `wire the weekly digest` (add `and write` to apply it) — code as a diff
- `generate tp_…` — the message-writing function for one touchpoint
- `review` — check existing Personize usage
- `export` (`export to ~/out`) — discovery, proposal, schema, plan and this conversation in a folder
- `write the plan to plan.md` — save one document (inside the repo only after you confirm)

Answer discovery questions in your own words, or as `field: value` lines; `no, that's not
the product` takes an answer back."""

_KIND_WORDS: tuple[tuple[str, Kind], ...] = (
    ("email", Kind.EMAIL_SEND), ("mail", Kind.EMAIL_SEND), ("notification", Kind.NOTIFICATION),
    ("sms", Kind.NOTIFICATION), ("slack", Kind.NOTIFICATION), ("job", Kind.SCHEDULED_JOB),
    ("cron", Kind.SCHEDULED_JOB), ("schedule", Kind.SCHEDULED_JOB), ("model", Kind.DATA_MODEL),
    ("webhook", Kind.WEBHOOK_HANDLER), ("event", Kind.EVENT_TRACKING), ("tracking", Kind.EVENT_TRACKING),
    ("llm", Kind.LLM_CALL), ("ui", Kind.UI_SURFACE), ("page", Kind.UI_SURFACE), ("search", Kind.SEARCH_ENDPOINT),
    ("upload", Kind.FILE_UPLOAD), ("segment", Kind.SEGMENTATION), ("personize", Kind.PERSONIZE_CALL),
)
_TIERS: tuple[PlanTier, ...] = get_args(PlanTier)
_VOLUME = re.compile(r"\b(\d[\d,_]*)\s*(?:/\s*day|per day|a day|daily)?\b")


def kind_from_words(text: str) -> str | None:
    lowered = text.lower()
    for kind in Kind:
        if kind.value in lowered:
            return kind.value
    return next((kind.value for word, kind in _KIND_WORDS if re.search(rf"\b{word}", lowered)), None)


def plan_options(text: str) -> dict[str, Any]:
    words = set(re.findall(r"[a-z]+", text.lower()))
    options: dict[str, Any] = {}
    tier = next((t for t in _TIERS if t in words), None)
    if tier:
        options["plan_tier"] = tier
    volume = _VOLUME.search(text)
    if volume:
        options["volume"] = int(volume.group(1).replace(",", "").replace("_", ""))
    return options


def question_list(questions: list[Question]) -> str:
    if not questions:
        return ""
    numbered = "\n".join(f"{n}. {q.text} _({q.field})_" for n, q in enumerate(questions, start=1))
    return ("A few things only you can tell me (one line per answer, or `field: value`):\n\n"
            f"{numbered}")


def highlights(scan: RepoScan, limit: int = 6) -> list[str]:
    """One bullet per most common kind, each with the touchpoint that best stands for it."""
    counts = Counter(t.kind for t in scan.touchpoints)
    lines = []
    for kind, count in counts.most_common(limit):
        example = _representative(scan, kind)
        label = kind.value.replace("_", " ")
        lines.append(f"- **{count} {label}**, e.g. {_example(example)}")
    return lines


def _representative(scan: RepoScan, kind: Kind) -> Touchpoint:
    """The touchpoint that best stands for its kind: the helper most of the code sends
    through (`sendEmail`, called from four routes), else a named function, else the first."""
    of_kind = [t for t in scan.touchpoints if t.kind == kind]
    ids = {t.id for t in of_kind}
    callers = Counter(t.wraps for t in scan.touchpoints if t.wraps in ids)
    if callers:
        most_called = callers.most_common(1)[0][0]
        return next(t for t in of_kind if t.id == most_called)
    named = [t for t in of_kind if t.wraps is None and display_name(t) == (t.symbol or "")]
    return (named or of_kind)[0]


def _example(tp: Touchpoint) -> str:
    name = display_name(tp)
    if name.startswith(tp.symbol or "\0") and tp.symbol != name:  # a route: `GET app/api/…`
        return f"the `{name.split()[0]}` handler at {tp.location()}"
    return f"`{name}` ({tp.location()})"


def scan_headline(scan: RepoScan, repo_name: str) -> str:
    languages = ", ".join(scan.stack.languages) or "no recognised source files"
    frameworks = f"; {', '.join(scan.stack.frameworks)}" if scan.stack.frameworks else ""
    return (f"I scanned **{repo_name}**: {len(scan.touchpoints)} touchpoints in {scan.stats.files_seen} files "
            f"({languages}{frameworks}).")


def greeting(scan: RepoScan, discovery: Discovery, questions: list[Question]) -> str:
    head = scan_headline(scan, scan.root.rstrip("/").rsplit("/", 1)[-1])
    body = "\n".join(highlights(scan)) or "I found no places that send, track or model users yet."
    known = discovery.known_fields()
    knowing = (f"So far I know {len(known)} of {len(OUTPUT_FIELDS)} discovery fields"
               + (f": {', '.join(known)}." if known else "."))
    parts = [head, body, knowing]
    if questions:
        parts.append(question_list(questions))
    parts.append("Say `help` any time for what I can do.")
    return "\n\n".join(parts)


REMINDER = "When you're ready, answer the questions above — or say `propose` to see ideas now."


def next_step(ws: Workspace, *, remind: bool = True) -> str:
    """One suggestion, from what the session has produced so far; `remind` allows the
    reminder about open questions (the engine gives it once per set of questions)."""
    made = {a.kind for a in ws.artifacts}
    if remind and not ws.discovery_complete() and ws.pending_questions:
        return REMINDER
    for kind, hint in (("proposal", "Next: `propose` ranks where personalization pays off here."),
                       ("schema", "Next: `schema` designs the Personize collections from your models."),
                       ("plan", "Next: `plan` writes the implementation roadmap."),
                       ("wire", "Next: `wire <touchpoint>` generates the code for the quick win.")):
        if kind not in made:
            return hint
    return "Next: `generate <touchpoint>` for message code, `review`, or `export` the session."


CANDIDATE_LIMIT = 12


def candidates_for(ws: Workspace, tool: str) -> str:
    """Touchpoints worth naming after `wire` (ready to wire) or `generate` (message sends)."""
    from personize_assistant.actions.wire import load_rules, wireable
    from personize_assistant.agent.tools_repo import touchpoint_line

    scan = ws.require_scan()
    if tool == "wire":
        ready = {c.touchpoint_id for c in wireable(scan, load_rules()) if c.ready}
        chosen = [t for t in scan.touchpoints if t.id in ready]
    else:
        chosen = [t for t in scan.touchpoints if t.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION)]
    lines = [touchpoint_line(t) for t in chosen[:CANDIDATE_LIMIT]]
    more = len(chosen) - CANDIDATE_LIMIT
    return "\n".join(lines + ([f"- … and {more} more (`touchpoints` lists them all)"] if more > 0 else [])) \
        or "(none found in this repository)"
