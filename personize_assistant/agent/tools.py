"""Tools the engines call: small typed functions over a Workspace.

Each tool is a sync function `(Workspace, Args) -> ToolOutput` registered with `@tool`;
its docstring becomes the description the model reads and its pydantic `Args` model the
JSON schema of its input. Problems the model can fix (a wrong id, a path outside the
repo) are raised as `ToolError` and go back to it as `is_error` results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict

from personize_assistant.agent.events import Question, StoredArtifact

if TYPE_CHECKING:
    from personize_assistant.agent.workspace import Workspace
    from personize_assistant.scan.models import RepoScan

ArgsT = TypeVar("ArgsT", bound=BaseModel)


class ToolError(Exception):
    """A tool failure the model should see (and can usually correct)."""


class NoArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class Confirmation:
    """A change to the user's repo, applied only if the user approves `question`."""

    question: str
    apply: Callable[[], str]
    """Runs on approval; returns what was done, for the model and the user."""


@dataclass
class ToolOutput:
    text: str
    """What the model reads (markdown or JSON); truncated to the runner's budget."""
    summary: str
    """One line for the UI's tool activity."""
    artifact: StoredArtifact | None = None
    questions: list[Question] = field(default_factory=list)
    scan: RepoScan | None = None
    confirm: Confirmation | None = None


Handler = Callable[["Workspace", Any], ToolOutput]


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    arguments: type[BaseModel]
    handler: Handler

    def definition(self) -> dict[str, Any]:
        """The Messages API tool declaration."""
        schema = self.arguments.model_json_schema()
        schema.pop("title", None)
        return {"name": self.name, "description": self.description, "input_schema": schema}


TOOLS: dict[str, Tool] = {}
TOOL_MODULES = ("tools_repo", "tools_discovery", "tools_build", "tools_review")
"""Modules whose `@tool` functions make up the tool set (importing registers them)."""


def tool(name: str, arguments: type[ArgsT]) -> Callable[[Callable[[Workspace, ArgsT], ToolOutput]], Callable[[Workspace, ArgsT], ToolOutput]]:
    """Register a handler as tool `name`; its docstring is the description."""

    def register(handler: Callable[[Workspace, ArgsT], ToolOutput]) -> Callable[[Workspace, ArgsT], ToolOutput]:
        description = " ".join((handler.__doc__ or name).split())
        TOOLS[name] = Tool(name, description, arguments, handler)
        return handler

    return register


def all_tools() -> dict[str, Tool]:
    """Every tool, with the handler modules imported (they register on import)."""
    import importlib

    for module in TOOL_MODULES:
        importlib.import_module(f"personize_assistant.agent.{module}")
    return TOOLS


PREFERRED_ORDER = ("scan_repo", "list_touchpoints", "read_file", "read_reference", "next_discovery_questions",
                   "record_discovery", "propose", "design_schema", "build_plan", "wire", "generate", "review")


def definitions() -> list[dict[str, Any]]:
    """Tool declarations in a fixed order: the tools are part of the cached prompt prefix."""
    tools = all_tools()
    rank = {name: index for index, name in enumerate(PREFERRED_ORDER)}
    ordered = sorted(tools, key=lambda name: (rank.get(name, len(rank)), name))
    return [tools[name].definition() for name in ordered]
