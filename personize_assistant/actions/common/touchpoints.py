"""What every action says about one touchpoint: its channel, its language, the task it
performs in words, and whether it is a named function (a wrapper to WIRE) or a route."""

from __future__ import annotations

import re
from typing import Literal

from personize_assistant.scan.models import Kind, RepoScan, Touchpoint
from personize_assistant.scan.routes import HTTP_METHODS

Lang = Literal["ts", "py"]

HTTP_VERBS = HTTP_METHODS | {"handler", "default"}

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


# --------------------------------------------------------------------------- the one set

# Personize's own calls are what REVIEW audits and data models are what SCHEMA reads: neither
# is a place to personalise.
_NOT_PLACES = (Kind.DATA_MODEL, Kind.PERSONIZE_CALL)
# A CI schedule (`.github/workflows/stale.yml`) maintains the repo; it reaches users only
# when it names a message it sends.
_CI_FILE = re.compile(r"(^|/)(\.github|\.gitlab|\.circleci)/|(^|/)\.gitlab-ci\.ya?ml$")
_MESSAGE_WORDS = re.compile(r"mail|digest|notif|remind|newsletter|message|sms|push|slack|alert|summary", re.I)


def reaches_people(tp: Touchpoint) -> bool:
    """False for code that only talks to machines: outgoing webhooks, CI maintenance jobs."""
    if tp.kind == Kind.NOTIFICATION and tp.channel == "webhook_out":
        return False
    if tp.kind == Kind.SCHEDULED_JOB and _CI_FILE.search(tp.file):
        return _MESSAGE_WORDS.search(f"{tp.symbol or ''} {tp.file}") is not None
    return True


def place_groups(scan: RepoScan) -> list[list[Touchpoint]]:
    """The places to personalise, each as the touchpoints that make it up: one per kind, file
    and function (several sends in one function are one place), skipping places that only
    call another touchpoint's wrapper. PROPOSE, PLAN, REVIEW and the conversation all count
    and rank from this one set, so they agree on the number."""
    groups: dict[tuple[str, str, str], list[Touchpoint]] = {}
    for tp in scan.touchpoints:
        if tp.kind not in _NOT_PLACES and reaches_people(tp):
            key = (tp.kind.value, tp.file, tp.symbol or f"line {tp.line}")
            groups.setdefault(key, []).append(tp)
    return [g for g in groups.values() if any(t.wraps is None for t in g)]


def places(scan: RepoScan) -> list[Touchpoint]:
    """The first touchpoint of each place (`place_groups`), in scan order."""
    return [min(g, key=lambda t: t.line) for g in place_groups(scan)]
