"""Fixture apps (one per supported framework) and the wiring cases the other wire tests use.

Each fixture is a tiny but realistic app written to a temp dir; each case names a
touchpoint in it the way the scanner reports it. The example apps under `examples/` add
their own cases. Tests here cover pattern choice and `wire --list`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from personize_assistant.actions.common.discovery import Discovery
from personize_assistant.actions.common.schema_decisions import EntityDecision, SchemaDecisions
from personize_assistant.actions.wire.action import WireOptions, wire, wireable
from personize_assistant.actions.wire.artifact import WireArtifact
from personize_assistant.actions.wire.library import WireRules
from personize_assistant.errors import UsageError
from personize_assistant.scan.models import Kind, RepoScan, Touchpoint, touchpoint_id

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

TS_APPS: dict[str, dict[str, str]] = {
    "express": {
        "package.json": '{"name": "express-fixture", "type": "commonjs"}\n',
        "src/logger.ts": "export const logger = { warn: (m: string) => console.warn(m) };\n",
        "src/mailer.ts": """import { logger } from './logger';

export const sendWelcome = async (to: string, subject: string, html: string): Promise<void> => {
  logger.warn(`sending ${subject} to ${to} (${html.length} chars)`);
};
""",
        "src/server.ts": """import express, { NextFunction, Request, Response } from 'express';

export const app = express();

/** Puts the caller on req.user. */
export function requireUser(req: Request, res: Response, next: NextFunction) {
  const email = req.header('x-user-email');
  if (!email) return res.status(401).end();
  Object.assign(req, { user: { email } });
  return next();
}

app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), async (req: Request, res: Response) => {
  if (!req.header('stripe-signature')) return res.status(400).end();
  return res.status(200).end();
});
""",
    },
    "fastify": {
        "package.json": '{"name": "fastify-fixture"}\n',
        "src/index.ts": """import fastify, { FastifyReply, FastifyRequest } from 'fastify';

const server = fastify();

server.post('/hooks/crm', async (request: FastifyRequest, reply: FastifyReply) => {
  return reply.code(204).send();
});
""",
    },
    "nextjs": {
        "package.json": '{"name": "next-fixture", "dependencies": {"next": "14.2.3"}}\n',
        "app/api/webhooks/clerk/route.ts": """export async function POST(req: Request): Promise<Response> {
  const event = (await req.json()) as { type?: string };
  return Response.json({ received: event.type ?? 'unknown' });
}
""",
        "app/api/webhooks/github/route.ts": """export async function POST(req: Request) {
  if (!req.headers.get('x-hub-signature-256')) return;
  return Response.json({ received: true });
}
""",
        "lib/session.ts": """export type SessionUser = { id: string; email: string; name: string | null };

/** The signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  return { id: 'u1', email: 'ana@example.com', name: 'Ana' };
}
""",
    },
    "node": {
        "package.json": '{"name": "node-fixture", "type": "module"}\n',
        "tsconfig.json": '{"compilerOptions": {"module": "NodeNext", "moduleResolution": "NodeNext"}}\n',
        "src/util.ts": "export const channelName = 'ops';\n",
        "src/notify.ts": """import { channelName } from './util.js';

export class Notifier {
  private sent = 0;

  /** Push a short notice to one user. */
  async notifyUser(userEmail: string, title: string, body: string): Promise<boolean> {
    this.sent += 1;
    return title.length + body.length > 0 && channelName.length > 0 && userEmail.includes('@');
  }
}
""",
        "src/cron.ts": """import cron from 'node-cron';
import { Notifier } from './notify.js';

export function startJobs() {
  cron.schedule('*/5 * * * *', async () => {
    await new Notifier().notifyUser('ana@example.com', 'Tick', 'Five more minutes of uptime.');
  });
}
""",
        "src/report.ts": """import { channelName } from "./util.js"

export async function sendReport(to: string, subject: string, text: string): Promise<void> {
    console.log(channelName, to, subject, text.length)
}
""",
        "src/analytics.ts": """export function track(email: string, event: string, props: Record<string, unknown> = {}): void {
  console.log(email, event, Object.keys(props).length);
}
""",
    },
}

PY_APPS: dict[str, dict[str, str]] = {
    "flask": {
        "app.py": '''from flask import Flask, request

app = Flask(__name__)


@app.post("/webhooks/github")
def github_webhook():
    if not request.headers.get("X-Hub-Signature-256"):
        return "missing signature", 400
    return "", 204
''',
        "notify.py": '''def send_sms(to: str, body: str) -> str:
    """Texts one person; returns the provider message id."""
    return f"SM-{len(body)}-{to[-4:]}"
''',
    },
    "fastapi": {
        "api/__init__.py": "",
        "api/routes.py": '''from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter()


class CrmEvent(BaseModel):
    type: str
    email: str


@router.post("/hooks/crm")
async def crm_hook(event: CrmEvent) -> dict[str, bool]:
    return {"ok": bool(event.type)}
''',
        "api/deps.py": '''from fastapi import Header, HTTPException
from pydantic import BaseModel


class Member(BaseModel):
    email: str


def current_member(x_member_email: str = Header("")) -> Member:
    if not x_member_email:
        raise HTTPException(401, "who are you?")
    return Member(email=x_member_email)
''',
        "api/email.py": '''import logging

logger = logging.getLogger(__name__)


async def send_email(to: str, subject: str, html: str) -> None:
    logger.info("sending %s to %s (%d chars)", subject, to, len(html))
''',
    },
    "django": {
        "shop/__init__.py": "",
        "shop/views.py": '''from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def paddle_webhook(request):
    if not request.body:
        return HttpResponse(status=400)
    return HttpResponse(status=200)
''',
        "shop/middleware.py": '''class CustomerMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.customer = getattr(request, "user", None)
        return self.get_response(request)
''',
    },
    "python": {
        "jobs/__init__.py": "",
        "jobs/digest.py": '''from .delivery import deliver


def send_digest(recipient: str, subject: str, text: str) -> bool:
    return deliver(recipient, subject, text)


def run_daily() -> int:
    return int(send_digest("ops@example.com", "Daily digest", "All good."))


def track(user, event: str, **properties) -> None:
    print(getattr(user, "email", user), event, properties)
''',
        "jobs/delivery.py": '''def deliver(recipient: str, subject: str, text: str) -> bool:
    return bool(recipient and subject and text)
''',
    },
}


@dataclass(frozen=True)
class Case:
    app: str
    kind: Kind
    file: str
    line: int
    symbol: str | None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.app}:{self.file}:{self.symbol or self.line}"

    def touchpoint(self) -> Touchpoint:
        return Touchpoint(
            id=touchpoint_id(self.kind, self.file, self.symbol, str(self.line)),
            kind=self.kind,
            file=self.file,
            line=self.line,
            end_line=self.line,
            symbol=self.symbol,
            evidence="(fixture)",
            confidence="high",
            surface="notifications",
            **self.extra,
        )


E, N, W, U, S, T = (
    Kind.EMAIL_SEND,
    Kind.NOTIFICATION,
    Kind.WEBHOOK_HANDLER,
    Kind.USER_CONTEXT,
    Kind.SCHEDULED_JOB,
    Kind.EVENT_TRACKING,
)

TS_CASES = [
    Case("express", E, "src/mailer.ts", 3, "sendWelcome", {"channel": "email", "provider": "resend"}),
    Case("express", U, "src/server.ts", 6, "requireUser"),
    Case("express", W, "src/server.ts", 13, None, {"provider": "stripe", "route": "/webhooks/stripe"}),
    Case("fastify", W, "src/index.ts", 5, None, {"provider": "hubspot", "route": "/hooks/crm", "framework": "fastify"}),
    Case("nextjs", W, "app/api/webhooks/clerk/route.ts", 1, "POST", {"provider": "clerk"}),
    # Ends without a response on one path: the wrapper's `Response | undefined` must type-check.
    Case("nextjs", W, "app/api/webhooks/github/route.ts", 1, "POST", {"provider": "github"}),
    Case("nextjs", U, "lib/session.ts", 4, "getSessionUser"),
    Case("node", N, "src/notify.ts", 7, "Notifier.notifyUser", {"channel": "push"}),
    Case("node", S, "src/cron.ts", 5, None, {"schedule": "*/5 * * * *"}),
    Case("node", T, "src/analytics.ts", 1, "track", {"provider": "segment"}),
    Case("node", E, "src/report.ts", 3, "sendReport", {"channel": "email", "provider": "postmark"}),
]

PY_CASES = [
    Case("flask", W, "app.py", 7, "github_webhook", {"provider": "github", "route": "/webhooks/github"}),
    Case("flask", N, "notify.py", 1, "send_sms", {"channel": "sms", "provider": "twilio"}),
    Case("fastapi", W, "api/routes.py", 13, "crm_hook", {"route": "/hooks/crm"}),
    Case("fastapi", E, "api/email.py", 6, "send_email", {"channel": "email"}),
    Case("fastapi", U, "api/deps.py", 9, "current_member"),
    Case("django", W, "shop/views.py", 6, "paddle_webhook", {"provider": "paddle"}),
    Case("django", U, "shop/middleware.py", 5, "CustomerMiddleware.__call__"),
    Case("python", E, "jobs/digest.py", 4, "send_digest", {"channel": "email"}),
    Case("python", S, "jobs/digest.py", 8, "run_daily", {"schedule": "0 6 * * *"}),
    Case("python", T, "jobs/digest.py", 12, "track", {"provider": "posthog"}),
]

EXAMPLE_TS_CASES = [
    Case("pulseboard-ts", E, "src/lib/email/send.ts", 22, "sendEmail", {"channel": "email", "provider": "resend"}),
    Case("pulseboard-ts", E, "src/lib/email/mailer-service.ts", 9, "MailerService.sendInvite", {"channel": "email"}),
    Case("pulseboard-ts", N, "src/lib/notify/sms.ts", 5, "sendSms", {"channel": "sms", "provider": "twilio"}),
    Case("pulseboard-ts", T, "src/lib/analytics/posthog.ts", 12, "track", {"provider": "posthog"}),
    Case("pulseboard-ts", U, "src/lib/auth.ts", 34, "getCurrentUser"),
    Case("pulseboard-ts", U, "services/worker/src/middleware/auth.ts", 17, "authenticate"),
    Case("pulseboard-ts", S, "services/worker/src/jobs/index.ts", 6, None, {"schedule": "0 9 * * 1"}),
    Case("pulseboard-ts", S, "app/api/cron/weekly-digest/route.ts", 7, "GET", {"schedule": "0 8 * * 1"}),
    Case("pulseboard-ts", W, "services/worker/src/routes/hooks.ts", 18, None, {"provider": "hubspot", "route": "/webhooks/hubspot"}),
    Case("pulseboard-ts", W, "app/api/webhooks/stripe/route.ts", 8, "POST", {"provider": "stripe"}),
]

EXAMPLE_PY_CASES = [
    Case("tallybook-py", E, "notifications/email.py", 23, "send_templated_email", {"channel": "email"}),
    Case("tallybook-py", N, "notifications/dispatch.py", 12, "notify", {"channel": "other"}),
    Case("tallybook-py", N, "notifications/transports.py", 34, "send_sms", {"channel": "sms", "provider": "twilio"}),
    Case("tallybook-py", T, "notifications/analytics.py", 7, "track", {"provider": "posthog"}),
    Case("tallybook-py", W, "billing/views.py", 32, "stripe_webhook", {"provider": "stripe"}),
    Case("tallybook-py", W, "services/bankfeed/app/routes/webhooks.py", 27, "receive_bank_event", {"route": "/webhooks/bank-events"}),
    Case("tallybook-py", U, "accounts/middleware.py", 13, "CurrentAccountMiddleware.process_request"),
    Case("tallybook-py", U, "services/bankfeed/app/deps.py", 14, "get_current_user"),
    Case("tallybook-py", U, "accounts/context_processors.py", 4, "current_plan", {"framework": "django"}),
    Case("tallybook-py", S, "invoices/tasks.py", 14, "send_overdue_reminders", {"schedule": "30 9 * * *"}),
    Case("tallybook-py", S, "invoices/management/commands/send_weekly_summary.py", 21, "Command.handle"),
]


# Sends with no person to write for: a Slack channel post, a push to a device token. They
# are listed by `wire --list` with that reason, never wired (nothing to personalize from or
# remember against).
NO_RECIPIENT_CASES = [
    Case("pulseboard-ts", N, "src/lib/notify/slack.ts", 6, "postToSlackChannel", {"channel": "slack", "provider": "slack"}),
    Case("tallybook-py", N, "notifications/transports.py", 39, "send_push", {"channel": "push", "provider": "fcm"}),
    Case("tallybook-py", N, "notifications/transports.py", 25, "post_to_slack", {"channel": "slack", "provider": "slack"}),
]


@dataclass(frozen=True)
class ModelCase:
    """A data model in an example app, found by the real scanner (fields and all)."""

    app: str
    entity: str
    file: str
    decided: bool = False
    """Synced only when the answers name it an entity (the default schema leaves it out)."""

    @property
    def name(self) -> str:
        return f"{self.app}:{self.file}:{self.entity}"


MODEL_TS_CASES = [
    ModelCase("pulseboard-ts", "User", "prisma/schema.prisma"),
    ModelCase("pulseboard-ts", "Contact", "prisma/schema.prisma"),
]
MODEL_PY_CASES = [
    ModelCase("tallybook-py", "User", "accounts/models.py"),
    ModelCase("tallybook-py", "Client", "invoices/models.py"),
    ModelCase("tallybook-py", "BankUser", "services/bankfeed/app/models.py", decided=True),
]


def wire_model(case: ModelCase, root: Path, rules: WireRules) -> WireArtifact:
    from personize_assistant.scan import scan_repo

    scan = scan_repo(root, use_cache=False)
    tp = next(t for t in scan.by_kind(Kind.DATA_MODEL) if t.entity == case.entity and t.file == case.file)
    decisions = SchemaDecisions(entities=[EntityDecision(model=case.entity, type="contact")])
    discovery = Discovery(schema_decisions=decisions) if case.decided else None
    return wire(scan, WireOptions(touchpoint_id=tp.id, discovery=discovery), rules)


def write_app(files: dict[str, str], root: Path) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def materialize(app: str, root: Path) -> Path:
    """A fresh copy of fixture or example `app` under `root`."""
    if app in TS_APPS or app in PY_APPS:
        return write_app({**TS_APPS, **PY_APPS}[app], root)
    shutil.copytree(
        EXAMPLES / app,
        root,
        ignore=shutil.ignore_patterns("node_modules", "__pycache__"),
        dirs_exist_ok=True,
    )
    return root


def scan_for(root: Path, cases: list[Case], full: bool = False) -> RepoScan:
    """The cases' touchpoints; with `full`, joined by everything the real scanner finds in
    the app (what a job calls, the sends around a function)."""
    touchpoints = [c.touchpoint() for c in cases]
    if not full:
        return RepoScan(root=str(root), touchpoints=touchpoints)
    from personize_assistant.scan import scan_repo

    scan = scan_repo(root, use_cache=False)
    known = {t.id for t in touchpoints}
    return scan.model_copy(update={"touchpoints": touchpoints + [t for t in scan.touchpoints if t.id not in known]})


def app_cases(case: Case) -> list[Case]:
    """`case` first, then every other case named in the same app."""
    every = TS_CASES + PY_CASES + EXAMPLE_TS_CASES + EXAMPLE_PY_CASES + NO_RECIPIENT_CASES
    return [case, *(c for c in every if c.app == case.app and c != case)]


def wire_case(case: Case, root: Path, rules: WireRules, **options: Any) -> WireArtifact:
    """A scheduled job is wired on its whole app's scan: it is ready only when it reaches a
    send, which a one-touchpoint scan never shows."""
    tp = case.touchpoint()
    scan = scan_for(root, app_cases(case), full=True) if case.kind == Kind.SCHEDULED_JOB else scan_for(root, [case])
    return wire(scan, WireOptions(touchpoint_id=tp.id, **options), rules)


@pytest.fixture(scope="session")
def rules() -> WireRules:
    from personize_assistant.actions.wire.action import load_rules

    return load_rules()


# --------------------------------------------------------------------------- tests


def test_every_fixture_case_gets_the_pattern_of_its_kind(tmp_path: Path, rules: WireRules) -> None:
    expected = {E: "wrap", N: "wrap", W: "webhook_pipeline", U: "middleware", S: "cron_generate_deliver", T: "event_mirror"}
    for index, case in enumerate(TS_CASES + PY_CASES):
        root = materialize(case.app, tmp_path / f"{index}")
        artifact = wire_case(case, root, rules)
        assert artifact.pattern == expected[case.kind], case.name
        assert artifact.trigger, case.name
        assert {c.id for c in artifact.constraints} >= {c.id for c in rules.wire.constraints}


def test_list_shows_only_wireable_touchpoints_with_their_pattern(tmp_path: Path) -> None:
    root = materialize("express", tmp_path)
    data_model = Case("express", Kind.DATA_MODEL, "prisma/schema.prisma", 1, "User")
    segmentation = Case("express", Kind.SEGMENTATION, "src/server.ts", 7, "requireUser")
    scan = scan_for(root, [TS_CASES[0], data_model, segmentation])
    listed = wireable(scan)
    assert [(c.touchpoint_id, c.pattern, c.language) for c in listed] == [
        (TS_CASES[0].touchpoint().id, "wrap", "ts")
    ]


def test_language_mismatch_and_unknown_id_are_one_line_errors(tmp_path: Path, rules: WireRules) -> None:
    from personize_assistant.errors import UsageError

    root = materialize("express", tmp_path)
    with pytest.raises(UsageError, match="--lang py cannot wire it"):
        wire_case(TS_CASES[0], root, rules, language="py")
    with pytest.raises(UsageError, match="no touchpoint tp_missing"):
        wire(scan_for(root, TS_CASES[:1]), WireOptions(touchpoint_id="tp_missing"), rules)


def test_a_function_without_content_points_at_what_to_wire_instead(tmp_path: Path, rules: WireRules) -> None:
    from personize_assistant.errors import UsageError

    root = materialize("pulseboard-ts", tmp_path)
    digest = Case("pulseboard-ts", E, "src/lib/digest.ts", 35, "sendWeeklyDigest", {"channel": "email"})
    send = EXAMPLE_TS_CASES[0]
    scan = scan_for(root, [digest, send])
    with pytest.raises(UsageError, match=rf"wire sendEmail instead \({send.touchpoint().id}"):
        wire(scan, WireOptions(touchpoint_id=digest.touchpoint().id), rules)


def test_client_components_are_never_wired(tmp_path: Path, rules: WireRules) -> None:
    from personize_assistant.errors import UsageError

    files = {"src/Banner.tsx": "'use client';\nexport function Banner(props: { email: string }) {\n  return null;\n}\n"}
    root = write_app(files, tmp_path)
    case = Case("client", T, "src/Banner.tsx", 2, "Banner", {"provider": "posthog"})
    with pytest.raises(UsageError, match="client-side code"):
        wire_case(case, root, rules)


def test_a_class_symbol_wires_the_method_the_framework_calls(tmp_path: Path, rules: WireRules) -> None:
    root = materialize("tallybook-py", tmp_path)
    case = Case("tallybook-py", S, "invoices/management/commands/send_weekly_summary.py", 14, "Command", {"schedule": "0 7 * * 1"})
    artifact = wire_case(case, root, rules)
    assert "def handle(self, *args, dry_run=False, **options):" in "\n".join(artifact.edits[0].hunks[-1].lines)


def test_data_model_sync_reuses_the_schema_mapping(tmp_path: Path, rules: WireRules) -> None:
    root = materialize("pulseboard-ts", tmp_path / "pulseboard")
    artifact = wire_model(MODEL_TS_CASES[0], root, rules)
    assert artifact.pattern == "data_sync" and artifact.edits == []
    (script,) = artifact.files_created
    assert script.path == "scripts/personize-sync-user.ts"
    assert artifact.field_mapping["job_title"] == "jobTitle"
    assert "job_title: { sourceField: 'jobTitle', extractMemories: true }" in script.content
    assert "email: { sourceField: 'email', extractMemories: false }" in script.content
    assert "const COLLECTION = 'Pulseboard Users';" in script.content


def test_models_keyed_through_an_owner_are_refused_with_the_reason(tmp_path: Path, rules: WireRules) -> None:
    from personize_assistant.errors import UsageError

    root = materialize("pulseboard-ts", tmp_path)
    with pytest.raises(UsageError, match=r"record of Contact: its rows roll up onto Contact's collection"):
        wire_model(ModelCase("pulseboard-ts", "Response", "prisma/schema.prisma"), root, rules)


def test_patterns_come_from_the_library(rules: WireRules) -> None:
    chosen = {kind: rules.pattern_for(kind) for kind in (E, N, W, U, S, T, Kind.DATA_MODEL, Kind.SEGMENTATION)}
    assert chosen == {
        E: "wrap",
        N: "wrap",
        W: "webhook_pipeline",
        U: "middleware",
        S: "cron_generate_deliver",
        T: "event_mirror",
        Kind.DATA_MODEL: "data_sync",
        Kind.SEGMENTATION: None,
    }
    # Dropping the pattern from the library drops it from WIRE.
    without_middleware = rules.wire.model_copy(
        update={"patterns": [p for p in rules.wire.patterns if p.id != "middleware"]}
    )
    assert WireRules(wire=without_middleware, generate=rules.generate).pattern_for(U) is None


def test_generated_typescript_follows_the_file_style(tmp_path: Path, rules: WireRules) -> None:
    case = next(c for c in TS_CASES if c.symbol == "sendReport")
    root = materialize(case.app, tmp_path)
    hunk_lines = [line[1:] for hunk in wire_case(case, root, rules).edits[0].hunks for line in hunk.lines if line.startswith("+")]
    added = "\n".join(hunk_lines)
    assert 'import { personalizeMessage, rememberDelivery } from "./personize-wiring.js"' in added
    assert "    const personalized = await personalizeMessage({" in added
    assert "        channel: \"email\"," in added and "'" not in added
    assert "    return outcome\n" in added + "\n" and not any(line.endswith(";") for line in hunk_lines)


def test_views_are_not_wrapped_as_if_they_were_helpers(tmp_path: Path, rules: WireRules) -> None:
    from personize_assistant.errors import UsageError

    root = materialize("tallybook-py", tmp_path)
    view = Case("tallybook-py", T, "accounts/views.py", 31, "signup", {"provider": "posthog"})
    helper = next(c for c in EXAMPLE_PY_CASES if c.file == "notifications/analytics.py")
    scan = scan_for(root, [view, helper])
    with pytest.raises(UsageError, match=rf"request handler, not the event function; wire track instead \({helper.touchpoint().id}"):
        wire(scan, WireOptions(touchpoint_id=view.touchpoint().id), rules)


@pytest.mark.parametrize("case", NO_RECIPIENT_CASES, ids=lambda c: f"{c.app}:{c.symbol}")
def test_a_send_with_no_person_is_not_wired(case: Case, tmp_path: Path, rules: WireRules) -> None:
    root = materialize(case.app, tmp_path)
    with pytest.raises(UsageError, match=f"{case.symbol} has no recipient among its parameters"):
        wire_case(case, root, rules)
