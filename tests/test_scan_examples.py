"""The scanner against the hand-labelled example apps (tests/fixtures/expected/<app>.json).

For the exhaustive kinds, every labelled touchpoint must be found (at its line or one
of its `alt` locations), no `not_touchpoints` entry may be reported, and nothing may
be reported that is neither labelled nor listed as ambiguous.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import RepoScan

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "fixtures" / "expected"
EXHAUSTIVE = frozenset(
    {
        "email_send",
        "notification",
        "webhook_handler",
        "event_tracking",
        "data_model",
        "scheduled_job",
        "llm_call",
        "personize_call",
    }
)
APPS = sorted(p.stem for p in EXPECTED.glob("*.json") if (ROOT / "examples" / p.stem).is_dir())


@dataclass(frozen=True)
class Comparison:
    missing: list[str]
    unexpected: list[str]
    forbidden: list[str]


def _locations(entry: dict[str, Any]) -> set[tuple[str, int]]:
    places = {(entry["file"], entry["line"])}
    places.update((alt["file"], alt["line"]) for alt in entry.get("alt", ()))
    return places


@cache
def _scan(app: str) -> RepoScan:
    return scan_repo(ROOT / "examples" / app, use_cache=False)


def compare(app: str) -> Comparison:
    labels = json.loads((EXPECTED / f"{app}.json").read_text())
    reported = {(t.kind.value, t.file, t.line) for t in _scan(app).touchpoints if t.kind.value in EXHAUSTIVE}
    expected = [e for e in labels["touchpoints"] if e["kind"] in EXHAUSTIVE]
    accounted: set[tuple[str, str, int]] = set()
    missing = []
    for entry in expected:
        places = {(entry["kind"], f, line) for f, line in _locations(entry)}
        if not places & reported:
            missing.append(f"{entry['kind']} {entry['file']}:{entry['line']} {entry.get('symbol')}")
        accounted |= places
    for entry in labels.get("ambiguous", ()):
        accounted |= {(entry["kind"], f, line) for f, line in _locations(entry)}
    forbidden = [
        f"{kind} {file}:{line}"
        for kind, file, line in reported
        for entry in labels.get("not_touchpoints", ())
        if (file, line) == (entry["file"], entry["line"]) and entry.get("kind", kind) == kind
    ]
    unexpected = sorted(f"{k} {f}:{n}" for k, f, n in reported - accounted)
    return Comparison(missing, unexpected, forbidden)


@pytest.mark.parametrize("app", APPS)
def test_finds_every_labelled_touchpoint(app: str) -> None:
    assert compare(app).missing == []


@pytest.mark.parametrize("app", APPS)
def test_reports_no_labelled_non_touchpoint(app: str) -> None:
    assert compare(app).forbidden == []


@pytest.mark.parametrize("app", APPS)
def test_reports_nothing_unlabelled(app: str) -> None:
    assert compare(app).unexpected == []


@pytest.mark.parametrize("app", APPS)
def test_wrapper_call_sites_point_at_their_wrapper(app: str) -> None:
    scan = _scan(app)
    ids = {t.id for t in scan.touchpoints}
    wrapped = [t for t in scan.touchpoints if t.wraps is not None]
    assert wrapped, "the example apps call their own wrappers"
    assert all(t.wraps in ids for t in wrapped)


if __name__ == "__main__":  # a quick report while tuning rules
    for name in APPS:
        result = compare(name)
        print(f"== {name}: missing {len(result.missing)}, unexpected {len(result.unexpected)}, forbidden {len(result.forbidden)}")
        for line in result.missing:
            print("  MISSING   ", line)
        for line in result.unexpected:
            print("  UNEXPECTED", line)
        for line in result.forbidden:
            print("  FORBIDDEN ", line)
