"""A loopback imitation of the Personize REST API, for tests and demos.

A real HTTP server (stdlib ``ThreadingHTTPServer`` on 127.0.0.1, ephemeral port) that speaks
the documented request and response shapes of ``/api/v1`` (see /work/shared/personize-api.md):
test, me, collections CRUD + history, guidelines CRUD, memorize, batch-memorize (asynchronous,
with events), smart-recall, recall, smart-memory-digest, search (paged), ai/smart-guidelines
and prompt. Data lives in memory per organisation; ids are deterministic.

Tests drive failures through ``imitation.controls`` (or ``POST /__control`` from another
process): 401/403, 429 with a chosen ``retryAfterSeconds``, 5xx n times, slow answers. Every
request is recorded (``imitation.requests``) with its headers minus ``Authorization``.

Where the docs disagree, the imitation follows the newer behaviour and accepts both spellings:
``recall`` is the direct lookup with ``type`` required; memorize without an identifier is a
400; smart-guidelines accepts ``full`` and ``deep`` (and reports ``deep``); search conditions
accept ``field`` or ``property`` and long or short operator names in any case. New orgs start
with the system collections Contact and Company (pass ``seed_collections=False`` for none).

Modules: ``server`` (HTTP, routing, auth, rate limits), ``endpoints`` (one method per route),
``schemas`` / ``memory`` / ``generation`` (the behaviour behind them), ``controls`` (fault
injection), ``state`` and ``common``.

Run by hand::

    python -m tests.support.personize_imitation --port 8765
"""

from tests.support.personize_imitation.common import DEFAULT_KEY, PLANS, PREFIX, ApiError
from tests.support.personize_imitation.controls import Controls
from tests.support.personize_imitation.server import PersonizeImitation, main
from tests.support.personize_imitation.state import Fault, Org, RecordedRequest, StoredRecord

__all__ = [
    "DEFAULT_KEY",
    "PLANS",
    "PREFIX",
    "ApiError",
    "Controls",
    "Fault",
    "Org",
    "PersonizeImitation",
    "RecordedRequest",
    "StoredRecord",
    "main",
]
