"""`personize-assistant review PATH`: audit the Personize integration already in a repo.

Markdown by default; `--json` and `--sarif` for machines. `--fail-on LEVEL` turns
findings at or above LEVEL into exit code 1 for CI (default: never fail). The scanner,
tree-sitter and the renderers load inside the command so `--help` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from personize_assistant.commands.output import emit, emit_json
from personize_assistant.errors import FindingsError, UsageError


def register(app: typer.Typer) -> None:
    app.command("review")(review)


def review(
    path: Annotated[Path, typer.Argument(help="The repository to review.")] = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print the review as JSON.")] = False,
    as_markdown: Annotated[bool, typer.Option("--md", help="Print a markdown report (the default).")] = False,
    as_sarif: Annotated[
        bool, typer.Option("--sarif", help="Print SARIF 2.1.0 for GitHub code scanning.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", metavar="LEVEL",
                     help="Exit 1 when a finding is at or above LEVEL: info, low, medium or high."),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", metavar="FILE", help="Discovery answers (YAML or JSON)."),
    ] = None,
) -> None:
    """Audit an existing Personize integration: findings with evidence, a fix and a score.

    Checks key handling, graceful degradation and the eight REVIEW areas (data, extraction,
    recall, governance, prompts, feedback loop, opportunities, rate limits). A repository
    without Personize calls gets a short report pointing at `propose` and `plan`.
    """
    from personize_assistant.actions.review import render, review_repo, rules_from_meta
    from personize_assistant.commands.planning_cmd import load_inputs

    chosen = [name for name, flag in (("--json", as_json), ("--md", as_markdown), ("--sarif", as_sarif)) if flag]
    if len(chosen) > 1:
        raise UsageError(f"choose one output format: {' and '.join(chosen)} cannot be combined")
    level = _fail_level(fail_on)
    _check_output(output)

    inputs = load_inputs(path, answers)
    artifact = review_repo(inputs.scan, inputs.discovery, library=inputs.library)
    if as_json:
        emit_json(render.to_json(artifact), output)
    elif as_sarif:
        emit_json(render.render_sarif(artifact, rules_from_meta(inputs.library.review.meta)), output)
    elif output is None and not as_markdown and sys.stdout.isatty():
        _print_rich(render.render_markdown(artifact))
    else:
        emit(render.render_markdown(artifact), output)

    failing = artifact.at_or_above(level) if level else []
    if failing:
        raise FindingsError(
            f"{len(failing)} finding{'s' if len(failing) != 1 else ''} at or above {level} (--fail-on {level})"
        )


def _print_rich(markdown: str) -> None:
    """On a terminal the report is rendered; piped or with --md it stays plain markdown."""
    from rich.markdown import Markdown

    from personize_assistant.terminal import SafeConsole

    SafeConsole(highlight=False).print(Markdown(markdown))


def _fail_level(value: str | None) -> str | None:
    from personize_assistant.actions.review.model import SEVERITY_RANK

    if value is None:
        return None
    level = value.strip().lower()
    if level not in SEVERITY_RANK:
        raise UsageError(f"--fail-on must be one of {', '.join(SEVERITY_RANK)}, not {value!r}")
    return level


def _check_output(output: Path | None) -> None:
    """Fail before the scan, not after it, when the output cannot be a file."""
    if output is not None and output.expanduser().is_dir():
        raise UsageError(f"cannot write {output}: it is a directory")
