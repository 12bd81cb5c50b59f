"""Wire cases first met on real apps (batch 7): each once produced a "ready" patch that did
not compile, or wired a function the wrong way. They must be refused with a reason, or come
out as code that parses."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from personize_assistant.actions.wire import WireOptions, load_rules, wire, wireable
from personize_assistant.actions.wire.artifact import render_diff
from personize_assistant.errors import UsageError
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan


def _repo(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _by_symbol(scan: RepoScan, kind: Kind, symbol: str) -> list[str]:
    return [t.id for t in scan.touchpoints if t.kind is kind and t.symbol == symbol]


REACT_SENDS = """import * as React from "react";
import { Resend } from "resend";
import SummaryEmail, { type SummaryEmailProps } from "../emails/summary";

const resend = new Resend(process.env.RESEND_API_KEY);

export const sendSummaryEmail = async ({ to, emailProps }: { to: string; emailProps: SummaryEmailProps }) =>
  resend.emails.send({
    from: "team@example.com",
    to,
    subject: "Your weekly summary",
    react: <SummaryEmail {...emailProps} />,
  });

export async function sendSummaryBlock({ to, emailProps }: { to: string; emailProps: SummaryEmailProps }) {
  return resend.emails.send({
    from: "team@example.com",
    to,
    subject: "Your weekly summary",
    react: <SummaryEmail {...emailProps} />,
  });
}
"""

SUMMARY_EMAIL = """import * as React from "react";

export type SummaryEmailProps = { name: string };

export default function SummaryEmail({ name }: SummaryEmailProps) {
  return <p>Hello {name}</p>;
}
"""


def test_a_templated_send_returned_by_an_arrow_without_a_body_is_refused_not_spliced(tmp_path: Path) -> None:
    root = _repo(tmp_path, {
        "package.json": '{"name": "arrow-mail", "dependencies": {"resend": "4.0.0", "react": "18.3.1"}}\n',
        "emails/summary.tsx": SUMMARY_EMAIL,
        "src/send.tsx": REACT_SENDS,
    })
    scan, rules = scan_repo(root, use_cache=False), load_rules()
    listed = {c.touchpoint_id: c for c in wireable(scan, rules)}
    arrow = _by_symbol(scan, Kind.EMAIL_SEND, "sendSummaryEmail")
    block = _by_symbol(scan, Kind.EMAIL_SEND, "sendSummaryBlock")
    assert arrow and block
    for tid in arrow:  # the statement would have landed inside the call's object literal
        assert not listed[tid].ready and "without a body block" in (listed[tid].reason or "")
        with pytest.raises(UsageError, match="without a body block"):
            wire(scan, WireOptions(touchpoint_id=tid), rules)
    assert any(listed[tid].ready for tid in block)  # the same send in a block body still wires


@pytest.mark.toolchain
def test_a_beat_schedule_with_quotes_and_a_comment_becomes_a_valid_literal(tmp_path: Path) -> None:
    root = _repo(tmp_path, {
        "requirements.txt": "celery==5.4.0\ndjango==5.0\n",
        "proj/__init__.py": "",
        "proj/celery.py": 'from celery import Celery\nfrom celery.schedules import crontab\n\n'
                          'app = Celery("proj")\napp.conf.beat_schedule = {\n    "send-digests": {\n'
                          '        "task": "proj.tasks.send_digests",\n'
                          '        "schedule": crontab(minute="*/5"),  # Every 5 minutes\n    },\n}\n',
        "proj/tasks.py": "from celery import shared_task\nfrom django.core.mail import send_mail\n\n\n"
                         "@shared_task\ndef send_digests():\n"
                         '    send_mail("Your digest", "Here is what happened.", "team@example.com", ["ana@example.com"])\n',
    })
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    scan = scan_repo(root, use_cache=False)
    job = next(t for t in scan.touchpoints if t.kind is Kind.SCHEDULED_JOB and t.symbol == "send_digests")
    assert job.schedule == 'crontab(minute="*/5")'  # the line's comment is not part of it
    diff = render_diff(wire(scan, WireOptions(touchpoint_id=job.id), load_rules()))
    subprocess.run(["git", "apply", "-"], cwd=root, input=diff, text=True, check=True)
    compile((root / "proj/tasks.py").read_text(encoding="utf-8"), "proj/tasks.py", "exec")
    assert '"crontab(minute=\\"*/5\\")"' in (root / "proj/tasks.py").read_text(encoding="utf-8")


def test_a_helper_taking_the_raw_body_as_a_string_is_not_an_express_handler(tmp_path: Path) -> None:
    root = _repo(tmp_path, {
        "package.json": '{"name": "billing", "dependencies": {"stripe": "14.0.0", "next": "14.2.3"}}\n',
        "lib/stripe-webhook.ts": """import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");

export const webhookHandler = async (requestBody: string, stripeSignature: string) => {
  const event = stripe.webhooks.constructEvent(requestBody, stripeSignature, process.env.STRIPE_WEBHOOK_SECRET ?? "");
  return { status: 200, message: { received: event.type } };
};
""",
        "app/api/billing/stripe-webhook/route.ts": """import { webhookHandler } from "@/lib/stripe-webhook";

export async function POST(req: Request) {
  const body = await req.text();
  const result = await webhookHandler(body, req.headers.get("stripe-signature") ?? "");
  return Response.json(result.message, { status: result.status });
}
""",
    })
    scan, rules = scan_repo(root, use_cache=False), load_rules()
    helper = [t.id for t in scan.touchpoints if t.kind is Kind.WEBHOOK_HANDLER and t.symbol == "webhookHandler"]
    for tid in helper:  # `requestBody.body` / `stripeSignature.once(...)` would not compile
        candidate = next(c for c in wireable(scan, rules) if c.touchpoint_id == tid)
        assert not candidate.ready
    route = [t for t in scan.touchpoints if t.kind is Kind.WEBHOOK_HANDLER and t.symbol == "POST"]
    assert helper and route  # the route still wires; its helper does not


def test_a_kyc_providers_webhook_is_not_memorized_raw(tmp_path: Path) -> None:
    handler = """export async function POST(req: Request) {
  const event = (await req.json()) as { status?: string };
  return Response.json({ received: event.status ?? "unknown" });
}
"""
    root = _repo(tmp_path, {
        "package.json": '{"name": "kyc", "dependencies": {"next": "14.2.3"}}\n',
        "app/api/veriff/webhook/route.ts": handler,
        "app/api/github/webhook/route.ts": handler,
    })
    scan, rules = scan_repo(root, use_cache=False), load_rules()
    listed = {c.location.split(":")[0]: c for c in wireable(scan, rules) if c.kind == Kind.WEBHOOK_HANDLER.value}
    kyc = listed["app/api/veriff/webhook/route.ts"]
    assert not kyc.ready and "identity verification" in (kyc.reason or "")
    assert listed["app/api/github/webhook/route.ts"].ready  # the same handler from elsewhere still wires
