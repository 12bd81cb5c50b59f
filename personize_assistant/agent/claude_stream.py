"""One streamed Messages API reply, read from the raw SSE events.

We accumulate the events ourselves instead of using the SDK's `MessageStream`: its
accumulator parses tool input JSON as it arrives and raises on malformed JSON, which
would drop the whole turn. Here a tool call whose input does not parse (malformed, or
cut off by `max_tokens`) keeps `input = {}` and carries the parse error, so the engine
can answer it with an `is_error` result the model can correct.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, Callable
from dataclasses import dataclass, field
from typing import Any

from personize_assistant.redact import redact

JSON_SNIPPET_CHARS = 200
"""How much of a malformed tool input the model is shown back."""


@dataclass
class ToolCall:
    id: str
    name: str
    input: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    """Why the input could not be used (malformed JSON); the call is then not run."""


@dataclass
class StreamedReply:
    blocks: list[dict[str, Any]] = field(default_factory=list)
    """The assistant content as request params (text and tool_use only); text redacted
    (tool inputs are the model's own words about data it only saw redacted; the store
    redacts them too)."""
    calls: list[ToolCall] = field(default_factory=list)
    stop_reason: str | None = None


@dataclass
class _Reader:
    on_text: Callable[[str], None]
    reply: StreamedReply = field(default_factory=StreamedReply)
    kinds: dict[int, str] = field(default_factory=dict)
    texts: dict[int, list[str]] = field(default_factory=dict)
    tools: dict[int, ToolCall] = field(default_factory=dict)
    json_parts: dict[int, list[str]] = field(default_factory=dict)

    def start(self, index: int, block: Any) -> None:
        self.kinds[index] = block.type
        if block.type == "text":
            self.texts[index] = [block.text] if block.text else []
        elif block.type == "tool_use":
            self.tools[index] = ToolCall(id=block.id, name=block.name)
            self.json_parts[index] = []

    def delta(self, index: int, delta: Any) -> None:
        if delta.type == "text_delta" and index in self.texts:
            self.texts[index].append(delta.text)
            self.on_text(delta.text)
        elif delta.type == "input_json_delta" and index in self.json_parts:
            self.json_parts[index].append(delta.partial_json)

    def stop(self, index: int) -> None:
        if self.kinds.get(index) == "text":
            text = "".join(self.texts[index])
            if text:
                self.reply.blocks.append({"type": "text", "text": redact(text)})
        elif self.kinds.get(index) == "tool_use":
            call = self.tools[index]
            call.input, call.error = parse_input("".join(self.json_parts[index]))
            self.reply.calls.append(call)
            self.reply.blocks.append({"type": "tool_use", "id": call.id, "name": call.name, "input": call.input})
        self.kinds.pop(index, None)

    def finish(self) -> StreamedReply:
        """Blocks still open when the stream ended (cut off) count as ended here."""
        for index in sorted(self.kinds):
            self.stop(index)
        return self.reply


def parse_input(raw: str) -> tuple[dict[str, Any], str | None]:
    """The tool input object, or `{}` and what is wrong with the JSON."""
    if not raw.strip():
        return {}, None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        snippet = redact(raw[:JSON_SNIPPET_CHARS]) + ("…" if len(raw) > JSON_SNIPPET_CHARS else "")
        return {}, f"the input was not valid JSON ({exc.msg} at character {exc.pos}): {snippet}"
    if not isinstance(value, dict):
        return {}, f"the input must be a JSON object, not {type(value).__name__}"
    return value, None


async def read_reply(events: AsyncIterable[Any], on_text: Callable[[str], None]) -> StreamedReply:
    """Accumulate one reply's raw stream events; `on_text` gets each text delta as it arrives."""
    reader = _Reader(on_text)
    async for event in events:
        if event.type == "content_block_start":
            reader.start(event.index, event.content_block)
        elif event.type == "content_block_delta":
            reader.delta(event.index, event.delta)
        elif event.type == "content_block_stop":
            reader.stop(event.index)
        elif event.type == "message_delta":
            reader.reply.stop_reason = event.delta.stop_reason
    return reader.finish()
