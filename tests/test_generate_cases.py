"""GENERATE on a small app: names, entity, channel, limits from the doc. Shared cases for the
TypeScript, Python and runtime tests live here too."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from personize_assistant.actions.generate.action import GenerateOptions, generate
from personize_assistant.actions.generate.artifact import GenerateArtifact
from personize_assistant.content import load_library
from personize_assistant.content.models import GenerateMeta
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import Kind, ModelField, RepoScan, Touchpoint, touchpoint_id


@dataclass(frozen=True)
class Case:
    name: str
    kind: Kind
    file: str
    symbol: str
    channel: str | None = None
    override: str | None = None
    """`--channel`, for touchpoints whose channel the scan could not tell."""


CASES = [
    Case("email", Kind.EMAIL_SEND, "mailer.{ext}", "send_renewal_email", "email"),
    Case("sms", Kind.NOTIFICATION, "alerts.{ext}", "textCustomer", "sms"),
    Case("slack", Kind.NOTIFICATION, "alerts.{ext}", "postToSlackChannel", "slack"),
    Case("push", Kind.NOTIFICATION, "alerts.{ext}", "send_push", "push"),
    Case("in_app", Kind.NOTIFICATION, "alerts.{ext}", "notify", None, override="in_app"),
]
CUSTOMER_FIELDS = [
    ModelField(name="id", type="int"),
    ModelField(name="email", type="str"),
    ModelField(name="full_name", type="str"),
    ModelField(name="company", type="str", nullable=True),
    ModelField(name="seats", type="int"),
    ModelField(name="api_token", type="str"),
    ModelField(name="account", type="ForeignKey"),
]


def make_scan(root: Path, ext: str) -> RepoScan:
    """A scan as the scanner reports it, built by hand so these tests pin GENERATE alone."""
    root.mkdir(parents=True, exist_ok=True)
    (root / f"models.{ext}").write_text("// Customer model\n" if ext == "ts" else "class Customer: ...\n")
    touchpoints = [
        Touchpoint(id=touchpoint_id("data_model", f"models.{ext}", "Customer"), kind=Kind.DATA_MODEL,
                   file=f"models.{ext}", line=1, end_line=8, symbol="Customer", evidence="class Customer",
                   confidence="high", surface="web_app", entity="Customer", fields=CUSTOMER_FIELDS),
        Touchpoint(id=touchpoint_id("data_model", f"models.{ext}", "AuditLog"), kind=Kind.DATA_MODEL,
                   file=f"models.{ext}", line=10, end_line=14, symbol="AuditLog", evidence="class AuditLog",
                   confidence="high", surface="web_app", entity="AuditLog",
                   fields=[ModelField(name="action", type="str")]),
    ]
    for case in CASES:
        file = case.file.format(ext=ext)
        (root / file).write_text(f"// {case.symbol} sends to the Customer\n")
        touchpoints.append(
            Touchpoint(id=touchpoint_id(case.kind.value, file, case.symbol), kind=case.kind, channel=case.channel,
                       file=file, line=3, end_line=5, symbol=case.symbol, evidence=f"{case.symbol}(...)",
                       confidence="high", surface="notifications")
        )
    return RepoScan(root=str(root), touchpoints=touchpoints)


def generate_case(scan: RepoScan, case: Case, ext: str, meta: GenerateMeta | None = None) -> GenerateArtifact:
    tp_id = touchpoint_id(case.kind.value, case.file.format(ext=ext), case.symbol)
    return generate(scan, GenerateOptions(touchpoint_id=tp_id, channel=case.override), meta)


@pytest.fixture(scope="module")
def py_scan(tmp_path_factory: pytest.TempPathFactory) -> RepoScan:
    return make_scan(tmp_path_factory.mktemp("generate-py"), "py")


def test_names_come_from_the_touchpoint(py_scan: RepoScan) -> None:
    email = generate_case(py_scan, CASES[0], "py")
    assert email.function_name == "generate_renewal_email"
    assert email.result_type == "RenewalEmail"
    assert email.path == "personalize_renewal_email.py"
    assert "def generate_renewal_email(" in email.code
    slack = generate_case(py_scan, CASES[2], "py")
    assert slack.function_name == "generate_slack_channel_message"


def test_the_recipient_is_the_entity_the_file_names_with_its_real_fields(py_scan: RepoScan) -> None:
    artifact = generate_case(py_scan, CASES[0], "py")
    assert artifact.entity.name == "Customer"
    # Ids, secrets and relations are not facts a message may state.
    assert [f.name for f in artifact.entity.fields] == ["email", "full_name", "company", "seats"]
    assert "class CustomerFacts(TypedDict, total=False):" in artifact.code
    assert "    seats: int | None" in artifact.code
    assert "api_token" not in artifact.code


def test_every_channel_gets_its_own_fields_and_limits(py_scan: RepoScan) -> None:
    meta = load_library().generate.meta
    for case in CASES:
        artifact = generate_case(py_scan, case, "py")
        spec = meta.channel(artifact.channel)
        assert artifact.channel == (case.override or case.channel)
        assert [limit.field for limit in artifact.limits] == [f.name for f in spec.fields]
        for f in spec.fields:
            if f.max_chars:
                assert f'"{f.name}": {f.max_chars}' in artifact.code


def test_limits_in_the_generated_code_follow_the_reference_doc(py_scan: RepoScan) -> None:
    meta = load_library().generate.meta
    data = meta.model_dump()
    sms = data["channel_limits"]["sms"]["fields"]
    sms[0]["max_chars"] = 140
    data["banned_openers"] = [*data["banned_openers"], "Greetings from the team"]
    edited = GenerateMeta.model_validate(data)
    code = generate_case(py_scan, CASES[1], "py", edited).code
    assert 'MAX_CHARS: dict[str, int] = {"BODY": 140}' in code
    assert '"greetings from the team",' in code
    assert "at most 140 characters" in code  # the write step and the evaluation criteria


def test_a_touchpoint_without_a_channel_needs_one(py_scan: RepoScan) -> None:
    case = CASES[4]
    tp_id = touchpoint_id(case.kind.value, "alerts.py", case.symbol)
    with pytest.raises(UsageError, match="pass --channel"):
        generate(py_scan, GenerateOptions(touchpoint_id=tp_id))
    with pytest.raises(UsageError, match="no touchpoint tp_nope"):
        generate(py_scan, GenerateOptions(touchpoint_id="tp_nope"))


def test_language_follows_the_file_unless_overridden(py_scan: RepoScan) -> None:
    tp_id = touchpoint_id(Kind.EMAIL_SEND.value, "mailer.py", "send_renewal_email")
    ts = generate(py_scan, GenerateOptions(touchpoint_id=tp_id, language="ts"))
    assert ts.language == "ts" and ts.function_name == "generateRenewalEmail"
    assert "from '@personize/sdk'" in ts.code
    assert ts.path == "personalize-renewal-email.ts"


def test_a_data_model_is_not_a_message_even_with_a_channel(py_scan: RepoScan) -> None:
    tp_id = touchpoint_id("data_model", "models.py", "Customer")
    for override in (None, "email"):
        with pytest.raises(UsageError, match=r"is a data_model \(models\.py:1 Customer\), not a place that sends a message"):
            generate(py_scan, GenerateOptions(touchpoint_id=tp_id, channel=override))


def test_the_recipient_comes_from_the_callers_not_from_imported_library_names(tmp_path: Path) -> None:
    """`from twilio.rest import Client` must not make the SMS recipient the app's Client model;
    `send_sms(user.phone, ...)` at the call site says the User receives it."""
    (tmp_path / "transports.py").write_text(
        "from twilio.rest import Client as TwilioClient\n\n\ndef send_sms(to, body):\n"
        "    TwilioClient().messages.create(to=to, body=body)\n")
    (tmp_path / "dispatch.py").write_text("def notify(user, message):\n    send_sms(user.phone, message)\n")
    person_fields = [ModelField(name="email", type="str"), ModelField(name="phone", type="str")]
    sms_id = touchpoint_id("notification", "transports.py", "send_sms")
    touchpoints = [
        Touchpoint(id=touchpoint_id("data_model", "models.py", name), kind=Kind.DATA_MODEL, file="models.py",
                   line=line, end_line=line + 5, symbol=name, evidence=f"class {name}", confidence="high", surface="web_app",
                   entity=name, fields=person_fields)
        for line, name in ((1, "User"), (9, "Client"))
    ] + [
        Touchpoint(id=sms_id, kind=Kind.NOTIFICATION, channel="sms", file="transports.py", line=5, end_line=5,
                   symbol="send_sms", evidence="TwilioClient().messages.create(to=to, body=body)",
                   confidence="high", surface="notifications"),
        Touchpoint(id=touchpoint_id("notification", "dispatch.py", "notify"), kind=Kind.NOTIFICATION,
                   channel="sms", file="dispatch.py", line=2, end_line=2, symbol="notify",
                   evidence="send_sms(user.phone, message)", confidence="high", surface="notifications",
                   wraps=sms_id),
    ]
    scan = RepoScan(root=str(tmp_path), touchpoints=touchpoints)
    artifact = generate(scan, GenerateOptions(touchpoint_id=sms_id))
    assert artifact.entity.name == "User"
    assert "class UserFacts(TypedDict, total=False):" in artifact.code


def test_typescript_constants_use_one_quote_style(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The template's own strings are single-quoted; rendered values must match them."""
    scan = make_scan(tmp_path_factory.mktemp("generate-ts-quotes"), "ts")
    code = generate_case(scan, CASES[0], "ts").code
    assert "const CHANNEL = 'email';" in code
    assert "const FIELDS = ['SUBJECT', 'BODY_HTML', 'BODY_TEXT', 'CHANNEL_NOTES'] as const;" in code
    assert "'i hope you\\'re doing well'," in code
    assert "const MAX_CHARS: Partial<Record<FieldName, number>> = { SUBJECT: 80 };" in code


def test_a_send_method_of_a_model_is_named_after_and_about_that_model(tmp_path: Path) -> None:
    """helpdesk's `Ticket.send` lives in models.py beside TicketCC (which has an `email` field):
    the class the method belongs to is the subject, and a bare `send` does not name it."""
    (tmp_path / "models.py").write_text("class Ticket: ...\nclass TicketCC: ...\n")
    models = [
        Touchpoint(id=touchpoint_id("data_model", "models.py", name), kind=Kind.DATA_MODEL, file="models.py",
                   line=line, end_line=line + 5, symbol=name, evidence=f"class {name}", confidence="high",
                   surface="web_app", entity=name, fields=fields)
        for line, name, fields in (
            (1, "Ticket", [ModelField(name="title", type="CharField"),
                           ModelField(name="submitter_email", type="EmailField")]),
            (20, "TicketCC", [ModelField(name="email", type="EmailField")]),
        )
    ]
    send_id = touchpoint_id("email_send", "models.py", "Ticket.send")
    send = Touchpoint(id=send_id, kind=Kind.EMAIL_SEND, channel="email", file="models.py", line=12, end_line=14,
                      symbol="Ticket.send", evidence="send_templated_mail(...)", confidence="high",
                      surface="notifications")
    artifact = generate(RepoScan(root=str(tmp_path), touchpoints=[*models, send]),
                        GenerateOptions(touchpoint_id=send_id))
    assert artifact.function_name == "generate_ticket_email"
    assert artifact.entity.name == "Ticket"
    assert [f.name for f in artifact.entity.fields] == ["email", "title", "submitter_email"]


def test_an_outgoing_webhook_is_not_a_message_to_a_person(tmp_path: Path) -> None:
    hook_id = touchpoint_id("notification", "webhooks.py", "notify_followup_webhooks")
    hook = Touchpoint(id=hook_id, kind=Kind.NOTIFICATION, channel="webhook_out", file="webhooks.py", line=3,
                      end_line=9, symbol="notify_followup_webhooks", evidence="requests.post(url, json=data)",
                      confidence="high", surface="notifications")
    scan = RepoScan(root=str(tmp_path), touchpoints=[hook])
    with pytest.raises(UsageError, match=r"posts to another system \(webhook_out\), not to a person"):
        generate(scan, GenerateOptions(touchpoint_id=hook_id))
    assert generate(scan, GenerateOptions(touchpoint_id=hook_id, channel="slack")).channel == "slack"
