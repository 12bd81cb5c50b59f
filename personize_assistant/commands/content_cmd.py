"""`skills`, `reference` and `recipes`: read the skill library from the command line.

The library (pydantic models, YAML) loads inside the commands, so registering them costs
`--help` and every other command nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from personize_assistant.commands.output import emit, emit_json, terminal_width, wrap_line
from personize_assistant.errors import UsageError

if TYPE_CHECKING:
    from personize_assistant.content import Library, Recipe
    from personize_assistant.content.library import Language


def load_library() -> Library:
    from personize_assistant.content import load_library as load

    return load()

JSON_HELP = "Print JSON instead of text."
LANG_HELP = "Language variant: ts or py."

recipes_app = typer.Typer(
    help="List ready-to-run pipeline recipes, or print one with `recipes show NAME`.",
    invoke_without_command=True,
    no_args_is_help=False,
)


def register(app: typer.Typer) -> None:
    app.command("skills")(skills_command)
    app.command("reference")(reference_command)
    app.add_typer(recipes_app, name="recipes")


# --------------------------------------------------------------------------- skills


def skills_command(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """List the skills and the actions each offers."""
    library = load_library()
    if as_json:
        emit_json([_skill_json(library, name) for name in library.skills])
        return
    width = terminal_width()
    emit("\n\n".join(_skill_text(library, name, width) for name in library.skills))


def _skill_json(library: Library, name: str) -> dict[str, Any]:
    skill = library.skills[name]
    data = skill.meta.model_dump(mode="json")
    data["path"] = _relative(library, skill.path)
    return data


def _skill_text(library: Library, name: str, columns: int | None = None) -> str:
    meta = library.skills[name].meta
    width = max(len(a.id) for a in meta.actions)
    lines = [f"{meta.name}  {meta.title}", *wrap_line(f"  {_one_line(meta.description)}", 2, columns)]
    for a in meta.actions:
        line = f"  - {a.id:<{width}}  reference {a.reference:<9} {a.when}"
        lines += wrap_line(line, 4 + width + 2 + len("reference ") + 10, columns)
    return "\n".join(lines)


# --------------------------------------------------------------------------- reference


def reference_command(
    action: str = typer.Argument(..., help="Action name (discover, propose, plan, ...)."),
    meta: bool = typer.Option(False, "--meta", help="Print the front matter (YAML)."),
    as_json: bool = typer.Option(False, "--json", help="Print the front matter as JSON."),
) -> None:
    """Print an action's reference doc (the guidance the assistant reads)."""
    library = load_library()
    key = action.strip().lower()
    doc = library.reference(key)
    if doc is not None:
        front = doc.meta.model_dump(mode="json", exclude_defaults=False)
        body = doc.body
    elif key in library.prompt_writing:
        front = library.prompt_writing[key].meta.model_dump(mode="json")
        body = library.prompt_writing[key].body
    else:
        valid = ", ".join([*library.references, *library.prompt_writing])
        raise UsageError(f"unknown action {action!r}; choose one of: {valid}")
    if as_json:
        emit_json(front)
    elif meta:
        import yaml

        emit(yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100))
    else:
        emit(body)


# --------------------------------------------------------------------------- recipes


@recipes_app.callback()
def recipes_list(
    ctx: typer.Context,
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """List recipes (optionally only those with a LANG variant)."""
    if ctx.invoked_subcommand is not None:
        return
    library = load_library()
    language = _language(lang)
    recipes = library.recipes_in(language) if language else list(library.recipes.values())
    if as_json:
        emit_json([_recipe_json(library, r) for r in recipes])
        return
    if not recipes:
        emit("no recipes" + (f" in {language}" if language else ""))
        return
    width = max(len(r.name) for r in recipes)
    lines = [f"{r.name:<{width}}  [{','.join(r.variants)}]  {r.title}" for r in recipes]
    emit("\n".join(lines))


@recipes_app.command("show")
def recipes_show(
    name: str = typer.Argument(..., help="Recipe name (see `recipes`)."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
    doc: bool = typer.Option(False, "--doc", help="Print the recipe's documentation instead."),
) -> None:
    """Print one recipe's code to stdout (pipe it into a file)."""
    library = load_library()
    recipe = library.recipes.get(name)
    if recipe is None:
        valid = ", ".join(library.recipes) or "none"
        raise UsageError(f"unknown recipe {name!r}; choose one of: {valid}")
    if doc:
        emit(recipe.body)
        return
    emit(_recipe_code(recipe, _language(lang)))


def _recipe_code(recipe: Recipe, language: Language | None) -> str:
    chosen = language if language is not None else next(iter(recipe.variants))
    code = recipe.code(chosen)
    if code is None:
        have = ", ".join(recipe.variants)
        raise UsageError(f"recipe {recipe.name!r} has no {chosen} variant (has: {have})")
    return code


def _recipe_json(library: Library, recipe: Recipe) -> dict[str, Any]:
    return {
        "name": recipe.name,
        "title": recipe.title,
        "description": recipe.description,
        "languages": list(recipe.variants),
        "files": {lang: _relative(library, v.path) for lang, v in recipe.variants.items()},
        "sdk_methods": list(recipe.sdk_methods),
        "env": list(recipe.env),
        "kinds": list(recipe.kinds),
        "schedule": recipe.schedule,
        "channels": list(recipe.channels),
    }


# --------------------------------------------------------------------------- helpers


def _language(value: str | None) -> Language | None:
    if value is None:
        return None
    lowered = value.strip().lower()
    aliases: dict[str, Language] = {"ts": "ts", "typescript": "ts", "py": "py", "python": "py"}
    if lowered not in aliases:
        raise UsageError(f"unknown language {value!r}; use ts or py")
    return aliases[lowered]


def _relative(library: Library, path: Any) -> str:
    try:
        return str(path.relative_to(library.root))
    except ValueError:
        return str(path)


def _one_line(text: str) -> str:
    return " ".join(text.split())
