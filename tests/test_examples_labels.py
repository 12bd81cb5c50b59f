"""Sanity checks on the example apps and their hand-written touchpoint labels.

The labels in tests/fixtures/expected/<app>.json are the scanner's answer key, so a
typo in them would silently skew every accuracy figure. These tests check the labels
against the example sources themselves (never against scanner output), and check that
every example source file parses, since the scanner has to read them.
"""

from __future__ import annotations

import ast
import json
import re
from functools import cache
from pathlib import Path
from typing import Any, get_args

import pytest
import tree_sitter_typescript
import yaml
from tree_sitter import Language, Parser

from personize_assistant.scan.models import Channel, Kind

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXPECTED = ROOT / "tests" / "fixtures" / "expected"
APPS = ("pulseboard-ts", "tallybook-py")

# Kinds the labels must cover completely; the rest are labelled only where certain.
EXHAUSTIVE = {
    Kind.EMAIL_SEND,
    Kind.NOTIFICATION,
    Kind.WEBHOOK_HANDLER,
    Kind.EVENT_TRACKING,
    Kind.DATA_MODEL,
    Kind.SCHEDULED_JOB,
    Kind.LLM_CALL,
    Kind.PERSONIZE_CALL,
}

# A labelled line must show either its symbol or a word typical of its kind; this
# catches labels that drifted when the example code was edited.
KIND_TOKENS: dict[Kind, tuple[str, ...]] = {
    Kind.EMAIL_SEND: ("send", "mail", "email"),
    Kind.NOTIFICATION: (
        "notify",
        "post",
        "sms",
        "push",
        "slack",
        "messages.create",
        "fetch",
        "send",
    ),
    Kind.EVENT_TRACKING: ("track", "identify", "capture"),
    Kind.WEBHOOK_HANDLER: ("webhook", "post"),
    Kind.DATA_MODEL: ("model", "class"),
    Kind.SCHEDULED_JOB: ("cron", "schedule", "def ", "get(", "command"),
    Kind.LLM_CALL: ("create", "summarize", "draft"),
    Kind.PERSONIZE_CALL: ("memorize", "personize"),
    Kind.USER_CONTEXT: ("session", "user", "auth", "middleware", "current"),
    Kind.SEGMENTATION: ("plan", "role", "tier"),
    Kind.UI_SURFACE: ("dashboard", "onboarding", "emptystate", "report", "def "),
    Kind.SEARCH_ENDPOINT: ("search", "get", "q"),
    Kind.FILE_UPLOAD: ("upload", "import", "file", "post"),
}

# Paths where touchpoints never live (touchpoints.md "Rules").
EXCLUDED_PATH = re.compile(
    r"(^|/)(tests?|__tests__|migrations|generated|_generated|node_modules)(/|$)|\.test\.tsx?$"
)


@cache
def labels(app: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXPECTED / f"{app}.json").read_text())
    return data


@cache
def source_lines(app: str, file: str) -> list[str]:
    return (EXAMPLES / app / file).read_text(encoding="utf-8").splitlines()


def entries(app: str, section: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = labels(app).get(section, [])
    return found


def all_entries() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (app, section, entry)
        for app in APPS
        for section in ("touchpoints", "not_touchpoints", "ambiguous")
        for entry in entries(app, section)
    ]


def entry_id(param: tuple[str, str, dict[str, Any]]) -> str:
    app, section, entry = param
    return f"{app}:{section}:{entry.get('kind')}:{entry['file']}:{entry['line']}"


def wrapper_names(app: str, kind: Kind | None = None) -> set[str]:
    """Symbols of the repo's own helpers (labels carry `"wrapper": true` on their definitions)."""
    return {
        e["symbol"]
        for e in entries(app, "touchpoints")
        if e.get("wrapper") and e.get("symbol") and kind in (None, e["kind"])
    }


def line_text(app: str, file: str, line: int) -> str:
    lines = source_lines(app, file)
    assert 1 <= line <= len(lines), f"{file}:{line} is outside the file ({len(lines)} lines)"
    return lines[line - 1]


@pytest.mark.parametrize("app", APPS)
def test_label_file_has_the_expected_shape(app: str) -> None:
    data = labels(app)
    assert set(data) <= {"notes", "touchpoints", "not_touchpoints", "ambiguous"}
    assert data["touchpoints"], "no touchpoints labelled"
    assert data["not_touchpoints"], "precision needs tempting non-touchpoints"


@pytest.mark.parametrize("param", all_entries(), ids=entry_id)
def test_every_label_points_at_a_real_line(param: tuple[str, str, dict[str, Any]]) -> None:
    app, _section, entry = param
    line_text(app, entry["file"], entry["line"])
    for alt in entry.get("alt", []):
        line_text(app, alt["file"], alt["line"])


@pytest.mark.parametrize("param", all_entries(), ids=entry_id)
def test_kinds_and_channels_are_valid(param: tuple[str, str, dict[str, Any]]) -> None:
    _app, section, entry = param
    assert Kind(entry["kind"])
    if "channel" in entry:
        assert entry["channel"] in get_args(Channel)
    if section != "touchpoints":
        assert entry.get("why"), "non-touchpoints must say why"


@pytest.mark.parametrize("param", [p for p in all_entries() if p[1] == "touchpoints"], ids=entry_id)
def test_touchpoint_line_shows_its_symbol_or_kind(param: tuple[str, str, dict[str, Any]]) -> None:
    app, _section, entry = param
    text = line_text(app, entry["file"], entry["line"]).lower()
    kind = Kind(entry["kind"])
    if kind is Kind.DATA_MODEL:
        assert re.search(rf"\b{re.escape(entry['entity'].lower())}\b", text), text
        return
    symbol = (entry.get("symbol") or "").lower()
    tokens = {*KIND_TOKENS[kind], *(w.lower() + "(" for w in wrapper_names(app, kind))}
    assert (symbol and symbol in text) or any(tok in text for tok in tokens), text


@pytest.mark.parametrize("app", APPS)
def test_no_duplicate_or_contradictory_labels(app: str) -> None:
    def keys(section: str) -> list[tuple[str, str, int]]:
        return [(e["kind"], e["file"], e["line"]) for e in entries(app, section)]

    positives = keys("touchpoints")
    assert len(positives) == len(set(positives)), "same (kind, file, line) labelled twice"
    assert not set(positives) & set(keys("not_touchpoints"))
    assert not set(positives) & set(keys("ambiguous"))


@pytest.mark.parametrize("app", APPS)
def test_touchpoints_avoid_tests_migrations_and_generated_code(app: str) -> None:
    bad = [e["file"] for e in entries(app, "touchpoints") if EXCLUDED_PATH.search(e["file"])]
    assert not bad


@pytest.mark.parametrize("app", APPS)
def test_every_exhaustive_kind_is_exercised(app: str) -> None:
    kinds = {Kind(e["kind"]) for e in entries(app, "touchpoints")}
    expected = EXHAUSTIVE - ({Kind.PERSONIZE_CALL} if app == "tallybook-py" else set())
    assert expected <= kinds, expected - kinds


@pytest.mark.parametrize("app", APPS)
def test_wrappers_have_labelled_call_sites(app: str) -> None:
    """A labelled wrapper definition is only useful if its call sites are labelled too."""
    tps = entries(app, "touchpoints")
    for name in wrapper_names(app):
        callers = [line_text(app, e["file"], e["line"]) for e in tps if e.get("symbol") != name]
        assert any(f"{name}(" in text for text in callers), f"{name} has no labelled caller"


@pytest.mark.parametrize("app", APPS)
def test_every_data_model_class_is_classified(app: str) -> None:
    """Exhaustive data_model labels: each model/class definition is either a touchpoint or explained."""
    labelled = {
        (e["file"], e["line"])
        for section in ("touchpoints", "not_touchpoints", "ambiguous")
        for e in entries(app, section)
        if e["kind"] == "data_model"
    }
    pattern = re.compile(
        r"^model \w+ \{|^\s*class \w+\((models\.Model|AbstractUser|Base|BaseModel)\)"
    )
    for path in sorted((EXAMPLES / app).rglob("*")):
        if path.suffix not in {".prisma", ".py"}:
            continue
        rel = path.relative_to(EXAMPLES / app).as_posix()
        if EXCLUDED_PATH.search(rel):
            continue
        for number, text in enumerate(source_lines(app, rel), start=1):
            if pattern.search(text):
                assert (rel, number) in labelled, f"unlabelled model {rel}:{number}: {text.strip()}"


# --- the example sources themselves parse --------------------------------------------


def example_files(*suffixes: str) -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.suffix in suffixes and p.is_file())


@pytest.mark.parametrize(
    "path", example_files(".py"), ids=lambda p: p.relative_to(EXAMPLES).as_posix()
)
def test_python_example_parses(path: Path) -> None:
    ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@cache
def ts_parser(tsx: bool) -> Parser:
    grammar = (
        tree_sitter_typescript.language_tsx()
        if tsx
        else tree_sitter_typescript.language_typescript()
    )
    return Parser(Language(grammar))


@pytest.mark.parametrize(
    "path", example_files(".ts", ".tsx"), ids=lambda p: p.relative_to(EXAMPLES).as_posix()
)
def test_typescript_example_parses(path: Path) -> None:
    tree = ts_parser(path.suffix == ".tsx").parse(path.read_bytes())
    assert not tree.root_node.has_error


@pytest.mark.parametrize(
    "path",
    example_files(".json", ".yml", ".yaml"),
    ids=lambda p: p.relative_to(EXAMPLES).as_posix(),
)
def test_config_example_parses(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        json.loads(text)
    else:
        yaml.safe_load(text)


# --- the real-code benchmark's labels and scoring ------------------------------------

BENCH_LABELS = sorted((ROOT / "bench" / "labels").glob("*.json")) + sorted(EXPECTED.glob("*.json"))


@pytest.mark.parametrize("path", BENCH_LABELS, ids=lambda p: p.name)
def test_bench_label_file_is_consistent(path: Path) -> None:
    """The downloaded sources are not in the repo, so only the labels' own shape is checked."""
    from bench.accuracy import LabelSet

    labelset = LabelSet.model_validate_json(path.read_text(encoding="utf-8"))
    positives = [(lb.kind, lb.file, lb.line) for lb in labelset.touchpoints]
    others = [(lb.kind, lb.file, lb.line) for lb in labelset.not_touchpoints + labelset.ambiguous]
    assert len(positives) == len(set(positives))
    assert not set(positives) & set(others)
    assert all(not EXCLUDED_PATH.search(lb.file) for lb in labelset.touchpoints)
    assert all(lb.why for lb in labelset.not_touchpoints + labelset.ambiguous)


def test_bench_scoring_counts_hits_alts_duplicates_ambiguous_and_misses() -> None:
    from bench.accuracy import LabelSet, Reported, score_kind

    labels = LabelSet.model_validate(
        {
            "touchpoints": [
                {
                    "kind": "email_send",
                    "file": "a.py",
                    "line": 10,
                    "alt": [{"file": "a.py", "line": 9}],
                },
                {"kind": "email_send", "file": "a.py", "line": 20},
                {"kind": "email_send", "file": "b.py", "line": 5},
            ],
            "ambiguous": [{"kind": "email_send", "file": "c.py", "line": 1, "why": "unclear"}],
        }
    )

    def rep(file: str, line: int, kind: Kind = Kind.EMAIL_SEND) -> Reported:
        return Reported(kind, file, line, None, "")

    reported = [
        rep("a.py", 9),  # the alt location of the first label
        rep("a.py", 10),  # the same label again
        rep("a.py", 20),
        rep("c.py", 1),  # ambiguous: neither hit nor false positive
        rep("d.py", 3),  # false positive
        rep("b.py", 5, Kind.NOTIFICATION),  # right place, wrong kind: not a hit
    ]
    score = score_kind(Kind.EMAIL_SEND, labels, reported, slack=0)
    assert (len(score.hits), score.duplicates, score.ambiguous) == (2, 1, 1)
    assert [(r.file, r.line) for r in score.false_positives] == [("d.py", 3)]
    assert [(m.file, m.line) for m in score.misses] == [("b.py", 5)]
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert len(score_kind(Kind.EMAIL_SEND, labels, [rep("a.py", 21)], slack=1).hits) == 1


@pytest.mark.parametrize("app", APPS)
def test_example_label_file_matches_its_spec(app: str) -> None:
    """Labels are written as snippets in bench/labels/specs/; the JSON is their resolution.

    If this fails after editing an example, rebuild with `bench/labels/resolve.py <app>`.
    """
    import runpy

    from bench.labels.resolve import resolve

    module = runpy.run_path(str(ROOT / "bench" / "labels" / "specs" / f"{app}.py"))
    assert resolve(EXAMPLES / app, module["SPEC"]) == labels(app)


def test_bench_scoring_judges_non_exhaustive_kinds_only_by_known_non_touchpoints() -> None:
    from bench.accuracy import LabelSet, Reported, score_kind

    labels = LabelSet.model_validate(
        {
            "touchpoints": [{"kind": "ui_surface", "file": "v.py", "line": 3}],
            "not_touchpoints": [{"kind": "ui_surface", "file": "v.py", "line": 9, "why": "helper"}],
        }
    )
    reported = [Reported(Kind.UI_SURFACE, "v.py", line, None, "") for line in (3, 9, 40)]
    score = score_kind(Kind.UI_SURFACE, labels, reported, slack=0)
    assert (len(score.hits), len(score.false_positives), score.unjudged) == (1, 1, 1)
    assert score.recall == 1.0
