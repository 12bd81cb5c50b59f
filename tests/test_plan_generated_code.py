"""The files a plan tells the developer to create are real code.

TypeScript type-checks strictly against the documented `@personize/sdk` surface (one
tsc run for every variant); Python compiles and passes the lint users' copies must pass.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.plan.action import build_plan
from personize_assistant.actions.plan.artifact import PlanArtifact
from personize_assistant.scan.models import Kind, RepoScan
from tests.planning_support import django_scan, planning_library, prisma_scan, sqlalchemy_scan
from tests.typescript import typecheck as tc

pytestmark = pytest.mark.toolchain  # tsc and ruff check the generated code

# Only what the generated files touch: Prisma model delegates and Next's route response.
STUBS = """
declare module '@prisma/client' {
  export class PrismaClient {
    [model: string]: any;
    $disconnect(): Promise<void>;
  }
}
declare module 'next/server' {
  export class NextResponse extends Response {
    static json(body: unknown): NextResponse;
  }
}
"""


def plan_of(scan: RepoScan) -> PlanArtifact:
    library = planning_library()
    return build_plan(scan, prefill_from_scan(scan, library), library)


def created_files(plan: PlanArtifact, language: str) -> dict[str, str]:
    """Whole files the plan creates (snippets for existing files are excluded)."""
    created = set(plan.files_to_create)
    return {block.path: block.code for section in plan.sections for step in section.steps
            for block in step.code if block.language == language and block.path in created}


def write_tree(root: Path, files: dict[str, str]) -> list[Path]:
    paths = []
    for relative, code in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(code, encoding="utf-8")
        paths.append(path)
    return paths


def example_scan(name: str) -> RepoScan | None:
    """The example app's real scan, when the scanner and the example are present."""
    from personize_assistant import scan as scan_module

    path = Path(__file__).resolve().parents[1] / "examples" / name
    if not hasattr(scan_module, "scan_repo") or not path.is_dir():
        return None
    return scan_module.scan_repo(path, use_cache=False)  # type: ignore[no-any-return]


def vercel_scan() -> RepoScan:
    scan = prisma_scan("/work/repos/surveyly-ts")
    scan.touchpoints = [t for t in scan.touchpoints if t.kind != Kind.SCHEDULED_JOB]
    return scan


@pytest.fixture(scope="session")
def ts_variants(tmp_path_factory: pytest.TempPathFactory) -> tuple[tc.TscResult, dict[str, list[Path]]]:
    if not tc.tsc_available():
        pytest.skip(tc.INSTALL_HINT)
    root = tmp_path_factory.mktemp("plan-ts")
    (root / "stubs.d.ts").write_text(STUBS, encoding="utf-8")
    scans = {"existing-job": prisma_scan(), "vercel": vercel_scan(), "pulseboard": example_scan("pulseboard-ts")}
    variants = {name: write_tree(root / name, created_files(plan_of(scan), "ts"))
                for name, scan in scans.items() if scan is not None}
    files = [root / "stubs.d.ts", *(p for paths in variants.values() for p in paths)]
    return tc.typecheck(files, root), variants


@pytest.mark.parametrize("variant", ["existing-job", "vercel", "pulseboard"])
def test_typescript_files_type_check(ts_variants: tuple[tc.TscResult, dict[str, list[Path]]], variant: str) -> None:
    result, variants = ts_variants
    if variant not in variants:
        pytest.skip("the example app or the scanner is not available")
    paths = variants[variant]
    names = {p.name for p in paths}
    assert {"personize-check.ts", "personize-sync.ts", "personize-wiring.ts", "personize-loop.ts"} <= names
    assert names & {"personize.ts", "personize-client.ts"}
    if variant == "vercel":
        assert "route.ts" in names
    errors = [e for p in paths for e in result.errors_in(p)]
    assert errors == [], "\n".join(errors) or result.output


@pytest.mark.parametrize("which", ["django", "sqlalchemy", "tallybook"])
def test_python_files_compile_and_pass_lint(tmp_path: Path, which: str) -> None:
    found = {"django": django_scan, "sqlalchemy": sqlalchemy_scan}.get(which, lambda: example_scan("tallybook-py"))()
    if found is None:
        pytest.skip("the example app or the scanner is not available")
    scan = found
    files = created_files(plan_of(scan), "py")
    package = "ledgerly" if which == "sqlalchemy" else "tallybook"
    assert {f"{package}/personize_sync.py", f"{package}/personize_wiring.py",
            f"{package}/personize_loop.py", "scripts/personize_check.py"} <= set(files)
    # The user's own modules exist next to the new files, so isort sees them as first-party.
    write_tree(tmp_path, {t.file: "" for t in scan.touchpoints})
    write_tree(tmp_path, {f"{package}/personize_client.py": ""})  # vendored by the install step
    paths = write_tree(tmp_path, files)
    assert tc.python_compile_errors(paths) == []
    ruff = Path(sys.executable).with_name("ruff")
    lint = subprocess.run([str(ruff), *tc.RUFF_ARGS, *map(str, paths)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120, check=False)
    assert lint.returncode == 0, lint.stdout + lint.stderr
