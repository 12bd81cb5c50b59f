"""Render a `RepoScan`: terminal text, a markdown report, SARIF for code scanning.

One import point for the three renderers; each lives in its own module
(`scan_text`, `scan_markdown`, `sarif`). All of them redact evidence.
"""

from __future__ import annotations

from personize_assistant.scan.report.markdown import md_cell, md_code, render_markdown
from personize_assistant.scan.report.sarif import render_sarif
from personize_assistant.scan.report.text import render_text, text_report

__all__ = ["md_cell", "md_code", "render_markdown", "render_sarif", "render_text", "text_report"]
