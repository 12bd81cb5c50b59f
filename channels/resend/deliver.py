"""Send a generated email through Resend's REST API and record it in Personize memory.

Needs httpx and personize_client.py (the project's standalone client).
"""

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from personize_client import Personize

SEND_URL = "https://api.resend.com/emails"
ALLOWED_TAGS = {"p", "b", "i", "a", "br", "ul", "li"}


@dataclass
class EmailMessage:
    to: str
    subject: str
    html: str  # only <p> <b> <i> <a href> <br> <ul> <li>
    text: str  # plain-text part, always sent alongside the HTML
    campaign: str
    idempotency_key: str  # stable per message, so a retried send is not duplicated


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


def tag_value(value: str) -> str:
    """Resend tag values may only hold ASCII letters, digits, underscores and dashes."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", value)[:256]


def send_with_resend(m: EmailMessage, http: httpx.Client | None = None) -> str:
    """Returns Resend's message id."""
    api_key, sender = os.environ.get("RESEND_API_KEY"), os.environ.get("RESEND_FROM")
    if not api_key or not sender:
        raise ValueError("set RESEND_API_KEY and RESEND_FROM")
    problems = check_email(m)
    if problems:
        raise ValueError("not sent: " + "; ".join(problems))
    post = http.post if http else httpx.post  # pass a Client to reuse connections
    response = post(
        SEND_URL,
        json={"from": sender, "to": [m.to], "subject": m.subject, "html": m.html, "text": m.text,
              "tags": [{"name": "campaign", "value": tag_value(m.campaign)}]},
        headers={"Authorization": f"Bearer {api_key}", "Idempotency-Key": m.idempotency_key},
        timeout=15,
    )
    response.raise_for_status()
    return str(response.json()["id"])


def record_delivery(client: Personize, m: EmailMessage, message_id: str) -> None:
    client.memory.memorize(
        email=m.to,
        content=f"[EMAIL SENT via Resend] {datetime.now(UTC).isoformat()} campaign {m.campaign}, "
        f"message {message_id}. Subject: {m.subject}\n\n{m.text}",
        speaker="delivery",
        enhanced=True,
        tags=["delivery", "channel:email", "provider:resend", f"campaign:{m.campaign}"],
    )
