"""Snapshots of the chat TUI on the real offline engine and the pulseboard-ts example:
the main screen on opening (the scan summary, before any typing), after the first turn
(two sizes) and an artifact screen.

Deterministic by construction: offline engine, a copy of a fixed repo, workers awaited,
the message box's cursor not blinking. Update with `pytest --snapshot-update` after
reviewing the SVG diff report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from personize_assistant.agent.session import Session
from personize_assistant.agent.store import SessionStore
from personize_assistant.config import Settings
from personize_assistant.tui import markdown_view
from personize_assistant.tui.app import AssistantApp
from personize_assistant.tui.port import ChatSession
from personize_assistant.tui.widgets.prompt import PromptArea
from personize_assistant.tui.widgets.sidebar import ArtifactList, TouchpointTree
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import demo_repo as demo_repo

SnapCompare = Callable[..., bool]


@pytest.fixture
def app(agent_env: Path, demo_repo: Path) -> Iterator[AssistantApp]:
    store = SessionStore(agent_env / "sessions.db")

    async def open_session() -> ChatSession:
        return await Session.open(demo_repo, settings=Settings(), engine="offline", store=store)

    yield AssistantApp(open_session, demo_repo.name)
    store.close()


async def settle(pilot: Pilot[Any]) -> None:
    """Until no worker runs and the messages they posted are handled (workers start workers).
    Bounded by rounds, not time, so a slow machine waits longer instead of failing."""
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            await pilot.pause()  # let the last posted messages render
            return
    raise AssertionError("the app never became idle")


async def first_turn(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    prompt = pilot.app.screen.query_one(PromptArea)
    prompt.cursor_blink = False
    prompt.focus()
    await pilot.press(*"propose", "enter")
    await settle(pilot)


async def opened(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    pilot.app.screen.query_one(PromptArea).cursor_blink = False


def test_main_screen_on_opening(app: AssistantApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=(120, 40), run_before=opened)


def test_main_screen_after_the_first_turn(app: AssistantApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=(120, 40), run_before=first_turn)


def test_main_screen_in_80_by_24(app: AssistantApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=first_turn)


async def open_proposal(pilot: Pilot[Any]) -> None:
    await first_turn(pilot)
    artifacts = pilot.app.screen.query_one(ArtifactList)
    artifacts.focus()
    artifacts.highlighted = [a.kind for a in artifacts.artifacts].index("proposal")
    await pilot.press("enter")
    await settle(pilot)


def test_artifact_screen(app: AssistantApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_proposal)


async def open_plan(pilot: Pilot[Any]) -> None:
    """At 80x24: the plan's tables read as one bullet per row."""
    await settle(pilot)
    prompt = pilot.app.screen.query_one(PromptArea)
    prompt.cursor_blink = False
    prompt.focus()
    await pilot.press(*"plan", "enter")
    await settle(pilot)
    artifacts = pilot.app.screen.query_one(ArtifactList)
    artifacts.focus()
    artifacts.highlighted = [a.kind for a in artifacts.artifacts].index("plan")
    await pilot.press("enter")
    await settle(pilot)
    document = pilot.app.screen.query_one("#artifact-document")
    body = document.query_one(Static)
    console = Console(width=body.content_size.width)
    shown = markdown_view.render(pilot.app.screen.artifact.markdown, pilot.app.size.width)  # type: ignore[attr-defined]
    lines = ["".join(s.text for s in line) for line in console.render_lines(shown, pad=False)]
    memory = next(i for i, line in enumerate(lines) if "4. Memory" in line)  # the schema table, as bullets
    document.scroll_to(y=memory, animate=False)
    await settle(pilot)


def test_plan_tables_in_80_by_24(app: AssistantApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_plan)


async def touchpoint_rows(pilot: Pilot[Any]) -> None:
    """At 80x24: touchpoint rows end at a word, not mid-word."""
    await opened(pilot)
    tree = pilot.app.screen.query_one(TouchpointTree)
    for surface in tree.root.children:
        for kind in surface.children:
            if str(kind.label).startswith(("email send", "scheduled job")):
                kind.expand()
    tree.focus()
    await settle(pilot)


def test_touchpoint_rows_in_80_by_24(app: AssistantApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=touchpoint_rows)
