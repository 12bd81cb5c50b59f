"""Hand-built touchpoints for tests that exercise an action without scanning."""

from __future__ import annotations

from personize_assistant.scan.models import Kind, RepoScan, Touchpoint, touchpoint_id


def email_touchpoint(file: str, line: int, symbol: str, provider: str) -> Touchpoint:
    """An email send at `file:line` in `symbol`, as the scanner would report it."""
    return Touchpoint(
        id=touchpoint_id(Kind.EMAIL_SEND, file, symbol, str(line)),
        kind=Kind.EMAIL_SEND,
        channel="email",
        file=file,
        line=line,
        end_line=line,
        symbol=symbol,
        evidence="(fixture)",
        confidence="high",
        surface="notifications",
        provider=provider,
    )


def touchpoint_at(scan: RepoScan, kind: Kind, file: str, line: int) -> Touchpoint:
    """The touchpoint the scan reports at `file:line`; the failure lists what it did report."""
    found = [t for t in scan.touchpoints if (t.kind, t.file, t.line) == (kind, file, line)]
    assert found, f"no {kind.value} at {file}:{line}; have {[(t.kind.value, t.location()) for t in scan.touchpoints]}"
    return found[0]


def by_line(scan: RepoScan, kind: Kind, file: str) -> dict[int, Touchpoint]:
    """The touchpoints of one kind in one file, by line."""
    return {t.line: t for t in scan.touchpoints if t.kind == kind and t.file == file}
