"""Find the skill library on disk, load every document, check every cross-reference."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

from personize_assistant.content import codefiles, frontmatter
from personize_assistant.content.frontmatter import ContentError
from personize_assistant.content.library import (
    Library,
    PromptWritingDoc,
    ReferenceDoc,
    SkillDoc,
    StarterSchema,
)
from personize_assistant.content.models import (
    REFERENCE_META_TYPES,
    CollectionDefinition,
    PromptWritingMeta,
    ReferenceMeta,
    SchemaMeta,
    SkillMeta,
    WireMeta,
)

CONTENT_DIR_ENV = "PERSONIZE_ASSISTANT_CONTENT_DIR"
CONTENT_FOLDERS = ("skills", "reference", "recipes", "channels")
SCHEMAS_DIR = Path("reference") / "schemas"
PROMPT_WRITING_DIR = Path("reference") / "prompt-writing"
DESIGN_SCHEMA_FILE = "property-definition.schema.json"
"""The design JSON Schema kept next to the starter schemas (not itself a starter)."""


def content_root() -> Path:
    """The env override, else a real source checkout, else the copy inside the wheel."""
    override = os.environ.get(CONTENT_DIR_ENV)
    if override:
        root = Path(override).expanduser()
        if not (root / "skills").is_dir() or not (root / "reference").is_dir():
            raise ContentError(
                root, f"{CONTENT_DIR_ENV} must name a folder holding skills/ and reference/"
            )
        return root.resolve()
    package = Path(__file__).resolve().parents[1]
    checkout = package.parent
    if (checkout / "pyproject.toml").is_file() and all(
        (checkout / f).is_dir() for f in CONTENT_FOLDERS
    ):
        return checkout
    packaged = package / "_content"
    if not (packaged / "reference").is_dir():
        raise ContentError(packaged, "skill library not found; reinstall personize-assistant")
    return packaged


def load_library(root: Path | None = None) -> Library:
    """The library at `root` (default: `content_root()`), loaded once per process."""
    return _load_cached((root or content_root()).resolve())


@functools.lru_cache(maxsize=8)
def _load_cached(root: Path) -> Library:
    references = load_references(root / "reference")
    library = Library(
        root=root,
        skills=load_skills(root / "skills"),
        references=references,
        recipes=codefiles.load_recipes(root / "recipes"),
        channels=codefiles.load_channels(root / "channels"),
        prompt_writing=load_prompt_writing(root / PROMPT_WRITING_DIR),
        starter_schemas=load_starter_schemas(root / SCHEMAS_DIR),
    )
    check_cross_references(library)
    return library


# --------------------------------------------------------------------------- documents


def load_skills(folder: Path) -> dict[str, SkillDoc]:
    skills: dict[str, SkillDoc] = {}
    for path in sorted(folder.glob("*/SKILL.md")):
        data, body = frontmatter.split(path)
        meta = frontmatter.validate(path, SkillMeta, data)
        if meta.name != path.parent.name:
            raise ContentError(
                path, f"name {meta.name!r} does not match its folder {path.parent.name!r}"
            )
        skills[meta.name] = SkillDoc(path, meta, body)
    if not skills:
        raise ContentError(folder, "no skills found (expected <name>/SKILL.md)")
    return dict(sorted(skills.items(), key=lambda item: (item[1].meta.order, item[0])))


def load_references(folder: Path) -> dict[str, ReferenceDoc[ReferenceMeta]]:
    docs: dict[str, ReferenceDoc[ReferenceMeta]] = {}
    for path in sorted(folder.glob("*.md")):
        if path.name in codefiles.IGNORED_DOCS:
            continue
        docs[path.stem] = _load_reference(path)
    missing = sorted(set(REFERENCE_META_TYPES) - set(docs))
    if missing:
        raise ContentError(
            folder, f"reference docs missing: {', '.join(f'{m}.md' for m in missing)}"
        )
    return docs


def _load_reference(path: Path) -> ReferenceDoc[ReferenceMeta]:
    data, body = frontmatter.split(path)
    meta_type = REFERENCE_META_TYPES.get(path.stem, ReferenceMeta)
    meta = frontmatter.validate(path, meta_type, data)
    if meta.action != path.stem:
        raise ContentError(path, f"action {meta.action!r} does not match the file name")
    if not body.strip():
        raise ContentError(path, "the document has front matter but no body")
    return ReferenceDoc(path, meta, body)


def load_prompt_writing(folder: Path) -> dict[str, PromptWritingDoc]:
    docs: dict[str, PromptWritingDoc] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if path.name in codefiles.IGNORED_DOCS:
            continue
        data, body = frontmatter.split(path)
        meta = frontmatter.validate(path, PromptWritingMeta, data)
        if meta.id != path.stem:
            raise ContentError(path, f"id {meta.id!r} does not match the file name")
        docs[meta.id] = PromptWritingDoc(path, meta, body)
    return docs


def load_starter_schemas(folder: Path) -> dict[str, StarterSchema]:
    schemas: dict[str, StarterSchema] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if path.name == DESIGN_SCHEMA_FILE:
            continue
        raw = _read_json(path)
        collection = frontmatter.validate(path, CollectionDefinition, raw)
        schemas[path.stem] = StarterSchema(path.stem, path, collection, raw)
    return schemas


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(frontmatter.read_text(path))
    except json.JSONDecodeError as exc:
        raise ContentError(path, f"invalid JSON (line {exc.lineno}): {exc.msg}") from exc
    if not isinstance(data, dict):
        raise ContentError(path, "expected a JSON object")
    return data


# --------------------------------------------------------------------------- cross-references


def check_cross_references(library: Library) -> None:
    for skill in library.skills.values():
        for action in skill.meta.actions:
            if action.reference not in library.references:
                _dangling(
                    skill.path,
                    f"action {action.id}",
                    "reference doc",
                    action.reference,
                    library.references,
                )
    for doc in library.references.values():
        _check_reference_links(library, doc)
    for recipe in library.recipes.values():
        for channel in recipe.channels:
            if channel not in library.channels:
                _dangling(recipe.doc, "front matter", "channel", channel, dict(library.channels))


def _check_reference_links(library: Library, doc: ReferenceDoc[ReferenceMeta]) -> None:
    meta = doc.meta
    targets: list[tuple[str, list[str], dict[str, Any]]] = [
        ("recipe", meta.recipes, dict(library.recipes)),
        ("channel", meta.channels, dict(library.channels)),
        ("starter schema", meta.schemas, dict(library.starter_schemas)),
        ("prompt-writing doc", meta.prompt_writing, dict(library.prompt_writing)),
    ]
    if isinstance(meta, WireMeta):
        targets.append(
            ("recipe", [p.recipe for p in meta.patterns if p.recipe], dict(library.recipes))
        )
    if isinstance(meta, SchemaMeta):
        starters = [s for r in meta.recommendations for s in r.starter_schemas]
        targets.append(("starter schema", starters, dict(library.starter_schemas)))
    for what, names, known in targets:
        for name in names:
            if name not in known:
                _dangling(doc.path, "front matter", what, name, known)


def _dangling(path: Path, where: str, what: str, name: str, known: dict[str, Any]) -> None:
    choices = ", ".join(sorted(known)) or "none"
    raise ContentError(path, f"{where} names unknown {what} {name!r} (known: {choices})")
