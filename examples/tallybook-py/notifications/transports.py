"""Low-level senders for the non-email channels."""

import firebase_admin
import requests
from django.conf import settings
from firebase_admin import credentials, messaging
from twilio.rest import Client as TwilioClient

_twilio: TwilioClient | None = None


def _twilio_client() -> TwilioClient:
    global _twilio
    if _twilio is None:
        _twilio = TwilioClient(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)
    return _twilio


def _firebase_app():
    # initialize_app raises if called twice, and Celery workers import this module per task.
    if not firebase_admin._apps:
        firebase_admin.initialize_app(credentials.Certificate(settings.FIREBASE_CREDENTIALS))


def post_to_slack(text: str, webhook_url: str | None = None) -> None:
    url = webhook_url or settings.SLACK_WEBHOOK_URL
    if not url:
        return
    response = requests.post(url, json={"text": text}, timeout=5)
    response.raise_for_status()


def send_sms(to: str, body: str) -> str:
    message = _twilio_client().messages.create(to=to, from_=settings.TWILIO_FROM_NUMBER, body=body[:320])
    return message.sid


def send_push(token: str, title: str, body: str, data: dict | None = None) -> str:
    _firebase_app()
    message = messaging.Message(
        token=token,
        notification=messaging.Notification(title=title, body=body),
        data={k: str(v) for k, v in (data or {}).items()},
    )
    return messaging.send(message)
