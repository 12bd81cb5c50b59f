"""One runtime helper per language: PLAN hands over the module WIRE adds, so a developer who
follows the plan and then runs `wire` ends up with one copy, not two implementations."""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.plan.action import build_plan
from personize_assistant.actions.plan.artifact import PlanArtifact
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.scan import scan_repo
from tests.planning_support import planning_library
from tests.test_wire_cases import EXAMPLE_PY_CASES, EXAMPLE_TS_CASES, materialize, wire_case
from tests.test_wire_cases import rules as rules  # the session fixture


def plan_blocks(root: Path) -> dict[str, str]:
    library = planning_library()
    scan = scan_repo(root, use_cache=False)
    plan: PlanArtifact = build_plan(scan, prefill_from_scan(scan, library), library)
    return {b.path: b.code for s in plan.sections for step in s.steps for b in step.code if b.path}


@pytest.fixture(scope="module")
def pulseboard(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = materialize("pulseboard-ts", tmp_path_factory.mktemp("pulseboard"))
    return root, plan_blocks(root)


def test_wire_adds_the_helper_the_plan_hands_over(pulseboard: tuple[Path, dict[str, str]], rules: WireRules) -> None:
    root, blocks = pulseboard
    wired = wire_case(EXAMPLE_TS_CASES[0], root, rules)
    created = {f.path: f.content for f in wired.files_created}
    assert created["src/lib/personize-wiring.ts"] == blocks["src/lib/personize-wiring.ts"]


def test_wire_keeps_the_plans_copy(
    pulseboard: tuple[Path, dict[str, str]], rules: WireRules, tmp_path: Path
) -> None:
    _, blocks = pulseboard
    root = materialize("pulseboard-ts", tmp_path)
    (root / "src/lib/personize-wiring.ts").write_text(blocks["src/lib/personize-wiring.ts"], encoding="utf-8")
    wired = wire_case(EXAMPLE_TS_CASES[0], root, rules)
    assert wired.files_created == []
    assert "Kept the existing src/lib/personize-wiring.ts." in wired.notes


def test_plan_snippets_call_the_helpers_own_functions(pulseboard: tuple[Path, dict[str, str]]) -> None:
    _, blocks = pulseboard
    helper = blocks["src/lib/personize-wiring.ts"]
    for name in ("personalizeMessage", "rememberDelivery"):
        assert f"export async function {name}" in helper or f"export function {name}" in helper
    assert "personalizeMessage({" in blocks["src/lib/personize-loop.ts"]


def test_python_plan_and_wire_emit_the_same_module(rules: WireRules, tmp_path: Path) -> None:
    root = materialize("tallybook-py", tmp_path)
    blocks = plan_blocks(root)
    planned = next(code for path, code in blocks.items() if path.endswith("/personize_wiring.py"))
    wired = wire_case(EXAMPLE_PY_CASES[0], root, rules)
    created = next(f.content for f in wired.files_created if f.path.endswith("/personize_wiring.py"))
    assert planned == created
    assert "def personalize_message(" in planned and "def remember_delivery(" in planned
