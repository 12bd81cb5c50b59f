"""The product's one-line description, read from the project's own manifest or README."""

from __future__ import annotations

import json
from pathlib import Path

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.common.product import product_description
from personize_assistant.scan.models import RepoScan
from tests.planning_support import planning_library


def test_package_json_description_comes_first(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text(json.dumps({"description": "Privacy-focused web analytics."}))
    (tmp_path / "README.md").write_text("# x\n\nSomething else entirely here.\n")
    assert product_description(tmp_path) == ("Privacy-focused web analytics", "package.json")


def test_pyproject_description(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "t"\ndescription = "Invoicing for freelancers"\n')
    assert product_description(tmp_path) == ("Invoicing for freelancers", "pyproject.toml")


def test_readme_first_sentence_skips_headings_badges_and_code(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(
        "# Pulseboard\n\n[![build](https://ci/badge.svg)](https://ci)\n\n```bash\nnpm i\n```\n\n"
        "NPS and **customer-feedback** surveys for\n[B2B teams](https://x.io). Next.js 14 + Prisma.\n")
    assert product_description(tmp_path) == ("NPS and customer-feedback surveys for B2B teams", "README.md:9")


def test_broken_or_missing_manifests_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text("{not json")
    (tmp_path / "pyproject.toml").write_text("[project\n")
    assert product_description(tmp_path) is None
    assert product_description(tmp_path / "nope") is None


def test_the_plan_assumes_the_projects_own_description(tmp_path: Path) -> None:
    """An assumption to confirm (the discovery itself stays as the scan found it)."""
    from personize_assistant.actions.plan.action import build_plan
    from personize_assistant.actions.plan.artifact import render_markdown

    (tmp_path / "pyproject.toml").write_text('[project]\ndescription = "Invoicing for freelancers"\n')
    scan = RepoScan(root=str(tmp_path))
    library = planning_library()
    discovery = prefill_from_scan(scan, library)
    assert discovery.product is None
    plan = build_plan(scan, discovery, library)
    text = render_markdown(plan)
    assert "- **Product:** Invoicing for freelancers" in text
    assert "- Product: Invoicing for freelancers" in text  # listed under assumptions to confirm
    assert "What we do: Invoicing for freelancers" in render_markdown(plan, full=True)  # the brand-voice draft


def test_name_from_the_manifest_without_repository_words(tmp_path: Path) -> None:
    from personize_assistant.actions.common.product import product_name

    (tmp_path / "package.json").write_text(json.dumps({"name": "dub-monorepo", "private": True}))
    assert product_name(tmp_path) == ("Dub", "package.json")
    (tmp_path / "package.json").write_text(json.dumps({"name": "@karakeep/root"}))
    assert product_name(tmp_path) == ("Karakeep", "package.json")


def test_name_from_pyproject_then_the_readme_title(tmp_path: Path) -> None:
    from personize_assistant.actions.common.product import product_name

    (tmp_path / "pyproject.toml").write_text('[tool.poetry]\nname = "tallybook"\n')
    assert product_name(tmp_path) == ("Tallybook", "pyproject.toml")
    (tmp_path / "pyproject.toml").unlink()
    (tmp_path / "README.md").write_text('<p align="center">\n  <h1 align="center">Papermark</h1>\n</p>\n')
    assert product_name(tmp_path) == ("Papermark", "README.md:2")


def test_a_section_title_or_no_manifest_is_no_name(tmp_path: Path) -> None:
    """The schema then falls back to the folder; a heading like 'Getting Started' is not a name."""
    from personize_assistant.actions.common.product import product_name
    from personize_assistant.actions.schema import app_name_from

    (tmp_path / "README.md").write_text("## Getting Started\n\nRun it.\n")
    assert product_name(tmp_path) is None
    project = tmp_path / "acme-web"
    project.mkdir()
    (project / "package.json").write_text(json.dumps({"name": "web"}))
    assert app_name_from(str(project)) == "Acme"
