"""The Python writer: WIRE's language interface (`language.LanguageWriter`) for Python.

The helper module (`personize_wiring.py`, next to the wired module, with the standalone
`personize_client.py`) holds the Personize logic; the user's module gets a minimal change:
the original renamed to `_<name>_original` plus a wrapper with the same signature and
decorators, or a short step inserted into the function body. Source is read with
tree-sitter (`source_python`), edits are made by `python_edit`, the patterns are built by
`python_patterns` (WRAP's internals in `python_wrap`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from personize_assistant.actions.wire import python_edit, python_patterns
from personize_assistant.actions.wire.context import WireContext
from personize_assistant.actions.wire.language import FileEdits, Patterns
from personize_assistant.actions.wire.source import BodyShape, FileStyle, FunctionInfo, SourceFile
from personize_assistant.actions.wire.source_python import (
    python_body,
    python_functions,
    python_style,
)
from personize_assistant.scan.models import Touchpoint

language: Final = "py"
helper_file: Final = "personize_wiring.py"
# Typed with the interfaces, so mypy checks each module provides all of them.
edits: FileEdits = python_edit
patterns: Patterns = python_patterns
remember_delivery: Final = "remember_delivery"


def functions(source: SourceFile) -> list[FunctionInfo]:
    return python_functions(source.text)


def style(root: Path, source: SourceFile) -> FileStyle:
    # Relative imports of the helper work only inside a package.
    package = (root / source.path).parent.joinpath("__init__.py").is_file()
    return python_style(source.text, package)


def body(source: SourceFile, fn: FunctionInfo) -> BodyShape:
    return python_body(source.text, fn)


def refuse_file(touchpoint: Touchpoint) -> None:
    """Every Python file can hold server code."""


def refuse(ctx: WireContext) -> None:
    """Nothing Python-specific is refused: every server-side function can be wired."""
