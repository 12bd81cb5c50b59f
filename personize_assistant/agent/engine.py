"""The one engine protocol both conversation engines implement, and what a turn sees."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from personize_assistant.agent.events import AgentEvent, ScanReady
from personize_assistant.agent.runner import ToolRunner
from personize_assistant.agent.workspace import Workspace
from personize_assistant.scan.models import RepoScan

Message = dict[str, Any]
"""A Messages API message param: `{"role": ..., "content": str | [blocks]}`."""


class EngineUnavailable(Exception):
    """The engine cannot serve this session (e.g. a rejected API key); the session
    switches to the offline engine and says why (the message is shown to the user)."""


@dataclass
class Turn:
    """Everything an engine needs for one user turn."""

    workspace: Workspace
    runner: ToolRunner
    emit: Callable[[AgentEvent], None]
    history: list[Message]
    export: Callable[[], str]
    first_turn: bool = False
    notes: list[str] = field(default_factory=list)

    async def ensure_scan(self) -> RepoScan:
        """The scan, computed in a thread the first time (announced with ScanReady)."""
        if self.workspace.scan is not None:
            return self.workspace.scan
        scan = await asyncio.to_thread(self.workspace.require_scan)
        self.emit(ScanReady(scan=scan))
        return scan


class Engine(Protocol):
    name: str

    async def run_turn(self, turn: Turn, text: str) -> str:
        """Answer `text`, emitting events and extending `turn.history`; returns the stop reason."""
        ...


def append_user(history: list[Message], content: str | list[dict[str, Any]]) -> None:
    """Add a user message, merging into a trailing user message so roles alternate."""
    blocks = [{"type": "text", "text": content}] if isinstance(content, str) else list(content)
    if history and history[-1]["role"] == "user":
        previous = history[-1]["content"]
        previous_blocks = [{"type": "text", "text": previous}] if isinstance(previous, str) else list(previous)
        history[-1] = {"role": "user", "content": previous_blocks + blocks}
        return
    history.append({"role": "user", "content": content if isinstance(content, str) else blocks})
