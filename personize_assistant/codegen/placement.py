"""Where the runtime helper goes in the user's repo, and how a file imports it.

One placement for the three actions that hand over code using the helper: WIRE and
GENERATE find the directory from the files on disk (`place_helpers`); PLAN, which may
describe a repo it only scanned, names the directory from its repo facts (`Placement`).
"""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict

from personize_assistant.codegen.helpers import (
    PY_CLIENT,
    PY_CLIENT_MODULE,
    PY_HELPER,
    PY_HELPER_MODULE,
    TS_HELPER,
    HelperSettings,
    python_client_source,
    python_helper,
    typescript_helper,
)
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.rulefiles import load_yaml

Language = Literal["ts", "py"]

_TS_HOMES = ("src/lib", "lib", "src", "app/lib")
_PROJECT_MARKERS = ("package.json", "tsconfig.json")


class HelperFile(BaseModel):
    """A file the generated code needs beside it (the runtime helper, the client)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    content: str
    summary: str


@dataclass(frozen=True)
class Placement:
    root: Path
    language: Language
    directory: str
    """Repo-relative directory of the helper module(s), `/` separators ('' = repo root)."""
    is_package: bool = False
    import_root: str | None = None
    """Set when the helpers live in a sibling package: import them by absolute dotted path."""

    def _path(self, name: str) -> str:
        return str(PurePosixPath(self.directory) / name) if self.directory else name

    @property
    def helper_path(self) -> str:
        return self._path(TS_HELPER if self.language == "ts" else PY_HELPER)

    def import_from(self, wired_file: str, module: str = PY_HELPER_MODULE) -> str:
        """The module specifier `wired_file` uses for the helper (or, in Python, for
        `module` beside it: the vendored client)."""
        if self.language == "py":
            return self._python_module(wired_file, module)
        alias = _alias_specifier(self.root, wired_file, self.helper_path)
        return alias or relative_specifier(wired_file, self.helper_path)

    def _python_module(self, wired_file: str, module: str) -> str:
        if self.import_root is not None:
            package = PurePosixPath(self.directory).relative_to(self.import_root or ".")
            return ".".join((*package.parts, module))
        if not self.is_package:
            return module
        depth = len(PurePosixPath(wired_file).parent.relative_to(self.directory or ".").parts)
        return "." * (depth + 1) + module

    def helper_source(self, settings: HelperSettings) -> str:
        """The runtime helper's code for this place (Python imports the client beside it)."""
        if self.language == "ts":
            return typescript_helper(settings)
        relative = self.is_package or self.import_root is not None
        client = f"from {'.' if relative else ''}{PY_CLIENT_MODULE} import Personize, PersonizeError"
        return python_helper(settings, client)

    def new_files(self, settings: HelperSettings) -> tuple[list[HelperFile], list[str]]:
        """Helper files to create; existing copies are left alone (they are the user's now)."""
        wanted = [HelperFile(path=self.helper_path, content=self.helper_source(settings),
                             summary="Personize wiring helpers")]
        if self.language == "py":
            wanted.append(HelperFile(path=self._path(PY_CLIENT), content=python_client_source(),
                                     summary="standalone Personize REST client"))
        files, notes = [], []
        for file in wanted:
            if (self.root / file.path).exists():
                notes.append(f"Kept the existing {file.path}.")
                continue
            files.append(file)
        return files, notes


def relative_specifier(from_file: str, target: str) -> str:
    """The relative TypeScript import of `target` from `from_file` (repo-relative paths)."""
    stem = re.sub(r"\.tsx?$", "", target)
    relative = os.path.relpath(stem, str(PurePosixPath(from_file).parent)).replace(os.sep, "/")
    return relative if relative.startswith(".") else f"./{relative}"


def place_helpers(root: Path, wired_file: str, language: Language) -> Placement:
    directory = PurePosixPath(wired_file).parent
    if language == "py":
        package = (root / str(directory) / "__init__.py").is_file()
        home = _package_root(root, directory) if package else directory
        shared = _sibling_helpers(root, home) if package else None
        if shared is not None:
            return Placement(root, language, _posix(shared), is_package=True, import_root=_posix(home.parent))
        return Placement(root, language, _posix(home), is_package=package)
    project = _project_root(root, directory)
    for relative in _TS_HOMES:
        candidate = project / relative
        if (root / str(candidate)).is_dir():
            return Placement(root, language, _posix(candidate))
    return Placement(root, language, _posix(directory))


def _package_root(root: Path, directory: PurePosixPath) -> PurePosixPath:
    """The top of the package tree `directory` belongs to (one helper copy per package)."""
    top = directory
    for parent in directory.parents:
        if str(parent) == "." or not (root / str(parent) / "__init__.py").is_file():
            break
        top = parent
    return top


def _sibling_helpers(root: Path, home: PurePosixPath) -> PurePosixPath | None:
    """A sibling top-level package that already holds the helpers (Django apps, say).

    `billing/` and `invoices/` import each other as top-level packages, so a second app
    imports `billing.personize_wiring` rather than getting its own copy of the helpers.
    """
    if (root / str(home) / PY_HELPER).is_file():
        return None
    parent = root / str(home.parent)
    for candidate in sorted(parent.iterdir() if parent.is_dir() else []):
        if all((candidate / name).is_file() for name in ("__init__.py", PY_HELPER, PY_CLIENT)):
            return home.parent / candidate.name
    return None


def _project_root(root: Path, directory: PurePosixPath) -> PurePosixPath:
    """The nearest directory (up to the repo root) with a package.json or tsconfig.json."""
    for candidate in [directory, *directory.parents]:
        if any((root / str(candidate) / marker).is_file() for marker in _PROJECT_MARKERS):
            return candidate
    return PurePosixPath(".")


def import_aliases(root: Path, importing_file: str) -> list[tuple[str, PurePosixPath]]:
    """The tsconfig `paths` aliases that apply to `importing_file` (its nearest project's),
    as (`@/`, repo-relative target folder)."""
    return _tsconfig_aliases(root, _project_root(root, PurePosixPath(importing_file).parent))


def _alias_specifier(root: Path, wired_file: str, helper_path: str) -> str | None:
    """`@/lib/personize-wiring` when the file already imports through that tsconfig alias.

    A file written as `import { db } from '@/lib/db'` should not gain a
    `../../../../src/lib/...` import next to it.
    """
    source = read_repo_file(root, wired_file, MAX_REPO_FILE_BYTES)
    if isinstance(source, Refusal):
        return None
    helper = PurePosixPath(helper_path).with_suffix("")
    for prefix, target in import_aliases(root, wired_file):
        if not re.search(rf"""from\s+['"]{re.escape(prefix)}""", source):
            continue
        try:
            rest = helper.relative_to(target)
        except ValueError:
            continue
        return prefix + str(rest)
    return None


def _tsconfig_aliases(root: Path, project: PurePosixPath) -> list[tuple[str, PurePosixPath]]:
    """`paths` wildcard aliases of the project's tsconfig as (`@/`, repo-relative `src`)."""
    config = _read_tsconfig(root, str(project / "tsconfig.json"))
    options = config.get("compilerOptions")
    if not isinstance(options, dict) or not isinstance(options.get("paths"), dict):
        return []
    base = project / str(options.get("baseUrl") or ".")
    aliases = []
    for pattern, targets in options["paths"].items():
        if not (isinstance(pattern, str) and pattern.endswith("/*") and isinstance(targets, list)):
            continue
        first = targets[0] if targets else None
        if isinstance(first, str) and (first == "*" or first.endswith("/*")):
            target = PurePosixPath(os.path.normpath(str(base / (first[:-2] or ".")))).as_posix()
            aliases.append((pattern[:-1], PurePosixPath("" if target == "." else target)))
    return aliases


def _read_tsconfig(root: Path, relative: str) -> dict[str, object]:
    """tsconfig.json allows comments and trailing commas; strip them before parsing."""
    text = read_repo_file(root, relative, MAX_REPO_FILE_BYTES)
    if isinstance(text, Refusal):
        return {}
    text = re.sub(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', lambda m: m.group(1) or "", text, flags=re.S)
    text = re.sub(r",(\s*[}\]])", r"\1", text)
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _posix(path: PurePosixPath) -> str:
    text = str(path)
    return "" if text == "." else text


# --- package managers and workspaces -------------------------------------------------


class _Manager(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    add: str
    dev: str
    in_package: str
    root_flag: str


class _PackageManagers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    javascript: dict[str, _Manager]
    ci_install: dict[str, str]


@functools.cache
def _rules() -> _PackageManagers:
    text = (Path(__file__).parent / "package_managers.yaml").read_text(encoding="utf-8")
    return _PackageManagers.model_validate(load_yaml(text))


def _managers() -> dict[str, _Manager]:
    return _rules().javascript


def ci_install(managers: list[str], language: Literal["ts", "py"]) -> str:
    """How a fresh CI runner installs this repo's dependencies from its lockfile."""
    if language == "ts":
        return _rules().ci_install[js_manager(managers)]
    python = next((m for m in managers if m in _rules().ci_install and m not in _managers()), "pip")
    return _rules().ci_install[python]


def js_manager(managers: list[str]) -> str:
    """The JavaScript package manager among those the lockfiles name (npm when none is)."""
    return next((m for m in managers if m in _managers()), "npm")


def add_command(manager: str, spec: str, *, dev: bool = False, workspace: bool = False,
                package_dir: str | None = None, package_name: str | None = None) -> str:
    """The command that adds `spec`: inside one workspace package when `package_dir` is
    given (by name when its package.json has one), else at the root. `manager` is the one
    the lockfile names; an unknown or Python manager falls back to npm."""
    rules = _managers().get(manager, _managers()["npm"])
    if package_dir:
        if package_name:
            return rules.in_package.format(name=package_name, dir=package_dir, spec=spec)
        return f"(cd {package_dir} && {rules.add.format(spec=spec)})"
    command = (rules.dev if dev else rules.add).format(spec=spec)
    return command + rules.root_flag if workspace else command


def is_workspace_root(root: Path) -> bool:
    """A JS monorepo root: pnpm-workspace.yaml, or `workspaces` in package.json."""
    if (root / "pnpm-workspace.yaml").is_file():
        return True
    manifest = _package_json(root, PurePosixPath("."))
    return bool(manifest.get("workspaces"))


def package_name(root: Path, directory: str) -> str | None:
    """The `name` in `directory/package.json`, or None."""
    name = _package_json(root, PurePosixPath(directory)).get("name")
    return name if isinstance(name, str) and name else None


def _package_json(root: Path, directory: PurePosixPath) -> dict[str, object]:
    text = read_repo_file(root, str(directory / "package.json"), MAX_REPO_FILE_BYTES)
    if isinstance(text, Refusal):
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def add_command_for(root: Path, file: str, manager: str, spec: str) -> str:
    """How to add `spec` for the code in `file`: in the package that owns it when the repo
    is a workspace (its nearest package.json below the root), else at the root."""
    if not is_workspace_root(root):
        return add_command(manager, spec)
    directory = PurePosixPath(file).parent
    owner = next((d for d in [directory, *directory.parents] if (root / str(d) / "package.json").is_file()),
                 PurePosixPath("."))
    if str(owner) == ".":
        return add_command(manager, spec, workspace=True)
    return add_command(manager, spec, package_dir=str(owner), package_name=package_name(root, str(owner)))


# Next.js route segment config: `export const runtime = 'edge'` runs the file without Node.
_EDGE_RUNTIME = re.compile(r"""^\s*export\s+const\s+runtime\s*=\s*["']edge["']""", re.M)


def runs_on_edge(root: Path, file: str) -> bool:
    """True when `file` declares the Edge runtime: Node-only code (the Personize client,
    the helper) cannot run there."""
    if not file.endswith((".ts", ".tsx", ".js", ".jsx", ".mjs")):
        return False
    text = read_repo_file(root, file, MAX_REPO_FILE_BYTES)
    return not isinstance(text, Refusal) and _EDGE_RUNTIME.search(text) is not None
