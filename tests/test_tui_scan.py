"""Scanning from the TUI on a repo big enough for the process pool (500+ files): the scan
finishes, reports progress while it runs, and a pool that cannot start falls back to one
process with a notice instead of failing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.pilot import Pilot

from personize_assistant.agent.session import Session
from personize_assistant.agent.store import SessionStore
from personize_assistant.config import Settings
from personize_assistant.scan import engine
from personize_assistant.tui.app import AssistantApp
from personize_assistant.tui.messages import ScanFailed, ScanLoaded, ScanProgressed
from personize_assistant.tui.port import ChatSession
from personize_assistant.tui.screens.main import MainScreen
from personize_assistant.tui.widgets.conversation import NoticeLine
from personize_assistant.tui.widgets.sidebar import TouchpointTree
from tests.support.agent_fixtures import agent_env as agent_env

MODULES = 520
SENDERS = 12
"""Every one of these modules sends an email: the scan must find each of them."""


def write_module(root: Path, number: int) -> None:
    folder = root / "src" / f"area{number % 20}"
    folder.mkdir(parents=True, exist_ok=True)
    if number < SENDERS:
        body = (f"import {{ Resend }} from 'resend';\nconst resend = new Resend(process.env.RESEND_API_KEY);\n\n"
                f"export async function sendNotice{number}(to: string) {{\n"
                f"  await resend.emails.send({{ from: 'a@b.dev', to, subject: 'Notice {number}', html: '<p/>' }});\n"
                "}\n")
    else:
        body = f"export function helper{number}(value: number): number {{\n  return value * {number};\n}}\n"
    (folder / f"module{number}.ts").write_text(body)


@pytest.fixture(autouse=True)
def two_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process pool is what breaks under Textual: use it even on a one-CPU runner."""
    monkeypatch.setattr(engine, "_available_cpus", lambda: 2)


@pytest.fixture
def big_repo(tmp_path: Path) -> Path:
    root = tmp_path / "big"
    root.mkdir()
    (root / "package.json").write_text('{"name": "big", "dependencies": {"resend": "3.0.0"}}\n')
    for number in range(MODULES):
        write_module(root, number)
    return root


@pytest.fixture
async def store(agent_env: Path) -> AsyncIterator[SessionStore]:
    sessions = SessionStore(agent_env / "sessions.db")
    yield sessions
    sessions.close()


class Recorder:
    def __init__(self) -> None:
        self.messages: dict[int, Message] = {}

    def __call__(self, message: Message) -> None:
        self.messages.setdefault(id(message), message)

    def of(self, kind: type[Message]) -> list[Any]:
        return [m for m in self.messages.values() if isinstance(m, kind)]


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(400):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            await pilot.pause()
            return
    raise AssertionError("the app never became idle")


async def open_chat(root: Path, store: SessionStore) -> tuple[AssistantApp, Recorder]:
    async def open_session() -> ChatSession:
        return await Session.open(root, settings=Settings(), engine="offline", store=store)

    return AssistantApp(open_session, root.name), Recorder()


def sidebar_touchpoints(screen: MainScreen) -> list[str]:
    tree = screen.query_one(TouchpointTree)
    return [leaf.data.symbol or "" for surface in tree.root.children for kind in surface.children
            for leaf in kind.children if leaf.data is not None]


async def test_a_cold_scan_of_a_big_repo_fills_the_sidebar_and_reports_progress(
        big_repo: Path, store: SessionStore) -> None:
    app, recorder = await open_chat(big_repo, store)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        assert not recorder.of(ScanFailed)
        [loaded] = recorder.of(ScanLoaded)
        assert loaded.scan.stats.files_seen == MODULES  # package.json is not source
        senders = {f"sendNotice{n}" for n in range(SENDERS)}
        assert senders <= set(sidebar_touchpoints(screen))
        progress = [m.progress for m in recorder.of(ScanProgressed)]
        assert len(progress) > 1, "a long scan reports more than once"
        assert [p.done for p in progress] == sorted(p.done for p in progress)
        assert progress[-1].done == progress[-1].total == MODULES
        assert all(p.notice is None for p in progress)


class BrokenPool(ProcessPoolExecutor):
    """A pool that cannot start workers, as in a sandbox without process support."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise OSError("process creation is not permitted here")


async def test_a_pool_that_cannot_start_falls_back_to_one_process_with_a_notice(
        big_repo: Path, store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "ProcessPoolExecutor", BrokenPool)
    app, recorder = await open_chat(big_repo, store)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        assert not recorder.of(ScanFailed)
        assert {f"sendNotice{n}" for n in range(SENDERS)} <= set(sidebar_touchpoints(screen))
        notices = [str(line.render()) for line in screen.query(NoticeLine)]
        assert any("scanning in one process instead" in n and "not permitted" in n for n in notices)
