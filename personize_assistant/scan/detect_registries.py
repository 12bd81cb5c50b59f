"""Periodic jobs kept as data: `{"func": refresh, "interval": timedelta(minutes=5)}` entries
returned by a function and handed to rq-scheduler, APScheduler `add_job(**entry)` or a
Flask-APScheduler `JOBS` list. The `job_entry` marker (catalog.yaml) finds an entry naming a
callable next to a schedule key; it counts in a file that imports a scheduler library (an
example in a settings docstring, in a file that schedules nothing, does not).
"""

from __future__ import annotations

from personize_assistant.scan.findings import Finding
from personize_assistant.scan.models import Kind
from personize_assistant.scan.resolve import RepoIndex
from personize_assistant.scan.rules import conventions

_C = conventions()


def registry_findings(index: RepoIndex) -> list[Finding]:
    found: list[Finding] = []
    for path, facts in index.facts.items():
        entries = [m for m in facts.markers if m.name == "job_entry"]
        library = _scheduler(index.file_modules.get(path, set())) if entries else None
        if library is None:
            continue
        for marker in entries:
            found.append(Finding(
                Kind.SCHEDULED_JOB, path, marker.line, marker.line, marker.scope or None, "medium",
                discriminator=f"{library}:entry", provider=library.replace("_", "-"),
            ))
    return found


def _scheduler(modules: set[str]) -> str | None:
    """The scheduler library among these imports (`apscheduler.schedulers.background` -> `apscheduler`)."""
    names = sorted({m.split(".", 1)[0] for m in modules} | modules)
    return next((m for m in names if m in _C.job_libraries), None)
