"""Delivery over plain HTTP: where a POST goes, and what the code around it says.

The host table is catalog `urls`; this module builds the text it is matched against and
finds the two other kinds of evidence (issue 12, class 2):

- the URL as the code spells it, with its parts filled in: a template or f-string's
  `${this.baseUrl}` / `{settings.NTFY_SERVER}`, a constant imported from another file;
- the project's own HTTP helper (`postJson(url, body)`: a function that hands one of its
  parameters to an HTTP client as the URL), whose callers' URLs are the ones posted to;
- when the host is configured rather than written, the service named by the folder, file
  or class around the request, or the payload's shape (`blocks`, `chat_id`, `embeds`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from personize_assistant.scan.facts import Call
from personize_assistant.scan.resolve import DefRef, Ext, RepoIndex, Value
from personize_assistant.scan.rules import senders

_S = senders()
_INTERPOLATION = re.compile(r"\$\{\s*([A-Za-z_$][\w$.]*)\s*\}|(?<![{$])\{([A-Za-z_][\w.]*)\}")
_NAME = re.compile(r"^(?:this\.|self\.)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$")
_POST_METHOD = re.compile(r"""(?i)\bmethod\s*[:=]\s*["'`](?:post|put)["'`]""")
_SERVICE_NAMES = _S.service_names
_PAYLOAD_SHAPES = _S.payload_shapes
_NOT_A_RUNTIME_URL = _S.not_a_runtime_url
HTTP_HELPER_NAME = _S.http_helper_name
_SETTINGS_FILE = re.compile(r"(?:^|/)settings(?:\.py$|/)")


def url_context(index: RepoIndex, path: str, call: Call) -> str:
    """The call's arguments, the URL with its named parts filled in, and the function's name
    (`postSlackWebhook(url)` says where it posts)."""
    argument = call.arg0.strip()
    parts = [call.args]
    if _NAME.match(argument):
        binding = index.bindings.get((path, call.scope, argument)) or index.bindings.get((path, "", argument))
        spelled = binding.raw if binding is not None else _literal(index, path, call.scope, argument)
        if spelled:
            parts.append(spelled)
            argument = spelled
    parts.append(fill_in(index, path, call.scope, argument))
    parts.append(call.scope)
    return " ".join(parts)


def fill_in(index: RepoIndex, path: str, scope: str, spelled: str) -> str:
    """`${this.baseUrl}/chat.postMessage` -> `https://slack.com/api/chat.postMessage`."""
    if "{" not in spelled:
        return ""

    def value(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        return _literal(index, path, scope, name) or match.group(0)

    return _INTERPOLATION.sub(value, spelled)


def _literal(index: RepoIndex, path: str, scope: str, name: str) -> str:
    """The text a name holds when it resolves to a literal (a constant, a field, a setting)."""
    resolved = index.resolve(path, scope, name)
    if isinstance(resolved, Ext) and resolved.module in _S.settings_modules and len(resolved.path) == 2:
        resolved = _setting(index, resolved.path[1])  # `from django.conf import settings`
    return resolved.raw.strip("'\"`") if isinstance(resolved, Value) else ""


def _setting(index: RepoIndex, name: str) -> Value | None:
    """A Django setting's literal value, from the project's settings module(s)."""
    for path in index.facts:
        if _SETTINGS_FILE.search(path):
            binding = index.bindings.get((path, "", name))
            if binding is not None and binding.value.startswith("str:"):
                return Value(binding.raw)
    return None


def http_helpers(index: RepoIndex, is_http: Callable[[str, Call], bool]) -> set[tuple[str, str]]:
    """Repo functions that hand a parameter of theirs to an HTTP client as the URL."""
    helpers: set[tuple[str, str]] = set()
    for path, facts in index.facts.items():
        named = {q: d for q, d in index.defs.get(path, {}).items() if HTTP_HELPER_NAME.match(q.rsplit(".", 1)[-1])}
        if not named:
            continue
        for call in facts.calls:
            definition = named.get(call.scope) if call.scope else None
            if definition is None or not call.arg0:
                continue
            if any(name == call.arg0.strip() for name, _ in definition.params) and is_http(path, call):
                helpers.add((path, call.scope))
    return helpers


def helper_target(index: RepoIndex, helpers: set[tuple[str, str]], path: str, call: Call) -> bool:
    """Is this call a call of one of the project's HTTP helpers?"""
    resolved = index.resolve(path, call.scope, call.chain)
    return isinstance(resolved, DefRef) and not resolved.rest and (resolved.file, resolved.qualname) in helpers


def service_post(index: RepoIndex, path: str, call: Call, verb: str) -> tuple[str, str] | None:
    """(provider, channel) of a POST to a configured host, from the code's names or the payload."""
    if verb in ("get", "head") or _NOT_A_RUNTIME_URL.search(call.arg0.replace("`${", "", 1)):
        return None  # a literal URL is the host table's to judge; `${base}/...` is configured
    if verb in ("fetch", "$fetch", "ofetch") and not _POST_METHOD.search(call.args):
        return None
    shape = _first(_PAYLOAD_SHAPES, call.args)
    named = _named_service(index, path, call.scope)
    if shape is not None and named is not None:
        return named  # the names say which service; the payload confirms it delivers
    if shape is not None:
        return "", shape
    if named is not None and _delivery_named(call.scope):
        return named  # `TelegramBot.send_message(...)` posting to its configured endpoint
    return None


def _delivery_named(scope: str) -> bool:
    words = re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", scope.rsplit(".", 1)[-1])
    return bool(words) and words[0].lower() in _S.kind_verbs["notification"]


def _named_service(index: RepoIndex, path: str, scope: str) -> tuple[str, str] | None:
    owner = scope.split(".", 1)[0] if scope else ""
    if owner not in index.defs.get(path, {}) or index.defs[path][owner].kind != "class":
        owner = ""
    stem = path.rsplit("/", 1)[-1].split(".", 1)[0]
    for name in (owner, stem, *reversed(path.split("/")[:-1])):
        for channel, pattern in _SERVICE_NAMES.items():
            match = pattern.match(name) if name else None
            if match is not None:
                return match.group(0).lower(), channel
    return None


def _first(patterns: dict[str, re.Pattern[str]], text: str) -> str | None:
    return next((channel for channel, pattern in patterns.items() if pattern.search(text)), None)
