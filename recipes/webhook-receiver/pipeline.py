"""Receive signed events from another system, remember them, and trigger follow-up work.

    WEBHOOK_SECRET=... PORT=8787 python pipeline.py
    POST /events  headers: X-Timestamp: <unix seconds>,
                           X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">
                  body: {"id": "evt_1", "email": "ana@acme.com", "event": "renewal_due", "data": {}}

1. verify the HMAC signature and the timestamp (5 min window) -> 401 otherwise
2. drop duplicates by event id (senders retry)                -> 200 "duplicate"
3. memorize the event on the contact                         -> 503 + Retry-After if memory is down
4. answer 202, then run the follow-up for TRIGGER_EVENTS in a background thread
"""

import hashlib
import hmac
import json
import logging
import os
import sys
import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from personize_client import Personize, PersonizeError

MAX_BODY_BYTES = 1_000_000
TOLERANCE_SECONDS = 300
DEFAULT_TRIGGERS = "deal_closed,renewal_due,churn_risk"
log = logging.getLogger("webhook")


def sign(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def verify(secret: str, timestamp: str | None, signature: str | None, body: bytes,
           now: float | None = None) -> bool:
    if not timestamp or not signature or not timestamp.isdigit():
        return False
    if abs((now if now is not None else time.time()) - int(timestamp)) > TOLERANCE_SECONDS:
        return False  # replay guard
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def parse_event(body: bytes) -> dict[str, Any] | None:
    try:
        event = json.loads(body)
    except ValueError:
        return None
    if isinstance(event, dict) and isinstance(event.get("email"), str) \
            and isinstance(event.get("event"), str):
        return event
    return None


class RecentIds:
    """A bounded memory of recent event ids, so sender retries are not memorized twice."""

    def __init__(self, capacity: int = 5000) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._capacity = capacity
        self._lock = threading.Lock()

    def seen(self, event_id: str | None) -> bool:
        if not event_id:
            return False
        with self._lock:
            if event_id in self._ids:
                return True
            self._ids[event_id] = None
            if len(self._ids) > self._capacity:
                self._ids.popitem(last=False)
            return False


def trigger_pipeline(client: Personize, event: dict[str, Any]) -> None:
    """Follow-up for events that need one: suggest the next action, hand it to your pipeline."""
    try:
        digest = client.memory.smart_digest(email=event["email"], type="Contact",
                                            token_budget=1500)
        result = client.ai.prompt(
            context=(digest or {}).get("compiledContext") or "",
            prompt=f'Event "{event["event"]}" just happened for this contact (data: '
            f'{json.dumps(event.get("data") or {})}). In at most 60 words, what should our team '
            "do next and why? Use only facts from the context.",
        )
        suggestion = {"email": event["email"], "event": event["event"],
                      "nextStep": str(result.get("text") or "")}
        target = os.environ.get("PIPELINE_WEBHOOK_URL")
        if not target:
            log.info("next step for %s: %s", event["email"], suggestion["nextStep"])
            return
        httpx.post(target, json=suggestion, timeout=10).raise_for_status()
    except (PersonizeError, httpx.HTTPError) as error:
        log.warning("pipeline failed for %s: %s", event["email"], error)


class Receiver(ThreadingHTTPServer):
    """The HTTP server plus what its handlers share."""

    def __init__(self, address: tuple[str, int], client: Personize, secret: str,
                 triggers: set[str]) -> None:
        super().__init__(address, EventHandler)
        self.client, self.secret, self.triggers = client, secret, triggers
        self.recent = RecentIds()


class EventHandler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:  # noqa: N802 - name fixed by BaseHTTPRequestHandler
        if self.path != "/events":
            return self._reply(404, {"error": "not found"})
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            return self._reply(413, {"error": "body too large"})
        body = self.rfile.read(length)
        if not verify(self.server.secret, self.headers.get("X-Timestamp"),
                      self.headers.get("X-Signature"), body):
            return self._reply(401, {"error": "bad signature"})
        event = parse_event(body)
        if event is None:
            return self._reply(400, {"error": 'expected JSON with "email" and "event"'})
        if self.server.recent.seen(event.get("id")):
            return self._reply(200, {"status": "duplicate"})
        try:
            self.server.client.memory.memorize(
                email=event["email"],
                content=f"[EVENT {event['event']}] {datetime.now(UTC).isoformat()}. "
                f"{json.dumps(event.get('data') or {})}",
                speaker="webhook", enhanced=True,
                tags=["webhook", f"event:{event['event']}", "source:webhook"],
            )
        except PersonizeError as error:
            log.warning("memorize failed for %s: %s", event["email"], error)
            return self._reply(503, {"error": "memory unavailable, retry later"},
                               {"Retry-After": "60"})
        self._reply(202, {"status": "accepted"})
        if event["event"] in self.server.triggers:
            threading.Thread(target=trigger_pipeline, args=(self.server.client, event),
                             daemon=True).start()

    def _reply(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
               ) -> None:
        payload = json.dumps(body).encode()
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        log.info("%s %s", self.address_string(), format % args)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="[%(name)s] %(message)s")
    secret = os.environ.get("WEBHOOK_SECRET")
    if not os.environ.get("PERSONIZE_SECRET_KEY") or not secret:
        log.error("set PERSONIZE_SECRET_KEY and WEBHOOK_SECRET")
        return 1
    raw = os.environ.get("TRIGGER_EVENTS", DEFAULT_TRIGGERS)
    triggers = {t.strip() for t in raw.split(",") if t.strip()}
    port = int(os.environ.get("PORT", "8787"))
    with Personize() as client, Receiver(("0.0.0.0", port), client, secret, triggers) as server:
        log.info("listening on :%d/events; triggers: %s", port, ", ".join(sorted(triggers)))
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            log.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
