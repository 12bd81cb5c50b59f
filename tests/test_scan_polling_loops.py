"""A worker's endless loop that sleeps between rounds is scheduled work (issue 12, batch 6
class 4).

`polling_loops` is a small app written for these tests: an exported `while (true)` poller that
`await delay(...)`s (TypeScript) and a public `while True: ... time.sleep(60)` (Python); beside
them a private loop helper, a wait-for-the-database retry loop, a loop that never sleeps, a
private Python ticker and a script's `main()` retrying outside any worker, none of which is an
entry a worker starts on a schedule.
"""

from __future__ import annotations

from pathlib import Path

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import Kind

APP = Path(__file__).parent / "fixtures" / "scan" / "polling_loops"


def test_only_sleeping_loops_in_worker_entries_are_scheduled_jobs() -> None:
    scan = scan_repo(APP, use_cache=False)
    jobs = {(t.file, t.line, t.symbol) for t in scan.touchpoints if t.kind == Kind.SCHEDULED_JOB}
    assert jobs == {("worker/feeds.ts", 3, "startFeedPolling"), ("poller/main.py", 4, "run_forever")}
