"""The top bar (repo name and engine badge) and the "thinking" line under the transcript."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class HeaderBar(Horizontal):
    def __init__(self, repo_name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._repo_name = repo_name

    def compose(self) -> ComposeResult:
        yield Static("personize", id="brand")
        yield Static(self._repo_name, id="repo-name", markup=False)
        yield Static("opening…", id="engine-badge", markup=False)

    def show_engine(self, label: str, kind: str) -> None:
        badge = self.query_one("#engine-badge", Static)
        badge.update(label)
        badge.set_classes(f"-{kind}")


class ThinkingIndicator(Static):
    """A one-line spinner shown while a turn (or the session opening) runs."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._frame = 0
        self._label = ""
        self._cancellable = False

    def on_mount(self) -> None:
        self._timer = self.set_interval(0.1, self._tick, pause=True)

    def start(self, label: str, *, cancellable: bool = True) -> None:
        self._label, self._cancellable = label, cancellable
        self._frame = 0
        self._draw()
        self.display = True
        self._timer.resume()

    def stop(self) -> None:
        self._timer.pause()
        self.display = False

    def _tick(self) -> None:
        self._frame = (self._frame + 1) % len(SPINNER)
        self._draw()

    def _draw(self) -> None:
        hint = "  (esc to cancel)" if self._cancellable else ""
        self.update(f"{SPINNER[self._frame]} {self._label}{hint}")
