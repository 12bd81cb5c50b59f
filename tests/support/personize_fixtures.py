"""Pytest fixtures for the Personize imitation. Import the ones you use into your test module::

    from tests.support.personize_fixtures import personize_server as personize_server

(the redundant ``as`` marks an intentional re-export, so ruff does not flag the import or the
parameter that shadows it). Every fixture here depends only on pytest's built-ins, so each
can be imported on its own.

* ``personize_server``: one imitation per test process (started on first use, stopped at exit),
  reset before each test: fresh data, no faults, no recorded requests. Exposes ``.url``,
  ``.key``, ``.controls`` (fault injection) and ``.requests`` (everything received).
* ``personize_env``: the same server, plus the environment of a new user pointed at it
  (``PERSONIZE_SECRET_KEY``, ``PERSONIZE_BASE_URL``, no config file, no Anthropic key).
* ``personize_client``: a ``Personize`` client bound to it whose retries and pacing record
  their waits in ``sleep_recorder`` instead of sleeping.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Iterator

import pytest

from personize_assistant.personize.client import Personize
from tests.support.personize_imitation import PersonizeImitation

_shared: PersonizeImitation | None = None
_shared_lock = threading.Lock()


class SleepRecorder:
    """A `sleep` for the client that records waits instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.waits.append(seconds)


_RECORDER = pytest.StashKey[SleepRecorder]()
_RESET_DONE = pytest.StashKey[bool]()


def shared_imitation() -> PersonizeImitation:
    """The process-wide imitation, started on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = PersonizeImitation().start()
            atexit.register(_shared.stop)
        return _shared


def _fresh_imitation(request: pytest.FixtureRequest) -> PersonizeImitation:
    """The shared imitation, reset once per test however many fixtures ask for it."""
    server = shared_imitation()
    if not request.node.stash.get(_RESET_DONE, False):
        server.reset()
        request.node.stash[_RESET_DONE] = True
    return server


def _recorder(request: pytest.FixtureRequest) -> SleepRecorder:
    node: pytest.Item = request.node
    return node.stash.setdefault(_RECORDER, SleepRecorder())


@pytest.fixture
def personize_server(request: pytest.FixtureRequest) -> Iterator[PersonizeImitation]:
    server = _fresh_imitation(request)
    yield server
    server.abandon_waiting()  # a request still held by an injected delay must not outlive the test


@pytest.fixture
def personize_env(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[PersonizeImitation]:
    server = _fresh_imitation(request)
    config_dir = tmp_path_factory.mktemp("personize-config")
    monkeypatch.setenv("PERSONIZE_SECRET_KEY", server.key)
    monkeypatch.setenv("PERSONIZE_BASE_URL", server.url)
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CONFIG", str(config_dir / "config.toml"))
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("PERSONIZE_TIMEOUT", raising=False)
    yield server
    server.abandon_waiting()


@pytest.fixture
def sleep_recorder(request: pytest.FixtureRequest) -> SleepRecorder:
    return _recorder(request)


@pytest.fixture
def personize_client(request: pytest.FixtureRequest) -> Iterator[Personize]:
    server = _fresh_imitation(request)
    with Personize(server.key, base_url=server.url, sleep=_recorder(request)) as client:
        yield client
    server.abandon_waiting()
