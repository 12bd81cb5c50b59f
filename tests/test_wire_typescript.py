"""Generated TypeScript type-checks with `tsc --noEmit --strict`, in one batch.

Every TypeScript case (the fixture apps for Express, Next.js, Fastify and plain Node, and
the pulseboard example) is wired into its own copy, the patch applied, and one tsc
process checks them all against the `@personize/sdk` declaration. Fixture apps must come
out with zero errors; the example app only imports declared as `any`, so there the patched
files may show no error the unpatched files did not already show.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from personize_assistant.actions.wire.library import WireRules
from personize_assistant.actions.wire.write import plan_writes
from tests.test_wire_cases import (
    EXAMPLE_TS_CASES,
    MODEL_TS_CASES,
    REPO,
    TS_CASES,
    Case,
    ModelCase,
    materialize,
    wire_case,
    wire_model,
)
from tests.test_wire_cases import rules as rules  # the session fixture

pytestmark = pytest.mark.toolchain  # tsc checks the wired code

TYPESCRIPT = REPO / "tests" / "typescript"
TSC = TYPESCRIPT / "node_modules" / ".bin" / "tsc"
AMBIENT = TYPESCRIPT / "wire" / "ambient.d.ts"
BASE_CONFIG = TYPESCRIPT / "wire" / "tsconfig.json"
SDK = TYPESCRIPT / "personize-sdk.d.ts"
ERROR = re.compile(r"^(?P<file>.+?)\((?P<line>\d+),(?P<col>\d+)\): error (?P<code>TS\d+): (?P<message>.*)$")


FIXTURE_APPS = ("express", "fastify", "nextjs", "node")
ALL_CASES: list[Case | ModelCase] = [*TS_CASES, *EXAMPLE_TS_CASES, *MODEL_TS_CASES]


@dataclass
class Wired:
    case: Case | ModelCase
    root: Path
    edited: list[Path] = field(default_factory=list)
    created: list[Path] = field(default_factory=list)
    baseline_root: Path | None = None


@dataclass
class Batch:
    wired: list[Wired]
    errors: dict[Path, set[tuple[str, str]]]
    broken: Path
    """A file with a known type error, compiled in the same batch (proves errors are seen)."""

    def errors_in(self, path: Path) -> set[tuple[str, str]]:
        return self.errors.get(path.resolve(), set())


def _compile(base: Path, files: list[Path]) -> dict[Path, set[tuple[str, str]]]:
    # The checked-in config holds the compiler options; tsc does not merge `files`.
    config = {"extends": str(BASE_CONFIG), "files": [str(f) for f in files] + [str(AMBIENT), str(SDK)]}
    (base / "tsconfig.json").write_text(json.dumps(config, indent=2))
    done = subprocess.run(
        [str(TSC), "-p", str(base), "--pretty", "false"],
        capture_output=True,
        text=True,
        check=False,
        cwd=base,
    )
    errors: dict[Path, set[tuple[str, str]]] = {}
    for line in done.stdout.splitlines():
        match = ERROR.match(line)
        if match:
            path = (base / match["file"]).resolve()
            errors.setdefault(path, set()).add((match["code"], match["message"]))
    assert done.returncode in (0, 2), done.stdout + done.stderr
    return errors


@pytest.fixture(scope="session")
def batch(tmp_path_factory: pytest.TempPathFactory, rules: WireRules) -> Batch:
    if not TSC.exists():
        pytest.skip("TypeScript is not installed in tests/typescript (npm ci there)")
    base = tmp_path_factory.mktemp("wire-ts")
    wired: list[Wired] = []
    baselines: dict[str, Path] = {}
    for index, case in enumerate(ALL_CASES):
        root = materialize(case.app, base / f"case{index}")
        artifact = wire_model(case, root, rules) if isinstance(case, ModelCase) else wire_case(case, root, rules)
        item = Wired(case, root)
        for path, text in plan_writes(root, artifact).items():
            (item.edited if path.exists() else item.created).append(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if case.app not in FIXTURE_APPS:
            baselines.setdefault(case.app, materialize(case.app, base / f"baseline-{case.app}"))
            item.baseline_root = baselines[case.app]
        wired.append(item)
    broken = base / "broken.ts"
    broken.write_text("import { Personize } from '@personize/sdk';\nnew Personize({ secretKey: 1 });\n")
    files = [broken] + [p for w in wired for p in w.edited + w.created]
    files += [w.baseline_root / p.relative_to(w.root) for w in wired if w.baseline_root for p in w.edited]
    files += [p for w in wired if w.case.app in FIXTURE_APPS for p in w.root.rglob("*.ts")]
    return Batch(wired, _compile(base, sorted(set(files))), broken)


@pytest.mark.parametrize("index", range(len(ALL_CASES)), ids=[c.name for c in ALL_CASES])
def test_wired_typescript_type_checks(batch: Batch, index: int) -> None:
    item = batch.wired[index]
    assert item.edited or item.created, "the wiring changes something"
    for created in item.created:
        assert batch.errors_in(created) == set(), created.name
    for edited in item.edited:
        found = batch.errors_in(edited)
        if item.baseline_root is None:
            assert found == set(), edited.name
        else:
            before = batch.errors_in(item.baseline_root / edited.relative_to(item.root))
            assert found - before == set(), edited.name


def test_the_batch_sees_a_real_type_error(batch: Batch) -> None:
    assert {code for code, _ in batch.errors_in(batch.broken)} == {"TS2322"}
