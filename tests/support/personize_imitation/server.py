"""The HTTP server, routing, authentication, rate limiting and the command-line entry."""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import re
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.support.personize_imitation.common import (
    DEFAULT_KEY,
    PLANS,
    PREFIX,
    ApiError,
    stable_id,
)
from tests.support.personize_imitation.controls import Controls, fault_error, rate_limit_error
from tests.support.personize_imitation.endpoints import ImitationApi
from tests.support.personize_imitation.records import settle
from tests.support.personize_imitation.schemas import seed_collections
from tests.support.personize_imitation.state import (
    Org,
    RecordedRequest,
    Request,
)

Handler = Callable[[Org, Request], Any]


Reply = tuple[int, dict[str, Any], dict[str, str]]


def build_routes(api: ImitationApi) -> list[tuple[str, re.Pattern[str], Handler]]:
    table: list[tuple[str, str, Handler]] = [
        ("GET", "/test", api.test),
        ("GET", "/me", api.me),
        ("GET", "/collections", api.list_collections),
        ("POST", "/collections", api.create_collection),
        ("PATCH", "/collections/{id}", api.update_collection),
        ("DELETE", "/collections/{id}", api.delete_collection),
        ("GET", "/collections/{id}/history", api.collection_history),
        ("GET", "/guidelines", api.list_guidelines),
        ("POST", "/guidelines", api.create_guideline),
        ("PATCH", "/guidelines/{id}", api.update_guideline),
        ("DELETE", "/guidelines/{id}", api.delete_guideline),
        ("POST", "/memorize", api.memorize),
        ("POST", "/memorize_pro", api.memorize),
        ("POST", "/batch-memorize", api.batch_memorize),
        ("GET", "/events/{id}", api.event),
        ("POST", "/smart-recall", api.smart_recall),
        ("POST", "/recall", api.recall),
        ("POST", "/smart-memory-digest", api.smart_digest),
        ("POST", "/search", api.search),
        ("POST", "/export", api.search),
        ("POST", "/ai/smart-guidelines", api.smart_guidelines),
        ("POST", "/prompt", api.prompt),
    ]
    return [
        (
            method,
            re.compile("^" + PREFIX + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path) + "$"),
            handler,
        )
        for method, path, handler in table
    ]


def parse_body(method: str, raw: bytes) -> tuple[dict[str, Any], ApiError | None]:
    if method in ("GET", "DELETE") or not raw.strip():
        return {}, None
    try:
        body = json.loads(raw)
    except ValueError:
        return {}, ApiError(400, "validation_error", "Request body is not valid JSON")
    if not isinstance(body, dict):
        return {}, ApiError(400, "validation_error", "Request body must be a JSON object")
    return body, None


class PersonizeImitation:
    """The imitation server. ``with PersonizeImitation() as server: server.url, server.key``."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        key: str = DEFAULT_KEY,
        plan: str = "pro",
        org_name: str = "Imitation Org",
        seed_collections: bool = True,
    ) -> None:
        self.lock = threading.RLock()
        self.key = key
        self.clock_offset = 0.0
        self._defaults = {"plan": plan, "org_name": org_name, "seed": seed_collections}
        self._address = (host, port)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._orgs: dict[str, Org] = {}
        self.requests: list[RecordedRequest] = []
        self.controls = Controls(self)
        self._routes = build_routes(ImitationApi(self))
        self._request_number = 0
        self._generation = 0  # bumped by reset(): requests from before it are abandoned
        self.reset()

    # ---- lifecycle

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the imitation is not running: call start()")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> PersonizeImitation:
        self._server = _Server(self._address, _Handler)
        self._server.imitation = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="personize-imitation", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self.wake_sleepers()
        self._server.shutdown()
        self._server.server_close()
        self._server = None

    def __enter__(self) -> PersonizeImitation:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset(self, *, seed_collections: bool | None = None) -> None:
        """Forget data, requests, faults and clock changes; recreate the default org.

        ``seed_collections=False`` starts this org empty (no Contact/Company collections); the
        next plain ``reset()`` goes back to the constructor's choice.
        """
        seed = bool(self._defaults["seed"]) if seed_collections is None else seed_collections
        with self.lock:
            self._generation += 1
            self.requests.clear()
            self.controls.restore_defaults()
            self.clock_offset = 0.0
            self._orgs.clear()
            self.add_org(
                self.key,
                plan=str(self._defaults["plan"]),
                org_name=str(self._defaults["org_name"]),
                seed=seed,
            )
        self.wake_sleepers()

    def requests_for(self, path: str, method: str | None = None) -> list[RecordedRequest]:
        """Recorded requests to one path (e.g. ``/api/v1/memorize``), optionally one method."""
        with self.lock:
            return [
                r
                for r in self.requests
                if r.path == path and (method is None or r.method == method)
            ]

    def abandon_waiting(self) -> None:
        """Release requests held by injected delays without serving them (end of a test)."""
        with self.lock:
            self._generation += 1
        self.wake_sleepers()

    def wake_sleepers(self) -> None:
        """End injected delays early (reset, stop) so no handler thread lingers."""
        old, self._wake = self._wake, threading.Event()
        old.set()

    # ---- state used by the endpoints

    def clock(self) -> float:
        return time.time() + self.clock_offset

    def iso_now(self) -> str:
        return (
            datetime.fromtimestamp(self.clock(), UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z")
        )

    def orgs(self) -> list[Org]:
        return list(self._orgs.values())

    def org_for(self, key: str | None) -> Org:
        return self._orgs[key or self.key]

    def add_org(self, key: str, *, plan: str, org_name: str, seed: bool) -> Org:
        org_id = stable_id("org_", key)
        org = Org(
            id=org_id,
            name=org_name,
            plan=plan,
            key_id=stable_id("key_", key),
            user_id=stable_id("usr_", key),
        )
        if seed:
            seed_collections(org, self.iso_now())
        self._orgs[key] = org
        return org

    # ---- request handling

    def handle(self, method: str, target: str, headers: Mapping[str, str], raw: bytes) -> Reply:
        parts = urlsplit(target)
        path, query = parts.path, dict(parse_qsl(parts.query))
        lowered = {k.lower(): v for k, v in headers.items()}
        if path.startswith("/__"):
            return self._handle_control(method, path, raw)
        body, body_error = parse_body(method, raw)
        generation = self._record(method, path, query, lowered, body, body_error, raw)
        self._maybe_delay(path)
        with self.lock:
            if generation != self._generation:
                # A request held by an injected delay must not leak into the next test.
                return 503, ApiError(503, "server_error", "abandoned by a reset").body(), {}
            self._request_number += 1
            request_id = f"req_{self._request_number:06d}"
            endless = self.controls.take("endless_pages", path) if method == "GET" else None
            if endless:
                query = {k: v for k, v in query.items() if k != "nextToken"}  # always page 1
            try:
                data = self._dispatch(method, path, query, lowered, body, body_error, request_id)
            except ApiError as exc:
                return exc.status, exc.body(), {**exc.headers, "X-Request-Id": request_id}
            if endless and isinstance(data, dict):
                data["nextToken"] = f"endless-{self._request_number}"
            headers = {"X-Request-Id": request_id}
            if self.controls.deprecation_headers:
                headers |= {"Deprecation": "true", "Sunset": "Wed, 15 Jul 2026 00:00:00 GMT"}
        self._maybe_delay(path, "delay_after")  # the change is made; the answer comes late
        return 200, {"success": True, "data": data}, headers

    def _dispatch(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: dict[str, str],
        body: dict[str, Any],
        body_error: ApiError | None,
        request_id: str,
    ) -> Any:
        self._settle_due()
        auth_fault = self.controls.take("auth", path)
        if auth_fault:
            raise fault_error(auth_fault, self.org_for(None), request_id)
        org = self._authenticate(headers)
        fault = (
            self.controls.take("rate_limit", path)
            or self.controls.take("server_error", path)
            or self.controls.take("error", path, method)
        )
        if fault:
            raise fault_error(fault, org, request_id)
        if body_error:
            raise body_error
        handler, params = self._route(method, path)
        self._count_call(org)
        return handler(org, Request(method, path, query, body, params, headers))

    def _authenticate(self, headers: Mapping[str, str]) -> Org:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme != "Bearer" or not token.strip():
            raise ApiError(
                401,
                "authentication_error",
                "Missing or malformed Authorization header: send 'Bearer <key>'",
            )
        org = self._orgs.get(token.strip())
        if org is None:
            raise ApiError(401, "authentication_error", "Invalid or revoked API key")
        return org

    def _route(self, method: str, path: str) -> tuple[Handler, dict[str, str]]:
        for route_method, pattern, handler in self._routes:
            match = pattern.match(path)
            if match and route_method == method:
                return handler, {k: _unquote(v) for k, v in match.groupdict().items()}
        raise ApiError(404, "not_found_error", f"No route for {method} {path}")

    def _count_call(self, org: Org) -> None:
        now = self.clock()
        while org.calls and now - org.calls[0] >= 60:
            org.calls.popleft()
        if len(org.calls) >= org.per_minute:
            retry = max(1, math.ceil(60 - (now - org.calls[0])))
            raise rate_limit_error(
                org.per_minute, len(org.calls), "per_minute", retry, "rate_limit_exceeded"
            )
        if org.month_calls >= org.per_month:
            raise rate_limit_error(
                org.per_month, org.month_calls, "per_month", 86_400, "rate_limit_exceeded"
            )
        org.calls.append(now)
        org.month_calls += 1

    def _settle_due(self) -> None:
        now = self.clock()
        for org in self._orgs.values():
            for event in org.events.values():
                if (
                    event.status == "processing"
                    and now - event.accepted_at >= self.controls.batch_delay_seconds
                ):
                    settle(org, event, self.iso_now())

    def _maybe_delay(self, path: str, kind: str = "delay") -> None:
        with self.lock:
            fault = self.controls.take(kind, path)
            wake = self._wake
        if fault:
            wake.wait(fault.seconds)

    def _record(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: dict[str, str],
        body: dict[str, Any],
        body_error: ApiError | None,
        raw: bytes,
    ) -> int:
        """Keep the request for assertions; returns the generation it arrived in."""
        visible = {k: v for k, v in headers.items() if k != "authorization"}
        scheme = headers.get("authorization", "").partition(" ")[0] or None
        seen = raw.decode("utf-8", "replace") if body_error else body
        with self.lock:
            self.requests.append(RecordedRequest(method, path, query, visible, seen, scheme))
            return self._generation

    def _handle_control(self, method: str, path: str, raw: bytes) -> Reply:
        try:
            if method == "GET" and path == "/__requests":
                with self.lock:
                    return 200, {"success": True, "data": [r.as_dict() for r in self.requests]}, {}
            body, error = parse_body(method, raw)
            if error or method != "POST" or path != "/__control":
                raise error or ApiError(
                    404, "not_found_error", "control routes: POST /__control, GET /__requests"
                )
            self.controls.apply(body)
            return 200, {"success": True, "data": {"applied": body.get("action")}}, {}
        except ApiError as exc:
            return exc.status, exc.body(), {}


def _unquote(value: str) -> str:
    return unquote(value)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    imitation: PersonizeImitation


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; avoid 40 ms stalls
    server: _Server

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        status, body, headers = self.server.imitation.handle(
            self.command, self.path, dict(self.headers.items()), raw
        )
        payload = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (e.g. a timeout test); nothing to tell it

    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = _serve

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the per-request access log."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run the Personize API imitation on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--key", default=DEFAULT_KEY)
    parser.add_argument("--plan", choices=sorted(PLANS), default="pro")
    args = parser.parse_args(argv)
    with PersonizeImitation(port=args.port, key=args.key, plan=args.plan) as imitation:
        print(f"Personize imitation at {imitation.url}", flush=True)
        print(f"  export PERSONIZE_BASE_URL={imitation.url}")
        print(f"  export PERSONIZE_SECRET_KEY={imitation.key}")
        print(
            "Control it with POST /__control; list requests with GET /__requests. Ctrl-C stops it.",
            flush=True,
        )
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
