"""Scale benchmark: do the commands stay near-linear on a large generated repo?

    python bench/scale_bench.py [--sends 1000] [--files 300] [--models 3000] [--json]

Two generated repositories in a temp dir (never in the project):

- one file:  `mailer.py` with N send functions (`--sends`), the case where `wire --list`
  re-parsed the same file once per touchpoint (100 -> 2.9 s, 1,000 -> over 300 s);
- large:     `--files` modules holding `--models` Django models and about 15k touchpoints
  (four send functions per model), the case where `schema` and `plan` took ~110 s.

Each command runs as the real CLI in its own process with a private cache directory. The
scan is warmed first and timed on its own, so a command's time minus the warm scan is the
cost of the action itself. Targets (issue 10): `wire --list` on 1,000 sends < 5 s,
`schema`/`plan` on 15k touchpoints < 10 s. Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
PROJECT_ROOT = HERE.parent.parent

_HEADER = (
    "from sendgrid import SendGridAPIClient\n"
    "from sendgrid.helpers.mail import Mail\n\n"
    "client = SendGridAPIClient('unused')\n\n"
)
_SEND = (
    "\ndef send_{name}(to: str, subject: str, html: str) -> None:\n"
    "    client.send(Mail(from_email='team@example.com', to_emails=to, subject=subject, html_content=html))\n"
)
_MODEL = (
    "\nclass {name}(models.Model):\n"
    "    email = models.EmailField()\n"
    "    name = models.CharField(max_length=100)\n"
    "    plan = models.CharField(max_length=20)\n"
    "    created_at = models.DateTimeField(auto_now_add=True)\n"
)
_REQUIREMENTS = "django>=5\nsendgrid>=6\n"


def one_file_repo(root: Path, sends: int) -> Path:
    """A Python repo with one module of `sends` send functions."""
    root.mkdir(parents=True)
    (root / "requirements.txt").write_text(_REQUIREMENTS)
    body = "".join(_SEND.format(name=f"message_{i}") for i in range(sends))
    (root / "mailer.py").write_text(_HEADER + body)
    return root


def large_repo(root: Path, files: int, models: int) -> Path:
    """`files` Django apps sharing `models` models, four send functions per model."""
    root.mkdir(parents=True)
    (root / "requirements.txt").write_text(_REQUIREMENTS)
    per_file = max(1, models // files)
    for index in range(files):
        app = root / f"app{index}"
        app.mkdir()
        (app / "__init__.py").write_text("")
        names = [f"Thing{index}x{m}" for m in range(per_file)]
        models_py = "from django.db import models\n" + "".join(_MODEL.format(name=n) for n in names)
        (app / "models.py").write_text(models_py)
        sends = [f"{n.lower()}_{kind}" for n in names for kind in ("welcome", "digest", "alert", "receipt")]
        (app / "mail.py").write_text(_HEADER + "".join(_SEND.format(name=s) for s in sends))
    return root


def run(root: Path, cache: Path, *args: str) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (user + system), exit code and the tail of stderr of one
    CLI run. On a shared machine wall time is noise; CPU time is the cost."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PERSONIZE_ASSISTANT_CONFIG": os.devnull}
    env.pop("PERSONIZE_SECRET_KEY", None)
    env.pop("ANTHROPIC_API_KEY", None)
    command = [sys.executable, "-m", "personize_assistant.cli", *args]
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run(command, cwd=root.parent, env=env, capture_output=True, text=True, check=False)
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode, done.stderr.strip()[-200:]


def bench(root: Path, cache: Path, commands: list[list[str]]) -> list[dict[str, object]]:
    out_dir = root.parent / f"{root.name}-out"
    rows = []
    for args in [["scan", str(root), "--json"], *commands]:
        resolved = [a.replace("{out}", str(out_dir)) for a in args]
        seconds, cpu, code, err = run(root, cache, *resolved)
        rows.append({"repo": root.name, "command": " ".join(args[:1] + args[2:]), "seconds": round(seconds, 2),
                     "cpu_seconds": round(cpu, 2), "exit": code, **({"stderr": err} if code else {})})
        print(f"{root.name:<10} {rows[-1]['command']:<28} {seconds:8.2f} s wall {cpu:8.2f} s cpu  exit {code}",
              file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sends", type=int, default=1000, help="send functions in the one-file repo")
    parser.add_argument("--files", type=int, default=300, help="modules in the large repo")
    parser.add_argument("--models", type=int, default=3000, help="models in the large repo")
    parser.add_argument("--only", choices=("one-file", "large"), help="run one of the two repos")
    parser.add_argument("--json", action="store_true", help="print the timings as JSON")
    options = parser.parse_args()
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="personize-scale-") as tmp:
        base = Path(tmp)
        if options.only in (None, "one-file"):
            root = one_file_repo(base / "onefile", options.sends)
            rows += bench(root, base / "cache1", [["wire", str(root), "--list"]])
        if options.only in (None, "large"):
            root = large_repo(base / "large", options.files, options.models)
            # wire --list last: on 15k touchpoints it is still quadratic (see its notes)
            commands = [["schema", str(root)], ["plan", str(root)], ["propose", str(root)],
                        ["export", str(root), "-o", "{out}"], ["wire", str(root), "--list"]]
            rows += bench(root, base / "cache2", commands)
    if options.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT_ROOT))
    main()
