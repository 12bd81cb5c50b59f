"""Sessions on disk: SQLite (WAL) in the data dir — conversation, answers, artifacts.

Everything written passes through `redact`. The schema is versioned with
`PRAGMA user_version`; a file SQLite cannot read is renamed aside (kept for the user)
and a fresh store is started, with `notice` saying so.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from personize_assistant import locations
from personize_assistant.agent.events import Question, StoredArtifact
from personize_assistant.errors import UsageError
from personize_assistant.redact import redact_tree

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, root TEXT NOT NULL, engine TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT '{}');
CREATE INDEX IF NOT EXISTS sessions_by_root ON sessions (root, updated_at);
CREATE TABLE IF NOT EXISTS messages (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
    role TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (session_id, seq));
CREATE TABLE IF NOT EXISTS answers (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, field TEXT NOT NULL,
    value TEXT NOT NULL, PRIMARY KEY (session_id, field));
CREATE TABLE IF NOT EXISTS artifacts (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, id TEXT NOT NULL,
    kind TEXT NOT NULL, title TEXT NOT NULL, markdown TEXT NOT NULL, data TEXT NOT NULL,
    created_at TEXT NOT NULL, PRIMARY KEY (session_id, id));
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass
class SessionRecord:
    """One stored session, as the Session needs it to resume."""

    id: str
    root: str
    engine: str
    created_at: str = field(default_factory=_now)
    updated_at: str = field(default_factory=_now)
    messages: list[dict[str, Any]] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)
    artifacts: list[StoredArtifact] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    pending: list[Question] = field(default_factory=list)


class SessionStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.notice: str | None = None
        """Set when the existing file was unreadable and has been moved aside."""
        self._db = self._open()
        self._clean: dict[str, str] = {}
        """JSON as given -> JSON redacted, from the last save: a session is saved after every
        turn and most of it has not changed, so each value is redacted once, not per save."""

    @classmethod
    def default(cls) -> SessionStore:
        return cls(locations.data_dir() / "sessions.db")

    # ------------------------------------------------------------------ opening

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {self.path.parent}: {exc.strerror or exc}") from exc
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            self.path.replace(aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self.notice = (f"the session store {self.path} could not be read ({exc}); it was moved to "
                           f"{aside.name} and a new one started")
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        _private(self.path)
        db = sqlite3.connect(self.path, check_same_thread=False)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise UsageError(f"{self.path} was written by a newer personize-assistant; upgrade to resume")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.commit()
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------------ writing

    def save(self, record: SessionRecord) -> None:
        """Write the whole session in one transaction (it is small)."""
        record.updated_at = _now()
        seen: dict[str, str] = {}

        def clean(value: Any) -> str:
            return self._redacted_json(value, seen)

        state = clean({"asked": record.asked, "pending": [q.model_dump() for q in record.pending]})
        messages = [(record.id, n, m["role"], clean(m["content"])) for n, m in enumerate(record.messages)]
        answers = [(record.id, k, clean(v)) for k, v in record.answers.items()]
        artifacts = [(record.id, a.id, a.kind, *json.loads(clean([a.title, a.markdown])), clean(a.data),
                      a.created_at) for a in record.artifacts]
        self._clean = seen
        with self._db:
            self._db.execute(
                "INSERT INTO sessions (id, root, engine, created_at, updated_at, state) VALUES (?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET engine=excluded.engine, updated_at=excluded.updated_at, "
                "state=excluded.state",
                (record.id, record.root, record.engine, record.created_at, record.updated_at, state))
            for table in ("messages", "answers", "artifacts"):
                self._db.execute(f"DELETE FROM {table} WHERE session_id = ?", (record.id,))
            self._db.executemany("INSERT INTO messages (session_id, seq, role, content) VALUES (?,?,?,?)", messages)
            self._db.executemany("INSERT INTO answers (session_id, field, value) VALUES (?,?,?)", answers)
            self._db.executemany(
                "INSERT INTO artifacts (session_id, id, kind, title, markdown, data, created_at) VALUES (?,?,?,?,?,?,?)",
                artifacts)

    def _redacted_json(self, value: Any, seen: dict[str, str]) -> str:
        raw = json.dumps(value)
        done = seen.get(raw) or self._clean.get(raw)
        if done is None:
            done = json.dumps(redact_tree(value))
        seen[raw] = done
        return done

    # ------------------------------------------------------------------ reading

    def load(self, session_id: str) -> SessionRecord:
        row = self._db.execute("SELECT id, root, engine, created_at, updated_at, state FROM sessions WHERE id = ?",
                               (session_id,)).fetchone()
        if row is None:
            raise UsageError(f"no saved session {session_id!r}; `--resume latest` continues the newest one")
        return self._record(row)

    def latest(self, root: str) -> SessionRecord | None:
        row = self._db.execute(
            "SELECT id, root, engine, created_at, updated_at, state FROM sessions WHERE root = ? "
            "ORDER BY updated_at DESC LIMIT 1", (root,)).fetchone()
        return None if row is None else self._record(row)

    def list_sessions(self, root: str | None = None) -> list[tuple[str, str, str]]:
        """(id, root, updated_at), newest first."""
        query = "SELECT id, root, updated_at FROM sessions"
        rows = (self._db.execute(query + " WHERE root = ? ORDER BY updated_at DESC", (root,)) if root
                else self._db.execute(query + " ORDER BY updated_at DESC"))
        return [(r[0], r[1], r[2]) for r in rows]

    def _record(self, row: tuple[Any, ...]) -> SessionRecord:
        session_id = row[0]
        state = json.loads(row[5])
        messages = [{"role": role, "content": json.loads(content)} for role, content in self._db.execute(
            "SELECT role, content FROM messages WHERE session_id = ? ORDER BY seq", (session_id,))]
        answers = {name: json.loads(value) for name, value in self._db.execute(
            "SELECT field, value FROM answers WHERE session_id = ?", (session_id,))}
        artifacts = [StoredArtifact(id=r[0], kind=r[1], title=r[2], markdown=r[3], data=json.loads(r[4]),
                                    created_at=r[5]) for r in self._db.execute(
            "SELECT id, kind, title, markdown, data, created_at FROM artifacts WHERE session_id = ? "
            "ORDER BY rowid", (session_id,))]
        return SessionRecord(id=session_id, root=row[1], engine=row[2], created_at=row[3], updated_at=row[4],
                             messages=messages, answers=answers, artifacts=artifacts,
                             asked=list(state.get("asked", [])),
                             pending=[Question.model_validate(q) for q in state.get("pending", [])])


def _private(path: Path) -> None:
    """The store holds conversations and repo excerpts: 0600, created so before SQLite
    opens it (SQLite gives its -wal and -shm files the database file's mode), and an
    older store made 0644 is tightened."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
        for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            if name.exists():
                os.chmod(name, 0o600)
    except OSError as exc:
        raise UsageError(f"cannot open {path}: {exc.strerror or exc}") from exc
