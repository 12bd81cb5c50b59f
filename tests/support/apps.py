"""The small apps under tests/fixtures/apps/ (one line on each in its README.md).

Scan one in place when the test only reads it; `copy_app` it into tmp_path when the test
changes it, wires it or needs it as a git checkout.
"""

from __future__ import annotations

import shutil
from pathlib import Path

APPS = Path(__file__).resolve().parents[1] / "fixtures" / "apps"


def fixture_app(name: str) -> Path:
    path = APPS / name
    if not path.is_dir():
        raise FileNotFoundError(f"no fixture app {name} under {APPS}")
    return path


def copy_app(name: str, target: Path) -> Path:
    """A private copy at `target` (which must not exist yet)."""
    shutil.copytree(fixture_app(name), target, ignore=shutil.ignore_patterns("__pycache__"))
    return target
