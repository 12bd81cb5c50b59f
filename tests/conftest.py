"""The `toolchain` marker is checked, not trusted.

`pytest -m "not toolchain"` is the quick loop: it must start no process. Every test that shells
out (tsc, node, npm, ruff, mypy, git, the CLI in a subprocess, `python -c`) carries
`@pytest.mark.toolchain`; an unmarked test that starts one fails with the command it tried, so
a missing marker is found the first time the test runs, not when the quick loop gets slow.
The scanner's worker pool forks or spawns through multiprocessing, which is the product's own
work and is not counted.
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from typing import Any

import pytest

# Audit events (docs.python.org/3/library/audit_events.html) raised before a program is started.
_PROCESS_EVENTS = frozenset({"subprocess.Popen", "os.system", "os.posix_spawn", "os.exec", "os.spawn"})
_unmarked_test: list[str] = []
"""The node id of the running test while it has no toolchain marker (empty otherwise)."""


def _refuse_processes(event: str, args: tuple[Any, ...]) -> None:
    if _unmarked_test and event in _PROCESS_EVENTS:
        command = args[1] if event == "subprocess.Popen" else args[0]
        raise RuntimeError(
            f"{_unmarked_test[0]} started a process ({command!r}) without @pytest.mark.toolchain; "
            "mark it so `pytest -m 'not toolchain'` stays a quick loop"
        )


sys.addaudithook(_refuse_processes)  # hooks cannot be removed; the list above switches it per test


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, None, None]:
    # The whole protocol, so fixtures the test sets up (session ones included) are covered too.
    if item.get_closest_marker("toolchain") is None:
        _unmarked_test.append(item.nodeid)
    try:
        yield
    finally:
        _unmarked_test.clear()
