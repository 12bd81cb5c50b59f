"""Personize API access: the standalone client (`client.py`) plus typed views for our own code.

`client.py` imports only httpx and the standard library so WIRE can copy it into a user's
repository unchanged; `models.py` holds pydantic views used by the assistant itself.
"""

from personize_assistant.personize.client import (
    AsyncPersonize,
    AuthenticationError,
    Personize,
    PersonizeAPIError,
    PersonizeConnectionError,
    PersonizeError,
    RateLimitError,
    RetryPolicy,
)

__all__ = [
    "AsyncPersonize",
    "AuthenticationError",
    "Personize",
    "PersonizeAPIError",
    "PersonizeConnectionError",
    "PersonizeError",
    "RateLimitError",
    "RetryPolicy",
]
