"""Held-out labels for django-newsletter 1.2.1 (resolved to line numbers by ../build.py).

Written by reading the code with grep before the scanner was ever run on this package.
"""

from bench.labels.resolve import no, tp

PACKAGE = "django-newsletter"
OUTPUT = "bench/labels/heldout/django-newsletter-1.2.1.json"

M = "newsletter/models.py"
V = "newsletter/views.py"
CMD = "newsletter/management/commands/submit_newsletter.py"
JOB = "newsletter/jobs/hourly/submit.py"


def model(name, **kw):
    return tp(
        "data_model", M, f"class {name}(models.Model):", name, entity=name, framework="django", **kw
    )


SPEC = {
    "notes": [
        "django-newsletter 1.2.1 sdist from PyPI; paths relative to the unpacked sdist root. Held out: labelled by hand before any scanner output was looked at.",
        "Exhaustive kinds present: email_send, data_model, scheduled_job. No notification, webhook_handler, event_tracking, llm_call or personize_call exists in the package; any report of those is a false positive.",
        "Email: two model methods wrap Django's EmailMultiAlternatives. Subscription.send_activation_email builds and sends in one function; Submission.send_message sends a message that Submission.get_message built (construction and .send() in different methods), so the EmailMultiAlternatives( line in get_message is an alt of the .send() line.",
        "Submission.submit (loops over subscribers calling send_message) and its caller submit_queue are a mass-mailing layer whose names do not say email: labelled ambiguous.",
        "scheduled_job: the submit_newsletter management command is documented (docs/installation.rst) to be put in crontab; the django-extensions HourlyJob is the deprecated cron job that calls it. Both are touchpoints.",
        "data_model: Subscription (a person's subscription, with user/email/name) is the per-person record. Newsletter (a mailing list) and Submission (one mailing to many subscriptions) are ambiguous; Message/Article/Attachment are newsletter content, not touchpoints.",
    ],
    "touchpoints": [
        # ---- email_send
        tp(
            "email_send",
            M,
            "def send_activation_email(",
            "send_activation_email",
            channel="email",
            note="wrapper: confirmation emails for subscribe/unsubscribe/update",
        ),
        tp(
            "email_send",
            M,
            "message.send()",
            "send_activation_email",
            channel="email",
            provider="django",
            nth=1,
            alt=[{"at": "message = EmailMultiAlternatives(", "nth": 1}],
        ),
        tp(
            "email_send",
            V,
            "self.subscription.send_activation_email(",
            "form_valid",
            channel="email",
            note="call site (ActionRequestView.form_valid)",
        ),
        tp(
            "email_send",
            M,
            "def send_message(self, subscription):",
            "send_message",
            channel="email",
            note="wrapper: sends one newsletter submission to one subscriber",
        ),
        tp(
            "email_send",
            M,
            "message.send()",
            "send_message",
            channel="email",
            provider="django",
            nth=2,
            alt=[
                {"at": "message = EmailMultiAlternatives(", "nth": 2},
                {"at": "message = self.get_message(subscription)"},
            ],
        ),
        tp(
            "email_send",
            M,
            "self.send_message(subscription)",
            "submit",
            channel="email",
            note="call site in Submission.submit",
        ),
        # ---- scheduled_job
        tp(
            "scheduled_job",
            CMD,
            "class Command(BaseCommand):",
            "Command",
            alt=[{"at": "def handle(self"}, {"at": "Submission.submit_queue()"}],
            note="management command documented to run from crontab every 15 minutes",
        ),
        tp(
            "scheduled_job",
            JOB,
            "class Job(HourlyJob):",
            "Job",
            alt=[{"at": "def execute(self):"}],
            note="django-extensions hourly job (deprecated, still shipped)",
        ),
        # ---- data_model
        model("Subscription"),
    ],
    "not_touchpoints": [
        no("data_model", M, "class Message(models.Model):", "newsletter content"),
        no("data_model", M, "class Article(models.Model):", "newsletter content"),
        no("data_model", M, "class Attachment(models.Model):", "file attached to a message"),
        no(
            "email_send",
            M,
            "def get_message(self, subscription):",
            "only builds the message; the send is in send_message (listed as an alt there)",
        ),
    ],
    "ambiguous": [
        model(
            "Newsletter",
            why="a mailing list: configuration, but also the thing people subscribe to",
        ),
        model(
            "Submission",
            why="one mailing to many subscriptions; a record of sends, not about one person",
        ),
        no(
            "email_send",
            M,
            "def submit(self):",
            "mass-mailing wrapper around send_message; name says nothing about email",
        ),
        no(
            "email_send",
            M,
            "submission.submit()",
            "call site of the mass-mailing wrapper (submit_queue)",
        ),
        no(
            "email_send",
            M,
            "def submit_queue(cls):",
            "sends every due submission; second-level mass-mailing wrapper",
        ),
        no(
            "email_send",
            CMD,
            "Submission.submit_queue()",
            "call site of submit_queue in the cron command",
        ),
    ],
}
