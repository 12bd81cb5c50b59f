"""Recipes and channel templates: markdown front matter plus real code files.

The formats are owned by recipes/README.md and channels/README.md; this module reads
them into `Recipe` and `Channel`.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.content import frontmatter
from personize_assistant.content.frontmatter import ContentError
from personize_assistant.content.library import Channel, Language, Recipe, RecipeVariant
from personize_assistant.content.models import Kind, SdkMethod

IGNORED_DOCS = {"README.md", "readme.md", "INDEX.md"}
RECIPE_DOC = "recipe.md"
PIPELINE_FILE: dict[Language, str] = {"ts": "pipeline.ts", "py": "pipeline.py"}
_NAME = r"^[a-z][a-z0-9-]*$"


class RecipeMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=_NAME)
    title: str
    description: str
    sdk_methods: list[SdkMethod] = Field(min_length=1)
    languages: list[Language] = Field(min_length=1)
    env: list[str]
    kinds: list[Kind]
    schedule: str | None = None
    channels: list[str] = Field(default_factory=list)


class ChannelMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=_NAME)
    title: str
    channel: str = Field(pattern=r"^(email|sms|slack|push|webhook|in_app)$")
    provider: str
    env: list[str]
    format_rules: list[str]
    snippets: dict[Language, str]
    rate_limit: str | None = None
    npm_package: str | None = None


def load_recipes(folder: Path) -> dict[str, Recipe]:
    """Every `recipes/<name>/recipe.md`. A folder without recipe.md is not a recipe
    (yet); the test suite checks that none is left behind."""
    if not folder.is_dir():
        return {}
    docs = sorted(folder.glob(f"*/{RECIPE_DOC}"))
    recipes = [_load_recipe(path) for path in docs]
    return {recipe.name: recipe for recipe in recipes}


def _load_recipe(path: Path) -> Recipe:
    data, body = frontmatter.split(path)
    meta = frontmatter.validate(path, RecipeMeta, data)
    if meta.name != path.parent.name:
        raise ContentError(path, f"name {meta.name!r} does not match its folder")
    variants = {
        lang: _code_file(path, path.parent / PIPELINE_FILE[lang], lang) for lang in meta.languages
    }
    return Recipe(
        name=meta.name,
        title=meta.title,
        description=meta.description,
        variants=variants,
        doc=path,
        body=body,
        sdk_methods=tuple(meta.sdk_methods),
        env=tuple(meta.env),
        kinds=tuple(meta.kinds),
        schedule=meta.schedule,
        channels=tuple(meta.channels),
    )


def _code_file(doc: Path, path: Path, language: Language) -> RecipeVariant:
    if not path.is_file():
        raise ContentError(doc, f"{language} code file missing: {path.name}")
    return RecipeVariant(language, path, frontmatter.read_text(path))


def load_channels(folder: Path) -> dict[str, Channel]:
    if not folder.is_dir():
        return {}
    docs = sorted(p for p in folder.glob("*.md") if p.name not in IGNORED_DOCS)
    return {path.stem: _load_channel(path) for path in docs}


def _load_channel(path: Path) -> Channel:
    data, body = frontmatter.split(path)
    meta = frontmatter.validate(path, ChannelMeta, data)
    if meta.name != path.stem:
        raise ContentError(path, f"name {meta.name!r} does not match the file name")
    snippets = {
        lang: _code_file(path, _inside(path, path.parent / rel), lang)
        for lang, rel in meta.snippets.items()
    }
    return Channel(
        name=meta.name,
        title=meta.title,
        path=path,
        channel=meta.channel,
        provider=meta.provider,
        env_vars=tuple(meta.env),
        format_rules=tuple(meta.format_rules),
        snippets=snippets,
        body=body,
        rate_limit=meta.rate_limit,
        npm_package=meta.npm_package,
    )


def _inside(doc: Path, target: Path) -> Path:
    """Snippet paths are relative to channels/ and may not climb out of it."""
    base = doc.parent.resolve()
    resolved = target.resolve()
    if base not in resolved.parents:
        raise ContentError(doc, f"snippet path {target} is outside {base}")
    return resolved
