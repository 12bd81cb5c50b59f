"""The concise plan (the default), its Mermaid architecture, and the expert's decisions.

The Mermaid check is structural (no renderer here): one `flowchart LR`, node and subgraph
ids made by the plan, every label quoted with nothing inside that could close it or carry
markup, balanced subgraphs, and edges between ids that exist.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from personize_assistant.actions.common.discovery import (
    Discovery,
    answers_from_mapping,
    prefill_from_scan,
)
from personize_assistant.actions.common.focus import FocusDecisions
from personize_assistant.actions.plan import PlanOptions, build_plan, check_plan
from personize_assistant.actions.plan.artifact import PlanArtifact, render_markdown
from personize_assistant.actions.plan.brief import mermaid_text
from personize_assistant.actions.propose import ProposeOptions, build_proposal
from personize_assistant.agent.runner import ToolRunner
from personize_assistant.agent.store import SessionRecord, SessionStore
from personize_assistant.agent.workspace import Workspace
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import RepoScan
from tests.planning_support import django_scan, field, model, planning_library, prisma_scan, tp

LIBRARY = planning_library()

_ID = r"[a-z][a-z0-9_]*"
_LABEL = r'"([^"]*)"'
_NODE = re.compile(rf"^ {{4}}({_ID})(?:\[{_LABEL}\]|\({_LABEL}\)|\[\({_LABEL}\)\])$")
_SUBGRAPH = re.compile(rf"^ {{2}}subgraph ({_ID})\[{_LABEL}\]$")
_EDGE = re.compile(rf'^ {{2}}({_ID}) (?:-->|-\.->)(?:\|{_LABEL}\|)? ({_ID})$')
# Inside a label only Mermaid entities (`#34;`) may use `#` and `;`; quotes, markup, pipes,
# brackets and backticks never appear raw.
_UNSAFE = re.compile(r'[<>`|\[\]{}\\&]|#(?!\d+;)|(?<!#\d)(?<!#\d\d)(?<!#\d\d\d);')


def mermaid_block(markdown: str) -> str:
    blocks = re.findall(r"```mermaid\n(.*?)```", markdown, re.S)
    assert len(blocks) == 1, "one architecture diagram"
    return str(blocks[0])


def mermaid_problems(block: str) -> list[str]:
    """What would stop the flowchart from parsing (empty: it is well formed)."""
    lines = block.rstrip("\n").split("\n")
    problems = [] if lines[0] == "flowchart LR" else [f"starts with {lines[0]!r}"]
    defined: set[str] = set()
    depth, labels, edges = 0, [], []
    for line in lines[1:]:
        if (sub := _SUBGRAPH.match(line)) is not None:
            depth, _ = depth + 1, defined.add(sub.group(1))
            labels.append(sub.group(2))
        elif line == "  end":
            depth -= 1
        elif (node := _NODE.match(line)) is not None:
            defined.add(node.group(1))
            labels.append(next(g for g in node.groups()[1:] if g is not None))
        elif (edge := _EDGE.match(line)) is not None:
            edges.append((edge.group(1), edge.group(3)))
            labels.append(edge.group(2) or "")
        else:
            problems.append(f"not a node, edge or subgraph: {line!r}")
    problems += [f"unbalanced subgraphs ({depth})"] if depth else []
    problems += [f"edge to an undefined id: {a} -> {b}" for a, b in edges if {a, b} - defined]
    problems += [f"unsafe label: {label!r}" for label in labels if _UNSAFE.search(label)]
    return problems


def decoded(label: str) -> str:
    """What Mermaid shows for a label: its `#NN;` entities as characters."""
    return html.unescape(re.sub(r"#(\d+);", r"&#\1;", label))


def plan_for(scan: RepoScan, answers: dict[str, Any] | None = None, **options: Any) -> PlanArtifact:
    discovery = prefill_from_scan(scan, LIBRARY)
    if answers:
        discovery = discovery.merged_with(answers_from_mapping(answers))
    return build_plan(scan, discovery, LIBRARY, PlanOptions.model_validate(options))


# --------------------------------------------------------------------------- the concise plan


@pytest.mark.parametrize("make", [prisma_scan, django_scan])
def test_the_concise_plan_is_short_complete_and_well_formed(make: Any) -> None:
    plan = plan_for(make())
    text, full = render_markdown(plan), render_markdown(plan, full=True)
    assert len(text.splitlines()) <= 250 < len(full.splitlines())
    assert check_plan(text, LIBRARY) == [] and check_plan(full, LIBRARY, full=True) == []
    assert mermaid_problems(mermaid_block(text)) == []
    assert "```mermaid" not in full  # the long form is today's, unchanged


def test_the_concise_plan_names_the_apps_own_code() -> None:
    plan = plan_for(prisma_scan())
    text, brief = render_markdown(plan), plan.brief
    assert brief.quick_win is not None
    win = brief.quick_win.touchpoint
    assert f"`{win.name}`" in text and f"`{win.location}`" in text
    for use_case in brief.use_cases:
        assert all(t.location in text for t in use_case.touchpoints)
    schema = plan.brief.schema_summary
    assert f"{schema.collections} collections with {schema.properties} properties" in text
    diagram = mermaid_block(text)
    labels = [decoded(m) for m in re.findall(_LABEL, diagram)]
    assert "postWorkspaceAlert" in " ".join(labels) or "sendWelcomeEmail" in " ".join(labels)
    assert any(label.startswith("email via sendgrid") for label in labels)
    assert any("app/api/cron/digest/route.ts (0 8 * * 1)" in label for label in labels)


def test_mermaid_text_escapes_what_would_close_a_label() -> None:
    assert mermaid_text('a"b') == "a#34;b"
    assert mermaid_text("<script>") == "#60;script#62;"
    assert mermaid_text("x#35;y") == "x#35;35#59;y"  # an entity in a name stays text
    assert mermaid_text("two\nlines") == "two lines"
    assert len(mermaid_text("x" * 500)) <= 80


def hostile_scan() -> RepoScan:
    scan = prisma_scan()
    evil_model = model('Customer"] --> x[<b>boom</b>', "prisma/schema.prisma", 200,
                       [field("id", "String", False, is_primary_key=True), field("email", "String", False)], "prisma")
    evil_send = tp("email_send", "src/lib/[team]/mail|er.ts", 3, 'send`Welcome"Mail#1;',
                   "await resend.emails.send({ to })", "notifications", channel="email",
                   provider='re<send>"', language="typescript")
    return scan.model_copy(update={"touchpoints": [evil_model, evil_send, *scan.touchpoints]})


def test_hostile_names_stay_inside_their_labels() -> None:
    decided = {"entities": [{"model": 'Customer"] --> x[<b>boom</b>', "type": "contact"}]}  # shown as a source
    plan = plan_for(hostile_scan(), {"plan": {"quick_win": "src/lib/[team]/mail|er.ts"}, "schema": decided})
    diagram = mermaid_block(render_markdown(plan))
    assert mermaid_problems(diagram) == []
    labels = [decoded(m) for m in re.findall(_LABEL, diagram)]
    assert 'send`Welcome"Mail#1;' in labels  # shown as written, not dropped
    assert any('Customer"] --> x[<b>boom</b>' in label for label in labels)
    assert any('re<send>"' in label for label in labels)


# --------------------------------------------------------------------------- decisions


def test_decisions_in_the_answers_file_win_over_the_ranking() -> None:
    plan = plan_for(prisma_scan(), {"quick_win": "the welcome email",
                                    "plan": {"quick_win": "postWorkspaceAlert", "content": "body"}})
    text = render_markdown(plan)
    assert plan.brief.quick_win is not None and plan.brief.quick_win.touchpoint.name == "postWorkspaceAlert"
    assert "**Start at:** `src/lib/slack.ts:8`" in text and "You decided" in text
    assert plan.brief.quick_win.fields == ["BODY"]
    assert "Quick win: `postWorkspaceAlert`" in text
    assert not any(a.startswith("Quick win") for a in plan.assumptions)  # decided, not assumed


def test_the_proposals_decisions_carry_into_the_plan_and_the_plans_win() -> None:
    answers = {"propose": {"quick_win": "postWorkspaceAlert"}, "plan": {"channels": ["email", "slack"]}}
    discovery = prefill_from_scan(prisma_scan(), LIBRARY).merged_with(answers_from_mapping(answers))
    proposal = build_proposal(prisma_scan(), discovery, LIBRARY)
    assert proposal.quick_win is not None and proposal.quick_win.location == "src/lib/slack.ts:8"
    plan = build_plan(prisma_scan(), discovery, LIBRARY)
    assert plan.brief.quick_win is not None and plan.brief.quick_win.touchpoint.name == "postWorkspaceAlert"
    assert plan.brief.decided[-1] == "Channels: email, slack"
    overridden = build_plan(prisma_scan(), discovery, LIBRARY,
                            PlanOptions(decisions=FocusDecisions(quick_win="sendWelcomeEmail")))
    assert overridden.brief.quick_win is not None and overridden.brief.quick_win.touchpoint.name == "sendWelcomeEmail"


def test_a_decided_channel_keeps_the_plan_to_that_channel() -> None:
    plan = plan_for(prisma_scan(), {"plan": {"channels": "slack"}})
    points = plan.section("personalization_points")
    assert points is not None
    titles = " ".join(step.title for step in points.steps)
    assert "postWorkspaceAlert" in titles and "sendWelcomeEmail" not in titles


def test_decided_focus_leads_the_proposal() -> None:
    decided = FocusDecisions(touchpoints=["DashboardPage"])
    proposal = build_proposal(prisma_scan(), prefill_from_scan(prisma_scan(), LIBRARY), LIBRARY,
                              ProposeOptions(decisions=decided))
    assert proposal.opportunities()[0].anchor.symbol == "DashboardPage"
    assert "Focus: `DashboardPage`" in proposal.decided


@pytest.mark.parametrize(("decisions", "message"), [
    ({"quick_win": "sendWelcomeMail"}, "no touchpoint matches 'sendWelcomeMail' (did you mean sendWelcomeEmail"),
    ({"touchpoints": ["nowhere.ts"]}, "touchpoints: no touchpoint matches 'nowhere.ts'"),
    ({"channels": ["fax"]}, "unknown channel 'fax'; expected some of email, sms, slack, push, in_app"),
    ({"channels": ["sms"], "content": ["SUBJECT"]}, "content: 'SUBJECT' is not a field of the sms channel"),
    ({"use_cases": ["weekly_digestt"]}, "unknown use case 'weekly_digestt'"),
])
def test_a_decision_naming_nothing_real_is_refused_with_the_names_that_would_do(
        decisions: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        plan_for(prisma_scan(), {"plan": decisions})


def test_a_name_shared_by_several_places_asks_which() -> None:
    scan = prisma_scan()
    second = tp("scheduled_job", "app/api/cron/reminders/route.ts", 3, "GET", "export async function GET() {",
                "notifications", schedule="0 9 * * *", provider="vercel", language="typescript")
    scan = scan.model_copy(update={"touchpoints": [*scan.touchpoints, second]})
    with pytest.raises(UsageError, match=r"'GET' names 2 places: .*app/api/cron/digest/route.ts:5"):
        plan_for(scan, {"plan": {"quick_win": "GET"}})
    chosen = plan_for(scan, {"plan": {"quick_win": "app/api/cron/reminders/route.ts:GET"}})
    assert chosen.brief.quick_win is not None and chosen.brief.quick_win.touchpoint.line == 3


def test_an_answers_section_must_be_a_mapping_of_known_decisions() -> None:
    with pytest.raises(UsageError, match="plan: expected a mapping of decisions"):
        answers_from_mapping({"plan": "postWorkspaceAlert"})
    with pytest.raises(UsageError, match="plan: quick_wins"):
        answers_from_mapping({"plan": {"quick_wins": "x"}})


def test_decisions_survive_the_answers_file_round_trip() -> None:
    from personize_assistant.actions.discover import answers_mapping

    given = {"product": "Surveys", "plan": {"quick_win": "postWorkspaceAlert", "channels": ["slack"]}}
    discovery = answers_from_mapping(given)
    assert answers_mapping(discovery) == given
    assert Discovery().decisions("plan").is_empty()


# --------------------------------------------------------------------------- the agent tools


def workspace(tmp_path: Path) -> Workspace:
    ws = Workspace(tmp_path, LIBRARY)
    ws.use_scan(prisma_scan(str(tmp_path)))
    return ws


async def never(question: str) -> bool:
    raise AssertionError("nothing here needs confirmation")


async def test_the_tools_take_decisions_and_the_session_keeps_them(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    runner = ToolRunner(ws, lambda event: None, never)
    done = await runner.run("c1", "build_plan", {"quick_win": "postWorkspaceAlert", "content": ["BODY"]})
    assert not done.is_error, done.text
    assert ws.answers["plan"] == {"quick_win": "postWorkspaceAlert", "content": ["BODY"]}
    again = await runner.run("c2", "build_plan", {"channels": ["slack", "email"]})
    assert not again.is_error and "Start at:** `src/lib/slack.ts:8`" in ws.artifacts[-1].markdown
    assert ws.answers["plan"]["channels"] == ["slack", "email"] and ws.answers["plan"]["content"] == ["BODY"]
    store = SessionStore(tmp_path / "sessions.db")  # saved and resumed as a session is
    store.save(SessionRecord(id="s1", root=str(tmp_path), engine="offline", answers=ws.answers))
    kept = store.load("s1").answers
    store.close()
    resumed = Workspace(tmp_path, LIBRARY, answers=kept)
    resumed.use_scan(prisma_scan(str(tmp_path)))
    plan = build_plan(resumed.require_scan(), resumed.discovery, LIBRARY)
    assert plan.brief.quick_win is not None and plan.brief.quick_win.touchpoint.name == "postWorkspaceAlert"


async def test_a_tool_decision_naming_nothing_is_an_error_and_is_not_kept(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    runner = ToolRunner(ws, lambda event: None, never)
    result = await runner.run("c1", "propose", {"quick_win": "sendWelcomeMail"})
    assert result.is_error and "did you mean sendWelcomeEmail" in result.text
    assert "propose" not in ws.answers
    chosen = await runner.run("c2", "propose", {"quick_win": "postWorkspaceAlert"})
    assert not chosen.is_error and ws.answers["propose"] == {"quick_win": "postWorkspaceAlert"}
    assert "You decided it is the first thing to ship." in ws.artifacts[-1].markdown


def test_an_export_follows_the_decisions() -> None:
    from personize_assistant.actions.export import export_documents

    answers = {"propose": {"quick_win": "postWorkspaceAlert"}}
    discovery = prefill_from_scan(prisma_scan(), LIBRARY).merged_with(answers_from_mapping(answers))
    files = export_documents(prisma_scan(), discovery, LIBRARY)
    assert "**Start at:** `src/lib/slack.ts:8`" in files["plan.md"] and "```mermaid" in files["plan.md"]
    assert "**Start at:** `src/lib/slack.ts:8`" in files["plan-full.md"]
    assert "Start with `postWorkspaceAlert` (`src/lib/slack.ts:8`)" in files["proposal.md"]


def test_a_decided_touchpoint_no_use_case_fits_still_leads() -> None:
    """`featuresFor` matches no use case by name; deciding on it still makes it the quick win."""
    base = prefill_from_scan(prisma_scan(), LIBRARY)
    assert all(o.anchor.symbol != "featuresFor" for o in build_proposal(prisma_scan(), base, LIBRARY).opportunities())
    proposal = build_proposal(prisma_scan(), base, LIBRARY, ProposeOptions(decisions=FocusDecisions(quick_win="featuresFor")))
    assert proposal.quick_win is not None and proposal.quick_win.location == "src/lib/plan.ts:4"
    assert proposal.opportunities()[0].anchor.symbol == "featuresFor"


def test_no_personalization_point_in_browser_code(tmp_path: Path) -> None:
    """A send written in a `"use client"` file or a React component is not a place for the
    server key: the plan leaves it out (WIRE refuses it for the same reason)."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "invite-form.tsx").write_text(
        '"use client";\nexport function inviteTeammate(email: string) {\n  return fetch("/api/invite");\n}\n')
    browser_send = tp("email_send", "app/invite-form.tsx", 2, "inviteTeammate", "await sendInvite(email)",
                      "notifications", channel="email", provider="resend", language="typescript")
    scan = prisma_scan().model_copy(update={"root": str(tmp_path),
                                            "touchpoints": [browser_send, *prisma_scan().touchpoints]})
    plan = plan_for(scan)
    assert "app/invite-form.tsx" not in render_markdown(plan, full=True)
    assert "app/invite-form.tsx" in render_markdown(plan_for(prisma_scan().model_copy(
        update={"touchpoints": [browser_send, *prisma_scan().touchpoints]})), full=True)  # a file it cannot read is judged by name
