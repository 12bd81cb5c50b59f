"""SARIF 2.1.0 for GitHub code scanning: one rule per touchpoint kind, `note` level.

GitHub's required subset (docs: "SARIF support for code scanning"): `$schema`,
`version`, `runs[].tool.driver.{name, rules[]}`, rules with `id`,
`shortDescription.text`, `fullDescription.text` and `help.text`, results with
`message.text`, one location with a repo-relative `artifactLocation.uri` and a
region, and `partialFingerprints`. GitHub only reads `primaryLocationLineHash` from
the fingerprints, so ours is derived from the touchpoint id — which ignores the line —
and an alert survives the code moving a few lines.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from personize_assistant import __version__
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.redact import redact
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint
from personize_assistant.scan.report.common import evidence, via
from personize_assistant.scan.report.kind_info import KIND_INFO

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "personize-assistant"
INFORMATION_URI = "https://personize.ai"
SRCROOT = "%SRCROOT%"
RULE_PREFIX = "personize/"
FINGERPRINT_KEY = "personizeTouchpoint/v1"

RULES: list[Kind] = list(Kind)
RULE_INDEX: dict[Kind, int] = {kind: index for index, kind in enumerate(RULES)}


def rule_id(kind: Kind) -> str:
    return RULE_PREFIX + kind.value


def render_sarif(scan: RepoScan) -> dict[str, Any]:
    """The scan as a SARIF log (a dict ready for `json.dumps`)."""
    lines = _SourceLines(Path(scan.root))
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": _driver()},
                "originalUriBaseIds": {
                    SRCROOT: {
                        "uri": Path(scan.root).resolve().as_uri() + "/",
                        "description": {"text": "The root of the scanned repository."},
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": _results(scan, lines),
            }
        ],
    }


def _driver() -> dict[str, Any]:
    return {
        "name": TOOL_NAME,
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(kind) for kind in RULES],
    }


def _rule(kind: Kind) -> dict[str, Any]:
    info = KIND_INFO[kind]
    help_text = f"{info.what} Personize: {info.pattern}"
    return {
        "id": rule_id(kind),
        "name": "".join(part.capitalize() for part in kind.value.split("_")),
        "shortDescription": {"text": f"Personalization touchpoint: {info.title.lower()}"},
        "fullDescription": {"text": info.what},
        "help": {
            "text": help_text,
            "markdown": f"**{info.title}** — {info.what}\n\n**Personize:** {info.pattern}",
        },
        "defaultConfiguration": {"level": "note"},
        "properties": {"tags": ["personize", "personalization", kind.value], "precision": "medium"},
    }


def _results(scan: RepoScan, lines: _SourceLines) -> list[dict[str, Any]]:
    ordered = sorted(scan.touchpoints, key=lambda t: (t.file, t.line, t.kind.value))
    occurrences: Counter[str] = Counter()
    results = []
    for tp in ordered:
        occurrences[tp.id] += 1
        results.append(_result(tp, occurrences[tp.id], lines))
    return results


def _result(tp: Touchpoint, occurrence: int, lines: _SourceLines) -> dict[str, Any]:
    return {
        "ruleId": rule_id(tp.kind),
        "ruleIndex": RULE_INDEX[tp.kind],
        "level": "note",
        "message": {"text": _message(tp)},
        "locations": [{"physicalLocation": _physical_location(tp, lines)}],
        "partialFingerprints": {
            "primaryLocationLineHash": f"{_digest(tp.id)}:{occurrence}",
            FINGERPRINT_KEY: tp.id,
        },
        "properties": _properties(tp),
    }


def _message(tp: Touchpoint) -> str:
    info = KIND_INFO[tp.kind]
    subject = info.title
    if tp.symbol:
        subject += f" in {tp.symbol}"
    if via(tp):
        subject += f" ({via(tp)})"
    return f"{subject}. Personize: {info.pattern} Evidence: {evidence(tp, 200)}"


def _physical_location(tp: Touchpoint, lines: _SourceLines) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": tp.line, "startColumn": 1, "endLine": tp.end_line}
    end_column = lines.end_column(tp.file, tp.end_line)
    if end_column is not None:
        region["endColumn"] = end_column
    return {
        "artifactLocation": {"uri": _relative_uri(tp.file), "uriBaseId": SRCROOT},
        "region": region,
    }


def _relative_uri(path: str) -> str:
    """Repo-relative, `/`-separated and percent-encoded as a URI reference."""
    return quote(path.replace("\\", "/").lstrip("/"), safe="/")


def _properties(tp: Touchpoint) -> dict[str, Any]:
    props: dict[str, Any] = {
        "touchpointId": tp.id,
        "kind": tp.kind.value,
        "surface": tp.surface.value,
        "confidence": tp.confidence,
    }
    for key in ("provider", "channel", "entity", "framework", "route", "schedule"):
        value = getattr(tp, key)
        if value:
            props[key] = redact(str(value))
    return props


def _digest(touchpoint_id: str) -> str:
    return hashlib.sha256(touchpoint_id.encode()).hexdigest()[:16]


class _SourceLines:
    """Reads a result's last line to give GitHub the region's end column; best effort."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, list[str] | None] = {}

    def end_column(self, file: str, line: int) -> int | None:
        lines = self._lines(file)
        if lines is None or not 1 <= line <= len(lines):
            return None
        return len(lines[line - 1].rstrip("\r\n")) + 1

    def _lines(self, file: str) -> list[str] | None:
        if file not in self._cache:
            text = read_repo_file(self.root, file, MAX_REPO_FILE_BYTES)
            self._cache[file] = None if isinstance(text, Refusal) else text.splitlines()
        return self._cache[file]
