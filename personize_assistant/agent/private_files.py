"""Files the model may not read on its own: secrets by name, and git-ignored files.

The name rules are data (`private_files.yaml`, .gitignore syntax). A git-ignored file is
private too: what a project keeps out of git is where local credentials live. The user
can still have such a file read by naming its exact path in their message.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path, PurePosixPath

from pathspec import GitIgnoreSpec
from pydantic import BaseModel, ConfigDict

from personize_assistant.agent.tools import ToolError
from personize_assistant.rulefiles import load_rules
from personize_assistant.scan.walk import git_ignored

IGNORED_REASON = "git-ignored (what a project keeps out of git often holds local secrets)"
TOKEN_EDGES = "\"'`()[]{}<>,;:!?@"
"""Punctuation around a path in a sentence: `read ".env.local"`, (see .env)."""


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str
    patterns: list[str]


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    groups: list[_Group]


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, GitIgnoreSpec], ...]:
    rules = load_rules("personize_assistant.agent", "private_files.yaml", _Rules)
    return tuple((group.reason, GitIgnoreSpec.from_lines(group.patterns)) for group in rules.groups)


def normal_path(path: str) -> str:
    """A repo-relative path as one spelling: forward slashes, no `./`."""
    return PurePosixPath(path.strip().replace("\\", "/")).as_posix()


def private_reason(root: Path, relative: str) -> str | None:
    """Why the model must not read `relative` unless the user names it, or None."""
    for reason, spec in _rules():
        if spec.match_file(relative):
            return reason
    return IGNORED_REASON if git_ignored(root, relative) else None


def named_paths(message: str) -> set[str]:
    """The paths a message spells out, normalised (`read ./.env, please` names `.env`)."""
    tokens = (token.strip(TOKEN_EDGES).rstrip(".") for token in message.split())
    return {normal_path(token) for token in tokens if token}


def refuse_private(root: Path, requested: str, user_message: str) -> None:
    """Raise a ToolError when `requested` (or the file it resolves to) is private and the
    user's message does not name that path."""
    asked = normal_path(requested)
    base = root.resolve()
    target = (base / asked).resolve()
    if PurePosixPath(asked).is_absolute() or ".." in PurePosixPath(asked).parts or not target.is_relative_to(base):
        return  # not a repo path at all: the confinement check refuses it with its own reason
    candidates = [asked, target.relative_to(base).as_posix()]
    named = named_paths(user_message)
    for path in dict.fromkeys(candidates):
        reason = private_reason(root, path)
        if reason is not None and path not in named:
            shown = requested if path == asked else f"{requested} (a link to {path})"
            raise ToolError(f"{shown}: not read: {reason}. It is read only if the user names "
                            f"\"{path}\" in their message; ask them.")
