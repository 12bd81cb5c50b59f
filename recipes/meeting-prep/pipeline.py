"""A one-page brief before a meeting: who is coming, what they care about, what is open.

    python pipeline.py --attendee ana@acme.com [--attendee li@acme.com] --topic "Renewal"
                       [--website https://acme.com] [--when "Tue 10:00"]

Everything is fetched in parallel (guidelines, one digest and one recall per attendee, the
company digest), then one prompt writes a Slack-ready brief (mrkdwn, <= 300 words). It is
posted to SLACK_WEBHOOK_URL when set, otherwise printed; each attendee's memory gets a note
that a brief was prepared, so the follow-up can refer to it.
"""

import argparse
import logging
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import httpx
from personize_client import Personize, PersonizeError

log = logging.getLogger("meeting-prep")


def facts(data: Any) -> str:
    items = data if isinstance(data, list) else (data or {}).get("results") or []
    lines = [i.get("text") or i.get("content") or i.get("memory") for i in items]
    return "\n".join(f"- {line}" for line in lines if line) or "- nothing recorded"


def attendee_section(client: Personize, email: str, topic: str) -> str:
    digest = client.memory.smart_digest(email=email, type="Contact", token_budget=1500) or {}
    recall = client.memory.smart_recall(
        query=f"{topic}: open questions, commitments, objections, last conversation",
        email=email, type="Contact", fast_mode=True, limit=8, minScore=0.3,
    )
    known = digest.get("compiledContext") or "(nothing known yet)"
    return f"### {email}\n{known}\n\nRelevant:\n{facts(recall)}"


def build_context(client: Personize, args: argparse.Namespace) -> str:
    with ThreadPoolExecutor(max_workers=2 + len(args.attendee)) as pool:
        rules = pool.submit(client.ai.smart_guidelines,
                            message=f"meeting preparation for: {args.topic}", mode="fast")
        company = pool.submit(client.memory.smart_digest, website_url=args.website,
                              type="Company", token_budget=1500) if args.website else None
        people = [pool.submit(attendee_section, client, email, args.topic)
                  for email in args.attendee]
    company_context = (company.result() or {}).get("compiledContext") if company else None
    return "\n\n---\n\n".join([
        f"## Guidelines\n{(rules.result() or {}).get('compiledContext') or '(none)'}",
        f"## Company\n{company_context or '(unknown)'}",
        "## Attendees\n" + "\n\n".join(p.result() for p in people),
    ])


def post_to_slack(text: str) -> bool:
    url = os.environ.get("SLACK_WEBHOOK_URL")
    if not url:
        return False
    httpx.post(url, json={"text": text, "mrkdwn": True}, timeout=10).raise_for_status()
    return True


def record(client: Personize, args: argparse.Namespace) -> None:
    slug = re.sub(r"\W+", "-", args.topic.lower()).strip("-")
    noted = 0
    for email in args.attendee:
        try:
            client.memory.memorize(
                email=email,
                content=f"[MEETING PREP] {datetime.now(UTC).isoformat()}: brief prepared for "
                f'"{args.topic}" ({args.when}).',
                speaker="meeting-prep", enhanced=False, tags=["meeting-prep", f"meeting:{slug}"],
            )
            noted += 1
        except PersonizeError as error:  # best effort: the brief is already delivered
            log.warning("could not note %s: %s", email, error)
    log.info("noted on %d/%d attendees", noted, len(args.attendee))


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="[%(name)s] %(message)s")
    parser = argparse.ArgumentParser(description="Write a meeting brief from memory.")
    parser.add_argument("--attendee", action="append", required=True, help="repeatable")
    parser.add_argument("--topic", required=True)
    parser.add_argument("--website")
    parser.add_argument("--when", default="upcoming")
    args = parser.parse_args(argv)
    try:
        with Personize() as client:
            result = client.ai.prompt(context=build_context(client, args), instructions=[{
                "prompt": f'Meeting "{args.topic}" ({args.when}). Write a brief for our team in '
                "Slack mrkdwn, at most 300 words: *Who* (one line per attendee: role, what "
                "they care about), *Context* (account state, recent events), *Open items* "
                "(questions, commitments, risks), *Goal and suggested talking points* (3 "
                'bullets). Use only facts from the context; say "unknown" rather than guess.',
                "maxSteps": 2,
            }])
            brief = str(result.get("text") or "")
            if not brief:
                log.error("no brief generated")
                return 1
            if post_to_slack(brief):
                log.info("brief posted to Slack")
            else:
                print(brief)
            record(client, args)
    except (PersonizeError, httpx.HTTPError) as error:
        log.error("failed: %s", error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
