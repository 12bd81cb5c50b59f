"""Resolve the second held-out batch's label specs (`specs/*.py`) to line-numbered label files.

Same format and helpers as `bench/labels/resolve.py`; the releases come from
`bench.accuracy.HELDOUT2_TARGETS`. Never looks at scanner output.

    .venv/bin/python bench/labels/heldout2/build.py                 # every spec in this batch
    .venv/bin/python bench/labels/heldout2/build.py zou-1.0.97
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from bench.labels.resolve import downloaded_release, run_specs  # noqa: E402

if __name__ == "__main__":
    specs = Path(__file__).resolve().parent / "specs"
    raise SystemExit(run_specs(sys.argv[1:], specs, downloaded_release("HELDOUT2_TARGETS")))
