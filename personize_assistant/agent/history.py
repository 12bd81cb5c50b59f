"""Keeping a conversation history one the Messages API accepts, and within a size budget.

The API rejects (400) every later request of a session in which a `tool_use` block has
no `tool_result` in the next message, or a `tool_result` has no `tool_use` before it.
`repair` restores that pairing; the session runs it before saving and when resuming,
so neither a reply cut off inside a tool call nor a file saved by an older version can
poison a session. `compact` shrinks old tool results so each request stays under the
context budget; it changes only result text, never ids or the block structure.
"""

from __future__ import annotations

import json
from typing import Any

Message = dict[str, Any]

NOT_RUN = "not run: {why}"
TRIMMED_KEEP_CHARS = 300
TRIMMED_NOTE = ("\n… [output of an earlier {name} call truncated to keep the request within the context "
                "budget; call {name} again if you need it]")
LATEST_KEEP_CHARS = 2_000
"""Last resort when even the newest results alone exceed the budget."""
LOW_WATER = 0.75
"""Compact down to this share of the budget so the next rounds do not compact again
(each compaction rewrites the cached prefix)."""


def _blocks(message: Message) -> list[dict[str, Any]]:
    content = message["content"]
    return content if isinstance(content, list) else []


def _ids(message: Message | None, block_type: str, key: str) -> list[str]:
    return [block[key] for block in _blocks(message) if block.get("type") == block_type] if message else []


def error_result(call_id: str, text: str) -> dict[str, Any]:
    return {"type": "tool_result", "tool_use_id": call_id, "content": text, "is_error": True}


def repair(history: list[Message], why: str) -> int:
    """Answer every unanswered tool_use with an is_error result and drop orphan results,
    in place; returns how many blocks it added or removed."""
    fixes = _drop_orphan_results(history)
    index = 0
    while index < len(history):
        message = history[index]
        following = history[index + 1] if index + 1 < len(history) else None
        if message["role"] == "assistant":
            answered = set(_ids(following, "tool_result", "tool_use_id"))
            missing = [i for i in _ids(message, "tool_use", "id") if i not in answered]
            if missing:
                _answer(history, index, [error_result(i, NOT_RUN.format(why=why)) for i in missing])
                fixes += len(missing)
        index += 1
    return fixes


def _answer(history: list[Message], index: int, results: list[dict[str, Any]]) -> None:
    """Put `results` first in the user message after `index` (the API wants them first)."""
    following = history[index + 1] if index + 1 < len(history) else None
    if following is None or following["role"] != "user":
        history.insert(index + 1, {"role": "user", "content": results})
        return
    content = following["content"]
    rest = [{"type": "text", "text": content}] if isinstance(content, str) else list(content)
    following["content"] = [*results, *rest]


def _drop_orphan_results(history: list[Message]) -> int:
    dropped = 0
    for index, message in enumerate(history):
        if message["role"] != "user" or not isinstance(message["content"], list):
            continue
        asked = set(_ids(history[index - 1], "tool_use", "id")) if index > 0 else set()
        kept = [b for b in message["content"]
                if b.get("type") != "tool_result" or b.get("tool_use_id") in asked]
        dropped += len(message["content"]) - len(kept)
        message["content"] = kept or [{"type": "text", "text": "(earlier tool results removed)"}]
    return dropped


def size_of(value: Any) -> int:
    """Characters of `value` as JSON: what the request body spends on it."""
    return len(json.dumps(value, ensure_ascii=False))


def compact(history: list[Message], budget_chars: int) -> int:
    """Shrink tool results, oldest first, until the history fits `budget_chars`.

    The newest results (what the model is about to read) are kept whole unless they
    alone break the budget. Returns how many results were shortened."""
    size = size_of(history)
    if size <= budget_chars:
        return 0
    names = {block["id"]: block["name"] for message in history for block in _blocks(message)
             if block.get("type") == "tool_use"}
    results = [block for message in history for block in _blocks(message) if block.get("type") == "tool_result"]
    latest = set(map(id, _blocks(history[-1]))) if history else set()
    older = [b for b in results if id(b) not in latest]
    newest = [b for b in results if id(b) in latest]
    target = int(budget_chars * LOW_WATER)
    trimmed, size = _shrink(older, names, size, target, TRIMMED_KEEP_CHARS)
    if size > budget_chars:
        more, size = _shrink(newest, names, size, budget_chars, LATEST_KEEP_CHARS)
        trimmed += more
    return trimmed


def _shrink(blocks: list[dict[str, Any]], names: dict[str, str], size: int, target: int,
            keep: int) -> tuple[int, int]:
    trimmed = 0
    for block in blocks:
        content = block.get("content")
        if size <= target:
            break
        if not isinstance(content, str) or len(content) <= keep * 2:
            continue
        note = TRIMMED_NOTE.format(name=names.get(block.get("tool_use_id", ""), "the tool"))
        block["content"] = content[:keep].rstrip() + note
        size -= size_of(content) - size_of(block["content"])
        trimmed += 1
    return trimmed, size
