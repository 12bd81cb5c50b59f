"""Class hierarchies that deliver or run on a schedule, and in-house scheduler registries
(issue 12, batch 6 class 2).

`class_jobs` is a small app written for these tests: a mailer whose `sendMail` is a class
field holding an arrow function; a base email class whose `schedule()` enqueues an
`EmailTask` by name and whose `send()` mails; a template subclass scheduled from a route
(`new WelcomeEmail(props).schedule()`); task classes under a `BaseTask` whose static
`schedule(props)` enqueues; a `CronTask` base declaring `get cron()` and a subclass; a
generic worker running `task.perform(props)`; a Python registry `register_daily(fn)` and an
`@repeat_every` loop; a notification provider whose post sits in a class-field helper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan
from tests.support.touchpoints import by_line, touchpoint_at

APP = Path(__file__).parent / "fixtures" / "scan" / "class_jobs"


@pytest.fixture(scope="module")
def scan() -> RepoScan:
    return scan_repo(APP, use_cache=False)


def test_a_class_field_holding_a_function_is_a_method(scan: RepoScan) -> None:
    assert touchpoint_at(scan, Kind.EMAIL_SEND, "server/mailer.ts", 6).symbol == "Mailer.sendMail"


def test_a_subclass_scheduling_its_base_class_mail_is_a_call_site(scan: RepoScan) -> None:
    schedule = touchpoint_at(scan, Kind.EMAIL_SEND, "server/emails/BaseEmail.ts", 7)
    assert schedule.symbol == "BaseEmail.schedule"
    assert touchpoint_at(scan, Kind.EMAIL_SEND, "server/routes/users.ts", 4).wraps == schedule.id


def test_a_task_class_started_by_its_name_is_the_wrapper_not_its_worker(scan: RepoScan) -> None:
    task = touchpoint_at(scan, Kind.EMAIL_SEND, "server/tasks/EmailTask.ts", 4)
    assert task.symbol == "EmailTask"
    assert touchpoint_at(scan, Kind.EMAIL_SEND, "server/emails/BaseEmail.ts", 8).wraps == task.id
    assert not by_line(scan, Kind.EMAIL_SEND, "server/worker.ts")  # `task.perform(props)` runs any task


def test_a_subclass_of_a_base_declaring_a_schedule_is_a_scheduled_job(scan: RepoScan) -> None:
    jobs = {(t.file, t.symbol) for t in scan.touchpoints if t.kind == Kind.SCHEDULED_JOB and t.file.startswith("server/")}
    # Not the base classes, not a task whose `schedule(props)` only enqueues it.
    assert jobs == {("server/tasks/CleanupTask.ts", "CleanupTask")}


def test_functions_handed_to_a_period_named_registry_call_are_scheduled_jobs(scan: RepoScan) -> None:
    jobs = {(t.file, t.symbol) for t in scan.touchpoints if t.kind == Kind.SCHEDULED_JOB and t.file.startswith("sched/")}
    assert jobs == {("sched/tasks.py", "purge_tokens"), ("sched/app.py", "run_every_five_minutes")}


def test_a_notification_providers_helper_field_is_plumbing_not_a_wrapper(scan: RepoScan) -> None:
    # `_sendNotification = async (url, payload) => axios.post(...)` in a `NotificationProvider`:
    # the post is the provider's delivery; the helper holding it wraps nothing of its own.
    assert set(by_line(scan, Kind.NOTIFICATION, "server/notification-providers/teams.ts")) == {6}
