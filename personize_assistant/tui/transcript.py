"""What the conversation shows before the first turn: a resumed session's transcript, or
a short welcome."""

from __future__ import annotations

from typing import Any

WELCOME = (
    "Ask for **propose** (where personalization fits), **schema**, **plan**, "
    "**wire** / **generate** a touchpoint (pick one on the left: `w` / `g`), or **review**. "
    "`ctrl+p` lists every action."
)


def transcript(history: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(role, text) for the text blocks of stored messages; tool calls and results are skipped."""
    lines: list[tuple[str, str]] = []
    for message in history:
        content = message.get("content")
        blocks = [{"type": "text", "text": content}] if isinstance(content, str) else content or []
        texts = [b.get("text", "") for b in blocks if isinstance(b, dict) and b.get("type") == "text"]
        text = "\n\n".join(t for t in texts if t.strip())
        if text:
            lines.append((str(message.get("role", "assistant")), text))
    return lines
