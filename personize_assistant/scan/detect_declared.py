"""Touchpoints a framework declares rather than calls (issue 12, class 3).

- Analytics tags outside code calls: `<script>` tags in pages, Next.js `<Script>`, head
  configs, the gtag loader (catalog `snippets`, found as markers by the extractors).
- Auth libraries' email hooks: `sendResetPassword`, `sendVerificationOTP` (better-auth),
  `sendVerificationRequest` (next-auth / Auth.js) are the library's way of sending mail,
  whatever the body calls (`senders.yaml` `auth_email_hooks`).

Wasp `api(...)` routes are definitions from the extractors, judged by `detect_routes.py`.
"""

from __future__ import annotations

from personize_assistant.scan.catalog import SNIPPET, load_catalog
from personize_assistant.scan.findings import Finding, name_words
from personize_assistant.scan.models import Kind
from personize_assistant.scan.resolve import RepoIndex
from personize_assistant.scan.rules import senders

_AUTH_HOOKS = senders().auth_email_hooks
_TAG_GENERATORS = senders().tag_generator_words


def snippet_findings(index: RepoIndex) -> list[Finding]:
    found: list[Finding] = []
    rules = load_catalog().data.snippets
    for path, facts in index.facts.items():
        for marker in facts.markers:
            if not marker.name.startswith(SNIPPET):
                continue
            provider, _, number = marker.name[len(SNIPPET) :].partition("@")
            if number and not _imports_any(index, path, rules[int(number)].modules):
                continue  # `<Analytics />` of some other library, or the app's own component
            if name_words(marker.scope) & _TAG_GENERATORS:
                continue  # `TrackingCode`, `getAnalyticsScript`: a tag shown or made for another site
            found.append(Finding(Kind.EVENT_TRACKING, path, marker.line, marker.line, marker.scope or None, "high", discriminator=SNIPPET + provider, provider=provider))
    return found


def _imports_any(index: RepoIndex, path: str, modules: list[str]) -> bool:
    imported = index.file_modules.get(path, set())
    return any(module in imported for module in modules)


def auth_hook_findings(index: RepoIndex) -> list[Finding]:
    found: list[Finding] = []
    for path, defs in index.defs.items():
        libraries = [lib for lib in _AUTH_HOOKS if any(m == lib or m.startswith(lib + "/") for m in index.file_modules.get(path, ()))]
        if not libraries:
            continue
        for definition in defs.values():
            name = definition.qualname.rsplit(".", 1)[-1]
            provider = next((lib for lib in libraries if name in _AUTH_HOOKS[lib]), None)
            if provider is not None and definition.kind in ("function", "method"):
                found.append(Finding(Kind.EMAIL_SEND, path, definition.line, definition.end_line, definition.qualname, "high", discriminator="wrapper", channel="email", provider=provider))
    return found
