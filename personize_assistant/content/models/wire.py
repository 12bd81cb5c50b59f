"""WIRE's front matter: constraints, integration patterns, degradation, auth, rate alignment."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from personize_assistant.content.models.common import (
    Kind,
    ReferenceMeta,
    Rule,
    SdkMethod,
    Strict,
    unique_ids,
)

PatternId = Literal["wrap", "webhook_pipeline", "middleware", "cron_generate_deliver", "queue"]


class IntegrationPattern(Strict):
    id: PatternId
    title: str
    description: str
    kinds: list[Kind] = Field(min_length=1)
    sdk_chain: list[SdkMethod] = Field(min_length=1)
    trigger: str
    recipe: str | None = None
    """A recipe that shows the pattern end to end (must exist when named)."""


class DegradationPolicy(Strict):
    timeout_seconds: float = Field(default=5.0, gt=0)
    """Budget for the Personize part of a request path before falling back."""
    rules: list[Rule] = Field(min_length=1)


class AuthPolicy(Strict):
    personize_env_var: str = "PERSONIZE_SECRET_KEY"
    key_prefixes: list[str] = Field(default_factory=lambda: ["sk_live_", "sk_test_"])
    rules: list[Rule] = Field(min_length=1)


class DeliveryRate(Strict):
    provider: str
    limit: str
    pacing_ms: int | None = None
    """Minimum spacing between calls, where the provider has one."""


class WireMeta(ReferenceMeta):
    constraints: list[Rule] = Field(min_length=1)
    patterns: list[IntegrationPattern]
    degradation: DegradationPolicy
    auth: AuthPolicy
    rate_alignment: list[DeliveryRate] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete(self) -> WireMeta:
        missing = set(PatternId.__args__) - {p.id for p in self.patterns}  # type: ignore[attr-defined]
        if missing:
            raise ValueError(f"integration patterns missing: {', '.join(sorted(missing))}")
        unique_ids([c.id for c in self.constraints], "constraint id")
        return self

    def pattern(self, pattern_id: str) -> IntegrationPattern:
        return next(p for p in self.patterns if p.id == pattern_id)

    def patterns_for(self, kind: str) -> list[IntegrationPattern]:
        return [p for p in self.patterns if kind in p.kinds]
