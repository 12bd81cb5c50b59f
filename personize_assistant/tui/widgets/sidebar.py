"""The sidebar: touchpoints grouped surface → kind → `file:line symbol`, and artifacts."""

from __future__ import annotations

from collections import defaultdict
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Tree
from textual.widgets.option_list import Option

from personize_assistant.agent.events import StoredArtifact
from personize_assistant.scan.models import RepoScan, Touchpoint
from personize_assistant.tui.messages import ArtifactChosen, PromptSubmitted, TouchpointChosen

TouchpointNode = Touchpoint | None


MAX_LABEL = 26
"""Leaf labels fit the sidebar at 80 columns (36 wide less the tree's guides); longer
ones end in `…` at a word break rather than being cut mid-word by the tree."""
KIND_COLUMN = 10
"""Wider than the longest artifact kind (`discovery`), so kind and title never touch."""


def _fit(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = len(cut) if text[width - 1] == " " else cut.rfind(" ")  # a word ending right at the cut stays
    return (cut[:space] if space > width // 2 else cut).rstrip(" ·") + "…"


def touchpoint_label(touchpoint: Touchpoint) -> str:
    """`sendEmail · send.ts:22`: the name first (what people look for), then where."""
    from personize_assistant.agent.touchpoint_match import display_name

    parts = touchpoint.file.split("/")
    where = f"{parts[-1]}:{touchpoint.line}"
    if not touchpoint.symbol:
        return _fit(where, MAX_LABEL)
    name = display_name(touchpoint)
    if name != touchpoint.symbol and len(parts) > 1:  # a route (`GET app/api/…/route.ts`): its folder
        name = f"{name.split()[0]} {parts[-2]}"
    name = name.rsplit(".", 1)[-1] if " " not in name else name  # `MailerService.sendX` -> `sendX`
    full = f"{name} · {where}"
    return full if len(full) <= MAX_LABEL else _fit(name, MAX_LABEL)


def _title(name: str) -> str:
    return name.replace("_", " ")


class TouchpointTree(Tree[TouchpointNode]):
    """Enter on a touchpoint puts its id in the message box; `w` / `g` act on it directly."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "act('wire')", "Wire", id="touchpoints.wire"),
        Binding("g", "act('generate')", "Generate", id="touchpoints.generate"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("touchpoints", id=id)
        self.show_root = False
        self.guide_depth = 2

    def show_scan(self, scan: RepoScan) -> None:
        self.clear()
        grouped: dict[str, dict[str, list[Touchpoint]]] = defaultdict(lambda: defaultdict(list))
        for touchpoint in scan.touchpoints:
            grouped[touchpoint.surface][touchpoint.kind].append(touchpoint)
        for surface in sorted(grouped):
            kinds = grouped[surface]
            count = sum(len(points) for points in kinds.values())
            surface_node = self.root.add(f"{_title(surface)} ({count})", expand=True)
            for kind in sorted(kinds):
                kind_node = surface_node.add(f"{_title(kind)} ({len(kinds[kind])})")
                for touchpoint in sorted(kinds[kind], key=lambda t: (t.file, t.line)):
                    kind_node.add_leaf(touchpoint_label(touchpoint), data=touchpoint)

    @property
    def highlighted_touchpoint(self) -> Touchpoint | None:
        node = self.cursor_node
        return node.data if node is not None else None

    @on(Tree.NodeSelected)
    def _chosen(self, event: Tree.NodeSelected[TouchpointNode]) -> None:
        if event.node.data is not None:
            event.stop()
            self.post_message(TouchpointChosen(event.node.data))

    def action_act(self, verb: str) -> None:
        touchpoint = self.highlighted_touchpoint
        if touchpoint is None:
            self.notify("Highlight a touchpoint first (the file:line rows).", severity="warning")
            return
        self.post_message(PromptSubmitted(f"/{verb} {touchpoint.id}"))


class ArtifactList(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._artifacts: dict[str, StoredArtifact] = {}

    def add_artifact(self, artifact: StoredArtifact) -> None:
        if artifact.id in self._artifacts:
            return
        self._artifacts[artifact.id] = artifact
        label = Text.assemble((f"{artifact.kind:<{KIND_COLUMN}}", "bold"), artifact.title)
        label.no_wrap, label.overflow = True, "ellipsis"
        self.add_option(Option(label, id=artifact.id))

    def get(self, artifact_id: str) -> StoredArtifact | None:
        return self._artifacts.get(artifact_id)

    @property
    def artifacts(self) -> list[StoredArtifact]:
        return list(self._artifacts.values())

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        artifact = self._artifacts.get(event.option.id or "")
        if artifact is not None:
            self.post_message(ArtifactChosen(artifact))


class Sidebar(Vertical):
    def compose(self) -> ComposeResult:
        yield Label("Touchpoints", id="touchpoints-title", classes="section-title")
        yield TouchpointTree(id="touchpoints")
        yield Label("Artifacts", id="artifacts-title", classes="section-title")
        yield ArtifactList(id="artifacts")

    def show_scan(self, scan: RepoScan) -> None:
        self.query_one(TouchpointTree).show_scan(scan)
        title = f"Touchpoints · {len(scan.touchpoints)} in {scan.stats.files_seen} files"
        self.query_one("#touchpoints-title", Label).update(title)

    def add_artifact(self, artifact: StoredArtifact) -> None:
        artifacts = self.query_one(ArtifactList)
        artifacts.add_artifact(artifact)
        self.query_one("#artifacts-title", Label).update(f"Artifacts · {artifacts.option_count}")
