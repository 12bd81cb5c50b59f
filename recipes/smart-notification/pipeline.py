"""Decide whether an event deserves a notification for this person, and only then write it.

    python pipeline.py <email> "<event description>" [--channel push] [--event-type T] [--dry-run]

The digest says who the person is, recall says what we already told them, guidelines say how
we notify. The model scores relevance 0-100: >= 60 SEND, 40-59 DEFER (kept in memory for a
later digest), < 40 SKIP. Sent and deferred notifications are memorized so the next decision
sees them. Delivery goes to NOTIFY_WEBHOOK_URL (your own notification endpoint).
"""

import argparse
import logging
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from personize_client import Personize, PersonizeError

log = logging.getLogger("notify")
LIMITS = {"push": (50, 100), "sms": (0, 160), "slack": (80, 900), "email": (80, 2000)}


@dataclass
class Notification:
    decision: str
    score: int
    reason: str
    title: str
    body: str
    url: str | None


def field(text: str, name: str) -> str:
    match = re.search(rf"^\s*{name}\s*:\s*(.*)$", text, re.I | re.M)
    return match.group(1).strip() if match else ""


def decide(score: int) -> str:
    """Thresholds are applied in code, so a model that says SEND at 45 still defers."""
    if score >= 60:
        return "SEND"
    return "DEFER" if score >= 40 else "SKIP"


def recently_sent(data: Any) -> str:
    items = data if isinstance(data, list) else (data or {}).get("results") or []
    lines = [i.get("text") or i.get("content") or i.get("memory") for i in items]
    return "\n".join(f"- {line}" for line in lines if line) or "- nothing recorded"


def _score(text: str) -> int:
    try:
        return max(0, min(100, int(float(field(text, "SCORE")))))
    except ValueError:
        return 0


def evaluate(client: Personize, email: str, event: str, channel: str) -> Notification:
    with ThreadPoolExecutor(max_workers=3) as pool:
        digest = pool.submit(client.memory.smart_digest, email=email, type="Contact",
                             token_budget=1000)
        history = pool.submit(client.memory.smart_recall,
                              query="notifications and messages we sent recently", email=email,
                              type="Contact", fast_mode=True, limit=10)
        rules = pool.submit(client.ai.smart_guidelines,
                            message=f"{channel} notification rules and tone", mode="fast")
    context = "\n\n---\n\n".join([
        f"## Guidelines\n{(rules.result() or {}).get('compiledContext') or '(none)'}",
        f"## Person\n{(digest.result() or {}).get('compiledContext') or '(unknown)'}",
        f"## Already sent\n{recently_sent(history.result())}",
        f"## New event\n{event}",
    ])
    title_max, body_max = LIMITS[channel]
    result = client.ai.prompt(context=context, instructions=[
        {"prompt": "How relevant and timely is the new event for this person, given what we "
                   "already sent? Answer SCORE: <0-100> and REASON: <one sentence>.",
         "maxSteps": 1},
        {"prompt": f"If the score is 60 or more, write the {channel} notification as TITLE: "
                   f"(max {title_max} chars) BODY: (max {body_max} chars, plain text) and URL: "
                   "(absolute https link or NONE). Otherwise write TITLE: NONE. Use only facts "
                   "from the context.", "maxSteps": 1},
    ])
    text = str(result.get("text", ""))
    score = _score(text)
    url = field(text, "URL")
    title = "" if field(text, "TITLE").upper() == "NONE" else field(text, "TITLE")
    return Notification(decide(score), score, field(text, "REASON"), title[:title_max],
                        field(text, "BODY")[:body_max], url if url.startswith("https://") else None)


def deliver(channel: str, email: str, note: Notification) -> None:
    payload = {"channel": channel, "email": email, "title": note.title, "body": note.body,
               "url": note.url}
    endpoint = os.environ.get("NOTIFY_WEBHOOK_URL")
    if not endpoint:
        log.info("NOTIFY_WEBHOOK_URL not set; would send: %s", payload)
        return
    httpx.post(endpoint, json=payload, timeout=10).raise_for_status()


def record(client: Personize, email: str, event: str, event_type: str, channel: str,
           note: Notification) -> None:
    state = "sent" if note.decision == "SEND" else "deferred"
    tags = ["notification", f"notification:{state}", f"channel:{channel}", f"event:{event_type}"]
    parts = [f"[NOTIFICATION {note.decision}] {datetime.now(UTC).isoformat()} via {channel} "
             f"(score {note.score}). Event: {event}."]
    parts += [f"Title: {note.title}."] if note.title else []
    parts += [f"Body: {note.body}."] if note.body else []
    parts.append(f"Reason: {note.reason}")
    client.memory.memorize(email=email, content=" ".join(parts), speaker="smart-notification",
                           enhanced=False, tags=tags)
    log.info("recorded in memory with tags %s", ", ".join(tags))


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="[%(name)s] %(message)s")
    parser = argparse.ArgumentParser(description="Decide, write and deliver one notification.")
    parser.add_argument("email")
    parser.add_argument("event", help="what happened, in a sentence")
    parser.add_argument("--channel", choices=sorted(LIMITS), default="push")
    parser.add_argument("--event-type", default="event", help="short tag, e.g. usage_drop")
    parser.add_argument("--dry-run", action="store_true", help="decide only; send nothing")
    args = parser.parse_args(argv)
    try:
        with Personize() as client:
            note = evaluate(client, args.email, args.event, args.channel)
            log.info("%s (score %d): %s", note.decision, note.score, note.reason)
            if note.decision == "SKIP" or args.dry_run:
                return 0
            if note.decision == "SEND":
                if not note.body:
                    log.error("model chose SEND but wrote no BODY; not sending")
                    return 1
                deliver(args.channel, args.email, note)
            record(client, args.email, args.event, args.event_type, args.channel, note)
    except (PersonizeError, httpx.HTTPError) as error:
        log.error("failed: %s", error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
