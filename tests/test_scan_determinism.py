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

pytestmark = pytest.mark.toolchain  # the scan runs in subprocesses under different hash seeds

CHATS = '''\
import requests
from slack_sdk import WebClient


def send_to_slack(token, userid, message):
    client = WebClient(token=token)
    client.chat_postMessage(channel=f"@{userid}", text=message)


def send_to_mattermost(webhook, userid, message):
    requests.post(webhook, json={"text": message, "channel": f"@{userid}"}, timeout=30)
'''

NOTIFY = '''\
from app import chats


def notify_person(person, message):
    for channel in ("slack", "mattermost"):
        send_to_chat = getattr(chats, f"send_to_{channel}")
        send_to_chat(person[f"{channel}_token"], person["id"], message)
'''


def _scan_with_seed(root: Path, seed: int) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    command = [sys.executable, "-m", "personize_assistant.cli", "scan", str(root), "--json", "--no-cache"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    touchpoints: list[dict[str, Any]] = json.loads(done.stdout)["touchpoints"]
    return touchpoints


def test_shared_dispatch_site_reports_the_same_wrapper_under_every_hash_seed(tmp_path: Path) -> None:
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "chats.py").write_text(CHATS)
    (package / "notify.py").write_text(NOTIFY)

    runs = [_scan_with_seed(tmp_path, seed) for seed in (1, 2, 3, 4)]

    dispatch_sites = [t for t in runs[0] if t["file"] == "app/notify.py" and t.get("wraps")]
    assert dispatch_sites, "the getattr dispatcher's call site should be reported as a wrapper call"
    assert all(run == runs[0] for run in runs[1:])
