"""Secret redaction for anything that leaves the process: exports, logs, session files.

Repo content is untrusted and often holds live credentials (`sk_live_...`, API keys,
passwords in settings). Every renderer and logger passes text through `redact()`.
"""

from __future__ import annotations

import re

REDACTED = "[REDACTED]"

# Known token shapes: matched anywhere, whatever the surrounding code looks like.
_TOKEN_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}",  # Personize, Stripe
        r"\bpz_[A-Za-z0-9_]{12,}",  # Personize (newer keys)
        r"\bsk-ant-[A-Za-z0-9_\-]{10,}",  # Anthropic
        r"\bsk-(?:proj-)?[A-Za-z0-9_\-]{20,}",  # OpenAI
        r"\bSG\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,}",  # SendGrid
        r"\bxox[abposr]-[A-Za-z0-9\-]{10,}",  # Slack tokens
        r"https://hooks\.slack\.com/services/[A-Za-z0-9/]+",  # Slack incoming webhooks
        r"\bAKIA[0-9A-Z]{16}\b",  # AWS access key id
        r"\bAC[0-9a-f]{32}\b",  # Twilio account SID
        r"\bre_[A-Za-z0-9]{16,}",  # Resend
        r"\bwhsec_[A-Za-z0-9]{16,}",  # Stripe webhook secret
        r"\bgh[pousr]_[A-Za-z0-9]{30,}",  # GitHub tokens
        r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----",
    )
)

# `password = "hunter2"`, `API_KEY: 'abc'`, `"secret": "..."` — keep the name, drop the value.
# Which names are secret is scan/secrets.yaml's one definition (`_secret_name`).
_ASSIGNMENT = re.compile(
    r"""(?ix)
    (?P<name>[A-Za-z0-9_\-]+["']?)
    (?P<sep>\s*[:=]\s*)
    (?P<quote>["'])(?P<value>[^"'\n]{4,})(?P=quote)
    """
)


# `"jsonwebtoken": "^9.0.2"` in a dependency list is a version range, not a token.
_VERSION = re.compile(r"[\^~<>=]*\d+(\.[\dx*]+)+(-[\w.]+)?")


def _looks_like_reference(value: str) -> bool:
    """`os.environ["X"]`-style lookups and template placeholders are not secrets."""
    return (value.startswith(("$", "{", "<", "process.env", "os.environ")) or value.isupper()
            or _VERSION.fullmatch(value) is not None)


def _secret_name(name: str) -> bool:
    # Imported here: the scanner redacts its evidence, so `scan` imports this module.
    from personize_assistant.scan.secrets import is_secret_name

    return is_secret_name(name.strip("'\""))


def redact(text: str) -> str:
    """Replace every secret-looking token in `text` with `[REDACTED]`."""
    for pattern in _TOKEN_PATTERNS:
        text = pattern.sub(REDACTED, text)

    def _mask(match: re.Match[str]) -> str:
        if not _secret_name(match["name"]) or _looks_like_reference(match["value"]) or match["value"] == REDACTED:
            return match.group(0)
        return f"{match['name']}{match['sep']}{match['quote']}{REDACTED}{match['quote']}"

    return _ASSIGNMENT.sub(_mask, text)


def contains_secret(text: str) -> bool:
    return redact(text) != text
