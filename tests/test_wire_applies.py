"""Every ready wire patch applies with `git apply` to a clean checkout of the example apps,
new files (empty `__init__.py` included) and all; and a secret in the user's file next to
the change stays out of the patch without breaking it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from personize_assistant.actions.wire import WireOptions, load_rules, wire, wireable
from personize_assistant.actions.wire.artifact import render_diff
from personize_assistant.actions.wire.patch import apply_hunks, make_hunks
from personize_assistant.errors import UsageError
from personize_assistant.redact import contains_secret
from personize_assistant.scan import scan_repo
from personize_assistant.scan.languages import EXTENSIONS, grammar
from tests.test_wire_write import checkout, git


def _apply_check(root: Path, diff: str) -> str:
    """'' when the patch applies; otherwise git's complaint (warnings alone do not count)."""
    done = subprocess.run(["git", "-C", str(root), "apply", "--check", "-"], input=diff,
                          capture_output=True, text=True, check=False)
    return done.stderr.strip() if done.returncode else ""


@pytest.mark.toolchain
@pytest.mark.parametrize("app", ["pulseboard-ts", "tallybook-py"])
def test_every_ready_patch_applies_to_a_clean_checkout(app: str, tmp_path: Path) -> None:
    root = checkout(app, tmp_path / app)
    scan = scan_repo(root, use_cache=False)
    rules = load_rules()
    failures, applied = [], 0
    for candidate in [c for c in wireable(scan, rules) if c.ready]:
        try:
            artifact = wire(scan, WireOptions(touchpoint_id=candidate.touchpoint_id), rules)
        except UsageError:
            continue  # a refusal is reported to the user; only patches we print must apply
        diff = render_diff(artifact)
        problem = _apply_check(root, diff) or _syntax_after(root, diff)
        if problem:
            failures.append(f"{candidate.touchpoint_id} {candidate.location}: {problem}")
        applied += 1
    assert failures == []
    assert applied >= 10


def _syntax_after(root: Path, diff: str) -> str:
    """'' when every file the patch touches still parses (its own grammar); the checkout is
    restored either way. A cron `*/6` in a generated comment once ended the comment."""
    subprocess.run(["git", "-C", str(root), "apply", "-"], input=diff, text=True, check=True)
    try:
        touched = re.findall(r"^\+\+\+ b/(.+)$", diff, flags=re.M)
        return "; ".join(f"{path} no longer parses" for path in touched if not _parses(root / path))
    finally:
        git(root, "checkout", "-q", "--", ".")
        git(root, "clean", "-fdq")


def _parses(path: Path) -> bool:
    if path.suffix == ".py":
        try:
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        except SyntaxError:
            return False
        return True
    name = "tsx" if path.suffix == ".tsx" else EXTENSIONS.get(path.suffix)
    return name is None or not grammar(name).parser.parse(path.read_bytes()).root_node.has_error


def _plant_before(root: Path, location: str, text: str) -> None:
    """Insert `text` just above the line `location` (`file:line`) names, and commit it."""
    path, line = location.split(":")[0], int(location.split(":")[1])
    source = root / path
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    source.write_text("".join([*lines[: line - 1], text, *lines[line - 1:]]), encoding="utf-8")
    git(root, "commit", "-qam", "a key in the file")


SECRET = "const FALLBACK_API_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';\n"


def _wrap_target(root: Path) -> tuple[str, str]:
    rules = load_rules()
    target = next(c for c in wireable(scan_repo(root, use_cache=False), rules)
                  if c.ready and c.pattern == "wrap" and c.location.split(":")[0].endswith(".ts"))
    return target.touchpoint_id, target.location


def _diff(root: Path, touchpoint_id: str) -> str:
    scan = scan_repo(root, use_cache=False)
    return render_diff(wire(scan, WireOptions(touchpoint_id=touchpoint_id), load_rules()))


@pytest.mark.toolchain
def test_a_secret_in_the_context_is_left_out_and_the_patch_still_applies(tmp_path: Path) -> None:
    root = checkout("pulseboard-ts", tmp_path / "app")
    touchpoint_id, location = _wrap_target(root)
    _plant_before(root, location, SECRET + "\n")
    diff = _diff(root, touchpoint_id)
    assert "sk_live_4eC39" not in diff
    assert "FALLBACK_API_KEY" not in diff
    assert _apply_check(root, diff) == ""


KEY_LINE = "API_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'"


def _module(*middle: str) -> str:
    return "\n".join(["import os", "", "def f():", "    return 0", *middle, "", "def g():", "    return 2", ""])


@pytest.mark.parametrize("middle", [("", KEY_LINE), ("", "", KEY_LINE), (KEY_LINE, "# x")])
def test_make_hunks_cuts_secret_context_lines_out_where_git_can_still_place_the_hunk(middle: tuple[str, ...]) -> None:
    old = _module(*middle)
    new = old.replace("    return 0", "    return 1")
    hunks = make_hunks(old, new)
    kept = [line for h in hunks for line in h.lines]
    if middle[0] == KEY_LINE:
        # right after the change, with nothing else to anchor the hunk: left in, and refused
        assert KEY_LINE in " ".join(kept)
    else:
        assert not any(contains_secret(line) for line in kept)
    assert apply_hunks(old, hunks, "m.py") == new


def test_hunks_of_a_large_file_keep_trailing_context_for_git_apply() -> None:
    """On a windowed diff, an insertion whose lines repeat the ones after it must not slide
    to the window's edge (a hunk without trailing context only applies at end of file)."""
    block = "\n\n@shared_task\ndef task_{n}():\n    return {n}\n"
    old = "import x\n" + "".join(block.format(n=n) for n in range(400))
    new = old.replace(block.format(n=200), block.format(n=200) + block.format(n="new"))
    hunks = make_hunks(old, new)
    assert apply_hunks(old, hunks, "tasks.py") == new
    for hunk in hunks:
        ends_file = hunk.old_start + hunk.old_lines - 1 >= len(old.splitlines())
        assert ends_file or hunk.lines[-1].startswith(" ")
