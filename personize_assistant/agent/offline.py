"""The offline engine: the same tools as Claude, driven by deterministic intent routing.

No network, no randomness: the same session state and message give the same reply.
Replies are short markdown that summarise what a tool built and suggest the next step;
the artifacts themselves arrive as ArtifactReady events.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from typing import Any, get_args

from personize_assistant.agent.engine import Turn, append_user
from personize_assistant.agent.events import Question, TextDelta
from personize_assistant.agent.export import (
    default_export_folder,
    export_folder,
    latest_artifacts,
    resolve_output,
    write_document,
)
from personize_assistant.agent.intents import Intent, route
from personize_assistant.agent.offline_text import (
    HELP,
    candidates_for,
    greeting,
    kind_from_words,
    next_step,
    plan_options,
    question_list,
)
from personize_assistant.agent.runner import ToolResult
from personize_assistant.agent.tools_discovery import discovery_artifact, progress_line
from personize_assistant.agent.workspace import Workspace
from personize_assistant.content.models.propose import PersonaId
from personize_assistant.errors import AssistantError
from personize_assistant.fileio import inside_repo

_PERSONAS: tuple[PersonaId, ...] = get_args(PersonaId)
BUILDERS: dict[str, tuple[str, dict[str, Any]]] = {
    "plan": ("build_plan", {}), "proposal": ("propose", {}), "schema": ("design_schema", {}),
    "review": ("review", {}),
}
"""Documents `write the … to FILE` builds first when the session has none yet."""
Handler = Callable[["OfflineEngine", Turn, Intent], Awaitable[str]]


_EXPORT_TO = re.compile(r"^(?:\w+\s+)?(?:to|into|in)\s+(\S+)$|^(\S*[./~]\S*)$", re.I)
_CHANNEL_WORDS = re.compile(r"\b(sms|text message|slack|push( notification)?|in[- ]app|e-?mail)\b", re.I)


_FOLDER = re.compile(r"(?<![\w/.])((?:[\w.@()\[\]-]+/)+[\w.@()\[\]-]*)")


def _folder_named(text: str) -> str | None:
    """A repo path in the user's words (`apps/web/lib`, `src/mail/`), without sentence punctuation."""
    found = _FOLDER.search(text)
    return found.group(1).rstrip(".?!,;:/") if found else None


def _channel_word(text: str) -> str | None:
    """The channel a request names: `sms`, `slack`, `push`, `in_app` or `email`."""
    match = _CHANNEL_WORDS.search(text)
    if match is None:
        return None
    word = match.group(1).lower()
    if word in ("sms", "text message"):
        return "sms"
    if word.startswith("push"):
        return "push"
    if word.startswith("in"):
        return "in_app"
    return "email" if "mail" in word else word


class OfflineEngine:
    name = "offline"

    def __init__(self) -> None:
        self._reminded: tuple[str, ...] = ()
        """The open questions the last reminder was about: each set is recalled once."""

    async def run_turn(self, turn: Turn, text: str) -> str:
        append_user(turn.history, text)
        reply = await self.reply(turn, text)
        for paragraph in re.split(r"(?<=\n\n)", reply):
            turn.emit(TextDelta(paragraph))
        turn.history.append({"role": "assistant", "content": reply})
        return "end_turn"

    async def reply(self, turn: Turn, text: str) -> str:
        ws = turn.workspace
        first = turn.first_turn
        intent = route(text, [] if first else ws.pending_questions)
        if not first:
            await turn.ensure_scan()  # a resumed session: the discovery needs the scan's facts
        if first and intent.answers:  # `field: value` lines in the very first message
            parts = [await self._record_only(turn, intent.answers), await self._greet(turn)]
            return "\n\n".join(parts[::-1])
        parts = [await self._greet(turn)] if first else []
        if first and intent.name in ("unknown", "scan", "status", "answers"):
            return parts[0]
        parts.append(await HANDLERS[intent.name](self, turn, intent))
        return "\n\n".join(parts)

    async def call(self, turn: Turn, name: str, arguments: dict[str, Any] | None = None) -> ToolResult:
        call_id = f"offline_{len(turn.history)}_{len(turn.notes)}"
        turn.notes.append(name)
        return await turn.runner.run(call_id, name, arguments or {})

    async def _greet(self, turn: Turn) -> str:
        scanned = await self.call(turn, "scan_repo")
        if scanned.is_error:
            return f"I could not scan the repository: {scanned.text}"
        questions = await self._questions(turn)
        scan = turn.workspace.scan
        assert scan is not None  # scan_repo succeeded
        return greeting(scan, turn.workspace.discovery, questions)

    async def _record_only(self, turn: Turn, answers: dict[str, str]) -> str:
        recorded = await self.call(turn, "record_discovery", {"answers": answers})
        return f"I couldn't record that: {recorded.text}" if recorded.is_error else _recorded(answers)

    def _next(self, ws: Workspace) -> str:
        """The next-step hint; the reminder about open questions comes once per set of them."""
        open_ids = tuple(q.id for q in ws.pending_questions)
        remind = bool(open_ids) and open_ids != self._reminded and not ws.discovery_complete()
        if remind:
            self._reminded = open_ids
        return next_step(ws, remind=remind)

    async def _questions(self, turn: Turn) -> list[Question]:
        asked = await self.call(turn, "next_discovery_questions")
        return list(asked.output.questions) if asked.output else []

    # ------------------------------------------------------------------ intents

    async def answers(self, turn: Turn, intent: Intent) -> str:
        ws = turn.workspace
        if not intent.answers:
            return "I didn't catch an answer there.\n\n" + question_list(ws.pending_questions)
        asked = {q.field: q for q in ws.pending_questions}
        recorded = await self.call(turn, "record_discovery", {"answers": intent.answers})
        if recorded.is_error:
            return f"I couldn't record that: {recorded.text}"
        ws.answered.update({name: asked[name] for name in intent.answers if name in asked})
        lines = [_recorded(intent.answers), f"{progress_line(ws)}."]
        # Questions asked but not answered yet stay first in line: a user answering one
        # question per message must have the next message land on the next question.
        known = set(ws.discovery.known_fields())
        still_open = [q for q in ws.pending_questions if q.field not in intent.answers and q.field not in known]
        if ws.discovery_complete():
            # Enough to go on; a reply to a question still open is still taken as its answer.
            ws.pending_questions = still_open
            lines.append("That is enough to work with. " + self._next(ws))
        elif still_open:
            ws.pending_questions = still_open
            lines.append(question_list(still_open))
        else:
            lines.append(question_list(await self._questions(turn)))
        return "\n\n".join(lines)

    async def build(self, turn: Turn, tool: str, arguments: dict[str, Any] | None = None) -> str:
        result = await self.call(turn, tool, arguments)
        if result.is_error:
            return f"`{tool}` did not work: {result.text}"
        assert result.output is not None
        title = result.output.artifact.title if result.output.artifact else tool
        # The id names the document in the sidebar list and in `ask` output, where it follows.
        made = f" (`{result.artifact_id}`)" if result.artifact_id else ""
        lines = [f"**{title}**{made} — {result.output.summary}."]
        if tool in ("propose", "build_plan") and not turn.workspace.discovery_complete():
            lines.append(f"({progress_line(turn.workspace)}; answers sharpen this.)")
        if result.outcome:
            lines.append(result.outcome)
        return "\n\n".join([*lines, self._next(turn.workspace)])

    async def propose(self, turn: Turn, intent: Intent) -> str:
        words = set(re.findall(r"[a-z]+", intent.argument.lower()))
        persona = next((p for p in _PERSONAS if p in words), "developer")
        return await self.build(turn, "propose", {"persona": persona})

    async def schema(self, turn: Turn, intent: Intent) -> str:
        return await self.build(turn, "design_schema")

    async def plan(self, turn: Turn, intent: Intent) -> str:
        return await self.build(turn, "build_plan", plan_options(intent.argument))

    async def review(self, turn: Turn, intent: Intent) -> str:
        from personize_assistant.agent.tools import all_tools

        if "review" not in all_tools():
            return "Review is not available in this version. " + self._next(turn.workspace)
        return await self.build(turn, "review")

    async def wire(self, turn: Turn, intent: Intent) -> str:
        return await self._code(turn, intent, "wire")

    async def generate(self, turn: Turn, intent: Intent) -> str:
        return await self._code(turn, intent, "generate")

    async def _code(self, turn: Turn, intent: Intent, tool: str) -> str:
        target = re.sub(r"\b(and )?(write|apply)( it)?\b|\b(in )?(python|typescript)\b", "", intent.argument,
                        flags=re.I).strip()
        if not target:
            choices = await asyncio.to_thread(candidates_for, turn.workspace, tool)
            return (f"Which touchpoint? Say `{tool} tp_…` or name it (`{tool} the weekly digest`). "
                    f"Good candidates:\n\n{choices}")
        arguments: dict[str, Any] = {"touchpoint_id": target}
        lowered = intent.argument.lower()
        if re.search(r"\bpython\b", lowered):
            arguments["lang"] = "py"
        elif re.search(r"\btypescript\b", lowered):
            arguments["lang"] = "ts"
        if tool == "wire" and re.search(r"\b(write|apply)\b", lowered):
            arguments["write"] = True
        channel = _channel_word(lowered) if tool == "generate" else None
        if channel:
            # "generate the survey reminder sms": the words name the touchpoint, the channel
            # word says which message to write for it.
            arguments["channel"] = channel
            arguments["touchpoint_id"] = _CHANNEL_WORDS.sub("", target).strip() or target
        return await self.build(turn, tool, arguments)

    async def touchpoints(self, turn: Turn, intent: Intent) -> str:
        arguments: dict[str, Any] = {}
        if kind := kind_from_words(intent.argument):
            arguments["kind"] = kind
        if folder := _folder_named(intent.argument):
            arguments["under"] = folder  # "which emails in apps/web/lib?"
        listed = await self.call(turn, "list_touchpoints", arguments)
        return listed.text + "\n\n" + self._next(turn.workspace)

    async def scan(self, turn: Turn, intent: Intent) -> str:
        result = await self.call(turn, "scan_repo", {"refresh": True})  # asked for: look again
        return result.text if result.is_error else f"Scan: {result.output.summary if result.output else ''}.\n\n" \
            + self._next(turn.workspace)

    async def status(self, turn: Turn, intent: Intent) -> str:
        ws = turn.workspace
        pending = question_list(ws.pending_questions) if ws.pending_questions else self._next(ws)
        made = ", ".join(f"`{a.id}`" for a in ws.artifacts) or "none yet"
        return f"{progress_line(ws)}.\n\nArtifacts: {made}.\n\n{pending}"

    async def export(self, turn: Turn, intent: Intent) -> str:
        """Writes the folder in a worker thread; the chat gets where, never the documents."""
        ws = turn.workspace
        named = _EXPORT_TO.match(intent.argument.strip())  # "export to ~/out"; "export it" names no folder
        where = (named.group(1) or named.group(2)) if named else None
        folder = resolve_output(where) if where else default_export_folder(ws.root)
        if inside_repo(folder, ws.root) and not await turn.runner.confirm(
                f"Write the export into {folder}, inside the repository?"):
            return "Export cancelled; nothing was written."
        try:
            result = await asyncio.to_thread(export_folder, ws, turn.export, folder)
        except AssistantError as exc:
            return f"Not exported: {exc}"
        hidden = f" Secrets were redacted in {result.redactions} of them." if result.redactions else ""
        return (f"Exported {len(result.files)} files to `{result.folder}`: "
                f"{', '.join(f'`{name}`' for name in result.files)}.{hidden}")

    async def save(self, turn: Turn, intent: Intent) -> str:
        """`write the plan to plan.md`: the newest document of that kind (built first if
        there is none) to a file; inside the repo only once the user confirms."""
        ws, kind = turn.workspace, intent.argument
        text = await self._document(turn, kind)
        if text is None:
            return f"There is no {kind} in this session yet: say `{kind} <touchpoint>` first, then save it."
        path = resolve_output(intent.path)
        if inside_repo(path, ws.root) and not await turn.runner.confirm(
                f"Write the {kind} to {path}, inside the repository?"):
            return f"Not written: {path} is inside the repository and you said no."
        try:
            await asyncio.to_thread(write_document, path, text)
        except AssistantError as exc:
            return f"Not written: {exc}"
        return f"Wrote the {kind} to `{path}`."

    async def _document(self, turn: Turn, kind: str) -> str | None:
        ws = turn.workspace
        if kind == "session":
            return await asyncio.to_thread(turn.export)
        if kind == "discovery":
            return (await asyncio.to_thread(discovery_artifact, ws)).markdown
        made = [a for a in latest_artifacts(ws.artifacts) if a.kind == kind]
        if not made and kind in BUILDERS:
            tool, arguments = BUILDERS[kind]
            await self.call(turn, tool, arguments)
            made = [a for a in ws.artifacts if a.kind == kind]
        return made[-1].markdown if made else None

    async def correct(self, turn: Turn, intent: Intent) -> str:
        """`no, that's not the product`: drop that answer and ask its question again."""
        ws, name = turn.workspace, intent.argument
        dropped = ws.forget_answer(name)
        if dropped is None:
            return f"I have no answer of yours for **{name}** to take back. {progress_line(ws)}."
        question = ws.answered.pop(name, None)
        if question is not None:
            ws.pending_questions = [question, *(q for q in ws.pending_questions if q.field != name)]
        again = question_list(ws.pending_questions) if ws.pending_questions else self._next(ws)
        return f"Dropped what I had for **{name}** (“{_short(str(dropped))}”).\n\n{again}"

    async def help(self, turn: Turn, intent: Intent) -> str:
        return HELP

    async def unknown(self, turn: Turn, intent: Intent) -> str:
        return "I'm not sure what you mean. Say `help` for what I can do. " + self._next(turn.workspace)


HANDLERS: dict[str, Handler] = {
    name: getattr(OfflineEngine, name)
    for name in ("answers", "propose", "schema", "plan", "review", "wire", "generate", "touchpoints", "scan",
                 "status", "export", "save", "correct", "help", "unknown")
}

RECORDED_PREVIEW = 80


def _short(text: str) -> str:
    return text if len(text) <= RECORDED_PREVIEW else text[: RECORDED_PREVIEW - 1].rstrip() + "…"


def _recorded(answers: dict[str, str]) -> str:
    """What was recorded, word for word, and how to take it back."""
    lines = "\n".join(f"- **{name}**: {_short(value)}" for name, value in answers.items())
    first = next(iter(answers), "product").replace("_", " ")
    return f"Recorded:\n\n{lines}\n\n(Not right? Say `no, that's not the {first}`.)"
