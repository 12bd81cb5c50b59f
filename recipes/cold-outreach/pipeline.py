"""One step of a cold outreach sequence for a list of prospects, paced to the plan's limits.

    python pipeline.py prospects.json --step 1 [--sequence q3-founders] [--out outbox.jsonl]
                                      [--deliver]

prospects.json is an array of {"email", "website"?}. For each prospect: skip opted-out records,
assemble guidelines + contact + company + previous outreach, generate the step's email
(SUBJECT / BODY_HTML / BODY_TEXT) with self-evaluation, check it in code, and write a draft
line to the outbox. With --deliver, clean drafts (no problems, no review flags) are POSTed to
OUTREACH_WEBHOOK_URL and memorized as sent; flagged drafts wait for a human.
"""

import argparse
import json
import logging
import os
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from personize_client import Personize, PersonizeError

log = logging.getLogger("outreach")

STEP_BRIEFS = {
    1: "First touch: one specific, relevant observation about them, one clear low-effort ask.",
    2: "Follow-up: a new angle or useful resource; do not repeat the first email; shorter.",
    3: 'Last note: brief, polite close of the loop; make it easy to say "not now".',
}
FREE_MAIL = re.compile(r"@(gmail|yahoo|hotmail|outlook|icloud|proton(mail)?|aol)\.", re.I)
OPTED_OUT = re.compile(r"unsubscribed|do_not_contact|opt(ed)?_?out", re.I)
ALLOWED_TAGS = {"p", "b", "i", "a", "br", "ul", "li"}
SENSITIVE = re.compile(r"\b(pric(e|ing)|discount|contract|legal|medical|financial|compliance"
                       r"|guarantee)\b", re.I)
LABEL = re.compile(r"^\s*(SUBJECT|BODY_HTML|BODY_TEXT|CHANNEL_NOTES)\s*:\s*", re.M)


@dataclass
class Draft:
    email: str
    sequence: str
    step: int
    subject: str
    body_html: str
    body_text: str
    problems: list[str]
    review: list[str]

    def to_json(self) -> dict[str, Any]:
        """camelCase keys, the same outbox/webhook shape as the TypeScript recipe."""
        return {re.sub(r"_(\w)", lambda m: m.group(1).upper(), k): v
                for k, v in asdict(self).items()}


def parse_fields(text: str) -> dict[str, str]:
    hits = list(LABEL.finditer(text))
    ends = [h.start() for h in hits[1:]] + [len(text)]
    return {h.group(1): text[h.end() : end].strip() for h, end in zip(hits, ends, strict=True)}


def company_site(prospect: dict[str, str]) -> str | None:
    if prospect.get("website"):
        return prospect["website"]
    email = prospect["email"]
    return None if FREE_MAIL.search(email) else f"https://{email.split('@')[1]}"


def is_opted_out(properties: dict[str, Any] | None) -> bool:
    return any(OPTED_OUT.search(key) and str(value).strip().lower() in {"true", "yes", "1"}
               for key, value in (properties or {}).items())


def previous_outreach(data: Any) -> str:
    items = data if isinstance(data, list) else (data or {}).get("results") or []
    lines = [i.get("text") or i.get("content") or i.get("memory") for i in items]
    return "\n".join(f"- {line}" for line in lines if line) or "- none"


def check_email(subject: str, html: str, text: str) -> list[str]:
    problems = []
    if not (subject and html and text):
        problems.append("missing SUBJECT, BODY_HTML or BODY_TEXT")
    if len(subject) > 80:
        problems.append(f"subject is {len(subject)} chars (max 80)")
    bad = sorted({t.lower() for t in re.findall(r"</?([a-z0-9]+)", html, re.I)} - ALLOWED_TAGS)
    if bad:
        problems.append(f"disallowed tags: {', '.join(bad)}")
    if "http://" in (html + text).lower():
        problems.append("non-https link")
    if re.match(r"\s*(<p>)?\s*i hope this email finds you well", html, re.I):
        problems.append("banned opener")
    if len(text.split()) > 300:
        problems.append("longer than 300 words")
    return problems


def review_flags(result: dict[str, Any], html: str, has_guidelines: bool, step: int) -> list[str]:
    flags = []
    if sensitive := SENSITIVE.search(html):
        flags.append(f'mentions "{sensitive.group(0)}"')
    if not has_guidelines:
        flags.append("no outreach guidelines found")
    criteria = (result.get("evaluation") or {}).get("criteriaScores") or []
    top = sum(float(c.get("maxScore", 0)) for c in criteria)
    if top and sum(float(c.get("score", 0)) for c in criteria) / top < 0.7:
        flags.append("low self-evaluation")
    if step == 1:
        flags.append("first touch: approve the first batch by hand")
    return flags


def draft_for(client: Personize, prospect: dict[str, str], sequence: str, step: int,
              guidelines: str) -> Draft | None:
    email, site = prospect["email"], company_site(prospect)
    with ThreadPoolExecutor(max_workers=3) as pool:
        person = pool.submit(client.memory.smart_digest, email=email, type="Contact",
                             token_budget=1500)
        company = pool.submit(client.memory.smart_digest, website_url=site, type="Company",
                              token_budget=1000) if site else None
        history = pool.submit(client.memory.smart_recall,
                              query=f"outreach emails sent in sequence {sequence}, and any reply",
                              email=email, type="Contact", fast_mode=True, limit=5)
    digest = person.result() or {}
    if is_opted_out(digest.get("properties")):
        return None
    company_context = (company.result() or {}).get("compiledContext") if company else None
    context = "\n\n---\n\n".join([
        f"## Guidelines\n{guidelines or '(none)'}",
        f"## Prospect\n{digest.get('compiledContext') or '(nothing known)'}",
        f"## Company\n{company_context or '(unknown)'}",
        f"## Earlier outreach\n{previous_outreach(history.result())}",
    ])
    result = client.ai.prompt(
        context=context,
        instructions=[
            {"prompt": "Which one or two facts about this prospect and their company make our "
                       "offer relevant now? Use only the context.", "maxSteps": 2},
            {"prompt": f"Write email {step} of the sequence. {STEP_BRIEFS[step]} Subject <= 80 "
                       "chars, plain text. Body HTML with only <p> <b> <i> <a href> <br>, under "
                       "150 words, https links only. Reply with SUBJECT:, BODY_HTML: and "
                       "BODY_TEXT: fields.", "maxSteps": 1},
        ],
        evaluate=True,
        evaluationCriteria="Relevant to this prospect, no invented facts, follows the "
        "guidelines, subject <= 80 chars, allowed HTML only.",
    )
    fields = parse_fields(str(result.get("text", "")))
    subject, html, text = (fields.get(k, "") for k in ("SUBJECT", "BODY_HTML", "BODY_TEXT"))
    return Draft(email, sequence, step, subject, html, text, check_email(subject, html, text),
                 review_flags(result, html, bool(guidelines), step))


def deliver_and_record(client: Personize, draft: Draft) -> None:
    endpoint = os.environ.get("OUTREACH_WEBHOOK_URL")
    if not endpoint:
        raise ValueError("--deliver needs OUTREACH_WEBHOOK_URL (your sending service)")
    httpx.post(endpoint, json=draft.to_json(), timeout=15).raise_for_status()
    client.memory.memorize(
        email=draft.email,
        content=f"[OUTREACH SENT] {datetime.now(UTC).isoformat()} sequence {draft.sequence}, "
        f"email {draft.step}. Subject: {draft.subject}\n\n{draft.body_text}",
        speaker="cold-outreach",
        enhanced=True,
        tags=["outreach", "delivery", "channel:email", f"campaign:{draft.sequence}",
              f"step:{draft.step}"],
    )


def run(args: argparse.Namespace) -> dict[str, int]:
    prospects = json.loads(args.prospects.read_text(encoding="utf-8"))
    counts = {"drafted": 0, "sent": 0, "skipped": 0, "failed": 0}
    with Personize() as client:
        # About 6 API calls per prospect: the per-minute limit / 6 prospects per minute.
        per_minute = int(client.me()["plan"]["limits"]["maxApiCallsPerMinute"])
        gap = 60.0 / max(1, per_minute // 6)
        rules = client.ai.smart_guidelines(
            message="cold outreach email: tone, claims we may make, compliance", mode="deep")
        guidelines = (rules or {}).get("compiledContext") or ""
        log.info("%d prospects, step %d, one every %.0fs", len(prospects), args.step, gap)
        next_start = 0.0
        for prospect in prospects:
            # Pace to the plan: each record starts at least `gap` seconds after the last.
            time.sleep(max(0.0, next_start - time.monotonic()))
            next_start = time.monotonic() + gap
            try:
                draft = draft_for(client, prospect, args.sequence, args.step, guidelines)
                if draft is None:
                    counts["skipped"] += 1
                    log.info("%s: opted out, skipped", prospect["email"])
                    continue
                with args.out.open("a", encoding="utf-8") as outbox:
                    outbox.write(json.dumps(draft.to_json(), ensure_ascii=False) + "\n")
                counts["drafted"] += 1
                if args.deliver and not draft.problems and not draft.review:
                    deliver_and_record(client, draft)
                    counts["sent"] += 1
                status = draft.problems or draft.review or ["ready"]
                log.info("%s: %s", draft.email, "; ".join(status))
            except (PersonizeError, httpx.HTTPError, KeyError) as error:
                counts["failed"] += 1  # one bad prospect must not stop the run
                log.warning("%s: failed: %s", prospect.get("email"), error)
    return counts


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="[%(name)s] %(message)s")
    parser = argparse.ArgumentParser(description="Draft (and optionally send) one sequence step.")
    parser.add_argument("prospects", type=Path)
    parser.add_argument("--step", type=int, choices=sorted(STEP_BRIEFS), default=1)
    parser.add_argument("--sequence", default="outreach")
    parser.add_argument("--out", type=Path, default=Path("outbox.jsonl"))
    parser.add_argument("--deliver", action="store_true")
    args = parser.parse_args(argv)
    try:
        counts = run(args)
    except (PersonizeError, ValueError, OSError) as error:
        log.error("failed: %s", error)
        return 1
    log.info("done: %s; drafts in %s", counts, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
