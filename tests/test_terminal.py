"""Control characters from the repo are shown, never sent to the terminal."""

from __future__ import annotations

import io
import json

from rich.text import Text

from personize_assistant.terminal import SafeConsole, json_printable, printable

OSC52 = "\x1b]52;c;cHduZWQ=\x07"


def test_escapes_are_made_visible() -> None:
    assert printable(f"src/{OSC52}a.ts") == "src/\\x1b]52;c;cHduZWQ=\\x07a.ts"
    assert printable("\u202eevil\x9b") == "\\u202eevil\\x9b"


def test_ordinary_text_and_crlf_are_kept() -> None:
    text = "line one\r\n\tindented — “quoted” ✓\n"
    assert printable(text) == text
    assert printable("hidden\roverwrite") == "hidden\\x0doverwrite"


def test_json_stays_the_same_json() -> None:
    data = {"file": f"a{OSC52}\x9b\u202e.ts"}
    text = json_printable(json.dumps(data, ensure_ascii=False))
    assert json.loads(text) == data
    assert not any(c in text for c in "\x1b\x07\x9b\u202e")


def test_rich_console_escapes_text_but_keeps_its_own_styles() -> None:
    buffer = io.StringIO()
    console = SafeConsole(file=buffer, force_terminal=True, color_system="standard", width=80)
    console.print(Text(f"name {OSC52}", style="bold"))
    out = buffer.getvalue()
    assert "\\x1b]52;c;" in out and "]52;" not in out.replace("\\x1b]52;", "")
    assert "\x1b[1m" in out  # Rich's bold still reaches the terminal
