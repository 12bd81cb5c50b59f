"""The detection rules are data: they load, validate and cover the providers we promise."""

from __future__ import annotations

import pytest

from personize_assistant.scan.catalog import load_catalog, rules_digest
from personize_assistant.scan.languages import TREE_SITTER_LANGUAGES, grammar

PROMISED = {
    "email_send": {"sendgrid", "resend", "nodemailer", "ses", "postmark", "mailgun", "mandrill", "loops", "brevo", "django", "smtplib", "flask-mail", "fastapi-mail"},
    "notification": {"twilio", "vonage", "slack", "slack-webhook", "discord", "telegram", "teams", "fcm", "apns", "onesignal", "web-push", "expo", "novu", "knock", "courier", "apprise", "pusher", "ably", "socket.io"},
    "event_tracking": {"segment", "posthog", "mixpanel", "amplitude", "heap", "gtag", "plausible", "umami"},
    "llm_call": {"openai", "anthropic", "vercel-ai", "langchain", "gemini", "cohere", "mistral", "bedrock"},
    "personize_call": {"personize"},
    "webhook_verify": {"stripe", "paddle", "github", "clerk", "svix"},
    "scheduled_job": {"node-cron", "cron", "bull", "agenda", "trigger.dev", "inngest", "apscheduler", "schedule", "celery", "django-q"},
}


def test_catalog_covers_the_promised_providers() -> None:
    catalog = load_catalog()
    rules = [*catalog.data.providers, *catalog.data.globals]
    by_kind: dict[str, set[str]] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, set()).add(rule.provider)
    for rule in catalog.data.urls:
        by_kind.setdefault(rule.kind, set()).add(rule.provider)
    for kind, providers in PROMISED.items():
        assert providers <= by_kind[kind], f"{kind}: missing {providers - by_kind[kind]}"


def test_every_module_rule_names_a_module_and_a_call() -> None:
    for rule in load_catalog().data.providers:
        assert rule.modules, rule.provider
        assert rule.calls or rule.loose, rule.provider


@pytest.mark.parametrize("language", TREE_SITTER_LANGUAGES)
def test_query_files_compile(language: str) -> None:
    assert grammar(language).query.pattern_count > 0


def test_rules_digest_is_stable_and_short() -> None:
    assert rules_digest() == rules_digest()
    assert len(rules_digest()) == 12
