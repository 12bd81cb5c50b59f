"""Batch 8 labels for Baby Buddy (Django app for tracking a baby's care).

Written by hand from grep and reading before any scanner output was seen.
"""

from bench.labels.resolve import no, tp

PACKAGE = "babybuddy"
OUTPUT = "bench/labels/batch8/babybuddy.json"
ROOT = "/tmp/fc8/babybuddy"
SOURCE = {"source": "github", "repo": "babybuddy/babybuddy", "commit": "fa8bf4cd66ed149e23c215763a49a2f76dbcd2b7"}

CM = "core/models.py"


def core_model(name, base="models.Model", **kw):
    return tp("data_model", CM, f"class {name}({base}):", name, entity=name, framework="django", **kw)


def core_no(name, why, base="models.Model"):
    return no("data_model", CM, f"class {name}({base}):", why)


# Records about a Child (the person the app is about), each with a child FK.
CHILD_RECORDS = [
    "BMI",
    "DiaperChange",
    "Feeding",
    "HeadCircumference",
    "Height",
    "Note",
    "Pumping",
    "Sleep",
    "Temperature",
    "TummyTime",
    "Weight",
    "Medication",
]

SPEC = {
    "notes": [
        "Source: github babybuddy/babybuddy @ fa8bf4cd66ed149e23c215763a49a2f76dbcd2b7 (git archive snapshot). Paths relative to the repo root.",
        "Baby Buddy has almost no delivery code: no email helper, no notification channel, no analytics, no LLM or Personize calls, no inbound webhooks and no scheduled jobs (Procfile runs migrate + gunicorn only; .github/workflows/ci.yml has no schedule:).",
        "email_send: the only mail the app can send is Django's built-in password reset (auth_views.PasswordResetView wired in babybuddy/urls.py, template registration/password_reset_email.html, SMTP backend chosen in settings/base.py from EMAIL_HOST). The app has no send call of its own, so the view wiring is ambiguous; the EMAIL_BACKEND settings block is configuration (not a touchpoint).",
        "The MCP server (docs/mcp.md) lives in a separate repository; nothing here calls an LLM. The HomeAssistant middleware adapts ingress-proxied requests; it receives no events (not a webhook handler).",
        "data_model: Child is the person; the twelve per-child record models in core/models.py (BMI, DiaperChange, Feeding, HeadCircumference, Height, Note, Pumping, Sleep, Temperature, TummyTime, Weight, Medication) are records about that person. Timer (a running stopwatch owned by a user, optional child), Tag (user labels) and babybuddy.models.Settings (per-user preferences: language, timezone, dashboard options) are ambiguous. WHO percentile reference tables (HeightPercentile, WeightPercentile), the Tagged join table and dbsettings site settings groups are not touchpoints. The User model is Django's contrib.auth (not defined here).",
        "Excluded: */migrations/**, */tests/**, static/ (collectstatic output incl. vendored JS), babybuddy/static_src/fontello (icon font demo), docs/, terraform/, node_modules.",
    ],
    "touchpoints": [
        core_model("Child"),
        *[core_model(name) for name in CHILD_RECORDS],
    ],
    "not_touchpoints": [
        core_no("HeightPercentile", "WHO height percentile reference table (age/sex), no person"),
        core_no("WeightPercentile", "WHO weight percentile reference table (age/sex), no person"),
        core_no("Tagged", "taggit through/join table", base="GenericTaggedItemBase"),
        no("data_model", "babybuddy/site_settings.py", "class NapSettings(dbsettings.Group):", "site-wide settings group (dbsettings), configuration"),
        no("data_model", "babybuddy/site_settings.py", "class FeedingSettings(dbsettings.Group):", "site-wide settings group (dbsettings), configuration"),
        no("email_send", "babybuddy/settings/base.py", 'EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"', "email backend configuration; sends nothing"),
        no("notification", "babybuddy/models.py", "def create_user_settings(sender, instance, created, **kwargs):", "post_save signal receiver creating a Settings row; delivers nothing"),
        no("notification", "babybuddy/models.py", "def save_user_settings(sender, instance, **kwargs):", "post_save signal receiver; delivers nothing"),
        no("webhook_handler", "babybuddy/middleware.py", "class HomeAssistant:", "middleware for Home Assistant ingress proxy headers; not an event receiver"),
        no("scheduled_job", "babybuddy/management/commands/reset.py", "class Command(BaseCommand):", "manual dev command (reapply migrations + fake data), not scheduled"),
        no("scheduled_job", "babybuddy/management/commands/fake.py", "class Command(BaseCommand):", "manual command generating fake data, not scheduled"),
        no("scheduled_job", "babybuddy/management/commands/createuser.py", "class Command(BaseCommand):", "manual admin command, not scheduled"),
        no("event_tracking", "babybuddy/templates/babybuddy/welcome.html", "guess work by using Baby Buddy to track &mdash;", "marketing copy: 'track' is the app's purpose, not analytics"),
    ],
    "ambiguous": [
        no("email_send", "babybuddy/urls.py", "auth_views.PasswordResetView.as_view(", "Django's built-in PasswordResetView sends the reset email (template registration/password_reset_email.html); the app only wires the view, no send call of its own"),
        core_no("Timer", "running stopwatch owned by a user (optional child): transient state rather than a record"),
        core_no("Tag", "user-defined labels attached to records", base="TagBase"),
        no("data_model", "babybuddy/models.py", "class Settings(models.Model):", "per-user preferences (language, timezone, dashboard): settings, but one row per user"),
    ],
}
