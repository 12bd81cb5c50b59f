from django.template import Context, Template

REMINDER_PREVIEW = Template(
    "Hi {{ client.contact_name|default:'there' }}, a friendly reminder that invoice "
    "{{ invoice.number }} for {{ invoice.total }} {{ invoice.currency }} was due on {{ invoice.due_date }}."
)


def send_reminder_preview(invoice) -> str:
    """Shown in the 'preview reminder' modal. Renders only; nothing is sent."""
    return REMINDER_PREVIEW.render(Context({"invoice": invoice, "client": invoice.client}))
