"""The offline engine over a realistic conversation: answers given one per message, prose
with its own punctuation, a channel named in a generate request, and a greeting whose
examples are the functions a developer would wire."""

from __future__ import annotations

from pathlib import Path

from personize_assistant.agent.events import Question, ToolFinished
from personize_assistant.agent.intents import route
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import demo_repo as demo_repo
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
