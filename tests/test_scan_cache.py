"""The scan cache: warm rescans, partial changes, corruption, and stable ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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


def test_warm_rescan_reuses_everything(repo: Path) -> None:
    cold = scan_repo(repo)
    warm = scan_repo(repo)
    assert cold.stats.cache_hits == 0 and cold.stats.files_parsed == cold.stats.files_seen
    assert warm.stats.cache_hits == warm.stats.files_seen and warm.stats.files_parsed == 0
    assert warm.touchpoints == cold.touchpoints


def test_a_changed_file_is_the_only_one_parsed(repo: Path) -> None:
    scan_repo(repo)
    target = repo / "src" / "lib" / "mail" / "preview.ts"
    target.write_text(target.read_text() + "\nexport const extra = 1;\n")
    rescan = scan_repo(repo)
    assert rescan.stats.files_parsed == 1
    assert rescan.stats.cache_hits == rescan.stats.files_seen - 1


def test_touched_but_unchanged_files_stay_cached(repo: Path) -> None:
    scan_repo(repo)
    (repo / "src" / "server.ts").touch()
    assert scan_repo(repo).stats.files_parsed == 0


def test_corrupt_cache_files_fall_back_to_a_fresh_scan(repo: Path) -> None:
    expected = scan_repo(repo).touchpoints
    for path in cache_files(repo):
        path.write_bytes(b"not JSON at all {")
    recovered = scan_repo(repo)
    assert recovered.touchpoints == expected
    assert scan_repo(repo).stats.cache_hits == recovered.stats.files_seen


def test_unwritable_cache_location_still_scans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("")
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CACHE_DIR", str(blocker))
    target = tmp_path / "repo"
    shutil.copytree(FIXTURE, target)
    first = scan_repo(target)
    second = scan_repo(target)  # served from the in-memory fallback
    assert first.touchpoints == second.touchpoints
    assert second.stats.cache_hits == second.stats.files_seen


def test_no_cache_option_writes_nothing(repo: Path) -> None:
    scan_repo(repo, use_cache=False)
    assert cache_files(repo) == []


def test_ids_survive_code_moving(repo: Path) -> None:
    before = {t.id: t for t in scan_repo(repo).touchpoints}
    signup = repo / "src" / "routes" / "signup.ts"
    signup.write_text("// moved down\n\n\n" + signup.read_text())
    after = {t.id: t for t in scan_repo(repo).touchpoints}
    assert set(before) == set(after)
    moved = [i for i, t in before.items() if t.file == "src/routes/signup.ts"]
    assert moved and all(after[i].line == before[i].line + 3 for i in moved)


def test_ids_are_unique(repo: Path) -> None:
    ids = [t.id for t in scan_repo(repo).touchpoints]
    assert len(ids) == len(set(ids))
