"""AWS SDK v3 SES: only Send*Email* commands passed to client.send are email sends."""

from __future__ import annotations

from pathlib import Path

from personize_assistant.scan.engine import scan_repo

FIXTURE = Path(__file__).parent / "fixtures" / "ses_commands"


def test_only_send_email_commands_are_email_sends() -> None:
    report = scan_repo(FIXTURE, use_cache=False)
    lines = {t.line for t in report.touchpoints if t.kind == "email_send"}
    # Line 4 creates a domain identity (no mail); line 7 sends one.
    assert 4 not in lines
    assert 7 in lines
