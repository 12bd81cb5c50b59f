"""Messages workers post to the UI. Workers only compute; `@on` handlers change widgets."""

from __future__ import annotations

from textual.message import Message

from personize_assistant.agent.events import AgentEvent, StoredArtifact
from personize_assistant.scan.engine import ScanProgress
from personize_assistant.scan.models import RepoScan, Touchpoint
from personize_assistant.tui.port import ChatSession


class SessionOpened(Message):
    def __init__(self, session: ChatSession) -> None:
        super().__init__()
        self.session = session


class SessionFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class ScanLoaded(Message):
    def __init__(self, scan: RepoScan) -> None:
        super().__init__()
        self.scan = scan


class ScanProgressed(Message):
    """Posted from the scanning thread after each batch of parsed files."""

    def __init__(self, progress: ScanProgress) -> None:
        super().__init__()
        self.progress = progress


class ScanFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class AgentEventPosted(Message):
    """One event from `Session.send`, in the order the session yielded it."""

    def __init__(self, event: AgentEvent) -> None:
        super().__init__()
        self.event = event


class TurnEnded(Message):
    """The turn worker is done: `outcome` is `finished`, `cancelled` or `failed`."""

    def __init__(self, outcome: str) -> None:
        super().__init__()
        self.outcome = outcome


class PromptSubmitted(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class ArtifactChosen(Message):
    def __init__(self, artifact: StoredArtifact) -> None:
        super().__init__()
        self.artifact = artifact


class TouchpointChosen(Message):
    def __init__(self, touchpoint: Touchpoint) -> None:
        super().__init__()
        self.touchpoint = touchpoint


class FileExported(Message):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
