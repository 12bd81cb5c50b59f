"""The one engine protocol both conversation engines implement, and what a turn sees."""

from __future__ import annotations

import asyncio
import json
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


HISTORY_BUDGET_CHARS = 300_000
"""Roughly 75k tokens of conversation; past it, old tool outputs are shortened."""
TRIMMED_KEEP_CHARS = 300
TRIMMED_NOTE = "\n… [earlier tool output trimmed to keep the conversation short; call the tool again]"


def compact_history(history: list[Message], budget: int = HISTORY_BUDGET_CHARS) -> int:
    """Shorten the oldest tool results until the history fits `budget` characters.

    Runs at the start of a turn, so it rarely changes the cached prefix; the newest
    exchange is never touched. Returns how many results were shortened."""
    size = len(json.dumps(history))
    trimmed = 0
    for message in history[:-2]:
        for block in message["content"] if isinstance(message["content"], list) else []:
            content = block.get("content")
            if size <= budget:
                return trimmed
            if block.get("type") == "tool_result" and isinstance(content, str) and len(content) > TRIMMED_KEEP_CHARS * 2:
                block["content"] = content[:TRIMMED_KEEP_CHARS] + TRIMMED_NOTE
                size -= len(content) - len(block["content"])
                trimmed += 1
    return trimmed
