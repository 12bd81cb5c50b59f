"""`skills`, `reference` and `recipes` through the real CLI (subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from personize_assistant.content import load_library


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "personize_assistant.cli", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.toolchain
def test_skills_lists_skills_and_actions() -> None:
    result = run_cli("skills")
    assert result.returncode == 0, result.stderr
    assert "personalization" in result.stdout and "data-sync" in result.stdout
    assert "reference discover" in result.stdout


@pytest.mark.toolchain
def test_skills_json() -> None:
    result = run_cli("skills", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    by_name = {s["name"]: s for s in data}
    assert [a["id"] for a in by_name["personalization"]["actions"]][:2] == ["discover", "propose"]
    assert by_name["entity-memory"]["path"] == "skills/entity-memory/SKILL.md"


@pytest.mark.toolchain
def test_reference_prints_body() -> None:
    result = run_cli("reference", "plan")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == load_library().plan.body.strip()
    assert not result.stdout.startswith("---")


@pytest.mark.toolchain
def test_reference_meta_json_round_trips() -> None:
    result = run_cli("reference", "GENERATE", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["channel_limits"]["sms"]["fields"][0]["max_chars"] == 160


@pytest.mark.toolchain
def test_reference_meta_yaml() -> None:
    result = run_cli("reference", "schema", "--meta")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("action: schema")


@pytest.mark.toolchain
def test_reference_prompt_writing_doc() -> None:
    result = run_cli("reference", "prompt-checklist")
    assert result.returncode == 0, result.stderr
    assert "ai.prompt()" in result.stdout


@pytest.mark.toolchain
def test_unknown_reference_is_a_usage_error_listing_choices() -> None:
    result = run_cli("reference", "deploy")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "unknown action 'deploy'" in result.stderr
    assert "discover" in result.stderr and "review" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.toolchain
def test_recipes_list_and_json() -> None:
    library = load_library()
    result = run_cli("recipes")
    assert result.returncode == 0, result.stderr
    for name in library.recipes:
        assert name in result.stdout
    listed = json.loads(run_cli("recipes", "--json").stdout)
    assert [r["name"] for r in listed] == list(library.recipes)


@pytest.mark.toolchain
def test_recipes_lang_filter_and_bad_lang() -> None:
    result = run_cli("recipes", "--lang", "py", "--json")
    assert result.returncode == 0, result.stderr
    assert all("py" in r["languages"] for r in json.loads(result.stdout))
    bad = run_cli("recipes", "--lang", "rust")
    assert bad.returncode == 2 and "use ts or py" in bad.stderr


@pytest.mark.toolchain
def test_recipes_show_prints_code_only() -> None:
    library = load_library()
    if not library.recipes:
        pytest.skip("no recipes yet")
    name, recipe = next(iter(library.recipes.items()))
    for lang, variant in recipe.variants.items():
        result = run_cli("recipes", "show", name, "--lang", lang)
        assert result.returncode == 0, result.stderr
        assert result.stdout.rstrip("\n") == variant.code.rstrip("\n")


@pytest.mark.toolchain
def test_recipes_show_unknown_name() -> None:
    result = run_cli("recipes", "show", "no-such-recipe")
    assert result.returncode == 2
    assert "unknown recipe 'no-such-recipe'" in result.stderr


@pytest.mark.parametrize(
    "action", ["discover", "propose", "plan", "schema", "generate", "wire", "review"]
)
def test_every_reference_prints_body_meta_and_json_in_process(action: str) -> None:
    from typer.testing import CliRunner

    from personize_assistant.cli import app

    runner = CliRunner()
    doc = load_library().references[action]
    body = runner.invoke(app, ["reference", action])
    assert body.exit_code == 0 and body.stdout.strip() == doc.body.strip()
    as_json = runner.invoke(app, ["reference", action, "--json"])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["action"] == action
    meta = runner.invoke(app, ["reference", action, "--meta"])
    assert meta.exit_code == 0 and meta.stdout.startswith(f"action: {action}")


@pytest.mark.toolchain
def test_registering_the_content_commands_loads_no_library() -> None:
    """`--help` and every other command must not pay for pydantic models and YAML."""
    code = ("import sys, personize_assistant.commands.content_cmd as c, typer; c.register(typer.Typer()); "
            "print(sorted(m for m in ('personize_assistant.content', 'yaml', 'pydantic') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
