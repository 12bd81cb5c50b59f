"""Every command over a list of real trees: does any end in a traceback?

    python bench/commands_corpus.py TREE [TREE ...] [--json] [--generate N] [--timeout S]

For each tree it runs `discover --no-input`, `propose`, `schema`, `plan`, `wire --list`,
`wire --touchpoint ID` for every touchpoint the list calls ready (or the first N with
`--wire N`), `generate` for the first N email/notification touchpoints `scan --json` lists,
`review` and `export` (into a temporary folder), each as its own process of the installed
CLI, and reports the exit code, the seconds it took and, when the process printed a Python
traceback, the traceback's last line. A clean refusal (exit 1 or 2 with a message) is not a
failure: a traceback or a timeout is, and so is a ready wire diff that `git apply --check`
rejects on a committed copy of the tree, or that, applied, adds a compile finding in the
app's own setup (`patch_check.py`: Python `compile()` and ruff F821/F811/F401, TypeScript
`tsc --noEmit` with the app's tsconfig; only findings the patch adds count). A summary per
tree gives ready / applied / compile-clean counts. The scan cache is shared, so only the
first command scans.
Not a test: run it by hand on real apps (the issue-13 corpus lives in /tmp/fc/).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from patch_check import new_findings

HERE = Path(__file__).resolve()
# The CLI installed beside this interpreter (the venv's console script), as a user runs it.
CLI = [sys.executable, "-c", "import sys; from personize_assistant.cli import main; sys.exit(main())"]
GENERATE_KINDS = ("email_send", "notification")


@dataclass
class Run:
    tree: str
    command: str
    exit_code: int | None
    seconds: float
    traceback: str | None
    findings: list[str] = field(default_factory=list)
    """Compile findings a ready wire's patch adds (file: code message)."""

    @property
    def failed(self) -> bool:
        return self.traceback is not None or self.exit_code is None


def _last_traceback_line(stderr: str) -> str | None:
    if "Traceback (most recent call last)" not in stderr:
        return None
    lines = [line for line in stderr.splitlines() if line.strip()]
    return lines[-1].strip() if lines else "Traceback"


def run(tree: Path, args: list[str], timeout: float) -> Run:
    return run_capturing(tree, args, timeout)[0]


def run_capturing(tree: Path, args: list[str], timeout: float) -> tuple[Run, str]:
    """The run and what it printed on stdout."""
    started = time.monotonic()
    label = " ".join(a for a in args if a != str(tree))
    try:
        done = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired:
        return Run(str(tree), label, None, round(time.monotonic() - started, 1), f"timeout after {timeout}s"), ""
    return Run(str(tree), label, done.returncode, round(time.monotonic() - started, 1),
               _last_traceback_line(done.stderr)), done.stdout


def _ready_wires(tree: Path, count: int | None, timeout: float) -> list[str]:
    done = subprocess.run([*CLI, "wire", str(tree), "--list", "--json"], capture_output=True, text=True,
                          timeout=timeout, check=False)
    try:
        listed = json.loads(done.stdout)
    except ValueError:
        return []
    ready = [item["touchpoint_id"] for item in listed if item.get("ready")]
    return ready if count is None else ready[:count]


def committed_copy(tree: Path, out: Path) -> Path:
    """The tree as a fresh git repository, for `git apply --check` (the original may not be one)."""
    copy = out / "copies" / tree.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-r", str(tree), str(copy)], check=True)
    git = ["git", "-C", str(copy), "-c", "user.email=bench@example.invalid", "-c", "user.name=bench"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    subprocess.run([*git, "commit", "-qm", "tree", "--no-verify"], check=True, capture_output=True)
    return copy


def wire_run(tree: Path, touchpoint: str, copy: Path, timeout: float) -> Run:
    """One ready wire: the diff it prints must apply to the committed copy."""
    outcome, diff = run_capturing(tree, ["wire", str(tree), "--touchpoint", touchpoint], timeout)
    if outcome.failed or outcome.exit_code != 0:
        return outcome
    check = subprocess.run(["git", "-C", str(copy), "apply", "--check", "-"], input=diff, text=True,
                           capture_output=True, check=False)
    if check.returncode != 0:
        reason = check.stderr.strip().splitlines()[0] if check.stderr.strip() else "rejected"
        outcome.traceback = f"diff does not apply: {reason}"
        return outcome
    applied, added = new_findings(copy, diff)
    outcome.findings = sorted(f"{file}: {code} {message}" for file, code, message in added)
    if not applied:
        outcome.traceback = "diff does not apply"
    elif added:
        outcome.traceback = f"{len(added)} new compile finding(s): {outcome.findings[0]}"
    return outcome


def _generate_targets(tree: Path, count: int, timeout: float) -> list[str]:
    done = subprocess.run([*CLI, "scan", str(tree), "--json"], capture_output=True, text=True,
                          timeout=timeout, check=False)
    try:
        touchpoints = json.loads(done.stdout).get("touchpoints", [])
    except ValueError:
        return []
    return [t["id"] for t in touchpoints if t.get("kind") in GENERATE_KINDS][:count]


def commands_for(tree: Path, out: Path, generate: int, timeout: float) -> list[list[str]]:
    path = str(tree)
    commands = [["discover", path, "--no-input"], ["propose", path], ["schema", path], ["plan", path],
                ["wire", path, "--list"]]
    commands += [["generate", path, "--touchpoint", tid] for tid in _generate_targets(tree, generate, timeout)]
    return [*commands, ["review", path], ["export", path, "-o", str(out / tree.name)]]


def runs_for(tree: Path, out: Path, options: argparse.Namespace) -> Iterator[Run]:
    if not options.wires_only:
        for args in commands_for(tree, out, options.generate, options.timeout):
            yield run(tree, args, options.timeout)
    ready = _ready_wires(tree, options.wire, options.timeout)
    if ready:
        copy = committed_copy(tree, out)
        for touchpoint in ready:
            yield wire_run(tree, touchpoint, copy, options.timeout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--generate", type=int, default=3, help="generate for this many touchpoints per tree")
    parser.add_argument("--wire", type=int, default=None, help="wire at most this many ready touchpoints per tree")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--wires-only", action="store_true", help="only the ready wires (apply and compile checks)")
    options = parser.parse_args()
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="commands-corpus-") as out:
        for tree in options.trees:
            for outcome in runs_for(tree.resolve(), Path(out), options):
                runs.append(outcome)
                if not options.json:
                    r = runs[-1]
                    print(f"{'FAIL' if r.failed else 'ok  '} {r.exit_code!s:>4} {r.seconds:>6}s "
                          f"{r.tree} {r.command}{'  ' + r.traceback if r.traceback else ''}", flush=True)
                    for finding in r.findings[1:]:
                        print(f"         {finding}", flush=True)
    if options.json:
        print(json.dumps([asdict(r) for r in runs], indent=2))
    for tree in options.trees:
        wires = [r for r in runs if r.tree == str(tree.resolve()) and r.command.startswith("wire --touchpoint")]
        applied = [r for r in wires if r.exit_code == 0 and not (r.traceback or "").startswith("diff does not apply")]
        clean = [r for r in applied if not r.findings]
        print(f"{tree.name}: {len(wires)} ready wires, {len(applied)} applied, {len(clean)} compile clean",
              file=sys.stderr)
    failures = [r for r in runs if r.failed]
    print(f"{len(runs)} runs, {len(failures)} failed (traceback, timeout, patch or compile)", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
