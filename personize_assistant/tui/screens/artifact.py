"""One artifact full-screen: its markdown, and for wire/generate its code, highlighted."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static, TabbedContent, TabPane

from personize_assistant.agent.events import StoredArtifact
from personize_assistant.tui import markdown_view
from personize_assistant.tui.code_view import CodeArea, CodeFile, code_files
from personize_assistant.tui.exporting import export_markdown


class ArtifactScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="artifact.close"),
        Binding("ctrl+e,e", "export", "Export", priority=True, id="artifact.export"),
        Binding("c", "copy", "Copy", id="artifact.copy"),
    ]

    def __init__(self, artifact: StoredArtifact, repo_root: Path) -> None:
        super().__init__()
        self.artifact, self.repo_root = artifact, repo_root
        self.code = code_files(artifact.kind, artifact.data)

    def compose(self) -> ComposeResult:
        artifact = self.artifact
        yield Static(f"◆ {artifact.kind} · {artifact.title}  ({artifact.id})", id="artifact-title",
                     markup=False)
        if not self.code:
            yield self._document()
            yield Footer()
            return
        with TabbedContent(id="artifact-tabs"):
            with TabPane("Document", id="tab-document"):
                yield self._document()
            for number, code in enumerate(self.code):
                with TabPane(Path(code.path).name, id=f"tab-code-{number}"):
                    yield CodeArea(code)
        yield Footer()

    def _document(self) -> VerticalScroll:
        # Rendered by Rich in one widget: Textual's Markdown builds a widget per block and
        # takes seconds on a long plan; this document is static, so nothing is lost.
        document = markdown_view.render(self.artifact.markdown, self.app.size.width)
        return VerticalScroll(Static(document, id="artifact-markdown"), id="artifact-document")

    def selected_code(self) -> CodeFile | None:
        """The code file whose tab is open, if any."""
        if not self.code:
            return None
        active = self.query_one(TabbedContent).active
        if not active.startswith("tab-code-"):
            return None
        return self.code[int(active.removeprefix("tab-code-"))]

    def action_close(self) -> None:
        self.dismiss(None)

    def action_copy(self) -> None:
        code = self.selected_code()
        self.app.copy_to_clipboard(code.content if code is not None else self.artifact.markdown)
        self.notify(f"Copied {code.path if code else 'the document'} to the clipboard.", markup=False)

    @work(exclusive=True, group="export")
    async def action_export(self) -> None:
        await export_markdown(self, self.artifact.markdown, name=self.artifact.kind,
                              what=self.artifact.title, repo_root=self.repo_root)
