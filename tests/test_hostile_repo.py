"""The real commands over a repo built to break them (issue 10): links out of the repo, a
FIFO, a `.gitignore` line only git reads, a 100k-character line, 20k-deep nesting, escape
sequences, planted secrets of every format and a planted pickle cache.

Each command runs as a subprocess with its stdin held open (a file linked to /dev/stdin
would wait on it), under a timeout that guards against a hang; nothing here measures time.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from personize_assistant.actions.common.product import product_description
from personize_assistant.fileio import Refusal, read_repo_file
from tests.support.hostile_repo import (
    AWS_SECRET,
    ESC_NAME,
    HostileRepo,
    build_hostile_repo,
    plant_pickle_cache,
)

# Runs the real CLI in subprocesses over a generated hostile repo.
pytestmark = pytest.mark.toolchain

GUARD_SECONDS = 180  # a guard against a hang, far above any normal run


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@dataclass
class Hostile:
    repo: HostileRepo
    env: dict[str, str]
    base: Path
    ids: dict[str, str]
    """Touchpoint id by the name of the function it sits in (the send line's, when two)."""


def run_cli(hostile: Hostile, *args: str) -> Run:
    reader, writer = os.pipe()  # stdin stays open: reading /dev/stdin would block, not see EOF
    try:
        process = subprocess.Popen([sys.executable, "-m", "personize_assistant.cli", *args], stdin=reader,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=hostile.env, text=True)
        try:
            stdout, stderr = process.communicate(timeout=GUARD_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            pytest.fail(f"`{' '.join(args)}` hung on the hostile repo")
    finally:
        os.close(reader)
        os.close(writer)
    return Run(process.returncode, stdout, stderr)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    base = tmp_path_factory.mktemp("hostile")
    repo = build_hostile_repo(base)
    env = {k: v for k, v in os.environ.items() if k not in ("ANTHROPIC_API_KEY", "PERSONIZE_SECRET_KEY")}
    env.update(PERSONIZE_ASSISTANT_CACHE_DIR=str(base / "cache"), PERSONIZE_ASSISTANT_DATA_DIR=str(base / "data"),
               PERSONIZE_ASSISTANT_CONFIG=str(base / "config.toml"))
    made = Hostile(repo, env, base, {})
    scanned = run_cli(made, "scan", "--json", str(repo.root))
    assert scanned.returncode == 0, scanned.stderr
    for tp in json.loads(scanned.stdout)["touchpoints"]:
        made.ids[tp["symbol"]] = tp["id"]  # in file order: the send line comes last
    return made


def assert_clean(hostile: Hostile, run: Run, *, texts: tuple[str, ...] = ()) -> None:
    """No traceback, no raw escape sequence in what the command printed, and no secret in
    that or in `texts` (files it wrote)."""
    printed = run.stdout + run.stderr
    assert "Traceback" not in printed, run.stderr[-2000:]
    assert run.returncode in (0, 2), run.stderr[-2000:]
    assert "\x1b" not in printed and "\x07" not in printed
    for where in (printed, *texts):
        leaked = [secret for secret in hostile.repo.secrets if secret in where]
        assert not leaked, f"secrets in output: {leaked}"


COMMANDS = [
    ("scan",), ("scan", "--json"), ("scan", "--md"), ("scan", "--sarif"), ("propose",), ("plan",),
    ("schema",), ("wire", "--list"), ("review",), ("discover", "--answers", "{answers}"), ("ask", "{root}", "propose"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_every_command_finishes_without_a_traceback_a_secret_or_an_escape(hostile: Hostile,
                                                                          command: tuple[str, ...]) -> None:
    answers = hostile.base / "answers.json"
    answers.write_text("{}")
    args = [part.format(answers=answers, root=hostile.repo.root) for part in command]
    if "{root}" not in command:
        args.append(str(hostile.repo.root))
    assert_clean(hostile, run_cli(hostile, *args))


def test_export_holds_no_secret(hostile: Hostile) -> None:
    folder = hostile.base / "export"
    run = run_cli(hostile, "export", str(hostile.repo.root), "-o", str(folder))
    written = tuple(path.read_text(errors="replace") for path in folder.rglob("*") if path.is_file())
    assert written
    assert_clean(hostile, run, texts=written)


def test_scan_skips_what_it_must_not_read_and_says_why(hostile: Hostile) -> None:
    run = run_cli(hostile, "scan", "--json", str(hostile.repo.root))
    skipped = {(s["file"], s["reason"]): s.get("detail") for s in json.loads(run.stdout)["skipped"]}
    assert skipped[("src/x.ts", "unreadable")] == "not a regular file"  # the FIFO
    assert ("README.md", "symlink_outside") in skipped and ("src/leak.ts", "symlink_outside") in skipped
    assert "line 2" in (skipped[(".gitignore", "unreadable")] or "")  # the `\` line, not a crash


def test_escapes_in_file_names_are_shown_not_sent(hostile: Hostile) -> None:
    for fmt in ((), ("--md",)):
        run = run_cli(hostile, "scan", *fmt, str(hostile.repo.root))
        assert "\\x1b]52;c;" in run.stdout
        assert ESC_NAME not in run.stdout


def test_evidence_is_redacted_before_it_is_cut(hostile: Hostile) -> None:
    run = run_cli(hostile, "scan", "--json", str(hostile.repo.root))
    cut = next(tp["evidence"] for tp in json.loads(run.stdout)["touchpoints"] if tp["id"] == hostile.ids["sendCut"])
    assert "CutInH" not in cut and "[REDACTED]" in cut


def test_wire_on_twenty_thousand_levels_of_nesting(hostile: Hostile) -> None:
    run = run_cli(hostile, "wire", str(hostile.repo.root), "-t", hostile.ids["sendDeep"])
    assert_clean(hostile, run)
    assert run.returncode == 0 and "RecursionError" not in run.stderr
    patch = hostile.base / "deep.patch"
    patch.write_text(run.stdout)
    check = subprocess.run(["git", "-C", str(hostile.repo.root), "apply", "--check", str(patch)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr


def test_wire_withholds_a_patch_whose_context_holds_a_secret(hostile: Hostile) -> None:
    """Masking the context would make `git apply` reject the patch; printing it would leak."""
    run = run_cli(hostile, "wire", str(hostile.repo.root), "-t", hostile.ids["sendWithKeyInside"])
    assert_clean(hostile, run)
    assert run.returncode == 2 and "[REDACTED]" not in run.stdout
    assert "holds a literal secret" in run.stderr and "src/mailer.ts:" in run.stderr


def test_cache_and_session_store_hold_no_secret_and_are_private(hostile: Hostile) -> None:
    assert run_cli(hostile, "ask", str(hostile.repo.root), "scan the repo").returncode == 0
    stores = [p for p in (hostile.base / "cache").rglob("*") if p.is_file()]
    stores += [p for p in (hostile.base / "data").rglob("*") if p.is_file()]
    assert any(p.name == "sessions.db" for p in stores) and any(p.suffix == ".json" for p in stores)
    for path in stores:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        data = path.read_bytes()
        assert not [s for s in hostile.repo.secrets if s.encode() in data], path


def test_a_planted_pickle_cache_runs_no_code(hostile: Hostile, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    env = {**hostile.env, "PERSONIZE_ASSISTANT_CACHE_DIR": str(tmp_path / "cache")}
    plant_pickle_cache(tmp_path / "cache", hostile.repo.root, marker)
    run = run_cli(Hostile(hostile.repo, env, hostile.base, hostile.ids), "scan", "--json", str(hostile.repo.root))
    assert not marker.exists()
    assert run.returncode == 0 and json.loads(run.stdout)["touchpoints"]


def test_links_out_of_the_repo_are_refused_with_a_reason(hostile: Hostile) -> None:
    root = hostile.repo.root
    for name in ("README.md", "pyproject.toml"):
        refused = read_repo_file(root, name, 64_000)
        assert isinstance(refused, Refusal) and "outside the repository" in refused.reason
    found = product_description(root)
    assert found is None or AWS_SECRET not in found[0]


def test_a_fifo_is_refused_not_waited_on(hostile: Hostile) -> None:
    refused = read_repo_file(hostile.repo.root, "src/x.ts", 64_000)
    assert isinstance(refused, Refusal) and "not a regular file" in refused.reason
