from datetime import date, timedelta
from unittest import mock

from django.core.mail import send_mail

from invoices.models import Invoice
from invoices.tasks import send_overdue_reminders


def test_overdue_invoice_gets_reminder(client_record, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    invoice = Invoice.objects.create(
        account=client_record.account,
        client=client_record,
        number="INV-001",
        status=Invoice.Status.SENT,
        issue_date=date.today() - timedelta(days=40),
        due_date=date.today() - timedelta(days=10),
    )
    with mock.patch("invoices.tasks.draft_reminder", return_value="please pay"):
        send_overdue_reminders()
    invoice.refresh_from_db()
    assert invoice.status == Invoice.Status.OVERDUE
    assert invoice.reminder_count == 1


def test_smtp_settings_work(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_mail("ping", "pong", "a@b.test", ["c@d.test"]) == 1
