from django.contrib import admin
from django.urls import include, path

from billing.views import stripe_webhook

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("invoices/", include("invoices.urls")),
    path("webhooks/stripe/", stripe_webhook, name="stripe-webhook"),
    path("", include("invoices.urls_root")),
]
