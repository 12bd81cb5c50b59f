"""The one check every reader of the user's repo goes through (`fileio.read_repo_file`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from personize_assistant.fileio import Refusal, read_repo_bytes, read_repo_file


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "src").mkdir(parents=True)
    (root / "src" / "app.ts").write_bytes(b"export const a = 1;\r\nexport const b = 2;\r\n")
    (tmp_path / "credentials").write_text("aws_secret_access_key = wJalrXUtnFEMIK7MDENGbPxRfiCYKEY\n")
    return root


def refusal(result: str | bytes | Refusal) -> Refusal:
    assert isinstance(result, Refusal), result
    return result


def test_a_regular_file_inside_is_read(repo: Path) -> None:
    assert read_repo_file(repo, "src/app.ts", 1000) == "export const a = 1;\nexport const b = 2;\n"
    assert read_repo_file(repo, "src/app.ts", 1000, newline="") == "export const a = 1;\r\nexport const b = 2;\r\n"


def test_a_link_inside_the_repo_is_followed(repo: Path) -> None:
    (repo / "alias.ts").symlink_to(repo / "src" / "app.ts")
    assert read_repo_bytes(repo, "alias.ts", 1000) == (repo / "src" / "app.ts").read_bytes()


@pytest.mark.parametrize("target", ["../credentials", "/dev/stdin", "/etc/passwd"])
def test_links_out_of_the_repo_are_refused(repo: Path, target: str) -> None:
    (repo / "README.md").symlink_to(target)
    refused = refusal(read_repo_file(repo, "README.md", 1000))
    assert refused.kind == "outside"
    assert refused.reason == "README.md: resolves outside the repository (symlink); not read"


def test_dot_dot_is_refused(repo: Path) -> None:
    assert refusal(read_repo_bytes(repo, "../credentials", 1000)).kind == "outside"


def test_a_fifo_is_refused_without_waiting(repo: Path) -> None:
    os.mkfifo(repo / "src" / "x.ts")
    refused = refusal(read_repo_bytes(repo, "src/x.ts", 1000))
    assert refused.kind == "not_regular" and "FIFO" in refused.reason


def test_a_folder_is_not_a_file(repo: Path) -> None:
    assert refusal(read_repo_bytes(repo, "src", 1000)).kind == "not_regular"


def test_size_is_bounded(repo: Path) -> None:
    refused = refusal(read_repo_bytes(repo, "src/app.ts", 10))
    assert refused.kind == "too_large" and refused.size == 42


def test_a_missing_file_says_so(repo: Path) -> None:
    refused = refusal(read_repo_bytes(repo, "nope.ts", 10))
    assert refused.kind == "unreadable" and refused.detail == "No such file or directory"
