"""Data flows one way: repo -> scan -> actions -> render/export, and each action is a package.

These tests read the package's import statements (no imports are executed) so a
layering violation fails CI before it turns into a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "personize_assistant"
ACTIONS = PACKAGE / "actions"

# stage -> stages it must never import
FORBIDDEN: dict[str, set[str]] = {
    "scan": {"actions", "codegen", "agent", "tui", "commands", "personize", "content"},
    "content": {"scan", "actions", "codegen", "agent", "tui", "commands"},
    "personize": {"scan", "actions", "codegen", "agent", "tui", "commands", "content"},
    "actions": {"agent", "tui", "commands"},
    "codegen": {"actions", "agent", "tui", "commands"},
    "agent": {"tui", "commands"},
}

# What another package may import of an action: the package itself (its `__init__`
# re-exports the entry point) and its artifact; everything else is the action's own.
PUBLIC_MODULES = {"artifact", "model", "render"}
SHARED = "common"


def imported_modules(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            # `from personize_assistant.actions.plan import artifact` names a module too
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def imported_stages(path: Path) -> set[str]:
    stages: set[str] = set()
    for name in imported_modules(path):
        parts = name.split(".")
        if parts[0] == "personize_assistant" and len(parts) > 1:
            stages.add(parts[1])
    return stages


def action_packages() -> list[str]:
    return sorted(p.name for p in ACTIONS.iterdir() if (p / "__init__.py").is_file())


def owner_of(path: Path) -> str | None:
    """The action package a module belongs to, if any."""
    rel = path.relative_to(PACKAGE).parts
    return rel[1] if rel[0] == "actions" and len(rel) > 2 else None


def action_imports(path: Path) -> Iterator[tuple[str, str | None]]:
    """(action package, module inside it or None) for each import of an action."""
    for name in imported_modules(path):
        parts = name.split(".")
        if parts[:2] == ["personize_assistant", "actions"] and len(parts) > 2 and (ACTIONS / parts[2]).is_dir():
            yield parts[2], parts[3] if len(parts) > 3 else None


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


def test_no_module_reaches_into_another_actions_internals() -> None:
    violations = [
        f"{path.relative_to(PACKAGE)} imports actions.{package}.{module}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for package, module in action_imports(path)
        if package not in (SHARED, owner_of(path))
        and module is not None
        and module not in PUBLIC_MODULES
        and not (ACTIONS / package / module).is_dir()
        and (ACTIONS / package / f"{module}.py").is_file()
    ]
    assert violations == []


def test_common_imports_no_action() -> None:
    violations = [
        f"{path.relative_to(PACKAGE)} imports actions.{package}"
        for path in stage_files(f"actions/{SHARED}")
        for package, _ in action_imports(path)
        if package != SHARED
    ]
    assert violations == []


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle in `graph`, or [] when it has none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_actions_import_each_other_without_a_cycle() -> None:
    graph: dict[str, set[str]] = {name: set() for name in action_packages()}
    for name in graph:
        for path in stage_files(f"actions/{name}"):
            graph[name] |= {pkg for pkg, _ in action_imports(path) if pkg != name}
    assert _cycle(graph) == []


def test_stages_import_each_other_without_a_cycle() -> None:
    stages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    graph = {
        stage: {s for path in stage_files(stage) for s in imported_stages(path)} - {stage}
        for stage in stages
    }
    assert _cycle(graph) == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from personize_assistant.tui.app import App\nimport personize_assistant.agent\n")
    assert imported_stages(bad) == {"tui", "agent"}


def test_the_checker_sees_a_reach_into_internals(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from personize_assistant.actions.wire.python import wrap_original\n"
        "from personize_assistant.actions.plan import code_python\n"
    )
    found = set(action_imports(bad))
    assert ("wire", "python") in found
    assert ("plan", "code_python") in found


def test_the_cycle_finder_sees_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []
