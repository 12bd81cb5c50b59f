"""One quick win: PROPOSE, PLAN and the conversation name the same touchpoint, chosen once
(answers first, then the best-ranked one `wire` writes a ready patch for), and when the plan
says `wire --touchpoint X` writes the patch, `wire` does. When `wire` refuses every candidate,
the plan says so and names the change to make by hand instead of pointing at a refusal."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from personize_assistant.actions.common.discovery import answers_from_mapping, prefill_from_scan
from personize_assistant.actions.plan import PlanOptions, build_plan, wire_readiness
from personize_assistant.actions.plan.artifact import PlanArtifact, render_markdown
from personize_assistant.actions.propose import artifact as proposal_render
from personize_assistant.actions.propose.action import build_proposal
from personize_assistant.actions.propose.artifact import ProposalArtifact
from personize_assistant.actions.propose.quick_win import preferred
from personize_assistant.actions.propose.rank import candidates, repo_context
from personize_assistant.actions.wire import WireOptions, wire
from personize_assistant.agent.runner import ToolRunner
from personize_assistant.agent.workspace import Workspace
from personize_assistant.content import load_library
from personize_assistant.errors import UsageError
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import RepoScan
from tests.planning_support import planning_library
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.apps import copy_app, fixture_app

ROOT = Path(__file__).resolve().parents[1]
# The examples, a fixture whose best-ranked sends are a security dispatcher and a form that
# sends what a person typed (both refused), and one where every candidate is refused.
APPS = {
    "pulseboard-ts": ROOT / "examples" / "pulseboard-ts",
    "tallybook-py": ROOT / "examples" / "tallybook-py",
    "wire-safety-ts": fixture_app("wire-safety-ts"),
    "shared-dispatch-py": fixture_app("shared-dispatch-py"),
}


@cache
def app_scan(name: str) -> RepoScan:
    return scan_repo(APPS[name], use_cache=False)


def proposal_and_plan(name: str, answers: dict[str, object] | None = None) -> tuple[ProposalArtifact, PlanArtifact]:
    scan, library = app_scan(name), planning_library()
    discovery = prefill_from_scan(scan, library)
    if answers:
        discovery = discovery.merged_with(answers_from_mapping(answers))
    proposal = build_proposal(scan, discovery, library, readiness=wire_readiness(scan))
    return proposal, build_plan(scan, discovery, library, PlanOptions())


def wires(name: str, touchpoint_id: str) -> bool:
    try:
        wire(app_scan(name), WireOptions(touchpoint_id=touchpoint_id))
    except UsageError:
        return False
    return True


@pytest.mark.parametrize("name", sorted(APPS))
def test_propose_plan_and_wire_agree_on_the_quick_win(name: str) -> None:
    proposal, plan = proposal_and_plan(name)
    win, brief = proposal.quick_win, plan.brief.quick_win if plan.brief else None
    assert win is not None and brief is not None and win.touchpoint_id == brief.touchpoint.id
    text = render_markdown(plan)
    command = f"wire . --touchpoint {win.touchpoint_id}"
    assert wires(name, brief.touchpoint.id) == win.wireable
    if win.wireable:
        assert command in text and command in proposal_render.render_markdown(proposal)
    else:
        assert command not in text and "by hand" in text


# wire-safety-ts no longer fits: the scanner now links its Nest `@Cron` job to `sendWeeklyTips`,
# so its best-ranked candidate is a scheduled send wire is ready for.
@pytest.mark.parametrize("name", ["pulseboard-ts"])
def test_a_best_ranked_candidate_wire_refuses_gives_way_to_one_it_is_ready_for(name: str) -> None:
    scan, library = app_scan(name), planning_library()
    context = repo_context(scan, prefill_from_scan(scan, library), library.propose.meta)
    best, _ = preferred(candidates(scan, library.propose.meta, context))[0]
    assert not wires(name, best.anchor.tp.id)  # the case this test is about: the weekly digest, a dispatcher
    proposal, _ = proposal_and_plan(name)
    assert proposal.quick_win is not None and proposal.quick_win.wireable
    assert proposal.quick_win.touchpoint_id not in {t.id for t in best.anchor.members}


def test_when_wire_refuses_every_candidate_the_plan_names_the_change_by_hand() -> None:
    proposal, plan = proposal_and_plan("shared-dispatch-py")
    assert proposal.quick_win is not None and proposal.quick_win.nothing_wireable
    for text in (proposal_render.render_markdown(proposal), render_markdown(plan)):
        assert "Nothing here can be wired automatically yet" in text and "Make the change by hand" in text
        assert "--touchpoint" not in text


def test_a_decided_quick_win_wins_even_when_wire_refuses_it() -> None:
    decided = {"propose": {"quick_win": "sendWeeklyDigest"}}
    proposal, plan = proposal_and_plan("pulseboard-ts", decided)
    assert proposal.quick_win is not None and plan.brief is not None and plan.brief.quick_win is not None
    digest = next(t for t in app_scan("pulseboard-ts").touchpoints if t.symbol == "sendWeeklyDigest")
    assert proposal.quick_win.touchpoint_id == plan.brief.quick_win.touchpoint.id == digest.id
    assert not proposal.quick_win.wireable and proposal.quick_win.refusal
    text = render_markdown(plan)
    assert f"--touchpoint {digest.id}" not in text and "`wire` cannot write this one" in text


async def test_the_conversation_names_the_same_quick_win(agent_env: Path, tmp_path: Path) -> None:
    repo = copy_app("wire-safety-ts", tmp_path / "app")

    async def never(question: str) -> bool:
        raise AssertionError("nothing here needs confirmation")

    runner = ToolRunner(Workspace(repo, load_library()), [].append, never, budget=50_000)
    proposed = await runner.run("c1", "propose", {})
    planned = await runner.run("c2", "build_plan", {})
    proposal, _ = proposal_and_plan("wire-safety-ts")
    assert proposal.quick_win is not None and proposal.quick_win.touchpoint_id
    for result in (proposed, planned):
        assert result.output is not None and proposal.quick_win.touchpoint_id in result.output.summary
