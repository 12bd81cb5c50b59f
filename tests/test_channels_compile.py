"""Channel templates are real code: every deliver.ts type-checks against the providers' npm
APIs (declared in tests/typescript/providers.d.ts) and the Personize SDK declaration, every
deliver.py compiles and passes ruff, the front matter points at files that exist, and the
Python delivery functions send what the providers expect.
"""

# Pytest fixtures are imported by name and then requested as parameters of the same name.
# ruff: noqa: F811
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import httpx
import pytest
import yaml

from tests.support.personize_fixtures import personize_server  # noqa: F401
from tests.support.personize_imitation import PersonizeImitation
from tests.typescript import typecheck as tc

CHANNELS = tc.REPO / "channels"
CHANNEL_DOCS = sorted(p for p in CHANNELS.glob("*.md") if p.name != "README.md")
CLIENT_SOURCE = tc.REPO / "personize_assistant" / "personize" / "client.py"
CHANNEL_KINDS = {"email", "sms", "slack", "push", "webhook"}
BODY_SECTIONS = [
    "Setup",
    "Environment",
    "Format rules",
    "Delivery",
    "Record the delivery in memory",
]


def front_matter(path: Path) -> tuple[dict[str, Any], str]:
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", path.read_text(encoding="utf-8"), re.S)
    assert match, f"{path}: no YAML front matter"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict)
    return meta, match.group(2)


def snippet_paths(kind: str) -> list[Path]:
    return [CHANNELS / front_matter(doc)[0]["snippets"][kind] for doc in CHANNEL_DOCS]


# --------------------------------------------------------------------------- front matter


def test_every_documented_channel_exists() -> None:
    names = {doc.stem for doc in CHANNEL_DOCS}
    assert names == {"sendgrid", "slack", "twilio", "webhook", "resend", "postmark"}


@pytest.mark.parametrize("doc", CHANNEL_DOCS, ids=lambda p: p.stem)
def test_channel_front_matter_is_complete(doc: Path) -> None:
    meta, body = front_matter(doc)
    assert meta["name"] == doc.stem and meta["provider"] == doc.stem
    assert meta["channel"] in CHANNEL_KINDS
    assert meta["title"].strip()
    assert meta["env"] and "PERSONIZE_SECRET_KEY" not in meta["env"], "provider creds only"
    assert meta["format_rules"] and all(isinstance(r, str) and r for r in meta["format_rules"])
    assert set(meta["snippets"]) == {"ts", "py"}
    for path in meta["snippets"].values():
        assert (CHANNELS / path).is_file(), path
    assert re.findall(r"^## (.+)$", body, re.M) == BODY_SECTIONS


@pytest.mark.parametrize("doc", CHANNEL_DOCS, ids=lambda p: p.stem)
def test_snippets_use_the_declared_package_env_and_tags(doc: Path) -> None:
    meta, _ = front_matter(doc)
    ts = (CHANNELS / meta["snippets"]["ts"]).read_text(encoding="utf-8")
    py = (CHANNELS / meta["snippets"]["py"]).read_text(encoding="utf-8")
    if "npm_package" in meta:
        assert f"from '{meta['npm_package']}'" in ts
    read = set(re.findall(r"process\.env\.([A-Z0-9_]+)", ts))
    read |= set(re.findall(r"environ\.get\(\"([A-Z0-9_]+)\"", py))
    assert read <= set(meta["env"]), read - set(meta["env"])
    for code in (ts, py):
        assert f"provider:{meta['provider']}" in code and "'delivery'" in code.replace('"', "'")
        assert f"channel:{meta['channel']}" in code


# --------------------------------------------------------------------------- TypeScript

# (import, valid statement, invalid statement): the provider declarations must reject misuse.
MISUSE: dict[str, tuple[str, str, str]] = {
    "sendgrid_needs_from": (
        "import sgMail from '@sendgrid/mail';",
        "return sgMail.send({ to: 'a@b.co', from: 'x@y.co', subject: 's', text: 't' });",
        "return sgMail.send({ to: 'a@b.co', subject: 's', text: 't' });",
    ),
    "sendgrid_needs_a_body": (
        "import sgMail from '@sendgrid/mail';",
        "return sgMail.send({ to: 'a@b.co', from: 'x@y.co', subject: 's', html: '<p>h</p>' });",
        "return sgMail.send({ to: 'a@b.co', from: 'x@y.co', subject: 's' });",
    ),
    "slack_needs_channel": (
        "import { WebClient } from '@slack/web-api';",
        "return new WebClient('xoxb').chat.postMessage({ channel: 'C1', text: 'hi' });",
        "return new WebClient('xoxb').chat.postMessage({ text: 'hi' });",
    ),
    "twilio_needs_recipient": (
        "import twilio from 'twilio';",
        "return twilio('AC1', 'tok').messages.create({ to: '+14155550123', body: 'hi' });",
        "return twilio('AC1', 'tok').messages.create({ body: 'hi' });",
    ),
    "resend_data_may_be_null": (
        "import { Resend } from 'resend';",
        "const r = await new Resend('re_x').emails.send({ from: 'a@b.co', to: 'c@d.co', "
        "subject: 's', text: 't' });\n  return r.error ? r.error.message : r.data.id;",
        "const r = await new Resend('re_x').emails.send({ from: 'a@b.co', to: 'c@d.co', "
        "subject: 's', text: 't' });\n  return r.data.id;",
    ),
    "postmark_field_names": (
        "import { ServerClient } from 'postmark';",
        "return new ServerClient('t').sendEmail({ From: 'a@b.co', To: 'c@d.co', TextBody: 't' });",
        "return new ServerClient('t').sendEmail({ from: 'a@b.co', to: 'c@d.co', text: 't' });",
    ),
}

PROBE = "{imports}\nexport async function probe(): Promise<unknown> {{\n  {statement}\n}}\n"


@pytest.fixture(scope="module")
def ts_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("channels-ts")


@pytest.fixture(scope="module")
def misuse_files(ts_workdir: Path) -> dict[str, tuple[Path, Path]]:
    files = {}
    for name, (imports, good, bad) in MISUSE.items():
        ok, wrong = ts_workdir / f"probe_{name}_ok.ts", ts_workdir / f"probe_{name}_bad.ts"
        ok.write_text(PROBE.format(imports=imports, statement=good), encoding="utf-8")
        wrong.write_text(PROBE.format(imports=imports, statement=bad), encoding="utf-8")
        files[name] = (ok, wrong)
    return files


@pytest.fixture(scope="module")
def fenced_ts(ts_workdir: Path) -> list[Path]:
    out = ts_workdir / "fenced"
    out.mkdir()
    return tc.write_fenced(CHANNEL_DOCS, tc.TS_FENCES, ".ts", out)


@pytest.fixture(scope="module")
def tsc_result(
    ts_workdir: Path, misuse_files: dict[str, tuple[Path, Path]], fenced_ts: list[Path]
) -> tc.TscResult:
    """One tsc process for every snippet, fenced block and misuse probe."""
    if not tc.tsc_available():
        pytest.fail(tc.INSTALL_HINT)
    probes = [p for pair in misuse_files.values() for p in pair]
    return tc.typecheck([*snippet_paths("ts"), *fenced_ts, *probes], ts_workdir)


@pytest.mark.toolchain
@pytest.mark.parametrize("path", snippet_paths("ts"), ids=lambda p: p.parent.name)
def test_delivery_ts_type_checks_strictly(path: Path, tsc_result: tc.TscResult) -> None:
    errors = tsc_result.errors_in(path)
    assert not errors, "\n".join(errors)


@pytest.mark.toolchain
def test_no_errors_outside_the_misuse_probes(tsc_result: tc.TscResult) -> None:
    stray = {p: e for p, e in tsc_result.errors.items() if not p.name.endswith("_bad.ts")}
    assert not stray, tsc_result.output
    assert not [line for line in tsc_result.output.splitlines() if line.startswith("error TS")]


@pytest.mark.toolchain
def test_fenced_typescript_blocks_in_channel_docs_compile(
    fenced_ts: list[Path], tsc_result: tc.TscResult
) -> None:
    for path in fenced_ts:
        assert not tsc_result.errors_in(path), tsc_result.output


@pytest.mark.toolchain
@pytest.mark.parametrize("name", sorted(MISUSE))
def test_provider_declarations_reject_misuse(
    name: str, misuse_files: dict[str, tuple[Path, Path]], tsc_result: tc.TscResult
) -> None:
    good, bad = misuse_files[name]
    assert not tsc_result.errors_in(good), "\n".join(tsc_result.errors_in(good))
    assert tsc_result.errors_in(bad), f"{bad.name} compiled, but it misuses the provider API"


# --------------------------------------------------------------------------- Python


@pytest.fixture(scope="module")
def python_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("channels-py")
    return [*snippet_paths("py"), *tc.write_fenced(CHANNEL_DOCS, tc.PY_FENCES, ".py", out)]


def test_python_snippets_compile(python_files: list[Path]) -> None:
    assert tc.python_compile_errors(python_files) == []


@pytest.mark.toolchain
def test_python_snippets_pass_ruff(python_files: list[Path]) -> None:
    result = tc.ruff_check(python_files)
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- Python behaviour


def load(path: Path, directory: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Import a snippet the way a user runs it: personize_client.py sits next to it."""
    shutil.copy(CLIENT_SOURCE, directory / "personize_client.py")
    monkeypatch.syspath_prepend(str(directory))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # keep recipes/ and channels/ clean
    monkeypatch.delitem(sys.modules, "personize_client", raising=False)
    name = f"{path.parent.name}_{path.stem}".replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Recorder:
    """An httpx transport that records requests and answers from a list of responses."""

    def __init__(self, *responses: httpx.Response) -> None:
        self.requests: list[httpx.Request] = []
        self._responses = list(responses)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self._responses.pop(0)

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))


def test_sendgrid_sends_text_before_html_with_the_campaign(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sendgrid = load(CHANNELS / "sendgrid" / "deliver.py", tmp_path, monkeypatch)
    monkeypatch.setenv("SENDGRID_API_KEY", "SG.test")
    monkeypatch.setenv("SENDGRID_FROM_EMAIL", "team@acme.io")
    recorder = Recorder(httpx.Response(202, headers={"X-Message-Id": "m-1"}))
    message = sendgrid.EmailMessage(
        "ana@example.com", "Your SSO setup", "<p>Live</p>", "Live", "q3"
    )
    result = sendgrid.send_with_sendgrid(message, http=recorder.client())
    (request,) = recorder.requests
    body = json.loads(request.content)
    assert [c["type"] for c in body["content"]] == ["text/plain", "text/html"]
    assert body["categories"] == ["q3"] and request.headers["Authorization"] == "Bearer SG.test"
    assert (result.status, result.message_id) == (202, "m-1")


def test_email_rules_block_the_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sendgrid = load(CHANNELS / "sendgrid" / "deliver.py", tmp_path, monkeypatch)
    monkeypatch.setenv("SENDGRID_API_KEY", "SG.test")
    monkeypatch.setenv("SENDGRID_FROM_EMAIL", "team@acme.io")
    recorder = Recorder()
    message = sendgrid.EmailMessage("ana@example.com", "x" * 81, "<div>hi</div>", "", "q3")
    with pytest.raises(ValueError, match="subject must be 1-80") as raised:
        sendgrid.send_with_sendgrid(message, http=recorder.client())
    assert "disallowed HTML tags: div" in str(raised.value)
    assert "plain-text part is missing" in str(raised.value)
    assert recorder.requests == []


def test_twilio_posts_the_form_and_checks_segments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twilio = load(CHANNELS / "twilio" / "deliver.py", tmp_path, monkeypatch)
    for name, value in {"TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "tok"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("TWILIO_FROM_NUMBER", "+15005550006")
    recorder = Recorder(httpx.Response(201, json={"sid": "SM1", "status": "queued"}))
    sms = twilio.SmsMessage("+14155550123", "Your trial ends Friday.", "trial", "li@example.org")
    result = twilio.send_sms(sms, http=recorder.client())
    (request,) = recorder.requests
    assert request.url.path == "/2010-04-01/Accounts/AC1/Messages.json"
    assert b"To=%2B14155550123" in request.content and b"From=%2B15005550006" in request.content
    assert (result.sid, result.status) == ("SM1", "queued")
    assert any(
        "E.164" in p for p in twilio.check_sms(twilio.SmsMessage("4155550123", "hi", "c", "e"))
    )
    emoji = twilio.SmsMessage("+14155550123", "Ready 🎉 " + "x" * 70, "c", "e")
    assert any("one segment holds 70" in p for p in twilio.check_sms(emoji))


def test_postmark_error_code_is_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    postmark = load(CHANNELS / "postmark" / "deliver.py", tmp_path, monkeypatch)
    monkeypatch.setenv("POSTMARK_SERVER_TOKEN", "pm-token")
    monkeypatch.setenv("POSTMARK_FROM_EMAIL", "team@acme.io")
    recorder = Recorder(httpx.Response(422, json={"ErrorCode": 406, "Message": "Inactive"}))
    message = postmark.EmailMessage("ana@example.com", "Hi", "<p>Hi</p>", "Hi", "q3")
    with pytest.raises(ValueError, match="Postmark error 406: Inactive"):
        postmark.send_with_postmark(message, http=recorder.client())
    assert recorder.requests[0].headers["X-Postmark-Server-Token"] == "pm-token"


def test_resend_sends_idempotency_key_and_clean_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resend = load(CHANNELS / "resend" / "deliver.py", tmp_path, monkeypatch)
    monkeypatch.setenv("RESEND_API_KEY", "re_test")
    monkeypatch.setenv("RESEND_FROM", "Acme <hi@mail.acme.io>")
    recorder = Recorder(httpx.Response(200, json={"id": "em_1"}))
    message = resend.EmailMessage("ana@example.com", "Hi", "<p>Hi</p>", "Hi", "Q3 launch!", "k-1")
    assert resend.send_with_resend(message, http=recorder.client()) == "em_1"
    (request,) = recorder.requests
    assert request.headers["Idempotency-Key"] == "k-1"
    assert json.loads(request.content)["tags"] == [{"name": "campaign", "value": "Q3_launch_"}]


@pytest.mark.parametrize(
    ("words", "target", "ok"),
    [(150, "U123", True), (151, "U123", False), (300, "C123", True), (301, "C123", False)],
)
def test_slack_word_limits(
    words: int, target: str, ok: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slack = load(CHANNELS / "slack" / "deliver.py", tmp_path, monkeypatch)
    problems = slack.check_slack(slack.SlackMessage(target, "word " * words, "c"))
    assert (problems == []) is ok


class FlakyEndpoint(BaseHTTPRequestHandler):
    """Answers with the next status from `statuses` and keeps what it received."""

    statuses: ClassVar[list[int]] = []
    received: ClassVar[list[tuple[dict[str, str], bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((dict(self.headers), body))
        self.send_response(type(self).statuses.pop(0))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[tuple[str, type[FlakyEndpoint]]]:
    handler = type("Endpoint", (FlakyEndpoint,), {"statuses": [], "received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", handler
    server.shutdown()
    server.server_close()


def load_receiver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return load(tc.REPO / "recipes" / "webhook-receiver" / "pipeline.py", tmp_path, monkeypatch)


def test_webhook_retries_5xx_with_one_idempotency_key_and_signs_for_the_receiver(
    endpoint: tuple[str, type[FlakyEndpoint]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, handler = endpoint
    handler.statuses = [503, 502, 200]
    webhook = load(CHANNELS / "webhook" / "deliver.py", tmp_path, monkeypatch)
    receiver = load_receiver(tmp_path, monkeypatch)
    monkeypatch.setenv("WEBHOOK_SIGNING_SECRET", "shared")
    waits: list[float] = []
    delivery = webhook.WebhookDelivery(url, {"subject": "Hi"}, "q3", "ana@example.com")
    result = webhook.deliver_webhook(delivery, sleep=waits.append)
    assert (result.status, result.attempts) == (200, 3)
    assert len(waits) == 2 and waits[0] < waits[1]
    keys = {headers["Idempotency-Key"] for headers, _ in handler.received}
    assert keys == {delivery.delivery_id}
    for headers, body in handler.received:  # the recipe's receiver accepts every attempt
        assert receiver.verify("shared", headers["X-Timestamp"], headers["X-Signature"], body)


def test_webhook_does_not_retry_a_rejected_request(
    endpoint: tuple[str, type[FlakyEndpoint]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, handler = endpoint
    handler.statuses = [400]
    webhook = load(CHANNELS / "webhook" / "deliver.py", tmp_path, monkeypatch)
    monkeypatch.setenv("WEBHOOK_SIGNING_SECRET", "shared")
    waits: list[float] = []
    with pytest.raises(ValueError, match="HTTP 400"):
        webhook.deliver_webhook(
            webhook.WebhookDelivery(url, {}, "q3", "ana@example.com"), sleep=waits.append
        )
    assert len(handler.received) == 1 and waits == []


def test_webhook_refuses_plain_http_to_remote_hosts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    webhook = load(CHANNELS / "webhook" / "deliver.py", tmp_path, monkeypatch)
    monkeypatch.setenv("WEBHOOK_SIGNING_SECRET", "shared")
    with pytest.raises(ValueError, match="must be https"):
        webhook.deliver_webhook(webhook.WebhookDelivery("http://acme.io/h", {}, "c", "e@x.co"))


def test_record_delivery_memorizes_with_delivery_tags(
    personize_server: PersonizeImitation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sendgrid = load(CHANNELS / "sendgrid" / "deliver.py", tmp_path, monkeypatch)
    message = sendgrid.EmailMessage("ana@example.com", "Your SSO", "<p>Live</p>", "Live", "q3")
    result = sendgrid.DeliveryResult("sendgrid", 202, "m-1")
    with sendgrid.Personize(personize_server.key, base_url=personize_server.url) as client:
        sendgrid.record_delivery(client, message, result)
    (body,) = [r.body for r in personize_server.requests if r.path.endswith("/memorize")]
    assert body["email"] == "ana@example.com" and "Subject: Your SSO" in body["content"]
    assert body["tags"] == ["delivery", "channel:email", "provider:sendgrid", "campaign:q3"]
