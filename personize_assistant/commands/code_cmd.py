"""Commands that produce code for the user's repo: `wire`, `generate`, and `check` (a linter
for generated messages).

Adding a command is adding a function that takes the app and registers itself, then
listing it in COMMANDS. Heavy modules (scanner, tree-sitter, codegen) load inside the
command so `--help` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from personize_assistant.commands.output import (
    check_output,
    emit,
    emit_json,
    err_console,
    repo_directory,
)
from personize_assistant.errors import UsageError

if TYPE_CHECKING:
    from personize_assistant.actions.check.model import CheckReport, Severity
    from personize_assistant.actions.common.discovery import Discovery
    from personize_assistant.actions.wire.artifact import WireArtifact
    from personize_assistant.scan.models import RepoScan

_PATTERNS = ("wrap", "webhook_pipeline", "middleware", "cron_generate_deliver", "event_mirror")


def _scan(path: Path) -> RepoScan:
    from personize_assistant.scan import scan_repo  # heavy: loads only when a command runs

    return scan_repo(repo_directory(path))


def _answers(scan: RepoScan, answers: Path | None) -> Discovery | None:
    """The answers file over what the scan says, as the planning commands read it."""
    if answers is None:
        return None
    from personize_assistant.actions.common.discovery import load_answers, prefill_from_scan
    from personize_assistant.content import load_library

    return load_answers(answers, base=prefill_from_scan(scan, load_library()))


def wire_command(
    path: Annotated[Path, typer.Argument(help="Repository to wire.")] = Path("."),
    touchpoint: Annotated[
        str | None,
        typer.Option("--touchpoint", "-t", metavar="ID", help="Touchpoint id from `--list`."),
    ] = None,
    pattern: Annotated[
        str | None,
        typer.Option(
            "--pattern", "-p", metavar="P", help=f"Override the pattern: {', '.join(_PATTERNS)}."
        ),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", metavar="ts|py", help="Expected language.")
    ] = None,
    framework: Annotated[
        str | None,
        typer.Option("--framework", metavar="F", help="Override the detected framework."),
    ] = None,
    list_only: Annotated[bool, typer.Option("--list", help="List wireable touchpoints.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a diff.")] = False,
    write: Annotated[
        bool, typer.Option("--write", help="Apply the change (refuses over uncommitted changes).")
    ] = False,
    reviewed: Annotated[
        str | None,
        typer.Option("--reviewed", metavar="DIGEST", help="With --write: only if the diff is still the one you reviewed."),
    ] = None,
    patch: Annotated[
        Path | None,
        typer.Option("--patch", metavar="FILE", help="With --write: apply this saved diff of `wire -t ID`."),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", metavar="FILE", help="Discovery answers (YAML or JSON): a data sync sends what their schema decides."),
    ] = None,
) -> None:
    """Generate code that connects Personize to one touchpoint (a diff unless --write)."""
    from personize_assistant.actions.wire import WireOptions, load_rules, wire, wireable
    from personize_assistant.actions.wire.artifact import (
        render_candidates,
        render_diff,
        render_json,
        render_summary,
    )

    if (reviewed or patch) and not write:
        raise UsageError("--reviewed and --patch only apply to --write")
    if patch is not None:
        _write_patch(path, patch, as_json)
        return
    scan = _scan(path)
    discovery = _answers(scan, answers)
    if list_only:
        candidates = wireable(scan, load_rules(), discovery)
        if as_json:
            emit_json([c.model_dump(mode="json", exclude_none=True) for c in candidates])
        else:
            emit(render_candidates(candidates, _javascript_touchpoints(scan), len(scan.touchpoints)))
        return
    if touchpoint is None:
        raise UsageError("pass --touchpoint ID (see `wire PATH --list`)")
    options = WireOptions.model_validate(
        {
            "touchpoint_id": touchpoint,
            "pattern": _choice(pattern, _PATTERNS, "--pattern"),
            "language": _choice(lang, ("ts", "py"), "--lang"),
            "framework": framework,
            "discovery": discovery,
        }
    )
    artifact = wire(scan, options)
    if write:
        if reviewed is not None:
            from personize_assistant.actions.wire import check_reviewed

            check_reviewed(render_diff(artifact), reviewed)
        written = _write(Path(scan.root), artifact)
        if as_json:
            emit_json({**render_json(artifact), "written": written})
        err_console.print(render_summary(artifact), soft_wrap=True)
        return
    if as_json:
        emit_json(render_json(artifact))
        return
    _show_diff(render_diff(artifact), path, touchpoint)
    err_console.print(render_summary(artifact), soft_wrap=True)


def _show_diff(diff: str, path: Path, touchpoint: str) -> None:
    """The diff, and how to apply exactly it (not a regenerated one) once reviewed."""
    from personize_assistant.actions.wire import diff_digest

    emit(diff)
    digest = diff_digest(diff)
    err_console.print(
        f"diff {digest}: `wire {path} -t {touchpoint} --write --reviewed {digest}` "
        "applies exactly this diff (or save it and pass --write --patch FILE)",
        soft_wrap=True, markup=False,
    )


def _write(root: Path, artifact: WireArtifact) -> list[str]:
    from personize_assistant.actions.wire import write_artifact

    written = write_artifact(root, artifact)
    for relative in written:
        err_console.print(f"wrote {relative}", markup=False)
    return written


def _write_patch(path: Path, patch: Path, as_json: bool) -> None:
    """Apply a saved `wire` diff as it is, after checking each file is the one it was made for."""
    from personize_assistant.actions.wire import parse_diff

    written = _write(repo_directory(path), parse_diff(_read_input(str(patch), "--patch file")))
    if as_json:
        emit_json({"written": written})


def _choice(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    if value is not None and value not in allowed:
        raise UsageError(f"{option} must be one of {', '.join(allowed)} (got {value!r})")
    return value


def _register_wire(app: typer.Typer) -> None:
    app.command("wire")(wire_command)


_CHANNELS = ("email", "sms", "slack", "push", "in_app")


def generate_command(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="Repository the touchpoint is in.")] = Path("."),
    touchpoint: Annotated[
        str | None, typer.Option("--touchpoint", "-t", metavar="ID", help="Touchpoint id from `scan`.")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", metavar="ts|py", help="Language of the function.")] = None,
    channel: Annotated[
        str | None, typer.Option("--channel", "-c", metavar="C", help="Override the touchpoint's channel.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the code and its summary as JSON.")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the code here.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Allow writing FILE inside the repository.")] = False,
) -> None:
    """Emit the generation function (guidelines -> context -> prompt -> checks) for a touchpoint."""
    from personize_assistant.actions.generate import GenerateOptions, generate
    from personize_assistant.actions.generate.artifact import (
        render_code,
        render_json,
        render_summary,
    )

    if touchpoint is None:
        raise UsageError("pass --touchpoint ID (ids of email_send and notification touchpoints are in `scan PATH`)")
    options = GenerateOptions.model_validate(
        {"touchpoint_id": touchpoint, "language": _choice(lang, ("ts", "py"), "--lang"),
         "channel": _choice(channel, _CHANNELS, "--channel")}
    )
    check_output(repo_directory(path), output, force)
    artifact = generate(_scan(path), options)
    if as_json:
        emit_json(render_json(artifact), output)
        return
    emit(render_code(artifact), output)
    err_console.print(render_summary(artifact), soft_wrap=True, markup=False)


def check_command(
    source: Annotated[
        str, typer.Argument(metavar="FILE", help="The message (JSON object or SUBJECT:/BODY_HTML: text); - reads stdin.")
    ] = "-",
    channel: Annotated[str, typer.Option("--channel", "-c", metavar="C", help=f"One of {', '.join(_CHANNELS)}.")] = "",
    context: Annotated[
        Path | None, typer.Option("--context", metavar="FILE", help="The facts the message was written from.")
    ] = None,
    variant: Annotated[
        str | None,
        typer.Option("--variant", metavar="V", help="Limit variant: dm (default) or channel for Slack; newsletter for email."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings and review suggestions too.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Lint a generated message against the channel rules; exit 1 on violations."""
    from personize_assistant.actions.check import CheckOptions, check_message
    from personize_assistant.actions.check.render import render_json, render_text
    from personize_assistant.errors import FindingsError

    if not channel:
        raise UsageError(f"pass --channel ({', '.join(_CHANNELS)})")
    raw = _read_input(source, "message")
    facts = _read_input(str(context), "--context file") if context is not None else None
    report = check_message(raw, CheckOptions(channel=channel, variant=variant), facts)
    if as_json:
        emit_json(render_json(report, strict))
    else:
        emit(render_text(report, strict))
    if report.failed(strict):
        raise FindingsError(_failure_summary(report, strict, channel))


def _failure_summary(report: CheckReport, strict: bool, channel: str) -> str:
    """Name only what failed the check: warnings and reviews fail it only with --strict."""
    counted: tuple[Severity, ...] = ("error", "warning", "review") if strict else ("error",)
    parts = [f"{n} {s}{'s' if n != 1 else ''}" for s in counted if (n := report.count(s))]
    return f"the {channel} message fails: {', '.join(parts)}"


def _read_input(source: str, what: str) -> str:
    import sys

    if source == "-":
        if sys.stdin.isatty():
            raise UsageError(f"no {what}: pass a FILE or pipe it on stdin")
        return sys.stdin.read()
    path = Path(source).expanduser()
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"cannot read {what} {source}: not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"cannot read {what} {source}: {exc.strerror or exc}") from None


def _register_check(app: typer.Typer) -> None:
    app.command("check")(check_command)


def _register_generate(app: typer.Typer) -> None:
    app.command("generate")(generate_command)


COMMANDS: tuple[Callable[[typer.Typer], None], ...] = (_register_wire, _register_generate, _register_check)


def register(app: typer.Typer) -> None:
    for add in COMMANDS:
        add(app)


_JS_SUFFIXES = (".js", ".jsx", ".mjs", ".cjs")


def _javascript_touchpoints(scan: RepoScan) -> int:
    """Touchpoints WIRE would pattern-match but cannot write code for (plain JavaScript)."""
    from personize_assistant.actions.wire import KIND_PATTERN

    return sum(1 for t in scan.touchpoints if t.file.endswith(_JS_SUFFIXES) and t.kind in KIND_PATTERN)
