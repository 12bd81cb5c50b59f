"""Tool declarations and the runner: schemas from pydantic, truncation, redaction, events."""

from __future__ import annotations

from pathlib import Path

from personize_assistant.agent.events import AgentEvent, ToolFinished, ToolStarted
from personize_assistant.agent.runner import ToolRunner
from personize_assistant.agent.tools import PREFERRED_ORDER, definitions
from personize_assistant.agent.touchpoint_match import best_match, words
from personize_assistant.agent.workspace import Workspace
from personize_assistant.content import load_library
from tests.support.agent_fixtures import agent_env as agent_env
from tests.support.agent_fixtures import tiny_repo as tiny_repo


def test_every_tool_is_declared_with_a_description_and_an_object_schema() -> None:
    declared = definitions()
    assert [d["name"] for d in declared] == list(PREFERRED_ORDER)
    for tool in declared:
        assert len(tool["description"]) > 40, tool["name"]
        assert tool["input_schema"]["type"] == "object"
        assert tool["input_schema"].get("additionalProperties") is False
    read_file = next(d for d in declared if d["name"] == "read_file")
    assert read_file["input_schema"]["required"] == ["path"]


def test_words_match_symbols_before_files() -> None:
    assert words("sendWeeklyDigest src/lib/weekly-digest.ts") == ["send", "weekly", "digest", "src", "lib",
                                                                   "weekly", "digest", "ts"]


async def test_runner_truncates_redacts_and_reports(agent_env: Path, tiny_repo: Path) -> None:
    (tiny_repo / "src" / "big.ts").write_text(
        'const token = "sk_live_abcdefghijkl123456";\n' + "".join(f"// line {n}\n" for n in range(300)))
    events: list[AgentEvent] = []

    async def never(question: str) -> bool:
        raise AssertionError("nothing here needs confirmation")

    runner = ToolRunner(Workspace(tiny_repo, load_library()), events.append, never, budget=500)
    result = await runner.run("c1", "read_file", {"path": "src/big.ts"})
    assert not result.is_error and len(result.text) < 600
    assert result.text.endswith("more characters]") and "sk_live_" not in result.text
    started, finished = events
    assert isinstance(started, ToolStarted) and started.arguments == {"path": "src/big.ts"}
    assert isinstance(finished, ToolFinished) and finished.summary == "read src/big.ts:1-301"


async def test_fuzzy_references_pick_the_named_touchpoint(agent_env: Path, tiny_repo: Path) -> None:
    workspace = Workspace(tiny_repo, load_library())
    scan = workspace.require_scan()
    found = best_match("the welcome email", scan.touchpoints)
    assert found is not None and found.symbol == "sendWelcome"
    assert best_match("quarterly invoices", scan.touchpoints) is None
