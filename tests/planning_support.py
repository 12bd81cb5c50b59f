"""Hand-built RepoScans for the planning-action tests (SCHEMA, PLAN, discovery).

Realistic shapes of what the scanner reports: a Next.js + Prisma SaaS app and a
Django + Celery one, each with data models, email/notification touchpoints, a
webhook, a scheduled job and an LLM call.
"""

from __future__ import annotations

from typing import Any

from personize_assistant.content.library import Library
from personize_assistant.content.loader import load_library
from personize_assistant.scan.models import ModelField, RepoScan, Stack, Touchpoint, touchpoint_id


def field(name: str, type_: str, nullable: bool | None = None, **extra: Any) -> ModelField:
    return ModelField(name=name, type=type_, nullable=nullable, **extra)


def tp(kind: str, file: str, line: int, symbol: str | None, evidence: str, surface: str,
       **extra: Any) -> Touchpoint:
    return Touchpoint(id=touchpoint_id(kind, file, symbol), kind=kind, file=file, line=line,
                      end_line=line + 5, symbol=symbol, evidence=evidence,
                      confidence=extra.pop("confidence", "high"), surface=surface, **extra)


def model(entity: str, file: str, line: int, fields: list[ModelField], framework: str) -> Touchpoint:
    return tp("data_model", file, line, entity, f"model {entity} {{", "web_app",
              entity=entity, fields=fields, framework=framework)


PLAN_ENUM = ["FREE", "STARTER", "PRO", "ENTERPRISE"]


def prisma_scan(root: str = "/work/repos/pulseboard-ts") -> RepoScan:
    schema = "prisma/schema.prisma"
    user = model("User", schema, 48, [
        field("id", "String", False, is_primary_key=True),
        field("email", "String", False, is_unique=True),
        field("name", "String?", True),
        field("jobTitle", "String?", True),
        field("timezone", "String", False),
        field("onboardedAt", "DateTime?", True),
        field("digestOptIn", "Boolean", False),
        field("passwordHash", "String?", True),
        field("createdAt", "DateTime", False),
        field("updatedAt", "DateTime", False),
        field("memberships", "Membership[]"),
    ], "prisma")
    workspace = model("Workspace", schema, 70, [
        field("id", "String", False, is_primary_key=True),
        field("name", "String", False),
        field("domain", "String?", True),
        field("employeeCount", "Int?", True),
        field("plan", "Plan", False, enum_values=PLAN_ENUM),
        field("slackChannelId", "String?", True),
        field("notes", "String?", True),
    ], "prisma")
    subscription = model("Subscription", schema, 95, [
        field("id", "String", False, is_primary_key=True),
        field("workspaceId", "String", False),
        field("workspace", "Workspace"),
        field("stripeCustomerId", "String", False),
        field("status", "SubscriptionStatus", False, enum_values=["TRIALING", "ACTIVE", "PAST_DUE", "CANCELED"]),
        field("seats", "Int", False),
        field("currentPeriodEnd", "DateTime?", True),
    ], "prisma")
    response = model("Response", schema, 140, [
        field("id", "String", False, is_primary_key=True),
        field("userId", "String", False),
        field("score", "Int", False),
        field("comment", "String?", True),
        field("tags", "String[]"),
    ], "prisma")
    api_token = model("ApiToken", schema, 170, [
        field("id", "String", False, is_primary_key=True),
        field("userId", "String", False),
        field("tokenHash", "String", False),
        field("expiresAt", "DateTime?", True),
    ], "prisma")
    return RepoScan(
        root=root,
        stack=Stack(languages={"typescript": 40}, frameworks=["nextjs", "prisma"],
                    dependencies={"@sendgrid/mail": "8.1.0", "openai": "4.0.0", "stripe": "14.0.0",
                                  "@slack/web-api": "7.0.0", "next": "14.2.0"},
                    package_managers=["npm"]),
        touchpoints=[
            user, workspace, subscription, response, api_token,
            tp("email_send", "src/lib/email.ts", 12, "sendWelcomeEmail",
               "await sgMail.send({ to: user.email, templateId: WELCOME })", "notifications",
               channel="email", provider="sendgrid", language="typescript"),
            tp("notification", "src/lib/slack.ts", 8, "postWorkspaceAlert",
               "await slack.chat.postMessage({ channel, text })", "notifications",
               channel="slack", provider="slack", language="typescript"),
            tp("webhook_handler", "app/api/webhooks/stripe/route.ts", 10, "POST",
               "stripe.webhooks.constructEvent(body, sig, secret)", "customer_success",
               provider="stripe", route="/api/webhooks/stripe", language="typescript"),
            tp("scheduled_job", "app/api/cron/digest/route.ts", 5, "GET",
               "export async function GET() {", "notifications", schedule="0 8 * * 1",
               provider="vercel", language="typescript"),
            tp("llm_call", "src/lib/ai.ts", 20, "summarizeResponses",
               "await openai.chat.completions.create({ model: 'gpt-4o', messages })", "web_app",
               provider="openai", language="typescript"),
            tp("ui_surface", "app/dashboard/page.tsx", 1, "DashboardPage",
               "export default function DashboardPage() {", "web_app", confidence="medium",
               language="typescript"),
            tp("segmentation", "src/lib/plan.ts", 4, "featuresFor",
               "if (workspace.plan === 'PRO') {", "web_app", language="typescript"),
        ],
    )


def django_scan(root: str = "/srv/tallybook-py") -> RepoScan:
    models_py = "tallybook/accounts/models.py"
    customer = model("Customer", models_py, 10, [
        field("id", "models.BigAutoField", False, is_primary_key=True),
        field("email", "models.EmailField", False, is_unique=True),
        field("full_name", "models.CharField", False),
        field("bio", "models.TextField", True),
        field("lifecycle_stage", "models.CharField", False, enum_values=["lead", "trial", "customer", "churned"]),
        field("monthly_spend", "models.DecimalField", True),
        field("is_active", "models.BooleanField", False),
        field("signed_up_at", "models.DateTimeField", False),
        field("preferences", "models.JSONField", True),
        field("api_key", "models.CharField", True),
        field("company", "models.ForeignKey(Company, on_delete=models.CASCADE)", True),
        field("updated_at", "models.DateTimeField", False),
    ], "django")
    company = model("Company", models_py, 40, [
        field("id", "models.BigAutoField", False, is_primary_key=True),
        field("name", "models.CharField", False),
        field("website", "models.URLField", True),
        field("industry", "models.CharField", True),
        field("seats", "models.PositiveIntegerField", False),
    ], "django")
    note = model("SupportNote", "tallybook/support/models.py", 5, [
        field("id", "models.BigAutoField", False, is_primary_key=True),
        field("customer", "models.ForeignKey('accounts.Customer', on_delete=models.CASCADE)", False),
        field("body", "models.TextField", False),
        field("created_at", "models.DateTimeField", False),
    ], "django")
    return RepoScan(
        root=root,
        stack=Stack(languages={"python": 55}, frameworks=["django", "celery"],
                    dependencies={"django": "5.0", "celery": "5.3", "twilio": "9.0", "anthropic": "2.1"},
                    package_managers=["pip"]),
        touchpoints=[
            customer, company, note,
            tp("email_send", "tallybook/accounts/emails.py", 22, "send_invoice_reminder",
               "send_mail(subject, body, FROM, [customer.email])", "notifications",
               channel="email", provider="django", language="python"),
            tp("notification", "tallybook/notify/sms.py", 9, "send_sms",
               "client.messages.create(to=customer.phone, body=text)", "notifications",
               channel="sms", provider="twilio", language="python"),
            tp("scheduled_job", "tallybook/tasks.py", 30, "nightly_digest",
               "@shared_task\ndef nightly_digest():", "notifications", provider="celery",
               schedule="0 2 * * *", language="python"),
            tp("llm_call", "tallybook/ai/summaries.py", 14, "summarize_account",
               "anthropic.messages.create(model=MODEL, messages=msgs)", "customer_success",
               provider="anthropic", language="python"),
        ],
    )


def planning_library() -> Library:
    """The shipped skill library (cached by the loader)."""
    return load_library()


def sqlalchemy_scan(root: str = "/srv/ledgerly-api") -> RepoScan:
    """A FastAPI service with SQLAlchemy 2.0 models and no job runner."""
    models_py = "ledgerly/models.py"
    member = model("Member", models_py, 12, [
        field("id", "Mapped[int]", False, is_primary_key=True),
        field("email", "Mapped[str]", False),
        field("full_name", "Mapped[Optional[str]]", True),
        field("tier", "Mapped[str]", False, enum_values=["basic", "plus"]),
        field("joined_at", "Mapped[datetime]", False),
    ], "sqlalchemy")
    ticket = model("Ticket", models_py, 40, [
        field("id", "Mapped[int]", False, is_primary_key=True),
        field("member_id", "Mapped[int]", False),
        field("subject", "Mapped[str]", False),
        field("body", "Text", False),
        field("status", "Mapped[str]", False),
    ], "sqlalchemy")
    return RepoScan(
        root=root,
        stack=Stack(languages={"python": 20}, frameworks=["fastapi", "sqlalchemy"],
                    dependencies={"fastapi": "0.111", "sqlalchemy": "2.0"}, package_managers=["pip"]),
        touchpoints=[
            member, ticket,
            tp("email_send", "ledgerly/mail.py", 8, "send_welcome", "smtp.send_message(msg)",
               "notifications", channel="email", provider="smtplib", language="python"),
            tp("user_context", "ledgerly/deps.py", 5, "get_current_member",
               "def get_current_member(token: str = Depends(oauth2)):", "web_app", language="python"),
        ],
    )
