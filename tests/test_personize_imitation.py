"""The imitation behaves like the documented API (so tests built on it mean something)."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from typing import Any

import httpx
import pytest

from personize_assistant.personize.client import Personize, PersonizeAPIError
from tests.support.personize_fixtures import personize_client as personize_client
from tests.support.personize_fixtures import personize_server as personize_server
from tests.support.personize_imitation import PLANS, PersonizeImitation


def raw(server: PersonizeImitation, method: str, path: str, **kwargs: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {server.key}", **kwargs.pop("headers", {})}
    return httpx.request(method, f"{server.url}{path}", headers=headers, **kwargs)


def contacts_id(client: Personize) -> str:
    actions = client.collections.list()["actions"]
    return str(
        next(
            a["payload"]["collectionId"] for a in actions if a["payload"]["entityType"] == "Contact"
        )
    )


def batch_body(collection_id: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "source": "CRM Sync",
        "mapping": {
            "entityType": "contact",
            "email": "email",
            "runName": "nightly",
            "properties": {
                "plan_tier": {
                    "sourceField": "plan",
                    "collectionId": collection_id,
                    "collectionName": "Contacts",
                },
                "notes": {
                    "sourceField": "notes",
                    "collectionId": collection_id,
                    "collectionName": "Contacts",
                    "extractMemories": True,
                },
            },
        },
        "rows": rows,
    }


ROWS = [
    {"email": "ana@acme.io", "plan": "pro", "notes": "Evaluating SOC2 tooling"},
    {"email": "ben@acme.io", "plan": "free", "notes": ""},
    {"email": "cy@beta.io", "plan": "pro"},
]


# --------------------------------------------------------------------------- envelopes and auth


def test_success_envelope_and_documented_401_body(personize_server: PersonizeImitation) -> None:
    ok = raw(personize_server, "GET", "/api/v1/test").json()
    assert ok["success"] is True and set(ok["data"]) == {
        "organizationId",
        "userId",
        "timestamp",
        "ip",
        "userAgent",
    }
    unknown = raw(
        personize_server,
        "GET",
        "/api/v1/me",
        headers={"Authorization": "Bearer sk_test_Unknown000"},
    )
    assert unknown.status_code == 401
    assert unknown.json() == {
        "success": False,
        "error": "authentication_error",
        "message": "Invalid or revoked API key",
    }
    no_bearer = raw(
        personize_server, "GET", "/api/v1/me", headers={"Authorization": personize_server.key}
    )
    assert no_bearer.status_code == 401 and "Bearer" in no_bearer.json()["message"]


@pytest.mark.parametrize("plan", sorted(PLANS))
def test_me_reports_each_plans_limits(
    personize_server: PersonizeImitation, personize_client: Personize, plan: str
) -> None:
    personize_server.controls.set_plan(plan)
    limits = personize_client.me()["plan"]["limits"]
    assert (limits["maxApiCallsPerMinute"], limits["maxApiCallsPerMonth"]) == PLANS[plan]


def test_free_plan_answers_the_documented_429_after_60_calls(
    personize_server: PersonizeImitation,
) -> None:
    personize_server.controls.set_plan("free")
    with httpx.Client(
        base_url=personize_server.url, headers={"Authorization": f"Bearer {personize_server.key}"}
    ) as http:
        statuses = [http.get("/api/v1/test").status_code for _ in range(60)]
        limited = http.get("/api/v1/test")
    assert statuses == [200] * 60
    body = limited.json()
    assert (
        limited.status_code == 429
        and int(limited.headers["Retry-After"]) == body["retryAfterSeconds"]
    )
    assert {k: body[k] for k in ("success", "error", "limit", "current", "window")} == {
        "success": False,
        "error": "rate_limit_exceeded",
        "limit": 60,
        "current": 60,
        "window": "per_minute",
    }
    assert body["message"].startswith("Per-minute limit reached (60/min).")
    personize_server.controls.advance_clock(61)
    assert raw(personize_server, "GET", "/api/v1/test").status_code == 200


def test_control_endpoint_injects_faults_from_another_process(
    personize_server: PersonizeImitation,
) -> None:
    control = httpx.post(
        f"{personize_server.url}/__control",
        json={"action": "server_error", "times": 1, "status": 502},
    )
    assert control.status_code == 200
    assert raw(personize_server, "GET", "/api/v1/me").status_code == 502
    assert raw(personize_server, "GET", "/api/v1/me").status_code == 200
    bad = httpx.post(f"{personize_server.url}/__control", json={"action": "explode"})
    assert bad.status_code == 400
    recorded = httpx.get(f"{personize_server.url}/__requests").json()["data"]
    assert [r["path"] for r in recorded] == ["/api/v1/me", "/api/v1/me"]
    assert all("authorization" not in r["headers"] for r in recorded)


def test_invalid_json_and_unknown_routes(personize_server: PersonizeImitation) -> None:
    broken = raw(
        personize_server,
        "POST",
        "/api/v1/memorize",
        content=b"{nope",
        headers={"Content-Type": "application/json"},
    )
    assert broken.status_code == 400 and broken.json()["error"] == "validation_error"
    missing = raw(personize_server, "GET", "/api/v1/agents")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found_error"


# --------------------------------------------------------------------------- batch memorize


def test_batch_memorize_is_asynchronous_and_lands_after_the_event_completes(
    personize_server: PersonizeImitation, personize_client: Personize
) -> None:
    accepted = personize_client.memory.memorize_batch(
        **batch_body(contacts_id(personize_client), ROWS)
    )
    assert accepted["eventId"].startswith("evt_") and accepted["queued"] == 3
    assert personize_client.memory.search(type="Contact", countOnly=True) == {"totalMatched": 0}
    assert personize_client.events.get(accepted["eventId"])["status"] == "processing"
    done = personize_client.events.get(accepted["eventId"])
    assert (done["status"], done["recordsWritten"], done["errors"]) == ("completed", 3, [])
    pro = personize_client.memory.search(
        type="Contact",
        returnRecords=True,
        groups=[
            {
                "id": "g",
                "logic": "AND",
                "conditions": [{"field": "plan_tier", "operator": "EQ", "value": "pro"}],
            }
        ],
    )
    assert pro["totalMatched"] == 2
    assert all(record["plan_tier"]["value"] == "pro" for record in pro["records"].values())


def test_only_extract_memories_fields_become_recallable(
    personize_server: PersonizeImitation, personize_client: Personize
) -> None:
    personize_client.memory.memorize_batch(**batch_body(contacts_id(personize_client), ROWS))
    personize_server.controls.advance_clock(2)  # past the processing delay
    recalled = personize_client.memory.smart_recall(query="SOC2 tooling", email="ana@acme.io")
    assert [r["text"] for r in recalled["results"]] == ["notes: Evaluating SOC2 tooling"]
    assert personize_client.memory.smart_recall(query="pro plan tier")["results"] == []


def test_batch_dry_run_validates_and_writes_nothing(
    personize_server: PersonizeImitation, personize_client: Personize
) -> None:
    rows = [{"email": "ana@acme.io", "plan": "pro"}, {"plan": "free"}]
    report = personize_client.memory.memorize_batch(
        **batch_body(contacts_id(personize_client), rows), dry_run=True
    )
    personize_server.controls.complete_batches()
    assert report["valid"] is False and report["rowsMissingIdentifier"] == 1
    assert any("'notes'" in warning for warning in report["warnings"])
    assert personize_client.memory.search(countOnly=True) == {"totalMatched": 0}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda body: body.pop("rows"), "rows"),
        (lambda body: body.pop("source"), "source"),
        (
            lambda body: body["mapping"]["properties"]["plan_tier"].update(collectionId="col_xxx"),
            "mapping.properties.plan_tier.collectionId",
        ),
        (lambda body: body["mapping"].pop("email"), "mapping.email"),
    ],
    ids=["no rows", "no source", "placeholder collection id", "no identifier column"],
)
def test_batch_validation_errors_name_the_field(
    personize_client: Personize, change: Any, field: str
) -> None:
    body = batch_body(contacts_id(personize_client), ROWS)
    change(body)
    with pytest.raises(PersonizeAPIError) as caught:
        personize_client.memory.memorize_batch(**body)
    assert caught.value.status == 400 and caught.value.code == "validation_error"
    assert field in [detail["field"] for detail in caught.value.details]


# --------------------------------------------------------------------------- identifiers and reads


def test_identifier_scenarios_follow_the_docs(personize_client: Personize) -> None:
    with pytest.raises(PersonizeAPIError, match="type is required"):
        personize_client.memory.recall(query="x", email="ana@acme.io")
    assert personize_client.memory.recall(query="x", type="Contact")["memoryCount"] == 0
    with pytest.raises(PersonizeAPIError, match="Could not resolve recordId"):
        personize_client.memory.smart_digest(type="Contact", token_budget=500)
    with pytest.raises(PersonizeAPIError, match="missing identifier"):
        personize_client.memory.memorize(content="orphan", type="Contact")
    unknown = personize_client.memory.smart_digest(email="nobody@x.io", token_budget=500)
    assert (unknown["properties"], unknown["memories"]) == ({}, [])


def test_record_ids_are_deterministic_and_shared_across_endpoints(
    personize_server: PersonizeImitation, personize_client: Personize
) -> None:
    first = personize_client.memory.memorize(
        content="Job Title: CTO", email="Ana@Acme.io", enhanced=True, tags=["t"]
    )
    personize_server.reset()
    again = personize_client.memory.memorize(
        content="Job Title: CTO", email="ana@acme.io", enhanced=True, tags=["t"]
    )
    assert first["recordId"] == again["recordId"] and again["recordId"].startswith("REC#")
    assert again["properties"][0]["propertyName"] == "Job Title"
    found = personize_client.memory.search(email="ana@acme.io")
    assert found["recordIds"] == [again["recordId"]]
    digest = personize_client.memory.smart_digest(record_id=again["recordId"], token_budget=300)
    assert "- **job_title**: CTO" in digest["compiledContext"] and digest["tokenBudget"] == 300


def test_search_operators_groups_and_pages(
    personize_client: Personize, personize_server: PersonizeImitation
) -> None:
    personize_client.memory.memorize_batch(**batch_body(contacts_id(personize_client), ROWS))
    personize_server.controls.complete_batches()
    either = personize_client.memory.search(
        groups=[
            {"conditions": [{"property": "plan_tier", "operator": "equals", "value": "free"}]},
            {"conditions": [{"field": "email", "operator": "STARTS_WITH", "value": "cy@"}]},
        ]
    )
    assert either["totalMatched"] == 2
    unset = personize_client.memory.search(
        groups=[{"conditions": [{"field": "notes", "operator": "IS_NOT_SET"}]}]
    )
    assert unset["totalMatched"] == 2  # empty string and missing column both count as unset
    first = personize_client.memory.search(pageSize=2)
    second = personize_client.memory.search(pageSize=2, nextToken=first["nextToken"])
    assert (first["totalPages"], second["page"], "nextToken" in second) == (2, 2, False)
    assert set(first["recordIds"]).isdisjoint(second["recordIds"])
    with pytest.raises(PersonizeAPIError, match="unknown operator"):
        personize_client.memory.search(
            groups=[{"conditions": [{"field": "x", "operator": "LIKE"}]}]
        )


# --------------------------------------------------------------------------- schemas and governance


def test_collections_crud_history_and_system_collections(personize_client: Personize) -> None:
    created = personize_client.collections.create(
        collectionName="Deals",
        entityType="Deal",
        properties=[{"propertyName": "Deal Stage", "type": "options", "options": "open,won"}],
    )
    assert created["properties"][0]["systemName"] == "deal_stage"
    with pytest.raises(PersonizeAPIError, match="already exists"):
        personize_client.collections.create(collectionName="Deals")
    personize_client.collections.update(
        created["collectionId"],
        properties=[{"propertyName": "Deal Stage", "type": "options", "options": "open,won,lost"}],
        historyNote="lost",
    )
    diff = personize_client.collections.history(created["collectionId"])
    change = diff["versions"][0]["changes"]["propertiesModified"][0]
    assert change["fields"]["options"] == {"from": "open,won", "to": "open,won,lost"}
    assert (
        len(personize_client.collections.history(created["collectionId"], mode="full")["history"])
        == 2
    )
    with pytest.raises(PersonizeAPIError, match="cannot be deleted"):
        personize_client.collections.delete(contacts_id(personize_client))
    with pytest.raises(PersonizeAPIError) as caught:
        personize_client.collections.update("col_missing", properties=[])
    assert caught.value.status == 404 and caught.value.code == "not_found_error"


def test_smart_guidelines_selects_by_topic_and_accepts_both_mode_names(
    personize_client: Personize,
) -> None:
    personize_client.guidelines.create(
        name="email-tone", value="Email tone: warm, short sentences.", tags=["tone"]
    )
    personize_client.guidelines.create(
        name="pricing-policy", value="Never quote discounts.", tags=["sales"]
    )
    for mode in ("full", "deep"):
        result = personize_client.ai.smart_guidelines(
            message="what email tone should we use", mode=mode
        )
        assert result["mode"] == "deep"
        assert [s["name"] for s in result["selection"]] == ["email-tone"]
        assert "warm, short sentences" in result["compiledContext"]
    fast = personize_client.ai.smart_guidelines(message="discounts", mode="fast", tags=["tone"])
    assert fast["selection"] == []


# --------------------------------------------------------------------------- prompt


def test_prompt_echoes_inputs_in_the_documented_structure(personize_client: Personize) -> None:
    result = personize_client.ai.prompt(
        instructions=[
            "Research the recipient",
            {"prompt": "Write the email with SUBJECT:, BODY_HTML: and BODY_TEXT:", "maxSteps": 1},
        ],
        context="## ana@acme.io\n\n### Memories\n- Evaluating SOC2 tooling",
        outputs=[{"name": "angle"}],
        evaluate={"criteria": "subject under 80 chars; mentions SOC2", "serverSide": True},
        memorize={"email": "ana@acme.io", "type": "Contact"},
    )
    assert (
        "SUBJECT: A quick idea for Ana" in result["text"]
        and "Evaluating SOC2 tooling" in result["text"]
    )
    assert "<output" not in result["text"] and result["outputs"] == {"angle": "angle for Ana"}
    assert [c["name"] for c in result["evaluation"]["criteriaScores"]] == [
        "subject under 80 chars",
        "mentions SOC2",
    ]
    assert result["metadata"]["stepsExecuted"] == 2 and len(result["steps"]) == 2
    stored = personize_client.memory.recall(query="x", type="Contact", email="ana@acme.io")
    assert stored["freeformMemories"][0]["text"] == result["text"]


def test_scripted_prompt_answers_and_evaluation_score(
    personize_server: PersonizeImitation, personize_client: Personize
) -> None:
    personize_server.controls.script_prompt(
        '```\nsubject: hi\n```\n<output name="data">{"a": 1}</output>'
    )
    personize_server.controls.evaluation_score = 3
    result = personize_client.ai.prompt(prompt="anything", evaluationCriteria="tone")
    assert result["text"] == "```\nsubject: hi\n```" and result["outputs"] == {"data": {"a": 1}}
    assert result["evaluation"]["finalScore"] == 30


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"prompt": "a", "instructions": ["b"]}, "exactly one of prompt or instructions"),
        ({"prompt": "a", "model": "claude-sonnet-4-6"}, "openrouterApiKey"),
        ({"instructions": ["x"] * 21}, "1 to 20 instructions"),
        ({"prompt": "a", "memorize": {"type": "Contact"}}, "memorize needs"),
    ],
    ids=["both", "byok without key", "too many steps", "memorize without identifier"],
)
def test_prompt_rejects_what_the_api_rejects(
    personize_client: Personize, body: dict[str, Any], message: str
) -> None:
    with pytest.raises(PersonizeAPIError, match=message) as caught:
        personize_client.ai.prompt(**body)
    assert caught.value.status == 400


# --------------------------------------------------------------------------- running by hand


@pytest.mark.toolchain
def test_module_entry_point_serves_on_the_given_port() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.personize_imitation",
            "--port",
            str(port),
            "--plan",
            "starter",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()  # printed once the socket is listening
        assert f"http://127.0.0.1:{port}" in banner
        me = Personize("sk_test_ImitationKey0001", base_url=f"http://127.0.0.1:{port}").me()
        assert me["plan"]["limits"]["maxApiCallsPerMinute"] == 120
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_reset_clears_faults_and_data(
    personize_server: PersonizeImitation, personize_client: Personize
) -> None:
    personize_client.memory.memorize(content="x", email="a@b.io", tags=["t"])
    personize_server.controls.server_error(times=None)
    personize_server.reset()
    assert personize_client.memory.search(countOnly=True) == {"totalMatched": 0}
    assert [r.path for r in personize_server.requests] == ["/api/v1/search"]


def test_reset_can_start_an_empty_org(
    personize_server: PersonizeImitation, personize_client: Personize
) -> None:
    personize_server.reset(seed_collections=False)
    assert personize_client.collections.list() == {"actions": [], "count": 0}
    personize_server.reset()
    assert personize_client.collections.list()["count"] == 2
    assert len(personize_server.requests_for("/api/v1/collections", "GET")) == 1


def test_a_request_held_by_a_delay_is_abandoned_by_reset(
    personize_server: PersonizeImitation,
) -> None:
    """Otherwise a timed-out request from one test would be served (and consume faults) in the next."""
    personize_server.controls.delay(30)
    answers: list[httpx.Response] = []
    held = threading.Thread(
        target=lambda: answers.append(raw(personize_server, "GET", "/api/v1/me"))
    )
    held.start()
    while not personize_server.requests:  # wait until the request is being held
        threading.Event().wait(0.01)
    personize_server.reset()
    personize_server.controls.error(418, code="teapot", message="injected for the next request")
    held.join(timeout=10)
    assert answers[0].status_code == 503 and answers[0].json()["message"] == "abandoned by a reset"
    assert personize_server.requests == []
    assert raw(personize_server, "GET", "/api/v1/me").json()["error"] == "teapot"
