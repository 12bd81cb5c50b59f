from datetime import timedelta

import stripe
from celery import shared_task
from django.utils import timezone

from notifications.dispatch import notify

from .models import Subscription
from .stripe_client import PRICE_TO_PLAN


@shared_task
def nudge_trials_ending():
    """Runs twice a day from beat: trials that end in the next 3 days get one nudge."""
    soon = timezone.now() + timedelta(days=3)
    subs = Subscription.objects.filter(
        status=Subscription.Status.TRIALING, trial_ends_at__lte=soon, trial_ends_at__gt=timezone.now()
    ).select_related("account")
    for sub in subs:
        for owner in sub.account.members.filter(membership__is_owner=True):
            notify(
                owner,
                f"Your Tallybook trial ends {sub.trial_ends_at:%A}. Keep your invoices flowing with Solo for $9/mo.",
                channels=("email", "push"),
                subject="Your trial is ending soon",
            )


@shared_task
def sync_stripe_subscriptions():
    """Nightly safety net for missed webhooks."""
    for sub in Subscription.objects.exclude(stripe_subscription_id=""):
        remote = stripe.Subscription.retrieve(sub.stripe_subscription_id)
        sub.status = remote["status"]
        sub.plan = PRICE_TO_PLAN.get(remote["items"]["data"][0]["price"]["id"], sub.plan)
        sub.save(update_fields=["status", "plan"])
