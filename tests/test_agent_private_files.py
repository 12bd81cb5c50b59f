"""read_file (the model's tool) refuses secrets-bearing and git-ignored files unless the
user's own message names that exact path."""

from __future__ import annotations

from pathlib import Path

import pytest

from personize_assistant.agent.private_files import named_paths, refuse_private
from personize_assistant.agent.tools import ToolError

PRIVATE = [".env", ".env.local", "config/.env.production", "deploy/prod.env", ".git/config", ".git/HEAD",
           "certs/server.pem", "server.key", "id_rsa", "keys/id_ed25519", ".ssh/config", ".aws/credentials",
           ".npmrc", ".netrc", "store.p12", "infra/prod.tfvars"]
PUBLIC = ["src/app.ts", "README.md", "package.json", "docs/env.md", "src/environment.ts", "keys/id_rsa.pub",
          "src/keyboard.ts", ".github/workflows/ci.yml", "settings.py"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for relative in [*PRIVATE, *PUBLIC, "build/out.js", "logs/app.log", "logs/keep.log", "notes.txt"]:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text("x\n")
    (root / ".gitignore").write_text("build/\n*.log\n\\\n")  # `\` alone: git accepts it, pathspec does not
    (root / "logs" / ".gitignore").write_text("!keep.log\n")
    return root


@pytest.mark.parametrize("path", PRIVATE)
def test_private_files_are_refused_unless_named(repo: Path, path: str) -> None:
    with pytest.raises(ToolError, match="not read"):
        refuse_private(repo, path, "what does this project do?")
    with pytest.raises(ToolError, match="not read"):
        refuse_private(repo, path, f"read something like {path}x")  # a different path is not this one
    refuse_private(repo, path, f"please read `{path}` and tell me what is set")
    refuse_private(repo, f"./{path}", f"look at {path}.")


@pytest.mark.parametrize("path", PUBLIC)
def test_ordinary_files_are_readable(repo: Path, path: str) -> None:
    refuse_private(repo, path, "")


def test_git_ignored_files_are_private_with_nested_rules(repo: Path) -> None:
    for path in ("build/out.js", "logs/app.log"):
        with pytest.raises(ToolError, match="git-ignored"):
            refuse_private(repo, path, "")
    refuse_private(repo, "logs/keep.log", "")  # re-included by logs/.gitignore
    (repo / ".git" / "info").mkdir(parents=True)
    (repo / ".git" / "info" / "exclude").write_text("notes.txt\n")
    with pytest.raises(ToolError, match="git-ignored"):
        refuse_private(repo, "notes.txt", "")


def test_a_link_to_a_private_file_is_private(repo: Path) -> None:
    (repo / "innocent.txt").symlink_to(repo / ".env")
    with pytest.raises(ToolError, match=r"innocent.txt \(a link to .env\)"):
        refuse_private(repo, "innocent.txt", "read innocent.txt")
    refuse_private(repo, "innocent.txt", "read innocent.txt, it points at .env")


def test_paths_are_found_in_plain_sentences() -> None:
    message = 'Can you read "config/.env.local", ./.env and (secrets/id_rsa)? Thanks.'
    assert {"config/.env.local", ".env", "secrets/id_rsa"} <= named_paths(message)
