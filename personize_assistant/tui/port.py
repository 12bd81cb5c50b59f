"""What the TUI needs from a conversation: the agent `Session` interface, as a Protocol.

The real `personize_assistant.agent.session.Session` satisfies it; tests may hand the app
any object that does too. The TUI never reaches past this surface into the agent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

from personize_assistant.agent.events import AgentEvent, StoredArtifact
from personize_assistant.scan.engine import ProgressFn
from personize_assistant.scan.models import RepoScan


class ChatSession(Protocol):
    id: str
    root: Path

    @property
    def engine_name(self) -> str: ...

    @property
    def scan(self) -> RepoScan | None: ...

    @property
    def artifacts(self) -> list[StoredArtifact]: ...

    @property
    def history(self) -> list[dict[str, Any]]: ...

    async def ensure_scan(self, progress: ProgressFn | None = None) -> RepoScan:
        """`progress` is called from the scanning thread."""
        ...

    def send(self, text: str) -> AsyncIterator[AgentEvent]: ...

    def resolve_confirmation(self, request_id: str, approved: bool) -> None: ...

    def export_markdown(self, artifact_id: str | None = None) -> str: ...

    async def close(self) -> None: ...


SessionOpener = Callable[[], Awaitable[ChatSession]]
"""Opens the session (slow: loads the content library); the app calls it in a worker."""
