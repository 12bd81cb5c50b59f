"""A scripted Anthropic Messages API on 127.0.0.1, for testing the Claude engine for real.

The anthropic SDK talks HTTP through its own client, so tests point it here with
`base_url` instead of patching anything. The server answers `POST /v1/messages` from a
script, one step per request:

    with MessagesAPI([Reply(Text("Let me look."), ToolUse("scan_repo", {})),
                      Reply(Text("Found 3 emails."))]) as api:
        settings = Settings(anthropic_api_key="sk-ant-test-…", anthropic_base_url=api.url)

`Reply` streams as SSE when the request says `stream: true` (message_start,
content_block_start / text_delta / input_json_delta / content_block_stop,
message_delta with the stop reason, message_stop) and is plain JSON otherwise.
`Failure(401)`, `Failure(429, retry_after_ms=1)`, `Failure(529)` answer with an API
error; `Cut(Text("partial"))` sends part of a stream and drops the connection.
Every request is recorded (`api.requests`: headers + JSON body). When the script runs
out the server answers 500 with `x-should-retry: false`, so a test that makes more
calls than it scripted fails loudly.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
                429: "rate_limit_error", 500: "api_error", 529: "overloaded_error"}


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class ToolUse:
    name: str
    input: dict[str, Any]
    id: str | None = None


Block = Text | ToolUse


@dataclass(frozen=True)
class Reply:
    blocks: Sequence[Block]
    stop_reason: str | None = None
    """Defaults to `tool_use` when a ToolUse block is present, else `end_turn`."""

    def __init__(self, *blocks: Block, stop_reason: str | None = None) -> None:
        object.__setattr__(self, "blocks", tuple(blocks))
        object.__setattr__(self, "stop_reason", stop_reason)


@dataclass(frozen=True)
class Failure:
    status: int
    message: str = "scripted failure"
    retry_after_ms: int | None = None


@dataclass(frozen=True)
class Cut:
    """Start streaming `text`, then drop the connection before the message ends."""

    text: str = "partial answ"


Step = Reply | Failure | Cut


@dataclass
class RecordedRequest:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def tool_names(self) -> list[str]:
        return [t["name"] for t in self.body.get("tools", [])]

    def tool_results(self) -> list[dict[str, Any]]:
        """Every tool_result block in the request's messages."""
        return [block for message in self.body.get("messages", []) if isinstance(message["content"], list)
                for block in message["content"] if block.get("type") == "tool_result"]


@dataclass
class _State:
    script: list[Step]
    requests: list[RecordedRequest] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    counter: int = 0

    def next_step(self, request: RecordedRequest) -> tuple[Step | None, int]:
        with self.lock:
            self.requests.append(request)
            self.counter += 1
            return (self.script.pop(0) if self.script else None), self.counter


def _content(step: Reply, number: int) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for index, block in enumerate(step.blocks):
        if isinstance(block, Text):
            blocks.append({"type": "text", "text": block.text})
        else:
            blocks.append({"type": "tool_use", "id": block.id or f"toolu_{number:02d}_{index}",
                           "name": block.name, "input": block.input})
    return blocks


def _stop_reason(step: Reply) -> str:
    if step.stop_reason:
        return step.stop_reason
    return "tool_use" if any(isinstance(b, ToolUse) for b in step.blocks) else "end_turn"


def _message(model: str, number: int, content: list[dict[str, Any]], stop: str | None) -> dict[str, Any]:
    return {"id": f"msg_{number:04d}", "type": "message", "role": "assistant", "model": model,
            "content": content, "stop_reason": stop, "stop_sequence": None,
            "usage": {"input_tokens": 100, "output_tokens": 20, "cache_read_input_tokens": 0,
                      "cache_creation_input_tokens": 0}}


def _chunks(text: str, size: int = 7) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)] or [""]


def sse_events(model: str, number: int, step: Reply) -> list[tuple[str, dict[str, Any]]]:
    """The SSE events of one scripted reply, as the real API orders them."""
    content = _content(step, number)
    events: list[tuple[str, dict[str, Any]]] = [
        ("message_start", {"type": "message_start", "message": _message(model, number, [], None)})]
    for index, block in enumerate(content):
        if block["type"] == "text":
            events.append(("content_block_start", {"type": "content_block_start", "index": index,
                                                   "content_block": {"type": "text", "text": ""}}))
            deltas = [{"type": "text_delta", "text": part} for part in _chunks(block["text"])]
        else:
            start = {**block, "input": {}}
            events.append(("content_block_start", {"type": "content_block_start", "index": index,
                                                   "content_block": start}))
            deltas = [{"type": "input_json_delta", "partial_json": part}
                      for part in _chunks(json.dumps(block["input"]), 5)]
        events += [("content_block_delta", {"type": "content_block_delta", "index": index, "delta": d})
                   for d in deltas]
        events.append(("content_block_stop", {"type": "content_block_stop", "index": index}))
    events.append(("message_delta", {"type": "message_delta",
                                     "delta": {"stop_reason": _stop_reason(step), "stop_sequence": None},
                                     "usage": {"output_tokens": 20}}))
    events.append(("message_stop", {"type": "message_stop"}))
    return events


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        request = RecordedRequest(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        step, number = self.server.state.next_step(request)
        if self.path.split("?")[0] != "/v1/messages":
            self._error(404, "not found", retry=False)
        elif step is None:
            self._error(500, "the script has no more steps", retry=False)
        elif isinstance(step, Failure):
            self._error(step.status, step.message, retry_after_ms=step.retry_after_ms)
        elif isinstance(step, Cut):
            self._cut(body.get("model", "claude"), number, step)
        elif body.get("stream"):
            self._stream(sse_events(body.get("model", "claude"), number, step))
        else:
            self._json(200, _message(body.get("model", "claude"), number, _content(step, number), _stop_reason(step)))

    def _json(self, status: int, data: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(raw)))
        self.send_header("request-id", "req_scripted")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)

    def _error(self, status: int, message: str, *, retry: bool | None = None,
               retry_after_ms: int | None = None) -> None:
        headers: dict[str, str] = {}
        if retry is not None:
            headers["x-should-retry"] = "true" if retry else "false"
        if retry_after_ms is not None:
            headers["retry-after-ms"] = str(retry_after_ms)
            headers["retry-after"] = str(max(1, retry_after_ms // 1000))
        error = {"type": _ERROR_TYPES.get(status, "api_error"), "message": message}
        self._json(status, {"type": "error", "error": error}, headers)

    def _start_stream(self) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("transfer-encoding", "chunked")
        self.send_header("request-id", "req_scripted")
        self.end_headers()

    def _send_event(self, name: str, data: dict[str, Any]) -> None:
        payload = f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()
        self.wfile.write(f"{len(payload):x}\r\n".encode() + payload + b"\r\n")
        self.wfile.flush()

    def _stream(self, events: list[tuple[str, dict[str, Any]]]) -> None:
        self._start_stream()
        for name, data in events:
            self._send_event(name, data)
        self.wfile.write(b"0\r\n\r\n")

    def _cut(self, model: str, number: int, step: Cut) -> None:
        self._start_stream()
        for name, data in sse_events(model, number, Reply(Text(step.text)))[:3]:
            self._send_event(name, data)
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: _State

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a Cut drops connections on purpose; no tracebacks in the test output


class MessagesAPI:
    """The scripted server; a context manager that runs it in a background thread."""

    def __init__(self, script: Sequence[Step] = ()) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = _State(list(script))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def requests(self) -> list[RecordedRequest]:
        return list(self._server.state.requests)

    @property
    def remaining(self) -> int:
        return len(self._server.state.script)

    def extend(self, steps: Sequence[Step]) -> None:
        with self._server.state.lock:
            self._server.state.script.extend(steps)

    def __enter__(self) -> MessagesAPI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
