"""Monday-morning summary of what's owed. Run by cron (see deploy/crontab)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Count
from django.utils import timezone

from accounts.models import Membership
from invoices.models import Invoice
from notifications.email import send_templated_email


class Command(BaseCommand):
    help = "Email every account owner a summary of paid, outstanding and overdue invoices."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run=False, **options):
        week_ago = timezone.now() - timedelta(days=7)
        owners = Membership.objects.filter(is_owner=True).select_related("user", "account")
        sent = 0
        for membership in owners:
            invoices = Invoice.objects.filter(account=membership.account)
            stats = invoices.values("status").annotate(n=Count("id"))
            paid_this_week = invoices.filter(paid_at__gte=week_ago).count()
            if dry_run:
                self.stdout.write(f"{membership.user.email}: {list(stats)}")
                continue
            send_templated_email(
                "weekly_summary",
                to=membership.user.email,
                context={"user": membership.user, "account": membership.account, "stats": stats, "paid": paid_this_week},
            )
            sent += 1
        self.stdout.write(self.style.SUCCESS(f"sent {sent} summaries"))
