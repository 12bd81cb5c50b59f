from django.utils.deprecation import MiddlewareMixin

from .models import Account


class CurrentAccountMiddleware(MiddlewareMixin):
    """Puts the signed-in user's active business on `request.account`.

    The active account id lives in the session so people with a studio and a side
    business can switch without signing out.
    """

    def process_request(self, request):
        request.account = None
        if not request.user.is_authenticated:
            return None
        account_id = request.session.get("account_id")
        accounts = Account.objects.filter(members=request.user)
        request.account = accounts.filter(pk=account_id).first() or accounts.first()
        return None
