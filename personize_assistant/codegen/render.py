"""Jinja2 rendering for every generated file (PLAN, WIRE, GENERATE): `codegen/templates/`."""

from __future__ import annotations

import textwrap
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _environment() -> jinja2.Environment:
    # Code, not HTML: no autoescape; StrictUndefined so a missing value fails loudly.
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters["js_comment"] = js_comment
    environment.filters["py_doc"] = py_doc
    environment.filters["in_quotes"] = in_quotes
    return environment


def js_comment(text: object) -> str:
    """Text from the user's code inside a `/** */` comment: a cron `*/6` must not end it."""
    return str(text).replace("*/", "*\\/")


def in_quotes(text: object) -> str:
    """Text from the user's code inside a string literal, single- or double-quoted, in Python
    or TypeScript: a schedule like `crontab(minute="*/5")` must not end the literal."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")
    return escaped.replace("\n", "\\n").replace("\r", "\\r")


def py_doc(text: object) -> str:
    """Text from the user's code inside a docstring: no closing quotes, no escapes."""
    return str(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def indent_block(text: str, prefix: str) -> str:
    """Indent every non-empty line of `text` by `prefix`."""
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def reindent(text: str, unit: str, template_unit: str) -> str:
    """Re-express leading indentation written in `template_unit` steps in `unit` steps."""
    if unit == template_unit:
        return text
    lines = []
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // len(template_unit)
        rest = (len(line) - len(stripped)) % len(template_unit)
        lines.append(unit * depth + " " * rest + stripped)
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")


_COMMENT_PREFIXES = ("# ", "// ", "* ")


def wrap_comments(code: str, width: int = 88) -> str:
    """Re-flow comment and docstring lines longer than `width` (generated code stays lint-clean)."""
    out: list[str] = []
    in_docstring = False
    for line in code.splitlines():
        stripped = line.lstrip()
        toggles = stripped.count('"""') % 2 == 1
        prefix = next((p for p in _COMMENT_PREFIXES if stripped.startswith(p)), None)
        if prefix is None and in_docstring and not toggles and stripped:
            prefix = ""
        if toggles:
            in_docstring = not in_docstring
        if prefix is None or len(line) <= width:
            out.append(line)
            continue
        out.extend(_wrap_line(line, stripped, prefix, width))
    return "\n".join(out) + ("\n" if code.endswith("\n") else "")


def _wrap_line(line: str, stripped: str, prefix: str, width: int) -> list[str]:
    lead = line[: len(line) - len(stripped)] + prefix
    return textwrap.wrap(
        stripped[len(prefix) :],
        width=width,
        initial_indent=lead,
        subsequent_indent=lead,
        break_long_words=False,
        break_on_hyphens=False,
    )
