"""Small modal dialogs: a Yes/No confirmation and an export-path prompt."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class ConfirmModal(ModalScreen[bool]):
    """Dismisses with True only on an explicit Yes; Escape and No both mean no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, *, title: str = "Confirm") -> None:
        super().__init__()
        self._question, self._title = question, title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = self._title
            yield Static(self._question, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Yes", id="yes", variant="warning")
                yield Button("No", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe answer is the default

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, approved: bool) -> None:
        self.dismiss(approved)


class ExportModal(ModalScreen[Path | None]):
    """Asks where to write a markdown file; Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, default_path: str, *, what: str) -> None:
        super().__init__()
        self._default, self._what = default_path, what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = f"Export {self._what}"
            yield Label("Write markdown to:")
            yield Input(self._default, id="export-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        text = self.query_one(Input).value.strip()
        if not text:
            self.notify("Give a file path.", severity="warning")
            return
        self.dismiss(Path(text).expanduser())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
