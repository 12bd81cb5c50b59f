"""Code in wire/generate artifacts: which files are shown, and highlighted as what."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TabbedContent

from personize_assistant.agent.events import StoredArtifact
from personize_assistant.tui.code_view import (
    TYPESCRIPT,
    CodeArea,
    CodeFile,
    code_files,
    language_for,
)
from personize_assistant.tui.screens.artifact import ArtifactScreen

TS_SOURCE = "export async function greet(name: string): Promise<string> {\n  return `hi ${name}`;\n}\n"


def test_wire_files_and_generate_code_are_extracted_with_their_language() -> None:
    wire = {"language": "ts", "files_created": [{"path": "src/lib/personize-wiring.ts", "content": TS_SOURCE}]}
    assert code_files("wire", wire) == [CodeFile("src/lib/personize-wiring.ts", TS_SOURCE, TYPESCRIPT)]
    generate = {"language": "py", "path": "app/personize_messages.py", "code": "def f() -> None: ...\n"}
    assert code_files("generate", generate) == [
        CodeFile("app/personize_messages.py", "def f() -> None: ...\n", "python")]
    assert code_files("plan", {"code": "x"}) == []
    assert code_files("wire", {"files_created": "not a list of files"}) == []


def test_language_follows_the_extension_then_the_declared_language() -> None:
    assert language_for("a.tsx") == TYPESCRIPT
    assert language_for("a.py") == "python"
    assert language_for("README", "py") == "python"
    assert language_for("README") is None


class CodeApp(App[None]):
    def __init__(self, code: CodeFile) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        yield CodeArea(self.code)


async def test_typescript_is_registered_and_highlighted() -> None:
    app = CodeApp(CodeFile("w.ts", TS_SOURCE, TYPESCRIPT))
    async with app.run_test() as pilot:
        area = pilot.app.query_one(CodeArea)
        assert area.language == TYPESCRIPT and area.is_syntax_aware
        assert area.read_only and area.text == TS_SOURCE


async def test_copy_on_a_code_tab_copies_that_file(tmp_path: Path) -> None:
    artifact = StoredArtifact(id="wire-1", kind="wire", title="Wire digest", markdown="# Wire digest\n",
                              data={"language": "ts", "files_created": [{"path": "w.ts", "content": TS_SOURCE}]})

    class ArtifactApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ArtifactScreen(artifact, tmp_path))

    app = ArtifactApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("c")
        assert app.clipboard == "# Wire digest\n"
        app.screen.query_one(TabbedContent).active = "tab-code-0"
        await pilot.pause()
        await pilot.press("c")
        assert app.clipboard == TS_SOURCE


def test_the_typescript_query_avoids_the_predicate_that_crashes_tree_sitter() -> None:
    from personize_assistant.tui.code_view import _typescript_query

    query = _typescript_query()
    assert "#is-not?" not in query
    assert "@keyword" in query and "@type" in query  # both JS and TS rules are there


def test_touchpoint_labels_fit_the_sidebar() -> None:
    from personize_assistant.scan.models import Touchpoint
    from personize_assistant.tui.widgets.sidebar import MAX_LABEL, touchpoint_label

    def point(file: str, symbol: str | None) -> Touchpoint:
        return Touchpoint(id="tp_1", kind="email_send", file=file, line=12, end_line=14, symbol=symbol,
                          evidence="send(...)", confidence="high", surface="notifications")

    assert touchpoint_label(point("src/mail.ts", "sendWelcome")) == "sendWelcome · mail.ts:12"
    assert touchpoint_label(point("app/api/webhooks/stripe/route.ts", "POST")) == "POST stripe · route.ts:12"
    assert touchpoint_label(point("src/email/mailer-service.ts", "MailerService.sendSurveyReminder")) == (
        "sendSurveyReminder")  # the name, whole, when name and place do not both fit
    assert touchpoint_label(point("a_really_long_file_name_for_mail.ts", None)) == "a_really_long_file_name_f…"
    long_name = touchpoint_label(point("src/a.ts", "send the very long weekly digest summary"))
    assert long_name == "send the very long weekly…" and len(long_name) <= MAX_LABEL


def test_tables_become_one_bullet_per_row_outside_code() -> None:
    from personize_assistant.tui.markdown_view import tables_as_lists

    markdown = ("Intro\n\n| Collection | Entity | Properties |\n|---|---|---:|\n"
                "| Users | Contact | 15 |\n| Teams | — | 3 |\n\n```\n| not | a table |\n|---|---|\n```\n")
    assert tables_as_lists(markdown).splitlines() == [
        "Intro", "", "- **Users** — Entity: Contact · Properties: 15", "- **Teams** — Properties: 3", "", "",
        "```", "| not | a table |", "|---|---|", "```"]
