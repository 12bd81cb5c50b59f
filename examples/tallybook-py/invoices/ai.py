"""Drafts a polite payment reminder in the user's voice."""

import anthropic
from django.conf import settings

_client = anthropic.Anthropic(api_key=settings.ANTHROPIC_API_KEY)


def draft_reminder(invoice, tone: str = "friendly") -> str:
    client = invoice.client
    prompt = (
        f"Write a {tone} payment reminder (max 120 words) from a freelancer to {client.contact_name or client.name}. "
        f"Invoice {invoice.number} for {invoice.total} {invoice.currency} was due {invoice.due_date}. "
        f"This is reminder number {invoice.reminder_count + 1}. Notes about the client: {client.notes or 'none'}"
    )
    response = _client.messages.create(
        model="claude-3-5-sonnet-20240620",
        max_tokens=400,
        messages=[{"role": "user", "content": prompt}],
    )
    return response.content[0].text
