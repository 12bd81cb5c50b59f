"""The values the generation templates take, all derived from GENERATE's front matter."""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

from personize_assistant.actions.generate.artifact import EntityFacts, Language
from personize_assistant.actions.generate.names import camel, pascal, split_words
from personize_assistant.content.models import GenerateMeta
from personize_assistant.content.models.generate import ChannelSpec, OutputField
from personize_assistant.scan.models import Touchpoint

# From reference/generate.md's prose: a ~2,000-token digest for most messages, recall in
# fast mode with minScore 0.3-0.5, and a self-evaluation gate the pipeline sets.
DIGEST_TOKEN_BUDGET = 2000
RECALL_LIMIT = 8
RECALL_MIN_SCORE = 0.4
MIN_EVALUATION_SCORE = 0.7
LINE_WIDTH = 96
_PROSE_TITLES = {"email": "email", "slack": "Slack message", "push": "push notification",
                 "in_app": "in-app message"}


def template_values(
    meta: GenerateMeta, channel: str, touchpoint: Touchpoint, entity: EntityFacts, words: list[str],
    language: Language,
) -> dict[str, Any]:
    spec = meta.channel(channel)
    facts_type = pascal(split_words(entity.name)) + "Facts"
    result_type = pascal(words)
    if not result_type[:1].isalpha() or result_type in (entity.name, facts_type):
        result_type = f"Generated{result_type}"
    texts = _prompt_texts(meta, spec, entity)
    indent = "    " if language == "py" else "  "
    return {
        "lit": json.dumps if language == "py" else ts_string,
        "channel": channel,
        "channel_title": _PROSE_TITLES.get(channel, spec.title),
        "symbol": touchpoint.symbol or touchpoint.file,
        "location": touchpoint.location(),
        "entity": entity,
        "facts_type": facts_type,
        "result_type": result_type,
        "digest_budget": DIGEST_TOKEN_BUDGET,
        "recall_limit": RECALL_LIMIT,
        "recall_min_score": RECALL_MIN_SCORE,
        "min_score": MIN_EVALUATION_SCORE,
        "review_flag": meta.review_flag,
        "default_goal": f"{' '.join(words).replace('in app', 'in-app')} ({touchpoint.symbol or touchpoint.file})",
        "fields": [_field(f, language) for f in spec.fields],
        "required": [f.name for f in spec.fields if f.required],
        "max_chars": _limit_entries(spec, "max_chars", language),
        "max_words": _limit_entries(spec, "max_words", language),
        "allowed_tags": spec.allowed_html_tags,
        "deep_links": spec.deep_links,
        "banned_openers": meta.banned_openers,
        "review_topics": [_topic(t.id, t.keywords) for t in meta.review_triggers],
        "placeholders": _placeholders(meta, language),
        **{f"{name}_lines": literal_lines(text, indent, language) for name, text in texts.items()},
    }


def _field(spec: OutputField, language: Language) -> dict[str, Any]:
    words = spec.name.lower().split("_")
    return {"name": spec.name, "attr": "_".join(words) if language == "py" else camel(words), "markup": spec.markup}


def _limit_entries(spec: ChannelSpec, attribute: str, language: Language) -> list[str]:
    entries = []
    for f in spec.fields:
        value = getattr(f, attribute)
        if value is not None:
            entries.append(f"{json.dumps(f.name)}: {value}" if language == "py" else f"{f.name}: {value}")
    return entries


def phrase_pattern(phrase: str) -> str:
    """Whole-word match, with boundaries only at edges that are word characters (`% off`)."""
    start = r"(?<!\w)" if phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return f"{start}{re.escape(phrase).replace(chr(92) + ' ', ' ')}{end}"


def _topic(topic_id: str, keywords: list[str]) -> dict[str, Any]:
    patterns = [phrase_pattern(k) for k in keywords]
    return {"id": topic_id, "pieces": [patterns[0], *(f"|{p}" for p in patterns[1:])], "patterns": patterns}


def _placeholders(meta: GenerateMeta, language: Language) -> list[Any]:
    if language == "py":
        return list(meta.links.placeholder_patterns)
    converted = [js_regex(p) for p in meta.links.placeholder_patterns]
    return [c for c in converted if c is not None]


def js_regex(pattern: str) -> tuple[str, str] | None:
    """A Python pattern as JavaScript source + flags; None when it uses Python-only syntax."""
    flags = ""
    if pattern.startswith("(?i)"):
        pattern, flags = pattern[4:], "i"
    if "(?P" in pattern or "(?i" in pattern or r"\Z" in pattern or r"\A" in pattern:
        return None
    return pattern, flags


def ts_string(text: str) -> str:
    """A single-quoted TypeScript string, the quote style the rest of the template uses."""
    body = json.dumps(text)[1:-1].replace('\\"', '"').replace("'", "\\'")
    return f"'{body}'"


def literal_lines(text: str, indent: str, language: Language) -> str:
    """`text` as string literals no wider than the line: implicit concatenation in Python,
    `+` in TypeScript. Chunks keep their spaces, so joining them gives `text` back."""
    width = LINE_WIDTH - len(indent) - 4
    chunks = textwrap.wrap(text, width=width, drop_whitespace=False, replace_whitespace=False,
                           break_on_hyphens=False) or [""]
    quote = json.dumps if language == "py" else ts_string
    literals = [indent + quote(chunk) for chunk in chunks]
    return "\n".join(literals) if language == "py" else " +\n".join(literals)


def _field_rule(spec: ChannelSpec, f: OutputField) -> str:
    kind = {"html": f"HTML using only <{'>, <'.join(spec.allowed_html_tags)}>", "plain": "plain text",
            "mrkdwn": "Slack mrkdwn (*bold*, _italic_, <https://url|text>), no HTML"}[f.markup]
    limits = [f"at most {f.max_chars} characters" if f.max_chars else "",
              f"at most {f.max_words} words" if f.max_words else ""]
    optional = "" if f.required else "optional, "
    if f.name == "CHANNEL_NOTES":
        return "CHANNEL_NOTES: optional, the facts from the context you used"
    return f"{f.name}: {optional}{', '.join([kind, *(x for x in limits if x)])}"


def _prompt_texts(meta: GenerateMeta, spec: ChannelSpec, entity: EntityFacts) -> dict[str, str]:
    rules = "; ".join(_field_rule(spec, f) for f in spec.fields)
    links = "absolute https:// URLs" + (" or the app's deep links" if spec.deep_links else "")
    labels = "\n".join(f"{f.name}: ..." for f in spec.fields)
    return {
        "analyse": f"Who is this {entity.name}, which facts in the context serve this goal, and what is "
        "the one outcome we want? Use only facts that appear in the context.",
        "constraints": f"List every rule in the guidelines that applies to this {spec.title.lower()}: tone, "
        "claims, required disclaimers, forbidden topics, format.",
        "write": f"Write the {spec.title.lower()}. Fields: {rules}. Open with the reason for writing, "
        "not a pleasantry. State only facts, numbers, names and promises found in the context. "
        f"Links: {links}, never placeholders. Return every field separately, labelled:\n{labels}",
        "criteria": f"(1) format per field: {rules}; (2) no fact, number or name absent from the "
        "context; (3) every field separate and complete; (4) follows every guideline; (5) opens "
        f"with the reason for writing; (6) links are {links}, no placeholders.",
    }
