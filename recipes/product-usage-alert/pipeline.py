"""Find records whose usage crossed a threshold and alert the account owner on Slack.

    python pipeline.py --property days_since_login --operator GT --value 14
                       [--type Contact] [--max 25] [--dry-run]

OBSERVE with memory.search (the segment), RECALL each record's digest, GENERATE a short
internal alert (what changed, why it matters, one next step), ACT by posting to
SLACK_WEBHOOK_URL (printed when unset), UPDATE memory so the next run knows the alert went
out. Paced to the plan: about 4 calls per record, so perMinute / 4 records per minute.
"""

import argparse
import logging
import os
import sys
import time
from datetime import UTC, datetime
from typing import Any

import httpx
from personize_client import Personize, PersonizeError

log = logging.getLogger("usage-alert")
OPERATORS = ("EQ", "NEQ", "GT", "GTE", "LT", "LTE", "CONTAINS", "IS_SET", "IS_NOT_SET")


def coerce(raw: str | None) -> Any:
    """Numbers are compared as numbers; anything else as text."""
    if raw is None:
        return None
    try:
        return int(raw) if raw.lstrip("-").isdigit() else float(raw)
    except ValueError:
        return raw


def condition(args: argparse.Namespace) -> str:
    return " ".join(str(p) for p in (args.property, args.operator, args.value) if p is not None)


def observe(client: Personize, args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """(recordId, email) pairs for up to args.max matching records."""
    rule: dict[str, Any] = {"field": args.property, "operator": args.operator}
    if args.value is not None:
        rule["value"] = coerce(args.value)
    found: list[tuple[str, str | None]] = []
    page = 1
    while len(found) < args.max:
        data = client.memory.search(type=args.type, returnRecords=True, page=page,
                                    pageSize=min(50, args.max),
                                    groups=[{"id": "usage", "logic": "AND", "conditions": [rule]}])
        records = data.get("records") or {}
        for record_id in data.get("recordIds") or []:
            email = ((records.get(record_id) or {}).get("email") or {}).get("value")
            found.append((record_id, email if isinstance(email, str) else None))
        if page >= int(data.get("totalPages") or 1) or not data.get("recordIds"):
            break
        page += 1
    return found[: args.max]


def alert_for(client: Personize, record_id: str, args: argparse.Namespace) -> str:
    digest = client.memory.smart_digest(recordId=record_id, type=args.type, token_budget=1200)
    result = client.ai.prompt(
        context=(digest or {}).get("compiledContext") or "(no context)",
        prompt=f'This account matched the usage rule "{condition(args)}". Write an internal '
        "Slack alert for the account owner in mrkdwn, at most 80 words: *what changed*, *why it "
        "matters for this account* (only facts from the context), and *one suggested next "
        "step*. No greeting.",
    )
    text = str(result.get("text") or "").strip()
    if not text:
        raise PersonizeError("no alert text")
    return text


def post(text: str) -> None:
    url = os.environ.get("SLACK_WEBHOOK_URL")
    if not url:
        print(text + "\n")
        return
    httpx.post(url, json={"text": text}, timeout=10).raise_for_status()


def run(args: argparse.Namespace) -> int:
    sent = 0
    with Personize() as client:
        per_minute = int(client.me()["plan"]["limits"]["maxApiCallsPerMinute"])
        gap = 60.0 / max(1, per_minute // 4)
        records = observe(client, args)
        log.info("%d records match %s", len(records), condition(args))
        next_start = 0.0
        for record_id, email in records:
            # Pace to the plan: each record starts at least `gap` seconds after the last.
            time.sleep(max(0.0, next_start - time.monotonic()))
            next_start = time.monotonic() + gap
            try:
                alert = alert_for(client, record_id, args)
                message = f"*Usage alert* - {email or record_id}\n{alert}"
                if args.dry_run:
                    print(message + "\n")
                    continue
                post(message)
                client.memory.memorize(
                    recordId=record_id,
                    content=f"[USAGE ALERT] {datetime.now(UTC).isoformat()}: {condition(args)}. "
                    f"Alert sent to the account owner: {message}",
                    speaker="product-usage-alert", enhanced=False,
                    tags=["alert", "delivery", "channel:slack", f"alert:{args.property}"],
                )
                sent += 1
            except (PersonizeError, httpx.HTTPError) as error:
                log.warning("%s: %s", record_id, error)  # one record must not stop the run
    return sent


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="[%(name)s] %(message)s")
    parser = argparse.ArgumentParser(description="Alert account owners about usage changes.")
    parser.add_argument("--property", required=True, help="property name, e.g. days_since_login")
    parser.add_argument("--operator", required=True, type=str.upper, choices=OPERATORS)
    parser.add_argument("--value")
    parser.add_argument("--type", default="Contact")
    parser.add_argument("--max", type=int, default=25)
    parser.add_argument("--dry-run", action="store_true", help="print alerts; send nothing")
    args = parser.parse_args(argv)
    try:
        sent = run(args)
    except PersonizeError as error:
        log.error("failed: %s", error)
        return 1
    log.info("done: %d alerts sent%s", sent, " (dry run)" if args.dry_run else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
