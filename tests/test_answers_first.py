"""The user's answers win over inference: a quick win described in words picks that code in
PROPOSE and PLAN, and the product description never carries README markup."""

from __future__ import annotations

import re
from pathlib import Path

from personize_assistant.actions.common.discovery import answers_from_mapping, prefill_from_scan
from personize_assistant.actions.common.product import product_description
from personize_assistant.actions.plan.action import build_plan
from personize_assistant.actions.plan.artifact import render_markdown
from personize_assistant.actions.propose.action import build_proposal
from tests.planning_support import planning_library, prisma_scan

# In words, not code: "the Slack workspace alert" must find postWorkspaceAlert in src/lib/slack.ts.
ANSWER = {"quick_win": "the Slack workspace alert"}


def _discovery() -> object:
    scan = prisma_scan()
    return scan, prefill_from_scan(scan, planning_library()).merged_with(answers_from_mapping(ANSWER))


def test_propose_takes_the_quick_win_the_user_described() -> None:
    scan, discovery = _discovery()
    proposal = build_proposal(scan, discovery, planning_library())  # type: ignore[arg-type]
    assert proposal.quick_win is not None
    chosen = proposal.find(proposal.quick_win.opportunity)
    assert chosen is not None and chosen.anchor.symbol == "postWorkspaceAlert"
    assert "You named it" in proposal.quick_win.reason
    unanswered = build_proposal(scan, prefill_from_scan(scan, planning_library()), planning_library())  # type: ignore[arg-type]
    assert unanswered.quick_win is not None and unanswered.quick_win.opportunity != proposal.quick_win.opportunity


def test_plan_starts_at_the_quick_win_the_user_described() -> None:
    scan, discovery = _discovery()
    text = render_markdown(build_plan(scan, discovery, planning_library()))  # type: ignore[arg-type]
    assert "**Start at:** `src/lib/slack.ts:8`" in text
    assert "the Slack workspace alert" in text
    default = render_markdown(build_plan(scan, prefill_from_scan(scan, planning_library()), planning_library()))  # type: ignore[arg-type]
    assert "**Start at:** `src/lib/slack.ts:8`" not in default


def test_an_answer_naming_nothing_in_the_code_keeps_the_ranked_choice() -> None:
    scan = prisma_scan()
    library = planning_library()
    base = prefill_from_scan(scan, library)
    odd = base.merged_with(answers_from_mapping({"quick_win": "a carrier pigeon"}))
    assert build_proposal(scan, odd, library).quick_win == build_proposal(scan, base, library).quick_win


def test_readme_html_links_images_and_titles_are_not_the_product(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(
        '<div align="center">\n  <h1 align="center">Papermark</h1>\n'
        '<img src="logo.svg" alt="Papermark logo" />\n<p>\n'
        '  <a href="https://x.co"><strong>Website</strong></a> ·\n'
        '  <a href="https://producthunt.com/x">Product Hunt</a>\n</p>\n</div>\n\n'
        "Papermark is the open-source <b>DocSend</b> alternative &amp; data room. More here.\n")
    found = product_description(tmp_path)
    assert found == ("Papermark is the open-source DocSend alternative & data room", "README.md:10")


def test_a_readme_tagline_inside_html_is_read_without_its_tags(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text('<div>\n  <h3>The open-source DocSend alternative.</h3>\n</div>\n')
    assert product_description(tmp_path) == ("The open-source DocSend alternative", "README.md:2")


def test_the_volume_is_the_users_or_is_said_to_be_unknown() -> None:
    scan = prisma_scan()
    library = planning_library()
    base = prefill_from_scan(scan, library)
    plan = build_plan(scan, base, library)
    for unknown in (render_markdown(plan), render_markdown(plan, full=True)):
        # The tier's capacity is never passed off as the budget; the plan asks instead.
        assert "ceiling" not in unknown and "budgeted at" not in unknown and "| Expected volume |" not in unknown
        asked = set(re.findall(r"answer `(\w+): N`", unknown))
        assert len(asked) == 1, asked
    # The key the plan names is one the answers file takes.
    given = base.merged_with(answers_from_mapping({asked.pop(): 300}))
    known = render_markdown(build_plan(scan, given, library), full=True)
    assert "| Expected volume | 300 records per day |" in known and "not known" not in known
