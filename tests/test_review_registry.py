"""Each REVIEW check is registered with its metadata (`@check`), documented in
reference/review.md, and fires on its own fixture in tests/fixtures/review/<id>/.

`fires/` is a tiny repository with the flaw; `clean/` the same code without it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from personize_assistant.actions.review.action import review_repo
from personize_assistant.actions.review.context import build_context
from personize_assistant.actions.review.model import Finding
from personize_assistant.actions.review.rules import check, registered_checks, rules_from_meta
from personize_assistant.content import Library, load_library
from personize_assistant.scan import scan_repo

FIXTURES = Path(__file__).parent / "fixtures" / "review"
CHECK_IDS = sorted(registered_checks())
DOC_ENTRY = re.compile(r"^- `(?P<id>\w+)` \((?P<severity>\w+)\): (?P<title>.+)$")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def documented(library: Library) -> dict[str, tuple[str, str, str]]:
    """id -> (area title, severity, title) from reference/review.md's "Checks" section."""
    section = library.review.body.split("\n## Checks\n", 1)[1].split("\n## ", 1)[0]
    entries: dict[str, tuple[str, str, str]] = {}
    area = ""
    for line in section.splitlines():
        if line.startswith("**") and line.endswith("**"):
            area = line.strip("*")
        elif (match := DOC_ENTRY.match(line)) is not None:
            entries[match["id"]] = (area, match["severity"], match["title"])
    return entries


def test_every_check_is_documented_and_every_documented_check_exists(library: Library) -> None:
    rules = rules_from_meta(library.review.meta)
    expected = {r.id: (r.area.replace("_", " ").capitalize(), r.severity, r.title) for r in rules.values()}
    assert documented(library) == expected


def test_front_matter_anti_patterns_agree_with_their_checks(library: Library) -> None:
    checks = registered_checks()
    for area in library.review.meta.areas:
        for pattern in area.anti_patterns:
            assert pattern.id in checks, f"{pattern.id} has no registered check"
            assert (checks[pattern.id].area, checks[pattern.id].severity) == (area.id, pattern.severity), pattern.id


def test_checks_outside_the_front_matter_carry_their_own_title_and_fix(library: Library) -> None:
    front = {p.id for area in library.review.meta.areas for p in area.anti_patterns}
    for rule_id, registered in registered_checks().items():
        if rule_id not in front:
            assert registered.title and registered.fix, rule_id


def test_a_check_cannot_be_registered_twice_or_in_an_unknown_area() -> None:
    taken = CHECK_IDS[0]
    with pytest.raises(ValueError, match="registered twice"):
        check(taken, "security", "high", why="x", title="x", fix="x")(lambda ctx: [])
    with pytest.raises(ValueError, match="unknown area"):
        check("new_rule", "style", "high", why="x")  # type: ignore[arg-type]
    assert "new_rule" not in registered_checks()


def test_every_check_has_a_fixture_and_every_fixture_a_check() -> None:
    fixtures = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    assert fixtures == CHECK_IDS
    for rule_id in CHECK_IDS:
        assert (FIXTURES / rule_id / "fires").is_dir() and (FIXTURES / rule_id / "clean").is_dir(), rule_id


@pytest.mark.parametrize("rule_id", CHECK_IDS)
def test_the_check_fires_on_its_fixture_and_not_on_the_clean_variant(rule_id: str, library: Library) -> None:
    fires, clean = FIXTURES / rule_id / "fires", FIXTURES / rule_id / "clean"
    assert rule_id in _rules_reported(fires, library)
    assert rule_id in {f.rule for f in _run_alone(rule_id, fires, library)}, "the check itself reports it"
    assert rule_id not in _rules_reported(clean, library)


def _rules_reported(root: Path, library: Library) -> set[str]:
    artifact = review_repo(scan_repo(root, use_cache=False, jobs=1), library=library)
    return {f.rule for f in artifact.findings}


def _run_alone(rule_id: str, root: Path, library: Library) -> list[Finding]:
    meta = library.review.meta
    ctx = build_context(root, scan_repo(root, use_cache=False, jobs=1), meta, rules_from_meta(meta))
    registered = registered_checks()[rule_id]
    if registered.per_call:
        return [f for call in ctx.calls for f in registered.run(ctx, call)]
    return registered.run(ctx)
