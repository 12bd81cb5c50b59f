"""Generate one message with guardrails: governed context in, structured fields out,
channel rules checked in code, and a review flag when a human should look first.

    python pipeline.py <email> <email|sms|slack|push> "<goal>" [--website URL] [--first-send]

Prints JSON: {channel, fields, problems, review, score}. Nothing is sent: hand the fields to
a channel template (channels/*) once `problems` is empty and `review` is empty or approved.
"""

import argparse
import json
import logging
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from typing import Any

from personize_client import Personize, PersonizeError

log = logging.getLogger("generate")

FIELD_NAMES = ("SUBJECT", "BODY_HTML", "BODY_TEXT", "CHANNEL_NOTES", "BUTTON_LABEL", "BUTTON_URL")
REQUIRED = {
    "email": ("SUBJECT", "BODY_HTML", "BODY_TEXT"),
    "sms": ("BODY_TEXT",),
    "slack": ("BODY_TEXT",),
    "push": ("SUBJECT", "BODY_TEXT", "BUTTON_LABEL", "BUTTON_URL"),
}
FORMAT_RULES = {
    "email": "SUBJECT plain text <= 80 chars; BODY_HTML uses only <p> <b> <i> <a href> <br> "
    "<ul> <li>; BODY_TEXT is the plain-text version; about 300 words at most",
    "sms": "BODY_TEXT plain text <= 160 characters, no HTML, no links unless essential",
    "slack": "BODY_TEXT in Slack mrkdwn (*bold*, _italic_, <https://url|text> links), <= 150 words",
    "push": "SUBJECT is the title <= 50 chars; BODY_TEXT <= 100 chars; BUTTON_LABEL 2-3 words; "
    "BUTTON_URL absolute https:// or an app deep link",
}
ALLOWED_TAGS = {"p", "b", "i", "a", "br", "ul", "li"}
BANNED_OPENER = re.compile(r"^\s*(<p>)?\s*i hope this (e-?mail|message) finds you well", re.I)
PLACEHOLDER_URL = re.compile(
    r"example\.(com|org)|your-?(domain|company|app)|\{\{|\[link\]|todo|xxx", re.I)
SENSITIVE = re.compile(
    r"\b(pric(e|es|ing)|discount|% off|contract|legal|lawsuit|medical|diagnos\w*|financial"
    r"|invest\w*|compliance|refund|guarantee[sd]?)\b", re.I)
URL = re.compile(r"([a-z][a-z0-9+.-]*://[^\s\"'<>|)]+)", re.I)
GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
)
MIN_SCORE = 0.7


@dataclass
class GeneratedMessage:
    channel: str
    fields: dict[str, str]
    problems: list[str]  # hard rule violations: do not send
    review: list[str]  # reasons a human should approve first
    score: float | None


def parse_fields(text: str) -> dict[str, str]:
    """Split `NAME: value` blocks; a value runs until the next known field label."""
    label = re.compile(r"^\s*\**(" + "|".join(FIELD_NAMES) + r")\**\s*:\s*", re.M)
    hits = list(label.finditer(text))
    fields = {}
    for hit, following in zip(hits, [*hits[1:], None], strict=True):
        end = following.start() if following else len(text)
        fields[hit.group(1)] = text[hit.end() : end].strip()
    return fields


def _words(text: str) -> int:
    return len(text.split())


def _link_problems(channel: str, fields: dict[str, str]) -> list[str]:
    links = URL.findall(fields.get("BODY_HTML", "") + "\n" + fields.get("BODY_TEXT", ""))
    links += [fields["BUTTON_URL"]] if fields.get("BUTTON_URL") else []
    problems = []
    for link in links:
        deep_link = channel == "push" and "://" in link and not link.lower().startswith("http")
        if not deep_link and not link.startswith("https://"):
            problems.append(f"link is not https: {link}")
        if PLACEHOLDER_URL.search(link):
            problems.append(f"placeholder link: {link}")
    return problems


def check_channel(channel: str, fields: dict[str, str]) -> list[str]:
    """Hard format rules for the channel; an empty list means the message may be sent."""
    problems = [f"missing {name}" for name in REQUIRED[channel] if not fields.get(name)]
    subject, text, html = (fields.get(k, "") for k in ("SUBJECT", "BODY_TEXT", "BODY_HTML"))
    if re.search(r"<[^>]+>", subject):
        problems.append("SUBJECT contains HTML")
    if channel == "email":
        if len(subject) > 80:
            problems.append(f"SUBJECT is {len(subject)} chars (max 80)")
        bad = sorted({t.lower() for t in re.findall(r"</?([a-z0-9]+)", html, re.I)} - ALLOWED_TAGS)
        if bad:
            problems.append(f"BODY_HTML uses disallowed tags: {', '.join(bad)}")
        if BANNED_OPENER.search(html) or BANNED_OPENER.search(text):
            problems.append("opens with a banned phrase")
    elif re.search(r"</?[a-z][^>]*>", re.sub(r"<https?://[^>]+>", "", text), re.I):
        problems.append("BODY_TEXT contains HTML")
    if channel == "sms":
        if len(text) > 160:
            problems.append(f"SMS is {len(text)} chars (max 160)")
        if not set(text) <= GSM7:
            problems.append("SMS has characters outside GSM-7 (sent as UCS-2, 70 per segment)")
    if channel == "slack" and _words(text) > 150:
        problems.append(f"Slack DM is {_words(text)} words (max 150)")
    if channel == "push":
        if len(subject) > 50:
            problems.append(f"push title is {len(subject)} chars (max 50)")
        if len(text) > 100:
            problems.append(f"push body is {len(text)} chars (max 100)")
        if _words(fields.get("BUTTON_LABEL", "")) > 3:
            problems.append("BUTTON_LABEL is longer than 3 words")
    return problems + _link_problems(channel, fields)


def normalised_score(result: dict[str, Any]) -> float | None:
    """Self-evaluation as 0-1: criteria totals when present, else finalScore on its scale."""
    evaluation = result.get("evaluation")
    if not isinstance(evaluation, dict):
        return None
    criteria = evaluation.get("criteriaScores") or []
    top = sum(float(c.get("maxScore", 0)) for c in criteria)
    if top > 0:
        return sum(float(c.get("score", 0)) for c in criteria) / top
    score = float(evaluation.get("finalScore", 0))
    return score if score <= 1 else score / 10 if score <= 10 else score / 100


def review_reasons(
    fields: dict[str, str], score: float | None, has_guidelines: bool, first_send: bool
) -> list[str]:
    reasons = []
    sensitive = SENSITIVE.search("\n".join(fields.values()))
    if sensitive:
        reasons.append(f'mentions "{sensitive.group(0)}" (pricing/legal/medical/financial)')
    if not has_guidelines:
        reasons.append("no guidelines matched this task")
    if score is not None and score < MIN_SCORE:
        reasons.append(f"self-evaluation {score:.2f} < {MIN_SCORE}")
    if first_send:
        reasons.append("first send on this channel or audience")
    return reasons


def _recall_lines(data: Any) -> list[str]:
    items = data if isinstance(data, list) else (data or {}).get("results") or []
    texts = (i.get("text") or i.get("content") or i.get("memory") for i in items)
    return [f"- {t}" for t in texts if t]


def _compiled(data: Any) -> str:
    return str(data.get("compiledContext") or "") if isinstance(data, dict) else ""


def assemble_context(
    client: Personize, email: str, goal: str, website: str | None
) -> tuple[str, bool]:
    """Guidelines, contact digest, company digest and recalled facts, fetched in parallel."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        rules = pool.submit(client.ai.smart_guidelines,
                            message=f"{goal}: tone, constraints, required disclaimers", mode="fast")
        person = pool.submit(client.memory.smart_digest, email=email, type="Contact",
                             token_budget=2000)
        company = pool.submit(client.memory.smart_digest, website_url=website, type="Company",
                              token_budget=1000) if website else None
        facts = pool.submit(client.memory.smart_recall, query=goal, email=email, type="Contact",
                            fast_mode=True, limit=10, minScore=0.3)
    guidelines = _compiled(rules.result())
    lines = _recall_lines(facts.result())
    sections = [
        ("Guidelines", guidelines),
        ("Recipient", _compiled(person.result())),
        ("Company", _compiled(company.result()) if company else ""),
        ("Relevant facts", "\n".join(lines)),
    ]
    text = "\n\n---\n\n".join(f"## {title}\n{body}" for title, body in sections if body)
    return text, bool(guidelines)


def generate_with_guardrails(
    client: Personize, email: str, channel: str, goal: str,
    website: str | None = None, first_send: bool = False,
) -> GeneratedMessage:
    context, has_guidelines = assemble_context(client, email, goal, website)
    wanted = "\n".join(f"{name}: ..." for name in (*REQUIRED[channel], "CHANNEL_NOTES"))
    result = client.ai.prompt(
        context=context,
        instructions=[
            {"prompt": f"Goal: {goal}. Who is the recipient, which known facts serve this goal, "
                       "and what single outcome do we want? Use only facts from the context.",
             "maxSteps": 2},
            {"prompt": "List every constraint from the guidelines that applies: forbidden "
                       "topics, disclaimers, tone, format.", "maxSteps": 1},
            {"prompt": f"Write the {channel} message. Rules: {FORMAT_RULES[channel]}. Invent no "
                       "facts, numbers or promises. Answer with exactly these labelled "
                       f"fields:\n{wanted}", "maxSteps": 1},
        ],
        evaluate=True,
        evaluationCriteria=f"(1) {FORMAT_RULES[channel]}; (2) no facts absent from the context; "
        f"(3) follows every guideline; (4) serves the goal: {goal}",
    )
    fields = parse_fields(str(result.get("text", "")))
    score = normalised_score(result)
    return GeneratedMessage(channel, fields, check_channel(channel, fields),
                            review_reasons(fields, score, has_guidelines, first_send), score)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="[%(name)s] %(message)s")
    parser = argparse.ArgumentParser(description="Generate one message with guardrails.")
    parser.add_argument("email")
    parser.add_argument("channel", choices=sorted(REQUIRED))
    parser.add_argument("goal")
    parser.add_argument("--website", help="company website for cross-entity context")
    parser.add_argument("--first-send", action="store_true", help="flag for human review")
    args = parser.parse_args(argv)
    try:
        with Personize() as client:
            message = generate_with_guardrails(client, args.email, args.channel, args.goal,
                                               args.website, args.first_send)
    except PersonizeError as error:
        log.error("failed: %s", error)
        return 1
    print(json.dumps(asdict(message), indent=2, ensure_ascii=False))
    if message.problems:
        log.error("%d rule violation(s): do not send", len(message.problems))
        return 2
    if message.review:
        log.warning("REVIEW SUGGESTED: %s", "; ".join(message.review))
    return 0


if __name__ == "__main__":
    sys.exit(main())
