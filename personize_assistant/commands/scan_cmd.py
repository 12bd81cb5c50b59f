"""`personize-assistant scan PATH`: find the touchpoints and render them.

Nothing heavy is imported at module level: the scanner (tree-sitter) and the
renderers (rich tables) load inside the command, so `--help` and other commands
start fast.
"""

from __future__ import annotations

import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from personize_assistant.commands.output import emit, emit_json, scan_with_progress
from personize_assistant.errors import FindingsError, UsageError

if TYPE_CHECKING:
    from personize_assistant.scan.models import RepoScan


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "md"
    SARIF = "sarif"


CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)


def scan(
    path: Annotated[
        Path, typer.Argument(help="Repository, directory or single file to scan.")
    ] = Path("."),
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scan contract as one JSON object.")
    ] = False,
    as_markdown: Annotated[
        bool, typer.Option("--md", help="Print a markdown report for a design doc.")
    ] = False,
    as_sarif: Annotated[
        bool, typer.Option("--sarif", help="Print SARIF 2.1.0 for GitHub code scanning.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the output to FILE instead of stdout."
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Ignore and do not update the scan cache.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, metavar="N", help="Parser processes (default: all cores)."
        ),
    ] = None,
    kinds: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="Only report this kind (repeatable), e.g. email_send.",
        ),
    ] = None,
    min_confidence: Annotated[
        str,
        typer.Option(
            "--min-confidence",
            metavar="LEVEL",
            help="Drop touchpoints below this: low, medium, high.",
        ),
    ] = "low",
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            metavar="KIND",
            help="Exit 1 when a touchpoint of this kind is reported (repeatable; CI gates).",
        ),
    ] = None,
) -> None:
    """Find where personalization plugs into the code at PATH.

    Prints a table by default; --json, --md and --sarif choose another format.
    Progress goes to stderr, so stdout carries only the requested output.
    """
    fmt = _choose_format(as_json=as_json, as_markdown=as_markdown, as_sarif=as_sarif)
    wanted_kinds = _parse_kinds(kinds, "--kind")
    failing_kinds = _parse_kinds(fail_on, "--fail-on")
    if min_confidence not in CONFIDENCE_RANK:
        raise UsageError(f"--min-confidence must be one of: {', '.join(CONFIDENCE_RANK)}")
    root = _check_root(path)
    _check_output(output)

    result = scan_with_progress(root, use_cache=not no_cache, jobs=jobs)
    result = _filtered(result, wanted_kinds, min_confidence)
    _write(result, fmt, output)
    _fail_if_found(result, failing_kinds)


def _choose_format(*, as_json: bool, as_markdown: bool, as_sarif: bool) -> Format:
    chosen = [
        fmt
        for fmt, flag in (
            (Format.JSON, as_json),
            (Format.MARKDOWN, as_markdown),
            (Format.SARIF, as_sarif),
        )
        if flag
    ]
    if len(chosen) > 1:
        flags = " and ".join(f"--{fmt.value}" for fmt in chosen)
        raise UsageError(f"choose one output format: {flags} cannot be combined")
    return chosen[0] if chosen else Format.TEXT


def _parse_kinds(values: list[str] | None, option: str) -> set[str]:
    from personize_assistant.scan.models import Kind

    valid = {kind.value for kind in Kind}
    # `--kind a,b` and `--kind a --kind b` mean the same.
    requested = {
        part.strip().lower() for value in values or [] for part in value.split(",") if part.strip()
    }
    unknown = sorted(requested - valid)
    if unknown:
        raise UsageError(
            f"{option}: unknown kind {', '.join(unknown)} (choose from {', '.join(sorted(valid))})"
        )
    return requested


def _check_root(path: Path) -> Path:
    """A directory, or a single file (scanned on its own, relative to its folder)."""
    root = path.expanduser()
    if not root.exists():
        raise UsageError(f"no such file or directory: {path}")
    if not (root.is_dir() or root.is_file()):
        raise UsageError(f"not a directory or regular file: {path}")
    return root.resolve()


def _check_output(output: Path | None) -> None:
    """Fail before the scan, not after it, when the output cannot be a file."""
    if output is None:
        return
    target = output.expanduser()
    if target.is_dir():
        raise UsageError(f"cannot write {output}: it is a directory")
    parent = next((p for p in target.parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise UsageError(f"cannot write {output}: {parent} is not a directory")


def _filtered(result: RepoScan, kinds: set[str], min_confidence: str) -> RepoScan:
    floor = CONFIDENCE_RANK[min_confidence]
    kept = [
        tp
        for tp in result.touchpoints
        if (not kinds or tp.kind.value in kinds) and CONFIDENCE_RANK[tp.confidence] >= floor
    ]
    return (
        result
        if len(kept) == len(result.touchpoints)
        else result.model_copy(update={"touchpoints": kept})
    )


def _write(result: RepoScan, fmt: Format, output: Path | None) -> None:
    from personize_assistant.redact import redact_tree
    from personize_assistant.scan.report import render as scan_render

    # Evidence is redacted where it is read; the whole tree again, so a value that reaches
    # the output another way (a field default, a symbol) is redacted too.
    if fmt is Format.JSON:
        emit_json(redact_tree(result.to_contract()), output)
    elif fmt is Format.SARIF:
        emit_json(redact_tree(scan_render.render_sarif(result)), output)
    elif fmt is Format.MARKDOWN:
        emit(scan_render.render_markdown(result), output)
    elif output is not None:
        emit(scan_render.render_text(result), output)
    else:
        _print_text(result)


def _print_text(result: RepoScan) -> None:
    """Rich styling on a terminal; plain, unpadded text when piped."""
    from personize_assistant.scan.report import render as scan_render
    from personize_assistant.terminal import SafeConsole, printable

    if sys.stdout.isatty():
        SafeConsole(highlight=False).print(scan_render.text_report(result))
        return
    width = shutil.get_terminal_size(fallback=(100, 24)).columns
    sys.stdout.write(printable(scan_render.render_text(result, width=width)))


def _fail_if_found(result: RepoScan, kinds: set[str]) -> None:
    found = sorted({tp.kind.value for tp in result.touchpoints if tp.kind.value in kinds})
    if found:
        raise FindingsError(f"found touchpoints of kind {', '.join(found)} (--fail-on)")
