"""The format rules of `check`: required fields, lengths, markup, separate subject, links, openers.

Every limit is read from GENERATE's front matter (`reference/generate.md`), never a constant
here, so editing the doc changes what `check` enforces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from personize_assistant.actions.check.input import Message
from personize_assistant.actions.check.model import Violation, violation
from personize_assistant.actions.check.text import (
    SLACK_TOKEN,
    first_line,
    links,
    opening,
    strip_tags,
    tags,
    words,
)
from personize_assistant.content.models import GenerateMeta
from personize_assistant.content.models.generate import ChannelSpec, OutputField

_MARKDOWN = re.compile(
    r"\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\s]+\)|^#{1,6}\s+\S", re.M
)
_SAFE_SCHEMES = ("mailto", "tel", "sms")
BODY_FIELDS = ("BODY_HTML", "BODY_TEXT", "BODY")


def format_rules(
    message: Message, meta: GenerateMeta, channel: ChannelSpec, variant: str | None
) -> Iterator[Violation]:
    yield from _required(message, meta, channel)
    for name, value in message.fields.items():
        spec = channel.field(name)
        if spec is not None:
            yield from _length(meta, spec, value, variant)
            yield from _markup(meta, channel, spec, value)
        yield from _placeholders(meta, name, value)
        yield from _links(meta, channel, name, value)
    yield from _separate_subject(message, meta, channel)
    yield from _opener(message, meta)
    for name in message.unknown:
        yield Violation(
            rule="unknown_field", severity="warning", where=name,
            message=f"{name} is not one of the {channel.title} fields ({', '.join(f.name for f in channel.fields)})",
        )


def _required(message: Message, meta: GenerateMeta, channel: ChannelSpec) -> Iterator[Violation]:
    for spec in channel.fields:
        if spec.required and not message.fields.get(spec.name, "").strip():
            yield violation(meta, "separate_fields", "required_field",
                            f"{spec.name} is missing or empty ({channel.title} needs it)", spec.name)
    if not message.labelled and len([f for f in channel.fields if f.required]) > 1:
        yield violation(meta, "separate_fields", "not_separated",
                        "the message is one blob; give each part its own field "
                        f"({', '.join(f.name + ':' for f in channel.fields if f.required)})", "message")


def _visible(spec: OutputField, value: str) -> str:
    return strip_tags(value) if spec.markup == "html" else value


def _length(meta: GenerateMeta, spec: OutputField, value: str, variant: str | None) -> Iterator[Violation]:
    text = _visible(spec, value).strip()
    if spec.max_chars is not None and len(text) > spec.max_chars:
        yield violation(meta, "length_limits", "max_chars",
                        f"{spec.name} is {len(text)} characters (limit {spec.max_chars})", spec.name, text)
    limit = spec.max_words_by_context.get(variant or "", spec.max_words)
    if limit is not None and words(text) > limit:
        label = f"{variant} limit" if variant in spec.max_words_by_context else "limit"
        yield violation(meta, "length_limits", "max_words",
                        f"{spec.name} is {words(text)} words ({label} {limit})", spec.name, text)


def _markup(meta: GenerateMeta, channel: ChannelSpec, spec: OutputField, value: str) -> Iterator[Violation]:
    if spec.markup == "html":
        allowed = set(channel.allowed_html_tags)
        bad = sorted({t for t in tags(value) if t not in allowed})
        if bad:
            yield violation(meta, "channel_format", "html_tag_not_allowed",
                            f"{spec.name} uses <{'>, <'.join(bad)}>; allowed: {', '.join(sorted(allowed))}",
                            spec.name)
    elif tags(SLACK_TOKEN.sub("", value) if spec.markup == "mrkdwn" else value):
        what = "Slack mrkdwn" if spec.markup == "mrkdwn" else "plain text"
        yield violation(meta, "channel_format", "html_in_plain_text",
                        f"{spec.name} holds HTML tags but must be {what}", spec.name, value)
    # GitHub markdown renders nowhere we deliver: not in mail, SMS, push, nor Slack's mrkdwn.
    match = _MARKDOWN.search(value)
    if match:
        yield violation(meta, "channel_format", "markdown_not_allowed", _markdown_message(spec),
                        spec.name, match.group(0))


def _markdown_message(spec: OutputField) -> str:
    if spec.markup == "mrkdwn":
        return f"{spec.name} uses GitHub markdown; Slack mrkdwn is *bold*, _italic_, <https://url|text>"
    if spec.markup == "html":
        return f"{spec.name} mixes markdown into HTML; it will show as literal symbols"
    return f"{spec.name} uses markdown but must be plain text (it will show as literal symbols)"


def _placeholders(meta: GenerateMeta, name: str, value: str) -> Iterator[Violation]:
    for pattern in meta.links.placeholder_patterns:
        match = re.search(pattern, value)
        if match:
            yield violation(meta, "valid_links", "placeholder",
                            f"{name} contains a placeholder ({match.group(0)!r}) that must never ship", name,
                            match.group(0))


def _links(meta: GenerateMeta, channel: ChannelSpec, name: str, value: str) -> Iterator[Violation]:
    found = [value.strip()] if name == "BUTTON_URL" and value.strip() else links(value)
    for link in found:
        problem = _link_problem(meta, channel, link)
        if problem:
            yield violation(meta, "valid_links", problem[0], problem[1], name, link)
    body_links = [link for link in found if not link.lower().startswith(_SAFE_SCHEMES)]
    if body_links and name != "BUTTON_URL" and channel.links != "allowed":
        advice = ("put the link in BUTTON_URL" if channel.links == "button_only"
                  else "include a link only when it is the action")
        yield Violation(rule="link_discouraged", severity="warning", where=name, excerpt=body_links[0],
                        message=f"{channel.title} text should not carry links; {advice}")


def _link_problem(meta: GenerateMeta, channel: ChannelSpec, link: str) -> tuple[str, str] | None:
    scheme = link.split("://", 1)[0].lower() if "://" in link else ""
    if link.lower().startswith(tuple(f"{s}:" for s in _SAFE_SCHEMES)):
        return None
    if not scheme:
        return "relative_link", f"link {link!r} is relative; use an absolute https:// URL"
    if scheme == "https" or not meta.links.https_only:
        return None
    if scheme == "http":
        return "link_not_https", f"link {link!r} is not https://"
    if channel.deep_links:
        return None
    return "link_not_https", f"link {link!r} uses {scheme}://; {channel.title} needs https:// URLs"


def _separate_subject(message: Message, meta: GenerateMeta, channel: ChannelSpec) -> Iterator[Violation]:
    title_field = "SUBJECT" if channel.field("SUBJECT") else "TITLE" if channel.field("TITLE") else None
    title = message.fields.get(title_field or "", "").strip()
    if title_field and "\n" in title:
        yield violation(meta, "separate_fields", "subject_in_body",
                        f"{title_field} spans several lines; the body belongs in its own field", title_field)
    for name in BODY_FIELDS:
        line = first_line(message.fields.get(name, ""))
        embedded = re.match(r"(?i)(subject|title)\s*:", line)
        repeated = title_field and title and line.lower().rstrip(".!") == title.lower().rstrip(".!")
        if embedded or repeated:
            yield violation(meta, "separate_fields", "subject_in_body",
                            f"{name} starts with the {title_field or 'subject'}; keep it in its own field",
                            name, line)


def _opener(message: Message, meta: GenerateMeta) -> Iterator[Violation]:
    for name in BODY_FIELDS:
        start = opening(message.fields.get(name, ""))
        # Within the first words, after a greeting that may lack punctuation ("Hi Dana I hope...").
        hit = next((o for o in meta.banned_openers if o.lower() in start[: len(o) + 40]), None)
        if hit:
            yield violation(meta, "no_stock_openers", "banned_opener",
                            f"{name} opens with the stock phrase {hit!r}; open with the reason for writing",
                            name, hit)
            return
