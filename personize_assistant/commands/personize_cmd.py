"""`doctor` and `collections`: the commands that talk about the user's setup and Personize account.

Heavy imports (httpx, pydantic-settings, tree-sitter) happen inside the commands so that every
other command starts without paying for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from personize_assistant.commands.output import emit, emit_json, terminal_width, wrap_line

if TYPE_CHECKING:
    from personize_assistant.commands.doctor_checks import DoctorReport
    from personize_assistant.personize.models import CollectionSummary, RateBudget

JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor)
    app.command("collections")(collections)
    app.command("client")(client)


def client(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
) -> None:
    """Print the standalone Python client (personize_client.py, httpx only) to vendor into your repo.

    Works however personize-assistant was installed (pipx, uv tool, a venv): the project
    needs only httpx, not this tool.
    """
    from personize_assistant.personize import client as module

    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    emit(source, output)


def doctor(json_output: JsonFlag = False) -> None:
    """Check this machine's setup: Python, grammars, content, config, and each API key."""
    from personize_assistant.commands.doctor_checks import run_doctor

    report = run_doctor()
    if json_output:
        emit_json(report_json(report))
    else:
        emit(render_report(report, width=terminal_width()))
    if not report.ok:
        raise typer.Exit(1)


def collections(json_output: JsonFlag = False) -> None:
    """List the collections (schemas) in your Personize organization."""
    from personize_assistant.config import load_settings
    from personize_assistant.errors import UsageError
    from personize_assistant.personize.connect import (
        KEY_HINT,
        client_from_settings,
        list_all_collections,
        personize_errors,
    )

    settings = load_settings()  # a bad config is one line (ConfigError), not a traceback
    if settings.personize_secret_key is None:
        raise UsageError(f"{KEY_HINT} to list collections")
    with personize_errors(), client_from_settings(settings) as client:
        summaries = list_all_collections(client)
    if json_output:
        emit_json([summary.model_dump() for summary in summaries])
    else:
        emit(render_collections(summaries))


def render_report(report: DoctorReport, width: int | None = None) -> str:
    from personize_assistant.commands.doctor_checks import OFFLINE_FEATURES, Status

    marks = {Status.OK: "ok  ", Status.SKIP: "--  ", Status.WARN: "warn", Status.FAIL: "FAIL"}
    name_width = max(len(check.name) for check in report.checks)
    indent = len(marks[Status.OK]) + 2 + name_width + 2
    lines = [wrapped for c in report.checks
             for wrapped in wrap_line(f"{marks[c.status]}  {c.name.ljust(name_width)}  {c.summary}", indent, width)]
    if report.rate_budget:
        lines += ["", *(w for line in render_budget(report.rate_budget) for w in wrap_line(line, 4, width))]
    lines += ["", *wrap_line(f"Works offline: {OFFLINE_FEATURES}.", 2, width)]
    if not report.ok:
        failed = sum(1 for check in report.checks if check.status is Status.FAIL)
        lines.append(f"{failed} check(s) failed; fix the FAIL lines above and run doctor again.")
    return "\n".join(lines)


def render_budget(budget: RateBudget) -> list[str]:
    return [
        f"Rate budget at {budget.per_minute:,} calls/min:",
        f"  batch sync: {budget.batch_rows_per_request:,} rows per memorizeBatch request (one call each), "
        f"one request every {budget.batch_wait_seconds} s ≈ {budget.batch_records_per_minute:,} records/min",
        f"  full generate pipeline (≈6 calls per record): ≈ {budget.pipeline_records_per_minute:,} records/min",
    ]


def render_collections(summaries: list[CollectionSummary]) -> str:
    if not summaries:
        return (
            "No collections yet: create them in the Personize web app or with the schema command."
        )
    rows = [("ID", "NAME", "ENTITY TYPE", "PROPERTIES")]
    rows += [
        (
            s.id,
            s.name,
            s.entity_type or "-",
            "-" if s.property_count is None else str(s.property_count),
        )
        for s in summaries
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(
            [*(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)), row[3]]
        )
        for row in rows
    )


def report_json(report: DoctorReport) -> dict[str, Any]:
    from personize_assistant.commands.doctor_checks import OFFLINE_FEATURES

    return {
        "ok": report.ok,
        "checks": [check.model_dump(mode="json") for check in report.checks],
        "account": report.account.model_dump(mode="json") if report.account else None,
        "rate_budget": report.rate_budget.model_dump(mode="json") if report.rate_budget else None,
        "works_offline": OFFLINE_FEATURES,
    }
