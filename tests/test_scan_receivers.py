"""A method name reaches a wrapper only through the receiver's type (issue 12, priority 1).

`receiver_types` is a small Django app written for these tests: one form's `save` sends
mail; every other `form.save()` must not inherit that, whether the receiver is typed by
its constructor (another form class) or not typed at all (a view's `form` parameter).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.detect_calls import _request_handler
from personize_assistant.scan.models import Kind, RepoScan

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="module")
def scan() -> RepoScan:
    return scan_repo(FIXTURES / "receiver_types", use_cache=False)


def mail_lines(scan: RepoScan, file: str) -> set[int]:
    return {t.line for t in scan.touchpoints if t.kind == Kind.EMAIL_SEND and t.file == file}


def test_receiver_typed_by_its_constructor_reaches_the_wrapper(scan: RepoScan) -> None:
    assert 21 in mail_lines(scan, "outbox/views.py")  # form = ComposeMailForm(...); form.save()


def test_subclass_instance_reaches_the_inherited_wrapper(scan: RepoScan) -> None:
    assert 26 in mail_lines(scan, "outbox/views.py")  # form = ReminderForm(...); form.save()


def test_receiver_typed_as_another_class_is_not_a_call_site(scan: RepoScan) -> None:
    assert 31 not in mail_lines(scan, "outbox/views.py")  # form = ProfileForm(...); form.save()


def test_untyped_receiver_with_a_common_method_name_is_not_a_call_site(scan: RepoScan) -> None:
    lines = mail_lines(scan, "outbox/views.py")
    assert not lines & {9, 15}  # `def form_valid(self, form): form.save()`


def test_untyped_receiver_with_a_distinctive_method_name_falls_back_to_its_name(scan: RepoScan) -> None:
    calls = [t for t in scan.touchpoints if t.kind == Kind.EMAIL_SEND and (t.file, t.line) == ("outbox/views.py", 35)]
    assert calls and calls[0].confidence == "medium"  # `invite.send_invite()` -> Invite.send_invite


def test_model_method_converting_itself_to_a_mail_is_a_wrapper(scan: RepoScan) -> None:
    assert 27 in mail_lines(scan, "outbox/models.py")  # MailTemplate.to_mail(user) sends an Outgoing
    assert 39 in mail_lines(scan, "outbox/views.py")  # template: MailTemplate; template.to_mail(...)


def test_model_method_sending_its_own_instance_is_a_wrapper(scan: RepoScan) -> None:
    assert 36 in mail_lines(scan, "outbox/models.py")  # TeamInvite.send(self): no argument but self
    assert 44 in mail_lines(scan, "outbox/views.py")  # invite = TeamInvite.objects.get(...); invite.send()


def test_event_handler_is_not_a_wrapper_and_its_dispatcher_is_no_call_site(scan: RepoScan) -> None:
    # The send inside `on_payment_failed` is the touchpoint; the dispatcher only routes events.
    assert mail_lines(scan, "outbox/billing.py") == {5}



def test_view_http_methods_are_request_handlers_not_delivery_helpers() -> None:
    # `OutboxSend.post` reads as "send + post" (a delivery name), but the framework calls it.
    assert _request_handler("OutboxSend.post") and _request_handler("OutboxSend.dispatch")
    assert not _request_handler("post") and not _request_handler("Mailer.send")
