"""GENERATE's review triggers catch claims and commitments, not the nouns of a product.

An invoicing app's payment reminder mentions invoices, prices and tax on every send; it
must not be held for review for that. A discount, refund, guarantee, diagnosis or advice
to invest must be.
"""

from __future__ import annotations

import json

import pytest

from personize_assistant.actions.check.action import CheckOptions, check_message
from personize_assistant.content import load_library
from personize_assistant.content.models import GenerateMeta


@pytest.fixture(scope="module")
def meta() -> GenerateMeta:
    return load_library().generate.meta


def topics(meta: GenerateMeta, text: str, context: str | None = None) -> set[str]:
    report = check_message(json.dumps({"text": text}), CheckOptions(channel="sms"), context, meta)
    return {v.message.split(":")[1].split("(")[0].strip() for v in report.violations if v.rule == "sensitive_topic"}


@pytest.mark.parametrize(
    "text",
    [
        "Invoice INV-1042 for Acme is 5 days overdue. Pay it here: https://app.tallybook.io/i/1042",
        "Your invoice total includes tax and the price of the Pro plan.",
        "Here is the quote you asked for; see the pricing page for plan details.",
        "Your Apr 5 statement is ready.",
        "Teams invest in onboarding when returns are processed faster.",
        "Your weekly summary: 3 invoices paid, 2 outstanding.",
    ],
)
def test_ordinary_product_words_need_no_review(meta: GenerateMeta, text: str) -> None:
    assert topics(meta, text) == set()


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Pay today and get 10% off your next invoice.", "pricing and commercial terms"),
        ("We will waive the late fee if you pay by Friday.", "pricing and commercial terms"),
        ("Your refund has been approved.", "pricing and commercial terms"),
        ("Our price increase starts next month.", "pricing and commercial terms"),
        ("Delivery is guaranteed by Monday.", "legal"),
        ("We are fully compliant with every regulation you face.", "legal"),
        ("Those symptoms suggest a diagnosis you should discuss.", "medical"),
        ("Now is a good time to refinance your mortgage.", "financial advice"),
        ("These fees are tax deductible.", "financial advice"),
        ("Only 4.9% APR for new customers.", "financial advice"),
    ],
)
def test_claims_and_commitments_are_reviewed(meta: GenerateMeta, text: str, topic: str) -> None:
    assert topic in topics(meta, text)


def test_a_topic_the_context_contains_is_expected(meta: GenerateMeta) -> None:
    text = "Your refund for invoice INV-7 has been processed."
    assert topics(meta, text) == {"pricing and commercial terms"}
    assert topics(meta, text, context="Customer asked for a refund of INV-7 on Monday.") == set()
    # Only the keywords the context holds are excused; a new commitment still flags.
    assert topics(meta, text + " Enjoy 20% off next month.", context="Refund of INV-7.") == {
        "pricing and commercial terms"
    }


def test_keywords_are_lowercase_phrases_without_product_nouns(meta: GenerateMeta) -> None:
    nouns = {"invoice", "price", "pricing", "quote", "tax", "taxes", "returns", "apr", "contract", "plan"}
    for trigger in meta.review_triggers:
        assert all(k == k.lower() for k in trigger.keywords), trigger.id
        assert not nouns & set(trigger.keywords), trigger.id


def test_a_payment_reminder_with_its_context_passes_clean(meta: GenerateMeta) -> None:
    """The realistic good case: amounts written with cents in the data, rounded in the text."""
    context = "Dana owns Acme. Invoice INV-1042, $1,200.00, due March 3, 5 days overdue."
    text = "Acme, invoice INV-1042 ($1,200) was due March 3 and is 5 days overdue."
    report = check_message(json.dumps({"text": text}), CheckOptions(channel="sms"), context, meta)
    assert [v.rule for v in report.violations if v.severity == "review"] == []
    invented = check_message(json.dumps({"text": text.replace("1,200", "1,250")}), CheckOptions(channel="sms"),
                             context, meta)
    assert [v.excerpt for v in invented.violations if v.rule == "possible_invention"] == ["$1,250"]
