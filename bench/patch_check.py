"""Does an applied wire patch still compile in the app's own setup? (for commands_corpus.py)

No dependency of the app is installed, so each check compares the changed files before and
after the patch and counts only NEW findings:
- Python: `compile()` of every changed file, and ruff's undefined names, redefinitions and
  unused imports (F821, F811, F401).
- TypeScript: `tsc --noEmit` on the changed files with the compiler options of the app's own
  tsconfig (its relative `extends` chain followed, paths kept), `@personize/sdk` typed by
  the tests' declaration stub; "cannot find module" for a package that is not installed is
  ignored (nothing is installed), a missing relative or aliased file is not.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

REPO = Path(__file__).resolve().parents[1]
TSC = REPO / "tests" / "typescript" / "node_modules" / ".bin" / "tsc"
SDK_STUB = REPO / "tests" / "typescript" / "personize-sdk.d.ts"
NODE_TYPES = REPO / "tests" / "typescript" / "node_modules" / "@types"
# Options that write output or need a build graph: meaningless for a --noEmit check of a few files.
_DROPPED = {"plugins", "incremental", "composite", "tsBuildInfoFile", "declaration", "declarationMap",
            "emitDeclarationOnly", "outDir", "rootDir", "rootDirs", "noEmit", "types", "typeRoots", "sourceMap"}
_UNKNOWN_BASE: dict[str, object] = {
    "module": "esnext", "moduleResolution": "bundler", "target": "es2022", "jsx": "preserve",
    "esModuleInterop": True, "allowJs": True, "resolveJsonModule": True, "lib": ["es2023", "dom", "dom.iterable"],
}
_TS_ERROR = re.compile(r"^(?P<file>.+?)\((?P<line>\d+),(?P<col>\d+)\): error (?P<code>TS\d+): (?P<message>.*)$")
_MISSING_MODULE = re.compile(r"Cannot find module '(?P<module>[^']+)'|Could not find a declaration file for module '(?P<untyped>[^']+)'")
Finding = tuple[str, str, str]  # (file, code, message), lines dropped: a patch moves them


def changed_files(diff: str) -> list[str]:
    return sorted({line[6:] for line in diff.splitlines() if line.startswith("+++ b/")})


def python_findings(copy: Path, files: list[str]) -> set[Finding]:
    found: set[Finding] = set()
    present = [f for f in files if f.endswith(".py") and (copy / f).is_file()]
    for file in present:
        try:
            compile((copy / file).read_bytes(), file, "exec")
        except SyntaxError as exc:
            found.add((file, "syntax", str(exc.msg)))
    if not present:
        return found
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", "--select",
                           "F821,F811,F401", "--output-format", "json", *present],
                          cwd=copy, capture_output=True, text=True, check=False)
    for item in json.loads(done.stdout or "[]"):
        file = Path(item["filename"]).resolve().relative_to(copy.resolve()).as_posix()
        found.add((file, item["code"], item["message"]))
    return found


def typescript_findings(copy: Path, files: list[str]) -> set[Finding]:
    present = [f for f in files if f.endswith((".ts", ".tsx")) and (copy / f).is_file()]
    if not present:
        return set()
    config = copy / ".bench-tsconfig.json"
    options = _compiler_options(copy, present[0])
    config.write_text(json.dumps({"compilerOptions": options, "files": [*present, str(SDK_STUB)]}), encoding="utf-8")
    done = subprocess.run([str(TSC), "-p", str(config), "--pretty", "false"], cwd=copy,
                          capture_output=True, text=True, check=False)
    config.unlink()
    found: set[Finding] = set()
    for line in done.stdout.splitlines():
        if line.startswith("error TS"):  # the configuration itself: every file is unchecked
            found.add(("tsconfig", line.split(":", 1)[0][6:], line.split(":", 1)[-1].strip()))
        match = _TS_ERROR.match(line)
        if match is None or match["file"] not in present or _not_installed(match["message"]):
            continue
        found.add((match["file"], match["code"], match["message"]))
    return found


def _not_installed(message: str) -> bool:
    """A package (not a relative path or the repo's alias) that no node_modules provides."""
    missing = _MISSING_MODULE.search(message)
    module = (missing["module"] or missing["untyped"]) if missing else None
    return module is not None and not module.startswith((".", "/", "@/", "~/", "src/"))


def _compiler_options(copy: Path, file: str) -> dict[str, object]:
    """The nearest tsconfig's compilerOptions, its relative `extends` merged in, paths kept
    resolvable from the generated config (baseUrl made absolute)."""
    directory = PurePosixPath(file).parent
    for candidate in [directory, *directory.parents]:
        if (copy / str(candidate) / "tsconfig.json").is_file():
            merged = _merged(copy / str(candidate) / "tsconfig.json", copy=copy)
            break
    else:
        merged = {}
    options = {k: v for k, v in merged.items() if k not in _DROPPED}
    options |= {"noEmit": True, "skipLibCheck": True, "typeRoots": [str(NODE_TYPES)], "types": ["node"]}
    return options


def _merged(config: Path, depth: int = 0, copy: Path | None = None) -> dict[str, object]:
    data = _read_json(config)
    options = data.get("compilerOptions")
    own = dict(options) if isinstance(options, dict) else {}
    base = config.parent
    if isinstance(own.get("baseUrl"), str):
        own["baseUrl"] = str((base / str(own["baseUrl"])).resolve())
    elif "paths" in own:
        own["baseUrl"] = str(base.resolve())  # paths resolve from the config that declares them
    parent = data.get("extends")
    target = _extended(base, parent, copy) if isinstance(parent, str) and depth < 5 else None
    if target is not None and target.is_file():
        return _merged(target, depth + 1, copy) | own
    # A published base config (`@tsconfig/next`) is not installed: assume a bundler setup.
    return (_UNKNOWN_BASE | own) if isinstance(parent, str) else own


def _extended(base: Path, parent: str, copy: Path | None) -> Path | None:
    """A relative config, or one in a workspace package of the repo (`@acme/tsconfig/next.json`)."""
    if parent.startswith("."):
        target = (base / parent).resolve()
    elif copy is not None:
        name, _, rest = parent.partition("/") if not parent.startswith("@") else ("/".join(parent.split("/")[:2]), "", "/".join(parent.split("/")[2:]))
        folder = _workspace_packages(copy).get(name)
        if folder is None:
            return None
        target = folder / (rest or "tsconfig.json")
    else:
        return None
    return target if target.suffix == ".json" else target.with_suffix(".json")


_PACKAGES: dict[Path, dict[str, Path]] = {}


def _workspace_packages(copy: Path) -> dict[str, Path]:
    """Package name -> folder, for every package.json of the repo outside node_modules."""
    if copy not in _PACKAGES:
        found: dict[str, Path] = {}
        for manifest in copy.rglob("package.json"):
            if "node_modules" not in manifest.parts:
                name = _read_json(manifest).get("name")
                if isinstance(name, str):
                    found.setdefault(name, manifest.parent)
        _PACKAGES[copy] = found
    return _PACKAGES[copy]


def _read_json(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', lambda m: m.group(1) or "", text, flags=re.S)
    text = re.sub(r",(\s*[}\]])", r"\1", text)
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


# What `prisma generate` would write to a custom `output` (never committed): a loose stand-in
# so code using the repo's client is checked against something, as an installed package would be.
_GENERATED_STUB = """export declare class PrismaClient {
  constructor(options?: unknown);
  [model: string]: any;
  $connect(): Promise<void>;
  $disconnect(): Promise<void>;
}
export declare const Prisma: any;
"""
_OUTPUT = re.compile(r"""generator\s+\w+\s*\{[^}]*?output\s*=\s*["']([^"']+)["']""", re.S)


def _stub_generated_clients(copy: Path) -> list[Path]:
    created = []
    for schema in copy.rglob("*.prisma"):
        if "node_modules" in schema.parts:
            continue
        for output in _OUTPUT.findall(schema.read_text(encoding="utf-8", errors="replace")):
            folder = (schema.parent / output).resolve()
            if folder.exists() or not folder.is_relative_to(copy.resolve()):
                continue
            folder.mkdir(parents=True)
            for name in ("client.ts", "index.ts"):
                (folder / name).write_text(_GENERATED_STUB, encoding="utf-8")
            created.append(folder)
    return created


def findings(copy: Path, files: list[str]) -> set[Finding]:
    stubs = _stub_generated_clients(copy)
    try:
        return python_findings(copy, files) | typescript_findings(copy, files)
    finally:
        for folder in stubs:
            subprocess.run(["rm", "-rf", str(folder)], check=False)


def new_findings(copy: Path, diff: str) -> tuple[bool, set[Finding]]:
    """(applied, findings the patch adds) on the committed `copy`, left clean afterwards."""
    files = changed_files(diff)
    before = findings(copy, files)
    applied = subprocess.run(["git", "-C", str(copy), "apply", "-"], input=diff, text=True,
                             capture_output=True, check=False).returncode == 0
    try:
        after = findings(copy, files) if applied else set()
    finally:
        subprocess.run(["git", "-C", str(copy), "checkout", "-q", "--", "."], check=False, capture_output=True)
        subprocess.run(["git", "-C", str(copy), "clean", "-fdq"], check=False, capture_output=True)
    return applied, after - before
