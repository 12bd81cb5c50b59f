"""A detector's output before ids and evidence are attached (see `engine.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from personize_assistant.scan.languages import EXTENSIONS
from personize_assistant.scan.models import Kind, ModelField, Surface
from personize_assistant.scan.stack import LANGUAGE_BY_EXTENSION

SURFACES: dict[Kind, Surface] = {
    Kind.DATA_MODEL: Surface.WEB_APP,
    Kind.EMAIL_SEND: Surface.NOTIFICATIONS,
    Kind.NOTIFICATION: Surface.NOTIFICATIONS,
    Kind.EVENT_TRACKING: Surface.MARKETING,
    Kind.WEBHOOK_HANDLER: Surface.CUSTOMER_SUCCESS,
    Kind.SCHEDULED_JOB: Surface.NOTIFICATIONS,
    Kind.USER_CONTEXT: Surface.WEB_APP,
    Kind.SEGMENTATION: Surface.WEB_APP,
    Kind.UI_SURFACE: Surface.WEB_APP,
    Kind.SEARCH_ENDPOINT: Surface.WEB_APP,
    Kind.FILE_UPLOAD: Surface.WEB_APP,
    Kind.LLM_CALL: Surface.WEB_APP,
    Kind.PERSONIZE_CALL: Surface.WEB_APP,
}

# A touchpoint's language: only files the scanner parses have one (a `.yml` schedule: None).
LANGUAGE_BY_SUFFIX = {suffix: LANGUAGE_BY_EXTENSION[suffix] for suffix in EXTENSIONS}


@dataclass
class Finding:
    kind: Kind
    file: str
    line: int
    end_line: int
    symbol: str | None
    confidence: str
    discriminator: str = ""
    """Tells apart several touchpoints of one kind and symbol in one file (stable: no lines)."""
    channel: str | None = None
    provider: str | None = None
    framework: str | None = None
    route: str | None = None
    schedule: str | None = None
    wraps: tuple[str, str, str] | None = None
    """(kind, file, qualname) of the wrapper this call reaches; becomes its id."""
    entity: str | None = None
    fields: list[ModelField] | None = None

    @property
    def surface(self) -> Surface:
        if self.kind is Kind.NOTIFICATION and self.channel == "push":
            return Surface.MOBILE
        return SURFACES[self.kind]


_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def name_words(name: str) -> set[str]:
    """`sendWelcomeEmail` / `send_welcome_email` -> {"send", "welcome", "email"}."""
    last = name.rsplit(".", 1)[-1]
    return {w.lower() for w in _WORDS.findall(last)}
