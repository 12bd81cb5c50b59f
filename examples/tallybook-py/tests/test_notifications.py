from django.core import mail

from notifications.dispatch import notify
from notifications.email import send_templated_email


def test_templated_email_uses_first_line_as_subject(owner, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_templated_email("welcome", to=owner.email, context={"user": owner, "account": owner.accounts.first()})
    assert mail.outbox[0].subject.startswith("Welcome to Tallybook")


def test_notify_skips_channels_the_user_lacks(owner, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notify(owner, "hello", channels=("email", "sms")) == ["email"]
