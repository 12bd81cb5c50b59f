"""Send a generated email through Postmark's REST API and record it in Personize memory.

Needs httpx and personize_client.py (the project's standalone client).
"""

import os
import re
from dataclasses import dataclass

import httpx
from personize_client import Personize

SEND_URL = "https://api.postmarkapp.com/email"
ALLOWED_TAGS = {"p", "b", "i", "a", "br", "ul", "li"}


@dataclass
class EmailMessage:
    to: str
    subject: str
    html: str  # only <p> <b> <i> <a href> <br> <ul> <li>
    text: str  # plain-text part, always sent alongside the HTML
    campaign: str


@dataclass
class DeliveryResult:
    provider: str
    message_id: str | None
    submitted_at: str


def check_email(m: EmailMessage) -> list[str]:
    problems = []
    if not m.subject.strip() or len(m.subject) > 80:
        problems.append("subject must be 1-80 characters")
    if re.search(r"<[^>]+>", m.subject):
        problems.append("subject must be plain text")
    if not m.text.strip():
        problems.append("plain-text part is missing")
    bad = sorted({t.lower() for t in re.findall(r"</?([a-z0-9]+)", m.html, re.I)} - ALLOWED_TAGS)
    if bad:
        problems.append(f"disallowed HTML tags: {', '.join(bad)}")
    if re.search(r"href=[\"']http:", m.html, re.I):
        problems.append("links must be https")
    return problems


def send_with_postmark(m: EmailMessage, http: httpx.Client | None = None) -> DeliveryResult:
    token, sender = os.environ.get("POSTMARK_SERVER_TOKEN"), os.environ.get("POSTMARK_FROM_EMAIL")
    if not token or not sender:
        raise ValueError("set POSTMARK_SERVER_TOKEN and POSTMARK_FROM_EMAIL")
    problems = check_email(m)
    if problems:
        raise ValueError("not sent: " + "; ".join(problems))
    post = http.post if http else httpx.post  # pass a Client to reuse connections
    response = post(
        SEND_URL,
        json={
            "From": sender, "To": m.to, "Subject": m.subject, "HtmlBody": m.html,
            "TextBody": m.text, "Tag": m.campaign, "Metadata": {"campaign": m.campaign},
            # Transactional mail uses "outbound"; bulk or marketing needs a broadcast stream.
            "MessageStream": os.environ.get("POSTMARK_MESSAGE_STREAM", "outbound"),
        },
        headers={"X-Postmark-Server-Token": token, "Accept": "application/json"},
        timeout=15,
    )
    body = response.json()
    # Postmark reports failures as a non-zero ErrorCode (with a 4xx status).
    if response.status_code >= 400 or body.get("ErrorCode", 0) != 0:
        raise ValueError(f"Postmark error {body.get('ErrorCode')}: {body.get('Message')}")
    return DeliveryResult("postmark", body.get("MessageID"), str(body.get("SubmittedAt", "")))


def record_delivery(client: Personize, m: EmailMessage, result: DeliveryResult) -> None:
    client.memory.memorize(
        email=m.to,
        content=f"[EMAIL SENT via Postmark] {result.submitted_at} campaign {m.campaign}, message "
        f"{result.message_id or 'n/a'}. Subject: {m.subject}\n\n{m.text}",
        speaker="delivery",
        enhanced=True,
        tags=["delivery", "channel:email", "provider:postmark", f"campaign:{m.campaign}"],
    )
