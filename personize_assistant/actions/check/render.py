"""Human-readable and JSON forms of a `CheckReport`."""

from __future__ import annotations

from typing import Any

from personize_assistant.actions.check.model import CheckReport
from personize_assistant.redact import redact

_MARK = {"error": "error  ", "warning": "warning", "review": "review "}


def render_text(report: CheckReport, strict: bool = False) -> str:
    title = report.channel + (f" ({report.variant})" if report.variant else "")
    if not report.violations:
        return f"✓ {title} message passes every check ({', '.join(report.fields)})"
    lines = [f"{title} message: {_summary(report)}"]
    for v in report.violations:
        where = v.where + (f" {v.excerpt!r}" if v.excerpt and v.excerpt not in v.message else "")
        lines.append(f"  {_MARK[v.severity]}  {v.rule:<20} {where}: {v.message}")
    verdict = "fails" if report.failed(strict) else "passes (warnings and review suggestions do not fail without --strict)"
    lines.append(f"-> {verdict}")
    return redact("\n".join(lines))


def _summary(report: CheckReport) -> str:
    parts = [f"{report.count(s)} {s}{'s' if report.count(s) != 1 else ''}" for s in ("error", "warning", "review")]
    return ", ".join(parts)


def render_json(report: CheckReport, strict: bool = False) -> dict[str, Any]:
    data = report.model_dump(mode="json", exclude_none=True)
    data["violations"] = [
        {key: redact(value) if isinstance(value, str) else value for key, value in item.items()}
        for item in data["violations"]
    ]
    data["ok"] = not report.failed(strict)
    data["counts"] = {s: report.count(s) for s in ("error", "warning", "review")}
    return data
