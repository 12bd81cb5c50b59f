"""Render a Discovery: what is known, from where, and what is still to ask.

The interactive `discover` command builds on these; `plan`/`schema` show the same
provenance (scan / user / assumed) so the user can see which facts came from code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from personize_assistant.actions.common.discovery import (
    CONTEXT_FIELDS,
    OUTPUT_FIELDS,
    Discovery,
    Fact,
)
from personize_assistant.content.models import DiscoverMeta

if TYPE_CHECKING:
    from personize_assistant.actions.discover.action import DiscoveryReport

_SOURCE_LABEL = {"scan": "from the code", "user": "answered", "assumed": "assumed"}


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return "—" if value in (None, "") else str(value)


def _field_rows(discovery: Discovery) -> list[tuple[str, str, str, Fact[Any] | None]]:
    """(field, table-safe value, source label, fact) for every output field and each
    context field that is known: the rows both discovery tables show."""
    rows = []
    for name in (*OUTPUT_FIELDS, *CONTEXT_FIELDS):
        fact = discovery.fact(name)
        if fact is None and name in CONTEXT_FIELDS:
            continue
        source = _SOURCE_LABEL[fact.source] if fact else "unknown"
        value = _shown(fact.value if fact else None).replace("|", "\\|")
        rows.append((name, value, source, fact))
    return rows


def render_markdown(discovery: Discovery, meta: DiscoverMeta | None = None) -> str:
    """A table of the eight discovery fields (and known context), then what is missing."""
    known = discovery.known_fields()
    threshold = meta.min_known_fields if meta else 6
    lines = ["# Discovery", "",
             f"{len(known)} of {len(OUTPUT_FIELDS)} fields known "
             f"({'enough to propose' if len(known) >= threshold else f'{threshold} needed to propose'}).", "",
             "| Field | Value | Source |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {source} |" for name, value, source, _ in _field_rows(discovery)]
    missing = discovery.missing_fields()
    if missing:
        lines += ["", "Still to ask:", ""]
        for name in missing:
            hint = next((f.description for f in meta.fields if f.id == name), "") if meta else ""
            lines.append(f"- **{name}**" + (f": {hint}" if hint else ""))
    return "\n".join(lines) + "\n"


def to_json(discovery: Discovery) -> dict[str, Any]:
    return {
        "fields": discovery.model_dump(mode="json", exclude_none=True),
        "known": discovery.known_fields(),
        "missing": discovery.missing_fields(),
        "assumed": discovery.assumed_fields(),
    }


# --- the discovery document (DISCOVER's artifact; added by the discover command) --------


def render_document(report: DiscoveryReport) -> str:
    """What we know (with where each fact came from), then the questions still open."""
    discovery = report.discovery
    known = discovery.known_fields()
    status = ("enough to propose" if report.complete
              else f"{report.min_known_fields} needed before proposing")
    lines = ["# Discovery", "", f"{len(known)} of {len(OUTPUT_FIELDS)} fields known ({status}).", "",
             "## What we know", "", "| Field | Value | Source | Seen at |", "|---|---|---|---|"]
    for name, value, source, fact in _field_rows(discovery):
        seen = ", ".join(f"`{e}`" for e in fact.evidence[:3]) if fact and fact.evidence else ""
        lines.append(f"| {name} | {value} | {source} | {seen} |")
    lines += _open_question_lines(report)
    return "\n".join(lines) + "\n"


def _open_question_lines(report: DiscoveryReport) -> list[str]:
    if not report.open_questions:
        return []
    lines = ["", "## Open questions", ""]
    lines += [f"- {q.text} _(fills {', '.join(q.fills)})_" for q in report.open_questions]
    lines += ["", "Answer them in a YAML file (`field: answer`) and pass it with `--answers FILE`."]
    return lines


def document_json(report: DiscoveryReport) -> dict[str, Any]:
    return to_json(report.discovery) | {
        "complete": report.complete,
        "open_questions": [q.model_dump(mode="json") for q in report.open_questions],
    }
