"""Golden files: what WIRE does on the example apps, one file per pattern, byte for byte.

Every touchpoint `wire --list` offers for a pattern is wired (or refused) and its edit of
the user's file is kept with the trigger, mapping, notes and constraints. The helper modules
wire creates are left out: their content belongs to the runtime helper, not to the language
writers these files pin down. `data_sync` is not a language writer's pattern (it has its own
module) and is left out too.

Regenerate after an intended change with::

    PERSONIZE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_wire_golden.py

then read the diff under tests/golden/<app>/wire/.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from personize_assistant.actions.wire.action import WireOptions, load_rules, wire, wireable
from personize_assistant.actions.wire.artifact import (
    WireArtifact,
    WireCandidate,
    render_diff,
    render_summary,
)
from personize_assistant.errors import UsageError
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import RepoScan

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = ("pulseboard-ts", "tallybook-py")
PATTERNS = ("wrap", "webhook_pipeline", "middleware", "cron_generate_deliver", "event_mirror")
UPDATE = os.environ.get("PERSONIZE_UPDATE_GOLDEN") == "1"


@cache
def example_scan(name: str) -> RepoScan:
    return scan_repo(ROOT / "examples" / name, use_cache=False)


def _edits_only(artifact: WireArtifact) -> WireArtifact:
    return artifact.model_copy(update={"files_created": []})


def _entry(scan: RepoScan, candidate: WireCandidate) -> str:
    head = f"## {candidate.touchpoint_id} {candidate.location} {candidate.symbol or ''}".rstrip()
    try:
        artifact = wire(scan, WireOptions(touchpoint_id=candidate.touchpoint_id), load_rules())
    except UsageError as exc:
        return f"{head}\n\nrefused: {exc}\n"
    created = ", ".join(f.path for f in artifact.files_created) or "none"
    return (
        f"{head}\n\n{render_summary(artifact)}\nfiles created: {created}\n\n"
        f"```diff\n{render_diff(_edits_only(artifact))}```\n"
    )


@cache
def outputs(name: str) -> dict[str, str]:
    scan = example_scan(name)
    candidates = wireable(scan)
    produced = {}
    for pattern in PATTERNS:
        entries = [_entry(scan, c) for c in candidates if c.pattern == pattern]
        produced[f"{pattern}.md"] = f"# {name}: wire {pattern}\n\n" + "\n".join(entries)
    return produced


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_wire_output_on_the_example_apps_matches_the_golden_files(name: str, pattern: str) -> None:
    text = outputs(name)[f"{pattern}.md"]
    golden = GOLDEN / name / "wire" / f"{pattern}.md"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"missing {golden}; run with PERSONIZE_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8"), f"{name}/wire/{pattern}.md changed; review and regenerate"


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_pattern_is_wired_somewhere_on_the_example_apps(name: str) -> None:
    """A golden file of refusals only would pin nothing down: each pattern edits a file."""
    empty = [p for p, text in outputs(name).items() if "```diff\ndiff --git" not in text]
    assert empty == []
