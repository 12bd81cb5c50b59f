"""Building a client from the assistant's settings, and turning its errors into CLI errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from personize_assistant.config import Settings
from personize_assistant.errors import AssistantError, UsageError
from personize_assistant.personize.client import Personize, PersonizeError, RetryPolicy
from personize_assistant.personize.models import CollectionSummary, collection_summaries, next_token
from personize_assistant.redact import redact

KEY_HINT = "set PERSONIZE_SECRET_KEY to your Personize secret key (sk_live_… or sk_test_…)"
INTERACTIVE_RETRIES = RetryPolicy(max_retries=2, max_retry_wait=15.0, backoff_base=0.5)
"""A person is waiting: give up within seconds rather than minutes."""
MAX_LIST_PAGES = 100
"""Safety bound on pagination loops in case a server keeps returning a token."""


class PersonizeUnavailable(AssistantError):
    """Personize refused or could not be reached: the command fails (exit 1)."""

    exit_code = 1


def client_from_settings(settings: Settings, *, interactive: bool = True) -> Personize:
    """Interactive commands retry briefly (a person is waiting); batch jobs use the defaults."""
    if settings.personize_secret_key is None:
        raise UsageError(f"{KEY_HINT}; `personize-assistant doctor` shows what works without it")
    policy = INTERACTIVE_RETRIES if interactive else RetryPolicy()
    try:
        return Personize(
            settings.personize_secret_key.get_secret_value(),
            base_url=settings.personize_base_url,
            timeout=settings.personize_timeout,
            max_retries=policy.max_retries,
            max_retry_wait=policy.max_retry_wait,
            backoff_base=policy.backoff_base,
        )
    except PersonizeError as exc:  # a malformed base URL is a configuration problem
        raise UsageError(redact(str(exc))) from None


@contextmanager
def personize_errors() -> Iterator[None]:
    """Re-raise client errors as one-line CLI errors (redacted, exit 1)."""
    try:
        yield
    except PersonizeError as exc:
        raise PersonizeUnavailable(redact(str(exc))) from None


def list_all_collections(client: Personize) -> list[CollectionSummary]:
    summaries: list[CollectionSummary] = []
    for page in all_pages(lambda token: client.collections.list(nextToken=token)):
        summaries += collection_summaries(page)
    return summaries


def all_pages(list_page: Callable[[str | None], Any], what: str = "collections") -> Iterator[Any]:
    """Every page of a `nextToken` listing. A server still sending a token after
    MAX_LIST_PAGES raises rather than passing off a partial list as the whole account
    (an empty one read "No collections yet"; `schema --create` would create duplicates)."""
    token: str | None = None
    for _ in range(MAX_LIST_PAGES):
        page = list_page(token)
        yield page
        token = next_token(page)
        if token is None:
            return
    raise PersonizeError(
        f"Personize kept sending more pages of {what} after {MAX_LIST_PAGES} pages; "
        "stopped, since the list would be incomplete (try again later)"
    )
