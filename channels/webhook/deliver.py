"""Deliver generated content to any HTTPS endpoint as a signed JSON webhook, with retries,
and record the delivery in Personize memory.

Signature scheme (the webhook-receiver recipe verifies exactly this):
    X-Timestamp: <unix seconds>
    X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret>
    Idempotency-Key: <stable id of this delivery>, identical on every retry
"""

import hashlib
import hmac
import json
import os
import random
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

import httpx
from personize_client import Personize

MAX_ATTEMPTS = 5
LOCAL_OR_HTTPS = re.compile(r"^https://|^http://(localhost|127\.0\.0\.1)[:/]")


@dataclass
class WebhookDelivery:
    url: str
    payload: dict[str, Any]  # e.g. {"email", "channel", "subject", "body"}
    campaign: str
    email: str  # the contact the payload is about: the delivery is remembered on them
    delivery_id: str = field(default_factory=lambda: str(uuid.uuid4()))  # stable across retries


@dataclass
class DeliveryResult:
    provider: str
    status: int
    attempts: int
    delivery_id: str


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def retryable(status: int) -> bool:
    """408, 429 and 5xx are worth retrying; other 4xx mean the request itself is wrong."""
    return status in (408, 429) or status >= 500


def _retry_after(response: httpx.Response) -> float | None:
    try:
        value = float(response.headers.get("Retry-After", ""))
    except ValueError:
        return None
    return min(value, 300.0) if value > 0 else None


def deliver_webhook(d: WebhookDelivery, http: httpx.Client | None = None,
                    sleep: Callable[[float], None] = time.sleep) -> DeliveryResult:
    secret = os.environ.get("WEBHOOK_SIGNING_SECRET")
    if not secret:
        raise ValueError("set WEBHOOK_SIGNING_SECRET (shared with the receiver)")
    if not LOCAL_OR_HTTPS.match(d.url):
        raise ValueError("webhook URLs must be https (plain http only to localhost)")
    body = json.dumps({"id": d.delivery_id, **d.payload}).encode()
    post = http.post if http else httpx.post
    last_error = ""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        timestamp = str(int(time.time()))  # fresh per attempt: receivers reject stale ones
        headers = {"Content-Type": "application/json", "X-Timestamp": timestamp,
                   "X-Signature": signature(secret, timestamp, body),
                   "Idempotency-Key": d.delivery_id}
        wait = 2 ** (attempt - 1) + random.random() / 4  # 1, 2, 4, 8 s + jitter
        try:
            response = post(d.url, content=body, headers=headers, timeout=10)
            if response.is_success:
                return DeliveryResult("webhook", response.status_code, attempt, d.delivery_id)
            last_error = f"HTTP {response.status_code}"
            if not retryable(response.status_code):
                break
            wait = _retry_after(response) or wait
        except httpx.TransportError as error:  # network error or timeout
            last_error = str(error) or type(error).__name__
        if attempt < MAX_ATTEMPTS:
            sleep(wait)
    raise ValueError(f"webhook delivery {d.delivery_id} failed: {last_error}")


def record_delivery(client: Personize, d: WebhookDelivery, result: DeliveryResult) -> None:
    client.memory.memorize(
        email=d.email,
        content=f"[WEBHOOK DELIVERED] {datetime.now(UTC).isoformat()} campaign {d.campaign}, "
        f"delivery {result.delivery_id} to {urlparse(d.url).netloc} (HTTP {result.status})."
        f"\n\n{json.dumps(d.payload)}",
        speaker="delivery",
        enhanced=True,
        tags=["delivery", "channel:webhook", "provider:webhook", f"campaign:{d.campaign}"],
    )
