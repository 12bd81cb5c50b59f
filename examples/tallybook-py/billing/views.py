import logging
from datetime import datetime, timezone

import segment.analytics as analytics
import stripe
from django.conf import settings
from django.core.mail import send_mail
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Subscription
from .stripe_client import PRICE_TO_PLAN

logger = logging.getLogger(__name__)


def _apply_subscription(obj) -> Subscription | None:
    sub = Subscription.objects.filter(stripe_customer_id=obj["customer"]).first()
    if sub is None:
        logger.warning("stripe event for unknown customer %s", obj["customer"])
        return None
    price_id = obj["items"]["data"][0]["price"]["id"]
    sub.plan = PRICE_TO_PLAN.get(price_id, sub.plan)
    sub.status = obj["status"] if obj["status"] in Subscription.Status.values else Subscription.Status.CANCELED
    sub.stripe_subscription_id = obj["id"]
    sub.current_period_end = datetime.fromtimestamp(obj["current_period_end"], tz=timezone.utc)
    sub.save()
    return sub


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = stripe.Webhook.construct_event(
            request.body, request.headers.get("Stripe-Signature", ""), settings.STRIPE_WEBHOOK_SECRET
        )
    except (ValueError, stripe.error.SignatureVerificationError):
        return HttpResponseBadRequest("invalid payload")

    obj = event["data"]["object"]
    if event["type"] in ("customer.subscription.created", "customer.subscription.updated"):
        sub = _apply_subscription(obj)
        if sub:
            analytics.track(str(sub.account_id), "Subscription Changed", {"plan": sub.plan, "status": sub.status})
    elif event["type"] == "customer.subscription.deleted":
        Subscription.objects.filter(stripe_customer_id=obj["customer"]).update(status="canceled")
    elif event["type"] == "invoice.payment_failed":
        send_mail(
            subject=f"[billing] payment failed for {obj.get('customer_email')}",
            message=f"Stripe invoice {obj['id']} failed. Attempt {obj.get('attempt_count')}.",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[settings.OPS_EMAIL],
        )
    return HttpResponse(status=200)
