"""Flask-SQLAlchemy + RQ classes found on a held-out app (zou), one fixture each.

`generalize_flask` is a small repo written for these tests: a `BaseMixin` with a `create`
classmethod shared by every model, production content and join tables beside the people
tables, in-app notification rows, and chat senders picked from a module with `getattr`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan
from tests.support.touchpoints import touchpoint_at as at

FIXTURE = Path(__file__).parent / "fixtures" / "scan" / "generalize_flask"
MODELS = "studio/models/production.py"
NOTIFY = "studio/services/notifications_service.py"


@pytest.fixture(scope="session")
def flask_scan() -> RepoScan:
    return scan_repo(FIXTURE, use_cache=False)


def models(scan: RepoScan) -> set[str]:
    return {t.symbol or "" for t in scan.touchpoints if t.kind == Kind.DATA_MODEL}


# ---------------------------------------------------------------- 1: records about people


def test_people_their_organisation_and_their_records_are_models(flask_scan: RepoScan) -> None:
    kept = models(flask_scan)
    # Studio has no link to anyone: it is kept because people belong to it (`Person.studio_id`).
    # Notification is links plus a `type`: a record for its recipient, not a join or a secret.
    assert {"Person", "Studio", "Task", "Notification"} <= kept


def test_content_config_and_join_tables_are_not_models(flask_scan: RepoScan) -> None:
    kept = models(flask_scan)
    # Entity: only an audit `created_by` link. PreviewFile: a file's person is its author.
    # Milestone: belongs to a project whose team is people, which does not make it personal.
    # ProjectTaskTypeLink: named as a link between two tables.
    assert not kept & {"Entity", "PreviewFile", "Milestone", "ProjectTaskTypeLink"}


# ---------------------------------------------------------------- 2: in-app rows via a classmethod


def test_inherited_create_classmethod_makes_an_in_app_row(flask_scan: RepoScan) -> None:
    row = at(flask_scan, Kind.NOTIFICATION, NOTIFY, 5)  # Notification.create(person_id=...)
    assert (row.channel, row.provider) == ("in_app", "in-app")
    at(flask_scan, Kind.NOTIFICATION, NOTIFY, 4)  # create_notification wraps it


def test_helper_named_for_the_notification_it_creates_is_a_wrapper(flask_scan: RepoScan) -> None:
    at(flask_scan, Kind.NOTIFICATION, NOTIFY, 11)  # def create_assignation_notification
    call = at(flask_scan, Kind.NOTIFICATION, "studio/blueprints/tasks.py", 6)
    assert call.channel == "in_app"


def test_resource_lifecycle_hook_is_not_a_wrapper(flask_scan: RepoScan) -> None:
    """`post_update` runs after a write ("post" is not a delivery verb here)."""
    lines = {t.line for t in flask_scan.touchpoints if t.file == "studio/blueprints/tasks.py"}
    assert 5 not in lines


# ---------------------------------------------------------------- 3: getattr on a module


def test_sender_picked_from_a_module_by_name(flask_scan: RepoScan) -> None:
    """`deliver = getattr(chats, f"send_to_{channel}")`, then `deliver(*args)` or
    `job_queue.enqueue(deliver, ...)`: both run a chat sender."""
    enqueued = at(flask_scan, Kind.NOTIFICATION, "studio/services/messages_service.py", 10)
    direct = at(flask_scan, Kind.NOTIFICATION, "studio/services/messages_service.py", 12)
    assert enqueued.channel == direct.channel == "slack"
    lines = {t.line for t in flask_scan.touchpoints if t.file == "studio/services/messages_service.py"}
    assert 7 not in lines  # the lookup itself runs nothing
