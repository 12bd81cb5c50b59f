"""Outgoing webhooks sent by a repo function named for them (`postWebhook(subscription)`
POSTing to `subscription.url`): a URL the user configured, so no host names the channel;
the function's name does. Vocabulary is data (`outgoing.yaml`).
"""

from __future__ import annotations

import re

from personize_assistant.scan.detect_calls import HTTP_MODULES, Hit
from personize_assistant.scan.facts import Call
from personize_assistant.scan.resolve import DefRef, Ext, RepoIndex
from personize_assistant.scan.rules import outgoing

_O = outgoing()
_LITERAL_URL = re.compile(r"""^\s*[f]?['"`]https?://""")
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def outgoing_webhook_hits(index: RepoIndex, hits: list[Hit]) -> list[Hit]:
    covered = {(h.file, h.call.line) for h in hits}
    found: list[Hit] = []
    for path, facts in index.facts.items():
        for call in facts.calls:
            if call.name in _O.http_sends and (path, call.line) not in covered and _sends_webhook(index, path, call):
                found.append(Hit(path, call, "notification", "webhook", "webhook_out", "medium"))
    return found


def _sends_webhook(index: RepoIndex, path: str, call: Call) -> bool:
    if not _named_for_webhook(call.scope) or _LITERAL_URL.match(call.arg0):
        return False
    if call.name in ("fetch", "$fetch", "ofetch", "request", "axios") and not _O.send_method.search(call.args):
        return False
    resolved = index.resolve(path, call.scope, call.chain)
    if isinstance(resolved, Ext):
        return resolved.module.split("/")[0] in HTTP_MODULES or resolved.module in HTTP_MODULES
    # The project's own HTTP helper named like the client (`import fetch from "@/utils/fetch"`).
    return isinstance(resolved, DefRef) or call.chain in ("fetch", "$fetch", "ofetch")


def _named_for_webhook(scope: str) -> bool:
    """`postWebhook`, `deliver_webhook`, `fireWebhookCall`: a verb first, then a webhook."""
    words = [w.lower() for w in _WORDS.findall(scope.rsplit(".", 1)[-1])]
    return bool(words) and words[0] in _O.webhook_verbs and bool(set(words[1:]) & _O.webhook_nouns)
