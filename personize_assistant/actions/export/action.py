"""EXPORT: discovery, proposal, schema, plan and the scan in one folder, with an index.

`export_documents` is pure (inputs -> {filename: text}); `write_export` checks the
destination, redacts every file and writes each one atomically. The scanned repo is
read-only: exporting into it needs `force`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.discover import discovery_report
from personize_assistant.actions.discover import render as discovery_render
from personize_assistant.actions.plan import artifact as plan_render
from personize_assistant.actions.plan import build_plan, wire_readiness
from personize_assistant.actions.propose import ProposeOptions, build_proposal
from personize_assistant.actions.propose import artifact as proposal_render
from personize_assistant.actions.schema import artifact as schema_render
from personize_assistant.actions.schema import design_schema
from personize_assistant.content.library import Library
from personize_assistant.errors import UsageError
from personize_assistant.fileio import inside_repo, write_atomic
from personize_assistant.redact import redact
from personize_assistant.scan.models import RepoScan

# filename -> what the index says about it, in reading order.
CONTENTS: dict[str, str] = {
    "discovery.md": "What we know about the product, where each fact came from, open questions",
    "proposal.md": "Ranked personalization opportunities, the quick win and user stories",
    "proposal.json": "The proposal as data, with every ranking factor",
    "schema.md": "Personize collections and properties designed from the data models",
    "schema.json": "The exact collection definitions and memorizeBatch mappings",
    "plan.md": "The implementation plan: where to start, the use cases, the architecture, the rollout",
    "plan-full.md": "The same plan with every step and its code",
    "scan.json": "Every touchpoint the scan found (the `scan --json` contract)",
}


class ExportResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    folder: str
    files: list[str]
    redactions: int
    """Files in which something secret-looking was replaced by [REDACTED]."""


def export_documents(scan: RepoScan, discovery: Discovery, library: Library,
                     persona: str = "developer") -> dict[str, str]:
    """Every exported file's text, unredacted; `index.md` last."""
    proposal = build_proposal(scan, discovery, library, ProposeOptions(persona=persona), wire_readiness(scan))
    schema = design_schema(scan, discovery, library)
    plan = build_plan(scan, discovery, library)
    report = discovery_report(discovery, library)
    files = {
        "discovery.md": discovery_render.render_document(report),
        "proposal.md": proposal_render.render_markdown(proposal),
        "proposal.json": _json(proposal_render.to_json(proposal)),
        "schema.md": schema_render.render_markdown(schema),
        "schema.json": _json(schema_render.to_json(schema)),
        "plan.md": plan_render.render_markdown(plan),
        "plan-full.md": plan_render.render_markdown(plan, full=True),
        "scan.json": _json(scan.to_contract()),
    }
    quick_win = proposal.find(proposal.quick_win.opportunity) if proposal.quick_win else None
    headline = (f"Quick win: **{quick_win.title}** in `{quick_win.anchor.location()}`."
                if quick_win else "No quick win found yet.")
    files["index.md"] = render_index(proposal.app_name, report.complete, headline)
    return files


def render_index(app_name: str, discovery_complete: bool, headline: str) -> str:
    status = "complete" if discovery_complete else "incomplete (see its open questions)"
    lines = [f"# Personize plan for {app_name}", "", headline, "", f"Discovery is {status}.", "",
             "| File | What it holds |", "|---|---|"]
    lines += [f"| [{name}]({name}) | {what} |" for name, what in CONTENTS.items()]
    lines += ["", "Secrets found in the repository are replaced by `[REDACTED]` in every file."]
    return "\n".join(lines) + "\n"


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def check_destination(repo: Path, folder: Path, force: bool) -> Path:
    """The resolved folder; refuses one inside the scanned repo unless `force`."""
    target = folder.expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise UsageError(f"{folder} exists and is not a folder")
    if not force and inside_repo(target, repo):
        raise UsageError(f"{folder} is inside the scanned repository, which export leaves untouched; "
                         "choose a folder outside it or pass --force")
    return target


def write_export(files: dict[str, str], repo: Path, folder: Path, force: bool = False) -> ExportResult:
    target = check_destination(repo, folder, force)
    redacted = 0
    for name, text in files.items():
        clean = redact(text)
        redacted += clean != text
        write_atomic(target / name, clean)
    return ExportResult(folder=str(target), files=list(files), redactions=redacted)
