"""Sends whose content is rendered from a template (React Email, Django, Jinja, a mailer's
named template): the forms and vocabularies are data (`templates.yaml`).

A templated send is wired by computing one personalized field before the send and passing
it to the template as an extra prop or context key; when Personize fails the value is
empty and the template renders exactly as before. The template itself must render the new
value: when its file is found, that change is a second edit in the patch. The language
modules (`templated_typescript`, `templated_python`) find the template in the source; what
both do alike is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict
from tree_sitter import Node

from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.rulefiles import load_rules


class TemplateRender(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    form: str
    pattern: re.Pattern[str]


class PersonalizedField(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str
    purpose: str
    prop: dict[Literal["ts", "py"], str]
    recipient_keys: list[str]


class PythonRender(BaseModel):
    """A Python call that renders a named template with a context."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    template_arg: int | None = None
    template_keyword: str | None = None
    template_from: Literal["argument", "receiver"] = "argument"
    context_arg: int | None = None
    context_keyword: str | None = None
    context: Literal["dict", "kwargs"] = "dict"


class DjangoSnippets(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    html: str
    text: str


class ReactRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    paragraph: str
    fallback_paragraph: str
    after: list[str]
    inside: list[str]


class TemplateRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    renders: list[TemplateRender]
    personalized: PersonalizedField
    python_renders: list[PythonRender]
    template_folders: list[str]
    django_snippets: DjangoSnippets
    mailer_template_suffixes: list[str]
    handlebars_snippet: str
    content_blocks: list[str]
    skipped_blocks: list[str]
    react: ReactRules


@cache
def template_rules() -> TemplateRules:
    return load_rules("personize_assistant.actions.wire", "templates.yaml", TemplateRules)


def template_form(code: str) -> str | None:
    """The template form that renders the content in `code`, if any."""
    return next((r.form for r in template_rules().renders if r.pattern.search(code)), None)


@dataclass
class TemplateChange:
    """The edit of the template file that makes it render the new value, or why there is none."""

    path: str | None
    """The template file (repo-relative) when found."""
    editor: FileEditor | None = None
    described: str = ""
    """What changed (`props type + render after the first <Text>`), or why nothing did."""


@dataclass
class TemplateSite:
    """Where a wired function hands its template the props or context."""

    form: str
    """What renders it, in words (`the React Email component WelcomeEmail`)."""
    kind: Literal["component", "mailer", "context"]
    """A React component (props), a mailer's named template, a Django/Jinja context."""
    template: str
    """The component or template name as the code names it."""
    statement_line: int
    """The statement that builds the props/context: the personalization step goes before it."""
    indent: str
    send_line: int
    """The last line of the statement that sends (the memorize-back goes after it)."""
    send_indent: str
    send_returns: bool = False
    """The send is a `return` statement: nothing placed after it would run."""
    recipient: str | None = None
    """The expression the send names as its recipient (`to: ownerEmail`), if any."""
    recipient_names: tuple[str, ...] = ()
    """The variables that expression reads (it is used only when all are known before the step)."""
    literal: str | None = None
    """The template's name when the code spells it as a string (`template: 'welcome'`)."""
    insertions: list[tuple[int, int, str]] = field(default_factory=list)
    """(0-based row, byte column, text) that pass the value to the template."""


def splice(editor: FileEditor, lines: list[str], insertions: list[tuple[int, int, str]]) -> None:
    """Insert text at byte columns (tree-sitter's) of `lines`, one line replacement per row."""
    by_row: dict[int, list[tuple[int, str]]] = {}
    for row, col, inserted in insertions:
        by_row.setdefault(row, []).append((col, inserted))
    for row, items in by_row.items():
        raw = lines[row].encode("utf-8")
        for col, inserted in sorted(items, reverse=True):
            raw = raw[:col] + inserted.encode("utf-8") + raw[col:]
        editor.replace_line(row + 1, raw.decode("utf-8"))


def brief(template: str) -> str:
    """What the model writes for a template's new value (quotes dropped: it sits in a string literal)."""
    name = re.sub(r"[\"'`\\$]", "", template)
    return f"{template_rules().personalized.purpose} for the {name} email, shown above its unchanged content"


def template_notes(name: str, site: TemplateSite, change: TemplateChange, prop: str, empty: str, remember: str | None) -> list[str]:
    """What the wiring of `name` (a function) did and what is left to the developer;
    `remember` is the memorize helper when the wiring could call it after the send."""
    notes = [
        f"Personalization runs inside {name} before {site.form} is rendered: it gets `{prop}`, which is "
        f"{empty} whenever Personize is unavailable, so the template's output is unchanged then."
    ]
    if change.path is None:
        notes.append(
            f"Template change needed: {site.template} was not changed ({change.described}); "
            f"until it renders `{prop}`, its output stays as it is."
        )
    else:
        notes.append(f"Template change in {change.path}: {change.described}.")
    if remember is None:
        notes.append(f"{name} returns its send, so nothing placed after it would run: memorize the delivery by hand.")
    return notes


def statement_of(fn: Node, node: Node, block_type: str) -> Node:
    """The innermost statement of a `block_type` block in `fn` that holds `node`
    (`node` itself when no block holds it: an arrow function's expression body)."""
    current = node
    while current.parent is not None and current != fn:
        if current.parent.type == block_type:
            return current
        current = current.parent
    return node
