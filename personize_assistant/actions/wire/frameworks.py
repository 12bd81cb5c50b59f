"""Framework and style of the file being wired (drives small differences in the code)."""

from __future__ import annotations

import re
from pathlib import Path

from personize_assistant.actions.wire.parsed import parsed_once
from personize_assistant.actions.wire.source import BodyShape, FileStyle, FunctionInfo, SourceFile
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
    signs = _TS_SIGNS if language == "ts" else _PY_SIGNS
    haystack = f"{text}\n{path}"
    for name, pattern in signs:
        if re.search(pattern, haystack, re.MULTILINE):
            return name
    return "node" if language == "ts" else "python"


def file_style(root: Path, source: SourceFile) -> FileStyle:
    if source.language == "ts":
        from personize_assistant.actions.wire.source_typescript import typescript_style

        style = typescript_style(source.text, source.path)
        if not style.import_extension and _node_esm(root, source.path):
            style.import_extension = ".js"
        return style
    from personize_assistant.actions.wire.source_python import python_style

    package = (root / source.path).parent.joinpath("__init__.py").is_file()
    return python_style(source.text, package)


def _node_esm(root: Path, path: str) -> bool:
    """ESM under Node resolution needs `.js` on relative imports; bundlers do not."""
    for directory in (root / path).parents:
        tsconfig = directory / "tsconfig.json"
        if tsconfig.is_file():
            text = tsconfig.read_text(encoding="utf-8", errors="replace")
            return bool(re.search(r'"module(Resolution)?"\s*:\s*"node(16|next)"', text, re.IGNORECASE))
        if directory == root:
            break
    return False


def function_body(source: SourceFile, fn: FunctionInfo) -> BodyShape:
    if source.language == "ts":
        from personize_assistant.actions.wire.source_typescript import typescript_body

        return typescript_body(source.text, source.path, fn)
    from personize_assistant.actions.wire.source_python import python_body

    return python_body(source.text, fn)
