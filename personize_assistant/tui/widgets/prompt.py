"""The message box: Enter sends, Shift+Enter (or Ctrl+J) starts a new line, Up/Down on the
first/last line walk through what was sent before."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from personize_assistant.tui.messages import PromptSubmitted

NEWLINE_KEYS = frozenset({"shift+enter", "ctrl+j"})
DEFAULT_PLACEHOLDER = "Ask: propose · schema · plan · wire <touchpoint> · review · help"


class PromptArea(TextArea):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, show_line_numbers=False, compact=True,
                         placeholder=DEFAULT_PLACEHOLDER)
        self._history: list[str] = []
        self._recall: int | None = None
        """Index into `_history` while walking it; None when editing a fresh message."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self._submit()
        elif event.key in NEWLINE_KEYS:
            event.stop()
            event.prevent_default()
            self.insert("\n")
        else:
            await super()._on_key(event)

    def expect_answers(self, count: int) -> None:
        """The reply just asked `count` questions: say how to answer them, in the box itself."""
        plural = "s" if count != 1 else ""
        self.placeholder = f"Answer the {count} question{plural} above, one line each (or field: value)"

    def _submit(self) -> None:
        text = self.text.strip()
        if not text:
            return
        if not self._history or self._history[-1] != text:
            self._history.append(text)
        self._recall = None
        self.placeholder = DEFAULT_PLACEHOLDER
        self.clear()
        self.post_message(PromptSubmitted(text))

    def action_cursor_up(self, select: bool = False) -> None:
        if select or self.cursor_location[0] > 0 or not self._history:
            super().action_cursor_up(select)
            return
        self._recall = len(self._history) - 1 if self._recall is None else max(self._recall - 1, 0)
        self._show(self._history[self._recall])

    def action_cursor_down(self, select: bool = False) -> None:
        last_row = self.document.line_count - 1
        if select or self._recall is None or self.cursor_location[0] < last_row:
            super().action_cursor_down(select)
            return
        self._recall += 1
        if self._recall >= len(self._history):
            self._recall = None
            self._show("")
        else:
            self._show(self._history[self._recall])

    def _show(self, text: str) -> None:
        self.load_text(text)
        self.move_cursor(self.document.end)

    def insert_reference(self, reference: str) -> None:
        """Append `reference` (a touchpoint id) to the message, with spacing."""
        spacer = " " if self.text and not self.text.endswith((" ", "\n")) else ""
        self.move_cursor(self.document.end)
        self.insert(f"{spacer}{reference} ")
        self.focus()
