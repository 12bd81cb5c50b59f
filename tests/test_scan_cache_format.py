"""The scan cache is JSON that cannot run code: foreign or malformed files fall back to a
fresh scan, and facts hold no secrets at rest (issue 10)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from personize_assistant.scan import cache as cache_module
from personize_assistant.scan import scan_repo

FIXTURE = Path(__file__).parent / "fixtures" / "scan" / "ts_app"


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CACHE_DIR", str(tmp_path / "cache"))
    target = tmp_path / "repo"
    shutil.copytree(FIXTURE, target)
    return target


def cache_files(repo: Path) -> list[Path]:
    return sorted((repo.parent / "cache" / "scan").glob("*.json"))


def forget_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drop the in-process copy so the next scan has only the files on disk."""
    monkeypatch.setattr(cache_module, "_MEMORY", {})


@pytest.mark.parametrize("shape", [
    {"files": 5, "fingerprint": [], "result": "x", "facts": {"d": "not a wire"}},
    {"files": {"a.ts": [1]}, "facts": {"d": [1, 2, 3, 4, 5]}},
    [1, 2, 3],
])
def test_a_foreign_json_cache_with_our_version_falls_back(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                                          shape: object) -> None:
    expected = scan_repo(repo).touchpoints
    for path in cache_files(repo):
        version = json.loads(path.read_text())["version"]
        path.write_text(json.dumps({**shape, "version": version} if isinstance(shape, dict) else shape))
    forget_memory(monkeypatch)
    assert scan_repo(repo).touchpoints == expected


def test_facts_hold_no_secret_at_rest(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
    (repo / "src" / "billing.ts").write_text(
        f'import Stripe from "stripe";\nconst stripe = new Stripe("{secret}");\n'
        "export async function charge(id: string) {\n  await stripe.charges.create({ customer: id });\n}\n")
    cold = scan_repo(repo)
    assert cache_files(repo) and all(secret not in p.read_text() for p in cache_files(repo))
    forget_memory(monkeypatch)
    warm = scan_repo(repo)
    assert warm.stats.files_parsed == 0 and warm.touchpoints == cold.touchpoints
