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


def _many_senders(root: Path, folders: int, per_folder: int) -> None:
    """A repo with more email sends than one list shows: nodemailer calls in many folders."""
    for f in range(folders):
        for n in range(per_folder):
            path = root / "src" / f"area{f}" / f"mail{n}.ts"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                'import nodemailer from "nodemailer";\n'
                "const t = nodemailer.createTransport({});\n"
                f"export async function notify{f}x{n}(to: string) {{\n"
                f'  await t.sendMail({{ to, subject: "s{n}", text: "b" }});\n'
                "}\n", encoding="utf-8")


async def test_a_long_list_comes_by_folder_and_a_folder_lists_its_ids(agent_env: Path, tmp_path: Path) -> None:
    _many_senders(tmp_path, folders=9, per_folder=8)

    async def never(question: str) -> bool:
        raise AssertionError("nothing here needs confirmation")

    runner = ToolRunner(Workspace(tmp_path, load_library()), lambda _: None, never)
    grouped = await runner.run("c1", "list_touchpoints", {"kind": "email_send"})
    sends = [t for t in runner.workspace.require_scan().touchpoints if t.kind.value == "email_send"]
    assert len(sends) > 60
    folder_lines = [line for line in grouped.text.splitlines() if line.startswith("- `src/area")]
    assert len(folder_lines) == 9 and "more characters" not in grouped.text
    assert sum(int(line.split(" — ")[1].split(":")[0]) for line in folder_lines) == len(sends)
    assert "tp_" not in grouped.text  # ids come folder by folder

    one = await runner.run("c2", "list_touchpoints", {"kind": "email_send", "under": "src/area3/"})
    listed = [line for line in one.text.splitlines() if line.startswith("- `tp_")]
    in_folder = [t for t in sends if t.file.startswith("src/area3/")]
    assert len(listed) == len(in_folder) > 0
    assert all(t.id in one.text for t in in_folder)
