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


MAX_PATH = 24
"""Longer paths keep their last two parts (`…stripe/route.ts`): the sidebar is narrow."""


def touchpoint_label(touchpoint: Touchpoint) -> str:
    path = touchpoint.file
    if len(path) > MAX_PATH and path.count("/") > 1:
        path = "…" + "/".join(path.split("/")[-2:])
    symbol = f" {touchpoint.symbol}" if touchpoint.symbol else ""
    return f"{path}:{touchpoint.line}{symbol}"


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
        label = Text.assemble((f"{artifact.kind:<9}", "bold"), artifact.title)
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
