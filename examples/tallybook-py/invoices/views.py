from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q, Sum
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from billing.models import Plan
from notifications.analytics import track

from .forms import ReceiptUploadForm
from .models import Client, Expense, Invoice
from .tasks import send_invoice_async


@login_required
def dashboard(request):
    account = request.account
    invoices = Invoice.objects.filter(account=account)
    outstanding = invoices.filter(status__in=[Invoice.Status.SENT, Invoice.Status.OVERDUE])
    context = {
        "account": account,
        "recent": invoices.order_by("-issue_date")[:10],
        "outstanding_count": outstanding.count(),
        "overdue_count": outstanding.filter(due_date__lt=timezone.localdate()).count(),
    }
    subscription = getattr(account, "subscription", None)
    if subscription and subscription.plan in (Plan.PRO, Plan.STUDIO):
        context["cashflow_forecast"] = _forecast(account)
        context["sidebar_tip"] = "Your forecast updates nightly from bank transactions."
    else:
        context["sidebar_tip"] = "See when you'll get paid: cash-flow forecasts come with Pro."
    return render(request, "invoices/dashboard.html", context)


def _forecast(account) -> list[dict]:
    upcoming = (
        Invoice.objects.filter(account=account, status=Invoice.Status.SENT)
        .values("due_date")
        .annotate(total=Sum("items__unit_price"))
        .order_by("due_date")[:12]
    )
    return [{"date": row["due_date"], "amount": row["total"] or Decimal("0")} for row in upcoming]


@login_required
def search(request):
    q = request.GET.get("q", "").strip()
    if len(q) < 2:
        return JsonResponse({"clients": [], "invoices": []})
    clients = Client.objects.filter(account=request.account).filter(
        Q(name__icontains=q) | Q(email__icontains=q) | Q(notes__icontains=q)
    )[:10]
    invoices = Invoice.objects.filter(account=request.account).filter(
        Q(number__icontains=q) | Q(client__name__icontains=q)
    )[:10]
    return JsonResponse(
        {
            "clients": [{"id": c.pk, "name": c.name} for c in clients],
            "invoices": [{"id": i.pk, "number": i.number, "status": i.status} for i in invoices],
        }
    )


@login_required
def upload_receipt(request):
    form = ReceiptUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        receipt = request.FILES["receipt"]
        Expense.objects.create(
            account=request.account,
            category=form.cleaned_data["category"],
            amount=form.cleaned_data["amount"],
            spent_on=form.cleaned_data["spent_on"],
            memo=form.cleaned_data["memo"],
            receipt=receipt,
        )
        track(request.user, "Receipt Uploaded", size=receipt.size, content_type=receipt.content_type)
        messages.success(request, "Receipt saved.")
        return redirect("invoices:dashboard")
    return render(request, "invoices/upload_receipt.html", {"form": form})


@login_required
@require_POST
def send(request, pk: int):
    invoice = get_object_or_404(Invoice, pk=pk, account=request.account)
    send_invoice_async.delay(invoice.pk, request.user.pk)
    messages.info(request, f"Invoice {invoice.number} is on its way.")
    return redirect("invoices:detail", pk=invoice.pk)


@login_required
def detail(request, pk: int):
    invoice = get_object_or_404(Invoice.objects.select_related("client"), pk=pk, account=request.account)
    return render(request, "invoices/detail.html", {"invoice": invoice})


@login_required
def yearly_report(request, year: int):
    account = request.account
    paid = Invoice.objects.filter(account=account, status=Invoice.Status.PAID, paid_at__year=year)
    expenses = Expense.objects.filter(account=account, spent_on__year=year)
    return render(
        request,
        "invoices/yearly_report.html",
        {
            "year": year,
            "income": paid.aggregate(total=Sum("items__unit_price"))["total"] or 0,
            "expenses": expenses.aggregate(total=Sum("amount"))["total"] or 0,
            "by_category": expenses.values("category").annotate(total=Sum("amount")).order_by("-total"),
        },
    )
