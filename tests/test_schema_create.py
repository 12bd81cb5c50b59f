"""`schema --create` against the loopback imitation: dry run, create, idempotent re-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.schema.action import design_schema
from personize_assistant.actions.schema.create import apply_schema, existing_collections
from personize_assistant.cli import app
from personize_assistant.commands import planning_cmd
from personize_assistant.errors import UsageError
from personize_assistant.personize.client import Personize
from tests.planning_support import planning_library, prisma_scan
from tests.support.personize_fixtures import personize_env, personize_server  # noqa: F401
from tests.support.personize_imitation import PersonizeImitation

# Subscription and Response are records: they roll up onto these two, with no collection of their own.
NAMES = ["Pulseboard Users", "Pulseboard Workspaces"]


def writes(server: PersonizeImitation) -> list[str]:
    return [r.path for r in server.requests if r.method != "GET"]


@pytest.fixture
def client(personize_server: PersonizeImitation):  # type: ignore[no-untyped-def]  # noqa: F811
    with Personize(personize_server.key, base_url=personize_server.url, max_retries=0) as c:
        yield c


def test_dry_run_reports_the_diff_and_writes_nothing(personize_server: PersonizeImitation, client: Personize) -> None:  # noqa: F811
    artifact = design_schema(prisma_scan(), Discovery(), planning_library())
    report = apply_schema(artifact, client.collections, dry_run=True)
    assert report.created == NAMES
    assert writes(personize_server) == []
    assert "would create" in report.render() and "dry run" in report.render()


def test_create_then_rerun_creates_nothing(personize_server: PersonizeImitation, client: Personize) -> None:  # noqa: F811
    artifact = design_schema(prisma_scan(), Discovery(), planning_library())
    first = apply_schema(artifact, client.collections)
    assert first.created == NAMES
    assert all(c.collection_id for c in first.changes)
    sent = [r.body for r in personize_server.requests if r.method == "POST"]
    assert sent == artifact.create_bodies()  # exactly the documented request bodies

    personize_server.requests.clear()
    second = apply_schema(artifact, client.collections)
    assert second.created == []
    assert {c.action for c in second.changes} == {"exists"}
    assert writes(personize_server) == []
    names = existing_collections(client.collections)
    assert set(NAMES) <= set(names) and {"Contacts", "Companies"} <= set(names)  # system ones untouched


def test_listing_follows_pages(personize_server: PersonizeImitation, client: Personize) -> None:  # noqa: F811
    for index in range(130):
        client.collections.create(collectionName=f"Extra {index}", properties=[])
    names = existing_collections(client.collections)
    assert "Extra 129" in names and "Extra 0" in names


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI scans PATH; here it gets the hand-built Pulseboard scan."""
    monkeypatch.setattr(planning_cmd, "scan_with_progress", lambda root: prisma_scan(str(root)))


def test_cli_create_is_idempotent(personize_env: PersonizeImitation, scanned: None, tmp_path: Path) -> None:  # noqa: F811
    runner = CliRunner()
    repo = tmp_path / "pulseboard-ts"
    repo.mkdir()
    dry = runner.invoke(app, ["schema", str(repo), "--create", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "+ Pulseboard Users" in dry.stdout and writes(personize_env) == []

    created = runner.invoke(app, ["schema", str(repo), "--create", "--json"])
    assert created.exit_code == 0, created.output
    assert json.loads(created.stdout)["created"] == NAMES

    again = runner.invoke(app, ["schema", str(repo), "--create", "--json"])
    assert json.loads(again.stdout)["created"] == []


def test_cli_create_without_a_key_is_a_one_line_error(scanned: None, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PERSONIZE_SECRET_KEY", raising=False)
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CONFIG", str(tmp_path / "none.toml"))
    result = CliRunner().invoke(app, ["schema", str(tmp_path), "--create"])
    assert isinstance(result.exception, UsageError)  # cli.main prints it on one line, exit 2
    assert "PERSONIZE_SECRET_KEY" in str(result.exception) and "\n" not in str(result.exception)


def test_dry_run_needs_create(scanned: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", str(tmp_path), "--dry-run"])
    assert isinstance(result.exception, UsageError)


def _drop_property(client: Personize, collection: str, system: str) -> str:
    """Recreate `collection` in the account without one of its properties (an older design)."""
    artifact = design_schema(prisma_scan(), Discovery(), planning_library())
    body = next(b for b in artifact.create_bodies() if b["collectionName"] == collection)
    body["properties"] = [p for p in body["properties"]
                          if p["propertyName"].lower().replace(" ", "_") != system]
    data = client.collections.create(**body)
    return str(data.get("collectionId") or data.get("id"))


def test_an_existing_collection_gets_only_the_properties_it_lacks(
        personize_server: PersonizeImitation, client: Personize) -> None:  # noqa: F811
    collection_id = _drop_property(client, "Pulseboard Users", "job_title")
    personize_server.requests.clear()
    artifact = design_schema(prisma_scan(), Discovery(), planning_library())

    dry = apply_schema(artifact, client.collections, dry_run=True)
    assert dry.extended == ["Pulseboard Users"] and writes(personize_server) == []
    assert "would add 1 missing: job_title" in dry.render()

    report = apply_schema(artifact, client.collections)
    patches = [r for r in personize_server.requests if r.method == "PATCH"]
    assert [r.path for r in patches] == [f"/api/v1/collections/{collection_id}"]
    assert [p["propertyName"] for p in patches[0].body["properties"]] == ["Job Title"]
    assert report.extended == ["Pulseboard Users"]

    personize_server.requests.clear()
    again = apply_schema(artifact, client.collections)
    assert again.extended == [] and again.created == [] and writes(personize_server) == []
    assert "up to date" in again.render()


def test_without_listed_properties_nothing_is_added_blindly() -> None:
    class SummaryOnly:
        def __init__(self) -> None:
            self.updates: list[str] = []

        def list(self, **_: object) -> dict[str, object]:
            return {"actions": [{"id": "col_1", "payload": {"collectionId": "col_1",
                                                            "collectionName": "Pulseboard Users"}}]}

        def create(self, **body: object) -> dict[str, str]:
            return {"collectionId": "col_new"}

        def update(self, collection_id: str, **body: object) -> None:
            self.updates.append(collection_id)

    fake = SummaryOnly()
    report = apply_schema(design_schema(prisma_scan(), Discovery(), planning_library()), fake)  # type: ignore[arg-type]
    users = next(c for c in report.changes if c.collection_name == "Pulseboard Users")
    assert users.action == "exists" and not users.properties_listed and fake.updates == []
    assert "were not listed" in report.render()


def test_cli_create_with_invalid_settings_is_a_one_line_error(scanned: None, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERSONIZE_SECRET_KEY", "sk_test_x")
    monkeypatch.setenv("PERSONIZE_TIMEOUT", "abc")
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CONFIG", str(tmp_path / "none.toml"))
    result = CliRunner().invoke(app, ["schema", str(tmp_path), "--create", "--dry-run"])
    assert isinstance(result.exception, UsageError)
    assert "PERSONIZE_TIMEOUT" in str(result.exception) and "\n" not in str(result.exception)


def test_cli_create_when_personize_is_down_exits_1_with_one_line(scanned: None, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from personize_assistant.personize.connect import PersonizeUnavailable

    monkeypatch.setenv("PERSONIZE_SECRET_KEY", "sk_test_x")
    monkeypatch.setenv("PERSONIZE_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CONFIG", str(tmp_path / "none.toml"))
    result = CliRunner().invoke(app, ["schema", str(tmp_path), "--create", "--dry-run"])
    assert isinstance(result.exception, PersonizeUnavailable) and result.exception.exit_code == 1
    assert str(result.exception).startswith("Cannot connect to Personize")
