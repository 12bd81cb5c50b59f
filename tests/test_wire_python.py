"""Generated Python compiles and passes `ruff check --select E,F,W,I,B,UP`.

Every Python case (the fixture apps for FastAPI, Django, Flask and plain Python, and the
tallybook example) is wired into its own copy and the patch applied. The new helper module
must be lint-clean at ruff's default width; the copied client module must compile and
pass the same rules apart from its own line width; an edited user file may show no lint
rule it did not already break.
"""

from __future__ import annotations

import py_compile
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from personize_assistant.actions.wire.library import WireRules
from personize_assistant.actions.wire.write import plan_writes
from personize_assistant.scan.languages import grammar
from personize_assistant.scan.models import Kind
from tests.test_wire_cases import (
    EXAMPLE_PY_CASES,
    MODEL_PY_CASES,
    PY_CASES,
    Case,
    ModelCase,
    materialize,
    wire_case,
    wire_model,
)
from tests.test_wire_cases import rules as rules  # the session fixture

pytestmark = pytest.mark.toolchain  # ruff and mypy check the wired code

RULES = "E,F,W,I,B,UP"
RUFF = [sys.executable, "-m", "ruff"]
ALL_CASES: list[Case | ModelCase] = [*PY_CASES, *EXAMPLE_PY_CASES, *MODEL_PY_CASES]


@dataclass
class Wired:
    case: Case | ModelCase
    root: Path
    baseline: Path
    edited: list[Path] = field(default_factory=list)
    created: list[Path] = field(default_factory=list)


@dataclass
class Lint:
    """Ruff findings for every wired case: generated files in two ruff runs, user files in
    one run per project root."""

    wired: list[Wired]
    generated: dict[Path, set[str]]
    """New files at ruff's defaults (line width included), the copied client apart from width."""
    edited: dict[Path, set[str]]
    baseline: dict[Path, set[str]]
    """The same user files before wiring, with each project's own ruff settings."""


def ruff(cwd: Path, files: list[Path], *extra: str) -> dict[Path, set[str]]:
    """Rules ruff reports per file; without `--isolated` each file gets its project's settings."""
    found: dict[Path, set[str]] = {}
    if not files:
        return found
    done = subprocess.run(
        [*RUFF, "check", "--select", RULES, "--output-format", "concise", "--no-cache", *extra, *map(str, files)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    for line in done.stdout.splitlines():
        match = re.match(r"^(?P<file>[^:]+):\d+:\d+: (?P<rule>[A-Z]+\d+)", line)
        if match:
            found.setdefault((cwd / match["file"]).resolve(), set()).add(match["rule"])
    assert done.returncode in (0, 1), done.stderr
    return found


@pytest.fixture(scope="session")
def lint(tmp_path_factory: pytest.TempPathFactory, rules: WireRules) -> Lint:
    base = tmp_path_factory.mktemp("wire-py")
    baselines: dict[str, Path] = {}
    wired = []
    for index, case in enumerate(ALL_CASES):
        root = materialize(case.app, base / f"case{index}")
        baselines.setdefault(case.app, materialize(case.app, base / f"baseline-{case.app}"))
        item = Wired(case, root, baselines[case.app])
        artifact = wire_model(case, root, rules) if isinstance(case, ModelCase) else wire_case(case, root, rules)
        for path, text in plan_writes(root, artifact).items():
            (item.edited if path.exists() else item.created).append(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        wired.append(item)
    created = [p for w in wired for p in w.created]
    clients = [p for p in created if p.name == "personize_client.py"]
    isolated = ("--isolated", "--target-version", "py311")
    generated = ruff(base, [p for p in created if p not in clients], *isolated)
    generated |= ruff(base, clients, *isolated, "--ignore", "E501")
    # User files are linted from their project root, as the user would: ruff's first-party
    # detection (import sorting) depends on it.
    edited: dict[Path, set[str]] = {}
    for item in wired:
        edited |= ruff(item.root, item.edited)
    before: dict[Path, set[str]] = {}
    for root in baselines.values():
        files = sorted({root / p.relative_to(w.root) for w in wired if w.baseline == root for p in w.edited})
        before |= ruff(root, files)
    return Lint(wired, generated, edited, before)


@pytest.mark.parametrize("index", range(len(ALL_CASES)), ids=[c.name for c in ALL_CASES])
def test_wired_python_compiles_and_is_lint_clean(lint: Lint, index: int) -> None:
    item = lint.wired[index]
    assert item.edited or item.created, "the wiring changes something"
    for path in item.edited + item.created:
        py_compile.compile(str(path), doraise=True)
    for path in item.created:
        assert lint.generated.get(path.resolve(), set()) == set(), path.name
    for path in item.edited:
        before = lint.baseline.get((item.baseline / path.relative_to(item.root)).resolve(), set())
        assert lint.edited.get(path.resolve(), set()) - before == set(), path.name


def test_the_lint_check_sees_a_new_violation(tmp_path: Path) -> None:
    module = tmp_path / "mod.py"
    module.write_text("import os\nimport sys\n\nprint(sys.argv)\n")
    assert ruff(tmp_path, [module], "--isolated") == {module.resolve(): {"F401"}}


NEWER_SYNTAX = '''"""Digest mail, written for Python 3.12+ (PEP 695 aliases and generics)."""

import logging

logger = logging.getLogger(__name__)

type Recipient = str


def send_digest[T](to: Recipient, subject: str, body: str, extra: T | None = None) -> bool:
    logger.info("sending %s to %s (%s, %s)", subject, to, body, extra)
    return True
'''


def test_python_newer_than_the_interpreter_is_still_wired(tmp_path: Path, rules: WireRules) -> None:
    """WIRE reads Python with tree-sitter, so syntax this interpreter's parser rejects is
    wired all the same, and the wrapper declares the generic's type parameters again."""
    if sys.version_info < (3, 12):
        with pytest.raises(SyntaxError):
            compile(NEWER_SYNTAX, "mail.py", "exec")
    (tmp_path / "mail.py").write_text(NEWER_SYNTAX, encoding="utf-8")
    case = Case("py312", Kind.EMAIL_SEND, "mail.py", 11, "send_digest", {"channel": "email"})
    artifact = wire_case(case, tmp_path, rules)
    wired = plan_writes(tmp_path, artifact)[(tmp_path / "mail.py").resolve()]
    assert "def _send_digest_original[T](\n    to: Recipient," in wired
    assert "def send_digest[T](to: Recipient, subject: str, body: str, extra: T | None = None) -> bool:" in wired
    assert "import logging\n\nfrom personize_wiring import personalize_message, remember_delivery\n" in wired
    assert "type Recipient = str" in wired
    assert artifact.field_mapping == {"SUBJECT": "subject", "BODY_TEXT": "body"}
    tree = grammar("python").parser.parse(wired.encode("utf-8"))
    assert not tree.root_node.has_error
