"""The whole session as one markdown document: the conversation, then every artifact."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from personize_assistant.agent.workspace import Workspace


def message_text(content: Any) -> str:
    """The readable part of a message: text blocks and a line per tool call/result."""
    if isinstance(content, str):
        return content
    parts = []
    for block in content:
        kind = block.get("type")
        if kind == "text":
            parts.append(block["text"])
        elif kind == "tool_use":
            parts.append(f"_(called `{block['name']}`)_")
        elif kind == "tool_result":
            parts.append(f"_({'tool error' if block.get('is_error') else 'tool result'})_")
    return "\n\n".join(p for p in parts if p)


def session_markdown(session_id: str, root: str, history: list[dict[str, Any]], ws: Workspace) -> str:
    lines = [f"# personize-assistant session {session_id}", "", f"Repository: `{root}`", "",
             "## Conversation", ""]
    for message in history:
        text = message_text(message["content"]).strip()
        if text:
            speaker = "**You:**" if message["role"] == "user" else "**Assistant:**"
            lines += [speaker, "", text, ""]
    for artifact in ws.artifacts:
        if artifact.kind == "scan":
            continue  # the scan report is long and reproducible with `scan`
        lines += ["---", "", f"<!-- artifact {artifact.id} ({artifact.kind}) -->", "", artifact.markdown.strip(), ""]
    return "\n".join(lines).rstrip() + "\n"
