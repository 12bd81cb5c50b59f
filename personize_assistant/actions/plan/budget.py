"""The rate-limit budget: what the plan's pipelines spend against the plan's limits.

All figures come from PlanMeta (limits per tier, calls per record, batch pacing) and
the expected volume; nothing is hard-coded here but arithmetic.
"""

from __future__ import annotations

import math

from personize_assistant.actions.plan.artifact import RateBudget
from personize_assistant.content.models import PlanLimit, PlanMeta
from personize_assistant.errors import UsageError

DAYS_PER_MONTH = 30
VOLUME_ANSWER = "daily_volume"
"""The answers file's key for the volume (a Discovery field), named wherever the plan asks for it."""


def rate_budget(meta: PlanMeta, tier: str, daily_volume: int, sync_rows_per_day: int,
                sync_sources: int = 1) -> RateBudget:
    """Budget for `daily_volume` personalised records/day plus syncing `sync_rows_per_day` rows
    from `sync_sources` data sources (each source is its own run: at least one request)."""
    limit = _limit(meta, tier)
    enterprise = limit.plan.lower() == "enterprise"
    rows_per_batch = max(1, meta.rows_per_batch(limit.per_minute, enterprise=enterprise))
    records_per_minute = max(1, meta.records_per_minute(limit.per_minute))
    pipeline = daily_volume * meta.calls_per_record
    sync = max(sync_sources, math.ceil(sync_rows_per_day / rows_per_batch)) if sync_rows_per_day and sync_sources else 0
    monthly = (pipeline + sync) * DAYS_PER_MONTH
    fits = monthly <= limit.per_month
    return RateBudget(
        tier=limit.plan,
        per_minute=limit.per_minute,
        per_month=limit.per_month,
        calls_per_record=meta.calls_per_record,
        records_per_minute=records_per_minute,
        daily_volume=daily_volume,
        pipeline_calls_per_day=pipeline,
        sync_calls_per_day=sync,
        monthly_calls=monthly,
        minutes_per_run=math.ceil(daily_volume / records_per_minute) if daily_volume else 0,
        rows_per_batch=rows_per_batch,
        batch_wait_seconds=meta.batch.wait_seconds,
        fits=fits,
        suggested_tier=None if fits else _smallest_fitting(meta, monthly),
    )


def _limit(meta: PlanMeta, tier: str) -> PlanLimit:
    limit = meta.limit_for(tier)
    if limit is None:
        tiers = ", ".join(p.plan.lower() for p in meta.plan_limits)
        raise UsageError(f"unknown plan tier {tier!r}; expected one of {tiers}")
    return limit


def _smallest_fitting(meta: PlanMeta, monthly_calls: int) -> str | None:
    fitting = [p for p in meta.plan_limits if p.per_month >= monthly_calls]
    return min(fitting, key=lambda p: p.per_month).plan if fitting else None


def _volume_row(budget: RateBudget) -> tuple[str, str]:
    if budget.volume_known:
        return ("Expected volume", f"{budget.daily_volume:,} records per day")
    # Nothing in the repo measures traffic: say so; the figures below are the tier's capacity, not a budget.
    return ("Volume", f"not known yet: answer `{VOLUME_ANSWER}: N` (records per day) in the answers file or pass "
                      f"`--volume N/day`. The rows below show the most the {budget.tier} plan sustains "
                      f"({budget.daily_volume:,} records per day), not your budget")


def budget_table(budget: RateBudget) -> str:
    """The budget as a markdown table with the arithmetic shown."""
    rows = [
        ("Plan", f"{budget.tier}: {budget.per_minute:,} calls per minute, {budget.per_month:,} per month"),
        ("Calls per personalised record", f"up to {budget.calls_per_record} (guidelines, digest, recall, prompt, memorize)"),
        ("Records per minute", f"floor({budget.per_minute} / {budget.calls_per_record}) = {budget.records_per_minute}"),
        _volume_row(budget),
        ("Pipeline calls per day", f"{budget.daily_volume:,} x {budget.calls_per_record} = {budget.pipeline_calls_per_day:,}"),
        ("Sync calls per day", f"{budget.sync_calls_per_day:,} memorizeBatch {_plural('request', budget.sync_calls_per_day)} "
                               f"(at least one per data source, up to {budget.rows_per_batch} rows each; one request = one call)"),
        ("Monthly total", f"({budget.pipeline_calls_per_day:,} + {budget.sync_calls_per_day:,}) x {DAYS_PER_MONTH} = {budget.monthly_calls:,} ({budget.month_share:.0%} of the monthly limit)"),
        ("Longest run", f"about {budget.minutes_per_run} minutes to process a day's volume at {budget.records_per_minute} records per minute"),
        ("Batch pacing", f"{budget.rows_per_batch} rows per memorizeBatch request, then wait {budget.batch_wait_seconds} s"),
    ]
    lines = ["| Item | Budget |", "|---|---|", *[f"| {k} | {v} |" for k, v in rows]]
    if not budget.fits:
        advice = (f"upgrade to {budget.suggested_tier}" if budget.suggested_tier
                  else "split the volume across orgs or negotiate an enterprise limit")
        lines += ["", f"**Over budget:** {budget.monthly_calls:,} calls a month exceed the "
                      f"{budget.tier} limit of {budget.per_month:,}; {advice}, or lower the volume."]
    return "\n".join(lines)


def _plural(word: str, count: int) -> str:
    return word if count == 1 else f"{word}s"
