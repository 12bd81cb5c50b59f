"""`wire --write`: applies to a clean checkout, refuses everything else, and the CLI front door.

The end-to-end tests copy an example app into a temp dir, `git init` and commit it, wire
one touchpoint through the CLI with `--write`, and check the result compiles (Python) or
type-checks (TypeScript) - the path a new user takes.
"""

from __future__ import annotations

import json
import os
import py_compile
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from personize_assistant.actions.wire.artifact import NewFile, render_diff
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.actions.wire.write import write_artifact
from personize_assistant.cli import app
from personize_assistant.errors import AssistantError, UsageError
from tests.test_wire_cases import (
    EXAMPLE_PY_CASES,
    EXAMPLE_TS_CASES,
    PY_CASES,
    materialize,
    wire_case,
)
from tests.test_wire_cases import rules as rules  # the session fixture
from tests.test_wire_typescript import TSC, _compile

GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    return done.stdout


def checkout(app_name: str, root: Path) -> Path:
    """A committed git checkout of fixture/example `app_name`."""
    materialize(app_name, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


# --------------------------------------------------------------------------- refusals


@pytest.mark.toolchain
def test_refuses_a_file_with_uncommitted_changes(tmp_path: Path, rules: WireRules) -> None:
    case = PY_CASES[1]  # flask notify.py send_sms
    root = checkout(case.app, tmp_path)
    artifact = wire_case(case, root, rules)
    (root / case.file).write_text((root / case.file).read_text() + "# local edit\n")
    with pytest.raises(UsageError, match=r"uncommitted changes in notify\.py"):
        write_artifact(root, artifact)
    assert "personize" not in (root / case.file).read_text()
    assert not (root / "personize_wiring.py").exists()


@pytest.mark.toolchain
def test_refuses_outside_the_repo_and_through_symlinks(tmp_path: Path, rules: WireRules) -> None:
    case = PY_CASES[1]
    root = checkout(case.app, tmp_path / "repo")
    artifact = wire_case(case, root, rules)
    escaping = artifact.model_copy(update={"files_created": [NewFile(path="../evil.py", content="x", summary="")]})
    with pytest.raises(UsageError, match="must stay inside the repository"):
        write_artifact(root, escaping)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (root / "linked").symlink_to(outside, target_is_directory=True)
    through_link = artifact.model_copy(
        update={"files_created": [NewFile(path="linked/personize_wiring.py", content="x", summary="")]}
    )
    with pytest.raises(UsageError, match="resolves outside the repository"):
        write_artifact(root, through_link)
    assert list(outside.iterdir()) == []


@pytest.mark.toolchain
def test_refuses_a_patch_that_no_longer_applies(tmp_path: Path, rules: WireRules) -> None:
    case = PY_CASES[1]
    root = checkout(case.app, tmp_path)
    artifact = wire_case(case, root, rules)
    # The code changes (and is committed) between making the patch and applying it.
    source = root / case.file
    source.write_text(source.read_text().replace("def send_sms(to: str, body: str) -> str:", "def send_sms(to: str, body: str, *, sender: str = '') -> str:"))
    git(root, "commit", "-qam", "change the signature")
    with pytest.raises(UsageError, match=r"notify\.py changed since the diff was made"):
        write_artifact(root, artifact)
    # Without the blob id (a hand-made artifact) the hunks themselves are checked.
    unhashed = artifact.model_copy(update={"edits": [e.model_copy(update={"base_sha": None}) for e in artifact.edits]})
    with pytest.raises(UsageError, match="does not apply cleanly"):
        write_artifact(root, unhashed)


@pytest.mark.toolchain
def test_refuses_when_a_new_file_already_exists_with_other_content(tmp_path: Path, rules: WireRules) -> None:
    case = PY_CASES[1]
    root = checkout(case.app, tmp_path)
    artifact = wire_case(case, root, rules)
    (root / "personize_client.py").write_text("# someone else's client\n")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "add a client")
    with pytest.raises(UsageError, match=r"personize_client\.py already exists"):
        write_artifact(root, artifact)


@pytest.mark.toolchain
def test_refuses_outside_a_git_checkout(tmp_path: Path, rules: WireRules) -> None:
    case = PY_CASES[1]
    root = materialize(case.app, tmp_path)
    with pytest.raises(UsageError, match="not a git checkout"):
        write_artifact(root, wire_case(case, root, rules))


@pytest.mark.toolchain
def test_the_rendered_diff_applies_with_git_apply(tmp_path: Path, rules: WireRules) -> None:
    case = EXAMPLE_TS_CASES[0]
    root = checkout(case.app, tmp_path)
    patch = tmp_path / "wire.patch"
    patch.write_text(render_diff(wire_case(case, root, rules)))
    git(root, "apply", "--check", str(patch))
    git(root, "apply", str(patch))
    assert "sendEmailOriginal" in (root / case.file).read_text()


# --------------------------------------------------------------------------- CLI, end to end


@pytest.fixture
def cli_scan(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make the CLI's scanner report the given cases (the scanner is tested on its own)."""
    from personize_assistant import scan as scan_package
    from tests.test_wire_cases import scan_for

    def use(cases: list) -> None:  # type: ignore[type-arg]
        monkeypatch.setattr(scan_package, "scan_repo", lambda root, **_: scan_for(root, cases), raising=False)

    return use


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run in-process; an AssistantError ends it the way `cli.main` does (its exit code)."""
    result = CliRunner().invoke(app, list(args))
    if isinstance(result.exception, AssistantError):
        return result.exception.exit_code, result.stdout, str(result.exception)
    return result.exit_code, result.stdout, result.stderr


def test_cli_list_shows_ids_and_patterns(tmp_path: Path, cli_scan) -> None:  # type: ignore[no-untyped-def]
    root = materialize("tallybook-py", tmp_path)
    cli_scan(EXAMPLE_PY_CASES)
    code, out, _ = run_cli("wire", str(root), "--list")
    assert code == 0
    rows = {line.split()[0]: line.split()[1:4] for line in out.splitlines()[1:] if line.startswith("tp_")}
    first = EXAMPLE_PY_CASES[0].touchpoint()
    assert rows[first.id] == ["email_send", "wrap", "py"]
    code, out, _ = run_cli("wire", str(root), "--list", "--json")
    listed = json.loads(out)
    assert {item["pattern"] for item in listed} >= {"wrap", "webhook_pipeline", "middleware", "event_mirror"}
    # Sends with no person to write for (a Slack webhook, a device push) are listed, not ready.
    assert all(item["ready"] or "no recipient" in item["reason"] for item in listed)
    assert sum(item["ready"] for item in listed) > len(listed) // 2


def test_cli_prints_a_diff_by_default_and_json_on_request(tmp_path: Path, cli_scan) -> None:  # type: ignore[no-untyped-def]
    case = EXAMPLE_TS_CASES[0]
    root = materialize(case.app, tmp_path)
    cli_scan([case])
    code, out, err = run_cli("wire", str(root), "--touchpoint", case.touchpoint().id)
    assert code == 0
    assert out.startswith("diff --git a/src/lib/email/send.ts")
    assert "trigger: every call to sendEmail()" in err
    code, out, _ = run_cli("wire", str(root), "-t", case.touchpoint().id, "--json")
    data = json.loads(out)
    assert data["pattern"] == "wrap" and data["field_mapping"]["SUBJECT"] == "email.subject"
    assert [f["path"] for f in data["files_created"]] == ["src/lib/personize-wiring.ts"]
    assert data["edits"][0]["hunks"][0]["lines"]


@pytest.mark.toolchain
def test_cli_errors_are_one_line(tmp_path: Path, cli_scan) -> None:  # type: ignore[no-untyped-def]
    root = materialize("express", tmp_path)
    cli_scan([])
    result = cli(root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "--touchpoint" in result.stderr
    code, _, _ = run_cli("wire", str(root), "-t", "tp_x", "--lang", "go")
    assert code == 2


@pytest.mark.toolchain
def test_a_new_user_wires_python_into_a_clean_checkout(tmp_path: Path, cli_scan) -> None:  # type: ignore[no-untyped-def]
    case = EXAMPLE_PY_CASES[0]  # send_templated_email
    root = checkout(case.app, tmp_path)
    cli_scan(EXAMPLE_PY_CASES)
    code, _, err = run_cli("wire", str(root), "-t", case.touchpoint().id, "--write")
    assert code == 0, err
    assert "wrote notifications/email.py" in err
    assert "wrote notifications/personize_client.py" in err
    changed = git(root, "status", "--porcelain").split()
    assert "notifications/personize_wiring.py" in changed
    for name in ("email.py", "personize_wiring.py", "personize_client.py"):
        py_compile.compile(str(root / "notifications" / name), doraise=True)
    # A second run sees the wiring and refuses to wrap the wrapper.
    code, _, err = run_cli("wire", str(root), "-t", case.touchpoint().id, "--write")
    assert code == 2 and "already wired" in err


@pytest.mark.toolchain
def test_a_new_user_wires_typescript_into_a_clean_checkout(tmp_path: Path, cli_scan) -> None:  # type: ignore[no-untyped-def]
    if not TSC.exists():
        pytest.skip("TypeScript is not installed in tests/typescript")
    case = EXAMPLE_TS_CASES[2]  # sendSms
    root = checkout(case.app, tmp_path / "app")
    cli_scan(EXAMPLE_TS_CASES)
    code, _, err = run_cli("wire", str(root), "-t", case.touchpoint().id, "--write")
    assert code == 0, err
    wired = root / case.file
    assert "sendSmsOriginal" in wired.read_text()
    errors = _compile(tmp_path, [wired, root / "src/lib/personize-wiring.ts"])
    assert errors.get(wired.resolve(), set()) == set()
    assert errors.get((root / "src/lib/personize-wiring.ts").resolve(), set()) == set()


# --------------------------------------------------------------------------- the real scanner


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "personize_assistant.cli", "wire", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
        # The scan cache goes next to the checkout, not into the real user cache.
        env={**os.environ, "PERSONIZE_ASSISTANT_CONFIG": os.devnull, "XDG_CACHE_HOME": str(root.parent / "cache")},
    )


@pytest.mark.toolchain
@pytest.mark.parametrize(
    ("app_name", "symbol", "checks"),
    [("tallybook-py", "send_templated_email", "python"), ("pulseboard-ts", "sendEmail", "typescript")],
)
def test_list_then_write_with_the_real_scanner(tmp_path: Path, app_name: str, symbol: str, checks: str) -> None:
    root = checkout(app_name, tmp_path / "app")
    listed = json.loads(cli(root, "--list", "--json").stdout)
    internal = [c for c in listed if "internal error" in (c.get("reason") or "")]
    assert internal == []
    assert all(c["reason"] for c in listed if not c["ready"])
    chosen = next(c for c in listed if c.get("symbol") == symbol and c["ready"])
    modes_before = {p: p.stat().st_mode & 0o777 for p in root.rglob("*") if p.is_file()}
    done = cli(root, "--touchpoint", chosen["touchpoint_id"], "--write")
    assert done.returncode == 0, done.stderr
    written = [line.removeprefix("wrote ") for line in done.stderr.splitlines() if line.startswith("wrote ")]
    assert chosen["location"].split(":")[0] in written
    umask = os.umask(0)
    os.umask(umask)
    for relative in written:  # edited files keep their mode; new ones are not private (0600)
        path = root / relative
        assert path.stat().st_mode & 0o777 == modes_before.get(path, 0o666 & ~umask), relative
    if checks == "python":
        for relative in written:
            py_compile.compile(str(root / relative), doraise=True)
        return
    if not TSC.exists():
        pytest.skip("TypeScript is not installed in tests/typescript")
    errors = _compile(tmp_path, [root / relative for relative in written])
    assert {r: errors.get((root / r).resolve(), set()) for r in written} == {r: set() for r in written}


@pytest.mark.toolchain
def test_wiring_the_same_touchpoint_twice_is_refused(tmp_path: Path, rules: WireRules) -> None:
    for index, case in enumerate([PY_CASES[1], EXAMPLE_TS_CASES[0], EXAMPLE_PY_CASES[0]]):
        root = checkout(case.app, tmp_path / str(index))
        write_artifact(root, wire_case(case, root, rules))
        git(root, "add", "-A")
        git(root, "commit", "-qm", "wired")
        with pytest.raises(UsageError, match="already wired"):
            wire_case(case, root, rules)

