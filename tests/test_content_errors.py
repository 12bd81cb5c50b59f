"""A broken library file fails loudly with the file and the problem, never a traceback."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from personize_assistant.content import ContentError, load_library
from personize_assistant.content.loader import CONTENT_DIR_ENV, content_root
from personize_assistant.errors import AssistantError

REPO = Path(__file__).resolve().parents[1]
FOLDERS = ("skills", "reference", "recipes", "channels")
CORE = ("skills", "reference")


def copy_library(target: Path, folders: tuple[str, ...]) -> Path:
    for folder in folders:
        shutil.copytree(
            REPO / folder,
            target / folder,
            ignore=shutil.ignore_patterns("__pycache__", "node_modules"),
        )
    return target


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of skills/ and reference/ to break. Recipes and channels are left
    out (plan.md etc. name recipes, so their references are dropped too); the recipe and
    channel tests below build their own."""
    root = copy_library(tmp_path, CORE)
    for doc in (root / "reference").glob("*.md"):
        text = doc.read_text(encoding="utf-8")
        text = re.sub(r"^recipes: \[.*\]\n", "", text, flags=re.MULTILINE)
        text = re.sub(r"^    recipe: .*\n", "", text, flags=re.MULTILINE)
        doc.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def full_content(tmp_path: Path) -> Path:
    """A private copy of the whole library, recipes and channels included."""
    return copy_library(tmp_path, FOLDERS)


def edit(path: Path, change: Callable[[str], str]) -> None:
    before = path.read_text(encoding="utf-8")
    after = change(before)
    assert after != before, "the edit did not apply"
    path.write_text(after, encoding="utf-8")


def load_error(root: Path) -> ContentError:
    with pytest.raises(ContentError) as info:
        load_library(root)
    return info.value


def test_copy_loads_cleanly(content: Path) -> None:
    assert load_library(content).root == content.resolve()


def test_content_error_is_an_assistant_error() -> None:
    assert issubclass(ContentError, AssistantError)
    assert ContentError.exit_code == 2


def test_bad_yaml_names_file_and_line(content: Path) -> None:
    path = content / "reference" / "plan.md"
    edit(path, lambda s: s.replace("calls_per_record: 6", "calls_per_record: [6", 1))
    error = load_error(content)
    assert error.path == str(path)
    assert "invalid YAML" in str(error) and "line" in str(error)


def test_duplicate_key_is_rejected(content: Path) -> None:
    path = content / "reference" / "plan.md"
    edit(
        path,
        lambda s: s.replace("calls_per_record: 6", "calls_per_record: 6\ncalls_per_record: 5", 1),
    )
    assert "duplicate key 'calls_per_record'" in str(load_error(content))


def test_unknown_sdk_method_is_rejected(content: Path) -> None:
    path = content / "reference" / "wire.md"
    edit(
        path,
        lambda s: s.replace(
            "sdk_chain: [memory.smartDigest]", "sdk_chain: [memory.smartDigestt]", 1
        ),
    )
    assert "unknown SDK method 'memory.smartDigestt'" in str(load_error(content))


def test_missing_front_matter(content: Path) -> None:
    path = content / "reference" / "wire.md"
    edit(path, lambda s: s.split("\n---\n", 1)[1])
    assert "missing YAML front matter" in str(load_error(content))


def test_unclosed_front_matter(content: Path) -> None:
    path = content / "reference" / "review.md"
    edit(path, lambda s: s.replace("\n---\n", "\n", 1))
    assert "not closed" in str(load_error(content))


def test_missing_required_key(content: Path) -> None:
    path = content / "reference" / "discover.md"
    edit(
        path,
        lambda s: s.replace("min_known_fields: 6\n", "").replace(
            "fields:\n  - id: product\n", "fieldz:\n  - id: product\n", 1
        ),
    )
    error = load_error(content)
    assert str(error).startswith(str(path))
    assert "fields: required key is missing" in str(error)


def test_wrong_type(content: Path) -> None:
    path = content / "reference" / "plan.md"
    edit(path, lambda s: s.replace("calls_per_record: 6", "calls_per_record: six", 1))
    assert "calls_per_record" in str(load_error(content))


def test_unknown_key_is_rejected(content: Path) -> None:
    path = content / "reference" / "generate.md"
    edit(
        path,
        lambda s: s.replace(
            "stale_guidelines_days: 30", "stale_guidelines_days: 30\nstale_days: 30", 1
        ),
    )
    assert "stale_days: unknown key" in str(load_error(content))


def test_inconsistent_plan_limit(content: Path) -> None:
    path = content / "reference" / "plan.md"
    edit(path, lambda s: s.replace("records_per_minute: 50}", "records_per_minute: 55}", 1))
    assert "plan Pro" in str(load_error(content))


def test_invalid_regex(content: Path) -> None:
    path = content / "reference" / "review.md"
    edit(path, lambda s: s.replace('look_for: ["429"', 'look_for: ["(429"', 1))
    assert "invalid regex" in str(load_error(content))


def test_missing_reference_doc(content: Path) -> None:
    (content / "reference" / "schema.md").unlink()
    assert "reference docs missing: schema.md" in str(load_error(content))


def test_dangling_skill_action_reference(content: Path) -> None:
    path = content / "skills" / "personalization" / "SKILL.md"
    edit(path, lambda s: s.replace("reference: wire", "reference: wiring", 1))
    error = load_error(content)
    assert error.path == str(path)
    assert "unknown reference doc 'wiring'" in str(error)


def test_dangling_recipe_reference(content: Path) -> None:
    path = content / "reference" / "plan.md"
    edit(path, lambda s: s.replace('title: "PLAN:', 'recipes: [no-such-recipe]\ntitle: "PLAN:', 1))
    assert "unknown recipe 'no-such-recipe'" in str(load_error(content))


def test_dangling_schema_reference(content: Path) -> None:
    path = content / "reference" / "schema.md"
    edit(path, lambda s: s.replace("starter_schemas: [sales]", "starter_schemas: [saless]", 1))
    assert "unknown starter schema 'saless'" in str(load_error(content))


def test_dangling_prompt_writing_reference(content: Path) -> None:
    (content / "reference" / "prompt-writing" / "prompt-checklist.md").unlink()
    assert "unknown prompt-writing doc 'prompt-checklist'" in str(load_error(content))


def test_dangling_channel_reference(content: Path) -> None:
    path = content / "reference" / "wire.md"
    edit(path, lambda s: s.replace('title: "WIRE:', 'channels: [pigeon]\ntitle: "WIRE:', 1))
    assert "unknown channel 'pigeon'" in str(load_error(content))


def test_bad_starter_schema_json(content: Path) -> None:
    path = content / "reference" / "schemas" / "sales.json"
    edit(path, lambda s: s.replace('"properties": [', '"properties": [,', 1))
    error = load_error(content)
    assert error.path == str(path) and "invalid JSON" in str(error)


def test_starter_schema_bad_system_name(content: Path) -> None:
    path = content / "reference" / "schemas" / "marketing.json"
    edit(path, lambda s: s.replace('"systemName": "interests"', '"systemName": "Interests"', 1))
    assert "systemName" in str(load_error(content))


def test_skill_name_must_match_folder(content: Path) -> None:
    path = content / "skills" / "data-sync" / "SKILL.md"
    edit(path, lambda s: s.replace("name: data-sync", "name: datasync", 1))
    assert "does not match its folder" in str(load_error(content))


RECIPE_MD = """---
name: hello-memory
title: Hello memory
description: Reads the plan limits and prints them.
sdk_methods: [me]
languages: [ts, py]
env: [PERSONIZE_SECRET_KEY]
kinds: [data_model]
channels: [pigeon]
---
## When to use
Never; it is a test fixture.
"""

CHANNEL_MD = """---
name: pigeon
title: Carrier pigeon
channel: sms
provider: pigeon
env: [PIGEON_TOKEN]
format_rules: ["One short line"]
snippets: {ts: pigeon/deliver.ts, py: pigeon/deliver.py}
---
## Setup
Feed the pigeon.
"""


def add_recipe_and_channel(root: Path) -> None:
    recipe = root / "recipes" / "hello-memory"
    recipe.mkdir(parents=True)
    (recipe / "recipe.md").write_text(RECIPE_MD)
    (recipe / "pipeline.ts").write_text("console.log('ts');\n")
    (recipe / "pipeline.py").write_text("print('py')\n")
    channel = root / "channels" / "pigeon"
    channel.mkdir(parents=True)
    (root / "channels" / "pigeon.md").write_text(CHANNEL_MD)
    (channel / "deliver.ts").write_text("export const deliver = 1;\n")
    (channel / "deliver.py").write_text("DELIVER = 1\n")


def test_recipe_and_channel_load(content: Path) -> None:
    add_recipe_and_channel(content)
    library = load_library(content)
    recipe = library.recipes["hello-memory"]
    assert recipe.code("py") == "print('py')\n"
    assert recipe.channels == ("pigeon",)
    assert recipe.body.startswith("## When to use")
    channel = library.channels["pigeon"]
    assert (channel.channel, channel.env_vars) == ("sms", ("PIGEON_TOKEN",))
    assert channel.snippet("ts") == "export const deliver = 1;\n"


def test_recipe_missing_code_file(content: Path) -> None:
    add_recipe_and_channel(content)
    (content / "recipes" / "hello-memory" / "pipeline.py").unlink()
    error = load_error(content)
    assert error.path.endswith("recipe.md") and "py code file missing" in str(error)


def test_recipe_unknown_sdk_method(content: Path) -> None:
    add_recipe_and_channel(content)
    edit(
        content / "recipes" / "hello-memory" / "recipe.md",
        lambda s: s.replace("[me]", "[memory.remember]"),
    )
    assert "unknown SDK method 'memory.remember'" in str(load_error(content))


def test_recipe_dangling_channel(content: Path) -> None:
    add_recipe_and_channel(content)
    (content / "channels" / "pigeon.md").unlink()
    assert "unknown channel 'pigeon'" in str(load_error(content))


def test_channel_missing_snippet(content: Path) -> None:
    add_recipe_and_channel(content)
    (content / "channels" / "pigeon" / "deliver.ts").unlink()
    assert "ts code file missing: deliver.ts" in str(load_error(content))


def test_channel_snippet_outside_channels(content: Path) -> None:
    add_recipe_and_channel(content)
    edit(
        content / "channels" / "pigeon.md",
        lambda s: s.replace("py: pigeon/deliver.py", "py: ../skills/personalization/SKILL.md"),
    )
    assert "outside" in str(load_error(content))


def test_shipped_recipes_and_channels_load(full_content: Path) -> None:
    library = load_library(full_content)
    assert set(library.recipes) == {
        p.parent.name for p in (full_content / "recipes").glob("*/recipe.md")
    }


def test_env_override(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONTENT_DIR_ENV, str(content))
    assert content_root() == content.resolve()
    monkeypatch.setenv(CONTENT_DIR_ENV, str(content / "nowhere"))
    with pytest.raises(ContentError, match=CONTENT_DIR_ENV):
        content_root()


@pytest.mark.toolchain
def test_cli_reports_broken_library_in_one_line(content: Path) -> None:
    import os
    import subprocess
    import sys

    edit(
        content / "reference" / "plan.md",
        lambda s: s.replace("calls_per_record: 6", "calls_per_record: [6", 1),
    )
    env = {**os.environ, CONTENT_DIR_ENV: str(content)}
    result = subprocess.run(
        [sys.executable, "-m", "personize_assistant.cli", "skills"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "plan.md" in result.stderr and "invalid YAML" in result.stderr
