"""The planning commands: `schema` and `plan` (DISCOVER/PROPOSE/export add theirs here).

Every command takes PATH, `--answers FILE` (YAML/JSON discovery answers), `--json` and
`-o/--output FILE`, scans the repo, prefills a Discovery from the scan, lays the
answers over it, calls one action and renders the artifact. Adding a command is
adding a function and listing it in `COMMANDS`. Heavy modules load inside commands so
`--help` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from personize_assistant.commands.output import (
    check_output,
    emit,
    err_console,
    repo_directory,
    scan_with_progress,
)
from personize_assistant.errors import FindingsError, UsageError
from personize_assistant.redact import redact

if TYPE_CHECKING:
    from personize_assistant.actions.common.discovery import Discovery
    from personize_assistant.content.library import Library
    from personize_assistant.scan.models import RepoScan

PathArg = Annotated[Path, typer.Argument(help="The repository to plan for.")]
AnswersOpt = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        metavar="FILE",
        help="Discovery answers (YAML or JSON); they win over the scan.",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Allow writing FILE inside the scanned repository.")
]


# --------------------------------------------------------------------------- shared steps


class Inputs:
    """What every planning command starts from: the scan, the discovery, the library."""

    def __init__(self, scan: RepoScan, discovery: Discovery, library: Library) -> None:
        self.scan, self.discovery, self.library = scan, discovery, library


def load_inputs(path: Path, answers: Path | None, writes: tuple[Path | None, ...] = (),
                force: bool = False) -> Inputs:
    """Everything a planning command needs; `writes` (the files it will write) are checked
    against the repo first, so a refusal comes before the scan, not after."""
    from personize_assistant.actions.common.discovery import load_answers, prefill_from_scan
    from personize_assistant.content.loader import load_library

    root = repo_directory(path)
    for target in writes:
        check_output(root, target, force)
    library = load_library()
    scan = scan_with_progress(root)
    discovery = prefill_from_scan(scan, library)
    if answers is not None:
        discovery = load_answers(answers, base=discovery)
    return Inputs(scan, discovery, library)


def write(text: str | None, data: Any, as_json: bool, output: Path | None) -> None:
    """JSON or markdown to stdout/FILE; everything passes through redaction."""
    if as_json:
        import json

        emit(redact(json.dumps(data, indent=2, ensure_ascii=False)), output)
    else:
        emit(redact(text or ""), output)


# --------------------------------------------------------------------------- schema


def schema(
    path: PathArg = Path("."),
    answers: AnswersOpt = None,
    as_json: JsonOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    create: Annotated[
        bool, typer.Option("--create", help="Create the missing collections in Personize.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="With --create: show the diff, send nothing.")
    ] = False,
    full: Annotated[
        bool, typer.Option("--full", help="Every collection and property, not only what the proposed use cases need.")
    ] = False,
) -> None:
    """Design Personize collections and properties from the repo's data models.

    Prints the human spec: entities (people -> Contact, workspaces -> Company) with the
    records about them rolled up, the default view showing what the proposed use cases
    need (--full for everything); --json adds the exact collections.create bodies and the
    memorizeBatch mappings. --create sends what is missing (idempotent). Expert calls go in
    the answers file's `schema:` section.
    """
    from personize_assistant.actions.schema import DecisionError, SchemaOptions, design_schema
    from personize_assistant.actions.schema import artifact as render

    if dry_run and not create:
        raise UsageError("--dry-run only applies to --create")
    inputs = load_inputs(path, answers, (output,), force)
    try:
        artifact = design_schema(inputs.scan, inputs.discovery, inputs.library, SchemaOptions(full=full))
    except DecisionError as exc:
        raise UsageError(f"{answers}: {exc}") from exc
    if not artifact.collections:
        raise UsageError(
            f"no data models found in {path}; SCHEMA needs at least one (User, Account…)"
        )
    if create:
        _create(artifact, dry_run, as_json, output)
        return
    write(render.render_markdown(artifact), render.to_json(artifact), as_json, output)


def _create(artifact: Any, dry_run: bool, as_json: bool, output: Path | None) -> None:
    from personize_assistant.actions.schema import apply_schema
    from personize_assistant.config import load_settings
    from personize_assistant.personize.connect import client_from_settings

    with client_from_settings(load_settings()) as client:
        report = apply_schema(artifact, client.collections, dry_run=dry_run, progress=_progress)
    data = report.model_dump(mode="json") | {"created": report.created, "extended": report.extended}
    write(report.render(), data, as_json, output)


def _progress(line: str) -> None:
    err_console.print(redact(line), markup=False, highlight=False)


# --------------------------------------------------------------------------- plan


def plan(
    path: PathArg = Path("."),
    answers: AnswersOpt = None,
    as_json: JsonOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    plan_tier: Annotated[
        str | None,
        typer.Option("--plan-tier", metavar="TIER", help="free, starter, pro or enterprise."),
    ] = None,
    volume: Annotated[
        str | None,
        typer.Option(
            "--volume", metavar="N[/day]", help="Personalised records per day, e.g. 2000/day."
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if the plan misses a must-include item.")
    ] = False,
    full: Annotated[
        bool, typer.Option("--full", help="Every step with its code, instead of the short plan.")
    ] = False,
) -> None:
    """Write the implementation plan for the repo: the short one an engineer reads first, or
    --full with every step and its code (markdown; --json for data).

    The answers file's `plan:` (and `propose:`) section decides the quick win, the touchpoints
    and use cases to focus on, the content and the channels."""
    from personize_assistant.actions.plan import PlanOptions, build_plan, check_plan
    from personize_assistant.actions.plan import artifact as render

    options = PlanOptions(plan_tier=_tier(plan_tier), daily_volume=_volume(volume))
    inputs = load_inputs(path, answers, (output,), force)
    _warn_if_nothing_found(inputs.scan, path)
    artifact = build_plan(inputs.scan, inputs.discovery, inputs.library, options)
    markdown = render.render_markdown(artifact, full)
    write(markdown, render.to_json(artifact, full), as_json, output)
    if check and (missing := check_plan(markdown, inputs.library, full)):
        raise FindingsError("plan misses: " + ", ".join(item.title for item in missing))


def _warn_if_nothing_found(scan: RepoScan, path: Path, what: str = "plan") -> None:
    """A plan for a folder with no code is all assumptions: say so before printing it."""
    if not scan.stack.languages:
        err_console.print(f"warning: found no source files in {path}; this {what} rests on assumptions "
                          "only (is this the repository's root?)")
    elif not scan.touchpoints:
        err_console.print(f"warning: found no data models or touchpoints in {path}; this {what} rests "
                          "on assumptions only")


def _tier(value: str | None) -> Any:
    from typing import get_args

    from personize_assistant.actions.common.discovery import PlanTier

    tiers = get_args(PlanTier)
    if value is None:
        return None
    if value.strip().lower() not in tiers:
        raise UsageError(f"--plan-tier must be one of {', '.join(tiers)}, not {value!r}")
    return value.strip().lower()


def _volume(value: str | None) -> int | None:
    if value is None:
        return None
    number = value.strip().lower().removesuffix("/day").replace(",", "").replace("_", "")
    if not number.isdigit():
        raise UsageError(
            f"--volume takes a whole number of records per day (e.g. 2000/day), not {value!r}"
        )
    return int(number)


# --------------------------------------------------------------------------- discover


def discover(
    path: PathArg = Path("."),
    answers: AnswersOpt = None,
    as_json: JsonOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    save_answers: Annotated[
        Path | None,
        typer.Option("--save-answers", metavar="FILE",
                     help="Also write the answers given as YAML for reuse (e.g. personize-discovery.yaml)."),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt: report what is known and the open questions.")
    ] = False,
) -> None:
    """Learn the product: prefill from the code, ask only what the code cannot say.

    In a terminal it asks 2-3 questions at a time until six of the eight fields are known;
    with --answers, --no-input or piped stdin it only reports. Prints the discovery document.
    """
    import sys

    from personize_assistant.actions.discover import discovery_report, interview
    from personize_assistant.actions.discover.render import document_json, render_document

    inputs = load_inputs(path, answers, (output, save_answers), force)
    discovery, asked = inputs.discovery, list[str]()
    if answers is None and not no_input and sys.stdin.isatty():
        result = interview(discovery, inputs.library, ask=_prompt, say=_say)
        discovery, asked = result.discovery, result.asked
        if result.interrupted:
            err_console.print("\nStopped - keeping the answers given so far.")
        _keep_answers(discovery, save_answers or _session_answers_path(inputs.scan.root))
    elif save_answers is not None:
        _keep_answers(discovery, save_answers)
    report = discovery_report(discovery, inputs.library, asked)
    write(render_document(report), document_json(report), as_json, output)


def _say(text: str) -> None:
    """Wrap to the terminal with a hanging indent, so a long `- field: a, b, c` list stays
    readable at 80 columns instead of running back to the left edge."""
    import textwrap

    from rich.markup import escape

    width = max(40, err_console.width)
    for line in text.splitlines():
        indent = " " * (len(line) - len(line.lstrip(" -")))
        wrapped = textwrap.fill(line, width=width, subsequent_indent=indent, break_on_hyphens=False,
                                break_long_words=False) if line.strip() else ""
        err_console.print(escape(wrapped), soft_wrap=True)


def _prompt(text: str) -> str:
    """One question on stderr (stdout stays the document); EOF/Ctrl-C propagate."""
    from rich.markup import escape
    from rich.prompt import Prompt

    class Question(Prompt):
        prompt_suffix = " "  # the questions end in their own "?"

    return Question.ask(f"[bold cyan]?[/] {escape(text)}", console=err_console, default="", show_default=False)


def _session_answers_path(root: str) -> Path:
    """Interactive answers are never lost: without --save-answers they go to the data
    dir (outside the user's repo), one file per repository."""
    import hashlib

    from personize_assistant.locations import data_dir

    digest = hashlib.sha1(root.encode()).hexdigest()[:8]
    return data_dir() / "discovery" / f"{Path(root).name}-{digest}.yaml"


def _keep_answers(discovery: Discovery, target: Path) -> None:
    from personize_assistant.actions.discover import answers_mapping, answers_yaml
    from personize_assistant.fileio import write_atomic

    if not answers_mapping(discovery) and not target.exists():
        return
    write_atomic(target, redact(answers_yaml(discovery)))
    err_console.print(f"answers saved to {target} (reuse with --answers)")


# --------------------------------------------------------------------------- propose


def propose(
    path: PathArg = Path("."),
    persona: Annotated[
        str, typer.Option("--persona", metavar="WHO", help="developer, product, sales, marketing or cs.")
    ] = "developer",
    answers: AnswersOpt = None,
    as_json: JsonOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Rank where personalization pays off in this repo, with a quick win and user stories.

    Every opportunity names its touchpoints (file:line, symbol, id), a before/after and the
    SDK chain; --json includes the score factors behind the ranking. The answers file's
    `propose:` section decides the quick win, the focus, the content and the channels.
    """
    from personize_assistant.actions.plan import wire_readiness
    from personize_assistant.actions.propose import ProposeOptions, build_proposal
    from personize_assistant.actions.propose import artifact as render

    _check_persona(persona)
    inputs = load_inputs(path, answers, (output,), force)
    _warn_if_nothing_found(inputs.scan, path, "proposal")
    artifact = build_proposal(inputs.scan, inputs.discovery, inputs.library, ProposeOptions(persona=persona),
                              wire_readiness(inputs.scan))
    write(render.render_markdown(artifact), render.to_json(artifact), as_json, output)


def _check_persona(persona: str) -> None:
    from personize_assistant.actions.propose import PERSONAS

    if persona not in PERSONAS:
        raise UsageError(f"--persona must be one of {', '.join(PERSONAS)}, not {persona!r}")


# --------------------------------------------------------------------------- export


def export(
    path: PathArg = Path("."),
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR", help="The folder to write (created if missing).")
    ] = ...,  # type: ignore[assignment]
    answers: AnswersOpt = None,
    persona: Annotated[
        str, typer.Option("--persona", metavar="WHO", help="Whose user stories the proposal tells.")
    ] = "developer",
    force: Annotated[
        bool, typer.Option("--force", help="Allow writing inside the scanned repository.")
    ] = False,
) -> None:
    """Write discovery, proposal, schema, plan and scan into one folder with an index.md.

    Secrets found in the repo never reach the files; the repo itself stays untouched.
    """
    from personize_assistant.actions.export import (
        check_destination,
        export_documents,
        write_export,
    )

    _check_persona(persona)
    root = repo_directory(path)
    check_destination(root, output, force)  # fail before the scan, not after
    inputs = load_inputs(path, answers)
    result = write_export(export_documents(inputs.scan, inputs.discovery, inputs.library, persona),
                          root, output, force)
    err_console.print(f"wrote {len(result.files)} files to {result.folder}"
                      + (f" ({result.redactions} with secrets redacted)" if result.redactions else ""))
    print(Path(result.folder) / "index.md")


# --------------------------------------------------------------------------- registration

COMMANDS: dict[str, Callable[..., None]] = {
    "schema": schema,
    "plan": plan,
    "discover": discover,
    "propose": propose,
    "export": export,
}


def register(app: typer.Typer) -> None:
    for name, command in COMMANDS.items():
        app.command(name)(command)
