"""The concise plan's model: what an engineer reads first, in about five pages.

Where to start (the quick win, with its real file and function), the few use cases that
matter with their touchpoints, a schema summary, the rollout, and the architecture as a
Mermaid flowchart (sources -> memory -> generation -> channels) in this app's names.
`plan --full` renders the sections and their code instead.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BriefTouchpoint(_Model):
    id: str
    name: str
    """The function (or, for a route or a file-level send, the file)."""
    file: str
    line: int
    kind: str
    channel: str

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"


class QuickWinBrief(_Model):
    touchpoint: BriefTouchpoint
    task: str
    """What it sends or shows, in words: `weekly digest email`."""
    channel: str
    fields: list[str]
    """The content to personalise (the channel's output fields, or the user's choice)."""
    reason: str
    steps: list[str]


class UseCaseBrief(_Model):
    title: str
    touchpoints: list[BriefTouchpoint] = Field(min_length=1)
    after: str
    effort: str
    decided: bool = False


class CollectionBrief(_Model):
    name: str
    source: str
    properties: int


class SchemaBrief(_Model):
    collections: int = 0
    properties: int = 0
    sources: int = 0
    """memorizeBatch sources (one sync per data model)."""
    webhooks: int = 0
    main: list[CollectionBrief] = Field(default_factory=list)
    rest: list[str] = Field(default_factory=list)


class RolloutStep(_Model):
    when: str
    title: str
    items: list[str]


NodeShape = Literal["box", "round", "store"]


class DiagramNode(_Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """Made by the plan, never from a name in the repo: labels carry the names."""
    label: str
    shape: NodeShape = "box"


class DiagramGroup(_Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    nodes: list[DiagramNode] = Field(min_length=1)


class DiagramEdge(_Model):
    source: str
    target: str
    label: str = ""
    dotted: bool = False


class Diagram(_Model):
    """A left-to-right flowchart: groups (subgraphs) of nodes, and edges between node or group ids."""

    groups: list[DiagramGroup] = Field(default_factory=list)
    edges: list[DiagramEdge] = Field(default_factory=list)


class PlanBrief(_Model):
    decided: list[str] = Field(default_factory=list)
    quick_win: QuickWinBrief | None = None
    use_cases: list[UseCaseBrief] = Field(default_factory=list)
    files_to_edit: list[str] = Field(default_factory=list)
    schema_summary: SchemaBrief = Field(default_factory=SchemaBrief)
    rollout: list[RolloutStep] = Field(default_factory=list)
    diagram: Diagram = Field(default_factory=Diagram)
    safeguards: list[str] = Field(default_factory=list)


def helper_call(language: str) -> tuple[str, str]:
    """The runtime helper's entry point in `language` ("ts"/"py"), and what it returns on failure."""
    return ("personalize_message", "None") if language == "py" else ("personalizeMessage", "null")


# Characters that end or change a quoted Mermaid label (quotes, entity starts, HTML, markdown
# strings, edge-label pipes): written as Mermaid's `#code;` entities, which render as the character.
_MERMAID_UNSAFE = re.compile(r'["#<>&`|;\[\]{}\\]')
MAX_LABEL = 80


def mermaid_text(text: str) -> str:
    """`text` safe inside a quoted Mermaid label: one line, at most MAX_LABEL characters,
    every character that could close the label or inject markup written as an entity."""
    flat = " ".join(str(text).split())
    if len(flat) > MAX_LABEL:
        flat = flat[: MAX_LABEL - 1].rstrip() + "…"
    return _MERMAID_UNSAFE.sub(lambda m: f"#{ord(m.group())};", flat)
