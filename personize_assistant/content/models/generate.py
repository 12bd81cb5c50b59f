"""GENERATE's front matter: constraints, channel limits, link rules, review triggers."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, model_validator

from personize_assistant.content.models.common import (
    ReferenceMeta,
    Regex,
    Rule,
    Slug,
    Strict,
    unique_ids,
)

ChannelId = Literal["email", "sms", "slack", "push", "in_app"]
Markup = Literal["html", "plain", "mrkdwn"]


class OutputField(Strict):
    """One structured field the generation must produce for a channel."""

    name: str = Field(pattern=r"^[A-Z][A-Z_]*$")
    required: bool = True
    markup: Markup = "plain"
    max_chars: int | None = None
    max_words: int | None = None
    max_words_by_context: dict[str, int] = Field(default_factory=dict)
    """Alternative word limits, e.g. Slack `channel_post: 300` (the default is a DM)."""


class ChannelSpec(Strict):
    title: str
    markup: Markup
    allowed_html_tags: list[str] = Field(default_factory=list)
    markdown_allowed: bool = False
    links: Literal["allowed", "discouraged", "button_only"] = "allowed"
    deep_links: bool = False
    """Whether app deep links (`yourapp://...`) are valid besides https URLs."""
    fields: list[OutputField] = Field(min_length=1)
    notes: list[str] = Field(default_factory=list)

    def field(self, name: str) -> OutputField | None:
        return next((f for f in self.fields if f.name == name), None)


class LinkRules(Strict):
    https_only: bool = True
    placeholder_patterns: list[Regex] = Field(min_length=1)
    """URLs or link text that are clearly placeholders and must never ship."""


def _phrase_pattern(phrase: str) -> str:
    """Whole-word match, with word boundaries only where the phrase has word characters
    at its edges (so `% off` still matches `20% off`)."""
    start = r"(?<!\w)" if phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return f"{start}{re.escape(phrase)}{end}"


class ReviewTrigger(Strict):
    id: Slug
    topic: str
    keywords: list[str] = Field(min_length=1)
    """Lowercase words/phrases; a whole-word match flags the message for human review."""
    reason: str

    def matched_keywords(self, text: str) -> list[str]:
        """Keywords found in `text` as whole words/phrases, case-insensitively."""
        return [k for k in self.keywords if re.search(_phrase_pattern(k), text, re.IGNORECASE)]


class GenerateMeta(ReferenceMeta):
    constraints: list[Rule] = Field(min_length=1)
    channel_limits: dict[ChannelId, ChannelSpec]
    links: LinkRules
    banned_openers: list[str] = Field(min_length=1)
    review_triggers: list[ReviewTrigger] = Field(min_length=1)
    review_conditions: list[str] = Field(min_length=1)
    """Non-keyword reasons to flag for review (stale guidelines, low score, first send)."""
    stale_guidelines_days: int = 30
    unsupported_claim_patterns: list[Regex] = Field(default_factory=list)
    """Claim shapes (percentages, multipliers, guarantees) that must be backed by
    the context; if the fact is not in the context it is a possible invention."""
    review_flag: str = "REVIEW SUGGESTED"

    @model_validator(mode="after")
    def _complete(self) -> GenerateMeta:
        missing = set(ChannelId.__args__) - set(self.channel_limits)  # type: ignore[attr-defined]
        if missing:
            raise ValueError(f"channel_limits missing: {', '.join(sorted(missing))}")
        unique_ids([c.id for c in self.constraints], "constraint id")
        unique_ids([t.id for t in self.review_triggers], "review trigger")
        return self

    def sensitive_topics(self, text: str) -> list[ReviewTrigger]:
        """Review triggers whose keywords appear in `text`."""
        return [trigger for trigger in self.review_triggers if trigger.matched_keywords(text)]

    def channel(self, channel: str) -> ChannelSpec:
        try:
            return self.channel_limits[channel]  # type: ignore[index]
        except KeyError:
            raise KeyError(f"no channel rules for {channel!r}") from None
