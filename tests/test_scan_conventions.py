"""Framework conventions read as data (issue 12, priority 2).

`periodic_signal` is a small Django app written for these tests: a management command
(what cron runs) fires a signal named for a period; another command fires an ordinary one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="module")
def signal_scan() -> RepoScan:
    return scan_repo(FIXTURES / "periodic_signal", use_cache=False)


def jobs(scan: RepoScan) -> set[tuple[str, str | None]]:
    return {(t.file, t.symbol) for t in scan.touchpoints if t.kind == Kind.SCHEDULED_JOB}


def test_command_firing_a_periodic_signal_is_a_job(signal_scan: RepoScan) -> None:
    assert ("app/management/commands/runperiodic.py", "Command") in jobs(signal_scan)


def test_command_firing_an_ordinary_signal_is_not(signal_scan: RepoScan) -> None:
    assert not {f for f, _ in jobs(signal_scan)} & {"app/management/commands/importusers.py"}


def test_receivers_of_the_periodic_signal_are_jobs_through_an_import_alias(signal_scan: RepoScan) -> None:
    found = jobs(signal_scan)
    assert {("app/services.py", "cleanup"), ("app/services.py", "expire_tokens")} <= found
    assert ("app/services.py", "greet") not in found  # receives user_registered


def test_periodic_task_enqueued_by_a_receiver_is_a_job(signal_scan: RepoScan) -> None:
    found = jobs(signal_scan)
    assert ("app/services.py", "task_periodic_cleanup") in found
    assert ("app/services.py", "refresh_avatar") not in found  # handed-off work, not named for a period


@pytest.fixture(scope="module")
def wasp_scan() -> RepoScan:
    return scan_repo(FIXTURES / "wasp_app", use_cache=False)


def test_wasp_job_with_a_schedule_is_a_job_once(wasp_scan: RepoScan) -> None:
    found = [t for t in wasp_scan.touchpoints if t.kind == Kind.SCHEDULED_JOB]
    # One finding at the declaration; the commented-out cron line and the job without a
    # schedule (run on demand) are not jobs.
    assert [(t.file, t.line, t.schedule) for t in found] == [("src/analytics/analytics.wasp.ts", 8, "0 * * * *")]


def test_wasp_email_sender_is_an_email_send(wasp_scan: RepoScan) -> None:
    sends = [t for t in wasp_scan.touchpoints if t.kind == Kind.EMAIL_SEND]
    assert [(t.file, t.line, t.provider) for t in sends] == [("src/billing/cancellation.ts", 4, "wasp")]
