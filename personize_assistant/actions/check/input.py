"""Read a generated message (JSON object or `SUBJECT:` / `BODY_HTML:` labelled text) into fields.

Field names are the GENERATE output names of the channel (`SUBJECT`, `BODY_HTML`, `BODY`,
`TITLE`...). Friendlier JSON keys (`subject`, `html`, `text`, `body`) map onto them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from personize_assistant.content.models.generate import ChannelSpec
from personize_assistant.errors import UsageError

_FENCE = re.compile(r"^\s*```[\w-]*[ \t]*\n(?P<body>.*?)\n```\s*$", re.S)
_LABEL = re.compile(r"^[ \t]*[*_]{0,2}(?P<name>[A-Za-z][A-Za-z_ ]{1,20}?)[*_]{0,2}[ \t]*:[ \t]*", re.M)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?=[\s/>])[^>]*>")

# JSON keys people use for the channel's fields; `text`/`body` depend on the channel.
_ALIASES = {
    "html": "BODY_HTML",
    "body_html": "BODY_HTML",
    "text": "BODY_TEXT",
    "body_text": "BODY_TEXT",
    "plain_text": "BODY_TEXT",
    "message": "BODY",
    "notes": "CHANNEL_NOTES",
    "url": "BUTTON_URL",
    "button": "BUTTON_LABEL",
}


@dataclass
class Message:
    fields: dict[str, str]
    labelled: bool = True
    """False when plain text carried no field labels (one blob)."""
    unknown: list[str] = field(default_factory=list)


def parse_message(raw: str, channel: ChannelSpec) -> Message:
    text = _unfenced(raw)
    if not text.strip():
        raise UsageError("the message is empty")
    if text.lstrip().startswith("{") or _is_json_array(text):
        return _from_json(text, channel)
    return _from_labelled_text(text, channel)


def _is_json_array(text: str) -> bool:
    """`[Reminder] ...` is text; only a parseable `[...]` is (wrongly shaped) JSON."""
    if not text.lstrip().startswith("["):
        return False
    try:
        return isinstance(json.loads(text), list)
    except json.JSONDecodeError:
        return False


def _unfenced(raw: str) -> str:
    match = _FENCE.match(raw)
    return match["body"] if match else raw


def canonical_name(key: str, channel: ChannelSpec) -> str:
    """The channel's field name for a JSON key or label (`subject` -> `SUBJECT`)."""
    name = re.sub(r"[\s-]+", "_", key.strip()).upper()
    known = {f.name for f in channel.fields}
    if name in known:
        return name
    alias = _ALIASES.get(name.lower(), name)
    if alias in known:
        return alias
    if name in ("TEXT", "BODY", "BODY_TEXT", "MESSAGE") and "BODY" in known:
        return "BODY"
    if name == "BODY" and "BODY_HTML" in known:
        return "BODY_HTML"
    if name == "SUBJECT" and "TITLE" in known:
        return "TITLE"
    if name == "TITLE" and "SUBJECT" in known:
        return "SUBJECT"
    return name


def _from_json(text: str, channel: ChannelSpec) -> Message:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"the message is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise UsageError("a JSON message must be an object of fields, e.g. {\"subject\": ..., \"body_html\": ...}")
    fields: dict[str, str] = {}
    for key, value in data.items():
        if value is None:
            continue
        if not isinstance(value, str):
            raise UsageError(f"field {key!r} must be a string (got {type(value).__name__})")
        fields[canonical_name(str(key), channel)] = value
    return _message(fields, channel, labelled=True)


def _from_labelled_text(text: str, channel: ChannelSpec) -> Message:
    known = {f.name for f in channel.fields}
    hits = [m for m in _LABEL.finditer(text) if _is_label(m["name"], channel, known)]
    if not hits:
        return _message({_blob_field(text, channel): text.strip()}, channel, labelled=False)
    fields: dict[str, str] = {}
    for hit, following in zip(hits, [*hits[1:], None], strict=True):
        end = following.start() if following else len(text)
        fields[canonical_name(hit["name"], channel)] = text[hit.end() : end].strip()
    return _message(fields, channel, labelled=True)


def _is_label(name: str, channel: ChannelSpec, known: set[str]) -> bool:
    """A label is a known field name (in any case) or an UPPER_SNAKE name (an unknown field);
    `FYI:` or `Note:` at the start of a body line stays part of the body."""
    canonical = canonical_name(name, channel)
    return canonical in known or bool(re.fullmatch(r"[A-Z]+(?:_[A-Z]+)+", name.strip()))


def _blob_field(text: str, channel: ChannelSpec) -> str:
    known = [f.name for f in channel.fields]
    if "BODY" in known:
        return "BODY"
    return "BODY_HTML" if _HTML_TAG.search(text) else "BODY_TEXT"


def _message(fields: dict[str, str], channel: ChannelSpec, labelled: bool) -> Message:
    known = {f.name for f in channel.fields}
    return Message(fields=fields, labelled=labelled, unknown=[n for n in fields if n not in known])
