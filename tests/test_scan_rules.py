"""The scanner's vocabularies, ORM tables and secret-field names are data (scan/*.yaml).

They load and validate, a broken rule names its file, every user of "secret field" asks
the one definition, and no rule file names an application's own identifiers (rules
tuned on an app's names would score well on that app and nowhere else).
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from personize_assistant.actions.common.entities import role_of
from personize_assistant.redact import REDACTED, redact
from personize_assistant.scan.catalog import rule_files
from personize_assistant.scan.rules import (
    BusRules,
    ConventionRules,
    HandlerRules,
    ModelRules,
    PeopleRules,
    RuleError,
    SecretRules,
    SenderRules,
    handlers,
    models,
    parse_rules,
    people,
    secrets,
    senders,
)
from personize_assistant.scan.secrets import is_credential_column, is_secret_name, snake

REPO = Path(__file__).resolve().parents[1]
SCAN = files("personize_assistant.scan")
RULE_MODELS = {
    "senders.yaml": SenderRules,
    "people.yaml": PeopleRules,
    "handlers.yaml": HandlerRules,
    "models.yaml": ModelRules,
    "secrets.yaml": SecretRules,
    "conventions.yaml": ConventionRules,
    "buses.yaml": BusRules,
}


# --- loading -------------------------------------------------------------------------------


def test_every_rule_file_loads_and_is_hashed_into_the_cache_version() -> None:
    assert senders().kind_words["email_send"] and people().user_words and handlers().route_decorators
    assert {orm.framework for orm in models().orms} >= {"django", "sqlalchemy", "sequelize"}
    assert secrets().secret_names
    assert set(RULE_MODELS) | {"catalog.yaml"} <= set(rule_files())


@pytest.mark.parametrize("name", sorted(RULE_MODELS))
def test_a_bad_regex_names_the_file_and_the_rule(name: str) -> None:
    text = SCAN.joinpath(name).read_text(encoding="utf-8")
    key = _first_pattern_key(text)
    broken = re.sub(rf"(?m)^({key}:).*$", r"\1 '(unclosed'", text, count=1)
    with pytest.raises(RuleError, match=rf"scan/{re.escape(name)}: {key}"):
        parse_rules(name, broken, RULE_MODELS[name])


def test_an_unknown_or_missing_rule_names_the_file() -> None:
    text = SCAN.joinpath("people.yaml").read_text(encoding="utf-8")
    with pytest.raises(RuleError, match=r"scan/people.yaml: ui_names: Extra inputs"):
        parse_rules("people.yaml", text + "ui_names: 'x'\n", PeopleRules)
    without = re.sub(r"(?m)^user_words:.*\n", "", text)
    with pytest.raises(RuleError, match=r"scan/people.yaml: user_words: Field required"):
        parse_rules("people.yaml", without, PeopleRules)
    with pytest.raises(RuleError, match=r"scan/people.yaml: not valid YAML"):
        parse_rules("people.yaml", "denial: [unclosed", PeopleRules)


def test_a_yaml_boolean_is_not_taken_for_a_word() -> None:
    """`on` unquoted is YAML's true: the loader must refuse it rather than drop the word."""
    text = SCAN.joinpath("senders.yaml").read_text(encoding="utf-8")
    broken = text.replace('hook_prefixes: [after, before, "on",', "hook_prefixes: [after, before, on,", 1)
    assert broken != text
    with pytest.raises(RuleError, match="hook_prefixes"):
        parse_rules("senders.yaml", broken, SenderRules)


def _first_pattern_key(text: str) -> str:
    match = re.search(r"(?m)^(\w+): '", text)
    assert match is not None
    return match.group(1)


# --- one secret-field definition ---------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["password", "passwordHash", "api_key", "accessToken", "stripe_secret", "otp_code", "resetToken",
     "DATABASE_PASSWORD", "cardNumber", "ssn", "client_secret", "refresh_token", "ciphertext", "keyHash"],
)
def test_secret_names(name: str) -> None:
    assert is_secret_name(name)


@pytest.mark.parametrize("name", ["email", "plan", "tokens_used", "company_name", "description", "hashtag",
                                  "passage", "stripe_customer_status", "content_hash"])
def test_names_that_are_not_secret(name: str) -> None:
    assert not is_secret_name(name)


def test_snake_spells_every_convention_alike() -> None:
    assert {snake(n) for n in ("resetToken", "ResetToken", "reset-token", "RESET_TOKEN", "reset token")} == {"reset_token"}
    assert snake("APIKey") == "api_key"


def test_credential_tables_also_hold_bookkeeping_that_is_no_secret() -> None:
    """An OAuth account row (`provider`, `scope`, `token_type`) holds nothing about a person,
    though `scope` alone is no secret: the scanner's wider test, not SCHEMA's."""
    for column in ("scope", "provider", "token_type", "expires", "session_state"):
        assert is_credential_column(column) and not is_secret_name(column), column
    assert not is_credential_column("email")


def test_redaction_masks_exactly_the_secret_names() -> None:
    assert redact('card_number = "4242424242424242"') == f'card_number = "{REDACTED}"'
    assert redact('"clientSecret": "abcd1234efgh"') == f'"clientSecret": "{REDACTED}"'
    for kept in ('company_name = "Acme Widgets"', '"primaryLocationLineHash": "cd8a41f5d73eac34:1"'):
        assert redact(kept) == kept


def test_schema_roles_read_the_model_vocabulary() -> None:
    person = sorted(models().person_words)[0]
    organization = sorted(models().organization_words)[0]
    assert role_of(f"Billing{person.capitalize()}") == "person"
    assert role_of(organization.capitalize()) == "organization"
    assert role_of("Invoice") == "record"


# --- no application identifiers in the rules ---------------------------------------------

# Names that are labelled symbols in some benchmark app and also legitimately appear in the
# rules because they are library/framework API names or plain English the rules need.
ALLOWED: dict[str, str] = {
    "POST": "HTTP verb and the Next.js route-handler export",
    "View": "Django's class-based view base class",
    "handle": "Django management command entry point (`def handle`)",
    "identify": "analytics API (Segment/PostHog/Mixpanel `identify`)",
    "sendMessage": "Telegram Bot API method and Slack/Discord client API name",
    "add": "Set/queue API (`queue.add`, bull) and a verb that makes rows",
    "after": "lifecycle-hook prefix (`after_save`)",
    "capture": "PostHog's API (`posthog.capture`)",
    "chatCompletion": "Hugging Face inference API",
    "close": "emitter/stream API name, never an event",
    "create": "ORM and SDK API (`objects.create`, `messages.create`)",
    "create_notification": "OneSignal's Python API",
    "dashboard": "generic screen word for UI surfaces",
    "delete": "HTTP verb and ORM API",
    "dispatch": "generic delivery verb, Django's view entry point",
    "get": "HTTP verb and accessor API",
    "handler": "framework entry-point name (`export const handler`)",
    "hooks": "Slack's webhook host (`hooks.slack.com`)",
    "index": "file stem that names no provider (`index.ts`)",
    "invite": "generic delivery word (`invite_token` is a secret)",
    "make": "generic verb (`make_notification`) and the Make.com integration step",
    "post": "HTTP verb and delivery method",
    "Post": "NestJS route decorator (`@Post()`)",
    "process": "generic entry-point name",
    "put": "HTTP verb and queue API (`queue.put`)",
    "run": "job entry point and subprocess API",
    "save": "ORM API (`model.save`)",
    "scheduleJob": "node-schedule's API",
    "send": "the delivery method of most SDKs",
    "sendEmail": "AWS SES's API",
    "sendNotification": "web-push's API",
    "sendRawEmail": "AWS SES's API",
    "sendResetPassword": "better-auth's email hook (`emailAndPassword.sendResetPassword`)",
    "sendVerificationOTP": "better-auth's emailOTP hook and server API (`auth.api.sendVerificationOTP`)",
    "send_email": "boto3 SES's API",
    "send_message": "smtplib/Telegram/fastapi-mail API",
    "send_notification": "APNs clients' API",
    "session": "credential-table word (`session_token`, NextAuth `Session`)",
    "Session": "credential-table model name (NextAuth, Django sessions)",
    "done": "django-formtools wizard API (`WizardView.done`)",
    "form_valid": "Django generic-view API (`FormMixin.form_valid`)",
    "submit": "executor API (`executor.submit`)",
    "track": "Segment/Mixpanel API (`analytics.track`)",
    "trigger": "Novu/Pusher API (`novu.trigger`)",
    "update": "ORM API and lifecycle-hook event",
    "useAuth": "Clerk's React hook",
    "user": "generic person word (`request.user`)",
    "Notification": "the in-app notification model shape (`\\w*Notification`)",
    "Analytics": "Vercel Analytics' React component (`<Analytics />`)",
    "sendVerificationEmail": "better-auth option (`emailVerification.sendVerificationEmail`)",
    "sendInvitationEmail": "better-auth organization plugin option",
    "sendVerificationRequest": "next-auth EmailProvider option",
    "Apprise": "the apprise notification library (`apprise.Apprise().notify`)",
    "Webhook": "generic delivery word (`\\w*Webhook` destination classes)",
    "webhook": "generic delivery word",
    "GET": "HTTP verb and the Next.js route-handler export",
    "patch": "HTTP verb (`requests.patch`, `router.patch`)",
    "generateObject": "Vercel AI SDK's API (`ai.generateObject`)",
    "notifications": "generic delivery word (`notifications` tables and modules)",
    "destroy": "CRUD verb (DRF `destroy`, Sequelize `destroy`)",
    "Contact": "the Personize entity a person maps to (SCHEMA's roles)",
    "Document": "ODM base class (beanie/mongoengine `Document`)",
    "shutdown": "analytics client lifecycle call (`posthog.shutdown`), never an event",
    "EmailMessage": "Django's mail class (`django.core.mail.EmailMessage`)",
    "sendTransactionalEmail": "Loops' API (`loops.sendTransactionalEmail`)",
    "trackEvent": "Plausible's API (`plausible.trackEvent`) and the word-split example",
    "forward": "generic delivery verb (forwarding mail or an event)",
    "draft": "generic delivery/LLM verb (drafting a reply)",
    "reply": "generic delivery verb",
    "summarise": "generic LLM verb",
    "Premium": "plan-tier word in the segmentation vocabulary (`isPremium`)",
    "notification": "generic delivery word (event types, tables, modules)",
    "Provider": "node-apn's class (`apn.Provider.send`)",
    "Server": "socket.io's class (`Server.to().emit`)",
    "inbox": "generic in-app delivery word (socket.io rooms, inbox tables)",
    "loader": "generic word (the gtag loader script)",
    "page": "generic word (page globals, page views)",
    "documents": "generic example word in an RPC route name (`documents.list`)",
    "suggest": "generic verb of a scheduling tool, never a delivery",
    "feedback": "generic record word (a feedback table is a record about a person)",
    "workspace": "generic organisation word (SCHEMA's company)",
    "viewer": "generic person word (GraphQL `viewer`, the signed-in user)",
    "invitation": "generic delivery word (an invitation email)",
    "complete": "LLM API verb (`llm.complete`, completions)",
    "Command": "AWS SDK v3's command class suffix (`client.send(new SendEmailCommand())`)",
    "Email": "AWS SDK v3 SES command names (`Send*Email*Command`)",
    "webhooks": "generic delivery word (route segment)",
    "alert": "generic notification word",
    "email": "generic delivery word",
    "embed": "OpenAI/AI SDK API (`embed`, `embeddings`)",
    "generateText": "Vercel AI SDK API",
    "github": "GitHub as a webhook sender (route and header vocabulary)",
    "init": "analytics SDK API (`posthog.init`)",
    "login": "generic auth-event word",
    "notify": "generic delivery verb",
    "publish": "queue/pub-sub API verb",
    "request": "HTTP client API (`requests.request`)",
    "resend": "the Resend email API (package name)",
    "schedule": "scheduler API (`node-cron` `cron.schedule`, `schedule.every`)",
    "sendMail": "nodemailer API",
    "sendTemplatedEmail": "AWS SES API (`SendTemplatedEmail`)",
    "send_mail": "Django mail API",
    "sendmail": "smtplib API (`SMTP.sendmail`)",
    "slack": "Slack as a provider (package and host vocabulary)",
    "teams": "Microsoft Teams as a channel word",
    "action": "generic handler word (`action` in route handlers)",
    "register": "registry API verb (`register_task`, signal registration)",
    "subscriptions": "generic webhook/event word",
    "Collection": "generic model word",
    "Link": "generic model word",
    "signup": "generic auth-event word",
    "report": "generic message word",
    "users": "generic table word",
    "Order": "generic model word (ORM example shapes)",
    "Channel": "generic messaging word",
    "Mailer": "NestJS/Rails mailer class naming (`\\w*Mailer`)",
    "project": "generic workspace word",
    "start": "generic lifecycle verb",
    "subscribe": "generic pub-sub verb",
    "wrapper": "generic word in rule comments",
    "perform": "job API method (ActiveJob/Sidekiq `perform`, a job handler's key)",
}


def _label_symbols() -> set[str]:
    symbols: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "symbol" and isinstance(value, str):
                    symbols.add(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted((REPO / "bench" / "labels").rglob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return {part for symbol in symbols for part in re.split(r"[.:]", symbol) if part}


def _mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<![A-Za-z0-9_]){re.escape(word)}(?![A-Za-z0-9_])", text) is not None


def test_no_rule_file_names_an_apps_own_identifiers() -> None:
    symbols = _label_symbols()
    assert len(symbols) > 100, "the labelled corpus went missing"
    leaks = {
        f"{name}: {word}"
        for name in rule_files()
        for word in symbols - ALLOWED.keys()
        if _mentions(SCAN.joinpath(name).read_text(encoding="utf-8"), word)
    }
    assert not leaks, sorted(leaks)


def test_the_allow_list_holds_only_labelled_names_the_rules_use() -> None:
    """An entry nobody needs any more would silently allow that name in future rules."""
    symbols = _label_symbols()
    texts = [SCAN.joinpath(name).read_text(encoding="utf-8") for name in rule_files()]
    unused = {w for w in ALLOWED if w not in symbols or not any(_mentions(t, w) for t in texts)}
    assert not unused, sorted(unused)


def test_the_leak_check_sees_a_leak() -> None:
    word = sorted(_label_symbols() - ALLOWED.keys(), key=len)[-1]
    assert _mentions(f"calls: [{word}]", word)
