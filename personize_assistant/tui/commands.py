"""Command palette: every registered action, plus what fits what is on screen now
(wire / generate the highlighted touchpoint, open an artifact)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from personize_assistant.tui.keymap import MAIN_ACTIONS

if TYPE_CHECKING:
    from personize_assistant.tui.screens.main import MainScreen


@dataclass(frozen=True)
class PaletteEntry:
    title: str
    help: str
    run: Callable[[], Any]


def palette_entries(screen: MainScreen) -> Iterator[PaletteEntry]:
    def run(action: str) -> Callable[[], Any]:
        return partial(screen.run_action, action)

    touchpoint = screen.highlighted_touchpoint()
    if touchpoint is not None:
        where = f"{touchpoint.symbol or touchpoint.file} ({touchpoint.kind})"
        yield PaletteEntry(f"Wire {where}", "Plan the code that connects this touchpoint.",
                           run(f"ask('/wire {touchpoint.id}')"))
        yield PaletteEntry(f"Generate for {where}", "Write the message-generation code for it.",
                           run(f"ask('/generate {touchpoint.id}')"))
    for spec in MAIN_ACTIONS:
        if not spec.action.startswith("app."):  # Textual's own commands list those (Quit)
            yield PaletteEntry(spec.title, spec.help, run(spec.action))
    for artifact in screen.known_artifacts():
        yield PaletteEntry(f"Open {artifact.kind}: {artifact.title}", f"Artifact {artifact.id}",
                           run(f"open_artifact('{artifact.id}')"))


class ChatCommands(Provider):
    def _entries(self) -> list[PaletteEntry]:
        from personize_assistant.tui.screens.main import MainScreen

        screen = self.screen
        return list(palette_entries(screen)) if isinstance(screen, MainScreen) else []

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(entry.title, entry.run, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.title), entry.run, help=entry.help)
