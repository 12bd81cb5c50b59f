"""The one runtime helper per language (`personize-wiring.ts`, `personize_wiring.py`) that
PLAN, WIRE and GENERATE all emit and import.

Its content depends only on the skill library (timeouts, channel rules, review topics,
provider rates), never on the touchpoint, so every action and every wiring in a repo shares
one copy. The name stays `personize_wiring`: repos wired before hold copies under it (WIRE
keeps an existing copy), and what it does is wire Personize into existing send paths.
"""

from __future__ import annotations

import json
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.codegen.render import render
from personize_assistant.content.models import GenerateMeta, WireMeta

TS_HELPER = "personize-wiring.ts"
PY_HELPER_MODULE = "personize_wiring"
PY_HELPER = f"{PY_HELPER_MODULE}.py"
PY_CLIENT_MODULE = "personize_client"
PY_CLIENT = f"{PY_CLIENT_MODULE}.py"

# Channels of the scan contract that GENERATE has no rules for borrow the closest ones.
CHANNEL_ALIASES = {"chat": "slack", "webhook_out": "sms", "other": "in_app"}


class FieldRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    markup: str = "plain"
    max_chars: int | None = None
    max_words: int | None = None


class HelperSettings(BaseModel):
    """Everything the helper templates take; built from the library by the WIRE action."""

    model_config = ConfigDict(extra="forbid")

    timeout_seconds: float = 5.0
    run_timeout_seconds: float = 60.0
    org_concurrency: int = 5
    calls_per_message: int = 4
    max_in_flight: int = 2
    run_per_minute: int = 15
    run_rate_note: str = "Free plan: 60 calls/min / 4 calls per message"
    digest_budget: int = 1500
    context_budget: int = 500
    channel_fields: dict[str, dict[str, FieldRule]] = Field(default_factory=dict)
    review_keywords: list[str] = Field(default_factory=list)
    rates: list[str] = Field(default_factory=list)


def helper_settings(wire: WireMeta, generate: GenerateMeta) -> HelperSettings:
    """The helper's timeouts, channel rules, review topics and provider rates, from the
    WIRE and GENERATE reference docs (the same for every action that emits it)."""
    channels = {
        channel: {
            f.name: FieldRule(markup=f.markup, max_chars=f.max_chars, max_words=f.max_words)
            for f in spec.fields
            if f.name != "CHANNEL_NOTES"
        }
        for channel, spec in generate.channel_limits.items()
    }
    return HelperSettings(
        timeout_seconds=wire.degradation.timeout_seconds,
        channel_fields=channels,
        review_keywords=sorted({k for t in generate.review_triggers for k in t.keywords}),
        rates=[f"{r.provider}: {r.limit}" for r in wire.rate_alignment],
    )


def _channels(settings: HelperSettings) -> dict[str, dict[str, FieldRule]]:
    channels = dict(settings.channel_fields)
    for alias, source in CHANNEL_ALIASES.items():
        if alias not in channels and source in channels:
            channels[alias] = channels[source]
    return channels


def typescript_helper(settings: HelperSettings) -> str:
    channels = _channels(settings)
    return render(
        "ts/personize_wiring.ts.j2",
        **settings.model_dump(exclude={"channel_fields", "review_keywords"}),
        timeout_ms=int(settings.timeout_seconds * 1000),
        run_timeout_ms=int(settings.run_timeout_seconds * 1000),
        channel_fields=channels,
        channel_union=" | ".join(f"'{name}'" for name in channels) or "string",
        review_keywords=", ".join(json.dumps(word).replace('"', "'") for word in settings.review_keywords),
    )


def python_helper(settings: HelperSettings, client_import: str) -> str:
    return render(
        "py/personize_wiring.py.j2",
        **settings.model_dump(exclude={"channel_fields"}),
        channel_fields=_channels(settings),
        client_import=client_import,
    )


def python_client_source() -> str:
    """The standalone client, verbatim from the installed package."""
    return (resources.files("personize_assistant.personize") / "client.py").read_text(encoding="utf-8")
