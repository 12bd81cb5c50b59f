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
error in the API's own shape (`{"type": "error", "error": {"type", "message"},
"request_id"}`); `Cut(Text("partial"))` sends part of a stream and drops the connection.
`ToolUse(name, raw='{"path": "src/ap')` streams that text as the tool input verbatim
(malformed or cut-off JSON, as a model can produce).

Like the real API, every request is validated before the script is consulted
(`validate_request`): each `tool_use` needs its `tool_result` in the next message and
each `tool_result` its `tool_use` in the previous one, tool inputs are objects, no
message is empty, and a final assistant message may not end with whitespace. A bad
request gets the API's 400 and does not use up a step; `api.rejected` lists them.
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
                404: "not_found_error", 413: "request_too_large", 429: "rate_limit_error",
                500: "api_error", 529: "overloaded_error"}


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class ToolUse:
    name: str
    input: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    raw: str | None = None
    """Stream this text as the input JSON instead of `input` (to send malformed JSON)."""


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


def _blocks(message: dict[str, Any]) -> list[dict[str, Any]]:
    content = message.get("content")
    return [b for b in content if isinstance(b, dict)] if isinstance(content, list) else []


def _ids(message: dict[str, Any] | None, block_type: str, key: str) -> list[str]:
    return [str(b.get(key)) for b in _blocks(message or {}) if b.get("type") == block_type]


def _pairing_problem(messages: list[dict[str, Any]], n: int) -> str | None:
    """The API's tool pairing rules, with its own wording."""
    message = messages[n]
    following = messages[n + 1] if n + 1 < len(messages) else None
    if message.get("role") == "assistant":
        answered = set(_ids(following, "tool_result", "tool_use_id")) if following else set()
        missing = [i for i in _ids(message, "tool_use", "id") if i not in answered]
        if missing:
            return (f"messages.{n}: `tool_use` ids were found without `tool_result` blocks immediately "
                    f"after: {', '.join(missing)}. Each `tool_use` block must have a corresponding "
                    "`tool_result` block in the next message.")
    else:
        asked = set(_ids(messages[n - 1], "tool_use", "id")) if n > 0 else set()
        orphans = [i for i in _ids(message, "tool_result", "tool_use_id") if i not in asked]
        if orphans:
            return (f"messages.{n}: unexpected `tool_use_id` found in `tool_result` blocks: "
                    f"{', '.join(orphans)}. Each `tool_result` block must have a corresponding `tool_use` "
                    "block in the previous message.")
    return None


def _block_problem(messages: list[dict[str, Any]], n: int) -> str | None:
    message = messages[n]
    content = message.get("content")
    final_assistant = n == len(messages) - 1 and message.get("role") == "assistant"
    if not content and not final_assistant:
        return f"messages.{n}: all messages must have non-empty content except for the optional final assistant message"
    for k, block in enumerate(_blocks(message)):
        if block.get("type") == "tool_use" and not isinstance(block.get("input"), dict):
            return f"messages.{n}.content.{k}.tool_use.input: Input should be a valid dictionary"
        if block.get("type") == "text" and not block.get("text"):
            return f"messages.{n}.content.{k}.text: text content blocks must be non-empty"
    last = content if isinstance(content, str) else next(
        (b.get("text") for b in reversed(_blocks(message)) if b.get("type") == "text"), None)
    if final_assistant and isinstance(last, str) and last != last.rstrip():
        return "messages: final assistant content cannot end with trailing whitespace"
    return None


def validate_request(body: dict[str, Any]) -> str | None:
    """What the real Messages API would reject this request for (its 400 message), if anything."""
    if not body.get("model") or not isinstance(body.get("max_tokens"), int):
        return "model: Field required" if not body.get("model") else "max_tokens: Field required"
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "messages: at least one message is required"
    for n, message in enumerate(messages):
        if message.get("role") not in ("user", "assistant"):
            return f"messages.{n}.role: Input should be 'user' or 'assistant'"
        problem = _block_problem(messages, n) or _pairing_problem(messages, n)
        if problem:
            return problem
    return None


@dataclass
class _State:
    script: list[Step]
    requests: list[RecordedRequest] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    counter: int = 0

    def next_step(self, request: RecordedRequest) -> tuple[Step | str | None, int]:
        """The scripted step, or the validation error the request is rejected with."""
        with self.lock:
            self.requests.append(request)
            self.counter += 1
            if request.path.split("?")[0] == "/v1/messages":
                problem = validate_request(request.body)
                if problem is not None:
                    self.rejected.append(problem)
                    return problem, self.counter
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


def _raw_inputs(step: Reply) -> dict[int, str]:
    return {i: b.raw for i, b in enumerate(step.blocks) if isinstance(b, ToolUse) and b.raw is not None}


def _chunks(text: str, size: int = 7) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)] or [""]


def sse_events(model: str, number: int, step: Reply) -> list[tuple[str, dict[str, Any]]]:
    """The SSE events of one scripted reply, as the real API orders them."""
    content = _content(step, number)
    events: list[tuple[str, dict[str, Any]]] = [
        ("message_start", {"type": "message_start", "message": _message(model, number, [], None)}),
        ("ping", {"type": "ping"})]
    for index, block in enumerate(content):
        if block["type"] == "text":
            events.append(("content_block_start", {"type": "content_block_start", "index": index,
                                                   "content_block": {"type": "text", "text": ""}}))
            deltas = [{"type": "text_delta", "text": part} for part in _chunks(block["text"])]
        else:
            start = {**block, "input": {}}
            events.append(("content_block_start", {"type": "content_block_start", "index": index,
                                                   "content_block": start}))
            raw = _raw_inputs(step).get(index) or json.dumps(block["input"])
            deltas = [{"type": "input_json_delta", "partial_json": part} for part in _chunks(raw, 5)]
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
        elif isinstance(step, str):
            self._error(400, step, retry=False)
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
        self._json(status, {"type": "error", "error": error, "request_id": "req_scripted"}, headers)

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
        for name, data in sse_events(model, number, Reply(Text(step.text)))[:4]:  # through a text delta
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
    def rejected(self) -> list[str]:
        """The 400 messages of requests the API's validation refused."""
        return list(self._server.state.rejected)

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
