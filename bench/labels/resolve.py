"""Turn hand-written label specs into the line-numbered label files.

Labels are written by reading the code, as (kind, file, a snippet unique to the line).
This resolves each snippet to its 1-based line so a label file can be rebuilt after the
labelled code moves, without anyone re-counting lines. It never looks at scanner output.

    .venv/bin/python bench/labels/resolve.py            # rebuild every label file
    .venv/bin/python bench/labels/resolve.py umami-2.10.0

Specs for the example apps resolve against `examples/<app>`; specs for real packages
resolve against the release unpacked by `bench/accuracy.py` (downloaded if needed).
"""

from __future__ import annotations

import json
import runpy
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SPECS = Path(__file__).resolve().parent / "specs"

Spec = dict[str, Any]


def tp(kind: str, file: str, at: str, symbol: str | None = None, **extra: Any) -> Spec:
    """A touchpoint: `at` is a snippet found on exactly one line of `file` (or use nth=)."""
    entry: Spec = {"kind": kind, "file": file, "at": at}
    if symbol:
        entry["symbol"] = symbol
    return entry | extra


def no(kind: str, file: str, at: str, why: str, **extra: Any) -> Spec:
    """A non-touchpoint or an ambiguous place, with the reason."""
    return {"kind": kind, "file": file, "at": at, "why": why} | extra


class SpecError(Exception):
    pass


def line_of(root: Path, file: str, snippet: str, nth: int = 0) -> int:
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    hits = [number for number, text in enumerate(lines, start=1) if snippet in text]
    if not hits:
        raise SpecError(f"{file}: {snippet!r} not found")
    if nth == 0 and len(hits) > 1:
        raise SpecError(f"{file}: {snippet!r} is on lines {hits}; pass nth=")
    if nth > len(hits):
        raise SpecError(f"{file}: {snippet!r} occurs {len(hits)} times, nth={nth}")
    return hits[nth - 1] if nth else hits[0]


def resolve_entry(root: Path, raw: Spec, section: str) -> Spec:
    item = dict(raw)
    line = line_of(root, item["file"], item.pop("at"), item.pop("nth", 0))
    alts = item.pop("alt", [])
    entry: Spec = {"kind": item.pop("kind"), "file": item.pop("file"), "line": line} | item
    if alts:
        entry["alt"] = [
            {
                "file": a.get("file", entry["file"]),
                "line": line_of(root, a.get("file", entry["file"]), a["at"], a.get("nth", 0)),
            }
            for a in alts
        ]
    note = entry.get("note", "")
    if (
        section == "touchpoints"
        and ("wrapper" in note or "dispatcher" in note)
        and "call site" not in note
    ):
        entry["wrapper"] = True
    return entry


def resolve(root: Path, spec: Spec) -> Spec:
    out: Spec = {"notes": spec["notes"]} if "notes" in spec else {}
    for section in ("touchpoints", "not_touchpoints", "ambiguous"):
        out[section] = [resolve_entry(root, raw, section) for raw in spec.get(section, [])]
    return out


SourceOf = Callable[[dict[str, Any]], Path]


def downloaded_release(targets_name: str) -> SourceOf:
    """Where a real package's spec resolves: its release from `bench.accuracy.<targets_name>`,
    unpacked (and downloaded if needed) under the shared bench work dir."""

    def source(module: dict[str, Any]) -> Path:
        sys.path.insert(0, str(REPO))
        import bench.accuracy as accuracy

        targets = getattr(accuracy, targets_name)
        target = next(t for t in targets if t.name == module["PACKAGE"])
        workdir = Path(tempfile.gettempdir()) / "personize-bench"
        workdir.mkdir(parents=True, exist_ok=True)
        return Path(accuracy.download(target, workdir))

    return source


def source_root(module: dict[str, Any]) -> Path:
    if "EXAMPLE" in module:
        return REPO / "examples" / str(module["EXAMPLE"])
    return downloaded_release("REAL_TARGETS")(module)


def build(spec_path: Path, source_of: SourceOf = source_root) -> str:
    module = runpy.run_path(str(spec_path))
    output = REPO / module["OUTPUT"]
    data = resolve(source_of(module), module["SPEC"])
    output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = {k: len(v) for k, v in data.items() if k != "notes"}
    return f"{output.relative_to(REPO)}: {counts}"


def run_specs(argv: list[str], specs_dir: Path = SPECS, source_of: SourceOf = source_root) -> int:
    """Rebuild the label files of the specs named in `argv` (all of them when empty)."""
    sys.path.insert(0, str(REPO))
    wanted = set(argv)
    specs = [p for p in sorted(specs_dir.glob("*.py")) if not wanted or p.stem in wanted]
    if not specs:
        print(f"no spec matches {', '.join(sorted(wanted))}", file=sys.stderr)
        return 2
    try:
        for spec_path in specs:
            print(build(spec_path, source_of))
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(run_specs(sys.argv[1:]))
