"""Resolve the second held-out batch's label specs (`specs/*.py`) to line-numbered label files.

Same format and helpers as `bench/labels/resolve.py`, but the releases come from
`bench.accuracy.HELDOUT2_TARGETS`. Never looks at scanner output.

    .venv/bin/python bench/labels/heldout2/build.py                 # every held-out spec
    .venv/bin/python bench/labels/heldout2/build.py zou-1.0.97
"""

from __future__ import annotations

import json
import runpy
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SPECS = Path(__file__).resolve().parent / "specs"
sys.path.insert(0, str(REPO))

from bench.accuracy import HELDOUT2_TARGETS, download  # noqa: E402
from bench.labels.resolve import SpecError, resolve  # noqa: E402


def build(spec_path: Path) -> str:
    module = runpy.run_path(str(spec_path))
    target = next(t for t in HELDOUT2_TARGETS if t.name == module["PACKAGE"])
    workdir = Path(tempfile.gettempdir()) / "personize-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    data = resolve(download(target, workdir), module["SPEC"])
    output = REPO / module["OUTPUT"]
    output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = {k: len(v) for k, v in data.items() if k != "notes"}
    return f"{output.relative_to(REPO)}: {counts}"


def main(argv: list[str]) -> int:
    wanted = set(argv)
    specs = [p for p in sorted(SPECS.glob("*.py")) if not wanted or p.stem in wanted]
    if not specs:
        print(f"no spec matches {', '.join(sorted(wanted))}", file=sys.stderr)
        return 2
    try:
        for spec_path in specs:
            print(build(spec_path))
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
