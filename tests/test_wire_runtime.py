"""Wired Python code, run for real against the loopback Personize imitation.

A small app with a fake delivery function (it records what it was asked to send) is
wired, the patch applied, and the wired function called: with Personize answering it
sends the generated content and memorizes the delivery; with Personize failing (500) or
too slow, it sends the original content and nothing raises.
"""

from __future__ import annotations

import asyncio
import importlib
import itertools
import logging
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from personize_assistant.actions.wire.action import WireOptions, wire
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.actions.wire.write import plan_writes
from personize_assistant.scan.models import Kind
from tests.support.personize_fixtures import personize_env as personize_env
from tests.support.personize_fixtures import personize_server as personize_server
from tests.support.personize_imitation import PersonizeImitation
from tests.test_wire_cases import Case, scan_for, write_app
from tests.test_wire_cases import rules as rules  # the session fixture

_numbers = itertools.count()

MAILER = '''SENT: list[dict[str, str]] = []


def send_welcome(to: str, subject: str, html: str) -> str:
    SENT.append({"to": to, "subject": subject, "html": html})
    return f"msg-{len(SENT)}"


async def send_welcome_async(to: str, subject: str, html: str) -> str:
    return send_welcome(to, subject, html)
'''

HOOKS = '''class Response:
    def __init__(self, status_code: int) -> None:
        self.status_code = status_code


def receive_event(request):
    if not request.body:
        return Response(400)
    return Response(200)
'''

JOBS = '''from .mailer import send_welcome


def weekly() -> int:
    for email in ("ana@example.com", "bo@example.com"):
        send_welcome(email, "Your week", "<p>Here is your week.</p>")
    return 2
'''

GENERATED = (
    '<output name="SUBJECT">Ana, your Tallybook workspace is ready</output>\n'
    '<output name="BODY_HTML"><p>Hi Ana, your team can start today.</p></output>'
)


@pytest.fixture
def wired_mailer(
    tmp_path: Path, rules: WireRules, personize_env: PersonizeImitation, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ModuleType]:
    """`send_welcome` wired with Personize, imported from a fresh package."""
    package = f"wired_app_{next(_numbers)}"
    files = {f"{package}/__init__.py": "", f"{package}/mailer.py": MAILER}
    files |= {f"{package}/hooks.py": HOOKS, f"{package}/jobs.py": JOBS}
    root = write_app(files, tmp_path)
    cases = [
        Case("runtime", Kind.EMAIL_SEND, f"{package}/mailer.py", 4, "send_welcome", {"channel": "email", "provider": "resend"}),
        Case("runtime", Kind.EMAIL_SEND, f"{package}/mailer.py", 9, "send_welcome_async", {"channel": "email"}),
        Case("runtime", Kind.WEBHOOK_HANDLER, f"{package}/hooks.py", 6, "receive_event", {"provider": "stripe"}),
        Case("runtime", Kind.SCHEDULED_JOB, f"{package}/jobs.py", 4, "weekly", {"schedule": "0 8 * * 1"}),
    ]
    for case in cases:
        # The job is wired on a scan holding the sends it reaches (it is ready only then).
        wired = wire(scan_for(root, cases), WireOptions(touchpoint_id=case.touchpoint().id), rules)
        for path, text in plan_writes(root, wired).items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("PERSONIZE_TIMEOUT_SECONDS", "2")
    monkeypatch.syspath_prepend(str(root))
    module = importlib.import_module(f"{package}.mailer")
    yield module
    # Background memorizes must land before the next test resets the imitation.
    importlib.import_module(f"{package}.personize_wiring").wait_for_background()
    for name in [m for m in sys.modules if m == package or m.startswith(f"{package}.")]:
        del sys.modules[name]


def _memorized(server: PersonizeImitation, wired: ModuleType) -> list[dict[str, Any]]:
    """Memorize bodies received, once the wired app's background memorizes finished."""
    _module(wired, "personize_wiring").wait_for_background()
    return [r.body for r in server.requests_for("/api/v1/memorize", "POST")]


def test_happy_path_sends_generated_content_and_memorizes_it(
    wired_mailer: ModuleType, personize_env: PersonizeImitation
) -> None:
    personize_env.controls.script_prompt(GENERATED)
    message_id = wired_mailer.send_welcome("ana@example.com", "Welcome", "<p>Welcome aboard</p>")
    assert message_id == "msg-1"
    assert wired_mailer.SENT == [
        {
            "to": "ana@example.com",
            "subject": "Ana, your Tallybook workspace is ready",
            "html": "<p>Hi Ana, your team can start today.</p>",
        }
    ]
    prompt = personize_env.requests_for("/api/v1/prompt", "POST")[0].body
    assert [o["name"] for o in prompt["outputs"]] == ["SUBJECT", "BODY_HTML"]
    assert "Welcome aboard" in prompt["context"]
    digest = personize_env.requests_for("/api/v1/smart-memory-digest", "POST")[0].body
    assert digest["email"] == "ana@example.com"
    (memorized,) = _memorized(personize_env, wired_mailer)
    assert memorized["email"] == "ana@example.com"
    assert "EMAIL SENT via resend" in memorized["content"] and "msg-1" in memorized["content"]
    assert "trigger:send_welcome" in memorized["tags"]


def test_async_function_is_personalized_once_even_through_another_wired_function(
    wired_mailer: ModuleType, personize_env: PersonizeImitation
) -> None:
    # send_welcome_async is wired and calls send_welcome, which is wired too.
    personize_env.controls.script_prompt(GENERATED)
    result = asyncio.run(wired_mailer.send_welcome_async("ana@example.com", "Welcome", "<p>Hi</p>"))
    assert result == "msg-1"
    assert wired_mailer.SENT[0]["subject"] == "Ana, your Tallybook workspace is ready"
    assert len(personize_env.requests_for("/api/v1/prompt", "POST")) == 1


def test_output_on_a_review_topic_the_draft_did_not_raise_is_not_sent(
    wired_mailer: ModuleType, personize_env: PersonizeImitation
) -> None:
    personize_env.controls.script_prompt(
        '<output name="SUBJECT">A 20% discount for you</output>'
        '<output name="BODY_HTML"><p>Use this discount before Friday.</p></output>'
    )
    wired_mailer.send_welcome("ana@example.com", "Welcome", "<p>Welcome aboard</p>")
    assert wired_mailer.SENT[0]["subject"] == "Welcome"


def test_server_errors_fall_back_to_the_original_content(
    wired_mailer: ModuleType, personize_env: PersonizeImitation, caplog: pytest.LogCaptureFixture
) -> None:
    personize_env.controls.server_error(times=None)
    with caplog.at_level(logging.WARNING):
        message_id = wired_mailer.send_welcome("ana@example.com", "Welcome", "<p>Welcome aboard</p>")
    assert message_id == "msg-1"
    assert wired_mailer.SENT == [{"to": "ana@example.com", "subject": "Welcome", "html": "<p>Welcome aboard</p>"}]
    assert any("sent without personalization" in r.getMessage() for r in caplog.records)
    assert personize_env.requests_for("/api/v1/memorize") == []
    # Right after a failure, the next send does not wait on Personize again.
    calls = len(personize_env.requests)
    wired_mailer.send_welcome("bo@example.com", "Welcome", "<p>Welcome aboard</p>")
    assert wired_mailer.SENT[1]["subject"] == "Welcome"
    assert len(personize_env.requests) == calls


def test_a_slow_personize_falls_back_to_the_original_content(
    wired_mailer: ModuleType, personize_env: PersonizeImitation, monkeypatch: pytest.MonkeyPatch
) -> None:
    helper = sys.modules[wired_mailer.__name__.rsplit(".", 1)[0] + ".personize_wiring"]
    monkeypatch.setattr(helper, "PERSONIZE_TIMEOUT", 0.3)
    personize_env.controls.delay(30)
    message_id = wired_mailer.send_welcome("ana@example.com", "Welcome", "<p>Welcome aboard</p>")
    assert message_id == "msg-1"
    assert wired_mailer.SENT[0]["subject"] == "Welcome"


def test_without_a_key_nothing_is_called_and_the_original_goes_out(
    wired_mailer: ModuleType, personize_env: PersonizeImitation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PERSONIZE_SECRET_KEY")
    wired_mailer.send_welcome("ana@example.com", "Welcome", "<p>Welcome aboard</p>")
    assert wired_mailer.SENT[0]["subject"] == "Welcome"
    assert personize_env.requests == []


def test_generated_text_that_breaks_channel_limits_is_not_sent(
    wired_mailer: ModuleType, personize_env: PersonizeImitation
) -> None:
    too_long = "x" * 120
    personize_env.controls.script_prompt(
        f'<output name="SUBJECT">{too_long}</output><output name="BODY_HTML"><p>Hi</p></output>'
    )
    wired_mailer.send_welcome("ana@example.com", "Welcome", "<p>Welcome aboard</p>")
    assert wired_mailer.SENT[0]["subject"] == "Welcome"


def test_review_topics_match_whole_words_only(
    wired_mailer: ModuleType, personize_env: PersonizeImitation
) -> None:
    # "apr" (annual percentage rate) is a review topic; "April" is not.
    personize_env.controls.script_prompt(
        '<output name="SUBJECT">Your April recap</output><output name="BODY_HTML"><p>Hi</p></output>'
    )
    wired_mailer.send_welcome("ana@example.com", "Welcome", "<p>Welcome aboard</p>")
    assert wired_mailer.SENT[0]["subject"] == "Your April recap"


def test_webhook_events_are_memorized_against_the_email_they_name(
    wired_mailer: ModuleType, personize_env: PersonizeImitation
) -> None:
    helper = sys.modules[wired_mailer.__name__.rsplit(".", 1)[0] + ".personize_wiring"]
    payload = b'{"type": "invoice.paid", "data": {"object": {"customer_email": "bo@example.com"}}}'
    helper.remember_event(source="stripe", trigger="POST /webhooks/stripe", payload=payload)
    (memorized,) = _memorized(personize_env, wired_mailer)
    assert memorized["email"] == "bo@example.com"
    assert "event:invoice.paid" in memorized["tags"] and "source:stripe" in memorized["tags"]


def _module(wired_mailer: ModuleType, name: str) -> ModuleType:
    return importlib.import_module(wired_mailer.__name__.rsplit(".", 1)[0] + f".{name}")


def test_a_wired_webhook_memorizes_accepted_events_only(
    wired_mailer: ModuleType, personize_env: PersonizeImitation
) -> None:
    hooks = _module(wired_mailer, "hooks")
    accepted = SimpleNamespace(body=b'{"type": "checkout.completed", "customer_email": "cy@example.com"}')
    assert hooks.receive_event(accepted).status_code == 200
    assert hooks.receive_event(SimpleNamespace(body=b"")).status_code == 400
    (memorized,) = _memorized(personize_env, wired_mailer)
    assert memorized["email"] == "cy@example.com"
    assert "event:checkout.completed" in memorized["tags"]


def test_a_scheduled_run_paces_deliveries_to_its_budget(
    wired_mailer: ModuleType, personize_env: PersonizeImitation, monkeypatch: pytest.MonkeyPatch
) -> None:
    helper = _module(wired_mailer, "personize_wiring")
    waits: list[float] = []
    monkeypatch.setattr(helper, "RUN_MESSAGES_PER_MINUTE", 1)
    monkeypatch.setattr(helper, "time", SimpleNamespace(monotonic=time.monotonic, sleep=waits.append, gmtime=time.gmtime, strftime=time.strftime))
    personize_env.controls.script_prompt(GENERATED, GENERATED.replace("Ana", "Bo"))
    assert _module(wired_mailer, "jobs").weekly() == 2
    assert [m["subject"] for m in wired_mailer.SENT] == [
        "Ana, your Tallybook workspace is ready",
        "Bo, your Tallybook workspace is ready",
    ]
    assert len(waits) == 1 and 55 < waits[0] <= 60  # the second message waited for the next minute


def test_a_lazy_digest_is_fetched_once_on_first_use(
    wired_mailer: ModuleType, personize_env: PersonizeImitation
) -> None:
    from personize_assistant.personize.client import Personize

    with Personize(personize_env.key, base_url=personize_env.url) as client:
        client.memory.memorize(content="Ana prefers short emails.", email="ana@example.com", tags=["t"])
    helper = _module(wired_mailer, "personize_wiring")
    digest = helper.LazyDigest(SimpleNamespace(email="ana@example.com"))
    assert personize_env.requests_for("/api/v1/smart-memory-digest") == []
    text = str(digest)
    assert "prefers short emails" in text
    assert str(digest) == text
    assert len(personize_env.requests_for("/api/v1/smart-memory-digest")) == 1


def test_a_missing_key_is_logged_once_not_per_message(
    wired_mailer: ModuleType,
    personize_env: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.delenv("PERSONIZE_SECRET_KEY")
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            wired_mailer.send_welcome("ana@example.com", "Welcome", "<p>Welcome aboard</p>")
    warnings = [r for r in caplog.records if "PERSONIZE_SECRET_KEY is not set" in r.getMessage()]
    assert len(warnings) <= 1
    assert [m["subject"] for m in wired_mailer.SENT] == ["Welcome"] * 3
