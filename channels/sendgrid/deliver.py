"""Send a generated email through SendGrid's v3 REST API and record it in Personize memory.

Needs httpx and personize_client.py (the project's standalone client).
"""

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from personize_client import Personize

SEND_URL = "https://api.sendgrid.com/v3/mail/send"
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
    status: int
    message_id: str | None


def check_email(m: EmailMessage) -> list[str]:
    """Format rules for email; returns the problems (empty = OK to send)."""
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


def send_with_sendgrid(m: EmailMessage, http: httpx.Client | None = None) -> DeliveryResult:
    api_key = os.environ.get("SENDGRID_API_KEY")
    sender = os.environ.get("SENDGRID_FROM_EMAIL")
    if not api_key or not sender:
        raise ValueError("set SENDGRID_API_KEY and SENDGRID_FROM_EMAIL")
    problems = check_email(m)
    if problems:
        raise ValueError("not sent: " + "; ".join(problems))
    from_address = {"email": sender}
    if name := os.environ.get("SENDGRID_FROM_NAME"):
        from_address["name"] = name
    body = {
        "personalizations": [{"to": [{"email": m.to}]}],
        "from": from_address,
        "subject": m.subject,
        # SendGrid requires text/plain before text/html.
        "content": [
            {"type": "text/plain", "value": m.text},
            {"type": "text/html", "value": m.html},
        ],
        "categories": [m.campaign],
        "custom_args": {"campaign": m.campaign},
    }
    post = http.post if http else httpx.post  # pass a Client to reuse connections
    response = post(SEND_URL, json=body, headers={"Authorization": f"Bearer {api_key}"},
                    timeout=15)
    response.raise_for_status()  # 202 Accepted on success
    return DeliveryResult("sendgrid", response.status_code, response.headers.get("X-Message-Id"))


def record_delivery(client: Personize, m: EmailMessage, result: DeliveryResult) -> None:
    """Close the loop: the next generation recalls what this person already received."""
    client.memory.memorize(
        email=m.to,
        content=f"[EMAIL SENT via SendGrid] {datetime.now(UTC).isoformat()} campaign "
        f"{m.campaign}, message {result.message_id or 'n/a'}. Subject: {m.subject}\n\n{m.text}",
        speaker="delivery",
        enhanced=True,
        tags=["delivery", "channel:email", "provider:sendgrid", f"campaign:{m.campaign}"],
    )
