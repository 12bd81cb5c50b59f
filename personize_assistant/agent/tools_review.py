"""The REVIEW tool: audit the Personize integration already in the repo."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from personize_assistant.agent.tools import NoArgs, ToolOutput, tool

if TYPE_CHECKING:
    from personize_assistant.actions.review.model import ReviewArtifact
    from personize_assistant.agent.workspace import Workspace


def _render(review: ReviewArtifact) -> tuple[str, dict[str, Any]]:
    """The review's own renderer when present, else a compact findings list."""
    try:
        render = importlib.import_module("personize_assistant.actions.review.render")
        return str(render.render_markdown(review)), dict(render.to_json(review))
    except (ModuleNotFoundError, AttributeError):
        pass
    if not review.integrated:
        markdown = "# Review\n\nNo Personize calls found in this repository yet.\n"
    else:
        findings = [f"- **{f.severity}** {f.what} ({f.file}:{f.line}) — fix: {f.fix}" for f in review.findings]
        markdown = "\n".join([f"# Review\n\nScore {review.score}/100.\n", *findings, ""])
    return markdown, review.model_dump(mode="json")


@tool("review", NoArgs)
def review(ws: Workspace, _: NoArgs) -> ToolOutput:
    """Audit the existing Personize integration: findings with evidence and fixes, a
    verdict per audit area, and a score. Reports 'no integration' when there is none."""
    from personize_assistant.actions.review import review_repo

    audit = review_repo(ws.require_scan(), ws.discovery, library=ws.library)
    markdown, data = _render(audit)
    artifact = ws.add_artifact("review", "Review", markdown, data)
    summary = (f"score {audit.score}/100, {len(audit.findings)} findings" if audit.integrated
               else "no Personize integration yet")
    return ToolOutput(text=artifact.markdown, summary=summary, artifact=artifact)
