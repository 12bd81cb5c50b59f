"""Periodic jobs declared as data (issue 12, batch 5 class 3).

`registries` is a small app written for these tests: rq-scheduler entries returned by a
function (`{"func": f, "interval": ...}`), the same shape in a settings docstring and a
function signature (neither is a job), and a node-cron schedule held in a constant.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


@pytest.fixture(scope="module")
def jobs() -> list[Touchpoint]:
    scan: RepoScan = scan_repo(FIXTURES / "registries", use_cache=False)
    return [t for t in scan.touchpoints if t.kind == Kind.SCHEDULED_JOB]


def test_each_job_entry_handed_to_a_scheduler_is_a_scheduled_job(jobs: list[Touchpoint]) -> None:
    entries = {(t.line, t.provider) for t in jobs if t.file == "jobs/schedule.py" and t.symbol == "periodic_jobs"}
    assert entries == {(12, "rq-scheduler"), (14, "rq-scheduler")}  # one-line and multi-line dicts


def test_the_shape_in_a_docstring_or_a_signature_is_no_job(jobs: list[Touchpoint]) -> None:
    assert not [t for t in jobs if t.file == "jobs/settings.py"]  # the file schedules nothing
    assert not [t for t in jobs if t.file == "jobs/schedule.py" and t.line == 21]  # `def register(func: ..., interval: ...)`


def test_a_schedule_held_in_a_constant_is_read_from_it(jobs: list[Touchpoint]) -> None:
    cron = [t for t in jobs if t.file == "web/cron.ts"]
    assert [(t.line, t.schedule) for t in cron] == [(7, "0 3 * * *")]
