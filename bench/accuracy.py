"""Scanner accuracy on real open-source applications, against hand-written labels.

Downloads pinned releases from PyPI (`pip download`) and npm (`npm pack`) into a
scratch directory outside the repository, runs `personize-assistant scan --json` on
each, and compares the touchpoints with the labels in `bench/labels/<name>-<version>.json`
(the same format as `tests/fixtures/expected/*.json`). Prints precision and recall per
kind for the kinds labelled exhaustively, recall for the others, and every miss and
false positive, so a change to the scanner can be judged on code nobody wrote for it.

    .venv/bin/python bench/accuracy.py                  # all real targets
    .venv/bin/python bench/accuracy.py --examples       # also the two example apps
    .venv/bin/python bench/accuracy.py --only umami --json
    .venv/bin/python bench/accuracy.py --heldout        # the held-out set instead
    .venv/bin/python bench/accuracy.py --heldout2       # the second held-out batch
    .venv/bin/python bench/accuracy.py --batch batch3   # a first-contact batch (bench/FIRST_CONTACT.md)

The held-out targets (`bench/labels/heldout/`) were labelled by hand before the scanner
was ever run on them and must never be used for tuning; they give the honest figure.

Matching: a reported touchpoint matches a label of the same kind when it sits at the
label's file and line, or at one of the label's `alt` locations (another line that
identifies the same thing, e.g. a decorator, or the `constructEvent` call inside a
webhook handler). `--line-slack N` also accepts lines within N of those. Reports that
land on an `ambiguous` entry count neither way; a second report of an already matched
label is counted as a duplicate, not as a false positive.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from personize_assistant.scan.models import Kind  # noqa: E402

LABELS_DIR = REPO / "bench" / "labels"
EXPECTED_DIR = REPO / "tests" / "fixtures" / "expected"

EXHAUSTIVE: tuple[Kind, ...] = (
    Kind.EMAIL_SEND,
    Kind.NOTIFICATION,
    Kind.WEBHOOK_HANDLER,
    Kind.EVENT_TRACKING,
    Kind.DATA_MODEL,
    Kind.SCHEDULED_JOB,
    Kind.LLM_CALL,
    Kind.PERSONIZE_CALL,
)


# --- labels --------------------------------------------------------------------------


class Location(BaseModel):
    model_config = ConfigDict(extra="ignore")

    file: str
    line: int


class Label(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kind: Kind
    file: str
    line: int
    symbol: str | None = None
    note: str | None = None
    why: str | None = None
    alt: list[Location] = []

    def locations(self) -> list[Location]:
        return [Location(file=self.file, line=self.line), *self.alt]

    def describe(self) -> str:
        extra = self.symbol or ""
        reason = self.note or self.why
        return f"{self.kind.value:<16} {self.file}:{self.line} {extra}" + (
            f"  ({reason})" if reason else ""
        )


class LabelSet(BaseModel):
    model_config = ConfigDict(extra="ignore")

    notes: list[str] | str | None = None
    touchpoints: list[Label]
    not_touchpoints: list[Label] = []
    ambiguous: list[Label] = []


# --- targets -------------------------------------------------------------------------

Source = Literal["pypi", "npm", "local"]


@dataclass(frozen=True)
class Target:
    name: str
    version: str
    source: Source
    labels: Path
    local_path: Path | None = None
    """For `local` targets: the directory to scan."""

    @property
    def slug(self) -> str:
        return f"{self.name.replace('/', '_').lstrip('@')}-{self.version}"


REAL_TARGETS: tuple[Target, ...] = (
    Target("django-helpdesk", "1.2.0", "pypi", LABELS_DIR / "django-helpdesk-1.2.0.json"),
    Target("umami", "2.10.0", "npm", LABELS_DIR / "umami-2.10.0.json"),
    Target("changedetection.io", "0.45.24", "pypi", LABELS_DIR / "changedetection.io-0.45.24.json"),
    Target("flaskbb", "2.0.2", "pypi", LABELS_DIR / "flaskbb-2.0.2.json"),
)

HELDOUT_DIR = LABELS_DIR / "heldout"

HELDOUT_TARGETS: tuple[Target, ...] = (
    Target("django-newsletter", "1.2.1", "pypi", HELDOUT_DIR / "django-newsletter-1.2.1.json"),
    Target("ihatemoney", "7.2.1", "pypi", HELDOUT_DIR / "ihatemoney-7.2.1.json"),
    Target("fittrackee", "1.3.6", "pypi", HELDOUT_DIR / "fittrackee-1.3.6.json"),
    Target("uptime-kuma", "2.0.0-dev.0", "npm", HELDOUT_DIR / "uptime-kuma-2.0.0-dev.0.json"),
)

HELDOUT2_DIR = LABELS_DIR / "heldout2"

HELDOUT2_TARGETS: tuple[Target, ...] = (
    Target("@budibase/server", "3.38.1", "npm", HELDOUT2_DIR / "budibase-server-3.38.1.json"),
    Target("zou", "1.0.97", "pypi", HELDOUT2_DIR / "zou-1.0.97.json"),
)

EXAMPLE_TARGETS: tuple[Target, ...] = tuple(
    Target(app, "example", "local", EXPECTED_DIR / f"{app}.json", REPO / "examples" / app)
    for app in ("pulseboard-ts", "tallybook-py")
)


def batch_targets(batch: str) -> tuple[Target, ...]:
    """Targets of a first-contact batch: each spec in `bench/labels/<batch>/specs/` names the
    directory it was labelled in (`ROOT`) and how to obtain that exact tree (`SOURCE`)."""
    import runpy

    specs = sorted((LABELS_DIR / batch / "specs").glob("*.py"))
    if not specs:
        raise BenchError(f"no specs in bench/labels/{batch}/specs/")
    targets = []
    for spec in specs:
        data = runpy.run_path(str(spec))
        source = data.get("SOURCE", {})
        root = Path(data["ROOT"])
        if not root.is_dir():
            raise BenchError(f"{spec.name}: {root} is missing; obtain it as SOURCE says: {source}")
        version = str(source.get("version") or source.get("commit", "local"))[:12]
        targets.append(Target(data["PACKAGE"], version, "local", REPO / data["OUTPUT"], root))
    return tuple(targets)


class BenchError(Exception):
    """A step of the benchmark failed; printed as one line."""


def run(cmd: Sequence[str], cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BenchError(f"{cmd[0]} is not installed") from exc
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise BenchError(f"{' '.join(cmd[:3])} failed: {' | '.join(tail)}")
    return done.stdout


def download(target: Target, workdir: Path) -> Path:
    """Fetch and unpack a release once; later runs reuse the unpacked tree."""
    if target.local_path is not None:
        return target.local_path
    dest = workdir / target.slug
    if dest.is_dir():
        return dest
    archives = workdir / "archives"
    archives.mkdir(parents=True, exist_ok=True)
    archive = fetch_archive(target, archives)
    unpack(archive, dest)
    return dest


def fetch_archive(target: Target, archives: Path) -> Path:
    if target.source == "pypi":
        run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--no-binary", ":all:", "--dest", str(archives),
             f"{target.name}=={target.version}"])  # fmt: skip
    else:
        run(["npm", "pack", "--silent", f"{target.name}@{target.version}",
             "--pack-destination", str(archives)])  # fmt: skip
    wanted = normalised(archive_name(target))
    found = [p for p in archives.iterdir() if normalised(p.name) == wanted]
    if not found:
        raise BenchError(f"no {archive_name(target)} in {archives} after downloading {target.name}")
    return found[0]


def normalised(filename: str) -> str:
    """Old sdists keep the project's spelling (`FlaskBB-2.0.2.tar.gz`); compare loosely."""
    return re.sub(r"[-_.]+", "_", filename).lower()


def archive_name(target: Target) -> str:
    if target.source == "pypi":
        return f"{target.name}-{target.version}.tar.gz"
    # npm pack names `@scope/pkg@1.0` as `scope-pkg-1.0.tgz`.
    return f"{target.name.lstrip('@').replace('/', '-')}-{target.version}.tgz"


def unpack(archive: Path, dest: Path) -> None:
    """Extract to a scratch dir, then move the single top-level folder into place."""
    scratch = Path(tempfile.mkdtemp(dir=dest.parent))
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(scratch, filter="data")
        tops = [p for p in scratch.iterdir() if p.is_dir()]
        if len(tops) != 1:
            raise BenchError(f"{archive.name} does not unpack to a single folder")
        tops[0].rename(dest)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# --- scanning ------------------------------------------------------------------------


@dataclass(frozen=True)
class Reported:
    kind: Kind
    file: str
    line: int
    symbol: str | None
    evidence: str

    def describe(self) -> str:
        return f"{self.kind.value:<16} {self.file}:{self.line} {self.symbol or ''}  | {self.evidence[:90]}"


def scan(root: Path) -> tuple[list[Reported], float]:
    cmd = [sys.executable, "-m", "personize_assistant.cli", "scan", str(root), "--json"]
    started = time.perf_counter()
    output = run(cmd, cwd=REPO)
    elapsed = time.perf_counter() - started
    try:
        data: dict[str, Any] = json.loads(output)
    except json.JSONDecodeError as exc:
        raise BenchError(f"scan --json printed something that is not JSON: {exc}") from exc
    return [to_reported(tp) for tp in data.get("touchpoints", [])], elapsed


def to_reported(tp: dict[str, Any]) -> Reported:
    return Reported(
        kind=Kind(tp["kind"]),
        file=tp["file"],
        line=int(tp["line"]),
        symbol=tp.get("symbol"),
        evidence=str(tp.get("evidence", "")),
    )


# --- scoring -------------------------------------------------------------------------


@dataclass
class KindScore:
    kind: Kind
    labelled: int = 0
    reported: int = 0
    hits: list[Label] = field(default_factory=list)
    misses: list[Label] = field(default_factory=list)
    false_positives: list[Reported] = field(default_factory=list)
    duplicates: int = 0
    ambiguous: int = 0
    unjudged: int = 0
    """Reports of a non-exhaustive kind at places the labels say nothing about."""

    @property
    def precision(self) -> float | None:
        judged = len(self.hits) + len(self.false_positives)
        return len(self.hits) / judged if judged else None

    @property
    def recall(self) -> float | None:
        return len(self.hits) / self.labelled if self.labelled else None


def near(loc: Location, rep: Reported, slack: int) -> bool:
    return loc.file == rep.file and abs(loc.line - rep.line) <= slack


def lands_on(rep: Reported, labels: Iterable[Label], slack: int) -> bool:
    return any(near(loc, rep, slack) for lb in labels for loc in lb.locations())


def score_kind(kind: Kind, labels: LabelSet, reported: Iterable[Reported], slack: int) -> KindScore:
    """Match one kind's reports to its labels.

    For exhaustively labelled kinds every unlabelled report is a false positive; for the
    others only reports on a labelled non-touchpoint are, and the rest stay unjudged.
    """
    wanted = [lb for lb in labels.touchpoints if lb.kind == kind]
    maybe = [lb for lb in labels.ambiguous if lb.kind == kind]
    wrong = [lb for lb in labels.not_touchpoints if lb.kind == kind]
    mine = sorted((r for r in reported if r.kind == kind), key=lambda r: (r.file, r.line))
    result = KindScore(kind, labelled=len(wanted), reported=len(mine))
    unmatched = list(wanted)
    for rep in mine:
        label = next((lb for lb in unmatched if lands_on(rep, [lb], slack)), None)
        if label is not None:
            unmatched.remove(label)
            result.hits.append(label)
        elif lands_on(rep, result.hits, slack):
            result.duplicates += 1
        elif lands_on(rep, maybe, slack):
            result.ambiguous += 1
        elif kind in EXHAUSTIVE or lands_on(rep, wrong, slack):
            result.false_positives.append(rep)
        else:
            result.unjudged += 1
    result.misses = unmatched
    return result


@dataclass
class TargetResult:
    target: Target
    seconds: float
    reported: int
    kinds: list[KindScore]

    def exhaustive(self) -> list[KindScore]:
        return [k for k in self.kinds if k.kind in EXHAUSTIVE]


def evaluate(target: Target, workdir: Path, slack: int) -> TargetResult:
    labels = LabelSet.model_validate_json(target.labels.read_text(encoding="utf-8"))
    root = download(target, workdir)
    reported, seconds = scan(root)
    kinds = [score_kind(kind, labels, reported, slack) for kind in Kind]
    return TargetResult(target, seconds, len(reported), kinds)


def totals(scores: Iterable[KindScore]) -> tuple[int, int, int]:
    """(true positives, false positives, misses) summed."""
    hits = fps = misses = 0
    for s in scores:
        hits, fps, misses = hits + len(s.hits), fps + len(s.false_positives), misses + len(s.misses)
    return hits, fps, misses


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


# --- output --------------------------------------------------------------------------


def pct(value: float | None) -> str:
    return "   -  " if value is None else f"{value * 100:5.1f}%"


HEADER = (
    f"{'kind':<16} {'labelled':>8} {'reported':>8} {'hit':>4} {'FP':>4} {'miss':>4} "
    f"{'dup':>4} {'amb':>4} {'unjudged':>8}  precision  recall"
)


def kind_line(s: KindScore) -> str:
    precision = pct(s.precision) if s.kind in EXHAUSTIVE else " (n/a)"
    return (
        f"{s.kind.value:<16} {s.labelled:>8} {s.reported:>8} {len(s.hits):>4} "
        f"{len(s.false_positives):>4} {len(s.misses):>4} {s.duplicates:>4} {s.ambiguous:>4} "
        f"{s.unjudged:>8}  {precision:>9}  {pct(s.recall):>6}"
    )


def render(result: TargetResult, show: int) -> list[str]:
    t = result.target
    out = [
        f"\n== {t.name} {t.version}  ({result.reported} touchpoints reported, scan {result.seconds:.2f} s)",
        HEADER,
        *(kind_line(s) for s in result.kinds if s.labelled or s.reported),
    ]
    hits, fps, misses = totals(result.exhaustive())
    out.append(
        f"{'exhaustive kinds':<16} precision {pct(ratio(hits, hits + fps))}  recall {pct(ratio(hits, hits + misses))}"
    )
    others = [s for s in result.kinds if s.kind not in EXHAUSTIVE]
    out += listing("misses", [lb.describe() for s in result.exhaustive() for lb in s.misses], show)
    out += listing(
        "false positives",
        [r.describe() for s in result.exhaustive() for r in s.false_positives],
        show,
    )
    out += listing("misses, other kinds", [lb.describe() for s in others for lb in s.misses], show)
    out += listing(
        "known false positives, other kinds",
        [r.describe() for s in others for r in s.false_positives],
        show,
    )
    return out


def listing(title: str, rows: list[str], show: int) -> list[str]:
    if not rows:
        return [f"  {title}: none"]
    more = f" (first {show})" if len(rows) > show else ""
    return [f"  {title}: {len(rows)}{more}", *(f"    {row}" for row in rows[:show])]


def as_json(results: list[TargetResult]) -> dict[str, Any]:
    def kind_row(s: KindScore) -> dict[str, Any]:
        return {
            "labelled": s.labelled,
            "reported": s.reported,
            "hits": len(s.hits),
            "false_positives": len(s.false_positives),
            "misses": len(s.misses),
            "duplicates": s.duplicates,
            "ambiguous": s.ambiguous,
            "unjudged": s.unjudged,
            "precision": s.precision if s.kind in EXHAUSTIVE else None,
            "recall": s.recall,
        }

    return {
        r.target.slug: {
            "seconds": round(r.seconds, 3),
            "kinds": {s.kind.value: kind_row(s) for s in r.kinds if s.labelled or s.reported},
            "misses": [lb.describe() for s in r.exhaustive() for lb in s.misses],
            "false_positives": [x.describe() for s in r.exhaustive() for x in s.false_positives],
        }
        for r in results
    }


def overall(results: list[TargetResult]) -> str:
    hits, fps, misses = totals(s for r in results for s in r.exhaustive())
    return (
        f"\nALL TARGETS, exhaustive kinds: {hits} hits, {fps} false positives, {misses} misses; "
        f"precision {pct(ratio(hits, hits + fps))}, recall {pct(ratio(hits, hits + misses))}"
    )


# --- entry point ---------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--only", action="append", default=[], help="target name (repeatable)")
    parser.add_argument("--examples", action="store_true", help="also score the example apps")
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="score the held-out targets (never used for tuning) instead of the tuned ones",
    )
    parser.add_argument(
        "--heldout2",
        action="store_true",
        help="score the second held-out batch (bench/labels/heldout2/, never used for tuning)",
    )
    parser.add_argument(
        "--batch",
        help="score a first-contact batch (bench/labels/BATCH/specs/*.py name their trees)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "personize-bench",
        help="where releases are downloaded and unpacked (reused between runs)",
    )
    parser.add_argument("--line-slack", type=int, default=0, help="accept lines this far off")
    parser.add_argument("--show", type=int, default=40, help="misses/FPs listed per target")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    return parser.parse_args(argv)


def chosen_targets(args: argparse.Namespace) -> list[Target]:
    base = HELDOUT2_TARGETS if args.heldout2 else HELDOUT_TARGETS if args.heldout else REAL_TARGETS
    if args.batch:
        base = batch_targets(args.batch)
    targets = list(base) + (list(EXAMPLE_TARGETS) if args.examples else [])
    if args.only:
        # `--batch batch5 --only redash` picks from the batch as well as the named sets.
        batch = tuple(base) if args.batch else ()
        everything = (*REAL_TARGETS, *HELDOUT_TARGETS, *HELDOUT2_TARGETS, *EXAMPLE_TARGETS, *batch)
        targets = [t for t in everything if t.name in args.only]
        if not targets:
            raise BenchError(f"no target named {', '.join(args.only)}")
    return targets


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        workdir = args.workdir.resolve()
        if workdir.is_relative_to(REPO):
            raise BenchError(
                "--workdir must be outside the repository (downloads are not committed)"
            )
        workdir.mkdir(parents=True, exist_ok=True)
        results = [evaluate(t, workdir, args.line_slack) for t in chosen_targets(args)]
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(as_json(results), indent=2))
        return 0
    for result in results:
        print("\n".join(render(result, args.show)))
    print(overall(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
