"""TUI behaviour that needs a session we steer: a turn that never ends (cancel), a write
confirmation we answer Yes to, history recall, a session that fails to open, and the
`chat` command outside a terminal. The fake follows the agent Session interface exactly."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerCancelled

from personize_assistant.agent import events as ev
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import RepoScan
from personize_assistant.tui.app import AssistantApp
from personize_assistant.tui.messages import AgentEventPosted, TurnEnded
from personize_assistant.tui.port import ChatSession, SessionOpener
from personize_assistant.tui.screens.artifact import ArtifactScreen
from personize_assistant.tui.screens.main import MainScreen
from personize_assistant.tui.screens.modals import ConfirmModal, ExportModal
from personize_assistant.tui.transcript import transcript
from personize_assistant.tui.widgets.chrome import HeaderBar
from personize_assistant.tui.widgets.conversation import ArtifactLine, NoticeLine
from personize_assistant.tui.widgets.prompt import PromptArea
from personize_assistant.tui.widgets.sidebar import ArtifactList


class FakeSession:
    """Scripted replies: `hang` blocks forever after its first delta; `write` asks to confirm."""

    def __init__(self, root: Path) -> None:
        self.id, self.root = "s_fake", root
        self.engine_name = "offline"
        self.scan: RepoScan | None = None
        self.artifacts: list[ev.StoredArtifact] = []
        self.history: list[dict[str, Any]] = []
        self.answers: dict[str, bool] = {}
        self.cancelled = asyncio.Event()
        self.scan_error: Exception | None = None
        self._pending: dict[str, asyncio.Future[bool]] = {}

    async def ensure_scan(self, progress: Any = None) -> RepoScan:
        if self.scan_error is not None:
            raise self.scan_error
        self.scan = RepoScan(root=str(self.root))
        return self.scan

    async def send(self, text: str) -> AsyncIterator[ev.AgentEvent]:
        try:
            yield ev.TextDelta(f"you said {text}")
            if text == "hang":
                await asyncio.Event().wait()
            if text == "artifact":
                artifact = ev.StoredArtifact(id="plan-1", kind="plan", title="Plan", markdown="# Plan\n")
                self.artifacts.append(artifact)
                yield ev.ArtifactReady(artifact)
            if text == "write":
                future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
                self._pending["c1"] = future
                yield ev.ConfirmRequest("c1", "Write 2 files into the repo?")
                yield ev.TextDelta(f" approved={await future}")
            yield ev.TurnFinished("end_turn")
        except asyncio.CancelledError:
            self.cancelled.set()
            raise

    def resolve_confirmation(self, request_id: str, approved: bool) -> None:
        self.answers[request_id] = approved
        future = self._pending.pop(request_id, None)
        if future is not None and not future.done():
            future.set_result(approved)

    def export_markdown(self, artifact_id: str | None = None) -> str:
        return "# fake session\n"

    async def close(self) -> None:
        pass


def opener_for(session: ChatSession) -> SessionOpener:
    async def open_session() -> ChatSession:
        return session

    return open_session


def posted(messages: list[Message], kind: type[Message]) -> list[Message]:
    unique = list({id(m): m for m in messages}.values())
    return [m for m in unique if isinstance(m, kind)]


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(5):
        with contextlib.suppress(WorkerCancelled):  # a cancelled turn is what some tests want
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            return


@pytest.fixture
def fake(tmp_path: Path) -> FakeSession:
    (tmp_path / "repo").mkdir()
    return FakeSession(tmp_path / "repo")


async def test_escape_cancels_the_running_turn(fake: FakeSession) -> None:
    messages: list[Message] = []
    app = AssistantApp(opener_for(fake), "repo")
    async with app.run_test(message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press(*"hang", "enter")
        while not posted(messages, AgentEventPosted):
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.turn_running
        await pilot.press("escape")
        await settle(pilot)
        assert fake.cancelled.is_set()
        assert [m.outcome for m in posted(messages, TurnEnded)] == ["cancelled"]  # type: ignore[attr-defined]
        assert not screen.turn_running
        notices = [str(n.render()) for n in screen.query(NoticeLine)]
        assert notices == ["info: turn cancelled"]


async def test_confirmation_yes_is_passed_to_the_session(fake: FakeSession) -> None:
    app = AssistantApp(opener_for(fake), "repo")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press(*"write", "enter")
        while not isinstance(app.screen, ConfirmModal):
            await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert fake.answers == {"c1": True}
        assert isinstance(app.screen, MainScreen) and not app.screen.turn_running


async def test_clicking_an_artifact_line_opens_the_artifact(fake: FakeSession) -> None:
    app = AssistantApp(opener_for(fake), "repo")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"artifact", "enter")
        await settle(pilot)
        assert [a.id for a in app.screen.query_one(ArtifactList).artifacts] == ["plan-1"]
        await pilot.click(ArtifactLine)
        await pilot.pause()
        assert isinstance(app.screen, ArtifactScreen) and app.screen.artifact.id == "plan-1"


def test_transcript_keeps_text_and_skips_tool_traffic() -> None:
    history: list[dict[str, Any]] = [
        {"role": "user", "content": "propose"},
        {"role": "assistant", "content": [{"type": "text", "text": "Looking."},
                                          {"type": "tool_use", "id": "t1", "name": "scan_repo", "input": {}}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "78"}]},
        {"role": "assistant", "content": [{"type": "text", "text": "Here are ideas."}]},
    ]
    assert transcript(history) == [("user", "propose"), ("assistant", "Looking."),
                                   ("assistant", "Here are ideas.")]


async def test_cancelling_a_turn_closes_its_open_question(fake: FakeSession) -> None:
    app = AssistantApp(opener_for(fake), "repo")
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        await pilot.press(*"write", "enter")
        while not isinstance(app.screen, ConfirmModal):
            await pilot.pause()
        main.action_cancel_turn()  # e.g. from the palette; esc on the dialog itself means No
        await settle(pilot)
        assert app.screen is main and not main.turn_running
        assert fake.cancelled.is_set() and fake.answers == {"c1": False}


async def test_the_badge_names_the_claude_model(fake: FakeSession) -> None:
    fake.engine_name = "claude"
    app = AssistantApp(opener_for(fake), "repo", model="claude-sonnet-5-5")
    async with app.run_test() as pilot:
        await settle(pilot)
        badge = app.screen.query_one("#engine-badge", Static)
        assert str(badge.render()) == "claude · claude-sonnet-5-5" and badge.has_class("-claude")


async def test_up_and_down_walk_the_sent_messages(fake: FakeSession) -> None:
    app = AssistantApp(opener_for(fake), "repo")
    async with app.run_test() as pilot:
        await settle(pilot)
        prompt = app.screen.query_one(PromptArea)
        for text in ("first", "second"):
            await pilot.press(*text, "enter")
            await settle(pilot)
        assert prompt.text == ""
        await pilot.press("up")
        assert prompt.text == "second"
        await pilot.press("up")
        assert prompt.text == "first"
        await pilot.press("down")
        assert prompt.text == "second"
        await pilot.press("down")
        assert prompt.text == ""


async def test_shift_enter_starts_a_new_line_instead_of_sending(fake: FakeSession) -> None:
    app = AssistantApp(opener_for(fake), "repo")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("a", "shift+enter", "b")
        assert app.screen.query_one(PromptArea).text == "a\nb"


async def test_export_into_the_scanned_repo_asks_first(fake: FakeSession) -> None:
    app = AssistantApp(opener_for(fake), "repo")
    target = fake.root / "session.md"
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        while not isinstance(app.screen, ConfirmModal):
            await pilot.pause()
        await pilot.press("n")
        await settle(pilot)
        assert not target.exists()
        assert isinstance(app.screen, MainScreen)


async def test_export_modal_escape_writes_nothing(fake: FakeSession, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = AssistantApp(opener_for(fake), "repo")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ExportModal)
        assert modal.query_one("#export-path").value == "./personize-session-s_fake.md"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(pilot)
        assert list(tmp_path.glob("*.md")) == []


async def test_a_session_that_cannot_open_says_why(tmp_path: Path) -> None:
    async def failing() -> ChatSession:
        raise UsageError("no saved session for /x; start one without --resume")

    app = AssistantApp(failing, "x")
    async with app.run_test() as pilot:
        await settle(pilot)
        notices = [str(n.render()) for n in app.screen.query(NoticeLine)]
        assert notices == ["error: no saved session for /x; start one without --resume"]
        badge = app.screen.query_one(HeaderBar).query_one("#engine-badge")
        assert badge.has_class("-error")


async def test_a_failed_scan_is_reported_and_the_chat_still_works(fake: FakeSession) -> None:
    fake.scan_error = PermissionError("repo unreadable")
    app = AssistantApp(opener_for(fake), "repo")
    async with app.run_test() as pilot:
        await settle(pilot)
        notices = [str(n.render()) for n in app.screen.query(NoticeLine)]
        assert notices == ["error: the scan failed: PermissionError: repo unreadable"]
        assert not app.screen.query_one("#thinking").display
        await pilot.press(*"hello", "enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen) and not main.turn_running


@pytest.mark.toolchain
def test_chat_outside_a_terminal_points_to_ask(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "personize_assistant.cli", "chat", str(tmp_path)],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 2
    assert "ask" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
