import stripe
from django.conf import settings

stripe.api_key = settings.STRIPE_SECRET_KEY

PRICE_TO_PLAN = {
    "price_1OsoloMonthly": "solo",
    "price_1OproMonthly": "pro",
    "price_1OstudioMonthly": "studio",
}
