"""REVIEW on the example apps: pulseboard's flawed integration, tallybook's none at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.actions.review.action import review_repo
from personize_assistant.actions.review.model import ReviewArtifact
from personize_assistant.content import load_library
from personize_assistant.scan import scan_repo

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PERSONIZE_TS = "src/lib/personize.ts"


@pytest.fixture(scope="session")
def pulseboard(tmp_path_factory: pytest.TempPathFactory) -> ReviewArtifact:
    return review_repo(scan_repo(EXAMPLES / "pulseboard-ts", use_cache=False), library=load_library())


@pytest.fixture(scope="session")
def tallybook() -> ReviewArtifact:
    return review_repo(scan_repo(EXAMPLES / "tallybook-py", use_cache=False), library=load_library())


def _on_personize_ts(artifact: ReviewArtifact) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for finding in artifact.findings:
        if finding.file == PERSONIZE_TS:
            found.setdefault(finding.rule, []).append(finding.line)
    return found


def test_pulseboard_integration_is_found(pulseboard: ReviewArtifact) -> None:
    assert pulseboard.integrated
    assert pulseboard.integration.files == [PERSONIZE_TS]
    assert pulseboard.integration.calls == {"memorize": 1}


def test_pulseboard_flaws_in_personize_ts_are_reported(pulseboard: ReviewArtifact) -> None:
    found = _on_personize_ts(pulseboard)
    # memorize on signup with no error handling (line 8), awaited in the signup request,
    # and the non-null assertion on the key (line 4).
    assert found["unhandled_error"] == [8]
    assert found["blocking_request_path"] == [8]
    assert found["key_unchecked"] == [4]
    assert found["memory_never_read"] == [8]
    # The call has an email and states its extraction choice: no false alarms there.
    assert "memorize_without_identifier" not in found
    assert "extraction_unspecified" not in found
    assert "hardcoded_key" not in found


def test_the_signup_route_is_named_as_where_the_failure_lands(pulseboard: ReviewArtifact) -> None:
    unhandled = next(f for f in pulseboard.findings if f.rule == "unhandled_error")
    assert unhandled.severity == "high"  # it is in a request path
    assert [r.label() for r in unhandled.related] == ["app/api/signup/route.ts:53"]
    assert "app/api/signup/route.ts:53" in unhandled.what
    waiting = next(f for f in pulseboard.findings if f.rule == "blocking_request_path")
    assert waiting.suggestion is not None and "memorizeSignup" in waiting.suggestion


def test_pulseboard_findings_carry_evidence_and_typescript_fixes(pulseboard: ReviewArtifact) -> None:
    key = next(f for f in pulseboard.findings if f.rule == "key_unchecked")
    assert "PERSONIZE_SECRET_KEY!" in key.evidence
    assert key.language == "typescript"
    assert key.suggestion is not None and "process.env.PERSONIZE_SECRET_KEY" in key.suggestion


def test_pulseboard_opportunities_and_areas(pulseboard: ReviewArtifact) -> None:
    rules = {f.rule for f in pulseboard.findings}
    assert {"llm_without_governance", "untouched_touchpoint", "models_not_synced"} <= rules
    status = {a.id: a.status for a in pulseboard.areas}
    assert status["resilience"] == "fail"
    assert status["security"] == "fail"
    assert status["extraction_decisions"] == "pass"  # `enhanced: true` is explicit
    assert status["prompt_quality"] == "not_applicable"  # no ai.prompt
    assert status["rate_limits"] == "not_applicable"  # no batch work
    assert len(pulseboard.areas) == 10
    assert pulseboard.score is not None and 0 < pulseboard.score < 100


def test_findings_are_ordered_by_severity(pulseboard: ReviewArtifact) -> None:
    ranks = [("high", "medium", "low", "info").index(f.severity) for f in pulseboard.findings]
    assert ranks == sorted(ranks)


def test_finding_ids_are_stable_across_runs(pulseboard: ReviewArtifact) -> None:
    again = review_repo(scan_repo(EXAMPLES / "pulseboard-ts", use_cache=False), library=load_library())
    assert [f.id for f in again.findings] == [f.id for f in pulseboard.findings]


def test_tallybook_has_no_integration_and_is_pointed_at_propose(tallybook: ReviewArtifact) -> None:
    assert not tallybook.integrated
    assert tallybook.findings == []
    assert tallybook.score is None
    assert all(area.status == "not_applicable" for area in tallybook.areas)
    steps = " ".join(tallybook.next_steps)
    assert "personize-assistant propose" in steps and "personize-assistant plan" in steps
