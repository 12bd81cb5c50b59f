"""The SQLite session store: save, resume, a corrupt file, a newer schema, redaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from personize_assistant.agent.events import EngineNotice, Question, StoredArtifact
from personize_assistant.agent.session import Session
from personize_assistant.agent.store import SCHEMA_VERSION, SessionRecord, SessionStore
from personize_assistant.errors import UsageError
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import offline_settings
from tests.support.agent_fixtures import tiny_repo as tiny_repo

SECRET = "sk_live_abcdefghijklmnop123456"


def _record(root: str = "/repo", session_id: str = "s_1") -> SessionRecord:
    return SessionRecord(
        id=session_id, root=root, engine="offline",
        messages=[{"role": "user", "content": f"my key is {SECRET}"},
                  {"role": "assistant", "content": [{"type": "text", "text": "noted"}]}],
        answers={"product": "surveys", "governance_needs": ["no discounts", f"token {SECRET}"]},
        artifacts=[StoredArtifact(id="plan-1", kind="plan", title="Plan", markdown=f"# Plan\nkey {SECRET}",
                                  data={"api_key": SECRET, "n": 3})],
        asked=["product_journey"], pending=[Question(id="gap_rules", text="Rules?", field="governance_needs")])


def test_save_and_load_round_trip_redacted(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions.db")
    store.save(_record())
    loaded = store.load("s_1")
    assert loaded.messages[0] == {"role": "user", "content": "my key is [REDACTED]"}
    assert loaded.messages[1]["content"] == [{"type": "text", "text": "noted"}]
    assert loaded.answers == {"product": "surveys", "governance_needs": ["no discounts", "token [REDACTED]"]}
    assert loaded.artifacts[0].data == {"api_key": "[REDACTED]", "n": 3}
    assert loaded.asked == ["product_journey"] and loaded.pending[0].field == "governance_needs"
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("sessions.db*"))
    assert SECRET.encode() not in raw


def test_latest_is_per_root_and_saving_again_replaces(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions.db")
    store.save(_record("/a", "s_a1"))
    store.save(_record("/b", "s_b1"))
    store.save(_record("/a", "s_a2"))
    latest = store.latest("/a")
    assert latest is not None and latest.id == "s_a2"
    assert store.latest("/c") is None
    again = _record("/a", "s_a1")
    again.messages = again.messages[:1]
    store.save(again)
    assert len(store.load("s_a1").messages) == 1
    assert [row[0] for row in store.list_sessions("/a")] == ["s_a1", "s_a2"]
    with pytest.raises(UsageError, match="no saved session 'nope'"):
        store.load("nope")


def test_wal_mode_and_schema_version(tmp_path: Path) -> None:
    SessionStore(tmp_path / "sessions.db").close()
    db = sqlite3.connect(tmp_path / "sessions.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(UsageError, match="newer personize-assistant"):
        SessionStore(tmp_path / "sessions.db")


def test_corrupt_file_is_kept_aside_and_a_fresh_store_starts(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    store = SessionStore(path)
    assert store.notice is not None and "moved to sessions.db.corrupt-" in store.notice
    (aside,) = tmp_path.glob("sessions.db.corrupt-*")
    assert aside.read_bytes().startswith(b"this is not sqlite")
    store.save(_record())
    assert store.load("s_1").id == "s_1"


async def test_session_resume_restores_answers_artifacts_and_questions(agent_env: Path, tiny_repo: Path) -> None:
    store = SessionStore(agent_env / "sessions.db")
    first = await Session.open(tiny_repo, settings=offline_settings(), store=store)
    _ = [e async for e in first.send("hi")]
    _ = [e async for e in first.send("product: tiny sends welcome emails")]
    _ = [e async for e in first.send("schema")]
    pending = list(first._workspace.pending_questions)
    await first.close()

    resumed = await Session.open(tiny_repo, settings=offline_settings(), resume=first.id, store=store)
    assert resumed.id == first.id
    assert [a.id for a in resumed.artifacts] == [a.id for a in first.artifacts]
    assert resumed._workspace.pending_questions == pending
    assert len(resumed.history) == 6
    await resumed.ensure_scan()
    assert resumed.discovery.value("product") == "tiny sends welcome emails"
    assert "schema" in resumed.export_markdown("schema-1").lower()
    with pytest.raises(UsageError, match="no artifact"):
        resumed.export_markdown("plan-9")
    await resumed.close()


async def test_resume_errors_are_one_line(agent_env: Path, tiny_repo: Path, tmp_path: Path) -> None:
    store = SessionStore(agent_env / "sessions.db")
    with pytest.raises(UsageError, match="no saved session for"):
        await Session.open(tiny_repo, settings=offline_settings(), resume="latest", store=store)
    store.save(_record(str(tmp_path / "elsewhere"), "s_other"))
    with pytest.raises(UsageError, match="belongs to"):
        await Session.open(tiny_repo, settings=offline_settings(), resume="s_other", store=store)
    with pytest.raises(UsageError, match="no such directory"):
        await Session.open(tmp_path / "missing", settings=offline_settings(), store=store)


async def test_corrupt_store_notice_reaches_the_first_turn(agent_env: Path, tiny_repo: Path) -> None:
    path = agent_env / "data" / "sessions.db"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00garbage" * 64)
    session = await Session.open(tiny_repo, settings=offline_settings())  # the default store
    events = [e async for e in session.send("hi")]
    notices = [e for e in events if isinstance(e, EngineNotice)]
    assert notices and notices[0].level == "warning" and "could not be read" in notices[0].message
    await session.close()
    assert SessionStore(path).latest(str(tiny_repo.resolve())) is not None


def test_saving_after_every_turn_redacts_only_what_is_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long session is saved after each turn: values saved before are not redacted again,
    new and changed ones are."""
    import personize_assistant.agent.store as store_module

    redacted: list[object] = []
    real = store_module.redact_tree

    def counting(value: object) -> object:
        redacted.append(value)
        return real(value)

    monkeypatch.setattr(store_module, "redact_tree", counting)
    store = SessionStore(tmp_path / "sessions.db")
    record = _record()
    store.save(record)
    first = len(redacted)
    redacted.clear()
    store.save(record)
    assert redacted == []
    record.messages = [*record.messages, {"role": "user", "content": f"and {SECRET}"}]
    record.messages[1] = {"role": "assistant", "content": [{"type": "text", "text": f"noted {SECRET}"}]}
    store.save(record)
    assert len(redacted) == 2 < first
    loaded = store.load("s_1")
    assert loaded.messages[2]["content"] == "and [REDACTED]"
    assert loaded.messages[1]["content"] == [{"type": "text", "text": "noted [REDACTED]"}]
    store.close()
