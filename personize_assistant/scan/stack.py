"""Detect a repository's stack: languages, frameworks, dependencies, package managers.

Cheap by design: it never walks the tree itself. Manifests are looked up only in the
directories that hold the files the scanner already walked (and their ancestors up to
the root), so whatever the scanner excluded — `node_modules`, build output, ignored
paths — is excluded here too. A manifest that cannot be read or parsed is skipped.
"""

from __future__ import annotations

import configparser
import json
import os
import posixpath
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from personize_assistant.fileio import Refusal, read_repo_bytes
from personize_assistant.scan.models import Stack

# Manifests larger than this are not dependency lists anyone wrote by hand.
MAX_MANIFEST_BYTES = 2_000_000

LANGUAGE_BY_EXTENSION: dict[str, str] = {
    ".py": "python",
    ".pyi": "python",
    ".ts": "typescript",
    ".tsx": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".js": "javascript",
    ".jsx": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".prisma": "prisma",
    ".vue": "vue",
    ".svelte": "svelte",
    ".astro": "astro",
    ".go": "go",
    ".rb": "ruby",
    ".java": "java",
    ".kt": "kotlin",
    ".rs": "rust",
    ".php": "php",
    ".cs": "csharp",
    ".swift": "swift",
    ".dart": "dart",
    ".sql": "sql",
    ".graphql": "graphql",
    ".gql": "graphql",
}
# Config, data and markup files the scanner may read (workflows, vercel.json, pages for
# their analytics tags, the Wasp DSL) are not languages.
_NOT_LANGUAGES = frozenset({".json", ".yml", ".yaml", ".toml", ".lock", ".md", ".txt", ".html", ".htm", ".wasp"})

# Dependency name -> framework id. Python names are PEP 503-normalised before lookup.
FRAMEWORK_BY_DEPENDENCY: dict[str, str] = {
    "next": "nextjs",
    "express": "express",
    "fastify": "fastify",
    "@nestjs/core": "nestjs",
    "koa": "koa",
    "hono": "hono",
    "react": "react",
    "react-native": "react_native",
    "expo": "expo",
    "vue": "vue",
    "nuxt": "nuxt",
    "svelte": "svelte",
    "@sveltejs/kit": "sveltekit",
    "@angular/core": "angular",
    "astro": "astro",
    "@remix-run/node": "remix",
    "@remix-run/react": "remix",
    "@remix-run/server-runtime": "remix",
    "@trpc/server": "trpc",
    "prisma": "prisma",
    "@prisma/client": "prisma",
    "typeorm": "typeorm",
    "drizzle-orm": "drizzle",
    "mongoose": "mongoose",
    "sequelize": "sequelize",
    "knex": "knex",
    "@mikro-orm/core": "mikroorm",
    "bullmq": "bullmq",
    "node-cron": "node_cron",
    "wasp": "wasp",
    "django": "django",
    "djangorestframework": "django_rest_framework",
    "fastapi": "fastapi",
    "flask": "flask",
    "starlette": "starlette",
    "litestar": "litestar",
    "aiohttp": "aiohttp",
    "celery": "celery",
    "rq": "rq",
    "dramatiq": "dramatiq",
    "apscheduler": "apscheduler",
    "sqlalchemy": "sqlalchemy",
    "flask-sqlalchemy": "sqlalchemy",
    "sqlmodel": "sqlmodel",
    "tortoise-orm": "tortoise",
    "peewee": "peewee",
    "pydantic": "pydantic",
    "mongoengine": "mongoengine",
}

# A file whose mere presence names the framework, matched by exact name or stem.
FRAMEWORK_BY_FILE: dict[str, str] = {
    "manage.py": "django",
    "nest-cli.json": "nestjs",
    "angular.json": "angular",
    "schema.prisma": "prisma",
}
FRAMEWORK_BY_CONFIG_STEM: dict[str, str] = {
    "next.config": "nextjs",
    "nuxt.config": "nuxt",
    "svelte.config": "svelte",
    "remix.config": "remix",
    "astro.config": "astro",
}

MANAGER_BY_FILE: dict[str, str] = {
    "package-lock.json": "npm",
    "npm-shrinkwrap.json": "npm",
    "yarn.lock": "yarn",
    "pnpm-lock.yaml": "pnpm",
    "pnpm-workspace.yaml": "pnpm",
    "bun.lockb": "bun",
    "bun.lock": "bun",
    "poetry.lock": "poetry",
    "uv.lock": "uv",
    "Pipfile": "pipenv",
    "Pipfile.lock": "pipenv",
    "pdm.lock": "pdm",
}
JS_MANAGERS = frozenset({"npm", "yarn", "pnpm", "bun"})
PY_MANAGERS = frozenset({"pip", "poetry", "uv", "pipenv", "pdm"})

_EXCLUDED_DIRS = frozenset({"node_modules", ".git", ".venv", "venv", "__pycache__"})
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")
_REQUIREMENTS_FILE = re.compile(r"^requirements.*\.(?:txt|in)$")


class _Found:
    """What the manifests have told us so far; the first declaration of a dependency wins."""

    def __init__(self) -> None:
        self.dependencies: dict[str, str] = {}
        self.frameworks: set[str] = set()
        self.managers: set[str] = set()
        self.root_managers: set[str] = set()
        """Named by the lockfiles at the top: a nested `package-lock.json` of one
        sub-project does not make a pnpm monorepo an npm one."""
        self.has_package_json = False
        self.has_python_manifest = False

    def add_dependency(self, name: str, version: str) -> None:
        self.dependencies.setdefault(name, version.strip() or "*")


def detect_stack(root: Path, files: list[str], listings: Mapping[str, list[str]] | None = None) -> Stack:
    """Describe the stack of the repository at `root` from the files the scanner walked
    (and the walk's directory listings, when it kept them)."""
    found = _Found()
    for directory, names in _manifest_directories(root, files, listings or {}):
        _read_directory(root, directory, names, found)
    for rel in files:
        _note_framework_file(posixpath.basename(rel), found)
    for name in found.dependencies:
        framework = FRAMEWORK_BY_DEPENDENCY.get(_python_name(name)) or FRAMEWORK_BY_DEPENDENCY.get(
            name
        )
        if framework:
            found.frameworks.add(framework)
    _default_managers(found)
    languages = count_languages(files)
    return Stack(
        languages=languages,
        frameworks=sorted(found.frameworks),
        dependencies=dict(sorted(found.dependencies.items())),
        package_managers=_primary_first(found.managers, languages, found.root_managers),
    )


def _primary_first(managers: set[str], languages: dict[str, int], at_root: set[str]) -> list[str]:
    """The main language's ecosystem first, and in it the manager the top-level lockfile
    names: callers take the first as the install tool."""
    js_files = languages.get("typescript", 0) + languages.get("javascript", 0)
    python_leads = languages.get("python", 0) > js_files
    return sorted(managers, key=lambda m: ((m in JS_MANAGERS) == python_leads, m not in at_root, m))


def count_languages(files: Iterable[str]) -> dict[str, int]:
    """File counts per language, most common first."""
    counts: Counter[str] = Counter()
    for rel in files:
        suffix = posixpath.splitext(rel)[1].lower()
        if suffix and suffix not in _NOT_LANGUAGES:  # `crontab`, `Dockerfile`: not a language
            counts[LANGUAGE_BY_EXTENSION.get(suffix, suffix.lstrip("."))] += 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _manifest_directories(
    root: Path, files: list[str], listings: Mapping[str, list[str]]
) -> Iterator[tuple[str, list[str]]]:
    """Each directory holding a walked file, or an ancestor of one, with its entry names.

    Shallow directories come first so the root's manifest declares a dependency first.
    """
    # String operations, not PurePosixPath: this runs on every (warm) scan of every file.
    directories: set[str] = {""}
    for rel in files:
        key = posixpath.dirname(rel)
        while key not in directories:
            directories.add(key)
            key = posixpath.dirname(key)
    for directory in sorted(directories, key=lambda d: (d.count("/") + bool(d), d)):
        if _EXCLUDED_DIRS.intersection(directory.split("/")):
            continue
        names = listings.get(directory)
        if names is None:
            try:
                names = os.listdir(root / directory)
            except OSError:
                continue
        yield directory, names


def _read_directory(root: Path, directory: str, names: list[str], found: _Found) -> None:
    base = root / directory
    for name in names:
        _note_framework_file(name, found)
        if name in MANAGER_BY_FILE:
            found.managers.add(MANAGER_BY_FILE[name])
            if directory in ("", "."):
                found.root_managers.add(MANAGER_BY_FILE[name])
    readers = {
        "package.json": _read_package_json,
        "pyproject.toml": _read_pyproject,
        "Pipfile": _read_pipfile,
        "setup.cfg": _read_setup_cfg,
    }
    for name, reader in readers.items():
        if name in names:
            data = _read_text(root, base / name)
            if data is not None:
                reader(data, found)
    for name in sorted(n for n in names if _REQUIREMENTS_FILE.match(n)):
        _read_requirements(root, base / name, found, seen=set())
    if "requirements" in names:
        _read_requirements_dir(root, base / "requirements", found)


def _note_framework_file(name: str, found: _Found) -> None:
    framework = FRAMEWORK_BY_FILE.get(name)
    stem = name.rsplit(".", 1)[0] if name.count(".") >= 2 else ""
    framework = framework or FRAMEWORK_BY_CONFIG_STEM.get(stem)
    if name.endswith(".prisma"):
        framework = "prisma"
    if framework:
        found.frameworks.add(framework)


def _read_text(root: Path, path: Path) -> str | None:
    """The manifest's text, or None when it is unreadable, too large or outside the repo."""
    data = read_repo_bytes(root, os.path.relpath(path, root), MAX_MANIFEST_BYTES)
    try:
        return None if isinstance(data, Refusal) else data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


# --- package.json ------------------------------------------------------------------


def _read_package_json(text: str, found: _Found) -> None:
    try:
        data = json.loads(text)
    except ValueError:
        return
    if not isinstance(data, dict):
        return
    found.has_package_json = True
    for section in ("dependencies", "devDependencies"):
        deps = data.get(section)
        if isinstance(deps, dict):
            for name, version in deps.items():
                if isinstance(name, str) and isinstance(version, str):
                    found.add_dependency(name, version)
    manager = data.get("packageManager")
    if isinstance(manager, str) and manager.split("@", 1)[0] in JS_MANAGERS:
        found.managers.add(manager.split("@", 1)[0])


# --- Python manifests --------------------------------------------------------------


def _python_name(name: str) -> str:
    """PEP 503 normalisation: `Flask_SQLAlchemy` and `flask-sqlalchemy` are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _add_requirement(spec: str, found: _Found) -> None:
    """Add one PEP 508 requirement string (`Django>=4.2; python_version>'3'`)."""
    match = _REQUIREMENT.match(spec.split(";", 1)[0])
    if not match:
        return
    version = match.group(2).strip().strip("()").strip()
    if "@" in version:  # a direct reference (`pkg @ https://...`): no version to report
        version = "*"
    found.add_dependency(_python_name(match.group(1)), _exact_pin(version))
    found.has_python_manifest = True


def _load_toml(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return None


def _read_pyproject(text: str, found: _Found) -> None:
    data = _load_toml(text)
    if data is None:
        return
    project = _table(data, "project")
    for spec in _strings(project.get("dependencies")):
        _add_requirement(spec, found)
    for group in _table(project, "optional-dependencies").values():
        for spec in _strings(group):
            _add_requirement(spec, found)
    for group in _table(data, "dependency-groups").values():
        for spec in _strings(group):
            _add_requirement(spec, found)
    tool = _table(data, "tool")
    if "poetry" in tool:
        found.managers.add("poetry")
        _read_poetry(_table(tool, "poetry"), found)
    for manager in ("uv", "pdm"):
        if manager in tool:
            found.managers.add(manager)
    if project or "poetry" in tool:
        found.has_python_manifest = True


def _read_poetry(poetry: dict[str, Any], found: _Found) -> None:
    tables = [_table(poetry, "dependencies"), _table(poetry, "dev-dependencies")]
    tables += [_table(group, "dependencies") for group in _tables(_table(poetry, "group"))]
    for table in tables:
        for name, spec in table.items():
            if name.lower() != "python":
                found.add_dependency(_python_name(name), _poetry_version(spec))


def _exact_pin(version: str) -> str:
    """`==1.2.3` is reported as `1.2.3`; ranges are kept as written."""
    if version.startswith("==") and "," not in version:
        return version[2:].strip()
    return version


def _poetry_version(spec: object) -> str:
    if isinstance(spec, dict):
        spec = spec.get("version", "*")
    return _exact_pin(spec) if isinstance(spec, str) else "*"


def _read_pipfile(text: str, found: _Found) -> None:
    data = _load_toml(text)
    if data is None:
        return
    found.managers.add("pipenv")
    found.has_python_manifest = True
    for section in ("packages", "dev-packages"):
        for name, spec in _table(data, section).items():
            found.add_dependency(_python_name(name), _poetry_version(spec))


def _read_setup_cfg(text: str, found: _Found) -> None:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
        requires = parser.get("options", "install_requires", fallback="")
    except configparser.Error:
        return
    for line in requires.splitlines():
        if line.strip() and not line.strip().startswith("#"):
            _add_requirement(line.strip(), found)


def _read_requirements(root: Path, path: Path, found: _Found, seen: set[Path]) -> None:
    """A pip requirements file, following `-r` includes (once each, inside the repo)."""
    key = path.resolve()
    if key in seen or not key.is_relative_to(root.resolve()):
        return
    seen.add(key)
    text = _read_text(root, path)
    if text is None:
        return
    found.managers.add("pip")
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip()
        include = re.match(r"^(?:-r|--requirement)[\s=]*(\S+)", line)
        if include:
            _read_requirements(root, path.parent / include.group(1), found, seen)
        elif line and not line.startswith(("#", "-", "git+", "http:", "https:", ".", "/")):
            _add_requirement(line, found)


def _read_requirements_dir(root: Path, directory: Path, found: _Found) -> None:
    """`requirements/base.txt`, `requirements/dev.txt`: a common layout with no source files."""
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return
    seen: set[Path] = set()
    for name in names:
        if name.endswith((".txt", ".in")):
            _read_requirements(root, directory / name, found, seen)


def _default_managers(found: _Found) -> None:
    """A manifest with no lockfile still implies the ecosystem's default installer."""
    if found.has_package_json and not found.managers & JS_MANAGERS:
        found.managers.add("npm")
    if found.has_python_manifest and not found.managers & PY_MANAGERS:
        found.managers.add("pip")


# --- small typed accessors for parsed TOML/JSON -------------------------------------


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _tables(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [value for value in data.values() if isinstance(value, dict)]


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
