"""`personize-assistant check`: exit codes, stdin, JSON output, secrets, limits from the doc."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from personize_assistant import cli
from personize_assistant.content import content_root
from personize_assistant.content.loader import CONTENT_DIR_ENV
from tests.test_check_rules import CONTEXT, PASSING_EMAIL


def run(capsys: pytest.CaptureFixture[str], *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run the CLI in-process (a subprocess per case would cost ~0.5 s each)."""
    saved_argv, saved_stdin = sys.argv, sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        sys.argv = ["personize-assistant", *args]
        cli.main()
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    finally:
        sys.argv, sys.stdin = saved_argv, saved_stdin
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "ok.txt").write_text(PASSING_EMAIL, encoding="utf-8")
    (tmp_path / "context.txt").write_text(CONTEXT, encoding="utf-8")
    bad = PASSING_EMAIL.replace("https://app", "http://app").replace("14 client notes", "3x faster reviews")
    (tmp_path / "bad.txt").write_text(bad, encoding="utf-8")
    return tmp_path


def test_a_clean_message_exits_0(capsys: pytest.CaptureFixture[str], files: Path) -> None:
    code, out, _ = run(capsys, "check", "--channel", "email", str(files / "ok.txt"), "--context", str(files / "context.txt"))
    assert code == 0
    assert "passes every check" in out


def test_errors_exit_1_and_name_rule_severity_and_field(capsys: pytest.CaptureFixture[str], files: Path) -> None:
    code, out, err = run(capsys, "check", "-c", "email", str(files / "bad.txt"), "--context", str(files / "context.txt"))
    assert code == 1
    assert re.search(r"error\s+link_not_https\s+BODY_HTML", out)
    assert re.search(r"review\s+possible_invention\s+BODY_HTML.*'3x'", out)
    # The one-line verdict names what failed (the errors), not the review suggestions too.
    assert "the email message fails: 2 errors" in err and "review" not in err


def test_json_report(capsys: pytest.CaptureFixture[str], files: Path) -> None:
    code, out, _ = run(capsys, "check", "-c", "email", str(files / "bad.txt"), "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert data["counts"]["error"] == 2
    assert {"rule", "severity", "message", "where"} <= set(data["violations"][0])


def test_stdin_and_warnings_only_pass_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    message = json.dumps({"text": "Notes ready: https://app.tallybook.io/n"})
    assert run(capsys, "check", "--channel", "sms", stdin=message)[0] == 0
    assert run(capsys, "check", "--channel", "sms", "-", "--strict", stdin=message)[0] == 1


def test_review_suggestions_print_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--channel", "sms", stdin='{"text": "Your refund is on its way."}')
    assert code == 0
    assert "REVIEW SUGGESTED: pricing" in out


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--channel", "email", "missing.txt"], None, "cannot read message"),
        (["--channel", "email"], "{broken", "not valid JSON"),
        (["--channel", "fax"], "hi", "--channel must be one of"),
        (["--channel", "sms", "--context", "nowhere.txt"], "hi", "cannot read --context file"),
        (["ok.txt"], None, "pass --channel"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, files: Path,
    args: list[str], stdin: str | None, message: str,
) -> None:
    monkeypatch.chdir(files)
    code, out, err = run(capsys, "check", *args, stdin=stdin)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_secrets_in_the_message_are_redacted(capsys: pytest.CaptureFixture[str]) -> None:
    secret = "sk_live_" + "a1B2c3D4e5F6g7H8"
    message = json.dumps({"text": f"<b>key</b> {secret}"})
    for extra in ([], ["--json"]):
        _, out, _ = run(capsys, "check", "--channel", "sms", *extra, stdin=message)
        assert secret not in out and "html_in_plain_text" in out


@pytest.mark.toolchain
def test_editing_the_reference_doc_changes_the_limit(tmp_path: Path) -> None:
    """End to end, through a copy of the skill library with a tighter SMS limit."""
    root = content_root()
    for folder in ("skills", "reference", "recipes", "channels"):
        shutil.copytree(root / folder, tmp_path / folder)
    doc = tmp_path / "reference" / "generate.md"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("{name: BODY, markup: plain, max_chars: 160}", "{name: BODY, markup: plain, max_chars: 40}"))
    assert doc.read_text(encoding="utf-8") != text
    message = json.dumps({"text": "Your March notes are ready to review today."})  # 43 characters
    command = [sys.executable, "-m", "personize_assistant.cli", "check", "--channel", "sms", "--json"]
    default = subprocess.run(command, input=message, capture_output=True, text=True, check=False)
    edited = subprocess.run(command, input=message, capture_output=True, text=True, check=False,
                            env={**os.environ, CONTENT_DIR_ENV: str(tmp_path)})
    assert default.returncode == 0, default.stderr
    assert edited.returncode == 1, edited.stderr
    (violation,) = json.loads(edited.stdout)["violations"]
    assert violation["rule"] == "max_chars" and "(limit 40)" in violation["message"]


def test_strict_counts_warnings_in_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    message = json.dumps({"text": "Notes ready: https://app.tallybook.io/n"})
    code, _, err = run(capsys, "check", "--channel", "sms", "--strict", stdin=message)
    assert code == 1 and "the sms message fails: 1 warning" in err


def test_a_wrong_variant_is_reported_as_typed(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "-c", "email", "--variant", "channel", stdin='{"subject": "x"}')
    assert code == 2 and "(got 'channel')" in err and "channel_post" not in err
