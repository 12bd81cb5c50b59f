"""The conversation pane: user messages, streamed assistant markdown, tool lines, notices.

Assistant text streams through `MarkdownStream` into the current `Markdown` block; a tool
line or notice closes that block so the transcript keeps the order events arrived in.
The scroll is anchored: it follows new output until the user scrolls up.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Collapsible, Markdown, Static
from textual.widgets.markdown import MarkdownStream

from personize_assistant.agent.events import (
    ArtifactReady,
    EngineNotice,
    StoredArtifact,
    ToolFinished,
    ToolStarted,
)
from personize_assistant.tui import markdown_view
from personize_assistant.tui.messages import ArtifactChosen

INLINE_KINDS = frozenset({"proposal", "schema", "plan", "wire", "generate", "review"})
"""Previewed inline; a scan report or a discovery (rebuilt at every answer) is one line."""


class UserMessage(Static):
    def __init__(self, text: str) -> None:
        super().__init__(text, markup=False)


class AssistantMessage(Markdown):
    pass


class ToolLine(Static):
    """`▸ design_schema …` while running; `✓ design_schema · summary` when done."""

    def __init__(self, event: ToolStarted) -> None:
        super().__init__(f"▸ {event.name} …", markup=False, classes="-running")
        self.tool_name = event.name

    def finish(self, event: ToolFinished) -> None:
        mark = "✗" if event.is_error else "✓"
        summary = f" · {event.summary}" if event.summary else ""
        self.update(f"{mark} {event.name}{summary}")
        self.set_class(False, "-running")
        self.set_class(event.is_error, "-error")
        self.set_class(not event.is_error, "-done")

    def interrupt(self, outcome: str) -> None:
        self.update(f"· {self.tool_name} {outcome}")
        self.set_class(False, "-running")


class NoticeLine(Static):
    def __init__(self, level: str, message: str) -> None:
        super().__init__(f"{level}: {message}", markup=False, classes=f"-{level}")


class ArtifactLine(Static):
    """Click to open the artifact full screen (it is also in the sidebar list)."""

    def __init__(self, artifact: StoredArtifact, text: str | None = None) -> None:
        self.artifact = artifact
        super().__init__(text or f"◆ {artifact.kind}: {artifact.title}  ({artifact.id}) · click to open",
                         markup=False)

    def on_click(self) -> None:
        self.post_message(ArtifactChosen(self.artifact))


class ArtifactPreview(Collapsible):
    """The artifact just produced, inline under its title (click the title to fold it);
    the line below the preview opens the whole document."""

    def __init__(self, artifact: StoredArtifact) -> None:
        head, more = markdown_view.preview(artifact.markdown)
        rest = f"{more} more lines: " if more else ""
        body = Static(markdown_view.render(head, 0), classes="artifact-preview-body")
        opener = ArtifactLine(artifact, f"↗ {rest}click here to open {artifact.id} full screen")
        super().__init__(body, opener, title=f"◆ {artifact.kind}: {artifact.title}  ({artifact.id})",
                         collapsed=False)
        self.artifact = artifact


class Conversation(VerticalScroll):
    """Owns the transcript widgets; the screen calls these methods from its handlers."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._stream: MarkdownStream | None = None
        self._tools: dict[str, ToolLine] = {}

    def on_mount(self) -> None:
        # Anchored, a short transcript sits at the bottom, next to the message box (chat style).
        self.anchor()

    async def add_user(self, text: str) -> None:
        await self.close_stream()
        await self._add(UserMessage(text))

    async def add_text(self, text: str) -> None:
        if self._stream is None:
            block = AssistantMessage()
            await self._add(block)
            self._stream = Markdown.get_stream(block)
        await self._stream.write(text)

    async def tool_started(self, event: ToolStarted) -> None:
        await self.close_stream()
        line = ToolLine(event)
        self._tools[event.call_id] = line
        await self._add(line)

    def tool_finished(self, event: ToolFinished) -> None:
        line = self._tools.pop(event.call_id, None)
        if line is not None:
            line.finish(event)

    async def add_notice(self, event: EngineNotice) -> None:
        await self.add_line(NoticeLine(event.level, event.message))


    async def add_artifact(self, event: ArtifactReady) -> None:
        """Documents preview inline, the newest open and earlier ones folded; a scan
        report (long, and the sidebar already shows it) is a line."""
        artifact = event.artifact
        if artifact.kind in INLINE_KINDS:
            for earlier in self.query(ArtifactPreview):
                earlier.collapsed = True
            await self.add_line(ArtifactPreview(artifact))
        else:
            await self.add_line(ArtifactLine(artifact))

    async def add_line(self, widget: Widget) -> None:
        await self.close_stream()
        await self._add(widget)

    async def close_stream(self) -> None:
        """End the current assistant block (its pending text is flushed first)."""
        stream, self._stream = self._stream, None
        if stream is not None:
            await stream.stop()

    async def end_turn(self, outcome: str) -> None:
        await self.close_stream()
        for line in self._tools.values():  # tools cut off by a cancel never finish
            line.interrupt(outcome)
        self._tools.clear()

    async def _add(self, widget: Widget) -> None:
        await self.mount(widget)  # the anchor keeps the view at the bottom
