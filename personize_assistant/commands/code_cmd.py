"""Commands that produce code for the user's repo: `wire` (more join via COMMANDS).

Adding a command is adding a function that takes the app and registers itself, then
listing it in COMMANDS. Heavy modules (scanner, tree-sitter, codegen) load inside the
command so `--help` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from personize_assistant.commands.output import emit, emit_json, err_console
from personize_assistant.errors import UsageError

if TYPE_CHECKING:
    from personize_assistant.scan.models import RepoScan

_PATTERNS = ("wrap", "webhook_pipeline", "middleware", "cron_generate_deliver", "event_mirror")


def _scan(path: Path) -> RepoScan:
    root = path.expanduser()
    if not root.is_dir():
        raise UsageError(f"{path} is not a directory")
    # Imported by name at call time: the scanner is heavy and loads only when needed.
    scanner = importlib.import_module("personize_assistant.scan")
    result: RepoScan = scanner.scan_repo(root.resolve())
    return result


def wire_command(
    path: Annotated[Path, typer.Argument(help="Repository to wire.")] = Path("."),
    touchpoint: Annotated[
        str | None, typer.Option("--touchpoint", "-t", metavar="ID", help="Touchpoint id from `--list`.")
    ] = None,
    pattern: Annotated[
        str | None,
        typer.Option("--pattern", "-p", metavar="P", help=f"Override the pattern: {', '.join(_PATTERNS)}."),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", metavar="ts|py", help="Expected language.")] = None,
    framework: Annotated[
        str | None, typer.Option("--framework", metavar="F", help="Override the detected framework.")
    ] = None,
    list_only: Annotated[bool, typer.Option("--list", help="List wireable touchpoints.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a diff.")] = False,
    write: Annotated[
        bool, typer.Option("--write", help="Apply the change (refuses over uncommitted changes).")
    ] = False,
) -> None:
    """Generate code that connects Personize to one touchpoint (a diff unless --write)."""
    from personize_assistant.actions.wire import WireOptions, wire, wireable
    from personize_assistant.artifacts.wire import (
        render_candidates,
        render_diff,
        render_json,
        render_summary,
    )

    scan = _scan(path)
    if list_only:
        candidates = wireable(scan)
        if as_json:
            emit_json([c.model_dump(mode="json", exclude_none=True) for c in candidates])
        else:
            emit(render_candidates(candidates))
        return
    if touchpoint is None:
        raise UsageError("pass --touchpoint ID (see `wire PATH --list`)")
    options = WireOptions.model_validate(
        {"touchpoint_id": touchpoint, "pattern": _choice(pattern, _PATTERNS, "--pattern"),
         "language": _choice(lang, ("ts", "py"), "--lang"), "framework": framework}
    )
    artifact = wire(scan, options)
    if write:
        from personize_assistant.actions.wire_write import write_artifact

        for written in write_artifact(Path(scan.root), artifact):
            err_console.print(f"wrote {written}")
        err_console.print(render_summary(artifact), soft_wrap=True)
        return
    if as_json:
        emit_json(render_json(artifact))
        return
    emit(render_diff(artifact))
    err_console.print(render_summary(artifact), soft_wrap=True)


def _choice(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    if value is not None and value not in allowed:
        raise UsageError(f"{option} must be one of {', '.join(allowed)} (got {value!r})")
    return value


def _register_wire(app: typer.Typer) -> None:
    app.command("wire")(wire_command)


COMMANDS: tuple[Callable[[typer.Typer], None], ...] = (_register_wire,)


def register(app: typer.Typer) -> None:
    for add in COMMANDS:
        add(app)
