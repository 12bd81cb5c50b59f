"""Post a generated Slack message (channel post or DM) and record it in Personize memory.

Uses Slack's Web API over httpx. Needs personize_client.py (the project's standalone client).
"""

import os
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from personize_client import Personize

API = "https://slack.com/api/"


@dataclass
class SlackMessage:
    target: str  # channel id (C...) or user id (U...) for a direct message
    text: str  # mrkdwn: *bold*, _italic_, `code`, >quote, <https://url|text>
    campaign: str
    about_email: str | None = None  # the contact the message is about, if any


@dataclass
class DeliveryResult:
    provider: str
    channel: str
    ts: str


def check_slack(m: SlackMessage) -> list[str]:
    """DMs stay within 150 words and channel posts within 300; mrkdwn, never HTML."""
    problems = []
    limit = 150 if m.target.startswith("U") else 300
    words = len(m.text.split())
    if not m.text.strip():
        problems.append("text is empty")
    if words > limit:
        problems.append(f"{words} words (max {limit})")
    if re.search(r"</?(p|b|i|br|div|span|a)\b[^>]*>", m.text, re.I):
        problems.append("HTML tags: use mrkdwn")
    if re.search(r"\[[^\]]+\]\(https?://[^)]+\)", m.text):
        problems.append("markdown links: use <https://url|text>")
    return problems


def _call(http: httpx.Client, method: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Slack answers 200 with ok=false on errors, and 429 with Retry-After when rate limited."""
    for _ in range(3):
        response = http.post(API + method, json=payload)
        if response.status_code == 429:
            time.sleep(float(response.headers.get("Retry-After", "1")))
            continue
        response.raise_for_status()
        body: dict[str, Any] = response.json()
        if not body.get("ok"):
            raise ValueError(f"Slack {method} failed: {body.get('error', 'unknown error')}")
        return body
    raise ValueError(f"Slack {method} still rate limited after 3 attempts")


def post_to_slack(m: SlackMessage) -> DeliveryResult:
    token = os.environ.get("SLACK_BOT_TOKEN")
    if not token:
        raise ValueError("set SLACK_BOT_TOKEN (a bot token with chat:write, im:write for DMs)")
    problems = check_slack(m)
    if problems:
        raise ValueError("not sent: " + "; ".join(problems))
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(headers=headers, timeout=10) as http:
        channel = m.target
        if m.target.startswith("U"):
            channel = _call(http, "conversations.open", {"users": m.target})["channel"]["id"]
        body = _call(http, "chat.postMessage", {
            "channel": channel, "text": m.text, "unfurl_links": False,
            "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": m.text}}],
        })
    return DeliveryResult("slack", str(body.get("channel", channel)), str(body["ts"]))


def record_delivery(client: Personize, m: SlackMessage, result: DeliveryResult) -> None:
    if not m.about_email:
        return  # an internal post not tied to a contact: nothing to remember
    client.memory.memorize(
        email=m.about_email,
        content=f"[SLACK SENT] {datetime.now(UTC).isoformat()} campaign {m.campaign}, channel "
        f"{result.channel}, ts {result.ts}.\n\n{m.text}",
        speaker="delivery",
        enhanced=True,
        tags=["delivery", "channel:slack", "provider:slack", f"campaign:{m.campaign}"],
    )
