"""Send a generated SMS through Twilio's REST API and record it in Personize memory.

Needs httpx and personize_client.py (the project's standalone client).
"""

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from personize_client import Personize

MESSAGES_URL = "https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json"
E164 = re.compile(r"^\+[1-9]\d{1,14}$")
GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
)


@dataclass
class SmsMessage:
    to: str  # E.164, e.g. +14155550123
    body: str  # plain text, one segment: at most 160 GSM-7 characters
    campaign: str
    email: str  # phone numbers are not memory identifiers: remember the delivery on this email


@dataclass
class DeliveryResult:
    provider: str
    sid: str
    status: str


def check_sms(m: SmsMessage) -> list[str]:
    problems = []
    if not E164.match(m.to):
        problems.append("recipient must be an E.164 number (+ and country code)")
    if not m.body.strip():
        problems.append("body is empty")
    if re.search(r"</?[a-z][^>]*>", m.body, re.I):
        problems.append("SMS is plain text: no HTML")
    # Outside GSM-7 the message is sent as UCS-2, where one segment holds only 70 characters.
    limit = 160 if set(m.body) <= GSM7 else 70
    if len(m.body) > limit:
        problems.append(f"{len(m.body)} characters (one segment holds {limit})")
    return problems


def send_sms(m: SmsMessage, http: httpx.Client | None = None) -> DeliveryResult:
    sid, token = os.environ.get("TWILIO_ACCOUNT_SID"), os.environ.get("TWILIO_AUTH_TOKEN")
    sender = os.environ.get("TWILIO_FROM_NUMBER")
    service = os.environ.get("TWILIO_MESSAGING_SERVICE_SID")
    if not sid or not token or not (sender or service):
        raise ValueError("set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER "
                         "(or TWILIO_MESSAGING_SERVICE_SID)")
    problems = check_sms(m)
    if problems:
        raise ValueError("not sent: " + "; ".join(problems))
    form = {"To": m.to, "Body": m.body}
    form.update({"MessagingServiceSid": service} if service else {"From": sender or ""})
    if callback := os.environ.get("TWILIO_STATUS_CALLBACK_URL"):
        form["StatusCallback"] = callback
    post = http.post if http else httpx.post  # pass a Client to reuse connections
    response = post(MESSAGES_URL.format(sid=sid), data=form, auth=(sid, token), timeout=15)
    body = response.json()
    if response.status_code >= 400:  # 201 Created on success
        raise ValueError(f"Twilio error {body.get('code')}: {body.get('message')}")
    return DeliveryResult("twilio", str(body["sid"]), str(body.get("status", "queued")))


def record_delivery(client: Personize, m: SmsMessage, result: DeliveryResult) -> None:
    client.memory.memorize(
        email=m.email,
        content=f"[SMS SENT via Twilio] {datetime.now(UTC).isoformat()} campaign {m.campaign}, "
        f"message {result.sid} ({result.status}).\n\n{m.body}",
        speaker="delivery",
        enhanced=True,
        tags=["delivery", "channel:sms", "provider:twilio", f"campaign:{m.campaign}"],
    )
