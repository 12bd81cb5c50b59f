"""The offline engine over a realistic conversation: answers given one per message, prose
with its own punctuation, a channel named in a generate request, and a greeting whose
examples are the functions a developer would wire."""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.agent.events import ConfirmRequest, Question, ToolFinished
from personize_assistant.agent.intents import route
from personize_assistant.agent.offline_text import REMINDER
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import demo_repo as demo_repo
from tests.support.agent_fixtures import tiny_repo as tiny_repo
from tests.test_agent_offline import artifacts_of, opened, text_of, turn

THREE = [
    Question(id="product_journey", text="What does it do?", field="product"),
    Question(id="surfaces_priority", text="Which channel?", field="priority_channel"),
    Question(id="current", text="What exists today?", field="current_personalization"),
]


def test_a_semicolon_inside_one_answer_does_not_split_it() -> None:
    text = "A survey tool for product teams; in week one they launch a first NPS survey"
    assert route(text, THREE).answers == {"product": text}


def test_one_part_per_question_still_splits_at_semicolons() -> None:
    routed = route("survey tool; email; merge tags", THREE)
    assert routed.answers == {
        "product": "survey tool",
        "priority_channel": "email",
        "current_personalization": "merge tags",
    }


async def test_answers_one_per_message_land_on_the_questions_asked(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hello")
    asked = [q.field for q in session._workspace.pending_questions]
    assert asked[:2] == ["product", "priority_channel"]
    await turn(session, "Pulseboard runs NPS surveys for product teams")
    # The second question is still the one waiting, not a freshly picked one.
    assert session._workspace.pending_questions[0].field == "priority_channel"
    await turn(session, "email")
    fact = session.discovery.fact("priority_channel")
    assert fact is not None and "email" in str(fact.value).lower()
    assert session.discovery.fact("quick_win") is None or session.discovery.fact("quick_win").source != "user"  # type: ignore[union-attr]
    await session.close()


async def test_greeting_examples_are_the_helpers_the_code_sends_through(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    greeting = text_of(await turn(session, "hi"))
    email_line = next(line for line in greeting.splitlines() if "email send**" in line)
    assert "`sendEmail` (src/lib/email/send.ts:22)" in email_line
    assert "handler at" not in greeting.split("So far")[0]
    await session.close()


async def test_a_channel_word_in_generate_picks_that_channel(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    events = await turn(session, "generate the survey reminder sms")
    assert not [e for e in events if isinstance(e, ToolFinished) and e.is_error]
    made = artifacts_of(events)[0].artifact
    assert made.kind == "generate"
    assert "generateSurveyReminderSms" in text_of(events)
    assert "sendSurveyReminder (sms, TypeScript)" in made.markdown
    assert "BODY <= 160 chars" in made.markdown
    await session.close()


# --------------------------------------------------------------------------- intent first, answers second


@pytest.mark.parametrize(("message", "intent"), [
    ("show me the proposal", "propose"),
    ("which emails could be personalized?", "touchpoints"),
    ("which emails could be personalized", "touchpoints"),
    ("can you plan it for the pro tier?", "plan"),
    ("the schema please", "schema"),
    ("write the plan to plan.md", "save"),
    ("write the plan in markdown", "plan"),
    ("no, that's not the product", "correct"),
])
def test_requests_and_questions_are_not_answers_while_questions_are_open(message: str, intent: str) -> None:
    routed = route(message, THREE)
    assert (routed.name, routed.answers) == (intent, {})


@pytest.mark.parametrize("message", [
    "Pulseboard runs NPS surveys for product teams",
    "email",
    "nothing yet, we send the same digest to everyone",
    "the weekly digest",
])
def test_answers_are_still_answers(message: str) -> None:
    assert route(message, THREE).answers == {"product": message}


def test_a_correction_names_the_field_it_takes_back() -> None:
    assert route("no, that's not the priority channel", THREE).argument == "priority_channel"
    assert route("nope, wrong product", []).argument == "product"
    assert route("No, we don't personalize anything yet", THREE).name == "answers"


async def test_a_request_while_questions_are_open_is_routed_and_the_questions_stay(
        agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    open_before = list(session._workspace.pending_questions)
    assert open_before
    proposed = await turn(session, "show me the proposal")
    assert [a.artifact.kind for a in artifacts_of(proposed)] == ["proposal"]
    listed = text_of(await turn(session, "which emails could be personalized?"))
    emails = [t for t in session.scan.touchpoints if t.kind.value == "email_send"]  # type: ignore[union-attr]
    assert emails and all(t.id in listed for t in emails)
    assert session._workspace.answers == {}
    assert session._workspace.pending_questions == open_before
    await session.close()


async def test_what_was_recorded_is_shown_and_can_be_taken_back(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    first = session._workspace.pending_questions[0]
    recorded = text_of(await turn(session, "Pulseboard runs NPS surveys for product teams"))
    assert f"**{first.field}**: Pulseboard runs NPS surveys for product teams" in recorded
    assert session._workspace.answers[first.field] == "Pulseboard runs NPS surveys for product teams"
    taken_back = text_of(await turn(session, f"no, that's not the {first.field.replace('_', ' ')}"))
    assert "Dropped what I had" in taken_back and first.text in taken_back
    assert first.field not in session._workspace.answers
    assert session._workspace.pending_questions[0] == first
    await session.close()


async def test_the_reminder_about_open_questions_comes_once(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    replies = [text_of(await turn(session, message)) for message in ("schema", "list jobs", "plan")]
    assert sum(REMINDER in reply for reply in replies) == 1
    assert not any("The full document is artifact" in reply for reply in replies)
    await session.close()


# --------------------------------------------------------------------------- documents leave the session


async def test_writing_the_plan_outside_the_repo_needs_no_question(agent_env: Path, demo_repo: Path) -> None:
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    target = agent_env / "out" / "plan.md"
    events = await turn(session, f"write the plan to {target}")
    assert not [e for e in events if isinstance(e, ConfirmRequest)]
    plan = [a for a in session.artifacts if a.kind == "plan"][-1]
    assert target.read_text() == plan.markdown.rstrip("\n") + "\n"
    assert f"Wrote the plan to `{target}`" in text_of(events)
    await session.close()


@pytest.mark.parametrize("approve", [False, True])
async def test_writing_into_the_repo_asks_first(agent_env: Path, demo_repo: Path, approve: bool,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(demo_repo)
    target = demo_repo / f"plan-{approve}.md"
    session = await opened(demo_repo, agent_env)
    await turn(session, "hi")
    asked = []
    async for event in session.send(f"write the plan to {target.name}"):
        if isinstance(event, ConfirmRequest):
            asked.append(event.question)
            session.resolve_confirmation(event.request_id, approve)
    assert len(asked) == 1 and str(target) in asked[0]
    assert target.exists() is approve
    await session.close()


# --------------------------------------------------------------------------- touchpoints by name


def test_a_name_typed_exactly_wins_over_workable_lookalikes() -> None:
    from personize_assistant.agent.touchpoint_match import resolve
    from personize_assistant.scan.models import Kind, Touchpoint

    def tp(number: int, symbol: str, file: str, kind: Kind) -> Touchpoint:
        return Touchpoint(id=f"tp_0000000{number}", kind=kind, file=file, line=1, end_line=1, symbol=symbol,
                          surface="web_app", evidence="x", confidence="high")

    hook = tp(1, "useNotifyPartner", "app/partners/use-notify.ts", Kind.UI_SURFACE)
    target = tp(2, "notifyPartnerCommission", "src/server/commissions.ts", Kind.NOTIFICATION)
    other = tp(3, "notifyPartnerPayout", "src/server/payouts.ts", Kind.NOTIFICATION)
    everything = [hook, target, other]
    assert resolve("notifyPartnerCommission", everything, preferred={hook.id}).touchpoint == target
    assert resolve("the partner commission notification", everything, preferred={hook.id}).touchpoint == target
    ambiguous = resolve("partner notification", [target, other])
    assert ambiguous.touchpoint is None and ambiguous.alternatives == [target, other]
    assert resolve("sendWelcome", everything).touchpoint is None


async def test_an_ambiguous_name_is_a_question_not_a_guess(agent_env: Path, tiny_repo: Path) -> None:
    welcome = (tiny_repo / "src" / "welcome.ts").read_text()
    (tiny_repo / "src" / "farewell.ts").write_text(welcome.replace("sendWelcome", "sendFarewell"))
    session = await opened(tiny_repo, agent_env)
    await turn(session, "hi")
    reply = text_of(await turn(session, "generate the send function"))
    assert "could mean several touchpoints" in reply and "Which one?" in reply
    assert "sendWelcome" in reply and "sendFarewell" in reply
    assert not [a for a in session.artifacts if a.kind == "generate"]
    await session.close()
