"""Template files a templated send renders (Django/Jinja, a mailer's Handlebars): found
under a `templates/` folder near the wired file, and given a conditional block that renders
the new value. The block is appended to the tag that opens the message, so with no
personalized value the template's output is byte for byte what it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

from personize_assistant.actions.wire.context import WireContext
from personize_assistant.actions.wire.edit import FileEditor
from personize_assistant.actions.wire.templated import TemplateChange, splice, template_rules
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file


def template_folders(ctx: WireContext) -> list[PurePosixPath]:
    """`<dir>/templates` (and the other folder names) for the wired file's directories and
    their direct subdirectories (Django looks in every app's `templates/`), nearest first."""
    names = template_rules().template_folders
    source_dir = PurePosixPath(ctx.source.path).parent
    found: list[PurePosixPath] = []
    for directory in [source_dir, *source_dir.parents]:
        base = ctx.root / str(directory)
        children = sorted(p.name for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
        for sub in ["", *children]:
            found += [PurePosixPath(directory, sub, n) for n in names if (ctx.root / str(PurePosixPath(directory, sub, n))).is_dir()]
    return list(dict.fromkeys(found))  # a folder is reached from its parent and its grandparent


def find_template(ctx: WireContext, name: str, suffixes: tuple[str, ...] = ("",)) -> str | None:
    """The first `<folder>/<name><suffix>` that is a file, nearest folder first."""
    for folder in template_folders(ctx):
        for suffix in suffixes:
            candidate = folder / f"{name}{suffix}"
            if (ctx.root / str(candidate)).is_file():
                return str(candidate)
    return None


def django_change(ctx: WireContext, name: str | None) -> TemplateChange:
    """The Django/Jinja template `name` renders `{% if personalized_intro %}...`."""
    if name is None:
        return TemplateChange(path=None, described="its name is computed at run time")
    rules = template_rules()
    path = find_template(ctx, name)
    if path is None:
        return TemplateChange(path=None, described=f"no {'/'.join(rules.template_folders)} folder near {ctx.source.path} holds {name}")
    html = PurePosixPath(name).suffix in (".html", ".htm")
    return _conditional(ctx, path, lambda content: rules.django_snippets.html if html or "<" in content else rules.django_snippets.text)


def mailer_change(ctx: WireContext, name: str | None) -> TemplateChange:
    """A mailer's Handlebars template: edited when named literally, else the templates
    found are listed with the block each needs."""
    rules = template_rules()
    suffixes = tuple(rules.mailer_template_suffixes)
    path = find_template(ctx, name, suffixes) if name else None
    if path is not None:
        return _conditional(ctx, path, lambda _content: rules.handlebars_snippet)
    folders = template_folders(ctx)
    listed = [f"{folder}/{p.name}" for folder in folders for p in sorted((ctx.root / str(folder)).iterdir()) if p.suffix in suffixes]
    why = f"{name} is not under a templates folder near {ctx.source.path}" if name else "the mailer picks the template at run time"
    if listed:
        why += f"; each of {', '.join(listed[:6])} can render it with `{rules.handlebars_snippet}` right after <body>"
    return TemplateChange(path=None, described=why)


def _conditional(ctx: WireContext, path: str, snippet_for: Callable[[str], str]) -> TemplateChange:
    content = read_repo_file(ctx.root, path, MAX_REPO_FILE_BYTES)
    if isinstance(content, Refusal):
        return TemplateChange(path=None, described=content.reason)
    snippet = snippet_for(content)
    row, col, where = _anchor(content)
    editor = FileEditor(content)
    splice(editor, content.splitlines() or [""], [(row, col, snippet)])
    opening = _OPENING.match(snippet)
    shown = opening.group(0) if opening else snippet
    return TemplateChange(path=path, editor=editor, described=f"renders `{shown}...` {where}")
_OPENING = re.compile(r"\{[{%].*?[}%]\}")
_BLOCK = re.compile(r"\{%-?\s*block\s+(\w+)\s*-?%\}")
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def _anchor(content: str) -> tuple[int, int, str]:
    """(row, byte column, where in words) right after the tag that opens the message."""
    rules = template_rules()
    lines = content.splitlines()
    blocks = [(row, m) for row, line in enumerate(lines) for m in _BLOCK.finditer(line)]
    if "{% extends" in content or "{%- extends" in content:
        ranked = sorted(
            (b for b in blocks if b[1].group(1) not in rules.skipped_blocks),
            key=lambda b: rules.content_blocks.index(b[1].group(1)) if b[1].group(1) in rules.content_blocks else len(rules.content_blocks),
        )
        if ranked:
            row, match = ranked[0]
            return row, len(lines[row][: match.end()].encode("utf-8")), f"at the start of block {match.group(1)}"
    for row, line in enumerate(lines):
        body = _BODY.search(line)
        if body:
            return row, len(line[: body.end()].encode("utf-8")), "right after <body>"
    return 0, 0, "at the top"
