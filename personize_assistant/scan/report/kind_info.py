"""Human words for touchpoint kinds and surfaces, shared by the scan renderers.

`pattern` is the one-line answer to "what would Personize do here?", following the
taxonomy in shared/touchpoints.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from personize_assistant.scan.models import Kind, Surface


@dataclass(frozen=True)
class KindInfo:
    title: str
    what: str
    pattern: str


KIND_INFO: dict[Kind, KindInfo] = {
    Kind.DATA_MODEL: KindInfo(
        "Data model",
        "Defines a person, organisation or account, or a record about one.",
        "Becomes a Personize collection with properties (SCHEMA) and a memorizeBatch "
        "mapping for data sync.",
    ),
    Kind.EMAIL_SEND: KindInfo(
        "Email send",
        "Sends an email, directly or through the project's own helper.",
        "Generate the email body with Personize (email rules) and wire it by wrapping "
        "the existing send function.",
    ),
    Kind.NOTIFICATION: KindInfo(
        "Notification",
        "Delivers a message on a non-email channel (SMS, Slack, push, in-app, chat, webhook).",
        "Drive a smart notification from smartDigest, within the channel's length limits.",
    ),
    Kind.EVENT_TRACKING: KindInfo(
        "Event tracking",
        "Records user behaviour or identity in a product-analytics tool.",
        "Memorize these behavioural signals so later generation can use them.",
    ),
    Kind.WEBHOOK_HANDLER: KindInfo(
        "Webhook handler",
        "An HTTP endpoint that receives events from another system.",
        "Wire the webhook into a pipeline that memorizes the incoming event.",
    ),
    Kind.SCHEDULED_JOB: KindInfo(
        "Scheduled job",
        "Code that runs on a schedule (cron, periodic task, workflow schedule).",
        "Wire a cron pipeline: generate per-user content, then deliver it.",
    ),
    Kind.USER_CONTEXT: KindInfo(
        "User context",
        "Where the current request's user becomes available to application code.",
        "Enrich the request in middleware with the user's smartDigest.",
    ),
    Kind.SEGMENTATION: KindInfo(
        "Segmentation",
        "A branch on a user attribute that changes what the user sees or receives.",
        "Replace the static rule with an AI-driven decision informed by memory.",
    ),
    Kind.UI_SURFACE: KindInfo(
        "UI surface",
        "A user-facing screen with per-user content (dashboard, onboarding, empty state).",
        "Show AI-generated insights, smart onboarding or personalised empty states.",
    ),
    Kind.SEARCH_ENDPOINT: KindInfo(
        "Search endpoint",
        "A handler that receives a user's free-text search query.",
        "Memorize search queries as intent signals.",
    ),
    Kind.FILE_UPLOAD: KindInfo(
        "File upload",
        "A handler that receives content uploaded by a user.",
        "Memorize the uploaded content or a summary of it.",
    ),
    Kind.LLM_CALL: KindInfo(
        "LLM call",
        "An existing call to a language model.",
        "Add governance (smartGuidelines) and memory context to the prompt.",
    ),
    Kind.PERSONIZE_CALL: KindInfo(
        "Personize call",
        "An existing call to the Personize SDK or API.",
        "Audit it with REVIEW against the integration checklist.",
    ),
}

SURFACE_TITLES: dict[Surface, str] = {
    Surface.WEB_APP: "Web app",
    Surface.MARKETING: "Marketing",
    Surface.MOBILE: "Mobile",
    Surface.NOTIFICATIONS: "Notifications",
    Surface.CUSTOMER_SUCCESS: "Customer success",
}
