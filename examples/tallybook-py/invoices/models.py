from decimal import Decimal

from django.db import models

from accounts.models import Account


class Client(models.Model):
    """Someone our user bills: a company or an individual."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="clients")
    name = models.CharField(max_length=200)
    contact_name = models.CharField(max_length=120, blank=True)
    email = models.EmailField()
    phone = models.CharField(max_length=32, blank=True)
    company_size = models.PositiveIntegerField(null=True, blank=True)
    industry = models.CharField(max_length=80, blank=True)
    payment_terms_days = models.PositiveSmallIntegerField(default=30)
    notes = models.TextField(blank=True, help_text="Private notes: how they like to be contacted, quirks, history")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Invoice(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENT = "sent", "Sent"
        PAID = "paid", "Paid"
        OVERDUE = "overdue", "Overdue"
        VOID = "void", "Void"

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="invoices")
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="invoices")
    number = models.CharField(max_length=32)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    currency = models.CharField(max_length=3, default="USD")
    issue_date = models.DateField()
    due_date = models.DateField()
    notes = models.TextField(blank=True, help_text="Shown on the invoice, e.g. thanks or bank details")
    sent_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(default=0)
    is_recurring = models.BooleanField(default=False)

    class Meta:
        unique_together = ("account", "number")

    @property
    def total(self) -> Decimal:
        return sum((item.amount for item in self.items.all()), Decimal("0"))


class LineItem(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="items")
    description = models.CharField(max_length=300)
    quantity = models.DecimalField(max_digits=8, decimal_places=2, default=1)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)

    @property
    def amount(self) -> Decimal:
        return self.quantity * self.unit_price


class Expense(models.Model):
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="expenses")
    category = models.CharField(max_length=60)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    spent_on = models.DateField()
    receipt = models.FileField(upload_to="receipts/%Y/%m/", blank=True)
    memo = models.TextField(blank=True)
