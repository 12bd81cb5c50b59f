from django.db import models

from accounts.models import Account


class Plan(models.TextChoices):
    FREE = "free", "Free"
    SOLO = "solo", "Solo"
    PRO = "pro", "Pro"
    STUDIO = "studio", "Studio"


class Subscription(models.Model):
    class Status(models.TextChoices):
        TRIALING = "trialing", "Trialing"
        ACTIVE = "active", "Active"
        PAST_DUE = "past_due", "Past due"
        CANCELED = "canceled", "Canceled"

    account = models.OneToOneField(Account, on_delete=models.CASCADE, related_name="subscription")
    plan = models.CharField(max_length=10, choices=Plan.choices, default=Plan.FREE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.TRIALING)
    stripe_customer_id = models.CharField(max_length=64, unique=True)
    stripe_subscription_id = models.CharField(max_length=64, blank=True)
    trial_ends_at = models.DateTimeField(null=True, blank=True)
    current_period_end = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)

    @property
    def is_paid(self) -> bool:
        return self.plan != Plan.FREE and self.status == self.Status.ACTIVE
