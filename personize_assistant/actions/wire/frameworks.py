"""Framework of the file being wired (drives small differences in the code)."""

from __future__ import annotations

import re

from personize_assistant.actions.wire.parsed import parsed_once
from personize_assistant.actions.wire.source import SourceFile
from personize_assistant.scan.models import RepoScan, Touchpoint

# (framework, pattern in the file's imports/path); first match wins.
_TS_SIGNS = (
    ("nextjs", r"from ['\"]next(/|['\"])|(^|/)app/.*route\.tsx?$|(^|/)pages/api/"),
    ("fastify", r"from ['\"]fastify['\"]"),
    ("express", r"from ['\"]express['\"]"),
)
_PY_SIGNS = (
    ("fastapi", r"^\s*(from|import) fastapi"),
    ("flask", r"^\s*(from|import) flask"),
    ("django", r"^\s*(from|import) django"),
)


def detect_framework(scan: RepoScan, touchpoint: Touchpoint, source: SourceFile) -> str:
    if touchpoint.framework:
        return touchpoint.framework
    return _framework_in(source.text, source.path, source.language)


@parsed_once("framework")
def _framework_in(text: str, path: str, language: str) -> str:
    """Once per file: a thousand touchpoints in one file ask the same question."""
    signs = _TS_SIGNS if language == "ts" else _PY_SIGNS
    haystack = f"{text}\n{path}"
    for name, pattern in signs:
        if re.search(pattern, haystack, re.MULTILINE):
            return name
    return "node" if language == "ts" else "python"
