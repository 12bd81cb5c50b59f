"""What WIRE takes from the skill library: patterns per kind, constraints, limits, rates."""

from __future__ import annotations

from dataclasses import dataclass

from personize_assistant.actions.wire.artifact import Pattern
from personize_assistant.codegen.helpers import CHANNEL_ALIASES, HelperSettings, helper_settings
from personize_assistant.content.models import GenerateMeta, PlanMeta, WireMeta
from personize_assistant.scan.models import Kind

# Our pattern ids -> the library's integration pattern that documents them. Event mirroring
# is the library's webhook pattern (memorize the event as it happens); data sync comes from
# the data-sync skill and has no WIRE pattern of its own.
LIBRARY_PATTERN: dict[Pattern, str | None] = {
    "wrap": "wrap",
    "webhook_pipeline": "webhook_pipeline",
    "middleware": "middleware",
    "cron_generate_deliver": "cron_generate_deliver",
    "event_mirror": "webhook_pipeline",
    "data_sync": None,
}

# The library's patterns WIRE has generators for (the queue pattern has none yet).
FROM_LIBRARY: dict[str, Pattern] = {
    "wrap": "wrap",
    "webhook_pipeline": "webhook_pipeline",
    "middleware": "middleware",
    "cron_generate_deliver": "cron_generate_deliver",
}

# Fallback when no library is at hand (listing without rules): the same choices.
KIND_PATTERN: dict[Kind, Pattern] = {
    Kind.EMAIL_SEND: "wrap",
    Kind.NOTIFICATION: "wrap",
    Kind.WEBHOOK_HANDLER: "webhook_pipeline",
    Kind.USER_CONTEXT: "middleware",
    Kind.SCHEDULED_JOB: "cron_generate_deliver",
    Kind.EVENT_TRACKING: "event_mirror",
    Kind.DATA_MODEL: "data_sync",
}


@dataclass(frozen=True)
class WireRules:
    wire: WireMeta
    generate: GenerateMeta
    plan: PlanMeta | None = None
    """Batch pacing for data-sync scripts (rows per call, wait between batches)."""

    def pattern_for(self, kind: Kind) -> Pattern | None:
        """The first integration pattern the library lists for `kind` that WIRE generates.

        The library's webhook pattern (memorize the event as it happens) becomes event
        mirroring for analytics calls; data models get the data-sync script."""
        if kind == Kind.DATA_MODEL:
            return "data_sync"
        if kind not in KIND_PATTERN:
            return None  # e.g. segmentation: the library lists patterns WIRE has no code for
        for pattern in self.wire.patterns_for(kind):
            ours = FROM_LIBRARY.get(pattern.id)
            if ours == "webhook_pipeline" and kind == Kind.EVENT_TRACKING:
                return "event_mirror"
            if ours is not None:
                return ours
        return None

    def channel_fields(self, channel: str) -> list[str]:
        key = channel if channel in self.generate.channel_limits else CHANNEL_ALIASES.get(channel, "in_app")
        spec = self.generate.channel(key)
        return [f.name for f in spec.fields if f.name != "CHANNEL_NOTES"]

    def helper_settings(self) -> HelperSettings:
        return helper_settings(self.wire, self.generate)
