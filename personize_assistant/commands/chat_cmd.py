"""Conversation commands: `ask` (one turn, scriptable) and `chat` (the terminal UI).

Adding a command is adding a `_register_<name>(app)` function and listing it in
COMMANDS. The agent and anthropic load inside the command so `--help` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from personize_assistant.commands.output import err_console
from personize_assistant.terminal import json_printable, printable

if TYPE_CHECKING:
    from personize_assistant.agent.events import AgentEvent
    from personize_assistant.agent.session import Session
    from personize_assistant.config import Settings

EngineOpt = Annotated[
    str, typer.Option("--engine", metavar="auto|offline|claude",
                      help="auto uses Claude when ANTHROPIC_API_KEY is set, else the offline engine."),
]
ResumeOpt = Annotated[
    str | None, typer.Option("--resume", metavar="ID|latest", help="Continue a saved session."),
]


def ask_command(
    path: Annotated[Path, typer.Argument(help="The repository to talk about.")],
    message: Annotated[str, typer.Argument(help="What to say (e.g. \"propose\", \"wire the weekly digest\").")],
    engine: EngineOpt = "auto",
    resume: ResumeOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print every event as one JSON line.")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Approve writes to the repo without asking.")] = False,
) -> None:
    """One conversation turn from the command line: the reply on stdout, tool activity on
    stderr. The session is saved; continue it with --resume ID (or latest). Exits 1 when
    the turn failed (the API refused or failed; the error is on stderr)."""
    from personize_assistant.config import load_settings

    settings = load_settings()
    import asyncio  # only a conversation needs an event loop; other commands start faster

    stop = asyncio.run(_ask(path, message, engine, resume, settings, as_json=as_json, yes=yes))
    if stop in FAILED_STOPS:  # scripts and CI must see that no answer came back
        raise typer.Exit(1)


FAILED_STOPS = frozenset({"error"})
"""Turn stop reasons that mean the turn failed (the notice already said why)."""


async def _ask(path: Path, message: str, engine: str, resume: str | None, settings: Settings, *,
               as_json: bool, yes: bool) -> str:
    from personize_assistant.agent.events import TurnFinished
    from personize_assistant.agent.session import Session

    session = await Session.open(path, settings=settings, engine=engine, resume=resume)
    stop = "error"
    try:
        printer = _JsonPrinter(session) if as_json else _TextPrinter(session, yes)
        async for event in session.send(message):
            printer.show(event)
            if isinstance(event, TurnFinished):
                stop = event.stop_reason
        printer.finish()
    finally:
        await session.close()
    return stop


class _JsonPrinter:
    def __init__(self, session: Session) -> None:
        self.session = session
        print(json.dumps({"type": "session", "id": session.id, "engine": session.engine_name}), flush=True)

    def show(self, event: AgentEvent) -> None:
        from personize_assistant.agent.events import ConfirmRequest, event_to_json

        print(json_printable(json.dumps(event_to_json(event), ensure_ascii=False)), flush=True)
        if isinstance(event, ConfirmRequest):  # scripts cannot answer: never write unasked
            self.session.resolve_confirmation(event.request_id, False)

    def finish(self) -> None:
        pass


class _TextPrinter:
    def __init__(self, session: Session, yes: bool) -> None:
        self.session, self.yes = session, yes
        self.artifacts: list[str] = []

    def show(self, event: AgentEvent) -> None:
        from personize_assistant.agent import events as ev

        if isinstance(event, ev.TextDelta):
            sys.stdout.write(printable(event.text))
            sys.stdout.flush()
        elif isinstance(event, ev.ToolStarted):
            err_console.print(f"[dim]→ {event.name}[/]", highlight=False)
        elif isinstance(event, ev.ToolFinished):
            mark = "[red]✗[/]" if event.is_error else "[green]✓[/]"
            err_console.print(f"[dim]{mark} {event.name}: {_escape(event.summary)}[/]", highlight=False)
        elif isinstance(event, ev.ArtifactReady) and event.artifact.kind != "scan":
            self.artifacts.append(event.artifact.markdown)
        elif isinstance(event, ev.EngineNotice):
            color = {"info": "cyan", "warning": "yellow", "error": "red"}[event.level]
            # one line per notice, however narrow the terminal: scripts grep these
            err_console.print(f"[{color}]{event.level}:[/] {_escape(event.message)}", soft_wrap=True)
        elif isinstance(event, ev.ConfirmRequest):
            self.session.resolve_confirmation(event.request_id, self._approve(event.question))

    def _approve(self, question: str) -> bool:
        if self.yes:
            return True
        if not sys.stdin.isatty():
            err_console.print(f"[yellow]not approved (no terminal; pass --yes):[/] {_escape(question)}")
            return False
        return typer.confirm(question, default=False, err=True)

    def finish(self) -> None:
        sys.stdout.write("\n")
        for markdown in self.artifacts:
            sys.stdout.write(printable(f"\n---\n\n{markdown.rstrip()}\n"))
        err_console.print(f"[dim]session {self.session.id} ({self.session.engine_name}); "
                          f"continue with --resume {self.session.id}[/]")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _register_ask(app: typer.Typer) -> None:
    app.command("ask")(ask_command)


def chat_command(
    path: Annotated[Path, typer.Argument(help="The repository to talk about.")],
    engine: EngineOpt = "auto",
    resume: ResumeOpt = None,
) -> None:
    """The interactive assistant: a terminal UI with your touchpoints, the conversation and
    its artifacts. Needs a terminal; scripts use `ask`."""
    from personize_assistant.errors import UsageError
    from personize_assistant.fileio import repo_directory

    root = repo_directory(path)
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        raise UsageError(f"chat needs an interactive terminal; from a script use "
                         f"`personize-assistant ask {path} \"propose\"`")
    _run_chat(root, engine, resume)


def _run_chat(root: Path, engine: str, resume: str | None) -> None:
    from personize_assistant.config import load_settings
    from personize_assistant.errors import UsageError
    from personize_assistant.tui.app import AssistantApp, resume_hint, session_opener

    settings = load_settings()
    if engine not in ("auto", "offline", "claude"):
        raise UsageError(f"engine must be one of auto, offline, claude, not {engine!r}")
    if engine == "claude" and settings.anthropic_api_key is None:
        raise UsageError("the claude engine needs ANTHROPIC_API_KEY (or use --engine offline)")
    opener = session_opener(root, settings, engine=engine, resume=resume)
    app = AssistantApp(opener, root.name, model=settings.model)
    app.run()
    if app.session_id is not None:  # printed after the screen is restored, so it stays visible
        err_console.print(resume_hint(root, app.session_id), highlight=False, markup=False)


def _register_chat(app: typer.Typer) -> None:
    app.command("chat")(chat_command)


COMMANDS: tuple[Callable[[typer.Typer], None], ...] = (_register_ask, _register_chat)


def register(app: typer.Typer) -> None:
    for add in COMMANDS:
        add(app)
