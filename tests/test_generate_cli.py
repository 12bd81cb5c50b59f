"""`personize-assistant generate` on the example apps: real scan, real names, clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import RepoScan
from tests.test_check_cli import run
from tests.typescript.typecheck import python_compile_errors, ruff_check

REPO = Path(__file__).resolve().parents[1]
TALLYBOOK = REPO / "examples" / "tallybook-py"


@pytest.fixture(scope="module")
def tallybook() -> RepoScan:
    return scan_repo(TALLYBOOK)


def _touchpoint(scan: RepoScan, symbol: str, channel: str) -> str:
    return next(t.id for t in scan.touchpoints if t.symbol == symbol and t.channel == channel)


@pytest.mark.toolchain
def test_generate_writes_the_function_for_a_scanned_touchpoint(
    capsys: pytest.CaptureFixture[str], tallybook: RepoScan, tmp_path: Path
) -> None:
    tp_id = _touchpoint(tallybook, "send_payment_reminder", "email")
    target = tmp_path / "personalize_payment_reminder_email.py"
    code, out, err = run(capsys, "generate", str(TALLYBOOK), "--touchpoint", tp_id, "-o", str(target))
    assert code == 0 and out == ""
    text = target.read_text()
    assert "def generate_payment_reminder_email(" in text
    # The reminder goes to invoice.client.email: the Client model supplies the facts.
    assert "class ClientFacts(TypedDict, total=False):" in text and "payment_terms_days: int | None" in text
    assert "from .personize_client import Personize" in text  # invoices/ is a package
    assert "save as: invoices/personalize_payment_reminder_email.py" in err
    assert python_compile_errors([target]) == []
    assert ruff_check([target]).returncode == 0
    # Code written into the user's repo gets the usual mode, not a private temp file's 0600.
    assert target.stat().st_mode & 0o044 == 0o044 or _umask() & 0o044


def _umask() -> int:
    import os

    umask = os.umask(0)
    os.umask(umask)
    return umask


def test_sms_recipient_is_the_user_the_caller_passes(capsys: pytest.CaptureFixture[str], tallybook: RepoScan) -> None:
    """transports.py imports twilio's `Client`; `notify(user, ...)` calls `send_sms(user.phone, ...)`."""
    code, out, _ = run(capsys, "generate", str(TALLYBOOK), "-t", _touchpoint(tallybook, "send_sms", "sms"), "--json")
    assert code == 0 and json.loads(out)["entity"]["name"] == "User"


def test_generate_json_and_a_channel_override(capsys: pytest.CaptureFixture[str], tallybook: RepoScan) -> None:
    tp_id = _touchpoint(tallybook, "send_sms", "sms")
    code, out, _ = run(capsys, "generate", str(TALLYBOOK), "-t", tp_id, "--json", "--lang", "ts")
    data = json.loads(out)
    assert code == 0 and data["channel"] == "sms" and data["language"] == "ts"
    assert data["function_name"] == "generateSmsMessage"
    assert [limit["field"] for limit in data["limits"]] == ["BODY", "CHANNEL_NOTES"]
    code, out, _ = run(capsys, "generate", str(TALLYBOOK), "-t", tp_id, "--json", "--channel", "push")
    assert json.loads(out)["channel"] == "push"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([str(TALLYBOOK)], "pass --touchpoint"),
        ([str(TALLYBOOK), "-t", "tp_00000000"], "no touchpoint tp_00000000"),
        ([str(TALLYBOOK), "-t", "x", "--lang", "rb"], "--lang must be one of"),
        ([str(TALLYBOOK), "-t", "x", "--channel", "fax"], "--channel must be one of"),
        (["no/such/dir", "-t", "x"], "no such directory: no/such/dir"),
    ],
)
def test_generate_errors_are_one_line(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, out, err = run(capsys, "generate", *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_touchpoint_of_another_kind_asks_for_a_channel(capsys: pytest.CaptureFixture[str], tallybook: RepoScan) -> None:
    tp_id = next(t.id for t in tallybook.touchpoints if t.kind.value == "scheduled_job")
    code, _, err = run(capsys, "generate", str(TALLYBOOK), "-t", tp_id)
    assert code == 2 and "pass --channel" in err


def test_a_data_model_is_refused_plainly(capsys: pytest.CaptureFixture[str], tallybook: RepoScan) -> None:
    tp_id = next(t.id for t in tallybook.touchpoints if t.kind.value == "data_model")
    code, _, err = run(capsys, "generate", str(TALLYBOOK), "-t", tp_id, "--channel", "email")
    assert code == 2 and "not a place that sends a message" in err and "pass --channel" not in err
