"""Exceptions that end a command with a one-line, actionable message."""

from __future__ import annotations


class AssistantError(Exception):
    """An expected failure: the CLI prints the message (no traceback) and exits with `exit_code`."""

    exit_code = 2


class UsageError(AssistantError):
    exit_code = 2


class FindingsError(AssistantError):
    """Findings at or above a `--fail-on` threshold (or `check` violations)."""

    exit_code = 1
