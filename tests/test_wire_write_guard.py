"""`wire --write` writes only what was reviewed, and only over tracked, clean, writable
files; `plan -o` and friends do not write into the scanned repo without --force."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from personize_assistant.actions.wire.library import WireRules
from personize_assistant.actions.wire.write import write_artifact
from personize_assistant.cli import app
from personize_assistant.commands import planning_cmd
from personize_assistant.errors import UsageError
from tests.planning_support import prisma_scan
from tests.test_wire_cases import EXAMPLE_PY_CASES, PY_CASES, materialize, wire_case
from tests.test_wire_cases import rules as rules  # the session fixture
from tests.test_wire_write import checkout, git, run_cli
from tests.test_wire_write import cli_scan as cli_scan

# These tests run git in subprocesses.
pytestmark = pytest.mark.toolchain


def test_refuses_a_file_ignored_by_core_excludes_file(tmp_path: Path, rules: WireRules) -> None:
    case = PY_CASES[1]  # flask notify.py send_sms
    root = materialize(case.app, tmp_path / "repo")
    excludes = tmp_path / "global-ignore"
    excludes.write_text(f"{case.file}\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "core.excludesFile", str(excludes))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")  # the ignored file is never committed
    before = (root / case.file).read_text()
    with pytest.raises(UsageError, match=r"git ignores: notify\.py"):
        write_artifact(root, wire_case(case, root, rules))
    assert (root / case.file).read_text() == before


def test_refuses_a_file_ignored_by_a_parent_repo(tmp_path: Path, rules: WireRules) -> None:
    case = PY_CASES[1]
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / ".gitignore").write_text("app/\n")
    git(parent, "init", "-q", "-b", "main")
    git(parent, "add", "-A")
    git(parent, "commit", "-q", "-m", "initial")
    root = materialize(case.app, parent / "app")
    before = (root / case.file).read_text()
    with pytest.raises(UsageError, match="git ignores"):
        write_artifact(root, wire_case(case, root, rules))
    assert (root / case.file).read_text() == before


def test_refuses_a_read_only_file(tmp_path: Path, rules: WireRules) -> None:
    case = PY_CASES[1]
    root = checkout(case.app, tmp_path)
    target = root / case.file
    artifact = wire_case(case, root, rules)
    target.chmod(0o444)
    before = target.read_text()
    with pytest.raises(UsageError, match=r"refusing to write notify\.py: it is read-only"):
        write_artifact(root, artifact)
    assert target.read_text() == before and stat.S_IMODE(target.stat().st_mode) == 0o444


def _reviewed(out: str, err: str) -> str:
    return err.split("--reviewed ", 1)[1].split("`", 1)[0]


def test_write_applies_the_reviewed_diff_and_refuses_once_the_file_changed(
    tmp_path: Path, cli_scan  # type: ignore[no-untyped-def]
) -> None:
    case = EXAMPLE_PY_CASES[0]
    root = checkout(case.app, tmp_path)
    cli_scan(EXAMPLE_PY_CASES)
    code, diff, err = run_cli("wire", str(root), "-t", case.touchpoint().id)
    assert code == 0
    digest = _reviewed(diff, err)
    source = root / case.file
    source.write_text(source.read_text() + "\n# changed after the review\n")
    git(root, "commit", "-qam", "change after review")
    code, _, err = run_cli("wire", str(root), "-t", case.touchpoint().id, "--write", "--reviewed", digest)
    assert code == 2 and "not the one you reviewed" in err
    assert "personalize" not in source.read_text()
    code, diff, err = run_cli("wire", str(root), "-t", case.touchpoint().id)
    code, _, err = run_cli("wire", str(root), "-t", case.touchpoint().id, "--write", "--reviewed", _reviewed(diff, err))
    assert code == 0, err
    assert "personalize_message" in source.read_text()


def test_write_patch_applies_the_saved_diff_only_to_the_file_it_was_made_for(
    tmp_path: Path, cli_scan  # type: ignore[no-untyped-def]
) -> None:
    case = EXAMPLE_PY_CASES[0]
    root = checkout(case.app, tmp_path / "repo")
    cli_scan(EXAMPLE_PY_CASES)
    _, diff, _ = run_cli("wire", str(root), "-t", case.touchpoint().id)
    patch = tmp_path / "wire.patch"
    patch.write_text(diff)
    source = root / case.file
    original = source.read_text()
    source.write_text("# a new first line\n" + original)
    git(root, "commit", "-qam", "edit")
    code, _, err = run_cli("wire", str(root), "--write", "--patch", str(patch))
    assert code == 2 and "changed since the diff was made" in err
    source.write_text(original)
    git(root, "commit", "-qam", "back")
    code, _, err = run_cli("wire", str(root), "--write", "--patch", str(patch))
    assert code == 0, err
    expected = tmp_path / "expected"
    git(root, "stash", "-q", "-u")
    git(root, "apply", str(patch))
    expected.write_text(source.read_text())
    git(root, "checkout", "-q", "--", ".")
    git(root, "clean", "-qfd")
    git(root, "stash", "pop", "-q")
    assert source.read_text() == expected.read_text()


@pytest.mark.parametrize("command", ["plan", "schema", "propose"])
def test_output_inside_the_repo_needs_force(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planning_cmd, "scan_with_progress", lambda root: prisma_scan(str(root)))
    repo = tmp_path / "pulseboard-ts"
    repo.mkdir()
    inside = repo / "docs" / f"{command}.md"
    result = CliRunner().invoke(app, [command, str(repo), "-o", str(inside)])
    assert isinstance(result.exception, UsageError) and "inside the scanned repository" in str(result.exception)
    assert not inside.exists()
    forced = CliRunner().invoke(app, [command, str(repo), "-o", str(inside), "--force"])
    assert forced.exit_code == 0, forced.output
    assert inside.exists() and os.path.getsize(inside) > 0
