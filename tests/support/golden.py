"""Compare produced text with the files under tests/golden/, or rewrite them on request.

`PERSONIZE_UPDATE_GOLDEN=1` rewrites the files (and removes none): read the diff afterwards,
it is the review of the change.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE = os.environ.get("PERSONIZE_UPDATE_GOLDEN") == "1"


def assert_matches_golden(folder: Path, produced: dict[str, str], *, whole_folder: bool = False) -> None:
    """Every produced file equals its golden copy, byte for byte.

    `whole_folder`: the folder belongs to this one test, so a golden file nothing produces any
    more (a renamed case) is stale: the update removes it and the check reports it."""
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for filename, text in produced.items():
            (folder / filename).write_text(text, encoding="utf-8")
        for stale in _stale(folder, produced) if whole_folder else []:
            stale.unlink()
    label = folder.relative_to(GOLDEN)
    if whole_folder:
        assert _stale(folder, produced) == [], f"{label} holds files no test produces; regenerate"
    for filename, text in produced.items():
        golden = folder / filename
        assert golden.exists(), f"missing {golden}; run with PERSONIZE_UPDATE_GOLDEN=1"
        assert text == golden.read_text(encoding="utf-8"), f"{label}/{filename} changed; review and regenerate"


def machine_specific(text: str, root: Path) -> list[str]:
    """Absolute paths that would make a golden file differ between machines."""
    return [marker for marker in (str(root), "/tmp/", "/home/") if marker in text]


def _stale(folder: Path, produced: dict[str, str]) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.name not in produced) if folder.is_dir() else []
