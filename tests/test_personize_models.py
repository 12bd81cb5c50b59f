"""Typed views absorb the documented response-shape differences (personize-api.md §18)."""

from __future__ import annotations

import pytest

from personize_assistant.personize.models import (
    CollectionSummary,
    MeInfo,
    PlanLimits,
    RateBudget,
    collection_summaries,
    next_token,
)


def test_me_info_reads_the_documented_type() -> None:
    me = MeInfo.from_api(
        {
            "organization": {"id": "org_1"},
            "user": {"id": "usr_1"},
            "key": {"id": "key_1", "scope": "full"},
            "plan": {
                "id": "plan_pro",
                "name": "Pro",
                "limits": {"maxApiCallsPerMinute": 300, "maxApiCallsPerMonth": 250000},
            },
        }
    )
    assert (me.organization_label, me.plan_name, me.key_scope) == ("org_1", "Pro", "full")
    assert me.limits == PlanLimits(per_minute=300, per_month=250000)


def test_me_info_accepts_the_older_rate_limits_shape_and_missing_fields() -> None:
    me = MeInfo.from_api(
        {"organization": {"id": "org_1", "name": "Acme"}, "rateLimits": {"perMinute": 60}}
    )
    assert me.organization_label == "Acme" and me.limits.per_minute == 60 and me.plan_name is None
    assert MeInfo.from_api(None).limits == PlanLimits()
    assert (
        MeInfo.from_api({"plan": {"limits": {"maxApiCallsPerMinute": "lots"}}}).limits.per_minute
        is None
    )


@pytest.mark.parametrize(
    ("per_minute", "rows", "batch_per_minute", "pipeline_per_minute"),
    [(60, 54, 52, 10), (120, 108, 104, 20), (300, 270, 261, 50), (1000, 500, 483, 166)],
)
def test_rate_budget_per_plan(
    per_minute: int, rows: int, batch_per_minute: int, pipeline_per_minute: int
) -> None:
    budget = RateBudget.for_limits(PlanLimits(per_minute=per_minute))
    assert budget is not None
    assert (budget.batch_rows_per_request, budget.batch_records_per_minute) == (
        rows,
        batch_per_minute,
    )
    assert (
        budget.pipeline_records_per_minute == pipeline_per_minute
        and budget.batch_wait_seconds == 62
    )


def test_rate_budget_enterprise_row_cap_and_unknown_limits() -> None:
    enterprise = RateBudget.for_limits(PlanLimits(per_minute=1000), max_rows_per_call=5000)
    assert enterprise is not None and enterprise.batch_rows_per_request == 900
    assert RateBudget.for_limits(PlanLimits()) is None


def test_collection_summaries_from_both_documented_list_shapes() -> None:
    actions = {
        "actions": [
            {
                "id": "a1",
                "type": "collection",
                "payload": {
                    "collectionId": "col_1",
                    "collectionName": "Contacts",
                    "entityType": "Contact",
                    "properties": [{}, {}],
                },
            },
            {"id": "a2", "payload": {"collectionName": "no id"}},
        ],
        "nextToken": "t2",
    }
    assert collection_summaries(actions) == [
        CollectionSummary(id="col_1", name="Contacts", entity_type="Contact", property_count=2)
    ]
    assert next_token(actions) == "t2" and next_token({"actions": []}) is None
    plain = [{"id": "col_2", "name": "Companies"}, "junk"]
    assert collection_summaries(plain) == [CollectionSummary(id="col_2", name="Companies")]
    assert collection_summaries(None) == []
