"""Do the ready wire patches compile in the app's own setup?

    python bench/wire_compiles.py TREE [TREE ...] [--wire N] [--json]

For each tree: every touchpoint `wire --list` calls ready is wired (`wire --touchpoint ID`),
the diff is applied to a committed copy of the tree, and the files it touches are checked
before and after, so only what the patch introduced counts:

- Python: the file must still compile (`compile()`, the grammar of this interpreter; a file
  that did not compile before is not judged), and `ruff` must find no new undefined name,
  redefinition or unused import (F821, F811, F401).
- TypeScript/JavaScript: `tsc --noEmit` with the app's nearest `tsconfig.json` (extended, so
  its paths, aliases, jsx and strictness apply) on the touched files and what they import.
  The apps' dependencies are not installed, so a bare package import that cannot be
  resolved is counted apart ("unresolved packages"), never as a failure; `@personize/sdk`
  gets a declaration stub. Every other new diagnostic is a failure.

Not a test (it needs the downloaded apps and the TypeScript toolchain of
tests/typescript/node_modules); run it by hand on real apps.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent))

from commands_corpus import _ready_wires, committed_copy, run_capturing  # noqa: E402

TSC = HERE.parent.parent / "tests" / "typescript" / "node_modules" / ".bin" / "tsc"
TS_SUFFIXES = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")
RUFF_RULES = "F821,F811,F401"
_TSC_LINE = re.compile(r"^(?P<file>.+?)\(\d+,\d+\): error (?P<code>TS\d+): (?P<message>.*)$")
_MISSING_MODULE = re.compile(r"Cannot find module '(?P<name>[^']+)'|Cannot find name '(?P<global>process|require|Buffer)'")
_CONFIG_PROBLEM = ("TS5083", "TS6053", "TS5058", "TS18003", "TS6046", "TS5023", "TS5024", "TS5025")
TS_SUPPORT = HERE.parent.parent / "tests" / "typescript"
SDK_TYPES = TS_SUPPORT / "personize-sdk.d.ts"  # the documented SDK surface, tight types
NODE_TYPES = TS_SUPPORT / "node_modules" / "@types"


@dataclass
class Check:
    tree: str
    touchpoint: str
    files: list[str] = field(default_factory=list)
    new_problems: list[str] = field(default_factory=list)
    unresolved_packages: list[str] = field(default_factory=list)
    skipped: str | None = None

    @property
    def failed(self) -> bool:
        return bool(self.new_problems)


def _git(copy: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(copy), *args], input=stdin, text=True, capture_output=True,
                          check=False)


def _reset(copy: Path) -> None:
    _git(copy, "checkout", "-q", "--", ".")
    _git(copy, "clean", "-fdq")


def _changed(copy: Path) -> tuple[list[str], set[str]]:
    """(changed files, of which new) after `git apply`."""
    status = _git(copy, "status", "--porcelain", "--untracked-files=all").stdout.splitlines()
    files = [line[3:] for line in status if line[3:]]
    return files, {line[3:] for line in status if line.startswith("??")}


# --- Python -----------------------------------------------------------------------------------


def _compiles(path: Path) -> bool:
    try:
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    except (SyntaxError, ValueError, UnicodeDecodeError):
        return False
    return True


def _ruff(copy: Path, files: list[str]) -> set[str]:
    if not files:
        return set()
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated",
                           "--select", RUFF_RULES, "--output-format", "json", *files],
                          cwd=copy, text=True, capture_output=True, check=False)
    try:
        found = json.loads(done.stdout or "[]")
    except ValueError:
        return {f"ruff did not run: {done.stderr.strip()[:200]}"}
    return {f"{Path(f['filename']).relative_to(copy)}: {f['code']} {f['message']}" for f in found}


# --- TypeScript -------------------------------------------------------------------------------


def _nearest_tsconfig(copy: Path, file: str) -> Path | None:
    folder = (copy / file).parent
    while folder != copy.parent:
        if (folder / "tsconfig.json").is_file():
            return folder / "tsconfig.json"
        folder = folder.parent
    return None


def _jsonc(text: str) -> dict[str, object]:
    """tsconfig is JSON with comments and trailing commas."""
    text = re.sub(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', lambda m: m.group(1) or "", text, flags=re.S)
    text = re.sub(r",(\s*[}\]])", r"\1", text)
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _tsc(copy: Path, config: Path, files: list[str], own_options: bool) -> tuple[set[str], set[str], bool]:
    """(diagnostics, unresolved bare packages, config readable) for `files` under `config`."""
    stub = copy / ".personize-bench-sdk.d.ts"
    stub.write_text(SDK_TYPES.read_text(encoding="utf-8"), encoding="utf-8")
    # Node's own types are the one dependency every server file has; the app's are not installed.
    options: dict[str, object] = {"noEmit": True, "skipLibCheck": True, "incremental": False,
                                  "composite": False, "declaration": False,
                                  "typeRoots": [str(NODE_TYPES)], "types": ["node"]}
    body: dict[str, object] = {"files": [str(copy / f) for f in files] + [str(stub)], "include": []}
    if own_options:  # the app's config extends a package that is not installed: its own options only
        app = _jsonc(config.read_text(encoding="utf-8")).get("compilerOptions")
        merged = dict(app) if isinstance(app, dict) else {}
        merged.pop("plugins", None)
        merged.setdefault("baseUrl", ".")
        for key in ("baseUrl",):
            merged[key] = str((config.parent / str(merged[key])).resolve())
        body["compilerOptions"] = {**merged, **options}
    else:
        body["extends"] = str(config)
        body["compilerOptions"] = options
    temp = config.parent / ".personize-bench-tsconfig.json"
    temp.write_text(json.dumps(body), encoding="utf-8")
    try:
        done = subprocess.run([str(TSC), "-p", str(temp), "--pretty", "false"], cwd=copy, text=True,
                              capture_output=True, timeout=600, check=False)
    finally:
        temp.unlink(missing_ok=True)
        stub.unlink(missing_ok=True)
    problems: set[str] = set()
    unresolved: set[str] = set()
    readable = True
    for line in done.stdout.splitlines():
        if any(code in line for code in _CONFIG_PROBLEM):
            readable = False
        hit = _TSC_LINE.match(line)
        if not hit:
            continue
        missing = _MISSING_MODULE.search(hit["message"])
        name = (missing["name"] or missing["global"]) if missing else None
        if name is not None and not name.startswith((".", "/")):
            unresolved.add(name)  # a dependency that is not installed, or a path alias of one
            continue
        where = (copy / hit["file"]).resolve()
        shown = where.relative_to(copy.resolve()) if where.is_relative_to(copy.resolve()) else where
        problems.add(f"{shown}: {hit['code']} {hit['message']}")
    return problems, unresolved, readable


def _ts_problems(copy: Path, files: list[str]) -> tuple[set[str], set[str]]:
    by_config: dict[Path, list[str]] = {}
    for file in files:
        config = _nearest_tsconfig(copy, file)
        if config is not None:
            by_config.setdefault(config, []).append(file)
    problems: set[str] = set()
    unresolved: set[str] = set()
    for config, group in by_config.items():
        found, missing, readable = _tsc(copy, config, group, own_options=False)
        if not readable:
            found, missing, _ = _tsc(copy, config, group, own_options=True)
        problems |= found
        unresolved |= missing
    return problems, unresolved


# --- one wire -----------------------------------------------------------------------------------


def check_wire(tree: Path, touchpoint: str, copy: Path, timeout: float) -> Check:
    check = Check(str(tree), touchpoint)
    outcome, diff = run_capturing(tree, ["wire", str(tree), "--touchpoint", touchpoint], timeout)
    if outcome.failed or outcome.exit_code != 0 or not diff.strip():
        check.skipped = f"wire exited {outcome.exit_code}"
        return check
    _reset(copy)
    base_ts = base_py = set()
    applied = _git(copy, "apply", "-", stdin=diff)
    if applied.returncode != 0:
        check.new_problems.append(f"diff does not apply: {applied.stderr.strip()[:200]}")
        return check
    files, new = _changed(copy)
    check.files = files
    py = [f for f in files if f.endswith(".py")]
    ts = [f for f in files if f.endswith(TS_SUFFIXES)]
    after_compiles = {f: _compiles(copy / f) for f in py}
    after_py = _ruff(copy, py)
    after_ts, unresolved_after = _ts_problems(copy, ts) if ts else (set(), set())
    _reset(copy)
    existing = [f for f in files if f not in new]
    before_compiles = {f: _compiles(copy / f) for f in py if f not in new}
    base_py = _ruff(copy, [f for f in py if f in existing])
    if ts:
        base_ts, _ = _ts_problems(copy, [f for f in ts if f in existing])
    for f, ok in after_compiles.items():
        if not ok and before_compiles.get(f, True):
            check.new_problems.append(f"{f}: no longer compiles")
    check.new_problems += sorted(after_py - base_py)
    check.new_problems += sorted(after_ts - base_ts)
    check.unresolved_packages = sorted(unresolved_after)
    return check


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--wire", type=int, default=None, help="check at most this many ready wires per tree")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--timeout", type=float, default=600.0)
    options = parser.parse_args()
    if not TSC.exists():
        print(f"error: {TSC} is missing (npm ci in tests/typescript)", file=sys.stderr)
        return 2
    checks: list[Check] = []
    with tempfile.TemporaryDirectory(prefix="wire-compiles-") as out:
        for tree in (t.resolve() for t in options.trees):
            ready = _ready_wires(tree, options.wire, options.timeout)
            if not ready:
                continue
            copy = committed_copy(tree, Path(out))
            for touchpoint in ready:
                checks.append(check_wire(tree, touchpoint, copy, options.timeout))
                if not options.json:
                    c = checks[-1]
                    state = "skip" if c.skipped else "FAIL" if c.failed else "ok  "
                    print(f"{state} {c.tree} {c.touchpoint} {', '.join(c.files)}"
                          f"{'  unresolved: ' + ', '.join(c.unresolved_packages) if c.unresolved_packages else ''}",
                          flush=True)
                    for problem in c.new_problems:
                        print(f"       {problem}", flush=True)
    if options.json:
        print(json.dumps([asdict(c) for c in checks], indent=2))
    failed = [c for c in checks if c.failed]
    judged = [c for c in checks if not c.skipped]
    print(f"{len(judged)} ready wires checked, {len(failed)} introduce a compile or type problem",
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
