"""Map generated fields (SUBJECT, BODY_HTML, ...) onto the user's function parameters.

The generated output field names come from GENERATE's channel rules; the parameters come
from the real function. A field is mapped only when a parameter clearly carries it (by
name, and by type where the type is declared) so the wiring never guesses silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from pydantic import BaseModel, ConfigDict, Field

from personize_assistant.actions.wire.source import FunctionInfo, Param

# Parameter/property names (normalised: lowercase, no `_`) that carry each field.
_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "SUBJECT": ("subject", "emailsubject"),
    "TITLE": ("title", "heading", "subject", "headline"),
    "BODY_HTML": ("html", "htmlbody", "bodyhtml", "htmlmessage", "htmlcontent", "html_message"),
    "BODY_TEXT": ("text", "textbody", "bodytext", "plaintext", "plain", "message", "body", "content"),
    "BODY": ("text", "body", "message", "content", "msg", "markdown"),
    "BUTTON_URL": ("url", "link", "href", "buttonurl", "actionurl"),
    "BUTTON_LABEL": ("buttonlabel", "cta", "actionlabel"),
}
_RECIPIENT_NAMES = (
    "to", "email", "recipient", "recipients", "recipientlist", "toemail", "useremail",
    "address", "emailaddress", "emailto", "toaddress", "user", "contact", "member", "customer",
)  # fmt: skip
_PHONE_NAMES = ("phone", "phonenumber", "number", "tonumber", "mobile")
_STRINGISH = re.compile(r"^(string|str)(\s*\|\s*(undefined|null|None))*$|^(Optional\[str\]|str \| None)$")


class FieldTarget(BaseModel):
    """Where one generated field goes: parameter `param_index`, optionally a property of it."""

    model_config = ConfigDict(extra="forbid")

    field: str
    param_index: int
    member: str | None = None
    optional: bool = False
    """The target may be absent in the caller's input (draft value can be missing)."""


class MessageMapping(BaseModel):
    model_config = ConfigDict(extra="forbid")

    targets: list[FieldTarget] = Field(default_factory=list)
    recipient_param: int | None = None
    recipient_member: str | None = None
    recipient_is_phone: bool = False

    def fields(self) -> list[str]:
        return [t.field for t in self.targets]


def _norm(name: str) -> str:
    """`html_part`/`htmlPart` name the same thing as `html` (MIME parts of a message)."""
    flat = name.lower().replace("_", "")
    return flat[: -len("part")] if flat.endswith("part") and len(flat) > len("part") else flat


def _stringish(annotation: str | None) -> bool:
    return annotation is None or bool(_STRINGISH.match(annotation.strip()))


def map_message(fn: FunctionInfo, channel_fields: list[str]) -> MessageMapping:
    """Assign each channel field to the first parameter (or object property) that carries it."""
    mapping = MessageMapping()
    taken: set[tuple[int, str | None]] = set()
    for field in channel_fields:
        target = _find_target(fn.params, field, taken)
        if target is not None:
            taken.add((target.param_index, target.member))
            mapping.targets.append(target)
    _assign_recipient(fn.params, mapping)
    return mapping


def _find_target(params: list[Param], field: str, taken: set[tuple[int, str | None]]) -> FieldTarget | None:
    names = tuple(_norm(n) for n in _FIELD_NAMES.get(field, ()))
    for index, param in enumerate(params):
        if param.kind in ("rest", "varkw", "this"):
            continue
        if param.members or param.keys:
            target = _member_target(index, param, field, names, taken)
            if target is not None:
                return target
        elif _norm(param.name) in names and _stringish(param.annotation) and (index, None) not in taken:
            return FieldTarget(field=field, param_index=index, optional=param.optional)
    return None


def _member_target(
    index: int, param: Param, field: str, names: tuple[str, ...], taken: set[tuple[int, str | None]]
) -> FieldTarget | None:
    members = param.members or []
    for name in names:
        for member in members:
            if _norm(member.name) == name and _stringish(member.type) and (index, member.name) not in taken:
                return FieldTarget(field=field, param_index=index, member=member.name, optional=member.optional)
        if not members:
            key = next((k for k in param.keys if _norm(k) == name), None)
            if key is not None and (index, key) not in taken:
                return FieldTarget(field=field, param_index=index, member=key, optional=True)
    return None


def _is_email_name(name: str) -> bool:
    """`partnerEmail`, `owner_email`: an address named for whose it is."""
    return _norm(name).endswith("email") and not _norm(name).startswith(("from", "sender", "replyto"))


def _named_in(names: tuple[str, ...], name: str) -> bool:
    return _norm(name) in names


def _assign_recipient(params: list[Param], mapping: MessageMapping) -> None:
    for names, is_phone in ((_RECIPIENT_NAMES, False), (_PHONE_NAMES, True)):
        if _assign_named(params, mapping, partial(_named_in, names), names):
            mapping.recipient_is_phone = is_phone
            return
    _assign_named(params, mapping, _is_email_name, ())


def _assign_named(
    params: list[Param], mapping: MessageMapping, matches: Callable[[str], bool], order: tuple[str, ...]
) -> bool:
    """The first parameter (or member, in `order` of preference) whose name `matches`."""
    for index, param in enumerate(params):
        member_names = [m.name for m in param.members] or param.keys
        if member_names:
            ranked = [m for n in order for m in member_names if _norm(m) == n] or [m for m in member_names if matches(m)]
            if ranked:
                mapping.recipient_param, mapping.recipient_member = index, ranked[0]
                return True
        elif param.name and matches(param.name):
            mapping.recipient_param = index
            return True
    return False
