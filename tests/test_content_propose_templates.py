"""PROPOSE's use cases are templates filled with each repo's names, and each is offered only
where it applies: a payment reminder is not a lead-nurture sequence, a drafting AI call
is not a help desk, an invoicing app is not told its usage is up 40 %."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from personize_assistant.actions.propose.artifact import Opportunity
from personize_assistant.content import load_library
from personize_assistant.content.models.propose import UseCase
from tests.test_propose_examples import example_proposal


def opportunity_at(example: str, symbol: str) -> Opportunity:
    proposal = example_proposal(example)
    return next(o for o in proposal.opportunities() if any(t.symbol == symbol for t in o.touchpoints))


def test_use_case_text_is_generic() -> None:
    """No invented metrics and no borrowed product story in the shared wording."""
    for use_case in load_library().propose.meta.use_cases():
        for text in (use_case.before, use_case.after):
            assert "%" not in text, use_case.id
            assert not {"lead", "Pro limit", "Jira", "sprint"} & set(text.replace(".", " ").split()), use_case.id


def test_unknown_placeholder_is_a_content_error() -> None:
    base = {"id": "x", "title": "X", "kinds": ["email_send"], "sdk_chain": ["ai.prompt"], "before": "b"}
    with pytest.raises(ValidationError, match="unknown placeholder"):
        UseCase.model_validate({**base, "after": "each {customer} hears from us"})
    with pytest.raises(ValidationError, match="fit_required needs"):
        UseCase.model_validate({**base, "after": "a", "fit_required": True})


def test_placeholders_are_filled_with_the_repo_names() -> None:
    proposal = example_proposal("tallybook-py")
    for opportunity in proposal.opportunities():
        assert "{" not in opportunity.after and "{" not in opportunity.before, opportunity.id


def test_payment_reminder_reads_as_a_reminder_to_the_client() -> None:
    reminder = opportunity_at("tallybook-py", "send_payment_reminder")
    assert reminder.id == "smart_reminders"
    assert "payment reminder email" in reminder.after and "this client" in reminder.after
    assert "lead" not in reminder.after and "convert" not in reminder.after


def test_drafting_ai_call_is_grounded_not_a_help_desk() -> None:
    draft = opportunity_at("tallybook-py", "draft_reminder")
    assert draft.id == "grounded_ai_output"
    assert "tickets" not in draft.after and "this client" in draft.after


def test_no_borrowed_metrics_in_either_example() -> None:
    for example in ("tallybook-py", "pulseboard-ts"):
        for opportunity in example_proposal(example).opportunities():
            assert "Usage is up" not in opportunity.after and "%" not in opportunity.after, opportunity.id


def test_app_name_fills_the_template() -> None:
    outreach = opportunity_at("pulseboard-ts", "sendEmail")
    assert "Pulseboard" in outreach.after
