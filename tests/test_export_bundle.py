"""EXPORT: every file written, index links resolve, no secret from the repo survives."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from personize_assistant.actions.common.discovery import prefill_from_scan
from personize_assistant.actions.export.action import (
    CONTENTS,
    check_destination,
    export_documents,
    write_export,
)
from personize_assistant.errors import UsageError
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import RepoScan
from tests.planning_support import planning_library, prisma_scan, tp

ROOT = Path(__file__).resolve().parents[1]
TALLYBOOK = ROOT / "examples" / "tallybook-py"
LIBRARY = planning_library()
EXPECTED = {*CONTENTS, "index.md"}

# Secrets a careless repo holds, each in a place the scan reports as evidence.
SECRETS = {
    "app/mail.py": ('import requests\nfrom django.core.mail import send_mail\n\n\n'
                    'def send_welcome(customer):\n'
                    '    send_mail("Hi", "Welcome", "team@example.com", [customer.email], '
                    'auth_password="hunter2-very-secret")\n\n\n'
                    'def alert_team(text):\n'
                    '    requests.post("https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnopqrstuvwx", '
                    'json={"text": text})\n'),
    "app/models.py": ('from django.db import models\n\n\n'
                      'class Customer(models.Model):\n'
                      '    email = models.EmailField(unique=True)\n'
                      '    plan = models.CharField(max_length=20)\n'
                      '    api_key = models.CharField(max_length=64, default="sk_live_abcdefghijklmnop1234")\n'),
    "app/settings.py": ('SECRET_KEY = "django-insecure-0123456789abcdefghij"\n'
                        'STRIPE_SECRET_KEY = "sk_live_51ZZZZZZZZZZZZZZZZZZZZZZZZ"\n'),
}
PLANTED = ("hunter2-very-secret", "hooks.slack.com/services/T0000", "sk_live_abcdefghijklmnop1234",
           "django-insecure-0123456789abcdefghij", "sk_live_51ZZZZZZZZZZZZZZZZZZZZZZZZ")


def tallybook_secret() -> str:
    """The fake live key planted in the example's settings (read, not restated)."""
    settings = (TALLYBOOK / "tallybook" / "settings.py").read_text()
    match = re.search(r"sk_live_[A-Za-z0-9]+", settings)
    assert match, "the example's planted key moved"
    return match.group(0)


def export(scan: RepoScan, out: Path, repo: Path) -> dict[str, str]:
    write_export(export_documents(scan, prefill_from_scan(scan, LIBRARY), LIBRARY), repo, out)
    return {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}


@pytest.fixture(scope="module")
def tallybook_export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("export")
    return export(scan_repo(TALLYBOOK, use_cache=False), out, TALLYBOOK)


def test_writes_every_file_and_nothing_else(tallybook_export: dict[str, str]) -> None:
    assert set(tallybook_export) == EXPECTED
    assert all(text.strip() for text in tallybook_export.values())


def test_index_links_resolve(tallybook_export: dict[str, str]) -> None:
    links = re.findall(r"\]\(([^)]+)\)", tallybook_export["index.md"])
    assert set(links) == set(CONTENTS)
    assert all(link in tallybook_export for link in links)
    assert "Quick win: **" in tallybook_export["index.md"]


def test_the_examples_planted_key_never_appears(tallybook_export: dict[str, str]) -> None:
    secret = tallybook_secret()
    assert all(secret not in text for text in tallybook_export.values())


def test_secrets_in_a_repo_never_reach_the_export(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    for name, text in SECRETS.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    files = export(scan_repo(repo, use_cache=False), tmp_path / "out", repo)
    assert "scan.json" in files and "send_welcome" in files["scan.json"]
    for name, text in files.items():
        assert not [s for s in PLANTED if s in text], name


def test_export_redacts_even_what_the_scanner_let_through(tmp_path: Path) -> None:
    """Defence in depth: a scan that carries a secret in evidence is cleaned on the way out."""
    scan = prisma_scan(root=str(tmp_path / "repo"))
    scan.touchpoints.append(tp("email_send", "src/lib/mail.ts", 3, "sendReceipt",
                               'sgMail.setApiKey("SG.abcdefghijklmnopqrst.abcdefghijklmnopqrst")',
                               "notifications", channel="email"))
    result = write_export(export_documents(scan, prefill_from_scan(scan, LIBRARY), LIBRARY),
                          tmp_path / "repo", tmp_path / "out")
    assert result.redactions >= 1
    for path in (tmp_path / "out").iterdir():
        assert "SG.abcdefghijklmnopqrst" not in path.read_text(), path.name
    assert "[REDACTED]" in (tmp_path / "out" / "scan.json").read_text()


def test_refuses_to_write_into_the_scanned_repo(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    with pytest.raises(UsageError, match="inside the scanned repository"):
        check_destination(repo, repo / "personize", force=False)
    with pytest.raises(UsageError, match="inside the scanned repository"):
        check_destination(repo, repo, force=False)
    assert check_destination(repo, repo / "personize", force=True) == (repo / "personize").resolve()
    assert check_destination(repo, tmp_path / "out", force=False) == (tmp_path / "out").resolve()


def test_a_file_in_the_way_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x")
    with pytest.raises(UsageError, match="not a folder"):
        check_destination(tmp_path / "repo", tmp_path / "taken", force=False)


@pytest.mark.toolchain
def test_cli_exports_and_leaves_the_repo_untouched(tmp_path: Path) -> None:
    before = sorted(p.relative_to(TALLYBOOK) for p in TALLYBOOK.rglob("*"))
    refused = subprocess.run([sys.executable, "-m", "personize_assistant.cli", "export", str(TALLYBOOK),
                              "-o", str(TALLYBOOK / "personize-out")], capture_output=True, text=True, check=False)
    assert refused.returncode == 2 and "--force" in refused.stderr and "Traceback" not in refused.stderr
    done = subprocess.run([sys.executable, "-m", "personize_assistant.cli", "export", str(TALLYBOOK),
                           "-o", str(tmp_path / "out")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str((tmp_path / "out" / "index.md").resolve())
    assert {p.name for p in (tmp_path / "out").iterdir()} == EXPECTED
    assert sorted(p.relative_to(TALLYBOOK) for p in TALLYBOOK.rglob("*")) == before


def test_dependency_versions_are_not_mistaken_for_secrets(tmp_path: Path) -> None:
    scan = prisma_scan(root=str(tmp_path / "repo"))
    scan.stack.dependencies["jsonwebtoken"] = "^9.0.2"
    write_export(export_documents(scan, prefill_from_scan(scan, LIBRARY), LIBRARY),
                 tmp_path / "repo", tmp_path / "out")
    assert '"jsonwebtoken": "^9.0.2"' in (tmp_path / "out" / "scan.json").read_text()


def test_exported_files_get_the_usual_permissions_not_private_temp_ones(tmp_path: Path) -> None:
    import os
    import stat

    out = tmp_path / "out"
    write_export({"index.md": "# x\n"}, tmp_path / "repo", out)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((out / "index.md").stat().st_mode) == 0o666 & ~umask
