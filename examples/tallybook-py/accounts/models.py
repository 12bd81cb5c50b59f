import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A freelancer (or their bookkeeper) who signs in to Tallybook."""

    email = models.EmailField(unique=True)
    display_name = models.CharField(max_length=120, blank=True)
    phone = models.CharField(max_length=32, blank=True)
    timezone = models.CharField(max_length=64, default="UTC")
    locale = models.CharField(max_length=10, default="en")
    profession = models.CharField(max_length=80, blank=True, help_text="e.g. designer, copywriter")
    fcm_token = models.CharField(max_length=255, blank=True)
    marketing_opt_in = models.BooleanField(default=False)
    onboarding_completed_at = models.DateTimeField(null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]


class Account(models.Model):
    """The business a user invoices as. One user can run several (a studio and a side gig)."""

    class BusinessType(models.TextChoices):
        SOLE_TRADER = "sole_trader", "Sole trader"
        LLC = "llc", "LLC"
        PARTNERSHIP = "partnership", "Partnership"

    name = models.CharField(max_length=200)
    business_type = models.CharField(max_length=20, choices=BusinessType.choices, default=BusinessType.SOLE_TRADER)
    country = models.CharField(max_length=2, default="US")
    currency = models.CharField(max_length=3, default="USD")
    vat_number = models.CharField(max_length=32, blank=True)
    members = models.ManyToManyField(User, through="Membership", related_name="accounts")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE)
    account = models.ForeignKey(Account, on_delete=models.CASCADE)
    is_owner = models.BooleanField(default=False)

    class Meta:
        unique_together = ("user", "account")


def _new_key() -> str:
    return "tb_" + secrets.token_urlsafe(32)


class ApiKey(models.Model):
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="api_keys")
    key = models.CharField(max_length=64, unique=True, default=_new_key)
    revoked_at = models.DateTimeField(null=True, blank=True)
