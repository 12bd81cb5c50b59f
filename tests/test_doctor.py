"""`doctor` and `collections` against the loopback imitation: real sockets, no patched clients.

A few runs go through a subprocess exactly as a new user would; the error matrix runs the same
entry point (`cli.main`) in-process to keep the suite fast.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from personize_assistant import cli
from tests.support.personize_fixtures import (
    personize_env as personize_env,
)
from tests.support.personize_fixtures import (
    personize_server as personize_server,
)
from tests.support.personize_imitation import PersonizeImitation

Inject = Callable[[PersonizeImitation], None]


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def new_user_env(tmp_path: Path, **values: str) -> dict[str, str]:
    """A clean environment: no keys, no config file, nothing inherited that could leak in."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("PERSONIZE", "ANTHROPIC"))}
    return {**keep, "PERSONIZE_ASSISTANT_CONFIG": str(tmp_path / "config.toml"), **values}


def run_subprocess(env: dict[str, str], *args: str) -> Run:
    result = subprocess.run(
        [sys.executable, "-m", "personize_assistant.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def run_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> Run:
    monkeypatch.setattr(sys, "argv", ["personize-assistant", *args])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    captured = capsys.readouterr()
    code = exited.value.code
    return Run(
        code if isinstance(code, int) else (0 if code is None else 1), captured.out, captured.err
    )


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def assert_clean_failure(run: Run, key: str) -> None:
    assert "Traceback" not in run.text
    assert key not in run.text
    error_lines = [line for line in run.err.splitlines() if line.startswith("error:")]
    assert len(error_lines) <= 1


# --------------------------------------------------------------------------- a new user, via subprocess


@pytest.mark.toolchain
def test_doctor_without_keys_explains_what_works_offline(tmp_path: Path) -> None:
    run = run_subprocess(new_user_env(tmp_path), "doctor")
    assert run.code == 0, run.text
    assert "ok    python" in run.out and "ok    tree-sitter" in run.out
    assert "PERSONIZE_SECRET_KEY not set" in run.out
    assert "ANTHROPIC_API_KEY not set" in run.out
    assert "Works offline:" in run.out


@pytest.mark.toolchain
def test_doctor_with_a_key_shows_org_plan_limits_and_rate_budget(
    personize_server: PersonizeImitation, tmp_path: Path
) -> None:
    personize_server.controls.set_plan("free")
    env = new_user_env(
        tmp_path, PERSONIZE_SECRET_KEY=personize_server.key, PERSONIZE_BASE_URL=personize_server.url
    )
    run = run_subprocess(env, "doctor")
    assert run.code == 0, run.text
    assert "key accepted: Imitation Org, plan Free, 60 calls/min, 10,000 calls/month" in run.out
    assert (
        "batch sync: 54 rows per memorizeBatch request (one call each), one request every 62 s ≈ 52 records/min"
        in run.out
    )
    assert "full generate pipeline (≈6 calls per record): ≈ 10 records/min" in run.out
    assert [(r.method, r.path, r.auth_scheme) for r in personize_server.requests] == [
        ("GET", "/api/v1/me", "Bearer")
    ]
    assert personize_server.key not in run.text


@pytest.mark.toolchain
def test_collections_for_a_new_user(personize_server: PersonizeImitation, tmp_path: Path) -> None:
    env = new_user_env(
        tmp_path, PERSONIZE_SECRET_KEY=personize_server.key, PERSONIZE_BASE_URL=personize_server.url
    )
    run = run_subprocess(env, "collections")
    assert run.code == 0, run.text
    header, *rows = run.out.splitlines()
    assert header.split() == ["ID", "NAME", "ENTITY", "TYPE", "PROPERTIES"]
    assert [row.split()[1:] for row in rows] == [
        ["Contacts", "Contact", "5"],
        ["Companies", "Company", "4"],
    ]


@pytest.mark.toolchain
def test_collections_without_a_key_is_a_usage_error(tmp_path: Path) -> None:
    run = run_subprocess(new_user_env(tmp_path), "collections")
    assert run.code == 2
    assert run.out == ""
    assert run.err.strip().startswith("error: set PERSONIZE_SECRET_KEY")


@pytest.mark.toolchain
def test_the_key_can_come_from_the_config_file(
    personize_server: PersonizeImitation, tmp_path: Path
) -> None:
    (tmp_path / "config.toml").write_text(
        f'personize_secret_key = "{personize_server.key}"\npersonize_base_url = "{personize_server.url}"\n'
    )
    run = run_subprocess(new_user_env(tmp_path), "collections", "--json")
    assert run.code == 0, run.text
    assert [c["name"] for c in json.loads(run.out)] == ["Contacts", "Companies"]


# --------------------------------------------------------------------------- more output, in-process


def test_doctor_json_reports_checks_account_and_budget(
    personize_env: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-api03-notreal0000000000")
    monkeypatch.setenv("PERSONIZE_ASSISTANT_MODEL", "claude-opus-5-5")
    run = run_in_process(monkeypatch, capsys, "doctor", "--json")
    report = json.loads(run.out)
    assert run.code == 0 and report["ok"] is True
    checks = {check["name"]: check for check in report["checks"]}
    assert checks["anthropic"] == {
        "name": "anthropic",
        "status": "ok",
        "summary": "ANTHROPIC_API_KEY set; model claude-opus-5-5 (not called by doctor)",
    }
    assert (
        report["account"]["plan_name"] == "Pro" and report["account"]["limits"]["per_minute"] == 300
    )
    assert report["rate_budget"] == {
        "per_minute": 300,
        "per_month": 250000,
        "batch_rows_per_request": 270,
        "batch_wait_seconds": 62,
        "batch_records_per_minute": 261,
        "pipeline_records_per_minute": 50,
    }
    assert "sk-ant-api03-notreal" not in run.text


def test_doctor_reports_a_broken_config_file(
    personize_env: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("personize_base_url = [unterminated\n")
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CONFIG", str(config))
    run = run_in_process(monkeypatch, capsys, "doctor")
    assert run.code == 1
    failed = [line for line in run.out.splitlines() if line.startswith("FAIL")]
    assert len(failed) == 1 and f"{config} is not valid TOML" in failed[0]


def test_collections_follows_every_page(
    personize_env: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from personize_assistant.personize.client import Personize

    with Personize(personize_env.key, base_url=personize_env.url) as client:
        for index in range(55):
            client.collections.create(collectionName=f"Custom {index:02d}", entityType="Custom")
    run = run_in_process(monkeypatch, capsys, "collections", "--json")
    listed = json.loads(run.out)
    assert run.code == 0 and len(listed) == 57
    assert listed[-1] == {
        "id": listed[-1]["id"],
        "name": "Custom 54",
        "entity_type": "Custom",
        "property_count": 0,
    }
    assert (
        sum(
            1
            for r in personize_env.requests
            if r.path == "/api/v1/collections" and r.method == "GET"
        )
        == 2
    )


# --------------------------------------------------------------------------- the error matrix


@dataclass(frozen=True)
class ErrorCase:
    name: str
    inject: Inject
    exit_code: int
    says: str
    env: tuple[tuple[str, str], ...] = ()


ERROR_CASES = [
    ErrorCase(
        "401",
        lambda s: s.controls.fail_auth(401),
        1,
        "Personize rejected the key in PERSONIZE_SECRET_KEY (401 authentication_error)",
    ),
    ErrorCase(
        "403",
        lambda s: s.controls.fail_auth(403),
        1,
        "Personize rejected the key in PERSONIZE_SECRET_KEY (403 authentication_error)",
    ),
    ErrorCase("429 then success", lambda s: s.controls.rate_limit(times=1, retry_after=0), 0, ""),
    ErrorCase(
        "429 exhausted",
        lambda s: s.controls.rate_limit(times=None, retry_after=0),
        1,
        "Personize rate limit reached (per_minute limit 300): retry after 0 s",
    ),
    ErrorCase("500 then success", lambda s: s.controls.server_error(times=1, retry_after=0), 0, ""),
    ErrorCase(
        "500 exhausted",
        lambda s: s.controls.server_error(times=None, retry_after=0),
        1,
        "Personize server error 500 on GET",
    ),
    ErrorCase(
        "timeout",
        lambda s: s.controls.delay(5),
        1,
        "did not answer GET",
        (("PERSONIZE_TIMEOUT", "0.2"),),
    ),
    ErrorCase(
        "400 validation error",
        lambda s: s.controls.error(
            400,
            message="limit must be at most 200",
            details=[{"field": "limit", "message": "too large"}],
        ),
        1,
        "(400 validation_error): limit must be at most 200 [limit: too large]",
    ),
]


def _prepare(case: ErrorCase, server: PersonizeImitation, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in case.env:
        monkeypatch.setenv(name, value)
    case.inject(server)


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case.name for case in ERROR_CASES])
def test_collections_error_matrix(
    personize_env: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: ErrorCase,
) -> None:
    _prepare(case, personize_env, monkeypatch)
    run = run_in_process(monkeypatch, capsys, "collections")
    assert run.code == case.exit_code, run.text
    assert_clean_failure(run, personize_env.key)
    if case.exit_code == 0:
        assert "Contacts" in run.out and run.err == ""
    else:
        assert run.out == ""
        assert run.err.startswith("error: ") and case.says in run.err
        assert run.err.count("\n") == 1  # exactly one line


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case.name for case in ERROR_CASES])
def test_doctor_error_matrix(
    personize_env: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: ErrorCase,
) -> None:
    _prepare(case, personize_env, monkeypatch)
    run = run_in_process(monkeypatch, capsys, "doctor")
    assert run.code == case.exit_code, run.text
    assert_clean_failure(run, personize_env.key)
    personize_line = next(line for line in run.out.splitlines() if "personize  " in line)
    if case.exit_code == 0:
        assert personize_line.startswith("ok") and "key accepted" in personize_line
    else:
        assert personize_line.startswith("FAIL") and case.says in personize_line
        assert "check(s) failed" in run.out


def test_connection_refused_is_one_actionable_line(
    personize_env: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"http://127.0.0.1:{unused_port()}"
    monkeypatch.setenv("PERSONIZE_BASE_URL", url)
    collections = run_in_process(monkeypatch, capsys, "collections")
    assert collections.code == 1
    assert collections.err.startswith(f"error: Cannot connect to Personize at {url}")
    assert "check PERSONIZE_BASE_URL" in collections.err and collections.err.count("\n") == 1
    doctor = run_in_process(monkeypatch, capsys, "doctor")
    personize_line = next(line for line in doctor.out.splitlines() if "personize  " in line)
    assert doctor.code == 1
    assert personize_line.split()[:2] == ["FAIL", "personize"]
    assert f"Cannot connect to Personize at {url}" in personize_line


def test_malformed_base_url_is_a_usage_error(
    personize_env: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PERSONIZE_BASE_URL", "agent.personize.ai")
    run = run_in_process(monkeypatch, capsys, "collections")
    assert run.code == 2 and "PERSONIZE_BASE_URL must start with http:// or https://" in run.err
    doctor = run_in_process(monkeypatch, capsys, "doctor")
    assert doctor.code == 1 and "Traceback" not in doctor.text
    assert any(
        line.startswith("FAIL") and "PERSONIZE_BASE_URL must start with http" in line
        for line in doctor.out.splitlines()
    )


def test_invalid_settings_are_reported_not_raised(
    personize_env: PersonizeImitation,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PERSONIZE_TIMEOUT", "-1")
    doctor = run_in_process(monkeypatch, capsys, "doctor")
    assert doctor.code == 1
    failed = [line for line in doctor.out.splitlines() if line.startswith("FAIL")]
    assert len(failed) == 1 and "settings are invalid: PERSONIZE_TIMEOUT" in failed[0]
    collections = run_in_process(monkeypatch, capsys, "collections")
    assert collections.code == 2 and collections.err.startswith("error: cannot load settings")
    assert collections.err.count("\n") == 1 and "Traceback" not in collections.text


def test_doctor_text_fits_an_80_column_terminal() -> None:
    from personize_assistant.commands.doctor_checks import Check, DoctorReport, Status
    from personize_assistant.commands.personize_cmd import render_report

    long = "PERSONIZE_SECRET_KEY not set (environment or config file); needed for account checks, collections"
    report = DoctorReport(checks=[Check(name="python", status=Status.OK, summary="Python 3.11.7"),
                                  Check(name="personize", status=Status.SKIP, summary=long)])
    text = render_report(report, width=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert " ".join(text.split()).count(" ".join(long.split())) == 1  # nothing lost in the wrap
    assert render_report(report).splitlines()[1].endswith("collections")  # piped: one line per check
