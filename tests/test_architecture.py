"""Data flows one way: repo -> scan -> actions -> artifacts -> render/export.

These tests read the package's import statements (no imports are executed) so a
layering violation fails CI before it turns into a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "personize_assistant"

# stage -> stages it must never import
FORBIDDEN: dict[str, set[str]] = {
    "scan": {"actions", "artifacts", "codegen", "agent", "tui", "commands", "personize", "content"},
    "content": {"scan", "actions", "artifacts", "codegen", "agent", "tui", "commands"},
    "personize": {"scan", "actions", "artifacts", "codegen", "agent", "tui", "commands", "content"},
    "actions": {"agent", "tui", "commands"},
    "artifacts": {"agent", "tui", "commands"},
    "codegen": {"agent", "tui", "commands"},
    "agent": {"tui", "commands"},
}


def imported_stages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    stages: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "personize_assistant" and len(parts) > 1:
                stages.add(parts[1])
    return stages


def stage_files(stage: str) -> list[Path]:
    return sorted((PACKAGE / stage).rglob("*.py")) if (PACKAGE / stage).is_dir() else []


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_stage_does_not_import_downstream(stage: str) -> None:
    violations = [
        f"{path.relative_to(PACKAGE)} imports personize_assistant.{imported}"
        for path in stage_files(stage)
        for imported in sorted(imported_stages(path) & FORBIDDEN[stage])
    ]
    assert violations == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from personize_assistant.tui.app import App\nimport personize_assistant.agent\n")
    assert imported_stages(bad) == {"tui", "agent"}
