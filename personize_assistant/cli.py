"""The `personize-assistant` command line. Thin: parse, call one function, render."""

from __future__ import annotations

import importlib
import sys

import typer
from rich.markup import escape
from typer.core import TyperOption

from personize_assistant import __version__
from personize_assistant.commands.output import err_console
from personize_assistant.errors import AssistantError


def _flag_type_hidden(self: TyperOption, ctx: typer.Context) -> str | None:
    # typer 0.2x prints a `<bool>` type column for on/off flags, which reads as if the
    # flag took a value; flags show no type, like every other CLI.
    return None if self.is_flag else _option_type_column(self, ctx)


_option_type_column = TyperOption.display_type_rich
TyperOption.display_type_rich = _flag_type_hidden  # type: ignore[method-assign,assignment]

app = typer.Typer(
    name="personize-assistant",
    help="Find where personalization plugs into your code, and plan and wire it with Personize.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

# Each module registers its commands on `app`.
COMMAND_MODULES = (
    "scan_cmd",
    "content_cmd",
    "personize_cmd",
    "planning_cmd",
    "code_cmd",
    "chat_cmd",
    "review_cmd",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"personize-assistant {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Plan and wire AI personalization with Personize in your own repository."""


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"personize_assistant.commands.{name}").register(app)


_register_commands()


def main() -> None:
    try:
        app(standalone_mode=True)
    except AssistantError as exc:
        # escape(): messages may hold brackets (`[REDACTED]`, `[field: reason]`) that are not markup.
        err_console.print(f"[bold red]error:[/] {escape(str(exc))}", soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
