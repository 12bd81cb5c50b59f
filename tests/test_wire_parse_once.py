"""WIRE parses each file once per command, however many touchpoints it holds (the cost is
measured in bench/scale_bench.py; here only the count of parses is checked)."""

from __future__ import annotations

from pathlib import Path

from personize_assistant.actions.wire import load_rules, parsed, wireable
from personize_assistant.actions.wire.patch import apply_hunks, make_hunks
from personize_assistant.scan import scan_repo

SEND = (
    "\ndef send_{n}(to: str, subject: str, html: str) -> None:\n"
    "    client.send(Mail(from_email='team@example.com', to_emails=to, subject=subject, html_content=html))\n"
)


def test_wire_list_parses_a_file_once_for_all_its_touchpoints(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "requirements.txt").write_text("sendgrid>=6\n")
    header = "from sendgrid import SendGridAPIClient\nfrom sendgrid.helpers.mail import Mail\n\nclient = SendGridAPIClient('x')\n"
    (root / "mailer.py").write_text(header + "".join(SEND.format(n=n) for n in range(6)))
    scan = scan_repo(root, use_cache=False)
    parsed.clear()
    candidates = wireable(scan, load_rules())
    assert len([c for c in candidates if c.ready]) >= 6
    assert parsed.parses["python functions:"] == 1
    assert parsed.parses["python:"] == 1
    # and what each try asks of the whole file is answered once too
    assert parsed.parses["python function index:"] == 1
    assert parsed.parses["python module:"] == 1
    assert parsed.parses["lines:"] == 1
    assert parsed.parses["framework:mailer.py"] == 1


def test_a_changed_file_is_parsed_again() -> None:
    parsed.clear()
    first = parsed.identifiers("x = 1\n")
    assert parsed.identifiers("x = 1\n") is first
    assert parsed.identifiers("y = 2\n") is not first
    assert parsed.parses["identifiers:"] == 2


def test_hunks_of_a_file_with_repeated_lines_apply() -> None:
    body = "".join(SEND.format(n=n) for n in range(300))
    old = "import x\n" + body
    new = "import x\nimport y\n" + body.replace("def send_150(", "def _send_150_original(") + "\ndef send_150(): pass\n"
    hunks = make_hunks(old, new)
    assert apply_hunks(old, hunks, "mailer.py") == new
    assert len(hunks) == 3
