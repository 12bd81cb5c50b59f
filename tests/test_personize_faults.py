"""Client faults over real loopback HTTP: a lost answer to a write, endless pagination,
and a `schema --create` that fails half way. Faults come from the imitation's controls."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.schema.action import design_schema
from personize_assistant.actions.schema.create import apply_schema
from personize_assistant.cli import app
from personize_assistant.commands import planning_cmd
from personize_assistant.personize.client import Personize, PersonizeConnectionError
from personize_assistant.personize.connect import MAX_LIST_PAGES, PersonizeUnavailable
from tests.planning_support import planning_library, prisma_scan
from tests.support.personize_fixtures import SleepRecorder
from tests.support.personize_fixtures import personize_env as personize_env
from tests.support.personize_fixtures import personize_server as personize_server
from tests.support.personize_fixtures import sleep_recorder as sleep_recorder
from tests.support.personize_imitation import PersonizeImitation

COLLECTIONS = "/api/v1/collections"


def client_for(server: PersonizeImitation, sleep: SleepRecorder, **options: object) -> Personize:
    return Personize(server.key, base_url=server.url, sleep=sleep, **options)  # type: ignore[arg-type]


def named(server: PersonizeImitation, name: str) -> list[object]:
    org = server.org_for(None)
    return [c for c in org.collections.values() if c["collectionName"] == name]


def test_a_create_whose_answer_is_lost_is_not_sent_again(
    personize_server: PersonizeImitation, sleep_recorder: SleepRecorder
) -> None:
    personize_server.controls.delay_after(3.0, times=1, path=COLLECTIONS)
    client = client_for(personize_server, sleep_recorder, timeout=0.3, max_retries=3)
    with pytest.raises(PersonizeConnectionError, match="not retried: POST /api/v1/collections") as caught:
        client.collections.create(collectionName="Customers", properties=[])
    assert caught.value.request_sent
    assert len(personize_server.requests_for(COLLECTIONS, "POST")) == 1
    assert len(named(personize_server, "Customers")) == 1


def test_reads_are_still_retried_after_a_timeout(
    personize_server: PersonizeImitation, sleep_recorder: SleepRecorder
) -> None:
    personize_server.controls.delay_after(3.0, times=1, path="/api/v1/smart-recall")
    client = client_for(personize_server, sleep_recorder, timeout=0.3, max_retries=2)
    client.memory.smart_recall(query="plan", email="ana@example.com")
    assert len(personize_server.requests_for("/api/v1/smart-recall")) == 2


def test_a_write_is_retried_when_it_never_reached_the_server(sleep_recorder: SleepRecorder) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = Personize("sk_test_x", base_url=f"http://127.0.0.1:{port}", sleep=sleep_recorder, max_retries=2)
    with pytest.raises(PersonizeConnectionError, match="Cannot connect") as caught:
        client.collections.create(collectionName="Customers")
    assert not caught.value.request_sent and len(sleep_recorder.waits) == 2


def test_schema_create_finds_the_collection_a_lost_answer_created(
    personize_server: PersonizeImitation, sleep_recorder: SleepRecorder
) -> None:
    artifact = design_schema(prisma_scan(), Discovery(), planning_library())
    first = artifact.create_bodies()[0]["collectionName"]
    personize_server.controls.delay_after(3.0, times=1, path=COLLECTIONS)
    with client_for(personize_server, sleep_recorder, timeout=0.3) as client:
        report = apply_schema(artifact, client.collections)
    assert report.changes[0].action == "create" and report.changes[0].collection_id
    names = [b["collectionName"] for b in artifact.create_bodies()]
    assert [len(named(personize_server, n)) for n in names] == [1] * len(names)
    assert first in report.created


def test_endless_pages_stop_with_an_error_not_an_empty_list(
    personize_env: PersonizeImitation, monkeypatch: pytest.MonkeyPatch
) -> None:
    personize_env.reset(seed_collections=False)
    personize_env.controls.endless_pages(path=COLLECTIONS)
    result = CliRunner().invoke(app, ["collections"])
    assert isinstance(result.exception, PersonizeUnavailable)
    assert f"after {MAX_LIST_PAGES} pages" in str(result.exception)
    assert "No collections yet" not in result.stdout
    assert len(personize_env.requests_for(COLLECTIONS, "GET")) == MAX_LIST_PAGES


def test_schema_create_never_creates_from_a_partial_list(
    personize_server: PersonizeImitation, sleep_recorder: SleepRecorder
) -> None:
    personize_server.controls.endless_pages(path=COLLECTIONS)
    artifact = design_schema(prisma_scan(), Discovery(), planning_library())
    with client_for(personize_server, sleep_recorder) as client, pytest.raises(PersonizeUnavailable):
        apply_schema(artifact, client.collections)
    assert personize_server.requests_for(COLLECTIONS, "POST") == []


def test_a_failed_schema_create_says_what_it_already_created(
    personize_env: PersonizeImitation, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(planning_cmd, "scan_with_progress", lambda root: prisma_scan(str(root)))
    artifact = design_schema(prisma_scan(str(tmp_path)), Discovery(), planning_library())
    names = [b["collectionName"] for b in artifact.create_bodies()]
    # One create goes through, then the server refuses the rest.
    personize_env.controls.error(403, code="authentication_error", message="key revoked", times=None,
                                 path=COLLECTIONS, after=1, method="POST")
    result = CliRunner().invoke(app, ["schema", str(tmp_path), "--create"])
    assert isinstance(result.exception, PersonizeUnavailable)
    assert len(names) >= 2
    assert f"already created: {names[0]};" in str(result.exception)
    printed = [line.split(" (")[0] for line in result.stderr.splitlines() if line.startswith("+ ")]
    assert printed == [f"+ {names[0]}"]  # said as it went
