"""Text helpers shared by the check rules: tags, links, words, first sentence."""

from __future__ import annotations

import html
import re

HTML_TAG = re.compile(r"</?(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])[^>]*>")
URL = re.compile(r"\b(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]{1,30})://[^\s<>\"'|)\]]+")
HREF = re.compile(r"""\bhref\s*=\s*["']?(?P<target>[^"'\s>]*)""", re.I)
# Slack's own angle-bracket syntax (<https://u|text>, <@U1>, <#C1>, <!here>) is not HTML.
SLACK_TOKEN = re.compile(r"<(?:[a-z][a-z0-9+.-]*://[^>|]+(?:\|[^>]*)?|[@#!][^>]*)>", re.I)
_BREAKS = re.compile(r"<\s*(?:br|/p|/li|/div)\s*/?\s*>", re.I)


def strip_tags(text: str) -> str:
    """Visible text of an HTML fragment (block ends become line breaks)."""
    return html.unescape(HTML_TAG.sub("", _BREAKS.sub("\n", text)))


def words(text: str) -> int:
    return len(text.split())


def tags(text: str) -> list[str]:
    return [m["tag"].lower() for m in HTML_TAG.finditer(text)]


def links(text: str) -> list[str]:
    """Every absolute URL and every href target (relative ones included)."""
    found = [m.group(0).rstrip(".,;:!?") for m in URL.finditer(text)]
    found += [m["target"] for m in HREF.finditer(text) if m["target"] and m["target"] not in found]
    return list(dict.fromkeys(found))


def opening(text: str) -> str:
    """The visible start of a message, lower-cased, one-spaced, with straight apostrophes."""
    visible = " ".join(strip_tags(text).split())
    return visible.replace("\u2019", "'").lower()[:200]


def first_line(text: str) -> str:
    for line in strip_tags(text).splitlines():
        if line.strip():
            return line.strip()
    return ""
