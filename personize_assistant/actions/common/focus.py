"""An expert's calls for PROPOSE and PLAN: where to start, what to focus on, through which channels.

The user (an answers file's `propose:`/`plan:` section) or Claude (the `propose` and
`build_plan` tools) names the quick win, the touchpoints and use cases that matter, the
message content to personalise and the channels, in words. `resolve_focus` checks every
name against the scan and the library before an action uses it, and a name that matches
nothing (or several things) is a UsageError that says which names would do. What the user
decided wins over what the ranking infers.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from personize_assistant.actions.common.touchpoints import channel_of, place_groups
from personize_assistant.content.library import Library
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import RepoScan, Touchpoint

_SHOWN = 6  # names listed in an error message


class FocusDecisions(BaseModel):
    """What an expert decided; every name is checked against the scan by `resolve_focus`."""

    model_config = ConfigDict(extra="forbid")

    quick_win: str | None = Field(
        default=None, description="The touchpoint to ship first: its id (tp_...), function name, file or file:function.")
    touchpoints: list[str] = Field(
        default_factory=list, description="Touchpoints to focus on, most important first (ids, function names or files).")
    use_cases: list[str] = Field(
        default_factory=list, description="Use case ids (reference/propose.md) to focus on, e.g. weekly_digest.")
    content: list[str] = Field(
        default_factory=list, description="The message content to personalise: the channel's fields (SUBJECT, BODY_TEXT...).")
    channels: list[str] = Field(
        default_factory=list, description="Channels to personalise: email, sms, slack, push, in_app.")

    def over(self, base: FocusDecisions) -> FocusDecisions:
        """These decisions laid over `base`: a field given here wins."""
        given = self.model_dump(exclude_unset=True)
        return base.model_copy(update=given) if given else base

    def is_empty(self) -> bool:
        return self == FocusDecisions()

    def recorded(self) -> dict[str, Any]:
        """The form kept in a session's answers and written back to an answers file."""
        return self.model_dump(exclude_defaults=True)


@dataclass
class Focus:
    """Decisions resolved against the scan: real touchpoints, real use cases, real fields."""

    decisions: FocusDecisions = field(default_factory=FocusDecisions)
    quick_win: Touchpoint | None = None
    touchpoints: list[Touchpoint] = field(default_factory=list)
    use_cases: list[str] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)

    def pinned(self) -> list[Touchpoint]:
        """The touchpoints the user put first: the quick win, then the focus list."""
        first = [self.quick_win] if self.quick_win else []
        return list({t.id: t for t in [*first, *self.touchpoints]}.values())

    def allows_channel(self, tp: Touchpoint) -> bool:
        return not self.channels or channel_of(tp) in self.channels or tp in self.pinned()

    def lines(self) -> list[str]:
        """The decisions in words, for the top of a document."""
        out = []
        if self.quick_win:
            out.append(f"Quick win: `{self.quick_win.symbol or self.quick_win.file}` ({self.quick_win.location()})")
        if self.touchpoints:
            out.append("Focus: " + ", ".join(f"`{t.symbol or t.file}`" for t in self.touchpoints))
        if self.use_cases:
            out.append("Use cases: " + ", ".join(self.use_cases))
        if self.content:
            out.append("Content: " + ", ".join(self.content))
        if self.channels:
            out.append("Channels: " + ", ".join(self.channels))
        return out


def parse_decisions(raw: dict[str, Any], origin: str) -> FocusDecisions:
    """An answers-file section as decisions; a single name may stand for a list of one."""
    lists = {k: [v] if k != "quick_win" and isinstance(v, str) else v for k, v in raw.items()}
    try:
        return FocusDecisions.model_validate(lists)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UsageError(f"{origin}: {where}: {first['msg']}") from exc


def resolve_focus(decisions: FocusDecisions | None, scan: RepoScan, library: Library) -> Focus:
    """Every decided name checked against the scan and the library (UsageError otherwise)."""
    decisions = decisions or FocusDecisions()
    pool = [t for group in place_groups(scan) for t in group]
    channels = _channels(decisions.channels, library)
    return Focus(
        decisions=decisions,
        quick_win=find_touchpoint(decisions.quick_win, pool, "quick_win") if decisions.quick_win else None,
        touchpoints=[find_touchpoint(ref, pool, "touchpoints") for ref in decisions.touchpoints],
        use_cases=[_use_case(name, library) for name in decisions.use_cases],
        content=[_content(name, channels, library) for name in decisions.content],
        channels=channels,
    )


# --------------------------------------------------------------------------- names -> things


def find_touchpoint(ref: str, pool: list[Touchpoint], what: str) -> Touchpoint:
    """A touchpoint by id, `file:line`, `file:function`, function name or file; one place only."""
    text = ref.strip()
    matches = _matches(text, pool)
    places: dict[tuple[str, str | None], Touchpoint] = {}
    for tp in sorted(matches, key=lambda t: (t.wraps is not None, t.line)):  # a place is its first line
        places.setdefault((tp.file, tp.symbol), tp)
    if len(places) == 1:
        return next(iter(places.values()))
    if places:
        shown = "; ".join(f"{t.id} `{t.symbol or t.file}` ({t.location()})" for t in list(places.values())[:_SHOWN])
        raise UsageError(f"{what}: {ref!r} names {len(places)} places: {shown}. Give the id or file:function")
    raise UsageError(f"{what}: no touchpoint matches {ref!r}{_suggest(text, pool)}; `scan` lists every id")


def _matches(text: str, pool: list[Touchpoint]) -> list[Touchpoint]:
    lowered = text.lower()
    by_id = [t for t in pool if t.id == text]
    if by_id:
        return by_id
    file, _, rest = text.rpartition(":")
    if file and rest.isdigit():
        return [t for t in pool if t.file == file and t.line == int(rest)]
    if file:
        return [t for t in pool if t.file == file and _symbol_is(t, rest.lower())]
    return [t for t in pool if _symbol_is(t, lowered)] or [t for t in pool if t.file == text]


def _symbol_is(tp: Touchpoint, lowered: str) -> bool:
    """`sendInvite` names `MailerService.sendInvite` as well as itself."""
    symbol = (tp.symbol or "").lower()
    return bool(symbol) and lowered in (symbol, symbol.rsplit(".", 1)[-1])


def _suggest(text: str, pool: list[Touchpoint]) -> str:
    symbols = {t.symbol for t in pool if t.symbol}
    names = sorted(symbols | {s.rsplit(".", 1)[-1] for s in symbols} | {t.file for t in pool})
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def _channels(names: list[str], library: Library) -> list[str]:
    known = list(library.generate.meta.channel_limits)
    aliases = {"in-app": "in_app", "inapp": "in_app", "text": "sms", "e-mail": "email"}
    out = []
    for name in names:
        channel = aliases.get(name.strip().lower(), name.strip().lower())
        if channel not in known:
            raise UsageError(f"channels: unknown channel {name!r}; expected some of {', '.join(known)}")
        out.append(channel)
    return list(dict.fromkeys(out))


def _use_case(name: str, library: Library) -> str:
    ids = [u.id for u in library.propose.meta.use_cases()]
    if name.strip() in ids:
        return name.strip()
    close = difflib.get_close_matches(name.strip(), ids, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else f"expected one of {', '.join(ids)}"
    raise UsageError(f"use_cases: unknown use case {name!r}; {hint}")


def _content(name: str, channels: list[str], library: Library) -> str:
    """A channel field (SUBJECT, BODY_TEXT…) of the chosen channels (of any, when none chosen)."""
    limits = library.generate.meta.channel_limits
    fields = list(dict.fromkeys(f.name for channel, spec in limits.items()
                                if not channels or channel in channels for f in spec.fields))
    wanted = name.strip().upper().replace(" ", "_").replace("-", "_")
    if wanted in fields:
        return wanted
    scope = f"the {', '.join(channels)} channel" if channels else "any channel"
    raise UsageError(f"content: {name!r} is not a field of {scope}; expected some of {', '.join(fields)}")
