"""Is this name a secret? One answer (secrets.yaml) for the scanner, SCHEMA, GENERATE and redaction."""

from __future__ import annotations

import re
from functools import cache

from personize_assistant.scan.rules import secrets

_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_\-\s]+")


def snake(name: str) -> str:
    """`resetToken` / `ResetToken` / `reset-token` -> `reset_token`."""
    return "_".join(w.lower() for w in _WORD_BREAK.sub(" ", name).split())


@cache
def _secret_name() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in secrets().secret_names))


@cache  # redaction asks once per `name = value` it meets
def is_secret_name(name: str) -> bool:
    """A field, column or variable whose value is a credential or a secret about a person."""
    return _secret_name().search(snake(name)) is not None


def is_credential_column(name: str) -> bool:
    """A secret, or bookkeeping a credential table keeps beside its secrets (`scope`, `expires`)."""
    return is_secret_name(name) or secrets().credential_table_columns.search(name) is not None
