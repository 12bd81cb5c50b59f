"""Where a data-sync script goes, and which database client it uses.

A script belongs to the project that owns the model (the package.json folder of a Prisma
schema, the Django app of a model), never inside the schema folder or a models package,
and never under a path the repo's .gitignore ignores (it would never reach the repo). A
Prisma script uses the client the repo already has: an exported instance (it carries the
adapter and options the app runs with), a class extending PrismaClient, or the client
generated to a custom `output`, before `@prisma/client`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from personize_assistant.codegen.placement import import_aliases, relative_specifier
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.scan.walk import git_ignored

# Folders tried in order for a script, inside the owning project.
SCRIPT_HOMES = ("scripts", "src/scripts", "personize")
_PROJECT_MARKERS = ("package.json", "tsconfig.json")
# Folders never searched for the repo's client: dependencies, build output, generated code.
_SKIP_DIRS = {"node_modules", "dist", "build", ".next", "generated", "scripts", "test", "tests", "__tests__"}
_MAX_FILES = 4000
_CLIENT_MODULES = ("index", "prisma", "db", "client", "database")
_GENERATOR = re.compile(r"generator\s+\w+\s*\{(?P<body>[^}]*)\}", re.S)
_EXPORTED = re.compile(
    r"^export\s+(?:const|let)\s+(?P<name>\w*(?:prisma|db|database|client)\w*)\b\s*[:=]"
    r"|^export\s+default\s+(?P<default>\w*(?:prisma|db|database|client)\w*)\s*;?\s*$",
    re.M | re.I,
)
_SUBCLASS = re.compile(r"^export\s+class\s+(?P<name>\w+)\s+extends\s+PrismaClient\b(?P<rest>[\s\S]*?)\n\}", re.M)


def script_path(root: Path, project: PurePosixPath, name: str) -> str:
    """`<project>/scripts/<name>`, or the next home the .gitignore does not ignore."""
    for home in SCRIPT_HOMES:
        candidate = str(project / home / name) if str(project) != "." else f"{home}/{name}"
        if not git_ignored(root, candidate):
            return candidate
    return str(project / SCRIPT_HOMES[-1] / name)


def owning_project(root: Path, schema_file: str) -> PurePosixPath:
    """The nearest folder with a package.json above the Prisma schema (the repo root else)."""
    directory = PurePosixPath(schema_file).parent
    for candidate in [directory, *directory.parents]:
        if any((root / str(candidate) / marker).is_file() for marker in _PROJECT_MARKERS):
            return candidate
    return PurePosixPath(".")


def django_app(root: Path, model_file: str) -> PurePosixPath:
    """The Django app of a model: the nearest folder with `apps.py`, or the parent of a
    `models/` package (`person/models/user.py` -> `person`)."""
    directory = PurePosixPath(model_file).parent
    for candidate in [directory, *directory.parents]:
        if (root / str(candidate) / "apps.py").is_file():
            return candidate
        if not (root / str(candidate) / "__init__.py").is_file():
            break
    return directory.parent if directory.name == "models" else directory


@dataclass(frozen=True)
class PrismaClientUse:
    """How the sync script gets its Prisma client: an import line and the expression."""

    import_line: str
    expression: str
    note: str | None = None


def prisma_client(root: Path, schema_file: str, script: str) -> PrismaClientUse:
    project = owning_project(root, schema_file)
    found = _exported_client(root, project)
    if found is not None:
        file, name, kind = found
        specifier = _specifier(root, script, file)
        if kind == "class":
            return PrismaClientUse(f"import {{ {name} }} from '{specifier}';", f"new {name}()")
        if kind == "default":
            return PrismaClientUse(f"import repoPrisma from '{specifier}';", "repoPrisma")
        return PrismaClientUse(f"import {{ {name} as repoPrisma }} from '{specifier}';", "repoPrisma")
    generated = _generated_client(root, schema_file)
    if generated is not None:
        note = ("The client is generated to a custom output; if the app builds it with a driver adapter "
                "(Prisma 7), pass the same adapter to `new PrismaClient({ adapter })`.")
        return PrismaClientUse(f"import {{ PrismaClient }} from '{_specifier(root, script, generated)}';",
                               "new PrismaClient()", note)
    return PrismaClientUse("import { PrismaClient } from '@prisma/client';", "new PrismaClient()")


def _specifier(root: Path, script: str, target: str) -> str:
    """Through the project's tsconfig alias when one covers `target`, else relative."""
    stem = PurePosixPath(re.sub(r"(/index)?\.tsx?$", "", target))
    for prefix, folder in import_aliases(root, script):
        try:
            return prefix + str(stem.relative_to(folder))
        except ValueError:
            continue
    return relative_specifier(script, str(stem))


def _exported_client(root: Path, project: PurePosixPath) -> tuple[str, str, str] | None:
    """(file, name, `const`/`default`/`class`) of the repo's own client: the shallowest file,
    a module named for the client (`lib/prisma/index.ts`, `db.ts`) before its variants (`edge.ts`)."""
    for file in sorted(_typescript_files(root, project), key=_client_rank):
        text = read_repo_file(root, file, MAX_REPO_FILE_BYTES)
        if isinstance(text, Refusal) or "PrismaClient" not in text:
            continue
        subclass = _SUBCLASS.search(text)
        # `new Service()` only builds it when its constructor takes nothing (Nest injects the rest).
        if subclass is not None and not re.search(r"constructor\s*\(\s*[^)\s]", subclass["rest"]):
            return file, subclass["name"], "class"
        exported = _EXPORTED.search(text)
        if exported is not None:
            return file, exported["name"] or exported["default"], "const" if exported["name"] else "default"
    return None


def _client_rank(file: str) -> tuple[int, bool, str]:
    return file.count("/"), PurePosixPath(file).stem not in _CLIENT_MODULES, file


def _typescript_files(root: Path, project: PurePosixPath) -> list[str]:
    files: list[str] = []
    base = root / str(project)
    for path in sorted(base.rglob("*.ts")):
        relative = path.relative_to(root).as_posix()
        if len(files) >= _MAX_FILES:
            break
        if _SKIP_DIRS.intersection(PurePosixPath(relative).parts) or relative.endswith((".d.ts", ".test.ts", ".spec.ts")):
            continue
        files.append(relative)
    return files


def _generated_client(root: Path, schema_file: str) -> str | None:
    """The generated client's entry when `generator client { output = ... }` moves it: the
    `client` module for the `prisma-client` generator, the folder's index for `prisma-client-js`."""
    # A multi-file schema keeps its models beside (or below) the file holding the generator.
    here = PurePosixPath(schema_file).parent
    schemas = [s for d in (here, here.parent) for s in sorted((root / str(d)).glob("*.prisma"))]
    for schema in schemas:
        relative = PurePosixPath(schema.relative_to(root).as_posix())
        text = read_repo_file(root, str(relative), MAX_REPO_FILE_BYTES)
        if isinstance(text, Refusal):
            continue
        for generator in _GENERATOR.finditer(text):
            body = generator["body"]
            output = re.search(r"""output\s*=\s*["']([^"']+)["']""", body)
            if output is None:
                continue
            folder = PurePosixPath(_normalize(relative.parent / output.group(1)))
            modern = re.search(r"""provider\s*=\s*["']prisma-client["']""", body) is not None
            return str(folder / "client.ts") if modern else str(folder / "index.ts")
    return None


def _normalize(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)
