"""What the product is called and does, in the project's own words: the name and one-line
description its manifest or README already holds ("Invoicing and bookkeeping for
freelancers").

Descriptions are read in order: `package.json` `description`, `pyproject.toml`
`[project].description`, then the first prose sentence of `README.md`. A plan's brand-voice
draft and summary then say what the product does instead of naming its frameworks. Names
come from the manifest's package name without repository words, then the README's title
(`product_names.yaml`).
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.common.fields import words
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.rulefiles import load_rules

MAX_BYTES = 64_000  # a description lives at the top; never read a huge file whole
MAX_CHARS = 200

Found = tuple[str, str]  # (description, where it was read: `file` or `file:line`)


def product_description(root: Path) -> Found | None:
    """The project's own description of itself, or None when it has none we can read."""
    if not root.is_dir():
        return None
    readers: tuple[Callable[[Path], Found | None], ...] = (_package_json, _pyproject, _readme)
    for reader in readers:
        found = reader(root)
        if found is not None:
            return found
    return None


def _read(root: Path, relative: str) -> str | None:
    """The file through the repo-path check: a README symlinked to ~/.aws/credentials or
    /dev/stdin, or a FIFO, is not read (the description then comes from elsewhere)."""
    text = read_repo_file(root, relative, MAX_BYTES)
    return None if isinstance(text, Refusal) else text


def _package_json(root: Path) -> Found | None:
    text = _read(root, "package.json")
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return None
    value = data.get("description") if isinstance(data, dict) else None
    return (_clean(value), "package.json") if isinstance(value, str) and _clean(value) else None


def _pyproject(root: Path) -> Found | None:
    text = _read(root, "pyproject.toml")
    try:
        data = tomllib.loads(text) if text else None
    except tomllib.TOMLDecodeError:
        return None
    project = data.get("project") if isinstance(data, dict) else None
    value = project.get("description") if isinstance(project, dict) else None
    return (_clean(value), "pyproject.toml") if isinstance(value, str) and _clean(value) else None


_NOT_PROSE = re.compile(r"^(#|```|~~~|<|!\[|\[!\[|\||>|-{3,}|={3,}|\s{4})")


def _readme(root: Path) -> Found | None:
    text = _read(root, "README.md")
    if not text:
        return None
    lines = [_visible(line) for line in text.splitlines()]
    start = _first_prose_line(lines)
    if start is None:
        return None
    paragraph = []
    for line in lines[start:]:
        if not line.strip() or _NOT_PROSE.match(line):
            break
        paragraph.append(line.strip())
    sentence = _clean(re.split(r"(?<=[.!?])\s", " ".join(paragraph), maxsplit=1)[0])
    return (sentence, f"README.md:{start + 1}") if len(sentence) >= 12 else None


def _first_prose_line(lines: list[str]) -> int | None:
    """Index of the first line of ordinary text: not a heading, badge, list, table or code."""
    in_code = False
    for index, line in enumerate(lines):
        if line.startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code or not _has_words(line) or _NOT_PROSE.match(line) or line.lstrip().startswith(("- ", "* ")):
            continue
        return index
    return None


# READMEs open with centred HTML: a logo, a title, a bar of links. Links, images and titles
# are navigation, not a description; other tags are dropped and their text kept.
_HTML_DROPPED = re.compile(r"<(a|h1|h2|picture|svg)\b[^>]*>.*?</\1\s*>|<img\b[^>]*>", re.I | re.S)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _visible(line: str) -> str:
    """The line as a reader sees it: HTML links, images and titles removed, tags stripped.
    A line that was markup only becomes empty; indentation is kept (it can mean code)."""
    if "<" not in line:
        return line
    text = html.unescape(_HTML_TAG.sub(" ", _HTML_DROPPED.sub(" ", line)))
    return " ".join(text.split()) if text.strip() else ""


def _has_words(line: str) -> bool:
    return bool(re.search(r"[^\W\d_]{2,}", line))


def _clean(text: str) -> str:
    """Markdown links and emphasis removed, one line, no trailing period, at most MAX_CHARS."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", _visible(text))
    text = re.sub(r"[*_`]+", "", " ".join(text.split())).strip().rstrip(".")
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"


# ---------------------------------------------------------------------------- the name


class _NameRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    repository_words: frozenset[str]
    heading_words: frozenset[str]
    max_heading_words: int


@cache
def _name_rules() -> _NameRules:
    return load_rules("personize_assistant.actions.common", "product_names.yaml", _NameRules)


def product_name(root: Path) -> Found | None:
    """The product's name ("Dub", "Karakeep"), or None when neither manifest nor README says."""
    if not root.is_dir():
        return None
    for reader in (_package_json_name, _pyproject_name, _readme_title):
        found = reader(root)
        if found is not None:
            return found
    return None


def _package_json_name(root: Path) -> Found | None:
    text = _read(root, "package.json")
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return None
    value = data.get("name") if isinstance(data, dict) else None
    if not isinstance(value, str):
        return None
    scope, _, base = value.lstrip("@").rpartition("/")
    name = _without_repository_words(base) or _without_repository_words(scope)
    return (name, "package.json") if name else None


def _pyproject_name(root: Path) -> Found | None:
    text = _read(root, "pyproject.toml")
    try:
        data = tomllib.loads(text) if text else None
    except tomllib.TOMLDecodeError:
        return None
    tables = [data.get("project"), (data.get("tool") or {}).get("poetry")] if isinstance(data, dict) else []
    for table in tables:
        value = table.get("name") if isinstance(table, dict) else None
        name = _without_repository_words(value) if isinstance(value, str) else ""
        if name:
            return name, "pyproject.toml"
    return None


def _readme_title(root: Path) -> Found | None:
    text = _read(root, "README.md")
    if not text:
        return None
    rules = _name_rules()
    for number, raw in enumerate(text.splitlines()[:40], start=1):
        heading = re.match(r"^\s*(?:#{1,2}\s+(.*)|<h1\b[^>]*>(.*?)</h1>)", raw, re.I)
        if heading is None:
            continue
        title = _clean(html.unescape(_HTML_TAG.sub(" ", heading.group(1) or heading.group(2) or "")))
        title = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", title).strip(" :-—")
        words = re.findall(r"[^\W_]+", title.lower())
        if words and len(words) <= rules.max_heading_words and not rules.heading_words & set(words):
            return title, f"README.md:{number}"
        return None  # only the first heading can be the product's title
    return None


def _without_repository_words(name: str) -> str:
    """`dub-monorepo` -> 'Dub', `@karakeep/root` -> '' (the caller then tries the scope):
    repository words dropped, the rest title-cased unless it already has capitals."""
    dropped = _name_rules().repository_words
    parts = [w for w in re.split(r"[-_.\s]+", name) if w and not w.isdigit()]
    kept = [w for w in parts if w.lower() not in dropped]
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in kept)


# --- the app's name -----------------------------------------------------------------


def app_name_from(root: str) -> str:
    """The product's name from its manifest or README title; the folder only when they say
    nothing (`/home/me/pulseboard-ts` -> 'Pulseboard', language suffixes dropped)."""
    found = product_name(Path(root))
    if found is not None:
        return found[0]
    stem = PurePosixPath(root.replace("\\", "/")).name or "App"
    if stem == "package":  # an unpacked `npm pack` tarball: the manifest has the real name
        stem = _npm_name(root) or stem
    parts = [w for w in words(stem) if w not in {"ts", "js", "py", "app", "web", "api", "main"}
             and not _VERSION.match(w)]  # `umami-2.10.0` (an unpacked release) -> Umami
    return " ".join(p.capitalize() for p in parts) or stem.capitalize()


_VERSION = re.compile(r"^v?\d+(\.\d+)*$")


def _npm_name(root: str) -> str:
    text = read_repo_file(root, "package.json", MAX_REPO_FILE_BYTES)
    if isinstance(text, Refusal):
        return ""
    try:
        name = json.loads(text).get("name")
    except (ValueError, AttributeError):
        return ""
    return str(name).rsplit("/", 1)[-1] if isinstance(name, str) else ""
