"""Framework of the file being wired (drives small differences in the code)."""

from __future__ import annotations

import re

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
    signs = _TS_SIGNS if source.language == "ts" else _PY_SIGNS
    haystack = f"{source.text}\n{source.path}"
    for name, pattern in signs:
        if re.search(pattern, haystack, re.MULTILINE):
            return name
    return "node" if source.language == "ts" else "python"
