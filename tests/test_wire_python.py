"""Generated Python compiles and passes `ruff check --select E,F,W,I,B,UP`.

Every Python case (the fixture apps for FastAPI, Django, Flask and plain Python, and the
tallybook example) is wired into its own copy and the patch applied. The new helper module
must be lint-clean at ruff's default width; the copied client module must compile and
pass the same rules apart from its own line width; an edited user file may show no lint
rule it did not already break.
"""

from __future__ import annotations

import py_compile
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from personize_assistant.actions.wire_library import WireRules
from personize_assistant.actions.wire_write import plan_writes
from tests.test_wire_cases import (
    EXAMPLE_PY_CASES,
    MODEL_PY_CASES,
    PY_CASES,
    Case,
    ModelCase,
    materialize,
    wire_case,
    wire_model,
)
from tests.test_wire_cases import rules as rules  # the session fixture

RULES = "E,F,W,I,B,UP"
RUFF = [sys.executable, "-m", "ruff"]
ALL_CASES: list[Case | ModelCase] = [*PY_CASES, *EXAMPLE_PY_CASES, *MODEL_PY_CASES]


@dataclass
class Wired:
    case: Case | ModelCase
    root: Path
    baseline: Path
    edited: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)


def ruff(root: Path, files: list[str], *extra: str) -> set[tuple[str, str]]:
    """(file, rule) pairs ruff reports, run from `root` so the project's settings apply."""
    if not files:
        return set()
    done = subprocess.run(
        [*RUFF, "check", "--select", RULES, "--output-format", "concise", "--no-cache", *extra, *files],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    found = set()
    for line in done.stdout.splitlines():
        match = re.match(r"^(?P<file>[^:]+):\d+:\d+: (?P<rule>[A-Z]+\d+)", line)
        if match:
            found.add((match["file"], match["rule"]))
    assert done.returncode in (0, 1), done.stderr
    return found


@pytest.fixture(scope="session")
def wired_python(tmp_path_factory: pytest.TempPathFactory, rules: WireRules) -> list[Wired]:
    base = tmp_path_factory.mktemp("wire-py")
    baselines: dict[str, Path] = {}
    results = []
    for index, case in enumerate(ALL_CASES):
        root = materialize(case.app, base / f"case{index}")
        baselines.setdefault(case.app, materialize(case.app, base / f"baseline-{case.app}"))
        item = Wired(case, root, baselines[case.app])
        artifact = wire_model(case, root, rules) if isinstance(case, ModelCase) else wire_case(case, root, rules)
        for path, text in plan_writes(root, artifact).items():
            relative = path.relative_to(root).as_posix()
            (item.edited if path.exists() else item.created).append(relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        results.append(item)
    return results


@pytest.mark.parametrize("index", range(len(ALL_CASES)), ids=[c.name for c in ALL_CASES])
def test_wired_python_compiles_and_is_lint_clean(wired_python: list[Wired], index: int) -> None:
    item = wired_python[index]
    assert item.edited or item.created, "the wiring changes something"
    for relative in item.edited + item.created:
        py_compile.compile(str(item.root / relative), doraise=True)
    helpers = [f for f in item.created if not f.endswith("personize_client.py")]
    clients = [f for f in item.created if f.endswith("personize_client.py")]
    assert ruff(item.root, helpers, "--isolated", "--target-version", "py311") == set()
    assert ruff(item.root, clients, "--isolated", "--target-version", "py311", "--ignore", "E501") == set()
    before = {rule for _, rule in ruff(item.baseline, item.edited)}
    after = {rule for _, rule in ruff(item.root, item.edited)}
    assert after - before == set()


def test_the_lint_check_sees_a_new_violation(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text("import os\nimport sys\n\nprint(sys.argv)\n")
    assert ruff(tmp_path, ["mod.py"], "--isolated") == {("mod.py", "F401")}
