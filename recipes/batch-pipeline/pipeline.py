"""The ten-step loop over a segment, within the plan's rate budget, resumable.

    python pipeline.py segment.json --goal "trial ends in 3 days: help them finish setup"
        [--channel email] [--max 100] [--state state.json] [--outbox outbox.jsonl] [--signal ..]

 1 OBSERVE   memory.search pages through the segment (segment.json = search filters)
 2 REMEMBER  optional --signal is memorized on each record before deciding
 3 RECALL    guidelines once per run (shared sessionId), digest + recall per record
 4 REASON    one multi-step ai.prompt covers 4-7: analyse the record,
 5 PLAN      weigh what was already sent,
 6 DECIDE    SEND or SKIP with a 0-100 score (>= 60 sends),
 7 GENERATE  the message fields (only when the decision is SEND)
 8 ACT       append to the outbox and POST to DELIVERY_WEBHOOK_URL when set
 9 UPDATE    memorize what was sent (tags: delivery, channel, campaign)
10 REPEAT    processed ids go to the state file; the next run (cron) resumes from it
"""

import argparse
import json
import logging
import os
import re
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from personize_client import Personize, PersonizeError

CALLS_PER_RECORD = 5  # digest, recall, prompt, memorize (+ signal / search, amortised)
LABEL = re.compile(r"^\s*(SCORE|DECISION|REASON|SUBJECT|BODY_HTML|BODY_TEXT)\s*:\s*", re.M)
log = logging.getLogger("batch")


def parse_fields(text: str) -> dict[str, str]:
    hits = list(LABEL.finditer(text))
    ends = [h.start() for h in hits[1:]] + [len(text)]
    return {h.group(1): text[h.end() : end].strip() for h, end in zip(hits, ends, strict=True)}


def load_state(path: Path, goal: str) -> dict[str, Any]:
    if path.exists():
        state: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return state
    return {"campaign": re.sub(r"\W+", "-", goal.lower())[:40], "processed": []}


def observe(client: Personize, segment: dict[str, Any], done: set[str], limit: int
            ) -> list[tuple[str, str | None]]:
    """1 OBSERVE: (recordId, email) of segment records not processed yet, up to `limit`."""
    targets: list[tuple[str, str | None]] = []
    page = 1
    while len(targets) < limit:
        data = client.memory.search(**segment, returnRecords=True, page=page, pageSize=50)
        records = data.get("records") or {}
        for record_id in data.get("recordIds") or []:
            if record_id not in done:
                email = ((records.get(record_id) or {}).get("email") or {}).get("value")
                targets.append((record_id, email if isinstance(email, str) else None))
        if page >= int(data.get("totalPages") or 1) or not data.get("recordIds"):
            break
        page += 1
    return targets[:limit]


def recall_lines(data: Any) -> str:
    items = data if isinstance(data, list) else (data or {}).get("results") or []
    lines = [i.get("text") or i.get("content") or i.get("memory") for i in items]
    return "\n".join(f"- {line}" for line in lines if line) or "- none"


def _decide_and_write(client: Personize, args: argparse.Namespace, record_id: str,
                      guidelines: str, session_id: str) -> dict[str, str]:
    with ThreadPoolExecutor(max_workers=2) as pool:  # 3 RECALL
        digest = pool.submit(client.memory.smart_digest, recordId=record_id, token_budget=1500)
        recall = pool.submit(client.memory.smart_recall, recordId=record_id,
                             query=f"{args.goal}; messages already sent", fast_mode=True,
                             limit=8, minScore=0.3)
    context = "\n\n---\n\n".join([
        f"## Guidelines\n{guidelines}",
        f"## Record\n{(digest.result() or {}).get('compiledContext') or ''}",
        f"## Relevant\n{recall_lines(recall.result())}",
    ])
    result = client.ai.prompt(sessionId=session_id, context=context, instructions=[  # 4-7
        {"prompt": f"Goal: {args.goal}. What do we know about this record that matters for the "
                   "goal, and what did we already send?", "maxSteps": 2},
        {"prompt": "Should we contact them now? Answer SCORE: <0-100>, DECISION: SEND or SKIP, "
                   "REASON: <one sentence>. SKIP when it would repeat an earlier message or "
                   "lacks a relevant reason.", "maxSteps": 1},
        {"prompt": f"If DECISION is SEND, write the {args.channel} message as SUBJECT:, "
                   "BODY_HTML: and BODY_TEXT: (subject <= 80 chars; only facts from the "
                   "context). Otherwise write nothing more.", "maxSteps": 1},
    ])
    return parse_fields(str(result.get("text") or ""))


def _score(fields: dict[str, str]) -> float:
    try:
        return float(fields.get("SCORE", "0"))
    except ValueError:
        return 0.0


def process_record(client: Personize, args: argparse.Namespace, record_id: str,
                   email: str | None, guidelines: str, session_id: str, campaign: str) -> str:
    if args.signal:  # 2 REMEMBER
        client.memory.memorize(recordId=record_id, content=args.signal, enhanced=True,
                               tags=["signal", f"campaign:{campaign}"])
    fields = _decide_and_write(client, args, record_id, guidelines, session_id)
    send = fields.get("DECISION", "").upper().startswith("SEND") and _score(fields) >= 60
    subject, text = fields.get("SUBJECT", ""), fields.get("BODY_TEXT", "")
    if not send or not text or len(subject) > 80:
        return "skipped"
    message = {"recordId": record_id, "email": email, "subject": subject, "bodyText": text,
               "bodyHtml": fields.get("BODY_HTML", ""), "reason": fields.get("REASON", "")}
    with args.outbox.open("a", encoding="utf-8") as outbox:  # 8 ACT
        outbox.write(json.dumps(message, ensure_ascii=False) + "\n")
    if target := os.environ.get("DELIVERY_WEBHOOK_URL"):
        httpx.post(target, json=message, timeout=15).raise_for_status()
    client.memory.memorize(  # 9 UPDATE
        recordId=record_id,
        content=f"[{args.channel.upper()} SENT] {datetime.now(UTC).isoformat()} campaign "
        f"{campaign}. Subject: {subject}\n\n{text}",
        speaker="batch-pipeline", enhanced=True,
        tags=["delivery", f"channel:{args.channel}", f"campaign:{campaign}"],
    )
    return "sent"


def run(args: argparse.Namespace) -> dict[str, int]:
    segment = json.loads(args.segment.read_text(encoding="utf-8"))
    state = load_state(args.state, args.goal)
    counts = {"sent": 0, "skipped": 0, "failed": 0}
    with Personize() as client:
        per_minute = int(client.me()["plan"]["limits"]["maxApiCallsPerMinute"])
        gap = 60.0 / max(1, per_minute // CALLS_PER_RECORD)
        session_id = str(uuid.uuid4())  # later prompts skip guidelines already delivered
        rules = client.ai.smart_guidelines(message=f"{args.goal}: {args.channel} rules and tone",
                                           mode="deep", sessionId=session_id)
        guidelines = (rules or {}).get("compiledContext") or "(none)"
        targets = observe(client, segment, set(state["processed"]), args.max)
        log.info("%d records to process, one every %.1fs (plan allows %d calls/min)",
                 len(targets), gap, per_minute)
        next_start = 0.0
        for record_id, email in targets:
            # Pace to the plan: each record starts at least `gap` seconds after the last.
            time.sleep(max(0.0, next_start - time.monotonic()))
            next_start = time.monotonic() + gap
            try:
                outcome = process_record(client, args, record_id, email, guidelines, session_id,
                                         state["campaign"])
                counts[outcome] += 1
                state["processed"].append(record_id)  # 10 REPEAT: failures stay eligible
                args.state.write_text(json.dumps(state), encoding="utf-8")
            except (PersonizeError, httpx.HTTPError) as error:
                counts["failed"] += 1
                log.warning("%s: %s", record_id, error)
    return counts


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="[%(name)s] %(message)s")
    parser = argparse.ArgumentParser(description="Run the ten-step loop over a segment.")
    parser.add_argument("segment", type=Path, help="search filters (see segment.example.json)")
    parser.add_argument("--goal", required=True)
    parser.add_argument("--channel", default="email")
    parser.add_argument("--max", type=int, default=100)
    parser.add_argument("--state", type=Path, default=Path("state.json"))
    parser.add_argument("--outbox", type=Path, default=Path("outbox.jsonl"))
    parser.add_argument("--signal", help="a new fact to memorize on every record first")
    args = parser.parse_args(argv)
    try:
        counts = run(args)
    except (PersonizeError, OSError, ValueError) as error:
        log.error("failed: %s", error)
        return 1
    log.info("done: %s; state in %s, messages in %s", counts, args.state, args.outbox)
    return 0


if __name__ == "__main__":
    sys.exit(main())
