"""Golden files: GENERATE on the example apps, one touchpoint per kind and channel it writes for.

Each case keeps the generated code (`<kind>-<channel>.ts|.py`), the summary the command prints
on stderr (`.txt`) and the `--json` artifact without its `code` field (`.json`; the code is the
file beside it). Regenerate after an intended change with::

    PERSONIZE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_generate_golden.py

then review the diff under tests/golden/<example>/generate/.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from personize_assistant.actions.generate import GenerateOptions, generate
from personize_assistant.actions.generate.action import channel_of, load_meta
from personize_assistant.actions.generate.artifact import render_code, render_json, render_summary
from personize_assistant.errors import UsageError
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import RepoScan, Touchpoint
from tests.support.golden import GOLDEN, assert_matches_golden, machine_specific

ROOT = Path(__file__).resolve().parents[1]

# One touchpoint per (kind, channel) GENERATE accepts without --channel, named by file and
# symbol so a reader can open it; the scan's first match is the direct send, not a caller.
CASES: dict[str, dict[tuple[str, str], tuple[str, str]]] = {
    "pulseboard-ts": {
        ("email_send", "email"): ("src/lib/digest.ts", "sendWeeklyDigest"),
        ("notification", "slack"): ("src/lib/notify/slack.ts", "postToSlackChannel"),
        ("notification", "sms"): ("src/lib/notify/sms.ts", "sendSms"),
    },
    "tallybook-py": {
        ("email_send", "email"): ("invoices/services.py", "send_payment_reminder"),
        ("notification", "push"): ("notifications/transports.py", "send_push"),
        ("notification", "slack"): ("notifications/transports.py", "post_to_slack"),
        ("notification", "sms"): ("notifications/transports.py", "send_sms"),
    },
}


@cache
def example_scan(name: str) -> RepoScan:
    return scan_repo(ROOT / "examples" / name, use_cache=False)


def _touchpoint(scan: RepoScan, kind: str, file: str, symbol: str) -> Touchpoint:
    return next(t for t in scan.touchpoints if (t.kind.value, t.file, t.symbol) == (kind, file, symbol))


def outputs(name: str) -> dict[str, str]:
    scan, produced = example_scan(name), {}
    for (kind, channel), (file, symbol) in CASES[name].items():
        artifact = generate(scan, GenerateOptions(touchpoint_id=_touchpoint(scan, kind, file, symbol).id))
        assert artifact.channel == channel
        data = render_json(artifact)
        del data["code"]  # kept once, as the source file beside it
        stem = f"{kind}-{channel}"
        produced[f"{stem}.{artifact.language}"] = render_code(artifact)
        produced[f"{stem}.txt"] = render_summary(artifact) + "\n"
        produced[f"{stem}.json"] = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return produced


def _generatable(touchpoint: Touchpoint) -> tuple[str, str] | None:
    try:
        return touchpoint.kind.value, channel_of(touchpoint, None, load_meta())
    except UsageError:
        return None


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_kind_and_channel_the_app_can_generate_has_a_case(name: str) -> None:
    found = {pair for t in example_scan(name).touchpoints if (pair := _generatable(t)) is not None}
    assert found == set(CASES[name])


@pytest.mark.parametrize("name", sorted(CASES))
def test_generated_code_matches_the_golden_files(name: str) -> None:
    assert_matches_golden(GOLDEN / name / "generate", outputs(name), whole_folder=True)


@pytest.mark.parametrize("name", sorted(CASES))
def test_generated_outputs_hold_no_machine_specific_text(name: str) -> None:
    for filename, text in outputs(name).items():
        assert machine_specific(text, ROOT) == [], filename
