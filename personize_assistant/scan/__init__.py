"""Walk a repository, parse it with tree-sitter, and report personalization touchpoints."""

from personize_assistant.scan.engine import scan_repo

__all__ = ["scan_repo"]
