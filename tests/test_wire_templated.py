"""A send whose content a template renders is refused with the template form named,
so `wire --list` says why (React Email, Django, Jinja)."""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.actions.wire.action import load_rules, wireable
from personize_assistant.scan.models import RepoScan
from tests.support.touchpoints import email_touchpoint

FILES = {
    "package.json": '{"name": "templated-fixture"}\n',
    "src/welcome.tsx": """import { Resend } from 'resend';
import { WelcomeEmail } from './emails/welcome';

const resend = new Resend(process.env.RESEND_API_KEY);

export async function sendWelcome(to: string, name: string) {
  return resend.emails.send({ from: 'hi@acme.dev', to, subject: 'Welcome', react: <WelcomeEmail name={name} /> });
}
""",
    "app/mail.py": """from django.core.mail import send_mail
from django.template.loader import render_to_string


def send_receipt(order):
    context = {"order": order}
    send_mail("Your receipt", "", "hi@acme.dev", [order.email], html_message=render_to_string("mail/receipt.html", context))
""",
}

CASES = [
    ("src/welcome.tsx", 7, "sendWelcome", "resend", "a React Email component (react: <Template />)"),
    ("app/mail.py", 8, "send_receipt", "django", "a Django template (render_to_string)"),
]


_touchpoint = email_touchpoint


@pytest.mark.parametrize(("file", "line", "symbol", "provider", "form"), CASES, ids=[c[2] for c in CASES])
def test_templated_sends_name_their_template(
    tmp_path: Path, file: str, line: int, symbol: str, provider: str, form: str
) -> None:
    for relative, text in FILES.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    scan = RepoScan(root=str(tmp_path), touchpoints=[_touchpoint(file, line, symbol, provider)])
    (candidate,) = wireable(scan, load_rules())
    assert not candidate.ready
    assert candidate.reason is not None and f"renders its content from {form}" in candidate.reason
