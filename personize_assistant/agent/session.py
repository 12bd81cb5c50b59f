"""A conversation about one repository: the object the TUI and `ask` talk to.

`send(text)` runs one turn on the current engine in a task and yields its events until
`TurnFinished`. Tool calls that would write to the repo pause on a ConfirmRequest until
the UI calls `resolve_confirmation`. After each turn the session is saved, its history
first repaired so that no tool call is left without its result (the API would reject
every later turn of the session); a resumed session is repaired the same way.

Only the `auto` engine choice may fall back to the offline engine (when Claude rejects
the key), and it says so; `--engine claude` reports the failure instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncGenerator, Awaitable, Callable
from pathlib import Path

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.agent.engine import Engine, EngineUnavailable, Message, Turn
from personize_assistant.agent.events import (
    AgentEvent,
    ConfirmRequest,
    EngineNotice,
    StoredArtifact,
    TurnFinished,
)
from personize_assistant.agent.export import session_markdown
from personize_assistant.agent.history import repair
from personize_assistant.agent.offline import OfflineEngine
from personize_assistant.agent.runner import ToolRunner
from personize_assistant.agent.store import SessionRecord, SessionStore
from personize_assistant.agent.workspace import Workspace
from personize_assistant.config import Settings
from personize_assistant.errors import UsageError
from personize_assistant.fileio import repo_directory
from personize_assistant.redact import redact
from personize_assistant.scan.engine import ProgressFn
from personize_assistant.scan.models import RepoScan

log = logging.getLogger(__name__)

ConfirmEmit = Callable[[AgentEvent], None]
ConfirmFn = Callable[[str], Awaitable[bool]]
ENGINES: tuple[str, ...] = ("auto", "claude", "offline")
UNANSWERED_ON_RESUME = "the session was saved before this call had a result"
UNANSWERED_ON_SAVE = "the turn ended before this call had a result"


def choose_engine(choice: str, settings: Settings) -> Engine:
    if choice not in ENGINES:
        raise UsageError(f"engine must be one of {', '.join(ENGINES)}, not {choice!r}")
    if choice == "offline" or (choice == "auto" and settings.anthropic_api_key is None):
        return OfflineEngine()
    if settings.anthropic_api_key is None:
        raise UsageError("the claude engine needs ANTHROPIC_API_KEY (or use --engine offline)")
    from personize_assistant.agent.claude import ClaudeEngine

    return ClaudeEngine(settings)


class Session:
    def __init__(self, record: SessionRecord, workspace: Workspace, engine: Engine, store: SessionStore,
                 *, owns_store: bool = False, may_fall_back: bool = False) -> None:
        self.id = record.id
        self.root = workspace.root
        self._record, self._workspace, self._engine, self._store = record, workspace, engine, store
        self._history: list[Message] = record.messages
        self._confirmations: dict[str, asyncio.Future[bool]] = {}
        self._turn_lock = asyncio.Lock()
        self._notices = [store.notice] if store.notice else []
        if repaired := repair(self._history, UNANSWERED_ON_RESUME):
            self._notices.append(f"{repaired} tool call(s) left unanswered in this saved session were closed "
                                 "so the conversation can go on")
        self._owns_store = owns_store
        self._may_fall_back = may_fall_back

    @classmethod
    async def open(cls, root: Path, *, settings: Settings, engine: str = "auto", resume: str | None = None,
                   store: SessionStore | None = None) -> Session:
        from personize_assistant.content import load_library

        root = repo_directory(root)
        chosen = choose_engine(engine, settings)
        owns_store = store is None
        store = store or SessionStore.default()
        try:
            record = _record_for(store, root, resume, chosen.name)
        except UsageError:
            if owns_store:
                store.close()
            raise
        warm_up = getattr(chosen, "warm_up", None)
        library, *_ = await asyncio.gather(asyncio.to_thread(load_library), *([warm_up()] if warm_up else []))
        workspace = Workspace(root, library, answers=record.answers)
        workspace.artifacts = list(record.artifacts)
        workspace.asked, workspace.pending_questions = list(record.asked), list(record.pending)
        record.engine = chosen.name
        return cls(record, workspace, chosen, store, owns_store=owns_store, may_fall_back=engine == "auto")

    # ------------------------------------------------------------------ state

    @property
    def engine_name(self) -> str:
        return self._engine.name

    @property
    def scan(self) -> RepoScan | None:
        return self._workspace.scan

    @property
    def discovery(self) -> Discovery:
        return self._workspace.discovery

    @property
    def artifacts(self) -> list[StoredArtifact]:
        return self._workspace.artifacts

    @property
    def history(self) -> list[Message]:
        return self._history

    async def ensure_scan(self, progress: ProgressFn | None = None) -> RepoScan:
        return await asyncio.to_thread(self._workspace.require_scan, progress=progress)

    # ------------------------------------------------------------------ turns

    async def send(self, text: str) -> AsyncGenerator[AgentEvent, None]:
        """One user turn; yields events until (and including) TurnFinished."""
        queue: asyncio.Queue[AgentEvent] = asyncio.Queue()
        task = asyncio.create_task(self._turn(text, queue.put_nowait))
        try:
            while True:
                event = await queue.get()
                yield event
                if isinstance(event, TurnFinished):
                    break
            await task
        finally:
            if not task.done():  # the caller stopped listening: stop the turn too
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def _turn(self, text: str, emit: ConfirmEmit) -> None:
        async with self._turn_lock:
            for notice in self._notices:
                emit(EngineNotice("warning", notice))
            self._notices.clear()
            if not text.strip():
                emit(TurnFinished("empty_message"))
                return
            self._workspace.user_message = text  # read_file opens a private file only if named here
            turn = Turn(self._workspace, ToolRunner(self._workspace, emit, self._confirm_via(emit)), emit,
                        self._history, self.export_markdown, first_turn=not self._history)
            stop = await self._run_engine(turn, text, emit)
            await self._save(emit)
            emit(TurnFinished(stop))

    async def _run_engine(self, turn: Turn, text: str, emit: ConfirmEmit) -> str:
        stop = await self._engine_turn(turn, text, emit)
        # the net before saving: engines close their own tool calls, but a call left open would
        # make the API reject every later turn of this session
        if repaired := repair(self._history, UNANSWERED_ON_SAVE):
            log.debug("closed %d unanswered tool calls before saving", repaired)
        return stop

    async def _engine_turn(self, turn: Turn, text: str, emit: ConfirmEmit) -> str:
        try:
            return await self._engine.run_turn(turn, text)
        except EngineUnavailable as exc:
            if not self._may_fall_back:  # the user asked for this engine: say it failed, never swap
                emit(EngineNotice("error", str(exc)))
                return "error"
            emit(EngineNotice("error", f"{exc} Switched to the offline engine for this session."))
            self._engine, self._may_fall_back = OfflineEngine(), False
            self._record.engine = self._engine.name
            return await self._engine_turn(turn, text, emit)
        except Exception as exc:  # never a traceback in the UI
            log.debug("turn failed", exc_info=True)
            emit(EngineNotice("error", redact(f"the turn failed: {type(exc).__name__}: {exc}")))
            return "error"

    def _confirm_via(self, emit: ConfirmEmit) -> ConfirmFn:
        async def confirm(question: str) -> bool:
            request_id = f"confirm-{uuid.uuid4().hex[:8]}"
            future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
            self._confirmations[request_id] = future
            emit(ConfirmRequest(request_id=request_id, question=question))
            try:
                return await future
            finally:
                self._confirmations.pop(request_id, None)

        return confirm

    def resolve_confirmation(self, request_id: str, approved: bool) -> None:
        future = self._confirmations.get(request_id)
        if future is not None and not future.done():
            future.set_result(approved)

    # ------------------------------------------------------------------ saving, export

    async def _save(self, emit: ConfirmEmit) -> None:
        ws, record = self._workspace, self._record
        record.messages, record.answers, record.artifacts = self._history, ws.answers, ws.artifacts
        record.asked, record.pending = ws.asked, ws.pending_questions
        try:
            # Off the event loop: redacting and writing every artifact takes a few hundred ms
            # on a long session, a frozen frame in the TUI. The turn lock keeps the record still.
            await asyncio.to_thread(self._store.save, record)
        except Exception as exc:  # a full disk must not lose the answer already shown
            emit(EngineNotice("warning", f"could not save the session: {type(exc).__name__}: {exc}"))

    def export_markdown(self, artifact_id: str | None = None) -> str:
        if artifact_id is not None:
            artifact = self._workspace.artifact(artifact_id)
            if artifact is None:
                raise UsageError(f"no artifact {artifact_id!r} in session {self.id}")
            return redact(artifact.markdown)
        return redact(session_markdown(self.id, str(self.root), self._history, self._workspace))

    async def close(self) -> None:
        for future in self._confirmations.values():
            if not future.done():
                future.set_result(False)
        close = getattr(self._engine, "close", None)
        if close is not None:
            await close()
        if self._owns_store:
            self._store.close()


def _record_for(store: SessionStore, root: Path, resume: str | None, engine: str) -> SessionRecord:
    if resume is None:
        return SessionRecord(id=f"s_{uuid.uuid4().hex[:10]}", root=str(root), engine=engine)
    record = store.latest(str(root)) if resume == "latest" else store.load(resume)
    if record is None:
        raise UsageError(f"no saved session for {root}; start one without --resume")
    if record.root != str(root):
        raise UsageError(f"session {record.id} belongs to {record.root}, not {root}")
    return record
