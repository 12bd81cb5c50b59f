"""Typed views of Personize responses, for the assistant's own code.

The standalone client returns plain dicts (it may not depend on pydantic); these models parse
the parts the assistant reads and absorb the documented shape differences (personize-api.md
§18 #9 `me()` fields, #10 `collections.list` shapes).
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

BATCH_PACING_SECONDS = 62
"""data-sync pacing: wait this long between `memorizeBatch` requests."""

BATCH_SHARE_OF_LIMIT = 0.9
"""Rows per batch request as a share of the per-minute limit (headroom for other calls)."""

CALLS_PER_GENERATED_RECORD = 6
"""A full generate pipeline costs about 4-6 calls per record; plan for the worst case."""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


class PlanLimits(BaseModel):
    model_config = ConfigDict(populate_by_name=True, frozen=True)

    per_minute: int | None = Field(default=None, alias="maxApiCallsPerMinute")
    per_month: int | None = Field(default=None, alias="maxApiCallsPerMonth")


class MeInfo(BaseModel):
    """What `me()` says about the key's organisation and plan."""

    model_config = ConfigDict(frozen=True)

    organization_id: str | None = None
    organization_name: str | None = None
    user_id: str | None = None
    key_scope: str | None = None
    plan_id: str | None = None
    plan_name: str | None = None
    limits: PlanLimits = PlanLimits()

    @classmethod
    def from_api(cls, data: Any) -> MeInfo:
        data = _dict(data)
        org, plan = _dict(data.get("organization")), _dict(data.get("plan"))
        limits = _dict(plan.get("limits")) or _dict(data.get("rateLimits"))
        return cls(
            organization_id=org.get("id"),
            organization_name=org.get("name"),
            user_id=_dict(data.get("user")).get("id"),
            key_scope=_dict(data.get("key")).get("scope"),
            plan_id=plan.get("id"),
            plan_name=plan.get("name"),
            limits=PlanLimits(
                per_minute=_int(limits.get("maxApiCallsPerMinute", limits.get("perMinute"))),
                per_month=_int(limits.get("maxApiCallsPerMonth", limits.get("perMonth"))),
            ),
        )

    @property
    def organization_label(self) -> str:
        return self.organization_name or self.organization_id or "unknown organization"


class RateBudget(BaseModel):
    """How much work a plan's per-minute limit allows."""

    model_config = ConfigDict(frozen=True)

    per_minute: int
    per_month: int | None
    batch_rows_per_request: int
    batch_wait_seconds: int = BATCH_PACING_SECONDS
    batch_records_per_minute: int
    pipeline_records_per_minute: int

    @classmethod
    def for_limits(cls, limits: PlanLimits, *, max_rows_per_call: int = 500) -> RateBudget | None:
        """One `memorizeBatch` request counts as one call whatever its row count, so a batch
        sync is bounded by rows per request and the pacing wait, not by the call limit."""
        if not limits.per_minute:
            return None
        rows = min(math.floor(limits.per_minute * BATCH_SHARE_OF_LIMIT), max_rows_per_call)
        return cls(
            per_minute=limits.per_minute,
            per_month=limits.per_month,
            batch_rows_per_request=rows,
            batch_records_per_minute=math.floor(rows * 60 / BATCH_PACING_SECONDS),
            pipeline_records_per_minute=limits.per_minute // CALLS_PER_GENERATED_RECORD,
        )


class CollectionSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    entity_type: str | None = None
    property_count: int | None = None


def _summary(item: dict[str, Any]) -> CollectionSummary | None:
    # In the `actions` shape the action's own `id` is not necessarily the collection's id, and a
    # wrong id sends batch writes to the wrong place: only the payload's ids count there.
    payload = _dict(item.get("payload")) or item
    collection_id = payload.get("collectionId") or payload.get("id")
    name = payload.get("collectionName") or payload.get("name") or item.get("name")
    if not collection_id or not name:
        return None
    properties = payload.get("properties")
    return CollectionSummary(
        id=str(collection_id),
        name=str(name),
        entity_type=payload.get("entityType"),
        property_count=len(properties) if isinstance(properties, list) else None,
    )


def collection_summaries(data: Any) -> list[CollectionSummary]:
    """Summaries from a `collections.list()` page: `actions[].payload` or a plain list."""
    items = data if isinstance(data, list) else _dict(data).get("actions") or []
    summaries = (_summary(item) for item in items if isinstance(item, dict))
    return [summary for summary in summaries if summary is not None]


def next_token(data: Any) -> str | None:
    token = _dict(data).get("nextToken")
    return str(token) if token else None
