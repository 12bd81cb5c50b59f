"""`check`: one test per rule, each with a message that breaks it and one that passes."""

from __future__ import annotations

import json

import pytest

from personize_assistant.actions.check.action import CheckOptions, check_message
from personize_assistant.actions.check.model import CheckReport
from personize_assistant.content import load_library
from personize_assistant.content.models import GenerateMeta
from personize_assistant.errors import UsageError

PASSING_EMAIL = """SUBJECT: Your March client notes, ready for Thursday's review
BODY_HTML: <p>Hi Dana,</p><p>You have 14 client notes from March tagged <b>Acme</b>. Before \
Thursday's review, the <a href="https://app.tallybook.io/notes?tag=acme">Acme view</a> puts them \
on one page.</p><p>- The Tallybook team</p>
BODY_TEXT: Hi Dana, you have 14 client notes from March tagged Acme. Before Thursday's review, \
the Acme view puts them on one page: https://app.tallybook.io/notes?tag=acme
CHANNEL_NOTES: Facts used: 14 notes, March, Acme, Thursday review.
"""
CONTEXT = "Dana (dana@tallybook.io) has 14 client notes from March tagged Acme. Quarterly review on Thursday."


@pytest.fixture(scope="module")
def meta() -> GenerateMeta:
    return load_library().generate.meta


def run(
    meta: GenerateMeta, channel: str, message: str | dict[str, str], context: str | None = None,
    variant: str | None = None,
) -> CheckReport:
    raw = json.dumps(message) if isinstance(message, dict) else message
    return check_message(raw, CheckOptions(channel=channel, variant=variant), context, meta)


def rules(report: CheckReport, severity: str | None = None) -> set[str]:
    return {v.rule for v in report.violations if severity is None or v.severity == severity}


def email(meta: GenerateMeta, **fields: str) -> CheckReport:
    base = {"subject": "Your notes are ready", "body_html": "<p>Hi Dana, they are on one page.</p>",
            "body_text": "Hi Dana, they are on one page."}
    return run(meta, "email", {**base, **fields})


# ─────────────────────────── messages that pass ───────────────────────────


def test_the_reference_email_passes_with_its_context(meta: GenerateMeta) -> None:
    report = run(meta, "email", PASSING_EMAIL, CONTEXT)
    assert report.violations == []
    assert report.fields == ["SUBJECT", "BODY_HTML", "BODY_TEXT", "CHANNEL_NOTES"]


@pytest.mark.parametrize(
    ("channel", "message"),
    [
        ("sms", {"text": "Dana, your 14 March notes are ready to review in Tallybook."}),
        ("slack", {"text": "*Acme* has 14 notes for March. <https://app.tallybook.io/acme|Open the view>"}),
        ("push", {"title": "Your March notes", "body": "14 notes tagged Acme are ready.",
                  "button_label": "Open notes", "button_url": "tallybook://notes/acme"}),
        ("in_app", {"title": "Notes ready", "body": "14 notes tagged Acme.",
                    "button_label": "View notes", "button_url": "https://app.tallybook.io/notes"}),
    ],
)
def test_clean_messages_pass_on_every_channel(meta: GenerateMeta, channel: str, message: dict[str, str]) -> None:
    assert run(meta, channel, message, CONTEXT).violations == []


# ─────────────────────────── separate fields ───────────────────────────


def test_required_fields_come_from_the_channel_rules(meta: GenerateMeta) -> None:
    report = run(meta, "email", {"subject": "Hello there", "body_html": "<p>Notes are ready.</p>"})
    assert [(v.rule, v.where, v.severity) for v in report.violations] == [("required_field", "BODY_TEXT", "error")]
    assert "required_field" not in rules(email(meta))


def test_an_email_as_one_unlabelled_blob_is_not_separated(meta: GenerateMeta) -> None:
    report = run(meta, "email", "Your notes are ready\n\nHi Dana, the notes are on one page.")
    assert {"not_separated", "required_field"} <= rules(report, "error")


def test_subject_embedded_in_the_body_is_flagged(meta: GenerateMeta) -> None:
    embedded = email(meta, body_text="Subject: Your notes are ready\nHi Dana, they are on one page.")
    repeated = email(meta, body_html="<p>Your notes are ready</p><p>Hi Dana, they are on one page.</p>")
    multiline = email(meta, subject="Your notes\nHi Dana, they are on one page")
    for report in (embedded, repeated, multiline):
        assert "subject_in_body" in rules(report, "error")
    assert "subject_in_body" not in rules(email(meta, body_text="Hi Dana, the notes are on one page."))


def test_unknown_fields_are_warnings(meta: GenerateMeta) -> None:
    report = email(meta, footer="unsubscribe")
    assert [(v.rule, v.severity, v.where) for v in report.violations] == [("unknown_field", "warning", "FOOTER")]
    assert not report.failed() and report.failed(strict=True)


# ─────────────────────────── length ───────────────────────────


@pytest.mark.parametrize(
    ("channel", "field", "limit", "base"),
    [
        ("email", "subject", 80, {"body_html": "<p>Hi.</p>", "body_text": "Hi."}),
        ("sms", "text", 160, {}),
        ("push", "title", 50, {"body": "Ready."}),
        ("push", "body", 100, {"title": "Ready"}),
        ("in_app", "body", 100, {"title": "Ready"}),
    ],
)
def test_character_limits(meta: GenerateMeta, channel: str, field: str, limit: int, base: dict[str, str]) -> None:
    at_limit = run(meta, channel, {**base, field: "a" * limit})
    over = run(meta, channel, {**base, field: "a" * (limit + 1)})
    assert "max_chars" not in rules(at_limit)
    (violation,) = [v for v in over.violations if v.rule == "max_chars"]
    assert violation.severity == "error" and f"{limit + 1} characters (limit {limit})" in violation.message


def test_slack_word_limits_differ_for_dms_and_channel_posts(meta: GenerateMeta) -> None:
    words_151 = {"text": " ".join(["word"] * 151)}
    words_301 = {"text": " ".join(["word"] * 301)}
    assert "max_words" in rules(run(meta, "slack", words_151))
    assert "max_words" not in rules(run(meta, "slack", words_151, variant="channel_post"))
    over = run(meta, "slack", words_301, variant="channel_post")
    assert any("channel_post limit 300" in v.message for v in over.violations)


def test_email_body_words_count_visible_text_not_tags(meta: GenerateMeta) -> None:
    body = "<p>" + " ".join(["<b>word</b>"] * 300) + "</p>"
    assert "max_words" not in rules(email(meta, body_html=body))
    assert "max_words" in rules(email(meta, body_html=body + "<p>more</p>"))
    assert "max_words" not in rules(run(meta, "email", {"subject": "Hi", "body_html": body + "<p>more</p>",
                                                      "body_text": "x"}, variant="newsletter"))


def test_button_labels_stay_short(meta: GenerateMeta) -> None:
    report = run(meta, "push", {"title": "Ready", "body": "Done.", "button_label": "Open the report right now"})
    assert "max_words" in rules(report)


# ─────────────────────────── format per channel ───────────────────────────


def test_email_html_allows_only_the_listed_tags(meta: GenerateMeta) -> None:
    report = email(meta, body_html='<div><p>Hi <img src="https://x.io/a.png"></p></div>')
    (violation,) = [v for v in report.violations if v.rule == "html_tag_not_allowed"]
    assert "<div>, <img>" in violation.message
    allowed = "<p><b>a</b> <strong>b</strong> <i>c</i> <em>d</em><br><ul><li>e</li></ul><ol><li>f</li></ol></p>"
    assert rules(email(meta, body_html=allowed)) == set()


@pytest.mark.parametrize(
    ("channel", "message"),
    [
        ("sms", {"text": "Your <b>notes</b> are ready."}),
        ("push", {"title": "Ready", "body": "Your <i>notes</i> are ready."}),
        ("slack", {"text": "Your <b>notes</b> are ready."}),
        ("email", {"subject": "<b>Notes</b> ready", "body_html": "<p>Hi.</p>", "body_text": "Hi."}),
        ("email", {"subject": "Notes ready", "body_html": "<p>Hi.</p>", "body_text": "<p>Hi.</p>"}),
    ],
)
def test_html_outside_email_bodies_is_an_error(meta: GenerateMeta, channel: str, message: dict[str, str]) -> None:
    assert "html_in_plain_text" in rules(run(meta, channel, message), "error")


def test_slack_link_and_mention_syntax_is_not_html(meta: GenerateMeta) -> None:
    report = run(meta, "slack", {"text": "<@U123> see <https://app.tallybook.io/x|the view> <!here>"})
    assert rules(report) == set()


@pytest.mark.parametrize(
    ("channel", "message"),
    [
        ("sms", {"text": "Your **notes** are ready."}),
        ("slack", {"text": "Your **notes** are ready: [open](https://app.tallybook.io)"}),
        ("email", {"subject": "Hi", "body_html": "<p>## Notes</p>\n# Heading", "body_text": "Hi."}),
    ],
)
def test_github_markdown_is_flagged(meta: GenerateMeta, channel: str, message: dict[str, str]) -> None:
    assert "markdown_not_allowed" in rules(run(meta, channel, message), "error")


def test_slack_mrkdwn_is_fine(meta: GenerateMeta) -> None:
    assert rules(run(meta, "slack", {"text": "*bold* _italic_ `code`\n>note\n• item"})) == set()


# ─────────────────────────── links ───────────────────────────


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ('<p><a href="http://app.tallybook.io/x">open</a></p>', "link_not_https"),
        ('<p><a href="/notes">open</a></p>', "relative_link"),
        ("<p>ftp://files.tallybook.io/x</p>", "link_not_https"),
        ("<p>tallybook://notes</p>", "link_not_https"),
    ],
)
def test_email_links_must_be_absolute_https(meta: GenerateMeta, body: str, rule: str) -> None:
    assert rule in rules(email(meta, body_html=body), "error")


def test_push_allows_deep_links_but_not_http(meta: GenerateMeta) -> None:
    base = {"title": "Ready", "body": "Done.", "button_label": "Open"}
    assert rules(run(meta, "push", {**base, "button_url": "tallybook://notes/1"})) == set()
    assert "link_not_https" in rules(run(meta, "push", {**base, "button_url": "http://app.tallybook.io"}))


@pytest.mark.parametrize(
    "text",
    [
        "Open https://example.com/notes today",
        "Open {{notes_url}} today",
        "Open [link] today",
        "Open https://app.yourcompany.com/x today",
        "TODO add the link",
    ],
)
def test_placeholders_never_ship(meta: GenerateMeta, text: str) -> None:
    report = run(meta, "slack", {"text": text})
    assert "placeholder" in rules(report, "error")
    assert "placeholder" not in rules(run(meta, "slack", {"text": "Open https://app.tallybook.io/notes today"}))


def test_links_in_sms_text_are_a_warning_only(meta: GenerateMeta) -> None:
    report = run(meta, "sms", {"text": "Notes ready: https://app.tallybook.io/n"})
    assert [(v.rule, v.severity) for v in report.violations] == [("link_discouraged", "warning")]
    assert not report.failed()
    assert report.failed(strict=True)


def test_push_links_belong_in_the_button(meta: GenerateMeta) -> None:
    report = run(meta, "push", {"title": "Ready", "body": "See https://app.tallybook.io/n"})
    assert any(v.rule == "link_discouraged" and "BUTTON_URL" in v.message for v in report.violations)


# ─────────────────────────── openers ───────────────────────────


@pytest.mark.parametrize(
    "body",
    [
        "I hope this email finds you well. Your notes are ready.",
        "Hi Dana, I hope you\u2019re doing well. Your notes are ready.",
        "<p>Hello Dana</p><p>Just checking in about the notes.</p>",
        "Dear valued customer, your notes are ready.",
    ],
)
def test_stock_openers_are_flagged_with_the_strength_of_the_rule(meta: GenerateMeta, body: str) -> None:
    report = email(meta, body_text=body)
    (violation,) = [v for v in report.violations if v.rule == "banned_opener"]
    assert violation.severity == "warning"  # no_stock_openers is a SHOULD
    assert "banned_opener" not in rules(email(meta, body_text="Hi Dana, your 3 notes are ready."))


# ─────────────────────────── review: sensitive topics and facts ───────────────────────────


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Take 20% off your renewal this week.", "pricing"),
        ("Our terms of service changed.", "legal"),
        ("Ask about the right dosage.", "medical"),
        ("Refinance your mortgage with us.", "financial"),
    ],
)
def test_sensitive_topics_suggest_review(meta: GenerateMeta, text: str, topic: str) -> None:
    report = run(meta, "sms", {"text": text})
    reviews = [v for v in report.violations if v.rule == "sensitive_topic"]
    assert reviews and all(v.severity == "review" for v in reviews)
    assert any(v.message.startswith("REVIEW SUGGESTED: ") and topic in v.message.lower() for v in reviews)
    assert not report.failed()
    assert "sensitive_topic" not in rules(run(meta, "sms", {"text": "Your notes are ready."}))


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Teams save 3x the time.", "multiplier"),
        ("Reviews are 40% faster.", "percentage"),
        ("It costs $49 a month.", "money"),
        ("Your review is on March 21.", "date"),
        ("You have 27 notes.", "number"),
        ("Globex Corporation uses this view.", "name"),
    ],
)
def test_facts_missing_from_the_context_are_possible_inventions(meta: GenerateMeta, sentence: str, kind: str) -> None:
    report = run(meta, "sms", {"text": sentence}, context=CONTEXT)
    inventions = [v for v in report.violations if v.rule == "possible_invention"]
    assert inventions and inventions[0].severity == "review"
    assert any(f"the {kind} " in v.message for v in inventions), [v.message for v in inventions]


def test_facts_present_in_the_context_pass_whatever_their_formatting(meta: GenerateMeta) -> None:
    context = "Plan: 1200 USD a year, 40 percent of seats used, renewal 2026-03-21. Account: Acme Holdings."
    text = "Acme Holdings uses 40% of its seats; $1,200 a year; renews 2026-03-21."
    assert "possible_invention" not in rules(run(meta, "sms", {"text": text}, context=context))


def test_without_a_context_only_claim_shapes_are_flagged(meta: GenerateMeta) -> None:
    report = run(meta, "sms", {"text": "You have 27 notes. Teams are 3x faster, guaranteed."})
    flagged = {v.excerpt for v in report.violations if v.rule == "possible_invention"}
    assert flagged == {"3x", "guaranteed"}
    assert all("--context" in v.message for v in report.violations if v.rule == "possible_invention")


# ─────────────────────────── input forms ───────────────────────────


def test_labelled_text_is_parsed_case_insensitively_inside_fences(meta: GenerateMeta) -> None:
    text = "```\n**subject:**   Notes ready  \nBody_Html: <p>Ready.</p>\nbody_text:\n  Ready.\n```"
    report = run(meta, "email", text)
    assert report.fields == ["SUBJECT", "BODY_HTML", "BODY_TEXT"]
    assert report.violations == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "empty"),
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be an object"),
        ('{"subject": 3}', "must be a string"),
    ],
)
def test_unreadable_messages_are_usage_errors(meta: GenerateMeta, raw: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        check_message(raw, CheckOptions(channel="email"), None, meta)


def test_unknown_channel_and_variant_are_usage_errors(meta: GenerateMeta) -> None:
    with pytest.raises(UsageError, match="--channel must be one of"):
        check_message("hi", CheckOptions(channel="fax"), None, meta)
    with pytest.raises(UsageError, match="channel_post"):
        check_message("hi", CheckOptions(channel="slack", variant="thread"), None, meta)


# ─────────────────────────── rules come from the reference doc ───────────────────────────


def _with_subject_limit(meta: GenerateMeta, limit: int) -> GenerateMeta:
    data = meta.model_dump()
    for spec in data["channel_limits"]["email"]["fields"]:
        if spec["name"] == "SUBJECT":
            spec["max_chars"] = limit
    return GenerateMeta.model_validate(data)


def test_limits_follow_the_loaded_front_matter(meta: GenerateMeta) -> None:
    subject = "Your thirty-character subject!"  # 30 characters
    assert "max_chars" not in rules(email(meta, subject=subject))
    tighter = _with_subject_limit(meta, 20)
    report = run(tighter, "email", {"subject": subject, "body_html": "<p>Hi.</p>", "body_text": "Hi."})
    assert any(v.rule == "max_chars" and "(limit 20)" in v.message for v in report.violations)


def test_severity_follows_the_constraint_level(meta: GenerateMeta) -> None:
    data = meta.model_dump()
    for rule in data["constraints"]:
        if rule["id"] == "no_stock_openers":
            rule["level"] = "MUST"
    stricter = GenerateMeta.model_validate(data)
    body = "I hope this email finds you well. Notes are ready."
    report = run(stricter, "email", {"subject": "Notes", "body_html": "<p>Ready.</p>", "body_text": body})
    assert [v.severity for v in report.violations if v.rule == "banned_opener"] == ["error"]


def test_text_starting_with_a_bracket_is_text_not_json(meta: GenerateMeta) -> None:
    report = run(meta, "sms", "[Tallybook] Your notes are ready.")
    assert report.fields == ["BODY"] and report.violations == []


def test_dm_and_channel_are_accepted_as_slack_variants(meta: GenerateMeta) -> None:
    words_151 = {"text": " ".join(["word"] * 151)}
    assert "max_words" in rules(run(meta, "slack", words_151, variant="dm"))
    report = run(meta, "slack", words_151, variant="channel")
    assert report.variant == "channel_post" and "max_words" not in rules(report)


def test_colon_words_inside_a_body_are_not_field_labels(meta: GenerateMeta) -> None:
    text = "SUBJECT: Notes\nBODY_HTML: <p>Ready.</p>\nBODY_TEXT: Ready.\nFYI: they are tagged.\nNote: one page."
    report = run(meta, "email", text)
    assert report.fields == ["SUBJECT", "BODY_HTML", "BODY_TEXT"] and report.violations == []
    extra = run(meta, "email", text + "\nPREVIEW_TEXT: Ready")
    assert [(v.rule, v.where) for v in extra.violations] == [("unknown_field", "PREVIEW_TEXT")]


def test_sms_opt_out_wording_and_reformatted_dates_are_not_inventions(meta: GenerateMeta) -> None:
    context = "Dana Ruiz, invoice INV-1042, due 2026-03-03, 5 days overdue"
    report = run(meta, "sms", {"text": "Dana, INV-1042 was due 3/3. Reply STOP to opt out."}, context=context)
    assert "possible_invention" not in rules(report)
    # A name the context lacks is still caught after a call-to-action verb.
    invented = run(meta, "sms", {"text": "Visit Acme Payments to settle INV-1042."}, context=context)
    assert {v.excerpt for v in invented.violations if v.rule == "possible_invention"} == {"Acme Payments"}
