"""PROPOSE and DISCOVER on the example apps: real touchpoints, and golden files.

Regenerate the golden files after an intended change with::

    PERSONIZE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_propose_examples.py

then review the diff under tests/golden/<example>/ (proposal.md, proposal.json,
discovery.md). They hold no absolute paths or times.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.discover.action import discovery_report
from personize_assistant.actions.discover.render import render_document
from personize_assistant.actions.plan import wire_readiness
from personize_assistant.actions.propose import artifact as render
from personize_assistant.actions.propose.action import build_proposal
from personize_assistant.actions.propose.artifact import ProposalArtifact
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import RepoScan
from tests.planning_support import planning_library
from tests.support.golden import GOLDEN, assert_matches_golden

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("pulseboard-ts", "tallybook-py")
# Pulseboard's weekly digest ranks higher, but `wire` writes no patch for it (its content is
# built inside, not passed in): the quick win is the best-ranked send `wire` is ready for.
QUICK_WINS = {"pulseboard-ts": "MailerService.sendInvite", "tallybook-py": "send_payment_reminder"}


@cache
def example_scan(name: str) -> RepoScan:
    return scan_repo(ROOT / "examples" / name, use_cache=False)


@cache
def example_proposal(name: str) -> ProposalArtifact:
    scan = example_scan(name)
    return build_proposal(scan, prefill_from_scan(scan, planning_library()), planning_library(),
                          readiness=wire_readiness(scan))


def outputs(name: str) -> dict[str, str]:
    scan, library = example_scan(name), planning_library()
    proposal = example_proposal(name)
    return {
        "proposal.md": render.render_markdown(proposal),
        "proposal.json": json.dumps(render.to_json(proposal), indent=2, ensure_ascii=False) + "\n",
        "discovery.md": render_document(discovery_report(prefill_from_scan(scan, library), library)),
    }


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_opportunity_points_at_real_touchpoints(name: str) -> None:
    scan = example_scan(name)
    for opportunity in example_proposal(name).opportunities():
        for ref in opportunity.touchpoints:
            found = scan.find(ref.id)
            assert found is not None, ref.id
            assert (found.file, found.line, found.symbol) == (ref.file, ref.line, ref.symbol)
            assert (ROOT / "examples" / name / ref.file).is_file()
        assert opportunity.sdk_chain and opportunity.before and opportunity.after
        anchor = opportunity.anchor  # named by its function, or by its file for a route handler
        assert f"`{anchor.symbol}`" in opportunity.before or f"`{anchor.file}`" in opportunity.before


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_quick_win_is_the_apps_best_send_that_wire_is_ready_for(name: str) -> None:
    proposal = example_proposal(name)
    assert proposal.quick_win is not None and proposal.quick_win.wireable
    chosen = proposal.find(proposal.quick_win.opportunity)
    assert chosen is not None and chosen.anchor.symbol == QUICK_WINS[name]
    assert chosen.effort == "low" and chosen.score.fits_use_case
    text = render.render_markdown(proposal)
    assert text.index("## Quick win") < text.index("## Web app")


def test_areas_follow_what_each_app_has() -> None:
    assert "mobile" not in {a.id for a in example_proposal("pulseboard-ts").areas}
    assert "mobile" in {a.id for a in example_proposal("tallybook-py").areas}  # FCM push in notifications/


@pytest.mark.parametrize("name", EXAMPLES)
def test_outputs_match_the_golden_files(name: str) -> None:
    assert_matches_golden(GOLDEN / name, outputs(name))


@pytest.mark.parametrize("name", EXAMPLES)
def test_outputs_hold_no_machine_specific_text(name: str) -> None:
    for filename, text in outputs(name).items():
        assert str(ROOT) not in text, filename
        assert "/tmp/" not in text and "/home/" not in text, filename
