"""Render a `ReviewArtifact`: a markdown report, JSON, and SARIF 2.1.0 for code scanning.

SARIF reuses the scan's SARIF conventions (`scan/report/sarif.py`): the same tool name,
`%SRCROOT%`-relative URIs, end columns read from the source, and fingerprints built
from an id that ignores the line, so an alert survives the code moving. Every string
that may hold repository text passes through `redact()`.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from personize_assistant import __version__
from personize_assistant.actions.review.model import (
    SEVERITY_RANK,
    AreaSummary,
    Finding,
    ReviewArtifact,
)
from personize_assistant.actions.review.rules import RuleSpec
from personize_assistant.redact import redact
from personize_assistant.scan.report.markdown import md_cell, md_code
from personize_assistant.scan.report.sarif import (
    INFORMATION_URI,
    SARIF_SCHEMA,
    SARIF_VERSION,
    SRCROOT,
    TOOL_NAME,
    _digest,
    _relative_uri,
    _SourceLines,
)

RULE_PREFIX = "personize-review/"
FINGERPRINT_KEY = "personizeReview/v1"
SARIF_LEVEL = {"high": "error", "medium": "warning", "low": "note", "info": "note"}
STATUS_LABEL = {"pass": "pass", "fail": "FAIL", "not_applicable": "n/a"}
FENCE = {"typescript": "ts", "python": "python"}


# --------------------------------------------------------------------------- JSON


def to_json(artifact: ReviewArtifact) -> dict[str, Any]:
    data = artifact.model_dump(mode="json")
    data["summary"] = {"worst": artifact.worst(), "by_severity": _counts(artifact.findings)}
    loaded: dict[str, Any] = json.loads(redact(json.dumps(data, ensure_ascii=False)))
    return loaded


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts: Counter[str] = Counter(f.severity for f in findings)
    order = sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__, reverse=True)
    return {s: counts[s] for s in order if counts[s]}


# --------------------------------------------------------------------------- markdown


def render_markdown(artifact: ReviewArtifact) -> str:
    if not artifact.integrated:
        return redact(_md_no_integration(artifact))
    sections = [
        _md_header(artifact),
        _md_next_steps(artifact),
        _md_areas(artifact.areas),
        _md_findings(artifact.findings),
    ]
    return redact("\n\n".join(s for s in sections if s) + "\n")


def _md_no_integration(artifact: ReviewArtifact) -> str:
    lines = [
        "# Personize integration review",
        "",
        f"- **Repository:** {md_code(artifact.root)}",
        "",
        "**No Personize integration found.** The scan saw no calls to `@personize/sdk` or the "
        "Personize REST API, so there is nothing to audit yet.",
        "",
        "## Next steps",
        "",
    ]
    lines += [f"- {step}" for step in artifact.next_steps]
    if artifact.findings:  # a key committed before any code uses it
        lines += ["", _md_findings(artifact.findings)]
    return "\n".join(lines) + "\n"


def _md_header(artifact: ReviewArtifact) -> str:
    counts = _counts(artifact.findings)
    tally = ", ".join(f"{n} {s}" for s, n in counts.items()) or "no findings"
    calls = ", ".join(f"`{m}` ({n})" for m, n in artifact.integration.calls.items())
    files = artifact.integration.files
    return "\n".join([
        "# Personize integration review",
        "",
        f"- **Repository:** {md_code(artifact.root)}",
        f"- **Score:** {artifact.score}/100 ({tally})",
        f"- **Integration:** {len(files)} file{'s' if len(files) != 1 else ''} "
        f"({', '.join(map(md_code, files))}); calls: {calls}",
    ])


def _md_next_steps(artifact: ReviewArtifact) -> str:
    if not artifact.next_steps:
        return ""
    lines = ["## Changes with the most effect", ""]
    lines += [f"{i}. {_inline(step)}" for i, step in enumerate(artifact.next_steps, 1)]
    return "\n".join(lines)


def _md_areas(areas: list[AreaSummary]) -> str:
    lines = ["## Areas", "", "| area | status | findings | issues | seen |", "|---|---|---:|---|---|"]
    for area in areas:
        lines.append(f"| {md_cell(area.title)} | {STATUS_LABEL[area.status]} | {area.findings} "
                     f"| {md_cell(' '.join(area.issues))} | {_inline('; '.join(area.notes))} |")
    return "\n".join(lines)


def _inline(text: str) -> str:
    """Our own markdown (code spans kept) on one line, safe inside a table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _md_findings(findings: list[Finding]) -> str:
    if not findings:
        return "## Findings\n\nNo findings: the integration follows every check REVIEW knows."
    return "\n\n".join(["## Findings", *(_md_finding(i, f) for i, f in enumerate(findings, 1))])


def _md_finding(index: int, finding: Finding) -> str:
    where = md_code(finding.location()) + (f" in {md_code(finding.symbol)}" if finding.symbol else "")
    lines = [
        f"### {index}. {finding.severity} · {finding.area} · {where}",
        "",
        f"**What:** {finding.what}",
        "",
        f"**Why it matters:** {finding.why}",
        "",
        f"**Fix:** {finding.fix}",
    ]
    if finding.evidence:
        lines += ["", f"**Evidence:** {md_code(finding.evidence)}"]
    if finding.suggestion:
        fence = FENCE.get(finding.language or "", "")
        lines += ["", f"```{fence}", finding.suggestion, "```"]
    if finding.related:
        lines += ["", "**Also:** " + ", ".join(
            md_code(r.label()) + (f" ({r.note})" if r.note else "") for r in finding.related)]
    lines += ["", f"<sub>rule `{finding.rule}` · id `{finding.id}`</sub>"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- SARIF


def render_sarif(artifact: ReviewArtifact, rules: dict[str, RuleSpec] | None = None) -> dict[str, Any]:
    """The findings as a SARIF log: one rule per check, levels from severity."""
    if rules is None:
        from personize_assistant.actions.review.rules import rules_from_meta
        from personize_assistant.content import load_library

        rules = rules_from_meta(load_library().review.meta)
    ordered = list(rules.values())
    index = {rule.id: i for i, rule in enumerate(ordered)}
    lines = _SourceLines(Path(artifact.root))
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": TOOL_NAME,
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_sarif_rule(rule) for rule in ordered],
            }},
            "automationDetails": {"id": "personize-review/"},
            "originalUriBaseIds": {SRCROOT: {
                "uri": Path(artifact.root).resolve().as_uri() + "/",
                "description": {"text": "The root of the reviewed repository."},
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_sarif_result(f, index, lines) for f in artifact.findings],
        }],
    }
    loaded: dict[str, Any] = json.loads(redact(json.dumps(log, ensure_ascii=False)))
    return loaded


def _sarif_rule(rule: RuleSpec) -> dict[str, Any]:
    help_text = f"{rule.why} Fix: {rule.fix}"
    return {
        "id": RULE_PREFIX + rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("_")),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": f"{rule.title} {rule.why}"},
        "help": {"text": help_text, "markdown": f"**{rule.title}**\n\n{rule.why}\n\n**Fix:** {rule.fix}"},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {"tags": ["personize", "review", rule.area], "precision": "medium",
                       "problem.severity": _problem_severity(rule.severity)},
    }


def _problem_severity(severity: str) -> str:
    return {"high": "error", "medium": "warning"}.get(severity, "recommendation")


def _sarif_result(finding: Finding, index: dict[str, int], lines: _SourceLines) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": RULE_PREFIX + finding.rule,
        "ruleIndex": index[finding.rule],
        "level": SARIF_LEVEL[finding.severity],
        "message": {"text": _clip(f"{finding.what} Fix: {finding.fix}")},
        "locations": [{"physicalLocation": _physical(finding.file, finding.line, finding.end_line, lines)}],
        "partialFingerprints": {
            "primaryLocationLineHash": f"{_digest(finding.id)}:1",
            FINGERPRINT_KEY: finding.id,
        },
        "properties": {"area": finding.area, "severity": finding.severity},
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(r.file, r.line, r.line, lines),
             "message": {"text": r.note or "related"}}
            for i, r in enumerate(finding.related, 1)
        ]
    return result


def _clip(message: str, limit: int = 1000) -> str:
    """GitHub rejects result messages over 1,024 characters."""
    return message if len(message) <= limit else message[: limit - 1].rstrip() + "…"


def _physical(file: str, line: int, end_line: int, lines: _SourceLines) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line, "startColumn": 1, "endLine": end_line}
    end_column = lines.end_column(file, end_line)
    if end_column is not None:
        region["endColumn"] = end_column
    return {"artifactLocation": {"uri": _relative_uri(file), "uriBaseId": SRCROOT}, "region": region}
