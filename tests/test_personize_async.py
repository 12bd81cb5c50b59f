"""The asyncio client against the loopback imitation."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from personize_assistant.personize.client import (
    AsyncPersonize,
    AuthenticationError,
    PersonizeAPIError,
    PersonizeConnectionError,
    RateLimitError,
)
from tests.support.personize_fixtures import (
    SleepRecorder,
)
from tests.support.personize_fixtures import (
    personize_server as personize_server,
)
from tests.support.personize_fixtures import (
    sleep_recorder as sleep_recorder,
)
from tests.support.personize_imitation import PersonizeImitation


def make_client(server: PersonizeImitation, sleep: SleepRecorder, **options: Any) -> AsyncPersonize:
    return AsyncPersonize(server.key, base_url=server.url, sleep=sleep.async_sleep, **options)


async def test_async_methods_round_trip_through_memory(
    personize_server: PersonizeImitation, sleep_recorder: SleepRecorder
) -> None:
    async with make_client(personize_server, sleep_recorder) as client:
        await client.memory.memorize(
            content="Asked about SOC2 audits", email="ana@acme.io", tags=["source:call"]
        )
        recalled = await client.memory.smart_recall(query="SOC2 audits", email="ana@acme.io")
        digest = await client.memory.smart_digest(email="ana@acme.io", token_budget=500)
    assert recalled["results"][0]["text"] == "Asked about SOC2 audits"
    assert "Asked about SOC2 audits" in digest["compiledContext"]
    assert [r.path for r in personize_server.requests] == [
        "/api/v1/memorize",
        "/api/v1/smart-recall",
        "/api/v1/smart-memory-digest",
    ]


async def test_async_search_all_is_an_async_iterator_over_pages(
    personize_server: PersonizeImitation, sleep_recorder: SleepRecorder
) -> None:
    async with make_client(personize_server, sleep_recorder) as client:
        await asyncio.gather(
            *(
                client.memory.memorize(content="hi", email=f"u{i}@x.io", tags=["t"])
                for i in range(5)
            )
        )
        ids = [record["recordId"] async for record in client.memory.search_all(pageSize=2)]
    assert len(set(ids)) == 5
    assert sum(1 for r in personize_server.requests if r.path == "/api/v1/search") == 3


async def test_async_429_then_success_uses_the_injected_sleep(
    personize_server: PersonizeImitation, sleep_recorder: SleepRecorder
) -> None:
    personize_server.controls.rate_limit(times=1, retry_after=12)
    async with make_client(personize_server, sleep_recorder) as client:
        me = await client.me()
    assert me["organization"]["name"] == "Imitation Org"
    assert sleep_recorder.waits == [12]


async def test_async_errors_match_the_blocking_client(
    personize_server: PersonizeImitation, sleep_recorder: SleepRecorder
) -> None:
    async with make_client(personize_server, sleep_recorder, max_retries=1, timeout=0.2) as client:
        personize_server.controls.rate_limit(times=None, retry_after=2)
        with pytest.raises(RateLimitError):
            await client.test()
        personize_server.controls.clear_faults()
        personize_server.controls.fail_auth(403, times=1)
        with pytest.raises(AuthenticationError, match="403"):
            await client.test()
        with pytest.raises(PersonizeAPIError, match="validation_error"):
            await client.ai.prompt(prompt="a", instructions=["b"])
        personize_server.controls.delay(3.0)
        with pytest.raises(PersonizeConnectionError, match="did not answer"):
            await client.test()


async def test_async_pacing_queues_concurrent_calls(
    personize_server: PersonizeImitation, sleep_recorder: SleepRecorder
) -> None:
    clock = [0.0]
    async with make_client(
        personize_server, sleep_recorder, rate_limit_per_minute=2, clock=lambda: clock[0]
    ) as client:
        await asyncio.gather(*(client.test() for _ in range(5)))
    # Five calls at t=0 with two per minute: the 3rd/4th wait a minute, the 5th two minutes.
    assert sorted(sleep_recorder.waits) == [60, 60, 120]


async def test_async_no_key_fails_before_any_request(
    personize_server: PersonizeImitation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PERSONIZE_SECRET_KEY", raising=False)
    async with AsyncPersonize(base_url=personize_server.url) as client:
        with pytest.raises(AuthenticationError, match="PERSONIZE_SECRET_KEY"):
            await client.collections.list()
    assert personize_server.requests == []


async def test_async_wait_for_event(
    personize_server: PersonizeImitation, sleep_recorder: SleepRecorder
) -> None:
    async with make_client(personize_server, sleep_recorder) as client:
        accepted = await client.memory.memorize_batch(
            source="CRM", records=[{"email": "a@x.io", "content": "Prefers SMS"}]
        )
        event = await client.wait_for_event(accepted["eventId"], interval=3)
        digest = await client.memory.smart_digest(email="a@x.io", token_budget=200)
    assert event["status"] == "completed" and sleep_recorder.waits == [3]
    assert "Prefers SMS" in digest["compiledContext"]
