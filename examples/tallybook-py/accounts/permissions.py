from functools import wraps

from django.core.exceptions import PermissionDenied

from .models import Membership


def owner_required(view):
    """Only account owners may change billing or delete data. Refuses; never changes content."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        is_owner = Membership.objects.filter(
            user=request.user, account=request.account, is_owner=True
        ).exists()
        if not is_owner:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
