"""What reaches a person: WIRE refuses error reports, messages to the team's own inbox,
words a person typed and the SMTP fallback, each with its reason; the app's own message
to a person stays wireable."""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.actions.wire.action import WireOptions, load_rules, wire, wireable
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.scan.models import RepoScan
from tests.support.touchpoints import email_touchpoint

FILES = {
    "package.json": '{"name": "audience-fixture"}\n',
    "src/mail.ts": """import nodemailer from 'nodemailer';
import { Resend } from 'resend';

const resend = new Resend(process.env.RESEND_API_KEY);

export async function sendWelcome(to: string, subject: string, text: string) {
  if (!process.env.RESEND_API_KEY) {
    return sendViaSmtp(to, subject, text);
  }
  return resend.emails.send({ from: 'hi@acme.dev', to, subject, text });
}

export async function sendViaSmtp(to: string, subject: string, text: string) {
  return nodemailer.createTransport({}).sendMail({ from: 'hi@acme.dev', to, subject, text });
}

export async function submitFeedback(userEmail: string, body: string) {
  const subject = 'Feedback';
  return resend.emails.send({ from: 'hi@acme.dev', to: 'feedback@acme.dev', replyTo: userEmail, subject, text: body });
}

export async function forwardQuestion({ question, email }: { question: string; email: string }) {
  const subject = 'Your question';
  return resend.emails.send({ from: 'hi@acme.dev', to: email, subject, text: question });
}

export async function payPartner(partnerEmail: string, amount: number) {
  const message = `payout of ${amount} to ${partnerEmail}`;
  console.info(
    'payout', { message },
  );
  const subject = `Your payout of ${amount} is on its way`;
  const body = `We sent ${amount} to your account.`;
  await resend.emails.send({ from: 'hi@acme.dev', to: partnerEmail, subject, text: body });
}
""",
    "app/tasks.py": """from django.core.mail import mail_admins, send_mail


def report_task_failure(task_id, message):
    subject = f"Task {task_id} failed"
    mail_admins(subject, message)


def send_reminder(recipient, subject, body):
    send_mail(subject, body, "hi@acme.dev", [recipient])
""",
}

# (file, line, symbol, provider, the reason's words or None when wireable)
CASES = [
    ("src/mail.ts", 10, "sendWelcome", "resend", None),
    ("src/mail.ts", 14, "sendViaSmtp", "nodemailer", "fallback beside resend; wire sendWelcome instead"),
    ("src/mail.ts", 19, "submitFeedback", "resend", "fixed in-house address"),
    ("src/mail.ts", 24, "forwardQuestion", "resend", "what a person typed (question)"),
    ("app/tasks.py", 6, "report_task_failure", "django", "error report to the team (mail_admins)"),
    ("app/tasks.py", 10, "send_reminder", "django", None),
]


_touchpoint = email_touchpoint


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> RepoScan:
    root: Path = tmp_path_factory.mktemp("audience")
    for relative, text in FILES.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return RepoScan(root=str(root), touchpoints=[_touchpoint(*case[:4]) for case in CASES])


@pytest.fixture(scope="module")
def rules() -> WireRules:
    return load_rules()


@pytest.mark.parametrize(("file", "line", "symbol", "provider", "why"), CASES, ids=[c[2] for c in CASES])
def test_only_messages_to_a_person_are_wired(
    scan: RepoScan, rules: WireRules, file: str, line: int, symbol: str, provider: str, why: str | None
) -> None:
    listed = {c.symbol: c for c in wireable(scan, rules)}
    candidate = listed[symbol]
    if why is None:
        assert candidate.ready, candidate.reason
        artifact = wire(scan, WireOptions(touchpoint_id=candidate.touchpoint_id), rules)
        assert artifact.edits and artifact.edits[0].path == file
    else:
        assert not candidate.ready
        assert candidate.reason is not None and why in candidate.reason
        assert "personalizes only content the app writes for a person" in candidate.reason


def test_a_value_only_logged_is_not_the_message(scan: RepoScan, rules: WireRules) -> None:
    tp = _touchpoint("src/mail.ts", 34, "payPartner", "resend")
    with_send = scan.model_copy(update={"touchpoints": [*scan.touchpoints, tp]})
    artifact = wire(with_send, WireOptions(touchpoint_id=tp.id), rules)
    assert sorted(artifact.field_mapping.values()) == ["body", "subject"]
