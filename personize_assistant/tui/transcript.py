"""What the conversation shows before the first turn: a resumed session's transcript, or
a short welcome followed, once the scan is in, by what it found."""

from __future__ import annotations

from collections import Counter
from typing import Any

from personize_assistant.scan.models import RepoScan, Touchpoint

_HTTP_VERBS = {"GET", "POST", "PUT", "PATCH", "DELETE"}

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
    """The first thing a new user reads: what the scan found and where to start."""
    languages = ", ".join(scan.stack.languages) or "no recognised source files"
    frameworks = f"; {', '.join(scan.stack.frameworks)}" if scan.stack.frameworks else ""
    head = (f"I scanned **{repo_name}**: {len(scan.touchpoints)} touchpoints in "
            f"{scan.stats.files_seen} files ({languages}{frameworks}).")
    counts = Counter(t.kind for t in scan.touchpoints)
    lines = [f"- {kind.value.replace('_', ' ')}: {count}, e.g. {_example(scan, kind.value)}"
             for kind, count in counts.most_common(limit)]
    if not lines:
        return f"{head}\n\nNothing here sends, tracks or models users yet; ask **help** for what I can do."
    return "\n\n".join([head, "\n".join(lines),
                         "Type **propose** to see where personalization pays off here, best first."])


def _example(scan: RepoScan, kind: str) -> str:
    # A named function (`sendWeeklyDigest`) says more than a route handler's `GET`.
    tp = min((t for t in scan.touchpoints if t.kind.value == kind), key=lambda t: not _named(t))
    if _named(tp):
        return f"`{tp.symbol}` ({tp.location()})"
    verb = (tp.symbol or "").split(" ")[0]
    return f"the `{verb}` handler at {tp.location()}" if verb else tp.location()


def _named(tp: Touchpoint) -> bool:
    return bool(tp.symbol) and (tp.symbol or "").split(" ")[0] not in _HTTP_VERBS
