"""A repository built to break the tool (issue 10's probe): links out of the repo, a FIFO
named like source, a `.gitignore` line only git reads, a 100k-character line, 20k-deep
nesting, escape sequences in names and evidence, and planted secrets of every format.

`build_hostile_repo` writes it under a temp folder and says where each hostile input is,
so the tests can assert on each one without repeating how it was made.
"""

from __future__ import annotations

import os
import pickle
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ESC_NAME = "\x1b]52;c;cHduZWQ=\x07clip.ts"
"""A file name that sets the clipboard (OSC 52) when printed raw."""
ESC_SUBJECT = "\x1b]0;owned\x07"
"""An escape sequence in evidence: retitles the terminal window."""

# Every format the probe saw leak: (the source expression, the text that must not appear).
SECRETS: tuple[tuple[str, str], ...] = (
    ('"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJob3N0aWxlIn0.c2lnbmF0dXJlMTIz"', "eyJzdWIiOiJob3N0aWxlIn0"),
    ('"https://admin:UrlPassw0rd9@hooks.example.com/x"', "UrlPassw0rd9"),
    ('"postgres://app:PgPassw0rd7@db.internal:5432/app"', "PgPassw0rd7"),
    ('process.env.MAIL_SECRET ?? "fallbackSecret42x"', "fallbackSecret42x"),
    ('"ghp_HostileGithubToken0123456789abcdefXY"', "HostileGithubToken"),
    ('"github_pat_11HOSTILE0123456789_abcdefghijklmnopqrstuvwxyz"', "11HOSTILE0123456789"),
    ('"glpat-HostileGitlabToken12345"', "HostileGitlabToken"),
    ('"AIzaSyHostileGoogleKey0123456789abcdefg"', "HostileGoogleKey"),
    ('"npm_HostileNpmToken0123456789abcdefghijkl"', "HostileNpmToken"),
    ('"xoxb-1234567890-HostileSlackToken"', "HostileSlackToken"),
    ('"AKIAHOSTILE234567ABC"', "AKIAHOSTILE234567ABC"),
    ('"sk_live_HostileStripeKey12345678"', "HostileStripeKey"),
)
ASSIGNED_SECRETS: tuple[tuple[str, str], ...] = (
    ('"HUNTERHUNTERUPPER"', "HUNTERHUNTERUPPER"),
    ('"$ecretDollarPa55"', "ecretDollarPa55"),
    ("`backtickSecret77`", "backtickSecret77"),
)
# The tail of a password placed so that a cut at 157 characters falls inside it.
CUT_PASSWORD = "CutInHalfPassw0rdTail"
AWS_SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYHOSTILEKEY"
PY_DEFAULT_SECRET = "sk_test_PyDefaultSecret999"
PEM_BODY = "MIIEowIBAAKCAQEAhostilePemBodyLine0123456789abcdefghijklmnopqrstu"
DEEP = 20_000


@dataclass
class HostileRepo:
    root: Path
    outside: Path
    """A folder next to the repo holding what the links point at (a stand-in for ~/.aws)."""
    secrets: list[str] = field(default_factory=list)
    """Text that must never appear in any output, store or cache."""


def build_hostile_repo(base: Path, *, with_fifo: bool = True) -> HostileRepo:
    root, outside = base / "repo", base / "outside"
    (root / "src").mkdir(parents=True)
    outside.mkdir()
    repo = HostileRepo(root, outside, [AWS_SECRET, CUT_PASSWORD[:6], PY_DEFAULT_SECRET, "hostilePemBodyLine"])
    repo.secrets += [needle for _, needle in SECRETS + ASSIGNED_SECRETS]
    _links_out(repo)
    _senders(repo)
    _python_settings(repo)
    _nesting_and_long_line(repo)
    (root / ".gitignore").write_text("node_modules/\n\\\ndist/\n")
    (root / "package.json").write_text('{"name": "hostile", "dependencies": {"resend": "^3.0.0"}}\n')
    if with_fifo:
        os.mkfifo(root / "src" / "x.ts")
    _commit(root)
    return repo


def plant_pickle_cache(cache_dir: Path, root: Path, marker: Path) -> None:
    """Cache files (old and new names) whose loading would run code that creates `marker`."""
    import hashlib

    key = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:16]
    folder = cache_dir / "scan"
    folder.mkdir(parents=True, exist_ok=True)
    payload = pickle.dumps(_Planted(str(marker)))
    for name in ("index.pkl", "facts.pkl", "index.json", "facts.json"):
        (folder / f"{key}.{name}").write_bytes(payload)


class _Planted:
    """Unpickling this calls `open(marker, "w")`: proof that a cache file ran code."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (self.marker, "w"))


def _links_out(repo: HostileRepo) -> None:
    credentials = repo.outside / "credentials"
    credentials.write_text(f"[default]\naws_access_key_id = AKIAHOSTILE234567ABC\naws_secret_access_key = {AWS_SECRET}\n")
    (repo.root / "README.md").symlink_to(credentials)
    (repo.root / "pyproject.toml").symlink_to("/dev/stdin")
    (repo.root / "src" / "leak.ts").symlink_to(credentials)


def _senders(repo: HostileRepo) -> None:
    """One email send per secret format, each on its own line so it becomes evidence."""
    lines = ['import { Resend } from "resend";', "const resend = new Resend(process.env.RESEND_API_KEY);", ""]
    for index, (expression, _) in enumerate(SECRETS):
        lines += [f"export async function sendFormat{index}(user: {{ email: string }}) {{",
                  f'  await resend.emails.send({{ from: "a@b.co", to: user.email, subject: "hi", text: {expression} }});',
                  "}", ""]
    for index, (literal, _) in enumerate(ASSIGNED_SECRETS):
        lines += [f"export async function sendAssigned{index}(user: {{ email: string }}) {{",
                  f'  await resend.emails.send({{ from: "a@b.co", to: user.email, subject: "hi", password: {literal} }});',
                  "}", ""]
    # Evidence is the line with its indentation collapsed, cut at 157: start the password at 145.
    before = 'await resend.emails.send({ from: "a@b.co", to: user.email, subject: "'
    padding = "p" * (145 - len(before) - len('", password: "'))
    lines += ["export async function sendCut(user: { email: string }) {",
              f'  await resend.emails.send({{ from: "a@b.co", to: user.email, subject: "{padding}", password: "{CUT_PASSWORD}" }});',
              "}", "",
              "export async function sendWithKeyInside(user: { email: string }) {",
              '  const key = "-----BEGIN RSA PRIVATE KEY-----";',
              f'  const body = "{PEM_BODY}";',
              '  await resend.emails.send({ from: "a@b.co", to: user.email, subject: key + body, text: "x" });',
              "}", "",
              "export async function sendEscaped(user: { email: string }) {",
              f'  await resend.emails.send({{ from: "a@b.co", to: user.email, subject: "{ESC_SUBJECT}", text: "x" }});',
              "}", ""]
    (repo.root / "src" / "mailer.ts").write_text("\n".join(lines))
    (repo.root / "src" / ESC_NAME).write_text(
        'import { Resend } from "resend";\nconst resend = new Resend("re_x");\n'
        "export async function clip(user: { email: string }) {\n"
        '  await resend.emails.send({ from: "a@b.co", to: user.email, subject: "clip", text: "x" });\n}\n')


def _python_settings(repo: HostileRepo) -> None:
    (repo.root / "app").mkdir()
    (repo.root / "app" / "notify.py").write_text(
        "import os\nimport requests\n\n"
        f'STRIPE_KEY = os.getenv("STRIPE_KEY", "{PY_DEFAULT_SECRET}")\n\n\n'
        "def notify(user):\n"
        f'    requests.post("https://hooks.example.com/x", json={{"to": user.email}}, headers={{"X-Key": os.getenv("STRIPE_KEY", "{PY_DEFAULT_SECRET}")}})\n')


def _nesting_and_long_line(repo: HostileRepo) -> None:
    deep = "[\n" * DEEP + "]" * DEEP  # a line per level: not skipped as minified
    (repo.root / "src" / "deep.ts").write_text(
        'import { Resend } from "resend";\nconst resend = new Resend(process.env.RESEND_API_KEY);\n'
        f"const nested = {deep};\n"
        "export async function sendDeep(user: { email: string }, subject: string) {\n"
        '  await resend.emails.send({ from: "a@b.co", to: user.email, subject, text: String(nested) });\n}\n')
    long_subject = "a" * 100_000
    short_lines = "".join(f"// line {n}\n" for n in range(400))  # not skipped as minified
    (repo.root / "src" / "long.ts").write_text(
        'import { Resend } from "resend";\nconst resend = new Resend(process.env.RESEND_API_KEY);\n' + short_lines +
        "export async function sendLong(user: { email: string }) {\n"
        f'  await resend.emails.send({{ from: "a@b.co", to: user.email, subject: "{long_subject}", text: "x" }});\n}}\n')


def _commit(root: Path) -> None:
    """A git repo, as a clone would be (the FIFO and the link to /dev/stdin are untracked)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}
    subprocess.run(["git", "init", "-q", str(root)], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "add", "src/mailer.ts", "app", "package.json"], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "commit", "-qm", "hostile"], check=True, env=env)
