"""The conversation in the TUI does what it says: the artifact just made previews inline and
opens by a click (there or in the sidebar), "export" writes a folder without pouring it into
the chat, "write the plan to …" inside the repo asks through the confirmation dialog, the
palette has one Quit, and leaving says how to resume."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from personize_assistant.agent.session import Session
from personize_assistant.agent.store import SessionStore
from personize_assistant.config import Settings
from personize_assistant.tui.app import AssistantApp, resume_hint
from personize_assistant.tui.commands import palette_entries
from personize_assistant.tui.port import ChatSession, SessionOpener
from personize_assistant.tui.screens.artifact import ArtifactScreen
from personize_assistant.tui.screens.main import MainScreen
from personize_assistant.tui.screens.modals import ConfirmModal
from personize_assistant.tui.widgets.conversation import (
    ArtifactPreview,
    AssistantMessage,
    Conversation,
)
from personize_assistant.tui.widgets.prompt import PromptArea
from personize_assistant.tui.widgets.sidebar import ArtifactList
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import demo_repo as demo_repo
from tests.support.agent_fixtures import tiny_repo as tiny_repo


@pytest.fixture
def store(agent_env: Path) -> SessionStore:
    return SessionStore(agent_env / "sessions.db")


def opener(root: Path, store: SessionStore) -> SessionOpener:
    async def open_session() -> ChatSession:
        return await Session.open(root, settings=Settings(), engine="offline", store=store)

    return open_session


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            await pilot.pause()
            return
    raise AssertionError("the app never became idle")


async def say(pilot: Pilot[None], text: str) -> None:
    pilot.app.screen.query_one(PromptArea).focus()
    await pilot.press(*text, "enter")
    await settle(pilot)


def main(pilot: Pilot[None]) -> MainScreen:
    assert isinstance(pilot.app.screen, MainScreen)
    return pilot.app.screen


async def test_the_newest_artifact_previews_inline_and_earlier_ones_fold(demo_repo: Path,
                                                                         store: SessionStore) -> None:
    app = AssistantApp(opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "propose")
        await say(pilot, "schema")
        previews = list(main(pilot).query(ArtifactPreview))
        assert [(p.artifact.kind, p.collapsed) for p in previews] == [("proposal", True), ("schema", False)]
        replies = "".join(block.source for block in main(pilot).query(AssistantMessage))
        assert "full document is artifact" not in replies


async def test_clicking_an_artifact_in_the_sidebar_opens_it(demo_repo: Path, store: SessionStore) -> None:
    app = AssistantApp(opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "propose")
        artifacts = main(pilot).query_one(ArtifactList)
        row = [a.kind for a in artifacts.artifacts].index("proposal")
        assert await pilot.click(ArtifactList, offset=(3, row))
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ArtifactScreen) and screen.artifact.kind == "proposal"


async def test_export_writes_the_folder_and_the_chat_says_where(demo_repo: Path, store: SessionStore,
                                                                 tmp_path: Path) -> None:
    folder = tmp_path / "exported"
    app = AssistantApp(opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "plan")
        await say(pilot, f"export to {folder}")
        assert (folder / "plan.md").is_file() and (folder / "session.md").is_file()
        conversation = main(pilot).query_one(Conversation)
        last_reply = list(conversation.query(AssistantMessage))[-1].source
        assert str(folder) in last_reply and len(last_reply) < 800
        session_md = (folder / "session.md").read_text()
        plan = next(a for a in main(pilot).query_one(ArtifactList).artifacts if a.kind == "plan")
        assert session_md.count(plan.markdown.strip()[:200]) == 1  # in once, not duplicated


@pytest.mark.parametrize("approve", [False, True])
async def test_writing_into_the_repo_goes_through_the_confirmation(tiny_repo: Path, store: SessionStore,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   approve: bool) -> None:
    monkeypatch.chdir(tiny_repo)
    app = AssistantApp(opener(tiny_repo, store), tiny_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main(pilot).query_one(PromptArea).focus()
        await pilot.press(*"write the plan to plan.md", "enter")
        for _ in range(200):
            if isinstance(pilot.app.screen, ConfirmModal):
                break
            await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmModal)
        await pilot.press("y" if approve else "n")
        await settle(pilot)
        assert (tiny_repo / "plan.md").exists() is approve


async def test_the_palette_lists_quit_once_and_leaving_says_how_to_resume(demo_repo: Path,
                                                                          store: SessionStore) -> None:
    app = AssistantApp(opener(demo_repo, store), demo_repo.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        ours = [entry.title for entry in palette_entries(main(pilot))]
        system = [command.title for command in app.get_system_commands(main(pilot))]
        assert (ours + system).count("Quit") == 1
        session = main(pilot).session
        assert session is not None and app.session_id == session.id
    assert resume_hint(demo_repo, session.id).endswith(f"chat {demo_repo} --resume {session.id}")
