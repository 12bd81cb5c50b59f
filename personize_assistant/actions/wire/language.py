"""The language interface of WIRE: what a language writer provides.

WIRE is the same for every language: find the touchpoint's function, pick the pattern,
build the code, turn the edit into hunks. What differs is declared here and implemented
once per language: `python.py` and `typescript.py` are modules that satisfy
`LanguageWriter` (`action.WRITERS` is typed with it, so mypy checks they conform); their
`*_edit` modules satisfy `FileEdits` and their `*_patterns` modules `Patterns`. What both
languages do alike is written once in `endings.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from personize_assistant.actions.wire.artifact import Language
from personize_assistant.actions.wire.context import WireContext, Wiring
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.source import BodyShape, FileStyle, FunctionInfo, SourceFile
from personize_assistant.scan.models import Touchpoint


class FileEdits(Protocol):
    """The edit every wrap-style pattern makes, in one language's syntax and style."""

    def original_name(self, ctx: WireContext) -> str:
        """A free name for the renamed original (`_send_original`, `sendOriginal`)."""

    def rename_original(self, ctx: WireContext, editor: FileEditor, original: str) -> None:
        """Rename the wired function to `original`, keeping what must stay on it."""

    def insert_wrapper(self, ctx: WireContext, editor: FileEditor, code: str) -> None:
        """Put the wrapper `code` right after the renamed original."""

    def add_import(self, ctx: WireContext, editor: FileEditor, names: list[str]) -> None:
        """Import `names` from the helper module, where the file's import order puts it."""

    def render(self, ctx: WireContext, template: str, indent: str, **values: object) -> str:
        """Render `<language>/<template>` in the file's style, indented by `indent`."""


class Patterns(Protocol):
    """One language's code for each pattern: the edit of the user's function."""

    def wrap(self, ctx: WireContext) -> Wiring:
        """A send or notification: personalize its content, fall back, memorize it."""

    def webhook(self, ctx: WireContext) -> Wiring:
        """A webhook handler: memorize the events it accepted."""

    def middleware(self, ctx: WireContext) -> Wiring:
        """A user-context accessor or middleware: offer the user's digest lazily."""

    def scheduled(self, ctx: WireContext) -> Wiring:
        """A scheduled job: run it paced to the per-minute budget."""

    def event(self, ctx: WireContext) -> Wiring:
        """An analytics call: mirror the event into Personize memory."""


class LanguageWriter(Protocol):
    """Reads one language's source and writes its patches."""

    # ---- what the language is called and where its helpers live

    @property
    def language(self) -> Language:
        """`py` or `ts`."""

    @property
    def helper_file(self) -> str:
        """The runtime helper module the wiring imports (`personize_wiring.py`)."""

    @property
    def remember_delivery(self) -> str:
        """The helper that memorizes a delivery, as the language spells it."""

    # ---- reading the user's file

    def functions(self, source: SourceFile) -> list[FunctionInfo]:
        """Every function in the file, with its parameters and where its parts are."""

    def style(self, root: Path, source: SourceFile) -> FileStyle:
        """How the file is written (quotes, indentation, logger), so the code fits in."""

    def body(self, source: SourceFile, fn: FunctionInfo) -> BodyShape:
        """The top level of `fn`'s body: assignments and the final `return`."""

    @property
    def edits(self) -> FileEdits:
        """How the language edits the user's file (its `*_edit` module)."""

    # ---- what this language never wires

    def refuse_file(self, touchpoint: Touchpoint) -> None:
        """Raise a UsageError for a file this language never wires (before it is read)."""

    def refuse(self, ctx: WireContext) -> None:
        """Raise a UsageError when this language must not wire the function at all."""

    @property
    def patterns(self) -> Patterns:
        """The entry point of each pattern (its `*_patterns` module)."""
