"""DISCOVER's question logic and interview loop, driven by an injected input function."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from personize_assistant.actions.common.discovery import (
    OUTPUT_FIELDS,
    Discovery,
    Fact,
    answers_from_mapping,
    prefill_from_scan,
)
from personize_assistant.actions.discover.action import (
    answers_mapping,
    answers_yaml,
    discovery_report,
    interview,
    next_questions,
    parse_correction,
    record_answer,
)
from personize_assistant.actions.discover.render import document_json, render_document
from personize_assistant.errors import UsageError
from tests.planning_support import django_scan, planning_library, prisma_scan

LIBRARY = planning_library()


def known(*names: str) -> Discovery:
    """A discovery where exactly `names` are known (user facts)."""
    values = {n: "x" if n in ("product", "priority_channel", "quick_win") else ["x"] for n in names}
    return answers_from_mapping(values)


def scripted(lines: list[str]) -> tuple[list[str], object]:
    """An `ask` that replays `lines` and then behaves like Ctrl-D; records every prompt."""
    prompts: list[str] = []
    feed: Iterator[str] = iter(lines)

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    return prompts, ask


def test_asks_only_about_unknown_fields() -> None:
    discovery = known("product", "surfaces", "data_sources", "entity_types")
    questions = next_questions(discovery, LIBRARY)
    missing = set(discovery.missing_fields())
    assert questions
    for question in questions:
        assert set(question.informs) & missing, question.id


def test_asks_two_or_three_at_a_time_in_group_order() -> None:
    questions = next_questions(Discovery(), LIBRARY)
    assert 2 <= len(questions) <= 3
    order = [q.id for q in LIBRARY.discover.meta.questions()]
    assert [order.index(q.id) for q in questions] == sorted(order.index(q.id) for q in questions)
    assert len(next_questions(Discovery(), LIBRARY, n=1)) == 2  # never fewer than two
    assert len(next_questions(Discovery(), LIBRARY, n=9)) <= LIBRARY.discover.meta.questions_per_turn


def test_one_turn_never_spends_two_questions_on_one_field() -> None:
    questions = next_questions(known("surfaces", "data_sources", "entity_types", "key_properties"), LIBRARY)
    filled = [f for q in questions for f in q.informs if f in ("product", "governance_needs",
                                                                "priority_channel", "quick_win")]
    assert len(filled) == len(set(filled))


def test_stops_once_six_of_eight_are_known() -> None:
    assert next_questions(known(*OUTPUT_FIELDS[:6]), LIBRARY) == []
    assert next_questions(known(*OUTPUT_FIELDS[:5]), LIBRARY) != []


def test_assumed_facts_are_still_asked_about() -> None:
    discovery = known(*OUTPUT_FIELDS[:5]).merged_with(
        Discovery(quick_win=Fact(value="digest", source="assumed")))
    assert any("quick_win" in q.informs for q in next_questions(discovery, LIBRARY))


def test_skips_questions_already_asked() -> None:
    first = next_questions(Discovery(), LIBRARY)
    again = next_questions(Discovery(), LIBRARY, asked=[q.id for q in first])
    assert not {q.id for q in first} & {q.id for q in again}


def test_an_answer_fills_the_first_missing_field_it_informs() -> None:
    question = next(q for q in LIBRARY.discover.meta.questions() if q.id == "product_audience")
    after = record_answer(known("product"), question, "Teams, Workspace, Member")
    assert after.value("entity_types") == ["Teams", "Workspace", "Member"]
    assert after.fact("entity_types").source == "user"  # type: ignore[union-attr]
    assert record_answer(Discovery(), question, "   ") == Discovery()


def test_corrections_are_parsed_or_rejected_clearly() -> None:
    assert parse_correction("Priority channel: email") == ("priority_channel", "email")
    with pytest.raises(UsageError, match="unknown field"):
        parse_correction("colour: blue")
    with pytest.raises(UsageError, match="field: value"):
        parse_correction("just words")


def test_interview_confirms_then_asks_until_complete() -> None:
    discovery = prefill_from_scan(prisma_scan(), LIBRARY)
    said: list[str] = []
    answers = ["", "Survey tool for HR teams", "email - the weekly digest", "Personalize the digest",
               "never promise results"]
    prompts, ask = scripted(answers)
    result = interview(discovery, LIBRARY, ask, said.append)  # type: ignore[arg-type]
    assert not result.interrupted
    assert result.discovery.is_complete()
    assert result.discovery.value("product") == "Survey tool for HR teams"
    assert result.discovery.value("priority_channel") == "email - the weekly digest"
    assert "From the code I can already tell" in said[0] and "entity_types: User" in said[0]
    assert len(prompts) == len(result.asked) + 1  # one confirmation prompt, then the questions
    assert set(result.asked) <= {q.id for q in LIBRARY.discover.meta.questions()}


def test_interview_applies_a_correction_and_reports_a_bad_one() -> None:
    said: list[str] = []
    _, ask = scripted(["colour: blue", "entity_types: Workspace, Member", ""])
    result = interview(prefill_from_scan(prisma_scan(), LIBRARY), LIBRARY, ask, said.append)  # type: ignore[arg-type]
    assert result.discovery.value("entity_types") == ["Workspace", "Member"]
    assert any("unknown field" in line for line in said)
    assert result.interrupted  # the script ran out during the questions


def test_end_of_input_keeps_what_was_answered() -> None:
    _, ask = scripted(["", "Invoicing for freelancers"])
    result = interview(prefill_from_scan(django_scan(), LIBRARY), LIBRARY, ask, lambda _: None)  # type: ignore[arg-type]
    assert result.interrupted
    assert result.discovery.value("product") == "Invoicing for freelancers"
    assert answers_mapping(result.discovery) == {"product": "Invoicing for freelancers"}


def test_ctrl_c_leaves_cleanly() -> None:
    def ask(prompt: str) -> str:
        raise KeyboardInterrupt

    result = interview(prefill_from_scan(django_scan(), LIBRARY), LIBRARY, ask, lambda _: None)
    assert result.interrupted and result.asked == []


def test_answers_yaml_round_trips_user_facts_only() -> None:
    discovery = prefill_from_scan(prisma_scan(), LIBRARY).merged_with(
        answers_from_mapping({"product": "Surveys", "governance_needs": ["no medical claims"]}))
    data = yaml.safe_load(answers_yaml(discovery))
    assert data == {"product": "Surveys", "governance_needs": ["no medical claims"]}
    assert answers_from_mapping(data).value("governance_needs") == ["no medical claims"]


def test_document_shows_provenance_and_open_questions() -> None:
    discovery = prefill_from_scan(prisma_scan(), LIBRARY).merged_with(answers_from_mapping({"product": "Surveys"}))
    report = discovery_report(discovery, LIBRARY)
    text = render_document(report)
    assert "| product | Surveys | answered |" in text
    assert "| entity_types | User, Workspace, Subscription, Response, ApiToken | from the code | `prisma/schema.prisma:48`" in text
    assert "## Open questions" in text
    assert all(q.text in text for q in report.open_questions)
    assert not any("product" in q.fills for q in report.open_questions)
    data = document_json(report)
    assert data["complete"] is False and "priority_channel" in data["missing"]


def test_what_exists_today_is_recorded_as_such_not_as_the_quick_win() -> None:
    question = next(q for q in LIBRARY.discover.meta.questions() if q.id == "surfaces_today")
    after = record_answer(known("surfaces"), question, "merge tags only")
    assert after.value("current_personalization") == ["merge tags only"]
    assert after.fact("quick_win") is None


def test_a_correction_is_acknowledged() -> None:
    said: list[str] = []
    _, ask = scripted(["priority_channel: sms", ""])
    interview(prefill_from_scan(prisma_scan(), LIBRARY), LIBRARY, ask, said.append)  # type: ignore[arg-type]
    assert "  noted: priority_channel = sms" in said


def test_two_model_calls_in_one_function_are_one_line_of_current_personalization() -> None:
    from personize_assistant.scan.models import RepoScan
    from tests.planning_support import tp

    calls = [tp("llm_call", "invoices/ai.py", line, "draft_reminder", "client.messages.create(...)",
                "customer_success", provider="anthropic") for line in (9, 16)]
    discovery = prefill_from_scan(RepoScan(root="/repos/tallybook", touchpoints=calls), LIBRARY)
    assert discovery.value("current_personalization") == ["anthropic call in draft_reminder (invoices/ai.py:9, 16)"]


def test_a_provider_seen_in_code_is_not_listed_again_from_the_dependencies() -> None:
    from personize_assistant.scan.models import RepoScan, Stack
    from tests.planning_support import tp

    capture = tp("event_tracking", "src/track.ts", 4, "track", "posthog.capture({ event })", "web_app",
                 provider="posthog")
    scan = RepoScan(root="/repos/app", stack=Stack(dependencies={"posthog-node": "4.0.0"}), touchpoints=[capture])
    assert prefill_from_scan(scan, LIBRARY).value("data_sources") == ["Posthog events"]
