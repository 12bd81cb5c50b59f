"""Hand-built touchpoints for tests that exercise an action without scanning."""

from __future__ import annotations

from personize_assistant.scan.models import Kind, Touchpoint, touchpoint_id


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
