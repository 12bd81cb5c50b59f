"""The standalone Personize client against the loopback imitation (real sockets)."""

from __future__ import annotations

import ast
import logging
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

import personize_assistant.personize.client as client_module
from personize_assistant.personize.client import (
    AuthenticationError,
    Personize,
    PersonizeAPIError,
    PersonizeConnectionError,
    PersonizeError,
    RateLimitError,
)
from tests.support.personize_fixtures import SleepRecorder
from tests.support.personize_fixtures import personize_client as personize_client
from tests.support.personize_fixtures import personize_server as personize_server
from tests.support.personize_fixtures import sleep_recorder as sleep_recorder
from tests.support.personize_imitation import PersonizeImitation

CLIENT_FILE = Path(client_module.__file__)


def make_client(server: PersonizeImitation, sleep: SleepRecorder, **options: Any) -> Personize:
    return Personize(server.key, base_url=server.url, sleep=sleep, **options)


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# --------------------------------------------------------------------------- standalone module


def test_client_module_imports_only_httpx_and_the_standard_library() -> None:
    tree = ast.parse(CLIENT_FILE.read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    foreign = imported - set(sys.stdlib_module_names) - {"httpx", "__future__"}
    assert foreign == set()


@pytest.mark.toolchain
def test_copied_client_works_on_its_own(
    personize_server: PersonizeImitation, tmp_path: Path
) -> None:
    (tmp_path / "personize_client.py").write_text(CLIENT_FILE.read_text(encoding="utf-8"))
    script = (
        "import sys, personize_client as p\n"
        "c = p.Personize()\n"
        "print(c.me()['organization']['name'])\n"
        "assert 'personize_assistant' not in sys.modules and 'pydantic' not in sys.modules\n"
    )
    env = {"PERSONIZE_SECRET_KEY": personize_server.key, "PERSONIZE_BASE_URL": personize_server.url}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Imitation Org"


# --------------------------------------------------------------------------- request shapes

Call = Callable[[Personize], Any]

REQUEST_SHAPES: list[tuple[str, Call, str, str, dict[str, Any] | None, dict[str, str]]] = [
    ("test", lambda c: c.test(), "GET", "/api/v1/test", None, {}),
    ("me", lambda c: c.me(), "GET", "/api/v1/me", None, {}),
    (
        "collections.list",
        lambda c: c.collections.list(limit=5, tags=["crm", "sales"], summary=True),
        "GET",
        "/api/v1/collections",
        None,
        {"limit": "5", "tags": "crm,sales", "summary": "true"},
    ),
    (
        "collections.create",
        lambda c: c.collections.create(
            collectionName="Deals",
            definition="Open deals",
            entityType="Deal",
            properties=[{"propertyName": "Stage", "type": "options", "options": "open,won"}],
        ),
        "POST",
        "/api/v1/collections",
        {
            "collectionName": "Deals",
            "definition": "Open deals",
            "entityType": "Deal",
            "properties": [{"propertyName": "Stage", "type": "options", "options": "open,won"}],
        },
        {},
    ),
    (
        "guidelines.list",
        lambda c: c.guidelines.list(nextToken=None, limit=10),
        "GET",
        "/api/v1/guidelines",
        None,
        {"limit": "10"},
    ),
    (
        "guidelines.create",
        lambda c: c.guidelines.create(name="brand-voice", value="# Voice\n\nWarm.", tags=["tone"]),
        "POST",
        "/api/v1/guidelines",
        {"name": "brand-voice", "value": "# Voice\n\nWarm.", "tags": ["tone"]},
        {},
    ),
    (
        "memory.memorize",
        lambda c: c.memory.memorize(
            content="Met at expo", email="ana@acme.io", enhanced=True, tags=["source:expo"]
        ),
        "POST",
        "/api/v1/memorize",
        {
            "content": "Met at expo",
            "email": "ana@acme.io",
            "enhanced": True,
            "tags": ["source:expo"],
        },
        {},
    ),
    (
        "memory.smart_recall",
        lambda c: c.memory.smart_recall(
            query="pain points", email="ana@acme.io", fast_mode=True, minScore=0.3
        ),
        "POST",
        "/api/v1/smart-recall",
        {"query": "pain points", "email": "ana@acme.io", "fast_mode": True, "minScore": 0.3},
        {},
    ),
    (
        "memory.recall",
        lambda c: c.memory.recall(query="plan", type="Contact", email="ana@acme.io"),
        "POST",
        "/api/v1/recall",
        {"query": "plan", "type": "Contact", "email": "ana@acme.io"},
        {},
    ),
    (
        "memory.smart_digest",
        lambda c: c.memory.smart_digest(email="ana@acme.io", type="Contact", token_budget=2000),
        "POST",
        "/api/v1/smart-memory-digest",
        {"email": "ana@acme.io", "type": "Contact", "token_budget": 2000},
        {},
    ),
    (
        "memory.search",
        lambda c: c.memory.search(type="Contact", returnRecords=True, pageSize=10, groups=[]),
        "POST",
        "/api/v1/search",
        {"type": "Contact", "returnRecords": True, "pageSize": 10, "groups": []},
        {},
    ),
    (
        "ai.smart_guidelines",
        lambda c: c.ai.smart_guidelines(message="email tone", mode="fast"),
        "POST",
        "/api/v1/ai/smart-guidelines",
        {"message": "email tone", "mode": "fast"},
        {},
    ),
    (
        "ai.prompt",
        lambda c: c.ai.prompt(
            instructions=["Write SUBJECT: and BODY_TEXT:"], context="- likes sailing", evaluate=True
        ),
        "POST",
        "/api/v1/prompt",
        {
            "instructions": ["Write SUBJECT: and BODY_TEXT:"],
            "context": "- likes sailing",
            "evaluate": True,
        },
        {},
    ),
]


@pytest.mark.parametrize(
    ("call", "method", "path", "body", "query"),
    [shape[1:] for shape in REQUEST_SHAPES],
    ids=[shape[0] for shape in REQUEST_SHAPES],
)
def test_each_method_sends_the_documented_request(
    personize_client: Personize,
    personize_server: PersonizeImitation,
    call: Call,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    query: dict[str, str],
) -> None:
    call(personize_client)
    sent = personize_server.requests[-1]
    assert (sent.method, sent.path, sent.query) == (method, path, query)
    assert sent.body == (body if body is not None else {})
    assert sent.auth_scheme == "Bearer"
    assert "authorization" not in sent.headers


def test_collection_update_history_and_delete_use_the_id_in_the_path(
    personize_client: Personize,
    personize_server: PersonizeImitation,
) -> None:
    created = personize_client.collections.create(collectionName="Tickets", entityType="Ticket")
    collection_id = created["collectionId"]
    personize_client.collections.update(
        collection_id,
        properties=[{"propertyName": "Priority", "type": "text"}],
        historyNote="add priority",
    )
    history = personize_client.collections.history(collection_id, mode="diff", limit=5)
    personize_client.collections.delete(collection_id)
    paths = [(r.method, r.path, r.query) for r in personize_server.requests]
    assert paths[1:] == [
        ("PATCH", f"/api/v1/collections/{collection_id}", {}),
        ("GET", f"/api/v1/collections/{collection_id}/history", {"mode": "diff", "limit": "5"}),
        ("DELETE", f"/api/v1/collections/{collection_id}", {}),
    ]
    assert history["versions"][0]["changes"]["propertiesAdded"] == ["Priority"]
    assert personize_server.requests[-1].body == {}


def test_guideline_update_sends_fields_flat(
    personize_client: Personize,
    personize_server: PersonizeImitation,
) -> None:
    created = personize_client.guidelines.create(
        name="email-rules", value="## Email Rules\n\nShort."
    )
    updated = personize_client.guidelines.update(
        created["id"],
        value="No emojis.",
        updateMode="appendToSection",
        sectionHeader="## Email Rules",
    )
    assert personize_server.requests[-1].body == {
        "value": "No emojis.",
        "updateMode": "appendToSection",
        "sectionHeader": "## Email Rules",
    }
    assert "Short." in updated["value"] and "No emojis." in updated["value"]
    personize_client.guidelines.delete(created["id"])
    last = personize_server.requests[-1]
    assert (last.method, last.path, last.body) == (
        "DELETE",
        f"/api/v1/guidelines/{created['id']}",
        {},
    )
    assert personize_client.guidelines.list()["count"] == 0


def test_memorize_batch_dry_run_sets_the_wire_flag(
    personize_client: Personize,
    personize_server: PersonizeImitation,
) -> None:
    contacts = personize_client.collections.list()["actions"][0]["payload"]
    mapping = {
        "entityType": "contact",
        "email": "email",
        "properties": {
            "plan": {
                "sourceField": "plan_tier",
                "collectionId": contacts["collectionId"],
                "collectionName": "Contacts",
            }
        },
    }
    report = personize_client.memory.memorize_batch(
        source="CRM", mapping=mapping, rows=[{"email": "a@x.io", "plan": "pro"}], dry_run=True
    )
    assert personize_server.requests[-1].body["dryRun"] is True
    assert report["valid"] is False and "plan_tier" in report["warnings"][0]


def test_search_all_walks_every_page(
    personize_client: Personize,
    personize_server: PersonizeImitation,
) -> None:
    for index in range(7):
        personize_client.memory.memorize(
            content=f"note {index}", email=f"user{index}@x.io", tags=["t"]
        )
    records = list(personize_client.memory.search_all(type="Contact", pageSize=3))
    searches = [r for r in personize_server.requests if r.path == "/api/v1/search"]
    assert len(records) == 7 and len({r["recordId"] for r in records}) == 7
    assert len(searches) == 3
    assert all(r["properties"]["email"]["value"].endswith("@x.io") for r in records)


def test_methods_return_the_envelope_data(personize_client: Personize) -> None:
    me = personize_client.me()
    assert "success" not in me
    assert me["plan"]["limits"]["maxApiCallsPerMinute"] == 300


# --------------------------------------------------------------------------- keys and auth


def test_no_key_fails_before_any_request(
    personize_server: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PERSONIZE_SECRET_KEY", raising=False)
    client = Personize(base_url=personize_server.url)
    with pytest.raises(AuthenticationError, match="PERSONIZE_SECRET_KEY"):
        client.me()
    assert personize_server.requests == []


def test_key_and_base_url_come_from_the_environment(
    personize_server: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PERSONIZE_SECRET_KEY", personize_server.key)
    monkeypatch.setenv("PERSONIZE_BASE_URL", personize_server.url + "/api/v1/")
    with Personize() as client:
        assert client.base_url == personize_server.url
        assert client.test()["organizationId"].startswith("org_")


def test_bad_base_url_is_rejected() -> None:
    with pytest.raises(PersonizeError, match="PERSONIZE_BASE_URL must start with http"):
        Personize("sk_test_x", base_url="agent.personize.ai")


@pytest.mark.parametrize("status", [401, 403])
def test_rejected_key_raises_authentication_error_without_retrying(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
    status: int,
) -> None:
    personize_server.controls.fail_auth(status)
    client = make_client(personize_server, sleep_recorder)
    with pytest.raises(AuthenticationError) as caught:
        client.me()
    assert caught.value.status == status and caught.value.code == "authentication_error"
    assert f"Personize rejected the key in PERSONIZE_SECRET_KEY ({status}" in str(caught.value)
    assert len(personize_server.requests) == 1 and sleep_recorder.waits == []


def test_unknown_key_is_rejected(personize_server: PersonizeImitation) -> None:
    with pytest.raises(AuthenticationError, match="Invalid or revoked"):
        Personize("sk_test_NotAKnownKey1", base_url=personize_server.url).me()


# --------------------------------------------------------------------------- retries


def test_429_waits_retry_after_from_the_body_then_succeeds(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    personize_server.controls.rate_limit(times=1, retry_after=7)
    assert (
        make_client(personize_server, sleep_recorder).me()["organization"]["name"]
        == "Imitation Org"
    )
    assert sleep_recorder.waits == [7]
    assert len(personize_server.requests) == 2


def test_429_falls_back_to_the_retry_after_header_then_60_seconds(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    personize_server.controls.rate_limit(times=1, retry_after=9, header_only=True)
    personize_server.controls.rate_limit(times=1, retry_after=None)
    make_client(personize_server, sleep_recorder).me()
    assert sleep_recorder.waits == [9, 60]


def test_429_wait_is_bounded_by_max_retry_wait(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    personize_server.controls.rate_limit(times=1, retry_after=3600)
    make_client(personize_server, sleep_recorder, max_retry_wait=30).me()
    assert sleep_recorder.waits == [30]


@pytest.mark.parametrize("code", ["rate_limit_exceeded", "rate_limit_error"])
def test_429_exhausted_raises_rate_limit_error(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
    code: str,
) -> None:
    personize_server.controls.rate_limit(times=None, retry_after=5, code=code)
    with pytest.raises(RateLimitError) as caught:
        make_client(personize_server, sleep_recorder, max_retries=2).me()
    error = caught.value
    assert (error.retry_after_seconds, error.limit, error.window, error.code) == (
        5,
        300,
        "per_minute",
        code,
    )
    assert "retry after 5 s" in str(error) and "gave up after 3 attempts" in str(error)
    assert sleep_recorder.waits == [5, 5]


def test_monthly_limit_is_not_retried(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    personize_server.controls.rate_limit(times=1, retry_after=86400, window="per_month")
    with pytest.raises(RateLimitError) as caught:
        make_client(personize_server, sleep_recorder).me()
    assert caught.value.window == "per_month" and sleep_recorder.waits == []


def test_500_backs_off_with_jitter_then_succeeds(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    personize_server.controls.server_error(times=2)
    make_client(personize_server, sleep_recorder, backoff_base=2.0).me()
    first, second = sleep_recorder.waits
    assert 1.0 <= first <= 2.0 and 2.0 <= second <= 4.0


def test_503_honours_retry_after(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    personize_server.controls.server_error(times=1, status=503, retry_after=4)
    make_client(personize_server, sleep_recorder).me()
    assert sleep_recorder.waits == [4]


def test_500_exhausted_raises_api_error_with_request_id(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    personize_server.controls.server_error(times=None)
    with pytest.raises(PersonizeAPIError) as caught:
        make_client(personize_server, sleep_recorder).me()
    error = caught.value
    assert error.status == 500 and error.code == "server_error" and error.request_id
    assert "gave up after 4 attempts" in str(error) and f"requestId {error.request_id}" in str(
        error
    )
    assert len(sleep_recorder.waits) == 3 and len(personize_server.requests) == 4


def test_timeout_is_retried_then_raises_connection_error(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    personize_server.controls.delay(5.0)
    client = make_client(personize_server, sleep_recorder, timeout=0.2, max_retries=1)
    with pytest.raises(
        PersonizeConnectionError, match=r"did not answer GET /api/v1/me within 0.2 s"
    ):
        client.me()
    assert len(sleep_recorder.waits) == 1


def test_connection_refused_raises_connection_error(sleep_recorder: SleepRecorder) -> None:
    client = Personize(
        "sk_test_Anything123", base_url=f"http://127.0.0.1:{unused_port()}", sleep=sleep_recorder
    )
    with pytest.raises(
        PersonizeConnectionError, match=r"Cannot connect to Personize at http://127\.0\.0\.1"
    ):
        client.test()
    assert len(sleep_recorder.waits) == 3


def test_validation_error_carries_code_and_details_and_is_not_retried(
    personize_client: Personize,
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    with pytest.raises(PersonizeAPIError) as caught:
        personize_client.memory.memorize(email="ana@acme.io")
    error = caught.value
    assert (error.status, error.code) == (400, "validation_error")
    assert error.details == [{"field": "content", "message": "is required"}]
    assert str(error).startswith("Personize rejected POST /api/v1/memorize (400 validation_error)")
    assert "content" in str(error) and "\n" not in str(error)
    assert len(personize_server.requests) == 1 and sleep_recorder.waits == []


def test_success_false_in_a_200_raises(
    personize_client: Personize,
    personize_server: PersonizeImitation,
) -> None:
    personize_server.controls.envelope_error(code="not_found_error", message="No record matches")
    with pytest.raises(PersonizeAPIError) as caught:
        personize_client.me()
    assert caught.value.code == "not_found_error" and "No record matches" in str(caught.value)


def test_non_json_answer_raises_a_clear_error() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, text="<html>login</html>"))
    client = Personize("sk_test_Anything123", base_url="https://example.test", transport=transport)
    with pytest.raises(PersonizeAPIError, match="non-JSON answer to GET /api/v1/me"):
        client.me()


# --------------------------------------------------------------------------- pacing


def test_limiter_keeps_within_the_plan_limit_by_counting_requests(
    personize_server: PersonizeImitation,
) -> None:
    """The client's clock and the server's only move when the client sleeps."""
    personize_server.controls.set_rate_limit(3)
    fake_now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        fake_now[0] += seconds
        personize_server.controls.advance_clock(seconds)

    client = Personize(
        personize_server.key, base_url=personize_server.url, sleep=sleep, clock=lambda: fake_now[0]
    )
    assert client.use_plan_limits()["maxApiCallsPerMinute"] == 3
    for _ in range(6):
        client.test()
    assert waits == [60, 60]
    assert len(personize_server.requests) == 7  # no 429 was ever answered


def test_without_the_limiter_the_server_answers_429(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    personize_server.controls.set_rate_limit(2)
    client = make_client(personize_server, sleep_recorder, max_retries=0)
    client.test()
    client.test()
    with pytest.raises(RateLimitError) as caught:
        client.test()
    assert caught.value.limit == 2 and 0 < (caught.value.retry_after_seconds or 0) <= 60


def test_rate_limit_must_be_positive() -> None:
    with pytest.raises(PersonizeError, match="positive integer"):
        Personize("sk_test_x", rate_limit_per_minute=0)


# --------------------------------------------------------------------------- secrecy


def test_key_never_appears_in_repr_errors_or_logs(
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    client = make_client(personize_server, sleep_recorder, timeout=0.2, max_retries=1)
    messages = [repr(client), repr(vars(client))]
    faults: list[Callable[[], None]] = [
        lambda: personize_server.controls.fail_auth(401),
        lambda: personize_server.controls.rate_limit(times=None, retry_after=1),
        lambda: personize_server.controls.server_error(times=None),
        lambda: personize_server.controls.delay(2.0),
        lambda: None,  # a validation error
    ]
    for inject in faults:
        personize_server.controls.clear_faults()
        inject()
        with pytest.raises(PersonizeError) as caught:
            client.memory.memorize(email="a@b.io")
        messages += [str(caught.value), repr(caught.value), repr(vars(caught.value))]
    messages += [record.getMessage() for record in caplog.records]
    messages += [repr(r.as_dict()) for r in personize_server.requests]
    assert all(personize_server.key not in text for text in messages)
    assert any("retrying" in text for text in messages)  # the logs were really captured


def test_a_server_message_echoing_the_key_is_scrubbed() -> None:
    key = "sk_live_EchoedKey12345"

    def answer(request: httpx.Request) -> httpx.Response:
        body = {"success": False, "error": "validation_error", "message": f"bad key {key} here"}
        return httpx.Response(400, json=body)

    client = Personize(key, base_url="https://example.test", transport=httpx.MockTransport(answer))
    with pytest.raises(PersonizeAPIError) as caught:
        client.me()
    assert key not in str(caught.value) and "[REDACTED]" in str(caught.value)


# --------------------------------------------------------------------------- async jobs


def batch_of_two(client: Personize) -> dict[str, Any]:
    contacts = client.collections.list()["actions"][0]["payload"]["collectionId"]
    return {
        "source": "CRM",
        "mapping": {
            "entityType": "contact",
            "email": "email",
            "properties": {
                "plan": {
                    "sourceField": "plan",
                    "collectionId": contacts,
                    "collectionName": "Contacts",
                }
            },
        },
        "rows": [{"email": "a@x.io", "plan": "pro"}, {"email": "b@x.io", "plan": "free"}],
    }


def test_wait_for_event_polls_until_the_batch_lands(
    personize_client: Personize,
    personize_server: PersonizeImitation,
    sleep_recorder: SleepRecorder,
) -> None:
    accepted = personize_client.memory.memorize_batch(**batch_of_two(personize_client))
    event = personize_client.wait_for_event(accepted["eventId"], interval=5)
    assert (event["status"], event["recordsWritten"]) == ("completed", 2)
    assert sleep_recorder.waits == [5]
    assert len(personize_server.requests_for(f"/api/v1/events/{accepted['eventId']}")) == 2
    assert personize_client.memory.search(countOnly=True) == {"totalMatched": 2}


def test_wait_for_event_gives_up_with_advice(personize_server: PersonizeImitation) -> None:
    personize_server.controls.polls_to_complete = 1000
    personize_server.controls.batch_delay_seconds = 10_000
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    with Personize(
        personize_server.key, base_url=personize_server.url, sleep=sleep, clock=lambda: now[0]
    ) as client:
        accepted = client.memory.memorize_batch(**batch_of_two(client))
        with pytest.raises(PersonizeError, match=r"still processing after 30 s; check it later"):
            client.wait_for_event(accepted["eventId"], timeout=30, interval=10)
    assert now[0] == 30


@pytest.mark.parametrize("url", ["http:///api", "https://exa mple.com"])
def test_unusable_base_url_is_rejected(url: str) -> None:
    with pytest.raises(PersonizeError, match="PERSONIZE_BASE_URL is not a usable URL"):
        Personize("sk_test_x", base_url=url)


@pytest.mark.parametrize("key", ["sk_test_Two Parts", "sk_test_Ünicode", "sk_test_\tTab"])
def test_malformed_key_is_reported_without_its_value(
    personize_server: PersonizeImitation, key: str
) -> None:
    with pytest.raises(AuthenticationError, match="PERSONIZE_SECRET_KEY holds spaces") as caught:
        Personize(key, base_url=personize_server.url).me()
    assert key.strip() not in str(caught.value)
    assert personize_server.requests == []


def test_deprecation_headers_are_logged_once(
    personize_client: Personize,
    personize_server: PersonizeImitation,
    caplog: pytest.LogCaptureFixture,
) -> None:
    personize_server.controls.deprecation_headers = True
    caplog.set_level(logging.WARNING, logger="personize_client")
    personize_client.test()
    personize_client.me()
    warnings = [r.getMessage() for r in caplog.records if r.name == "personize_client"]
    assert warnings == [
        "Personize marks /api/v1 as deprecated (sunset: Wed, 15 Jul 2026 00:00:00 GMT)"
    ]
