"""The chat screen: sidebar (touchpoints, artifacts), conversation, message box.

Opening the session, scanning and every turn run in workers that only post messages;
the `@on` handlers below are the only code that changes widgets or screen state.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer

from personize_assistant.agent import events as ev
from personize_assistant.errors import AssistantError
from personize_assistant.redact import redact
from personize_assistant.scan.engine import ScanProgress
from personize_assistant.scan.models import Touchpoint
from personize_assistant.tui.commands import ChatCommands
from personize_assistant.tui.exporting import export_markdown
from personize_assistant.tui.keymap import MAIN_ACTIONS, bindings_for
from personize_assistant.tui.messages import (
    AgentEventPosted,
    ArtifactChosen,
    PromptSubmitted,
    ScanFailed,
    ScanLoaded,
    ScanProgressed,
    SessionFailed,
    SessionOpened,
    TouchpointChosen,
    TurnEnded,
)
from personize_assistant.tui.port import ChatSession, SessionOpener
from personize_assistant.tui.screens.artifact import ArtifactScreen
from personize_assistant.tui.screens.modals import ConfirmModal
from personize_assistant.tui.transcript import WELCOME, scan_summary, transcript
from personize_assistant.tui.widgets.chrome import HeaderBar, ThinkingIndicator
from personize_assistant.tui.widgets.conversation import Conversation
from personize_assistant.tui.widgets.prompt import PromptArea
from personize_assistant.tui.widgets.sidebar import ArtifactList, Sidebar, TouchpointTree

log = logging.getLogger(__name__)


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(MAIN_ACTIONS)
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ChatCommands}

    def __init__(self, opener: SessionOpener, repo_name: str, model: str | None = None, *,
                 on_session: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self._opener, self._repo_name, self._model = opener, repo_name, model
        self._on_session = on_session
        self.session: ChatSession | None = None
        self.turn_running = False
        self._open_confirmations: dict[str, ConfirmModal] = {}
        self._summarize_scan = False
        """A new session shows what the scan found as soon as it is in, unless a turn started first."""
        self._made: list[ev.StoredArtifact] = []
        """Artifacts of the running turn: listed at once, shown in the chat after the reply."""

    def compose(self) -> ComposeResult:
        yield HeaderBar(self._repo_name, id="header")
        with Horizontal(id="body"):
            yield Sidebar(id="sidebar")
            with Vertical(id="chat"):
                yield Conversation(id="conversation")
                yield ThinkingIndicator(id="thinking")
                yield PromptArea(id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ThinkingIndicator).start("opening the session…", cancellable=False)
        self.query_one(PromptArea).focus()
        self.open_session()

    async def on_unmount(self) -> None:
        if self.session is None:
            return
        try:
            await self.session.close()
        except Exception:  # leaving must not end in a traceback; the turn was already saved
            log.debug("closing the session failed", exc_info=True)

    # ------------------------------------------------------------------ workers

    @work(exclusive=True, group="session")
    async def open_session(self) -> None:
        try:
            session = await self._opener()
        except AssistantError as exc:
            self.post_message(SessionFailed(str(exc)))
        except Exception as exc:  # a broken store or library must not end in a traceback
            self.post_message(SessionFailed(redact(f"{type(exc).__name__}: {exc}")))
        else:
            self.post_message(SessionOpened(session))

    @work(exclusive=True, group="scan")
    async def load_scan(self, session: ChatSession) -> None:
        def report(progress: ScanProgress) -> None:  # from the scanning thread: post_message is thread-safe
            self.post_message(ScanProgressed(progress))

        try:
            scan = await session.ensure_scan(report)
        except Exception as exc:  # e.g. an unreadable repo: say so, keep the chat usable
            self.post_message(ScanFailed(redact(f"the scan failed: {type(exc).__name__}: {exc}")))
        else:
            self.post_message(ScanLoaded(scan))

    @work(exclusive=True, group="turn")
    async def run_turn(self, session: ChatSession, text: str) -> None:
        try:
            async for event in session.send(text):
                self.post_message(AgentEventPosted(event))
        except asyncio.CancelledError:
            self.post_message(TurnEnded("cancelled"))
            raise
        except Exception as exc:
            message = redact(f"the turn failed: {type(exc).__name__}: {exc}")
            self.post_message(AgentEventPosted(ev.EngineNotice("error", message)))
            self.post_message(TurnEnded("failed"))
        else:
            self.post_message(TurnEnded("finished"))

    @work(exclusive=True, group="export")
    async def export_session(self, session: ChatSession) -> None:
        # Redacting a long session takes a while: off the event loop, so the UI keeps drawing.
        text = await asyncio.to_thread(session.export_markdown)
        await export_markdown(self, text, name=f"session-{session.id}", what="the session",
                              repo_root=session.root)

    # ------------------------------------------------------------------ session lifecycle

    @on(SessionOpened)
    async def _session_opened(self, message: SessionOpened) -> None:
        session = self.session = message.session
        if self._on_session is not None:
            self._on_session(session.id)
        self._show_engine()
        conversation = self.query_one(Conversation)
        await self._restore(session, conversation)
        self.query_one(ThinkingIndicator).start(f"scanning {self._repo_name}…", cancellable=False)
        self.load_scan(session)

    async def _restore(self, session: ChatSession, conversation: Conversation) -> None:
        """A resumed session shows its transcript and artifacts; a new one a short welcome."""
        for role, text in transcript(session.history):
            if role == "user":
                await conversation.add_user(text)
            else:
                await conversation.add_text(text)
                await conversation.close_stream()
        if not session.history:
            await conversation.add_text(WELCOME)
            await conversation.close_stream()
            self._summarize_scan = True
        sidebar = self.query_one(Sidebar)
        for artifact in session.artifacts:
            sidebar.add_artifact(artifact)

    @on(SessionFailed)
    async def _session_failed(self, message: SessionFailed) -> None:
        self.query_one(ThinkingIndicator).stop()
        self.query_one(HeaderBar).show_engine("no session", "error")
        await self.query_one(Conversation).add_notice(ev.EngineNotice("error", message.error))

    @on(ScanLoaded)
    async def _scan_loaded(self, message: ScanLoaded) -> None:
        self.query_one(Sidebar).show_scan(message.scan)
        keep_out_of_collections()
        if not self.turn_running:
            self.query_one(ThinkingIndicator).stop()
        if self._summarize_scan:
            self._summarize_scan = False
            conversation = self.query_one(Conversation)
            await conversation.add_text(scan_summary(message.scan, self._repo_name))
            await conversation.close_stream()

    @on(ScanProgressed)
    async def _scan_progressed(self, message: ScanProgressed) -> None:
        progress = message.progress
        if progress.notice is not None:
            await self.query_one(Conversation).add_notice(ev.EngineNotice("warning", progress.notice))
        if not self.turn_running and progress.total:
            self.query_one(ThinkingIndicator).start(
                f"scanning {self._repo_name}… {progress.done}/{progress.total} files parsed", cancellable=False)

    @on(ScanFailed)
    async def _scan_failed(self, message: ScanFailed) -> None:
        if not self.turn_running:
            self.query_one(ThinkingIndicator).stop()
        await self.query_one(Conversation).add_notice(ev.EngineNotice("error", message.error))

    def _show_engine(self) -> None:
        if self.session is None:
            return
        name = self.session.engine_name
        label = f"claude · {self._model}" if name == "claude" and self._model else name
        self.query_one(HeaderBar).show_engine(label, name)

    # ------------------------------------------------------------------ turns

    @on(PromptSubmitted)
    async def _submitted(self, message: PromptSubmitted) -> None:
        message.stop()
        await self.start_turn(message.text)

    async def start_turn(self, text: str) -> None:
        if self.session is None:
            self.notify("The session is still opening.", severity="warning")
            return
        if self.turn_running:
            self.notify("A reply is still running: wait, or press esc to cancel it.", severity="warning")
            return
        self.turn_running = True
        self._summarize_scan = False  # the turn's own reply covers the scan from here on
        await self.query_one(Conversation).add_user(text)
        self.query_one(ThinkingIndicator).start("thinking…")
        self.run_turn(self.session, text)

    @on(AgentEventPosted)
    async def _agent_event(self, message: AgentEventPosted) -> None:
        await self._render_event(message.event)

    async def _render_event(self, event: ev.AgentEvent) -> None:
        conversation = self.query_one(Conversation)
        if isinstance(event, ev.TextDelta):
            await conversation.add_text(event.text)
        elif isinstance(event, ev.ToolStarted):
            await conversation.tool_started(event)
            self.query_one(ThinkingIndicator).start(f"running {event.name}…")
        elif isinstance(event, ev.ToolFinished):
            conversation.tool_finished(event)
            self.query_one(ThinkingIndicator).start("thinking…")
        elif isinstance(event, ev.ArtifactReady):
            self.query_one(Sidebar).add_artifact(event.artifact)
            self._made.append(event.artifact)
        elif isinstance(event, ev.QuestionsAsked):
            # Both engines already list the questions in their reply; the box says how to answer.
            self.query_one(PromptArea).expect_answers(len(event.questions))
        elif isinstance(event, ev.ScanReady):
            self.query_one(Sidebar).show_scan(event.scan)
        elif isinstance(event, ev.EngineNotice):
            await conversation.add_notice(event)
            self._show_engine()  # a rejected key switches the session to offline
        elif isinstance(event, ev.ConfirmRequest):
            self._ask_confirmation(event)
        elif isinstance(event, ev.TurnFinished):
            await self._show_made(conversation)

    async def _show_made(self, conversation: Conversation) -> None:
        """Below the reply that talks about them; the newest one open."""
        await conversation.close_stream()
        made, self._made = self._made, []
        for artifact in made:
            await conversation.add_artifact(ev.ArtifactReady(artifact))

    def _ask_confirmation(self, event: ev.ConfirmRequest) -> None:
        session = self.session
        modal = ConfirmModal(event.question, title="Write to your repository?")
        self._open_confirmations[event.request_id] = modal

        def answered(approved: bool | None) -> None:
            self._open_confirmations.pop(event.request_id, None)
            if session is not None:
                session.resolve_confirmation(event.request_id, bool(approved))

        self.app.push_screen(modal, answered)

    def _drop_open_confirmations(self) -> None:
        """A cancelled turn no longer waits for its question: close it as a No."""
        for modal in list(self._open_confirmations.values()):
            if modal.is_active:
                modal.dismiss(False)
        self._open_confirmations.clear()

    @on(TurnEnded)
    async def _turn_ended(self, message: TurnEnded) -> None:
        self.turn_running = False
        self._drop_open_confirmations()
        self.query_one(ThinkingIndicator).stop()
        conversation = self.query_one(Conversation)
        await self._show_made(conversation)  # a cancelled turn's artifacts still show
        await conversation.end_turn(message.outcome)
        if message.outcome == "cancelled":
            await conversation.add_notice(ev.EngineNotice("info", "turn cancelled"))
        keep_out_of_collections()

    # ------------------------------------------------------------------ sidebar

    @on(TouchpointChosen)
    def _touchpoint_chosen(self, message: TouchpointChosen) -> None:
        self.query_one(PromptArea).insert_reference(message.touchpoint.id)
        self.notify(f"{message.touchpoint.id} added to your message. On the list, w wires it and "
                    "g generates its message code.", markup=False)

    @on(ArtifactChosen)
    def _artifact_chosen(self, message: ArtifactChosen) -> None:
        if self.session is not None:
            self.app.push_screen(ArtifactScreen(message.artifact, self.session.root))

    def highlighted_touchpoint(self) -> Touchpoint | None:
        return self.query_one(TouchpointTree).highlighted_touchpoint

    def known_artifacts(self) -> list[ev.StoredArtifact]:
        return self.query_one(ArtifactList).artifacts

    # ------------------------------------------------------------------ actions

    async def action_ask(self, text: str) -> None:
        await self.start_turn(text)

    def action_cancel_turn(self) -> None:
        if self.turn_running:
            self.workers.cancel_group(self, "turn")

    def action_export_session(self) -> None:
        if self.session is None:
            self.notify("The session is still opening.", severity="warning")
            return
        self.export_session(self.session)

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(Sidebar)
        sidebar.display = not sidebar.display

    def action_focus_prompt(self) -> None:
        self.query_one(PromptArea).focus()

    def action_open_artifact(self, artifact_id: str) -> None:
        artifact = self.query_one(ArtifactList).get(artifact_id)
        if artifact is not None:
            self.post_message(ArtifactChosen(artifact))


def keep_out_of_collections() -> None:
    """Moves what lives for the whole session (the scan, the artifacts, the widgets) out of
    the garbage collector's reach. A full collection walks every object: on a 4,000-file
    repo that is 100-140 ms during which no frame is drawn (bench/tui_export_bench.py).
    Objects frozen here are still freed by reference counting; only a cycle among them
    dropped later would stay until exit, a few KB in a session."""
    gc.freeze()
