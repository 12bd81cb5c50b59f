from django.utils import timezone

from notifications.analytics import track
from notifications.email import send_templated_email

from .models import Invoice
from .pdf import render_invoice_pdf


def send_invoice(invoice: Invoice, sender) -> None:
    """Email the invoice PDF to the client and mark it sent."""
    pdf = render_invoice_pdf(invoice)
    send_templated_email(
        "invoice",
        to=invoice.client.email,
        context={"invoice": invoice, "account": invoice.account},
        reply_to=sender.email,
        attachments=[(f"{invoice.number}.pdf", pdf, "application/pdf")],
    )
    invoice.status = Invoice.Status.SENT
    invoice.sent_at = timezone.now()
    invoice.save(update_fields=["status", "sent_at"])
    track(sender, "Invoice Sent", amount=float(invoice.total), currency=invoice.currency)


def send_payment_reminder(invoice: Invoice, body: str) -> None:
    send_templated_email(
        "reminder",
        to=invoice.client.email,
        context={"invoice": invoice, "body": body},
    )
    invoice.reminder_count += 1
    invoice.save(update_fields=["reminder_count"])
