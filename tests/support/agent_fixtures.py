"""Fixtures for the agent tests. Import the ones you use into the test module::

    from tests.support.agent_fixtures import agent_env as agent_env, demo_repo as demo_repo

* ``agent_env``: a user with no config file, no Anthropic key, a data dir in tmp and a
  scan cache shared by the test session.
* ``demo_repo``: a private copy of examples/pulseboard-ts (once per test session), so a
  test may plant files without touching the checkout.
* ``tiny_repo``: a private copy per test of tests/fixtures/apps/resend-prisma-ts (one Prisma
  model, one Resend email send).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

from personize_assistant.config import Settings
from tests.support.apps import copy_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FAKE_ANTHROPIC_KEY = "sk-ant-api03-testkeyTESTKEYtestkey0123456789"


_SCAN_CACHE: list[Path] = []


def _scan_cache() -> Path:
    """One scan cache for the whole test run (keyed by root and content, so sharing is
    safe); a plain function so importing `agent_env` alone is enough."""
    if not _SCAN_CACHE:
        _SCAN_CACHE.append(Path(tempfile.mkdtemp(prefix="agent-scan-cache-")))
        atexit.register(shutil.rmtree, _SCAN_CACHE[0], True)
    return _SCAN_CACHE[0]


@pytest.fixture
def agent_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "PERSONIZE_SECRET_KEY",
                 "PERSONIZE_ASSISTANT_MODEL", "PERSONIZE_ASSISTANT_MAX_TOOL_ITERATIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("PERSONIZE_ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PERSONIZE_ASSISTANT_CACHE_DIR", str(_scan_cache()))
    return tmp_path


@pytest.fixture(scope="session")
def demo_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("demo") / "pulseboard-ts"
    shutil.copytree(EXAMPLES / "pulseboard-ts", target)
    return target


@pytest.fixture
def tiny_repo(tmp_path: Path) -> Path:
    return copy_app("resend-prisma-ts", tmp_path / "tiny")


def offline_settings() -> Settings:
    return Settings(anthropic_api_key=None)


def claude_settings(base_url: str, **overrides: Any) -> Settings:
    return Settings(anthropic_api_key=FAKE_ANTHROPIC_KEY, anthropic_base_url=base_url, **overrides)
