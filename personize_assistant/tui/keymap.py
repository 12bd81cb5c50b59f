"""One registry of user actions: footer bindings and command-palette entries come from here.

Every binding has an id (`chat.export`…) so a keymap file can remap it later, and the
palette lists the same actions with a sentence of help.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class ActionSpec:
    id: str
    action: str
    """A Textual action string, run on the main screen."""
    title: str
    help: str
    key: str | None = None
    """None: reachable from the command palette only."""
    show: bool = True
    priority: bool = False
    """Wins over the focused widget's own binding (the message box uses ctrl+e for line end)."""


MAIN_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("chat.cancel", "cancel_turn", "Cancel turn", "Stop the reply that is running.", "escape"),
    ActionSpec("chat.export", "export_session", "Export", "Save the whole session as markdown.", "ctrl+e",
               priority=True),
    ActionSpec("chat.sidebar", "toggle_sidebar", "Sidebar", "Show or hide touchpoints and artifacts.",
               "ctrl+b"),
    ActionSpec("chat.rescan", "ask('/rescan')", "Scan again", "Rescan the repository for touchpoints.",
               "ctrl+r"),
    ActionSpec("chat.quit", "app.quit", "Quit", "Leave; the session is saved for --resume.", "ctrl+q",
               priority=True),
    ActionSpec("chat.focus_prompt", "focus_prompt", "Message", "Move the cursor to the message box.",
               "ctrl+l", show=False),
    ActionSpec("chat.propose", "ask('/propose')", "Propose",
               "Rank personalization opportunities in this repo."),
    ActionSpec("chat.schema", "ask('/schema')", "Schema", "Design the Personize collections and properties."),
    ActionSpec("chat.plan", "ask('/plan')", "Plan", "Build the implementation plan."),
    ActionSpec("chat.review", "ask('/review')", "Review", "Review existing Personize usage in the repo."),
    ActionSpec("chat.status", "ask('/status')", "Discovery status", "What is known so far and what is missing."),
    ActionSpec("chat.help", "ask('/help')", "Help", "What the assistant can do."),
)


def bindings_for(specs: tuple[ActionSpec, ...]) -> list[BindingType]:
    return [
        Binding(spec.key, spec.action, spec.title, show=spec.show, priority=spec.priority, id=spec.id)
        for spec in specs
        if spec.key is not None
    ]
