"""Generated Python compiles and passes ruff, and runs against the loopback Personize imitation.

The email function is imported next to the standalone client and called for real: the
requests must come in the documented order with the documented options, and the structured
output must come back parsed however untidy the model's answer was.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from personize_assistant.codegen.helpers import python_client_source
from personize_assistant.personize.client import Personize
from tests.support.personize_fixtures import personize_server as personize_server
from tests.support.personize_imitation import PersonizeImitation
from tests.test_generate_cases import CASES, generate_case, make_scan
from tests.typescript.typecheck import python_compile_errors, ruff_check

ANA = {"email": "ana@acme.io", "full_name": "Ana Ruiz", "company": "Acme", "seats": 12}


@pytest.fixture(scope="session")
def py_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("generate-py")
    scan = make_scan(base, "py")
    files = {}
    helpers: dict[str, str] = {}
    for case in CASES:
        artifact = generate_case(scan, case, "py")
        files[case.name] = base / f"generated_{case.name}.py"
        files[case.name].write_text(artifact.code, encoding="utf-8")
        helpers |= {f.path: f.content for f in artifact.helper_files}
    # The runtime helper and the client the artifact says to add, beside the functions.
    assert set(helpers) == {"personize_wiring.py", "personize_client.py"}
    assert helpers["personize_client.py"] == python_client_source()
    for path, content in helpers.items():
        (base / path).write_text(content, encoding="utf-8")
    return files


@pytest.mark.toolchain
def test_generated_python_compiles_and_is_lint_clean(py_files: dict[str, Path]) -> None:
    assert python_compile_errors(py_files.values()) == []
    result = ruff_check(list(py_files.values()))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.toolchain
def test_generated_python_passes_strict_mypy(py_files: dict[str, Path]) -> None:
    """Users run mypy too: channels without limits or tags must still type-check
    (an unannotated `MAX_CHARS = {}` does not)."""
    import subprocess

    files = [str(path) for path in py_files.values()]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--ignore-missing-imports", *files],
        capture_output=True, text=True, timeout=300, check=False,
        cwd=py_files["email"].parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.toolchain
def test_the_lint_check_can_fail(py_files: dict[str, Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text(py_files["email"].read_text() + "\nimport os\n", encoding="utf-8")
    assert ruff_check([broken]).returncode != 0


@pytest.fixture
def load(py_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], ModuleType]]:
    """Import a generated module (and `personize_client` beside it) under a fresh name."""
    monkeypatch.syspath_prepend(str(py_files["email"].parent))
    loaded: list[str] = []

    def _load(name: str) -> ModuleType:
        module_name = f"generated_{name}"
        sys.modules.pop(module_name, None)
        loaded.append(module_name)
        return importlib.import_module(module_name)

    yield _load
    for name in loaded:
        sys.modules.pop(name, None)
    sys.modules.pop("personize_client", None)
    sys.modules.pop("personize_wiring", None)


@pytest.fixture
def client(personize_server: PersonizeImitation, load: Callable[[str], ModuleType]) -> Iterator[Any]:
    """A client of the copied `personize_client` module (importable once `load` ran)."""
    with Personize(personize_server.key, base_url=personize_server.url, max_retries=0) as api:
        api.guidelines.create(name="email-tone", value="Plain words. Never promise discounts.", tags=["always-on"])
        api.memory.memorize(content="Ana asked about adding seats for the Berlin team.", email=ANA["email"])
    personize_server.requests.clear()
    with _generated_client(personize_server) as generated:
        yield generated


def _generated_client(server: PersonizeImitation) -> Any:
    module = importlib.import_module("personize_client")
    return module.Personize(server.key, base_url=server.url, max_retries=0)


UNTIDY_EMAIL = (
    "```text\n"
    "**subject:**   Your renewal for Acme   \n"  # bold label, odd case, stray spaces
    "Body_Html:\n"
    "<p>Hi Ana, your 12 seats renew on Friday.</p>\n"
    "\n"
    "body_text: Hi Ana, your 12 seats renew on Friday.\n"
    "```"
)


def test_email_generation_runs_in_order_and_parses_untidy_output(
    load: Callable[[str], ModuleType], client: Any, personize_server: PersonizeImitation
) -> None:
    module = load("email")
    personize_server.controls.script_prompt(UNTIDY_EMAIL)
    result = module.generate_renewal_email(client, dict(ANA), "renewal reminder")
    assert (result.subject, result.body_html, result.body_text) == (
        "Your renewal for Acme",
        "<p>Hi Ana, your 12 seats renew on Friday.</p>",
        "Hi Ana, your 12 seats renew on Friday.",
    )
    assert result.problems == [] and result.review == []
    assert result.score == pytest.approx(0.8) and result.sendable
    paths = [r.path for r in personize_server.requests]
    assert paths[0].endswith("/ai/smart-guidelines")
    assert paths[-1].endswith("/prompt")
    assert {p.rsplit("/", 1)[1] for p in paths[1:-1]} == {"smart-memory-digest", "smart-recall"}
    _assert_documented_options(personize_server)


def test_a_sent_message_is_remembered_through_the_runtime_helper(
    load: Callable[[str], ModuleType], client: Any, personize_server: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PERSONIZE_SECRET_KEY", personize_server.key)
    monkeypatch.setenv("PERSONIZE_BASE_URL", personize_server.url)
    module = load("email")
    personize_server.controls.script_prompt(UNTIDY_EMAIL)
    result = module.generate_renewal_email(client, dict(ANA), "renewal reminder")
    result.remember(dict(ANA), outcome="msg-1")
    importlib.import_module("personize_wiring").wait_for_background()
    memorized = personize_server.requests_for("/api/v1/memorize", "POST")
    assert len(memorized) == 1
    body = memorized[0].body
    assert body["email"] == ANA["email"] and "Outcome: msg-1" in body["content"]
    assert "SUBJECT: Your renewal for Acme" in body["content"] and "CHANNEL_NOTES" not in body["content"]
    assert "channel:email" in body["tags"] and any(t.startswith("trigger:") for t in body["tags"])


def _assert_documented_options(server: PersonizeImitation) -> None:
    digest = server.requests_for("/api/v1/smart-memory-digest", "POST")[0].body
    recall = server.requests_for("/api/v1/smart-recall", "POST")[0].body
    prompt = server.requests_for("/api/v1/prompt", "POST")[0].body
    assert digest["email"] == ANA["email"] and digest["token_budget"] == 2000
    assert recall["minScore"] == 0.4 and recall["query"] == "renewal reminder"
    assert len(prompt["instructions"]) == 3 and prompt["evaluate"] is True
    assert "SUBJECT: plain text, at most 80 characters" in prompt["evaluationCriteria"]
    assert [o["name"] for o in prompt["outputs"]] == ["SUBJECT", "BODY_HTML", "BODY_TEXT", "CHANNEL_NOTES"]
    context = prompt["context"]
    assert "Never promise discounts" in context and "- seats: 12" in context and "Berlin team" in context
    assert context.index("## Guidelines") < context.index("## What we know about this Customer")


def test_structured_outputs_win_and_names_match_in_any_case(
    load: Callable[[str], ModuleType], client: Any, personize_server: PersonizeImitation
) -> None:
    module = load("email")
    personize_server.controls.script_prompt(
        'SUBJECT: from the text\n<output name="subject"> From the outputs </output>'
        '<output name="Body_Html"><p>Hi Ana.</p></output><output name="BODY_TEXT">Hi Ana.</output>'
    )
    result = module.generate_renewal_email(client, dict(ANA))
    assert (result.subject, result.body_html, result.body_text) == ("From the outputs", "<p>Hi Ana.</p>", "Hi Ana.")


def test_broken_rules_and_sensitive_content_are_reported(
    load: Callable[[str], ModuleType], client: Any, personize_server: PersonizeImitation
) -> None:
    module = load("email")
    personize_server.controls.script_prompt(
        "SUBJECT: " + "A very long subject line " * 4 + "\n"
        'BODY_HTML: <div>I hope this email finds you well. Take 20% off: <a href="http://acme.io">go</a></div>\n'
    )
    result = module.generate_renewal_email(client, dict(ANA))
    problems = " | ".join(result.problems)
    assert "BODY_TEXT is missing" in problems
    assert "SUBJECT is 99 characters (limit 80)" in problems  # measured after trimming
    assert "tags outside" in problems and "div" in problems
    assert "not an absolute https:// URL: http://acme.io" in problems
    assert "stock phrase" in problems
    assert any(r.startswith("REVIEW SUGGESTED: pricing content (% off)") for r in result.review)
    assert "REVIEW SUGGESTED: possible invention: '20%' is not in the context" in result.review
    assert not result.sendable


def test_a_low_self_evaluation_and_a_first_send_go_to_review(
    load: Callable[[str], ModuleType], client: Any, personize_server: PersonizeImitation
) -> None:
    module = load("sms")
    personize_server.controls.evaluation_score = 5
    personize_server.controls.script_prompt("BODY: Ana, your 12 seats renew Friday.")
    result = module.generate_customer_sms(client, dict(ANA), "renewal", first_send=True)
    assert result.body == "Ana, your 12 seats renew Friday." and result.problems == []
    assert result.review == [
        "REVIEW SUGGESTED: self-evaluation 0.50 is below 0.7",
        "REVIEW SUGGESTED: first send on this channel or audience",
    ]


def test_an_empty_structured_output_falls_back_to_the_text(
    load: Callable[[str], ModuleType], client: Any, personize_server: PersonizeImitation
) -> None:
    module = load("email")
    text = "SUBJECT: Seats for Berlin\nBODY_HTML: <p>Hi Ana.</p>\nBODY_TEXT: Hi Ana."
    personize_server.controls.script_prompt(f'{text}\n<output name="SUBJECT"> </output>')
    result = module.generate_renewal_email(client, dict(ANA))
    assert (result.subject, result.body_text) == ("Seats for Berlin", "Hi Ana.")


def test_review_topics_skip_what_the_context_holds_and_ordinary_invoice_words(
    load: Callable[[str], ModuleType],
) -> None:
    module = load("email")
    reminder = {"SUBJECT": "Invoice INV-7 is overdue", "BODY_TEXT": "Your invoice total includes tax."}
    assert not [r for r in module.review_reasons(reminder, "", 0.9, True, False) if "content (" in r]
    refund = {"SUBJECT": "Your refund", "BODY_TEXT": "Your refund is on its way."}
    assert any("pricing content (refund)" in r for r in module.review_reasons(refund, "", 0.9, True, False))
    asked = module.review_reasons(refund, "The client asked for a refund.", 0.9, True, False)
    assert not [r for r in asked if "content (" in r]
