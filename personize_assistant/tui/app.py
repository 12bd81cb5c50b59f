"""`personize-assistant chat`: the Textual app. Screens and widgets live in their own modules."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.screen import Screen

from personize_assistant.config import Settings
from personize_assistant.tui.port import ChatSession, SessionOpener
from personize_assistant.tui.screens.main import MainScreen


def session_opener(root: Path, settings: Settings, *, engine: str = "auto",
                   resume: str | None = None) -> SessionOpener:
    """Defers importing and opening the agent Session to the app's worker."""

    async def open_session() -> ChatSession:
        from personize_assistant.agent.session import Session

        return await Session.open(root, settings=settings, engine=engine, resume=resume)

    return open_session


class AssistantApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "personize-assistant"

    def __init__(self, opener: SessionOpener, repo_name: str, *, model: str | None = None) -> None:
        super().__init__()
        self._opener, self._repo_name, self._model = opener, repo_name, model
        self.session_id: str | None = None
        """The open session's id, for the `--resume` hint printed after the app exits."""

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self._opener, self._repo_name, self._model, on_session=self._remember)

    def _remember(self, session_id: str) -> None:
        self.session_id = session_id


def resume_hint(root: Path, session_id: str) -> str:
    import shlex

    return f"Session saved. Continue it with: personize-assistant chat {shlex.quote(str(root))} --resume {session_id}"
