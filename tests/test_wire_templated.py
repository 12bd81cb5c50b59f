"""Templated sends are wired: the personalized value reaches the template as a prop or
context key (empty when Personize fails, so the output is unchanged), and the template
file, when found, renders it in a second edit of the same patch.

The fixture apps `templated-email-ts` and `templated-email-py` hold one send per form; the
golden files under tests/golden/templated/ pin the patches (regenerate with
PERSONIZE_UPDATE_GOLDEN=1 and read the diff).
"""

from __future__ import annotations

import importlib
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from jinja2 import Environment

from personize_assistant.actions.wire.action import WireOptions, load_rules, wire, wireable
from personize_assistant.actions.wire.artifact import WireArtifact, render_diff, render_summary
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.actions.wire.write import plan_writes
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import RepoScan, Touchpoint
from tests.support.apps import copy_app, fixture_app
from tests.support.personize_fixtures import personize_env as personize_env
from tests.support.personize_fixtures import personize_server as personize_server
from tests.support.personize_imitation import PersonizeImitation
from tests.support.touchpoints import email_touchpoint
from tests.typescript.typecheck import SDK_SHIM

GOLDEN = Path(__file__).resolve().parent / "golden" / "templated"
TYPESCRIPT = Path(__file__).resolve().parent / "typescript"
UPDATE = os.environ.get("PERSONIZE_UPDATE_GOLDEN") == "1"

# (file, send line, function, provider) per form.
TS_SENDS = {
    "react_prop": ("src/send-welcome.tsx", 8, "sendWelcome", "resend"),
    "render_html": ("src/send-invoice.tsx", 10, "sendInvoice", "nodemailer"),
    "component_call": ("src/send-trial.ts", 10, "sendTrialEnding", "resend"),
    "component_not_found": ("src/send-receipt.tsx", 7, "sendReceipt", "resend"),
    "mailer_template": ("src/mailer/mailer.service.ts", 8, "Mailer.sendInvite", "nodemailer"),
}
PY_SENDS = {
    "render_to_string": ("shop/mail.py", 10, "send_receipt", "django"),
    "get_template_text": ("shop/mail.py", 21, "send_reminder", "django"),
    "jinja_render": ("shop/mail.py", 26, "send_digest", "django"),
    "template_not_found": ("shop/mail.py", 30, "send_survey", "django"),
    "flask_render_template": ("shop/flask_mail.py", 10, "send_welcome", "flask-mail"),
}


def _wire(root: Path, send: tuple[str, int, str, str]) -> WireArtifact:
    tp = email_touchpoint(*send)
    return wire(RepoScan(root=str(root), touchpoints=[tp]), WireOptions(touchpoint_id=tp.id), load_rules())


def _entry(root: Path, name: str, send: tuple[str, int, str, str]) -> str:
    artifact = _wire(root, send)
    created = ", ".join(f.path for f in artifact.files_created)
    diff = render_diff(artifact.model_copy(update={"files_created": []}))
    return f"## {name} {send[0]}:{send[1]} {send[2]}\n\n{render_summary(artifact)}\nfiles created: {created}\n\n```diff\n{diff}```\n"


@pytest.mark.parametrize(("app", "sends"), [("templated-email-ts", TS_SENDS), ("templated-email-py", PY_SENDS)])
def test_templated_wiring_matches_the_golden_files(app: str, sends: dict[str, tuple[str, int, str, str]]) -> None:
    root = fixture_app(app)
    text = f"# {app}: wire templated sends\n\n" + "\n".join(_entry(root, n, s) for n, s in sends.items())
    golden = GOLDEN / f"{app}.md"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{golden} changed; review and regenerate"


def _edit(artifact: WireArtifact, path: str) -> str:
    """The added lines of the edit of `path` (empty when the patch does not touch it)."""
    edits = [e for e in artifact.edits if e.path == path]
    return "\n".join(line for e in edits for h in e.hunks for line in h.lines if line.startswith("+"))


def test_a_react_prop_is_passed_and_the_component_takes_and_renders_it() -> None:
    artifact = _wire(fixture_app("templated-email-ts"), TS_SENDS["react_prop"])
    send, component = _edit(artifact, "src/send-welcome.tsx"), _edit(artifact, "src/emails/welcome.tsx")
    assert "<WelcomeEmail personalizedIntro={personalized?.INTRO}" in send
    assert "personalizeMessage(" in send and "rememberDelivery(" in send
    assert "personalizedIntro?: string;" in component
    assert "{personalizedIntro ? <Text>{personalizedIntro}</Text> : null}" in component
    assert [e.path for e in artifact.edits] == ["src/send-welcome.tsx", "src/emails/welcome.tsx"]


def test_an_aliased_component_rendered_to_html_is_found_and_given_the_prop() -> None:
    artifact = _wire(fixture_app("templated-email-ts"), TS_SENDS["render_html"])
    assert "render(<InvoiceEmail personalizedIntro={personalized?.INTRO}" in _edit(artifact, "src/send-invoice.tsx")
    component = _edit(artifact, "src/emails/invoice.tsx")
    assert "{ personalizedIntro?: string; amount: string }" in component
    assert "props.personalizedIntro ? <p>" in component  # no <Text> imported there
    assert any("returns its send" in n for n in artifact.notes)


def test_a_component_that_is_not_in_the_repo_is_named_and_the_prop_still_type_checks() -> None:
    artifact = _wire(fixture_app("templated-email-ts"), TS_SENDS["component_not_found"])
    assert [e.path for e in artifact.edits] == ["src/send-receipt.tsx"]
    assert "{...{ personalizedIntro: personalized?.INTRO }}" in _edit(artifact, "src/send-receipt.tsx")
    assert any("ReceiptEmail was not changed" in n and "@acme/email-kit" in n for n in artifact.notes)


def test_a_mailer_context_gets_the_value_and_its_handlebars_template_renders_it() -> None:
    artifact = _wire(fixture_app("templated-email-ts"), TS_SENDS["mailer_template"])
    assert "context: { personalizedIntro: personalized?.INTRO, inviteUrl }" in _edit(artifact, "src/mailer/mailer.service.ts")
    template = _edit(artifact, "src/mailer/templates/invitation.hbs")
    assert template == "+<body>{{#if personalizedIntro}}<p>{{personalizedIntro}}</p>{{/if}}"


def test_a_mailer_template_named_by_the_parameter_type_is_changed_with_the_context() -> None:
    # `template: mail.template` with `mail: InviteMail` (`template: 'invitation'`).
    send = ("src/mailer/mailer.service.ts", 17, "Mailer.sendTypedInvite", "nodemailer")
    artifact = _wire(fixture_app("templated-email-ts"), send)
    assert "context: { ...mail.variables, personalizedIntro: personalized?.INTRO }" in _edit(artifact, "src/mailer/mailer.service.ts")
    assert "{{#if personalizedIntro}}" in _edit(artifact, "src/mailer/templates/invitation.hbs")


def test_a_mailer_context_whose_template_is_chosen_at_run_time_is_not_ready() -> None:
    # No template file can be shown changing, so the new context key would go unrendered.
    send = ("src/mailer/mailer.service.ts", 26, "Mailer.sendEither", "nodemailer")
    with pytest.raises(UsageError, match="cannot be given the new value"):
        _wire(fixture_app("templated-email-ts"), send)


def test_django_context_gets_the_value_and_the_extending_template_renders_it_in_its_content_block() -> None:
    artifact = _wire(fixture_app("templated-email-py"), PY_SENDS["render_to_string"])
    assert '{"personalized_intro": personalized["INTRO"] if personalized else "", "order": order}' in _edit(
        artifact, "shop/mail.py"
    )
    template = _edit(artifact, "shop/templates/mail/receipt.html")
    assert template.startswith("+{% block content %}{% if personalized_intro %}")


def test_flask_render_template_gets_a_keyword_and_a_fragment_template_renders_it_first() -> None:
    artifact = _wire(fixture_app("templated-email-py"), PY_SENDS["flask_render_template"])
    assert 'render_template("mail/welcome.html", user=user, personalized_intro=personalized["INTRO"]' in _edit(
        artifact, "shop/flask_mail.py"
    )
    template = _edit(artifact, "shop/templates/mail/welcome.html")
    assert template.startswith("+{% if personalized_intro %}<p>{{ personalized_intro|escape }}</p>{% endif %}<h1>")


def test_a_python_template_that_is_not_in_the_repo_is_named() -> None:
    artifact = _wire(fixture_app("templated-email-py"), PY_SENDS["template_not_found"])
    assert [e.path for e in artifact.edits] == ["shop/mail.py"]
    assert '{**context, "personalized_intro":' in _edit(artifact, "shop/mail.py")
    assert any("mail/survey.html was not changed" in n for n in artifact.notes)


def test_a_templated_send_that_cannot_await_is_refused_with_the_template_named(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "welcome.tsx").write_text(
        "import { Resend } from 'resend';\nimport { WelcomeEmail } from './emails/welcome';\n\n"
        "const resend = new Resend('key');\n\nexport function sendWelcome(to: string, name: string) {\n"
        "  return resend.emails.send({ from: 'a@b.c', to, subject: 'Hi', react: <WelcomeEmail name={name} /> });\n}\n",
        encoding="utf-8",
    )
    scan = RepoScan(root=str(tmp_path), touchpoints=[email_touchpoint("src/welcome.tsx", 7, "sendWelcome", "resend")])
    (candidate,) = wireable(scan, load_rules())
    assert not candidate.ready
    assert candidate.reason is not None and "not async" in candidate.reason and "WelcomeEmail" in candidate.reason


# --------------------------------------------------------------------------- the patches are real code


def _applied(app: str, sends: dict[str, tuple[str, int, str, str]], target: Path, only: str) -> Path:
    root = copy_app(app, target)
    for path, text in plan_writes(root, _wire(root, sends[only])).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.toolchain
@pytest.mark.parametrize("name", list(TS_SENDS))
def test_wired_templated_typescript_type_checks(tmp_path: Path, name: str) -> None:
    root = _applied("templated-email-ts", TS_SENDS, tmp_path / "app", name)
    base = TYPESCRIPT / "wire" / "tsconfig.json"
    files = [str(p) for p in sorted((root / "src").rglob("*.ts*"))]
    files += [str(TYPESCRIPT / "wire" / "ambient.d.ts"), str(TYPESCRIPT / "wire" / "templated-mail.d.ts")]
    files += [str(TYPESCRIPT / "personize-sdk.d.ts")]
    config = {"extends": str(base), "compilerOptions": {"baseUrl": str(root), "paths": {"@/*": ["src/*"]}}, "files": files}
    (tmp_path / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run(
        [str(TYPESCRIPT / "node_modules" / ".bin" / "tsc"), "-p", str(tmp_path), "--pretty", "false"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.toolchain
def test_the_type_check_sees_a_prop_the_component_does_not_take(tmp_path: Path) -> None:
    """The harness checks component props for real: a wrong prop name fails it."""
    root = copy_app("templated-email-ts", tmp_path / "app")
    send = root / "src" / "send-welcome.tsx"
    send.write_text(send.read_text(encoding="utf-8").replace("name={name}", "nam={name}"), encoding="utf-8")
    config = {
        "extends": str(TYPESCRIPT / "wire" / "tsconfig.json"),
        "files": [str(send), str(TYPESCRIPT / "wire" / "ambient.d.ts"), str(TYPESCRIPT / "wire" / "templated-mail.d.ts")],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run(
        [str(TYPESCRIPT / "node_modules" / ".bin" / "tsc"), "-p", str(tmp_path), "--pretty", "false"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode != 0 and "nam" in done.stdout


@pytest.mark.toolchain
@pytest.mark.parametrize("name", list(PY_SENDS))
def test_wired_templated_python_compiles_and_passes_ruff(tmp_path: Path, name: str) -> None:
    root = _applied("templated-email-py", PY_SENDS, tmp_path / "app", name)
    mail = root / "shop" / "mail.py"
    ruff = Path(sys.executable).parent / "ruff"
    done = subprocess.run(
        [str(ruff), "check", "--isolated", "--select", "E9,F", str(mail)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    compile(mail.read_text(encoding="utf-8"), str(mail), "exec")


# --------------------------------------------------------------------------- fallback, for real

_numbers = itertools.count()

JINJA_MAILER = """from pathlib import Path

from jinja2 import Environment, FileSystemLoader

SENT: list[dict[str, str]] = []
env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")))


def deliver(to: str, subject: str, html: str) -> None:
    SENT.append({"to": to, "subject": subject, "html": html})


def send_welcome(to: str, name: str) -> None:
    template = env.get_template("welcome.html")
    deliver(to, "Welcome", template.render(name=name))
"""
WELCOME = "<html>\n<body>\n<p>Hi {{ name }}, welcome aboard.</p>\n</body>\n</html>\n"


def _original_render(name: str) -> str:
    return Environment().from_string(WELCOME).render(name=name)


@pytest.fixture
def wired_jinja(
    tmp_path: Path, rules: WireRules, personize_env: PersonizeImitation, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ModuleType]:
    package = f"templated_app_{next(_numbers)}"
    (tmp_path / package / "templates").mkdir(parents=True)
    (tmp_path / package / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / package / "mailer.py").write_text(JINJA_MAILER, encoding="utf-8")
    (tmp_path / package / "templates" / "welcome.html").write_text(WELCOME, encoding="utf-8")
    tp: Touchpoint = email_touchpoint(f"{package}/mailer.py", 15, "send_welcome", "smtp")
    artifact = wire(RepoScan(root=str(tmp_path), touchpoints=[tp]), WireOptions(touchpoint_id=tp.id), rules)
    for path, text in plan_writes(tmp_path, artifact).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("PERSONIZE_TIMEOUT_SECONDS", "2")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module(f"{package}.mailer")
    yield module
    importlib.import_module(f"{package}.personize_wiring").wait_for_background()
    for name in [m for m in sys.modules if m == package or m.startswith(f"{package}.")]:
        del sys.modules[name]


@pytest.fixture(scope="session")
def rules() -> WireRules:
    return load_rules()


def test_when_personize_errors_the_template_renders_exactly_as_before(
    wired_jinja: ModuleType, personize_env: PersonizeImitation
) -> None:
    personize_env.controls.server_error(times=None)
    wired_jinja.send_welcome("ana@example.com", "Ana")
    expected = {"to": "ana@example.com", "subject": "Welcome", "html": _original_render("Ana")}
    sent = wired_jinja.SENT
    assert sent == [expected]
    assert personize_env.requests_for("/api/v1/memorize") == []


def test_when_personize_answers_the_template_renders_the_intro_and_the_delivery_is_memorized(
    wired_jinja: ModuleType, personize_env: PersonizeImitation
) -> None:
    personize_env.controls.script_prompt('<output name="INTRO">Ana, your team already set up <b>two</b> boards.</output>')
    wired_jinja.send_welcome("ana@example.com", "Ana")
    html = wired_jinja.SENT[0]["html"]
    assert "<p>Ana, your team already set up &lt;b&gt;two&lt;/b&gt; boards.</p>" in html  # escaped, never markup
    assert html.replace("<p>Ana, your team already set up &lt;b&gt;two&lt;/b&gt; boards.</p>", "") == _original_render("Ana")
    prompt = personize_env.requests_for("/api/v1/prompt", "POST")[0].body
    assert [o["name"] for o in prompt["outputs"]] == ["INTRO"]
    assert "What to write: a short personal opening paragraph for the welcome.html email, shown above" in prompt["context"]
    importlib.import_module(wired_jinja.__name__.rsplit(".", 1)[0] + ".personize_wiring").wait_for_background()
    (memorized,) = [r.body for r in personize_env.requests_for("/api/v1/memorize", "POST")]
    assert memorized["email"] == "ana@example.com"


def test_a_refused_templated_send_still_says_why(tmp_path: Path) -> None:
    """No template, no content: the refusal names what is missing rather than a template."""
    (tmp_path / "m.py").write_text("def ping(to):\n    send_mail('Hi', 'x', 'a@b.c', [to])\n", encoding="utf-8")
    tp = email_touchpoint("m.py", 2, "ping", "django")
    with pytest.raises(UsageError, match="passes no"):
        wire(RepoScan(root=str(tmp_path), touchpoints=[tp]), WireOptions(touchpoint_id=tp.id), load_rules())


def test_a_template_built_inside_a_callback_is_not_wired_from_outside_it(tmp_path: Path) -> None:
    """The step must sit where the props are built; inside `.map(...)` it could not await."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "notify.tsx").write_text(
        "import { Resend } from 'resend';\nimport { RowEmail } from './emails/row';\n\n"
        "const resend = new Resend('key');\n\nexport async function notifyAll(rows: { to: string }[]) {\n"
        "  await Promise.all(rows.map((row) => resend.emails.send({ from: 'a@b.c', to: row.to, subject: 'Hi', "
        "react: <RowEmail row={row} /> })));\n}\n",
        encoding="utf-8",
    )
    tp = email_touchpoint("src/notify.tsx", 7, "notifyAll", "resend")
    with pytest.raises(UsageError, match="renders its content from a React Email component"):
        wire(RepoScan(root=str(tmp_path), touchpoints=[tp]), WireOptions(touchpoint_id=tp.id), load_rules())


MAILER_DRIVER = """
const { Mailer } = require(process.argv[2]);
const sent = [];
const mailer = new Mailer({ sendMail: async (options) => { sent.push(options); return 'queued'; } });
mailer.sendInvite('ana@acme.io', 'https://acme.dev/join').then(() => console.log(JSON.stringify(sent)));
"""


@pytest.fixture(scope="module")
def compiled_mailer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wired NestJS mailer as CommonJS; `@personize/sdk` resolves to the test shim."""
    base = tmp_path_factory.mktemp("templated-js")
    root = _applied("templated-email-ts", TS_SENDS, base / "app", "mailer_template")
    files = [root / "src" / "mailer" / "mailer.service.ts", root / "src" / "personize-wiring.ts"]
    files += [TYPESCRIPT / "wire" / "ambient.d.ts", TYPESCRIPT / "wire" / "templated-mail.d.ts", TYPESCRIPT / "personize-sdk.d.ts"]
    options = {"noEmit": False, "outDir": str(base / "js"), "rootDir": str(root / "src"), "module": "commonjs", "moduleResolution": "node"}
    config = {"extends": str(TYPESCRIPT / "wire" / "tsconfig.json"), "compilerOptions": options, "files": [str(f) for f in files]}
    (base / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run(
        [str(TYPESCRIPT / "node_modules" / ".bin" / "tsc"), "-p", str(base), "--pretty", "false"],
        capture_output=True, text=True, check=False, cwd=base,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    (base / "js" / "driver.js").write_text(MAILER_DRIVER, encoding="utf-8")
    return base / "js"


def _send_invite(compiled: Path, server: PersonizeImitation) -> list[dict[str, object]]:
    env = {"PERSONIZE_SECRET_KEY": server.key, "PERSONIZE_BASE_URL": server.url,
           "NODE_PATH": str(SDK_SHIM), "PATH": "/usr/local/bin:/usr/bin:/bin"}  # fmt: skip
    done = subprocess.run(
        ["node", str(compiled / "driver.js"), str(compiled / "mailer" / "mailer.service.js")],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    sent: list[dict[str, object]] = json.loads(done.stdout)
    return sent


@pytest.mark.toolchain
def test_wired_typescript_keeps_the_template_context_when_personize_errors(
    compiled_mailer: Path, personize_server: PersonizeImitation
) -> None:
    personize_server.controls.server_error(times=None)
    (options,) = _send_invite(compiled_mailer, personize_server)
    # `personalizedIntro` is undefined (dropped by JSON): the template sees the context it always did.
    assert options["context"] == {"inviteUrl": "https://acme.dev/join"}
    assert (options["template"], options["to"]) == ("invitation", "ana@acme.io")


@pytest.mark.toolchain
def test_wired_typescript_passes_the_generated_intro_to_the_template(
    compiled_mailer: Path, personize_server: PersonizeImitation
) -> None:
    personize_server.controls.script_prompt('<output name="INTRO">Ana, your team is waiting for you.</output>')
    (options,) = _send_invite(compiled_mailer, personize_server)
    assert options["context"] == {"personalizedIntro": "Ana, your team is waiting for you.", "inviteUrl": "https://acme.dev/join"}
    prompt = personize_server.requests_for("/api/v1/prompt", "POST")[0].body
    assert "What to write: a short personal opening paragraph for the invitation email" in prompt["context"]


def test_the_recipient_is_what_the_send_names_when_it_is_known_before_the_step(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "viewed.tsx").write_text(
        "import { Resend } from 'resend';\nimport { ViewedEmail } from '@acme/emails';\n\n"
        "const resend = new Resend('key');\n\n"
        "export async function sendViewed({ ownerEmail, doc }: { ownerEmail: string; doc: string }) {\n"
        "  const cc = ['team@acme.dev'];\n"
        "  await resend.emails.send({ from: 'a@b.c', to: ownerEmail, cc, subject: 'Viewed', react: <ViewedEmail doc={doc} /> });\n"
        "}\n",
        encoding="utf-8",
    )
    artifact = _wire(tmp_path, ("src/viewed.tsx", 8, "sendViewed", "resend"))
    assert "    recipient: ownerEmail," in _edit(artifact, "src/viewed.tsx")
