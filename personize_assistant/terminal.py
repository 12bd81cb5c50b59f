"""Text from the user's repo made safe to print on a terminal.

File names, evidence and model replies can hold escape sequences: ESC `]52;` (OSC 52)
sets the clipboard, others retitle the window, move the cursor or hide lines, and
bidi overrides make code read differently from what runs. Everything a command prints
goes through `printable` (plain text), `json_printable` (JSON text) or `SafeConsole`
(Rich), which show such characters as visible escapes instead of sending them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.console import Console
from rich.segment import Segment

# C0 controls except tab and newline, a CR that does not end a line (CRLF files stay
# CRLF in a printed patch), DEL, C1 controls, and the bidi embedding/isolate marks.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
# json.dumps escapes C0 itself; with ensure_ascii=False it leaves these raw.
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with every terminal control character shown as `\\x1b` / `\\u202e`."""
    return _UNSAFE.sub(_visible, text)


def json_printable(text: str) -> str:
    """JSON text with the control characters json.dumps leaves raw written as `\\u....`
    escapes, so it stays the same JSON and is safe on a terminal."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class SafeConsole(Console):
    """A Rich console that escapes control characters in the text it prints, while the
    styles and cursor moves Rich itself emits (control segments) pass unchanged."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else Segment(printable(segment.text), segment.style)
            for segment in buffer
        )
