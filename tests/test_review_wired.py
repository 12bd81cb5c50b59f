"""REVIEW on a repo that `wire` has just changed: the tool must not flag its own output.

The wired copies are made through the real scanner and `write_artifact`, the way a user
runs `wire --write` and then `review`.
"""

from __future__ import annotations

import pytest

from personize_assistant.actions.review.action import review_repo
from personize_assistant.actions.review.model import Finding
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.scan import scan_repo
from tests.test_wire_cases import rules as rules  # the session fixture
from tests.test_wire_followups import _wire_symbol
from tests.test_wire_write import checkout

pytestmark = pytest.mark.toolchain  # the wired apps are git checkouts (wire --write needs one)


def _untouched_labels(findings: list[Finding]) -> str:
    return " ".join(f.what for f in findings if f.rule == "untouched_touchpoint")


@pytest.fixture(scope="module")
def tallybook_findings(tmp_path_factory: pytest.TempPathFactory, rules: WireRules) -> list[Finding]:
    root = checkout("tallybook-py", tmp_path_factory.mktemp("tallybook"))
    _wire_symbol(root, rules, "notifications/transports.py", "send_sms")
    _wire_symbol(root, rules, "accounts/models.py", "User")  # a Django sync command
    return review_repo(scan_repo(root, use_cache=False)).findings


@pytest.fixture(scope="module")
def pulseboard_findings(tmp_path_factory: pytest.TempPathFactory, rules: WireRules) -> list[Finding]:
    root = checkout("pulseboard-ts", tmp_path_factory.mktemp("pulseboard"))
    _wire_symbol(root, rules, "services/worker/src/jobs/index.ts", "startSchedules")
    hooks = "services/worker/src/routes/hooks.ts"
    _wire_symbol(root, rules, hooks, None)  # the inline HubSpot handler
    return review_repo(scan_repo(root, use_cache=False)).findings


def test_generated_sync_command_is_not_an_unguarded_call(tallybook_findings: list[Finding]) -> None:
    flagged = [f for f in tallybook_findings if f.rule == "unhandled_error"]
    assert not [f for f in flagged if "personize_sync" in f.file], flagged


def test_client_me_in_python_counts_as_reading_the_limits(tallybook_findings: list[Finding]) -> None:
    assert "limits_not_read" not in {f.rule for f in tallybook_findings}


def test_the_vendored_client_is_not_an_opportunity(tallybook_findings: list[Finding]) -> None:
    assert "_retry_after_header" not in _untouched_labels(tallybook_findings)
    assert all("personize_client.py" not in f.file for f in tallybook_findings)


def test_wired_run_and_inline_webhook_are_not_untouched(pulseboard_findings: list[Finding]) -> None:
    labels = _untouched_labels(pulseboard_findings)
    assert "startSchedulesOriginal" not in labels
    assert "routes/hooks.ts:18" not in labels and "routes/hooks.ts:19" not in labels
    # What is still unwired is still reported.
    assert "postSlackWebhook" in labels


def test_opportunity_findings_name_a_function_not_a_kind(pulseboard_findings: list[Finding]) -> None:
    kinds = {"scheduled_job", "ui_surface", "notification", "email_send", "event_tracking", "webhook_handler"}
    untouched = [f for f in pulseboard_findings if f.rule == "untouched_touchpoint"]
    assert untouched and not [f.symbol for f in untouched if f.symbol in kinds]
