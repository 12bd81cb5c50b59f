"""What every action says about one touchpoint: its channel, its language, the task it
performs in words, and whether it is a named function (a wrapper to WIRE) or a route."""

from __future__ import annotations

import re
from typing import Literal

from personize_assistant.scan.models import Kind, Touchpoint

Lang = Literal["ts", "py"]

HTTP_VERBS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "handler", "default"})

def is_named_function(tp: Touchpoint) -> bool:
    """A real function name (a wrapper to WIRE), not a route's HTTP verb."""
    symbol = (tp.symbol or "").split(" ")[0]
    return bool(symbol) and symbol not in HTTP_VERBS


# Messages that personalise well first: they go to every user and carry per-user context.
QUICK_WIN_WORDS = ("welcome", "onboard", "digest", "remind", "trial", "renew", "invite", "nudge", "alert")


def quick_win_rank(tp: Touchpoint) -> int:
    text = f"{tp.symbol or ''} {tp.file}".lower()
    return next((i for i, word in enumerate(QUICK_WIN_WORDS) if word in text), len(QUICK_WIN_WORDS))


def channel_of(tp: Touchpoint) -> str:
    if tp.kind == Kind.EMAIL_SEND:
        return "email"
    if tp.kind == Kind.NOTIFICATION:
        return tp.channel or "other"
    if tp.kind in (Kind.UI_SURFACE, Kind.USER_CONTEXT, Kind.SEGMENTATION):
        return "in_app"
    return tp.channel or "email"


def language_of(tp: Touchpoint, default: Lang) -> Lang:
    if tp.file.endswith(".py") or tp.language == "python":
        return "py"
    if tp.file.endswith((".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs")):
        return "ts"
    return default


def with_article(phrase: str) -> str:
    """'invoice reminder' -> 'an invoice reminder'."""
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


_VERBS = {"send", "post", "notify", "deliver", "create", "dispatch", "queue", "enqueue", "push",
          "trigger", "handle", "build", "render", "get", "make", "generate", "do", "run"}
_NOISE = {"email", "mail", "sms", "message", "msg", "notification", "async", "fn", "handler", "slack",
          "webhook", "text", "twilio", "channel"}

def task_name(tp: Touchpoint) -> str:
    """`sendWelcomeEmail` -> 'welcome email'; `postWorkspaceAlert` -> 'workspace alert';
    a route handler (`GET` in app/api/cron/weekly-digest/route.ts) -> 'weekly digest email'."""
    source = (tp.symbol or "").split(".")[-1] if is_named_function(tp) else _path_words(tp.file)
    words = [w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", source)]
    core = [w for w in words if w not in _VERBS and w not in _NOISE]
    noun = {"email": "email", "sms": "text message", "slack": "Slack message", "push": "push notification",
            "in_app": "in-app message"}.get(channel_of(tp), "message")
    if tp.kind == Kind.UI_SURFACE:
        return " ".join(core or ["dashboard"]) + " insight"
    if tp.kind == Kind.SEGMENTATION:
        return "tailored in-app recommendation"
    if tp.kind == Kind.LLM_CALL:
        return " ".join(core or ["generated"]) + " output"
    return " ".join([*core, noun]) if core else noun


_PATH_NOISE = {"app", "api", "src", "route", "routes", "pages", "lib", "index", "server", "services",
               "cron", "jobs", "handlers", "controllers", "views", "ts", "tsx", "js", "py", "worker"}


def _path_words(path: str) -> str:
    """Meaningful words of a route's path: `app/api/invites/route.ts` -> 'invite'."""
    parts = re.split(r"[/._\-]+", path)
    words = [p for p in parts if p and not p.startswith("[") and p.lower() not in _PATH_NOISE]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)
