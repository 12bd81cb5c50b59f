"""TUI responsiveness during export: the longest blocked frame.

    python bench/tui_export_bench.py [PATH] [--json]

Opens the chat headless (Textual's Pilot, offline engine) on a copy of PATH (default: the
bundled pulseboard-ts example), builds what an export contains (propose, schema, plan),
then runs both exports while a heartbeat timer ticks on the app every 10 ms:

- `export to DIR` typed in the chat (the export folder, built in a worker process), from
  Enter to the reply;
- ctrl+e, the session markdown through the export dialog, from Enter in the dialog to the
  file written (opening the dialog is navigation, not export, and is left out).

A tick that comes late was held up by work on the event loop: for that long the screen
could not be drawn nor a key handled. The longest such gap per phase is the figure; the
goal is under 100 ms. Not a test (timings depend on the machine): run it by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

HEARTBEAT = 0.010
GOAL_MS = 100.0


class Heartbeat:
    """Ticks on the app's event loop; lateness of each tick is time the loop was blocked."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last: float | None = None
        self.recording = False

    def beat(self) -> None:
        now = time.perf_counter()
        if self.recording and self._last is not None:
            self.gaps.append(max(0.0, now - self._last - HEARTBEAT))
        self._last = now

    def start(self) -> None:
        self.gaps, self._last, self.recording = [], None, True

    def stop(self) -> dict[str, float]:
        self.recording = False
        gaps = sorted(self.gaps) or [0.0]
        return {"ticks": len(self.gaps), "max_blocked_ms": round(gaps[-1] * 1000, 1),
                "p99_blocked_ms": round(gaps[int(0.99 * (len(gaps) - 1))] * 1000, 1),
                "median_blocked_ms": round(statistics.median(gaps) * 1000, 1)}


async def settle(pilot: Any) -> None:
    for _ in range(2000):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            await pilot.pause()
            return
    raise RuntimeError("the app never became idle")


async def say(pilot: Any, text: str) -> None:
    from personize_assistant.tui.widgets.prompt import PromptArea

    prompt = pilot.app.screen.query_one(PromptArea)
    prompt.focus()
    prompt.load_text(text)  # typing key by key would itself be measured
    await pilot.press("enter")
    await settle(pilot)


async def export_in_chat(pilot: Any, out: Path, heart: Heartbeat) -> None:
    heart.start()
    await say(pilot, f"export to {out / 'folder'}")
    if not (out / "folder" / "session.md").is_file():
        raise RuntimeError("the chat export wrote nothing")


async def export_with_ctrl_e(pilot: Any, out: Path, heart: Heartbeat) -> None:
    from textual.widgets import Input

    await pilot.press("ctrl+e")
    for _ in range(500):
        if pilot.app.screen.query(Input):
            break
        await pilot.pause()
    pilot.app.screen.query_one(Input).value = str(out / "session.md")
    await pilot.pause()  # not settle: the export worker is waiting for this dialog
    heart.start()
    await pilot.press("enter")
    await settle(pilot)
    if not (out / "session.md").is_file():
        raise RuntimeError("ctrl+e wrote nothing")


async def measure(repo: Path, out: Path) -> dict[str, Any]:
    from personize_assistant.agent.session import Session
    from personize_assistant.agent.store import SessionStore
    from personize_assistant.config import Settings
    from personize_assistant.tui.app import AssistantApp

    store = SessionStore(out / "sessions.db")

    async def open_session() -> Any:
        return await Session.open(repo, settings=Settings(anthropic_api_key=None), engine="offline", store=store)

    app, heart = AssistantApp(open_session, repo.name), Heartbeat()
    phases: dict[str, Any] = {}
    exports: dict[str, Callable[[Any, Path, Heartbeat], Awaitable[None]]] = {
        "chat `export to DIR`": export_in_chat, "ctrl+e session markdown": export_with_ctrl_e}
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_interval(HEARTBEAT, heart.beat)
        await settle(pilot)
        for message in ("propose", "schema", "plan"):
            await say(pilot, message)
        for name, run in exports.items():
            started = time.perf_counter()
            await run(pilot, out, heart)
            phases[name] = {**heart.stop(), "seconds": round(time.perf_counter() - started, 2)}
    store.close()
    return phases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default=str(PROJECT_ROOT / "examples" / "pulseboard-ts"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tui-export-bench-") as tmp:
        work = Path(tmp)
        repo = work / Path(args.path).resolve().name
        shutil.copytree(args.path, repo, symlinks=True, ignore=shutil.ignore_patterns(".git", "node_modules"))
        for name in ("DATA_DIR", "CACHE_DIR"):
            os.environ[f"PERSONIZE_ASSISTANT_{name}"] = str(work / name.lower())
        os.environ["PERSONIZE_ASSISTANT_CONFIG"] = str(work / "no-config.toml")
        os.environ.pop("ANTHROPIC_API_KEY", None)
        phases = asyncio.run(measure(repo, work / "out"))
    worst = max(p["max_blocked_ms"] for p in phases.values())
    if args.json:
        print(json.dumps({"phases": phases, "max_blocked_ms": worst, "goal_ms": GOAL_MS}))
    else:
        for name, figures in phases.items():
            print(f"{name:<26} longest blocked frame {figures['max_blocked_ms']:>7.1f} ms  "
                  f"(p99 {figures['p99_blocked_ms']} ms, {figures['ticks']} ticks, {figures['seconds']} s)")
        print(f"worst: {worst:.1f} ms (goal < {GOAL_MS:.0f} ms): {'ok' if worst < GOAL_MS else 'OVER'}")
    return 0 if worst < GOAL_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
