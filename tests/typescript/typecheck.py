"""Type-check TypeScript and lint Python snippets the way the test suite does.

One `tsc` process checks a whole set of files (starting tsc costs ~1-2 s, so tests never run
it per file) against the ambient declarations in this folder: `personize-sdk.d.ts` (the
documented `@personize/sdk` surface) and `providers.d.ts` (the delivery providers' npm
packages). Errors are grouped by file so one run can hold files that must compile and
files that must not.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TSC = HERE / "node_modules" / ".bin" / "tsc"
BASE_CONFIG = HERE / "tsconfig.base.json"
DECLARATIONS = (HERE / "personize-sdk.d.ts", HERE / "providers.d.ts")
INSTALL_HINT = "TypeScript is missing: run `npm ci --prefix tests/typescript` (needs Node 18+)"
RUFF_ARGS = (
    "check",
    "--no-cache",
    "--isolated",
    "--select",
    "E,F,W,I,B,UP",
    "--target-version",
    "py311",
    "--line-length",
    "100",
)

# tsc --pretty false prints `path(line,col): error TSnnnn: message`.
_TSC_ERROR = re.compile(r"^(?P<file>.+?)\((?P<line>\d+),(?P<col>\d+)\): error (?P<code>TS\d+): ")


@dataclass
class TscResult:
    returncode: int
    output: str
    errors: dict[Path, list[str]] = field(default_factory=dict)

    def errors_in(self, path: Path) -> list[str]:
        return self.errors.get(path.resolve(), [])


def tsc_available() -> bool:
    return TSC.exists()


def typecheck(files: Iterable[Path], workdir: Path) -> TscResult:
    """Run one strict `tsc --noEmit` over `files` plus the declarations; never raises on errors."""
    if not tsc_available():
        raise FileNotFoundError(INSTALL_HINT)
    config = {
        "extends": str(BASE_CONFIG),
        # Checking @types/node costs most of tsc's time; `check_declarations` covers ours.
        "compilerOptions": {"skipLibCheck": True},
        "files": [str(p.resolve()) for p in (*DECLARATIONS, *files)],
    }
    config_path = workdir / "tsconfig.json"
    config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")
    proc = subprocess.run(
        [str(TSC), "-p", str(config_path), "--pretty", "false"],
        capture_output=True,
        text=True,
        cwd=workdir,
        timeout=300,
        check=False,
    )
    output = proc.stdout + proc.stderr
    return TscResult(proc.returncode, output, _group_errors(output, workdir))


def check_declarations(workdir: Path) -> TscResult:
    """The declaration files on their own, fully checked (no Node types needed)."""
    if not tsc_available():
        raise FileNotFoundError(INSTALL_HINT)
    config = {
        "extends": str(BASE_CONFIG),
        "compilerOptions": {"types": [], "skipLibCheck": False},
        "files": [str(p) for p in DECLARATIONS],
    }
    config_path = workdir / "tsconfig.declarations.json"
    config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")
    proc = subprocess.run(
        [str(TSC), "-p", str(config_path), "--pretty", "false"],
        capture_output=True,
        text=True,
        cwd=workdir,
        timeout=300,
        check=False,
    )
    output = proc.stdout + proc.stderr
    return TscResult(proc.returncode, output, _group_errors(output, workdir))


def _group_errors(output: str, workdir: Path) -> dict[Path, list[str]]:
    grouped: dict[Path, list[str]] = {}
    for line in output.splitlines():
        match = _TSC_ERROR.match(line)
        if match:
            path = (workdir / match["file"]).resolve()
            grouped.setdefault(path, []).append(line)
    return grouped


def ruff_check(files: Sequence[Path]) -> subprocess.CompletedProcess[str]:
    """The lint users' copies must pass: pyflakes, pycodestyle, isort, bugbear, pyupgrade."""
    ruff = Path(sys.executable).with_name("ruff")
    command = [str(ruff)] if ruff.exists() else [sys.executable, "-m", "ruff"]
    return subprocess.run(
        [*command, *RUFF_ARGS, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def python_compile_errors(files: Iterable[Path]) -> list[str]:
    """Syntax errors, via compile() so no __pycache__ lands next to the sources."""
    errors = []
    for path in files:
        try:
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        except SyntaxError as error:
            errors.append(f"{path}:{error.lineno}: {error.msg}")
    return errors


_FENCE = re.compile(r"^```(?P<lang>[A-Za-z0-9_+-]*)[^\n]*\n(?P<code>.*?)^```", re.M | re.S)
TS_FENCES = {"ts", "typescript", "tsx"}
PY_FENCES = {"py", "python"}


def fenced_blocks(markdown: str, languages: set[str]) -> list[str]:
    return [m["code"] for m in _FENCE.finditer(markdown) if m["lang"].lower() in languages]


def write_fenced(
    sources: Iterable[Path], languages: set[str], suffix: str, out: Path
) -> list[Path]:
    """Each fenced block of the given languages becomes its own module file under `out`."""
    written = []
    for source in sources:
        blocks = fenced_blocks(source.read_text(encoding="utf-8"), languages)
        for index, code in enumerate(blocks):
            stem = f"{source.parent.name}_{source.stem}_{index}".replace("-", "_")
            target = out / f"{stem}{suffix}"
            # `export {}` makes each TS block a module, so blocks do not share a global scope.
            target.write_text(
                code + ("\nexport {};\n" if suffix == ".ts" else ""), encoding="utf-8"
            )
            written.append(target)
    return written


SDK_SHIM = HERE / "sdk-shim"
"""NODE_PATH entry holding a test-only `@personize/sdk` stand-in (plain HTTP calls)."""


def compile_to_js(files: Sequence[Path], root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Emit CommonJS for `files` (all under `root`) into `out`, mirroring their layout."""
    if not tsc_available():
        raise FileNotFoundError(INSTALL_HINT)
    config = {
        "extends": str(BASE_CONFIG),
        # The declarations are already checked by `typecheck`; skipping .d.ts here halves the time.
        "compilerOptions": {
            "noEmit": False,
            "outDir": str(out),
            "rootDir": str(root),
            "skipLibCheck": True,
        },
        "files": [str(p.resolve()) for p in (*DECLARATIONS, *files)],
    }
    config_path = out.parent / f"{out.name}.tsconfig.json"
    config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")
    return subprocess.run(
        [str(TSC), "-p", str(config_path), "--pretty", "false"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
