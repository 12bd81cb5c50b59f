import pytest

from accounts.models import Account, Membership, User
from invoices.models import Client


@pytest.fixture
def owner(db):
    user = User.objects.create_user(username="ana@example.com", email="ana@example.com", password="x" * 12)
    account = Account.objects.create(name="Ana Design")
    Membership.objects.create(user=user, account=account, is_owner=True)
    return user


@pytest.fixture
def client_record(owner):
    return Client.objects.create(account=owner.accounts.first(), name="Globex", email="ap@globex.test")
