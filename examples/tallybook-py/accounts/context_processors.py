from billing.models import Plan


def current_plan(request):
    """Templates show plan badges and upgrade prompts, so every page gets the plan."""
    account = getattr(request, "account", None)
    if account is None:
        return {"current_plan": None}
    subscription = getattr(account, "subscription", None)
    return {
        "current_user": request.user,
        "current_plan": subscription.plan if subscription else Plan.FREE,
    }
