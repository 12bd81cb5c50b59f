"""GENERATE: emit the generation function for one touchpoint's channel.

`generate(scan, options) -> GenerateArtifact` picks the channel and language from the
touchpoint, the recipient entity from the scan, and renders a function that fetches
governance (smartGuidelines), then context (smartDigest, smartRecall), calls ai.prompt with
multi-step instructions and evaluation, parses the fields and runs the channel checks.
Every limit, tag list, opener and review keyword comes from `reference/generate.md`.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict

from personize_assistant.actions.generate.artifact import ChannelLimit, GenerateArtifact, Language
from personize_assistant.actions.generate.names import choose_entity, message_words, pascal, snake
from personize_assistant.actions.generate.spec import template_values
from personize_assistant.codegen.helpers import CHANNEL_ALIASES, PY_CLIENT_MODULE, helper_settings
from personize_assistant.codegen.placement import (
    HelperFile,
    add_command_for,
    js_manager,
    place_helpers,
)
from personize_assistant.codegen.render import render
from personize_assistant.content.models import GenerateMeta, WireMeta
from personize_assistant.errors import UsageError
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint

_TS_SUFFIXES = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts")
SDK_CALLS = ["ai.smartGuidelines", "memory.smartDigest", "memory.smartRecall", "ai.prompt"]


class GenerateOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    touchpoint_id: str
    language: Language | None = None
    channel: str | None = None
    """Override the touchpoint's channel (needed when the scan could not tell)."""


def load_meta() -> GenerateMeta:
    from personize_assistant.content import load_library

    return load_library().generate.meta


def _wire_meta() -> WireMeta:
    from personize_assistant.content import load_library

    return load_library().wire.meta


def generate(scan: RepoScan, options: GenerateOptions, meta: GenerateMeta | None = None,
             wire_meta: WireMeta | None = None) -> GenerateArtifact:
    """`wire_meta` sizes the runtime helper the function records deliveries through."""
    meta = meta or load_meta()
    touchpoint = scan.find(options.touchpoint_id)
    if touchpoint is None:
        raise UsageError(f"no touchpoint {options.touchpoint_id}; `scan PATH` lists the ids")
    channel = channel_of(touchpoint, options.channel, meta)
    language = options.language or language_of(touchpoint)
    words = message_words(touchpoint, channel)
    entity = choose_entity(scan, touchpoint, _source_text(scan, touchpoint))
    path = _suggested_path(touchpoint, words, language)
    function_name = f"generate_{snake(words)}" if language == "py" else f"generate{pascal(words)}"
    values = template_values(meta, channel, touchpoint, entity, words, language)
    placement = place_helpers(Path(scan.root), path, language)
    values.update(function_name=function_name, client_import=_client_import(Path(scan.root), path),
                  helper_module=placement.import_from(path))
    code = render(f"generate/generate.{language}.j2", **values)
    helpers, _ = placement.new_files(helper_settings(wire_meta or _wire_meta(), meta))
    return GenerateArtifact(
        touchpoint_id=touchpoint.id,
        touchpoint=f"{touchpoint.location()} {touchpoint.symbol or ''}".strip(),
        channel=channel,
        language=language,
        function_name=function_name,
        result_type=str(values["result_type"]),
        entity=entity,
        path=path,
        code=code,
        limits=_limits(meta, channel),
        sdk_calls=SDK_CALLS,
        helper_files=helpers,
        notes=_notes(path, language, touchpoint, helpers, str(values["result_type"]),
                     add_command_for(Path(scan.root), touchpoint.file, js_manager(scan.stack.package_managers), "@personize/sdk")),
    )


# Kinds that never deliver a message: a channel override cannot make them one.
_NOT_MESSAGES = (Kind.DATA_MODEL, Kind.FILE_UPLOAD, Kind.SEARCH_ENDPOINT, Kind.PERSONIZE_CALL, Kind.USER_CONTEXT)


def channel_of(touchpoint: Touchpoint, override: str | None, meta: GenerateMeta) -> str:
    if touchpoint.kind in _NOT_MESSAGES:
        what = f"{touchpoint.location()} {touchpoint.symbol or ''}".strip()
        raise UsageError(
            f"{touchpoint.id} is a {touchpoint.kind.value} ({what}), not a place that sends a message; "
            "GENERATE writes for email_send and notification touchpoints (see `scan PATH`)"
        )
    if override is not None:
        if override not in meta.channel_limits:
            raise UsageError(f"--channel must be one of {', '.join(meta.channel_limits)} (got {override!r})")
        return override
    if touchpoint.kind == Kind.EMAIL_SEND:
        return "email"
    raw = touchpoint.channel
    channel = CHANNEL_ALIASES.get(raw, raw) if raw == "chat" else raw
    if touchpoint.kind == Kind.NOTIFICATION and channel in meta.channel_limits:
        return str(channel)
    if raw == "webhook_out":
        raise UsageError(f"{touchpoint.id} posts to another system (webhook_out), not to a person; GENERATE "
                         "writes messages people read (pass --channel if a person does read this one)")
    raise UsageError(
        f"{touchpoint.id} ({touchpoint.kind.value}{f', {raw}' if raw else ''}) has no channel GENERATE "
        f"writes for; pass --channel ({', '.join(meta.channel_limits)})"
    )


def language_of(touchpoint: Touchpoint) -> Language:
    suffix = PurePosixPath(touchpoint.file).suffix
    if suffix == ".py":
        return "py"
    if suffix in _TS_SUFFIXES:
        return "ts"
    raise UsageError(f"{touchpoint.file} is neither Python nor TypeScript; pass --lang ts|py")


# Import lines name library classes (`from twilio.rest import Client`), not the recipient.
_IMPORT_LINE = re.compile(r"^\s*(?:from\s+\S+\s+import\b|import\b|const\s+.*=\s*require\().*$", re.MULTILINE)


def _source_text(scan: RepoScan, touchpoint: Touchpoint) -> str:
    """The words that say who receives the message: the touchpoint's file without its
    imports, plus what its callers pass in (`send_sms(user.phone, ...)`)."""
    read = read_repo_file(Path(scan.root), touchpoint.file, MAX_REPO_FILE_BYTES)
    text = "" if isinstance(read, Refusal) else read  # then the person-like models decide
    callers = [tp.evidence for tp in scan.touchpoints if tp.wraps == touchpoint.id]
    return "\n".join([_IMPORT_LINE.sub("", text), *callers])


def _suggested_path(touchpoint: Touchpoint, words: list[str], language: Language) -> str:
    directory = PurePosixPath(touchpoint.file).parent
    name = f"personalize_{snake(words)}.py" if language == "py" else f"personalize-{'-'.join(words)}.ts"
    return str(directory / name) if str(directory) != "." else name


def _client_import(root: Path, path: str) -> str:
    """`personize_client` sits where `wire` puts it: the top of the package, or beside the file."""
    placement = place_helpers(root, path, "py")
    module = placement.import_from(path, PY_CLIENT_MODULE)
    return f"from {module} import Personize"


def _limits(meta: GenerateMeta, channel: str) -> list[ChannelLimit]:
    return [
        ChannelLimit(field=f.name, required=f.required, markup=f.markup, max_chars=f.max_chars, max_words=f.max_words)
        for f in meta.channel(channel).fields
    ]


def _notes(path: str, language: Language, touchpoint: Touchpoint, helpers: list[HelperFile],
           result_type: str, install: str = "npm install @personize/sdk") -> list[str]:
    remember = f"remember{result_type}(recipient, message, outcome)" if language == "ts" else \
        "message.remember(recipient, outcome)"
    notes = [f"Call it from {touchpoint.symbol or touchpoint.file} and send only when `sendable` is true; "
             f"route messages with `review` lines to a person; after the send, `{remember}` memorizes it."]
    if language == "ts":
        notes.append(f"Needs `@personize/sdk` ({install}) and PERSONIZE_SECRET_KEY for its client.")
    notes += [f"Add {f.path} beside it ({f.summary}; `helper_files` in --json holds it, "
              "`personize-assistant wire` adds it too)." for f in helpers]
    return notes
