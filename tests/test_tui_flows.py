"""The chat TUI driven with Pilot on the real offline engine and the pulseboard-ts example."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Static

from personize_assistant.agent import events as ev
from personize_assistant.agent.session import Session
from personize_assistant.agent.store import SessionStore
from personize_assistant.config import Settings
from personize_assistant.tui.app import AssistantApp
from personize_assistant.tui.commands import palette_entries
from personize_assistant.tui.messages import AgentEventPosted, PromptSubmitted, TurnEnded
from personize_assistant.tui.port import ChatSession, SessionOpener
from personize_assistant.tui.screens.artifact import ArtifactScreen
from personize_assistant.tui.screens.main import MainScreen
from personize_assistant.tui.screens.modals import ConfirmModal, ExportModal
from personize_assistant.tui.widgets.conversation import AssistantMessage, Conversation, UserMessage
from personize_assistant.tui.widgets.prompt import PromptArea
from personize_assistant.tui.widgets.sidebar import ArtifactList, TouchpointTree
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import demo_repo as demo_repo

scan_summary_tail = "Type **propose** to see where personalization pays off here"


@pytest.fixture(scope="session")
def scan_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One scan cache for these tests: the repo does not change, so neither does its scan."""
    return tmp_path_factory.mktemp("tui-scan-cache")


@pytest.fixture
async def store(agent_env: Path, scan_cache: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[SessionStore]:
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CACHE_DIR", str(scan_cache))
    sessions = SessionStore(agent_env / "sessions.db")
    yield sessions
    sessions.close()


def offline_opener(root: Path, store: SessionStore) -> SessionOpener:
    async def open_session() -> ChatSession:
        return await Session.open(root, settings=Settings(), engine="offline", store=store)

    return open_session


class Recorder:
    """`message_hook` target: every message the app posted, once each (bubbling re-posts
    the same object to each parent), in order."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self._seen: set[int] = set()

    def __call__(self, message: Message) -> None:
        if id(message) not in self._seen:
            self._seen.add(id(message))
            self.messages.append(message)

    def of(self, kind: type[Message]) -> list[Message]:
        return [m for m in self.messages if isinstance(m, kind)]

    def events(self, kind: type[object]) -> list[object]:
        return [m.event for m in self.messages if isinstance(m, AgentEventPosted) and isinstance(m.event, kind)]


async def settle(pilot: Pilot[None]) -> None:
    """Until no worker runs and the messages they posted are handled (workers start workers).
    Bounded by rounds, not time, so a slow machine waits longer instead of failing."""
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            await pilot.pause()  # let the last posted messages render
            return
    raise AssertionError("the app never became idle")


async def say(pilot: Pilot[None], text: str) -> None:
    pilot.app.screen.query_one(PromptArea).focus()
    await pilot.press(*text, "enter")
    await settle(pilot)


def main_screen(pilot: Pilot[None]) -> MainScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def test_opens_with_the_repos_touchpoints_in_the_sidebar(demo_repo: Path, store: SessionStore) -> None:
    app = AssistantApp(offline_opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.session is not None and screen.session.scan is not None
        scan = screen.session.scan
        tree = screen.query_one(TouchpointTree)
        leaves = [leaf for surface in tree.root.children for kind in surface.children for leaf in kind.children]
        assert sorted(leaf.data.id for leaf in leaves if leaf.data) == sorted(t.id for t in scan.touchpoints)
        assert {str(surface.label).split(" (")[0] for surface in tree.root.children} == {
            t.surface.replace("_", " ") for t in scan.touchpoints}
        assert str(screen.query_one("#engine-badge", Static).render()) == "offline"


async def test_a_new_session_shows_what_the_scan_found_without_typing(demo_repo: Path, store: SessionStore) -> None:
    app = AssistantApp(offline_opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.session is not None and screen.session.scan is not None
        scan = screen.session.scan
        texts = [block.source for block in screen.query(AssistantMessage)]
        summary = texts[-1]
        assert f"{len(scan.touchpoints)} touchpoints in {scan.stats.files_seen} files" in summary
        top_kind = max({t.kind for t in scan.touchpoints}, key=lambda k: sum(t.kind == k for t in scan.touchpoints))
        assert top_kind.value.replace("_", " ") in summary and scan_summary_tail in summary
        assert not screen.query(UserMessage) and screen.session.history == []  # nothing sent for the user


async def test_discovery_questions_appear_once_and_the_box_says_how_to_answer(
        demo_repo: Path, store: SessionStore) -> None:
    recorder = Recorder()
    app = AssistantApp(offline_opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await settle(pilot)
        await say(pilot, "hi")
        screen = main_screen(pilot)
        asked = recorder.events(ev.QuestionsAsked)
        assert asked, "the greeting asks discovery questions"
        questions = asked[-1].questions  # type: ignore[attr-defined]
        shown = "\n".join(block.source for block in screen.query(AssistantMessage))
        rendered = "\n".join(str(widget.render()) for widget in screen.query(Static))
        for question in questions:
            assert shown.count(question.text) == 1
            assert rendered.count(question.text) == 1  # on screen once: in the reply, no second box
        prompt = screen.query_one(PromptArea)
        assert f"Answer the {len(questions)} questions above" in str(prompt.placeholder)
        await say(pilot, "a survey tool for B2B teams")
        assert str(prompt.placeholder).startswith("Ask:")


async def test_propose_streams_a_reply_and_lists_the_artifact(demo_repo: Path, store: SessionStore) -> None:
    recorder = Recorder()
    app = AssistantApp(offline_opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await settle(pilot)
        await say(pilot, "propose")
        screen = main_screen(pilot)
        assert [m.text for m in recorder.of(PromptSubmitted)] == ["propose"]  # type: ignore[attr-defined]
        assert [m.outcome for m in recorder.of(TurnEnded)] == ["finished"]  # type: ignore[attr-defined]
        streamed = "".join(e.text for e in recorder.events(ev.TextDelta))  # type: ignore[attr-defined]
        assert streamed.strip()
        conversation = screen.query_one(Conversation)
        assert [str(u.render()) for u in conversation.query(UserMessage)] == ["propose"]
        replies = [block.source for block in conversation.query(AssistantMessage)]
        assert any(line in "".join(replies) for line in streamed.splitlines() if line.strip())
        kinds = [a.kind for a in screen.query_one(ArtifactList).artifacts]
        assert "proposal" in kinds
        assert not screen.turn_running and not screen.query_one("#thinking").display


async def test_selecting_an_artifact_opens_it_and_export_writes_it(demo_repo: Path, store: SessionStore,
                                                                   tmp_path: Path) -> None:
    app = AssistantApp(offline_opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "propose")
        artifacts = main_screen(pilot).query_one(ArtifactList)
        proposal = next(a for a in artifacts.artifacts if a.kind == "proposal")
        artifacts.focus()
        artifacts.highlighted = [a.id for a in artifacts.artifacts].index(proposal.id)
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ArtifactScreen) and screen.artifact.id == proposal.id

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ExportModal)
        target = tmp_path / "out" / "proposal.md"
        pilot.app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_text(encoding="utf-8").rstrip("\n") == proposal.markdown.rstrip("\n")
        assert isinstance(pilot.app.screen, ArtifactScreen)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)


async def test_ctrl_e_exports_the_whole_session(demo_repo: Path, store: SessionStore, tmp_path: Path) -> None:
    app = AssistantApp(offline_opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "propose")
        await pilot.press("ctrl+e")  # the message box has focus: the binding must still win
        await pilot.pause()
        modal = pilot.app.screen
        assert isinstance(modal, ExportModal)
        target = tmp_path / "session.md"
        modal.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        session = main_screen(pilot).session
        assert session is not None
        assert target.read_text(encoding="utf-8").rstrip("\n") == session.export_markdown().rstrip("\n")


async def test_writing_into_the_repo_waits_for_the_confirmation(demo_repo: Path, store: SessionStore) -> None:
    recorder = Recorder()
    before = sorted(p.relative_to(demo_repo) for p in demo_repo.rglob("*"))
    app = AssistantApp(offline_opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await settle(pilot)
        main_screen(pilot).query_one(PromptArea).focus()
        await pilot.press(*"wire the weekly digest and write it", "enter")
        for _ in range(50):  # the turn pauses on the question; wait for the modal, not for time
            await pilot.pause()
            if isinstance(pilot.app.screen, ConfirmModal):
                break
        assert isinstance(pilot.app.screen, ConfirmModal)
        assert recorder.events(ev.ConfirmRequest)
        assert not recorder.of(TurnEnded)
        await pilot.press("n")
        await settle(pilot)
        assert [m.outcome for m in recorder.of(TurnEnded)] == ["finished"]  # type: ignore[attr-defined]
    assert sorted(p.relative_to(demo_repo) for p in demo_repo.rglob("*")) == before


async def test_palette_offers_wire_and_generate_for_the_highlighted_touchpoint(
        demo_repo: Path, store: SessionStore) -> None:
    app = AssistantApp(offline_opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        tree = screen.query_one(TouchpointTree)
        kind = tree.root.children[0].children[0]
        kind.expand()
        await pilot.pause()
        leaf = kind.children[0]
        tree.move_cursor(leaf)
        await pilot.pause()
        titles = [entry.title for entry in palette_entries(screen)]
        assert titles[0].startswith("Wire ") and titles[1].startswith("Generate for ")
        assert {"Propose", "Plan", "Schema", "Review", "Export", "Scan again", "Sidebar"} <= set(titles)

        tree.select_node(leaf)  # enter on a touchpoint puts its id in the message
        await pilot.pause()
        assert leaf.data is not None and leaf.data.id in screen.query_one(PromptArea).text


async def test_a_resumed_session_shows_its_transcript_and_artifacts(demo_repo: Path,
                                                                   store: SessionStore) -> None:
    app = AssistantApp(offline_opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "propose")
        session = main_screen(pilot).session
        assert session is not None
        session_id, artifact_ids = session.id, [a.id for a in session.artifacts]

    async def reopen() -> ChatSession:
        return await Session.open(demo_repo, settings=Settings(), engine="offline", resume=session_id,
                                  store=store)

    resumed = AssistantApp(reopen, demo_repo.name)
    async with resumed.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert [str(u.render()) for u in screen.query(UserMessage)] == ["propose"]
        assert screen.query(AssistantMessage)
        # The stored transcript is the whole story: no welcome and no fresh scan summary on top.
        assert not any(scan_summary_tail in b.source for b in screen.query(AssistantMessage))
        assert [a.id for a in screen.query_one(ArtifactList).artifacts] == artifact_ids
