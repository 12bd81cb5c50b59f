from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render

import segment.analytics as analytics

from notifications.analytics import track
from notifications.email import send_templated_email

from .forms import SignupForm
from .models import Account, Membership, User


def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            user = User.objects.create_user(
                username=data["email"],
                email=data["email"],
                password=data["password"],
                display_name=data["display_name"],
                profession=data["profession"],
            )
            account = Account.objects.create(name=data["business_name"], business_type=data["business_type"])
            Membership.objects.create(user=user, account=account, is_owner=True)
        login(request, user)
        analytics.identify(str(user.pk), {"email": user.email, "profession": user.profession})
        track(user, "Signed Up", business_type=account.business_type)
        send_templated_email(
            "welcome",
            to=user.email,
            context={"user": user, "account": account},
        )
        return redirect("accounts:onboarding")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def onboarding(request):
    """Three-step setup: business details, first client, first invoice."""
    account = request.account
    steps = {
        "details": bool(account.vat_number or account.country != "US"),
        "client": account.clients.exists(),
        "invoice": account.invoices.exists(),
    }
    return render(request, "accounts/onboarding.html", {"steps": steps, "account": account})


@login_required
def switch_account(request, account_id: int):
    if Account.objects.filter(pk=account_id, members=request.user).exists():
        request.session["account_id"] = account_id
    return redirect("invoices:dashboard")
