"""The code a plan shows for the app's existing files is code: every Python snippet compiles
and every TypeScript snippet parses (tree-sitter), and each name a snippet uses is defined in
it or imported (no `recipient_email`, `body_html` or `result` out of nowhere). A send `wire`
writes a ready patch for shows that patch; applied to the real file it still compiles or
parses, and a templated send passes its field as a prop or context key, not SUBJECT/BODY."""

from __future__ import annotations

import ast
import builtins
import re
from functools import cache
from pathlib import Path

import pytest
from tree_sitter import Node

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.plan.action import build_plan
from personize_assistant.actions.plan.artifact import CodeBlock, PlanArtifact
from personize_assistant.scan import scan_repo
from personize_assistant.scan.languages import grammar
from tests.planning_support import planning_library
from tests.support.apps import fixture_app

ROOT = Path(__file__).resolve().parents[1]
APPS = {"pulseboard-ts": ROOT / "examples" / "pulseboard-ts", "tallybook-py": ROOT / "examples" / "tallybook-py",
        "templated-email-ts": fixture_app("templated-email-ts"), "templated-email-py": fixture_app("templated-email-py")}
TS_GLOBALS = {"Promise", "Boolean", "console", "undefined", "Error", "JSON", "process", "Record", "string", "unknown"}


@cache
def plan_of(name: str) -> PlanArtifact:
    scan, library = scan_repo(APPS[name], use_cache=False), planning_library()
    return build_plan(scan, prefill_from_scan(scan, library), library)


def snippets(name: str, language: str) -> list[CodeBlock]:
    """Code for files the app already has (the plan's new files are type-checked elsewhere)."""
    plan = plan_of(name)
    created = set(plan.files_to_create)
    return [b for s in plan.sections for step in s.steps for b in step.code
            if b.language == language and b.path and b.path not in created]


def python_names(code: str) -> tuple[set[str], set[str]]:
    """(used, defined) names of a Python module."""
    used, defined = set(), set(dir(builtins))
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Name):
            (used if isinstance(node.ctx, ast.Load) else defined).add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defined.add(node.name)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, ast.alias):
            defined.add((node.asname or node.name).split(".")[0])
    return used, defined


_DEFINING = {"import_specifier": "name", "function_declaration": "name", "required_parameter": "pattern",
             "optional_parameter": "pattern", "variable_declarator": "name", "namespace_import": None}


def ts_names(root: Node) -> tuple[set[str], set[str]]:
    used: set[str] = set()
    defined = set(TS_GLOBALS)
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if node.type in ("identifier", "shorthand_property_identifier"):
            used.add(node.text.decode() if node.text else "")
        field = _DEFINING.get(node.type, "")
        named = node.child_by_field_name(field) if field else None
        if named is not None:  # a name, or a destructuring pattern of names
            defined |= {n.text.decode() for n in _walk(named)
                        if n.type in ("identifier", "shorthand_property_identifier_pattern") and n.text}
        if node.type == "namespace_import" or (node.type == "import_specifier" and named is None):
            defined |= {c.text.decode() for c in node.children if c.type == "identifier" and c.text}
    return used, defined


def _walk(node: Node) -> list[Node]:
    return [node, *(d for c in node.children for d in _walk(c))]


def parse_ts(code: str, tsx: bool = False) -> Node:
    tree = grammar("tsx" if tsx else "typescript").parser.parse(code.encode())
    assert not tree.root_node.has_error, code
    return tree.root_node


def apply_diff(root: Path, diff: str) -> dict[str, str]:
    """Each file the diff edits, as it reads once the diff is applied."""
    results: dict[str, str] = {}
    for part in re.split(r"^diff --git ", diff, flags=re.M)[1:]:
        path = part.split(" ", 1)[0].removeprefix("a/")
        old = (root / path).read_text(encoding="utf-8").splitlines()
        new, at = [], 0
        for header, body in re.findall(r"^@@ -(\d+),?\d* \+\d+,?\d* @@[^\n]*\n(.*?)(?=^@@|\Z)", part, flags=re.M | re.S):
            start = int(header) - 1
            new += old[at:start]
            at = start
            for line in body.splitlines():
                if line.startswith(("+", " ")) or line == "":
                    new.append(line[1:])
                if line.startswith(("-", " ")) or line == "":
                    at += 1
        results[path] = "\n".join(new + old[at:]) + "\n"
    return results


@pytest.mark.parametrize("name", sorted(APPS))
def test_python_snippets_compile_and_define_every_name_they_use(name: str) -> None:
    for block in snippets(name, "py"):
        compile(block.code, block.path or "snippet", "exec")
        used, defined = python_names(block.code)
        assert used <= defined, (block.path, used - defined)


@pytest.mark.parametrize("name", sorted(APPS))
def test_typescript_snippets_parse_and_define_every_name_they_use(name: str) -> None:
    for block in snippets(name, "ts"):
        used, defined = ts_names(parse_ts(block.code))
        assert used <= defined, (block.path, used - defined)


@pytest.mark.parametrize("name", sorted(APPS))
def test_wired_sends_show_wires_patch_and_it_applies(name: str) -> None:
    patches = snippets(name, "diff")
    assert patches, "a send wire is ready for shows its patch"
    for block in patches:
        for path, text in apply_diff(APPS[name], block.code).items():
            if path.endswith(".py"):
                compile(text, path, "exec")
            elif path.endswith((".ts", ".tsx")):
                parse_ts(text, tsx=path.endswith(".tsx"))


@pytest.mark.parametrize("name", ["templated-email-ts", "templated-email-py"])
def test_templated_sends_pass_a_prop_or_context_key_not_the_channels_fields(name: str) -> None:
    text = "\n".join(b.code for b in snippets(name, "diff"))
    assert re.search(r"personalized_?[iI]ntro", text)
    assert "BODY_HTML" not in text and "SUBJECT" not in text


@pytest.mark.parametrize("name", ["templated-email-ts", "templated-email-py"])
def test_a_templated_quick_win_is_planned_as_wire_passes_it(name: str) -> None:
    brief = plan_of(name).brief
    assert brief is not None and brief.quick_win is not None
    assert brief.quick_win.fields == ["INTRO"]  # the template's new field, not the channel's SUBJECT/BODY
    assert re.search(r"as `personalized_?[iI]ntro`", brief.quick_win.steps[0]), brief.quick_win.steps[0]
