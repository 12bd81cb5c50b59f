"""One entry point for telling a user something, on whichever channels they allow."""

import logging
from collections.abc import Iterable

from .email import send_templated_email
from .transports import post_to_slack, send_push, send_sms

logger = logging.getLogger(__name__)


def notify(user, message: str, *, channels: Iterable[str] = ("email",), subject: str = "Tallybook") -> list[str]:
    delivered: list[str] = []
    for channel in channels:
        try:
            if channel == "email":
                send_templated_email("generic", to=user.email, context={"user": user, "subject": subject, "message": message})
            elif channel == "sms" and user.phone:
                send_sms(user.phone, message)
            elif channel == "push" and user.fcm_token:
                send_push(user.fcm_token, subject, message)
            elif channel == "slack":
                post_to_slack(f"{user.email}: {message}")
            else:
                continue
            delivered.append(channel)
        except Exception:  # one broken channel must not stop the others
            logger.exception("notify via %s failed for user %s", channel, user.pk)
    return delivered


def notify_deprecated_setting(name: str, replacement: str) -> None:
    """Startup check helper: logs a warning for ops; it does not contact anyone."""
    logger.warning("setting %s is deprecated; use %s", name, replacement)
