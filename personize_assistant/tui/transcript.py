"""What the conversation shows before the first turn: a resumed session's transcript, or
a short welcome followed, once the scan is in, by what it found."""

from __future__ import annotations

from typing import Any

from personize_assistant.agent.offline_text import highlights, scan_headline
from personize_assistant.scan.models import RepoScan

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


def scan_summary(scan: RepoScan, repo_name: str, limit: int = 4) -> str:
    """The first thing a new user reads: what the scan found and where to start (the same
    headline and examples the offline engine's greeting uses)."""
    head = scan_headline(scan, repo_name)
    lines = highlights(scan, limit)
    if not lines:
        return f"{head}\n\nNothing here sends, tracks or models users yet; ask **help** for what I can do."
    return "\n\n".join([head, "\n".join(lines),
                         "Type **propose** to see where personalization pays off here, best first."])


