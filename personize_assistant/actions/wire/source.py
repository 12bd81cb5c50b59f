"""What WIRE needs to know about the user's function: read from the real source.

The scanner says *where* a touchpoint is; this module reads the function there (name,
parameters with their declared types, async/exported/method) and the file's style
(quotes, indentation, logger, import specifiers) so generated code fits in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.errors import UsageError
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_bytes

ParamKind = Literal["plain", "rest", "kwonly", "varkw", "posonly", "destructured", "this"]
FunctionForm = Literal["function", "arrow", "method", "def", "inline"]


class TypeMember(BaseModel):
    """A property of an object type declared in the same file (`type X = { to: string }`)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    type: str | None = None
    optional: bool = False


class Param(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    """Binding name; empty for a TypeScript destructuring pattern."""
    text: str
    """The parameter exactly as written (type and default included)."""
    annotation: str | None = None
    optional: bool = False
    default: str | None = None
    kind: ParamKind = "plain"
    keys: list[str] = Field(default_factory=list)
    """Property names bound by a destructuring pattern."""
    members: list[TypeMember] = Field(default_factory=list)
    """Properties of the annotation's object type, when declared in the same file."""


class FunctionInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    form: FunctionForm
    start_line: int
    """First line of the declaration, including `export` and decorators (1-based)."""
    header_line: int
    """Line of `function`/`def`/the method name."""
    end_line: int
    is_async: bool = False
    is_exported: bool = False
    is_default_export: bool = False
    class_name: str | None = None
    params: list[Param] = Field(default_factory=list)
    type_params: str = ""
    """Python: a PEP 695 generic's `[T]`, as written (the wrapper declares it again)."""
    return_type: str | None = None
    decorators: list[str] = Field(default_factory=list)
    indent: str = ""
    body_line: int = 0
    """First line of the body's statements (where an inserted statement goes)."""
    body_indent: str = "  "
    name_col: int = 0
    """0-based column of the name on `header_line` (for renaming)."""
    start_col: int = 0
    end_col: int = 0
    """0-based columns where the function text starts (on `start_line`) and ends (on `end_line`)."""


class FileStyle(BaseModel):
    """How the user's file is written, so generated code reads like theirs."""

    model_config = ConfigDict(extra="forbid")

    quote: str = "'"
    semicolons: bool = True
    indent_unit: str = "  "
    logger: str | None = None
    """A logger already in scope (`logger`, `log`) with `.warn`/`.warning`."""
    import_extension: str = ""
    """`.js` when the file's relative imports carry it (ESM under NodeNext)."""
    is_package: bool = False
    """Python: the module's directory has `__init__.py` (relative imports work)."""
    last_import_line: int = 0
    """Line after which a new import statement goes (0 = top of file)."""


class SourceFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    text: str
    language: Literal["ts", "py"]


def language_of(path: str) -> Literal["ts", "py"]:
    suffix = Path(path).suffix
    if suffix == ".py":
        return "py"
    if suffix in (".ts", ".tsx", ".mts", ".cts"):
        return "ts"
    raise UsageError(
        f"{path}: only TypeScript (.ts/.tsx) and Python (.py) files can be wired; "
        "for JavaScript, wire a TypeScript entry point or port the function first"
    )


def read_source(root: Path, relative: str) -> SourceFile:
    data = read_repo_bytes(root, relative, MAX_REPO_FILE_BYTES)
    if isinstance(data, Refusal):
        raise UsageError(data.reason)
    try:
        # Undecoded line endings: a CRLF file stays CRLF (the edit is written back with them).
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"cannot read {relative}: {exc}") from exc
    return SourceFile(path=relative, text=text, language=language_of(relative))


def find_function(
    source: SourceFile,
    functions: list[FunctionInfo],
    line: int,
    symbol: str | None,
    forms: tuple[str, ...] | None = None,
) -> FunctionInfo:
    """The function at `line` (preferring one named `symbol`) among the file's `functions`.

    `forms` limits the candidates (e.g. no anonymous callbacks for a wrap)."""
    if forms is not None:
        functions = [f for f in functions if f.form in forms]
    chosen = pick_function(functions, line, symbol) or _entry_method(functions, symbol)
    if chosen is None:
        where = f"{source.path}:{line}"
        raise UsageError(f"no function found at {where}" + (f" named {symbol}" if symbol else ""))
    return chosen


# When the scanner names a class (a Django command, a middleware class), WIRE wires the
# method the framework calls.
ENTRY_METHODS = ("handle", "process_request", "__call__", "run", "execute", "perform")


def _entry_method(functions: list[FunctionInfo], symbol: str | None) -> FunctionInfo | None:
    if not symbol:
        return None
    methods = {f.name: f for f in functions if f.class_name == symbol.split(".")[-1]}
    return next((methods[name] for name in ENTRY_METHODS if name in methods), None)


def pick_function(
    functions: list[FunctionInfo], line: int, symbol: str | None
) -> FunctionInfo | None:
    containing = [f for f in functions if f.start_line <= line <= f.end_line]
    named = [f for f in containing if symbol and f.name == symbol.split(".")[-1]]
    for group in (named, containing):
        if group:
            # Innermost first: the smallest range that contains the line.
            return min(group, key=lambda f: f.end_line - f.start_line)
    anywhere = [f for f in functions if symbol and f.name == symbol.split(".")[-1]]
    return anywhere[0] if anywhere else None


class LocalAssignment(BaseModel):
    """A top-level statement of a function body that binds local names."""

    model_config = ConfigDict(extra="forbid")

    names: list[str]
    line: int
    end_line: int
    keyword: str | None = None
    """TS: `const`/`let`/`var` (a `const` must become `let` to be reassigned)."""
    keyword_col: int = 0
    value: Literal["destructure", "string", "other"] = "other"
    """How the names get their value: unpacked from a template/render result, a string
    expression, or anything else (only the first two are taken as message content)."""


class BodyShape(BaseModel):
    """The top level of a function body: assignments in order, and a final `return`."""

    model_config = ConfigDict(extra="forbid")

    assignments: list[LocalAssignment] = Field(default_factory=list)
    return_line: int | None = None
    return_end_line: int | None = None
    return_expression: str | None = None
    closing_line: int = 0
    """TS: the line of the body's closing brace; Python: the body's last line."""
    identifiers: set[str] = Field(default_factory=set)
    """Every identifier used in the function (to pick names that do not clash)."""
