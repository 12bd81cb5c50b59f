from io import BytesIO

from django.template.loader import render_to_string


def render_invoice_pdf(invoice) -> bytes:
    """HTML-to-PDF through WeasyPrint, imported lazily because it pulls in cairo."""
    from weasyprint import HTML

    html = render_to_string("invoices/pdf.html", {"invoice": invoice})
    buffer = BytesIO()
    HTML(string=html).write_pdf(buffer)
    return buffer.getvalue()
