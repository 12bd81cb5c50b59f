"""Runs one tool call for an engine: validate, execute in a thread, confirm, report.

Every outcome becomes a `ToolResult` (text for the model, `is_error` when it failed) and
events for the UI; nothing a tool raises escapes as an exception.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from pydantic import ValidationError

from personize_assistant.agent.events import (
    AgentEvent,
    ArtifactReady,
    QuestionsAsked,
    ScanReady,
    ToolFinished,
    ToolStarted,
)
from personize_assistant.agent.tools import Confirmation, ToolError, ToolOutput, all_tools
from personize_assistant.agent.workspace import Workspace
from personize_assistant.errors import AssistantError
from personize_assistant.redact import redact

log = logging.getLogger(__name__)

DEFAULT_OUTPUT_BUDGET = 12_000
"""Characters of tool output the model sees; the rest is cut with a note."""

Emit = Callable[[AgentEvent], None]
Confirm = Callable[[str], Awaitable[bool]]


@dataclass(frozen=True)
class ToolResult:
    text: str
    is_error: bool = False
    artifact_id: str | None = None
    output: ToolOutput | None = None
    outcome: str | None = None
    """What happened to a change that needed the user's approval (written, declined…)."""


def truncate(text: str, budget: int) -> str:
    if len(text) <= budget:
        return text
    return text[:budget].rstrip() + f"\n… [truncated: {len(text) - budget} more characters]"


def describe_validation(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "arguments"
    return f"invalid arguments: {where}: {first['msg']}"


class ToolRunner:
    def __init__(self, workspace: Workspace, emit: Emit, confirm: Confirm,
                 budget: int = DEFAULT_OUTPUT_BUDGET) -> None:
        self.workspace, self.emit, self.confirm, self.budget = workspace, emit, confirm, budget

    async def run(self, call_id: str, name: str, arguments: dict[str, Any]) -> ToolResult:
        self.emit(ToolStarted(call_id=call_id, name=name, arguments=dict(arguments)))
        return self._finished(call_id, name, await self._execute(name, arguments))

    async def reject(self, call_id: str, name: str, reason: str) -> ToolResult:
        """A call that cannot run (its input did not parse): the same events, an error result."""
        self.emit(ToolStarted(call_id=call_id, name=name, arguments={}))
        return self._finished(call_id, name, ToolResult(reason, is_error=True))

    def _finished(self, call_id: str, name: str, raw: ToolResult) -> ToolResult:
        # the one place results are redacted: before the cut, so no half secret survives it
        result = replace(raw, text=truncate(redact(raw.text), self.budget))
        first_line = result.text.strip().splitlines()[0] if result.text.strip() else ""
        summary = result.output.summary if result.output and not result.is_error else first_line
        self.emit(ToolFinished(call_id=call_id, name=name, summary=redact(summary)[:200],
                               artifact_id=result.artifact_id, is_error=result.is_error))
        return result

    async def _execute(self, name: str, arguments: dict[str, Any]) -> ToolResult:
        tool = all_tools().get(name)
        if tool is None:
            return ToolResult(f"unknown tool {name!r}; available: {', '.join(all_tools())}", is_error=True)
        try:
            args = tool.arguments.model_validate(arguments)
            output = await asyncio.to_thread(tool.handler, self.workspace, args)
            text, outcome = output.text, None
            if output.confirm is not None:  # the outcome first: the diff after it may be truncated
                outcome = await self._confirmed(output.confirm)
                text = f"{outcome}\n\n{text}"
        except ValidationError as exc:
            return ToolResult(describe_validation(exc), is_error=True)
        except (ToolError, AssistantError) as exc:
            return ToolResult(str(exc), is_error=True)
        except Exception as exc:  # a bug in one action must not end the conversation
            log.debug("tool %s failed", name, exc_info=True)
            return ToolResult(f"internal error in {name}: {type(exc).__name__}: {exc}", is_error=True)
        self._announce(output)
        artifact_id = output.artifact.id if output.artifact else None
        return ToolResult(text, artifact_id=artifact_id, output=output, outcome=redact(outcome) if outcome else None)

    async def _confirmed(self, confirmation: Confirmation) -> str:
        if not await self.confirm(confirmation.question):
            return "The user declined; nothing was written. The diff above is available to apply by hand."
        try:
            return await asyncio.to_thread(confirmation.apply)
        except (ToolError, AssistantError) as exc:  # the diff above still stands
            return f"Not written: {exc}"

    def _announce(self, output: ToolOutput) -> None:
        if output.scan is not None:
            self.emit(ScanReady(scan=output.scan))
        if output.artifact is not None:
            self.emit(ArtifactReady(artifact=output.artifact))
        if output.questions:
            self.emit(QuestionsAsked(questions=list(output.questions)))
