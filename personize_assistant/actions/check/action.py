"""CHECK: lint a generated message against GENERATE's rules before it is sent.

`check_message(raw, channel, ...)` parses the message (JSON or labelled text), applies every
rule code can apply (format, length, separate fields, links, openers, sensitive topics,
facts missing from the context) and returns a `CheckReport`. Limits and word lists come
from `reference/generate.md`'s front matter, loaded through the library.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.check.facts import sensitive_topics, unsupported_facts
from personize_assistant.actions.check.input import parse_message
from personize_assistant.actions.check.model import SEVERITY_ORDER, CheckReport, Violation
from personize_assistant.actions.check.rules import format_rules
from personize_assistant.content.models import GenerateMeta
from personize_assistant.errors import UsageError

CHANNELS = ("email", "sms", "slack", "push", "in_app")
# Everyday names for the reference doc's `max_words_by_context` keys; `dm` is the default.
_VARIANT_ALIASES = {"channel": "channel_post", "post": "channel_post"}


class CheckOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channel: str
    variant: str | None = None
    """A named alternative limit from `max_words_by_context` (`channel_post`, `newsletter`)."""


def load_meta() -> GenerateMeta:
    from personize_assistant.content import load_library

    return load_library().generate.meta


def variants(meta: GenerateMeta, channel: str) -> list[str]:
    spec = meta.channel(channel)
    return sorted({name for f in spec.fields for name in f.max_words_by_context})


def check_message(
    raw: str, options: CheckOptions, context: str | None = None, meta: GenerateMeta | None = None
) -> CheckReport:
    meta = meta or load_meta()
    if options.channel not in meta.channel_limits:
        raise UsageError(f"--channel must be one of {', '.join(meta.channel_limits)} (got {options.channel!r})")
    typed = options.variant
    variant = _VARIANT_ALIASES.get(typed or "", typed)
    options = options.model_copy(update={"variant": None if variant == "dm" else variant})
    known_variants = variants(meta, options.channel)
    if options.variant is not None and options.variant not in known_variants:
        choices = ", ".join(known_variants) or "none for this channel"
        raise UsageError(f"--variant for {options.channel} must be one of: {choices} (got {typed!r})")
    spec = meta.channel(options.channel)
    message = parse_message(raw, spec)
    found = [
        *format_rules(message, meta, spec, options.variant),
        *sensitive_topics(message, meta, context),
        *unsupported_facts(message, meta, context),
    ]
    return CheckReport(
        channel=options.channel,
        variant=options.variant,
        fields=list(message.fields),
        violations=sorted(_unique(found), key=lambda v: SEVERITY_ORDER.index(v.severity)),
    )


def _unique(violations: list[Violation]) -> list[Violation]:
    return list(dict.fromkeys(violations))
