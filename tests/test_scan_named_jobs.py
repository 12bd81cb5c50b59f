"""Jobs linked to their callers by a string name (issue 12, batch 6 class 1).

`named_jobs` is a small app written for these tests: an in-house job registry's definition
(`{ id: "send.welcome.email", handler }`, its handler lazily importing `./x.handler` and
calling `run`), a Trigger.dev `task({ id, run })` posting to Slack, a job with a cron
trigger, a job named for other work that mails as a side effect, and a route starting each
by name (`jobs.triggerJob({ name })`, `tasks.trigger("id")`), one with a name nobody defines;
a BullMQ `new Worker("name", fn)` started by `queue.add("name", ...)`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan
from tests.support.touchpoints import by_line, touchpoint_at

APP = Path(__file__).parent / "fixtures" / "scan" / "named_jobs"


@pytest.fixture(scope="module")
def scan() -> RepoScan:
    return scan_repo(APP, use_cache=False)


def test_a_job_named_for_a_delivery_is_a_wrapper_where_it_is_declared(scan: RepoScan) -> None:
    job = touchpoint_at(scan, Kind.EMAIL_SEND, "src/jobs/send-welcome-email.ts", 5)
    assert job.symbol == "SEND_WELCOME_EMAIL_JOB"
    slack = touchpoint_at(scan, Kind.NOTIFICATION, "src/jobs/post-slack-message.ts", 6)
    assert slack.symbol == "postSlackMessage"


def test_starting_a_job_by_its_name_is_a_call_site_of_it(scan: RepoScan) -> None:
    job = touchpoint_at(scan, Kind.EMAIL_SEND, "src/jobs/send-welcome-email.ts", 5)
    slack = touchpoint_at(scan, Kind.NOTIFICATION, "src/jobs/post-slack-message.ts", 6)
    assert touchpoint_at(scan, Kind.EMAIL_SEND, "src/routes/signup.ts", 5).wraps == job.id
    assert touchpoint_at(scan, Kind.NOTIFICATION, "src/routes/signup.ts", 9).wraps == slack.id
    # A job named for other work is no wrapper; a name nobody defines reaches nothing.
    assert set(by_line(scan, Kind.EMAIL_SEND, "src/routes/signup.ts")) == {5}


def test_the_body_a_handler_hands_over_to_is_the_same_job(scan: RepoScan) -> None:
    assert 3 not in by_line(scan, Kind.EMAIL_SEND, "src/jobs/send-welcome-email.handler.ts")  # `run`: no wrapper of its own
    assert not by_line(scan, Kind.EMAIL_SEND, "src/jobs/send-welcome-email.ts").keys() - {5}  # the lazy `handler.run()`
    # What the body calls stays a call site, as in any function.
    assert 4 in by_line(scan, Kind.EMAIL_SEND, "src/jobs/send-welcome-email.handler.ts")


def test_a_job_named_for_other_work_keeps_its_sends_as_call_sites(scan: RepoScan) -> None:
    assert set(by_line(scan, Kind.EMAIL_SEND, "src/jobs/close-report.ts")) == {8}


def test_a_job_with_a_cron_trigger_is_a_scheduled_job(scan: RepoScan) -> None:
    jobs = {(t.file, t.line, t.symbol) for t in scan.touchpoints if t.kind == Kind.SCHEDULED_JOB}
    assert jobs == {("src/jobs/cleanup-sessions.ts", 1, "CLEANUP_SESSIONS_JOB")}


def test_a_function_registered_as_a_named_worker_is_the_job(scan: RepoScan) -> None:
    # BullMQ `new Worker("send-welcome-email", sendWelcomeEmailJob)`, started by `queue.add("send-welcome-email")`.
    job = touchpoint_at(scan, Kind.EMAIL_SEND, "src/workers/welcome.ts", 6)
    assert job.symbol == "sendWelcomeEmailJob"
    assert touchpoint_at(scan, Kind.EMAIL_SEND, "src/routes/team.ts", 4).wraps == job.id
    assert set(by_line(scan, Kind.EMAIL_SEND, "src/routes/team.ts")) == {4}
