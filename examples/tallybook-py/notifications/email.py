"""All customer-facing email goes through `send_templated_email`.

Templates live in templates/emails/<name>.txt and <name>.html; the first line of the
.txt file is the subject.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def _render(name: str, context: dict) -> tuple[str, str, str]:
    text = render_to_string(f"emails/{name}.txt", context)
    html = render_to_string(f"emails/{name}.html", context)
    subject, _, body = text.partition("\n")
    return subject.strip(), body.lstrip(), html


def send_templated_email(name: str, *, to: str, context: dict, reply_to: str | None = None, attachments=()) -> bool:
    subject, body, html = _render(name, context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[reply_to] if reply_to else None,
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    sent = message.send(fail_silently=False)
    logger.info("email %s sent to %s", name, to)
    return sent == 1
