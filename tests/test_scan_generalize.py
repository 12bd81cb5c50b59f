"""Classes of misses and false positives found on held-out real apps, one fixture line each.

`generalize_py` (Flask/Django-style Python) and `generalize_js` (CommonJS Node) are small
repos written for these tests; each test names the class of problem it guards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan
from tests.support.touchpoints import touchpoint_at as at

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="session")
def py_scan() -> RepoScan:
    return scan_repo(FIXTURES / "generalize_py", use_cache=False)


@pytest.fixture(scope="session")
def js_scan() -> RepoScan:
    return scan_repo(FIXTURES / "generalize_js", use_cache=False)


def in_file(scan: RepoScan, kind: Kind, file: str) -> set[int]:
    return {t.line for t in scan.touchpoints if t.kind == kind and t.file == file}


# ---------------------------------------------------------------- A: provider recognition


def test_smtplib_reached_through_typed_property(py_scan: RepoScan) -> None:
    """`with self.connection(host) as link: link.sendmail(...)`, the property typed
    `Type[Union[smtplib.SMTP_SSL, smtplib.SMTP]]`."""
    call = at(py_scan, Kind.EMAIL_SEND, "mailer/service.py", 16)
    assert (call.provider, call.confidence) == ("smtplib", "high")
    at(py_scan, Kind.EMAIL_SEND, "mailer/service.py", 14)  # Postman.deliver is a wrapper


def test_mail_object_on_the_app(py_scan: RepoScan) -> None:
    call = at(py_scan, Kind.EMAIL_SEND, "accounts/flaskmail.py", 7)
    assert (call.provider, call.confidence) == ("flask-mail", "medium")


def test_sender_named_function_with_unknown_provider(py_scan: RepoScan) -> None:
    delivery = at(py_scan, Kind.NOTIFICATION, "accounts/texting.py", 10)
    assert (delivery.channel, delivery.provider, delivery.confidence) == ("sms", None, "medium")
    wrapper = at(py_scan, Kind.NOTIFICATION, "accounts/texting.py", 9)
    assert wrapper.confidence == "medium"


def test_functions_that_only_log_or_render_are_not_senders(py_scan: RepoScan) -> None:
    reported = {t.symbol for t in py_scan.touchpoints if t.file == "accounts/texting.py"}
    assert reported == {"send_sms"}


# ---------------------------------------------------------------- B: task queues, dynamic dispatch


def test_dramatiq_actor_send_is_a_call_site(py_scan: RepoScan) -> None:
    actor = at(py_scan, Kind.EMAIL_SEND, "mailer/tasks.py", 7)
    enqueue = at(py_scan, Kind.EMAIL_SEND, "accounts/views.py", 8)
    assert enqueue.wraps == actor.id and enqueue.symbol == "change_address"


def test_django_q_task_named_by_string(py_scan: RepoScan) -> None:
    task = at(py_scan, Kind.EMAIL_SEND, "mailer/tasks.py", 11)
    enqueue = at(py_scan, Kind.EMAIL_SEND, "accounts/views.py", 12)
    assert enqueue.wraps == task.id


def test_getattr_dispatch_reaches_every_matching_sender(py_scan: RepoScan) -> None:
    dispatcher = at(py_scan, Kind.EMAIL_SEND, "accounts/moderation.py", 11)
    assert dispatcher.symbol == "ModerationMails.send_moderation_email"
    assert at(py_scan, Kind.EMAIL_SEND, "accounts/moderation.py", 17).wraps == dispatcher.id
    assert 12 not in in_file(py_scan, Kind.EMAIL_SEND, "accounts/moderation.py")  # its own lookup


# ---------------------------------------------------------------- C: in-app notification rows


def test_notification_rows_for_a_recipient(py_scan: RepoScan) -> None:
    for line in (5, 9):
        row = at(py_scan, Kind.NOTIFICATION, "notify/events.py", line)
        assert row.channel == "in_app"
    # Creating rows does not make the feature functions delivery helpers.
    assert in_file(py_scan, Kind.NOTIFICATION, "notify/events.py") == {5, 9}


# ---------------------------------------------------------------- G: Django schedules


def test_django_extensions_periodic_job(py_scan: RepoScan) -> None:
    job = at(py_scan, Kind.SCHEDULED_JOB, "shop/jobs/daily/cleanup.py", 4)
    assert job.schedule == "@daily"


def test_management_command_shown_in_a_documented_crontab(py_scan: RepoScan) -> None:
    command = at(py_scan, Kind.SCHEDULED_JOB, "shop/management/commands/close_orders.py", 4)
    assert command.schedule == "*/10 * * * *"
    assert not [t for t in py_scan.touchpoints if t.file.startswith("docs/")]


# ---------------------------------------------------------------- H, J: data models


def test_peewee_person_model(py_scan: RepoScan) -> None:
    assert at(py_scan, Kind.DATA_MODEL, "shop/people.py", 4).entity == "Customer"


def test_reference_data_is_not_a_data_model(py_scan: RepoScan) -> None:
    assert in_file(py_scan, Kind.DATA_MODEL, "notify/models.py") == {4, 15}  # not Sport (line 10)


def test_schemaless_orm_person_entity(js_scan: RepoScan) -> None:
    user = at(js_scan, Kind.DATA_MODEL, "server/model/user.js", 3)
    assert user.framework == "redbean-node"
    assert not in_file(js_scan, Kind.DATA_MODEL, "server/model/tag.js")


# ---------------------------------------------------------------- D, E: provider plugins, registries


def test_http_calls_inside_notification_providers(js_scan: RepoScan) -> None:
    post = at(js_scan, Kind.NOTIFICATION, "server/notification-providers/pager.js", 8)
    assert post.provider == "pager"
    bare = at(js_scan, Kind.NOTIFICATION, "server/notification-providers/smsgate.js", 9)
    assert (bare.provider, bare.channel) == ("smsgate", "sms")


def test_registry_dispatcher_is_a_wrapper_without_a_provider(js_scan: RepoScan) -> None:
    dispatcher = at(js_scan, Kind.NOTIFICATION, "server/notification.js", 13)
    assert dispatcher.provider is None
    call_site = at(js_scan, Kind.NOTIFICATION, "server/monitor.js", 5)
    assert call_site.wraps == dispatcher.id


# ---------------------------------------------------------------- F: croner with require


def test_croner_job_table_entries(js_scan: RepoScan) -> None:
    assert in_file(js_scan, Kind.SCHEDULED_JOB, "server/jobs.js") == {7}  # not the validator


# ---------------------------------------------------------------- I: socket state sync


def test_state_sync_emits_are_not_notifications(js_scan: RepoScan) -> None:
    assert in_file(js_scan, Kind.NOTIFICATION, "server/live.js") == {9, 10, 15}
    assert at(js_scan, Kind.NOTIFICATION, "server/live.js", 10).channel == "in_app"


def test_content_chains_are_dropped_and_records_kept_through_links(py_scan: RepoScan) -> None:
    """Bulletin -> Issue -> Paragraph link to no person: content. InvoiceLine -> Invoice is a
    record about someone; Reading links a user to an issue."""
    assert in_file(py_scan, Kind.DATA_MODEL, "content/models.py") == {20, 24, 29}


def test_other_orms_by_their_base_or_decorators(js_scan: RepoScan) -> None:
    member = at(js_scan, Kind.DATA_MODEL, "server/model/member.js", 3)
    assert member.framework == "objection"
    customer = at(js_scan, Kind.DATA_MODEL, "src/entities/customer.ts", 4)
    assert customer.framework == "mikro-orm"
    assert {f.name for f in customer.fields or []} == {"id", "email"}
