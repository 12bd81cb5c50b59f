"""REVIEW's key-handling checks (reference/wire.md `auth`): where the Personize key comes from.

A key literal in code or config, the key read from another provider's variable or an
unexpected one, an unchecked `process.env...!` / `os.environ[...]`, and Personize used
from code that ships to the browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from personize_assistant.actions.review.context import ReviewContext
from personize_assistant.actions.review.model import Finding
from personize_assistant.actions.review.rules import check
from personize_assistant.actions.review.source import SourceFile
from personize_assistant.fileio import MAX_REPO_FILE_BYTES, Refusal, read_repo_file

PERSONIZE_ENV = "PERSONIZE_SECRET_KEY"
KEY_TOKEN = re.compile(r"\b(?:sk_live_|sk_test_|pz_)[A-Za-z0-9_]{8,}")
# Where the key is handed to a client: SDK options, a Python constructor, a Bearer header.
_KEY_EXPRESSIONS = (
    re.compile(r"new\s+Personize\w*\s*\(\s*\{[^}]*?\bsecretKey\s*:\s*(?P<expr>[^,}\n]+)"),
    re.compile(r"\bPersonize\w*\((?:[^()]|\([^()]*\))*?\bsecret_key\s*=\s*(?P<expr>[^,\n]+)"),
    re.compile(r"Bearer\s*(?P<expr>[^\n]+)"),
)
# A Bearer header is Personize's only when Personize is named close to it (its URL).
BEARER_WINDOW = 400
_ENV_NAME = re.compile(
    r"process\.env\.(\w+)|process\.env\[\s*['\"](\w+)|import\.meta\.env\.(\w+)|"
    r"environ(?:\.get)?\s*[(\[]\s*['\"](\w+)|getenv\(\s*['\"](\w+)|\benv\(\s*['\"](\w+)|"
    r"\bsettings\.(\w+)"
)
OTHER_PROVIDERS = re.compile(
    r"OPENAI|ANTHROPIC|SENDGRID|SLACK|TWILIO|STRIPE|RESEND|POSTMARK|MAILGUN|SEGMENT|POSTHOG|"
    r"GEMINI|GOOGLE|AWS|GITHUB|HUBSPOT|SALESFORCE"
)
_UNCHECKED_KEY = re.compile(
    r"process\.env\.PERSONIZE_SECRET_KEY\s*(?:!(?!=)|as\s+string)|"
    r"os\.environ\[\s*['\"]PERSONIZE_SECRET_KEY['\"]\s*\]"
)
_PUBLIC_ENV = re.compile(r"\b(?:NEXT_PUBLIC|VITE|REACT_APP|EXPO_PUBLIC|PUBLIC)_\w*PERSONIZE\w*")


@check('hardcoded_key', 'security', 'high',
       title='A Personize secret key is written in the code.',
       why="A committed key gives anyone with the repository full read and write access to the org's memory.",
       fix='Revoke the key, then read it from PERSONIZE_SECRET_KEY at runtime.',
       ts="const client = new Personize({ secretKey: process.env.PERSONIZE_SECRET_KEY ?? '' });",
       py='client = Personize(secret_key=os.environ.get("PERSONIZE_SECRET_KEY", ""))')
def hardcoded_key(ctx: ReviewContext) -> list[Finding]:
    """Key literals in settings and config files, then in the code that calls Personize."""
    found = key_leaks(ctx)
    for source in ctx.integration_sources():
        found += _literal_keys(ctx, source)
    return found


def _literal_keys(ctx: ReviewContext, source: SourceFile) -> list[Finding]:
    found: list[Finding] = []
    for match in KEY_TOKEN.finditer(source.text):
        line = source.line_of(match.start())
        found.append(ctx.finding("hardcoded_key", source.path, line,
                                 what="A secret key (redacted here) is a string literal in code that calls Personize."))
    return found


def key_leaks(ctx: ReviewContext) -> list[Finding]:
    """Personize keys in settings and config files outside the calling code."""
    return [f for path in sorted(set(ctx.key_files) - set(ctx.integration_files))
            for f in _literal_keys_in(ctx, path)]


def _literal_keys_in(ctx: ReviewContext, path: str) -> list[Finding]:
    """Key literals in a file REVIEW may not parse (settings.py, config.yaml)."""
    text = read_repo_file(ctx.root, path, MAX_REPO_FILE_BYTES)
    lines = [] if isinstance(text, Refusal) else text.splitlines()
    return [ctx.finding("hardcoded_key", path, number,
                        what="A Personize key (redacted here) is written in a settings or config file.")
            for number, line in enumerate(lines, 1) if KEY_TOKEN.search(line) and "personize" in line.lower()]


@check('shared_provider_key', 'security', 'high',
       title="The Personize client is given another provider's credential.",
       why="Mixed-up credentials fail with 401s that are hard to attribute, and rotating one provider's key breaks the other.",
       fix='Give Personize its own variable, PERSONIZE_SECRET_KEY, and keep provider keys separate.',
       ts='secretKey: process.env.PERSONIZE_SECRET_KEY',
       py='secret_key=os.environ.get("PERSONIZE_SECRET_KEY")')
def shared_provider_key(ctx: ReviewContext) -> list[Finding]:
    return [ctx.finding("shared_provider_key", source.path, line, symbol=name,
                        what=f"The Personize client reads its key from `{name}`, another provider's variable.")
            for source in ctx.integration_sources()
            for line, name in _key_variables(source) if OTHER_PROVIDERS.search(name.upper())]


@check('nonstandard_key_var', 'security', 'low',
       title='The Personize key comes from a variable other than PERSONIZE_SECRET_KEY.',
       why='Every Personize recipe, CI template and deploy guide expects PERSONIZE_SECRET_KEY; another name is easy to miss when deploying.',
       fix='Read the key from PERSONIZE_SECRET_KEY (keep the old name as a fallback while migrating).',
       ts='secretKey: process.env.PERSONIZE_SECRET_KEY ?? process.env.$name',
       py='secret_key=os.environ.get("PERSONIZE_SECRET_KEY") or os.environ.get("$name")')
def nonstandard_key_var(ctx: ReviewContext) -> list[Finding]:
    return [ctx.finding("nonstandard_key_var", source.path, line, symbol=name,
                        what=f"The Personize key is read from `{name}`, not {PERSONIZE_ENV}.", name=name)
            for source in ctx.integration_sources()
            for line, name in _key_variables(source) if not OTHER_PROVIDERS.search(name.upper())]


def _key_variables(source: SourceFile) -> Iterator[tuple[int, str]]:
    """(line, variable) where the Personize key is read from a variable not named PERSONIZE_SECRET_KEY."""
    for pattern in _KEY_EXPRESSIONS:
        for match in pattern.finditer(source.text):
            if match.group(0).startswith("Bearer") and not _near_personize(source.text, match):
                continue
            names = [n for group in _ENV_NAME.findall(match["expr"]) for n in group if n]
            if names and not any(n.upper() == PERSONIZE_ENV for n in names):
                yield source.line_of(match.start()), names[0]


def _near_personize(text: str, match: re.Match[str]) -> bool:
    window = text[max(0, match.start() - BEARER_WINDOW) : match.end() + BEARER_WINDOW]
    return "personize" in window.lower()


@check('key_unchecked', 'security', 'medium',
       title='The key is assumed to be set: a missing PERSONIZE_SECRET_KEY is not handled.',
       why='Without the variable (a test run, a preview deploy) the client is built with no key, so every call fails or the module throws at import and takes down every route that imports it.',
       fix='Read the key once; when it is missing, log a warning and skip personalization instead of asserting it exists.',
       ts="""const key = process.env.PERSONIZE_SECRET_KEY;
// Personalization is optional: without a key the app runs unpersonalized.
export const personize = key ? new Personize({ secretKey: key, timeout: 3000 }) : null;""",
       py="""_key = os.environ.get("PERSONIZE_SECRET_KEY")
# Personalization is optional: without a key the app runs unpersonalized.
client = Personize(secret_key=_key) if _key else None""")
def key_unchecked(ctx: ReviewContext) -> list[Finding]:
    return [ctx.finding("key_unchecked", source.path, source.line_of(match.start()),
                        what=_unchecked_message(source.language))
            for source in ctx.integration_sources() for match in _UNCHECKED_KEY.finditer(source.text)]


def _unchecked_message(language: str) -> str:
    if language == "python":
        return "`os.environ[\"PERSONIZE_SECRET_KEY\"]` raises KeyError when the variable is unset."
    return ("The non-null assertion on `process.env.PERSONIZE_SECRET_KEY` hides a missing key: "
            "the client is built with `undefined`.")


@check('client_side_call', 'security', 'high',
       title='Personize is called from code that ships to the browser.',
       why="Anything in a client bundle can be read by anyone, including the secret key and other customers' memory.",
       fix='Move the call to server code (an API route, a server action, a backend job) and call that instead.',
       ts="'use server'; // or an app/api route handler that calls Personize")
def client_side_call(ctx: ReviewContext) -> list[Finding]:
    return [f for source in ctx.integration_sources() for f in _client_side(ctx, source)]


def _client_side(ctx: ReviewContext, source: SourceFile) -> list[Finding]:
    head = source.text.lstrip()[:40]
    public = _PUBLIC_ENV.search(source.text)
    if not (head.startswith(("'use client'", '"use client"')) or public):
        return []
    line = source.line_of(public.start()) if public else 1
    return [ctx.finding("client_side_call", source.path, line)]
