"""The server/client boundary: WIRE never puts Personize (or its key) in browser code and
names the server route to wire instead."""

from __future__ import annotations

import pytest

from personize_assistant.actions.common.boundary import client_reason
from personize_assistant.actions.wire.action import WireOptions, load_rules, wire, wireable
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.errors import UsageError
from personize_assistant.scan import scan_repo
from personize_assistant.scan.models import RepoScan
from tests.support.apps import copy_app

APP = "next-client-boundary-ts"


@pytest.fixture(scope="module")
def rules() -> WireRules:
    return load_rules()


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> RepoScan:
    root = copy_app(APP, tmp_path_factory.mktemp("boundary") / APP)
    return scan_repo(root, use_cache=False)


def _by_symbol(scan: RepoScan, rules: WireRules) -> dict[str, tuple[bool, str | None]]:
    return {c.symbol or "": (c.ready, c.reason) for c in wireable(scan, rules) if c.kind == "user_context"}


def test_server_code_stays_wireable(scan: RepoScan, rules: WireRules) -> None:
    listed = _by_symbol(scan, rules)
    # A server helper is wireable; an API route and getServerSideProps run on the server too,
    # but what they return (a response, a fixed-shape props object) cannot carry the digest.
    assert listed["currentUser"][0]
    assert not listed["handle"][0] and "answers the request" in (listed["handle"][1] or "")
    assert not listed["getServerSideProps"][0] and "fixed shape" in (listed["getServerSideProps"][1] or "")
    assert "client-side" not in (listed["handle"][1] or "") + (listed["getServerSideProps"][1] or "")


def test_a_hook_points_at_the_route_it_fetches(scan: RepoScan, rules: WireRules) -> None:
    ready, reason = _by_symbol(scan, rules)["useTeams"]
    route = next(t for t in scan.touchpoints if t.file == "pages/api/teams/index.ts")
    assert not ready
    assert reason is not None and "useTeams is a React hook" in reason
    assert f"wire handle instead ({route.id}, pages/api/teams/index.ts" in reason


@pytest.mark.parametrize(
    ("symbol", "why"),
    [
        ("greetingFor", "components/greeting.client.ts is bundled for the browser"),
        ("currentName", "pages/settings.tsx is bundled for the browser"),
    ],
)
def test_browser_files_are_refused_with_the_reason(scan: RepoScan, rules: WireRules, symbol: str, why: str) -> None:
    ready, reason = _by_symbol(scan, rules)[symbol]
    assert not ready and reason is not None and why in reason
    tp = next(t for t in scan.touchpoints if t.symbol == symbol)
    with pytest.raises(UsageError, match="Personize and its key stay on the server"):
        wire(scan, WireOptions(touchpoint_id=tp.id), rules)


@pytest.mark.parametrize(
    ("path", "text", "function", "expected"),
    [
        ("src/a.ts", '"use client";\nexport function f() {}\n', "f", 'starts with "use client"'),
        ("src/card.tsx", "", "card", None),
        ("src/card.tsx", "", "renderCard", "React component"),
        ("src/Card.tsx", "", "Card", "React component"),
        ("src/pages/api/x.ts", "", "handler", None),
        ("src/server/lib.ts", "", "loadUser", None),
    ],
)
def test_what_counts_as_browser_code(path: str, text: str, function: str, expected: str | None) -> None:
    body = "function renderCard() {\n  return (\n    <div/>\n  );\n}" if function == "renderCard" else ""
    reason = client_reason(path, text, function, body)
    assert (reason is None) if expected is None else (reason is not None and expected in reason)

