"""Golden files: REVIEW on the example apps, markdown and JSON, as `review PATH [--json]` prints them.

pulseboard has a flawed integration (findings, areas, a score); tallybook has none (the short
report that points at propose and plan). The report names the repository it read by its absolute
path (the `root` field, the header, the commands in next steps); the golden copies say `<repo>`
there so they are the same on every machine. Regenerate after an intended change with::

    PERSONIZE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_review_golden.py

then review the diff under tests/golden/<example>/review/.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.review import render, review_repo
from personize_assistant.scan import scan_repo
from tests.planning_support import planning_library
from tests.support.golden import GOLDEN, assert_matches_golden, machine_specific

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("pulseboard-ts", "tallybook-py")
REPO_PLACEHOLDER = "<repo>"


def outputs(name: str) -> dict[str, str]:
    """The command's path: discovery prefilled from the scan, as `review` does without --answers."""
    library = planning_library()
    scan = scan_repo(ROOT / "examples" / name, use_cache=False)
    artifact = review_repo(scan, prefill_from_scan(scan, library), library=library)
    texts = {
        "review.md": render.render_markdown(artifact),
        "review.json": json.dumps(render.to_json(artifact), indent=2, ensure_ascii=False) + "\n",
    }
    return {filename: text.replace(scan.root, REPO_PLACEHOLDER) for filename, text in texts.items()}


@pytest.fixture(scope="module", params=EXAMPLES)
def produced(request: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    return request.param, outputs(request.param)


def test_review_matches_the_golden_files(produced: tuple[str, dict[str, str]]) -> None:
    name, files = produced
    assert_matches_golden(GOLDEN / name / "review", files, whole_folder=True)


def test_review_names_the_repository_and_nothing_else_of_the_machine(
    produced: tuple[str, dict[str, str]],
) -> None:
    for filename, text in produced[1].items():
        assert REPO_PLACEHOLDER in text and machine_specific(text, ROOT) == [], filename
