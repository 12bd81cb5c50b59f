"""A scan gives the same touchpoints whatever the process's string-hash seed.

Sets of (file, function) keys iterate in hash order, which Python randomises per process;
where two wrappers claim one call site (a `getattr` dispatcher), that order once decided
which provider the call site reported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.apps import fixture_app

pytestmark = pytest.mark.toolchain  # the scan runs in subprocesses under different hash seeds


def _scan_with_seed(root: Path, seed: int) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    command = [sys.executable, "-m", "personize_assistant.cli", "scan", str(root), "--json", "--no-cache"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    touchpoints: list[dict[str, Any]] = json.loads(done.stdout)["touchpoints"]
    return touchpoints


def test_shared_dispatch_site_reports_the_same_wrapper_under_every_hash_seed() -> None:
    runs = [_scan_with_seed(fixture_app("shared-dispatch-py"), seed) for seed in (1, 2, 3, 4)]

    dispatch_sites = [t for t in runs[0] if t["file"] == "app/notify.py" and t.get("wraps")]
    assert dispatch_sites, "the getattr dispatcher's call site should be reported as a wrapper call"
    assert all(run == runs[0] for run in runs[1:])
