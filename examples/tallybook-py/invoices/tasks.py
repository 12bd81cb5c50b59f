from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from accounts.models import User
from notifications.dispatch import notify

from .ai import draft_reminder
from .models import Invoice
from .services import send_invoice, send_payment_reminder


@shared_task
def send_overdue_reminders():
    """Daily at 09:30 via beat. At most three reminders, a week apart."""
    today = timezone.localdate()
    overdue = Invoice.objects.filter(
        status__in=[Invoice.Status.SENT, Invoice.Status.OVERDUE], due_date__lt=today, reminder_count__lt=3
    ).select_related("client", "account")
    for invoice in overdue:
        invoice.status = Invoice.Status.OVERDUE
        invoice.save(update_fields=["status"])
        body = draft_reminder(invoice, tone="firm" if invoice.reminder_count >= 1 else "friendly")
        send_payment_reminder(invoice, body)
        owner = invoice.account.members.filter(membership__is_owner=True).first()
        if owner:
            notify(owner, f"Reminder sent to {invoice.client.name} for invoice {invoice.number}.", channels=("push",))


@shared_task
def issue_recurring_invoices():
    """Daily at 06:00: copies last month's recurring invoices into new drafts and sends them."""
    today = timezone.localdate()
    for template in Invoice.objects.filter(is_recurring=True, issue_date__day=today.day):
        items = list(template.items.all())
        template.pk = None
        template.number = f"{template.number.rsplit('-', 1)[0]}-{today:%Y%m}"
        template.issue_date = today
        template.due_date = today + timedelta(days=template.client.payment_terms_days)
        template.status = Invoice.Status.DRAFT
        template.save()
        for item in items:
            item.pk = None
            item.invoice = template
            item.save()
        owner = template.account.members.filter(membership__is_owner=True).first()
        send_invoice(template, owner)


@shared_task
def send_invoice_async(invoice_id: int, user_id: int):
    """Queued from the 'Send' button so the request returns fast. Not on a schedule."""
    send_invoice(Invoice.objects.get(pk=invoice_id), User.objects.get(pk=user_id))
