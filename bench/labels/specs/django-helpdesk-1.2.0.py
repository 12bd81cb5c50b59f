"""Hand-written labels for django-helpdesk-1.2.0 (resolved to line numbers by ../resolve.py)."""

from bench.labels.resolve import no, tp

PACKAGE = "django-helpdesk"
OUTPUT = "bench/labels/django-helpdesk-1.2.0.json"

TE = "helpdesk/templated_email.py"
M = "helpdesk/models.py"
E = "helpdesk/email.py"
U = "helpdesk/update_ticket.py"
S = "helpdesk/views/staff.py"
F = "helpdesk/forms.py"
W = "helpdesk/webhooks.py"
ESC = "helpdesk/management/commands/escalate_tickets.py"
GE = "helpdesk/management/commands/get_email.py"
CE = "helpdesk/management/commands/create_escalation_exclusions.py"
JQT = "helpdesk/static/helpdesk/jquery.translate-debug-all.js"


def model(name, **kw):
    return tp(
        "data_model", M, f"class {name}(models.Model):", name, entity=name, framework="django", **kw
    )


def model_no(name, why):
    return no("data_model", M, f"class {name}(", why)


SPEC = {
    "notes": [
        "django-helpdesk 1.2.0 sdist from PyPI; paths relative to the unpacked sdist root. Labelled by reading the code with grep, not from scanner output.",
        "Exhaustive kinds present: email_send, notification (outgoing webhooks), data_model, scheduled_job. There are no event_tracking, llm_call, personize_call or incoming webhook_handler touchpoints; anything reported for them is a false positive.",
        "Email: send_templated_mail is the wrapper around EmailMultiAlternatives; Ticket.send(roles) is a second-level wrapper; every ticket.send/t.send call site is labelled. Django signal `.send(` calls (new_ticket_done / update_ticket_done) are listed as non-touchpoints because they are tempting.",
        "data_model: ticket-related records and per-user records are touchpoints; pure configuration/content models (email templates, ignore lists, canned replies, custom-field definitions, KB categories) are not; borderline ones (Queue, KBItem, attachments, checklists, custom-field values) are ambiguous.",
        "scheduled_job: get_email and escalate_tickets say in their docstrings that they are run from cron. create_escalation_exclusions, the celery task and the polling shell script are ambiguous (nothing in the package schedules them).",
        "helpdesk/tests/**, migrations, demo/ and standalone/ contain no touchpoints of the exhaustive kinds except what is listed; tests are excluded by the rules anyway.",
    ],
    "touchpoints": [
        # ---- email_send
        tp(
            "email_send",
            TE,
            "def send_templated_mail(",
            "send_templated_mail",
            channel="email",
            provider="django",
            note="the package's email wrapper",
        ),
        tp(
            "email_send",
            TE,
            "return msg.send()",
            "send_templated_mail",
            channel="email",
            provider="django",
            alt=[{"at": "msg = EmailMultiAlternatives("}],
        ),
        tp(
            "email_send",
            M,
            "def send(self, roles",
            "send",
            channel="email",
            note="Ticket.send: second-level wrapper, mails each role",
        ),
        tp(
            "email_send",
            M,
            "send_templated_mail(",
            "send",
            channel="email",
            nth=1,
            note="call site inside Ticket.send's closure",
        ),
        tp(
            "email_send",
            E,
            "def send_info_email(",
            "send_info_email",
            channel="email",
            note="wrapper: auto-reply emails for tickets created from email",
        ),
        tp(
            "email_send",
            E,
            "send_info_email(message_id, f, ticket, context, queue, new)",
            "create_object_from_email_message",
            channel="email",
            note="call site",
        ),
        tp("email_send", E, "ticket.send(", "send_info_email", channel="email", nth=1),
        tp("email_send", E, "ticket.send(", "send_info_email", channel="email", nth=2),
        tp("email_send", E, "ticket.send(", "send_info_email", channel="email", nth=3),
        tp(
            "email_send",
            U,
            "ticket.send(",
            "update_messages_sent_to_by_public_and_status",
            channel="email",
            nth=1,
            alt=[{"at": "messages_sent_to.update(", "nth": 1}],
        ),
        tp("email_send", U, "ticket.send(", "update_ticket", channel="email", nth=2),
        tp("email_send", U, "ticket.send(", "update_ticket", channel="email", nth=3),
        tp("email_send", S, "messages_sent_to.update(t.send(", "mass_update", channel="email"),
        tp(
            "email_send",
            S,
            "send_templated_mail(",
            "merge_tickets",
            channel="email",
            nth=1,
            note="merged-ticket notice",
        ),
        tp("email_send", ESC, "t.send(", "escalate_tickets", channel="email"),
        tp(
            "email_send",
            F,
            "def _send_messages(",
            "_send_messages",
            channel="email",
            note="wrapper: new-ticket emails",
            alt=[{"at": "@staticmethod"}],
        ),
        tp("email_send", F, "ticket.send(", "_send_messages", channel="email"),
        tp(
            "email_send",
            F,
            "self._send_messages(",
            "save",
            channel="email",
            nth=1,
            note="call site (TicketForm.save)",
        ),
        tp(
            "email_send",
            F,
            "self._send_messages(",
            "save",
            channel="email",
            nth=2,
            note="call site (PublicTicketForm.save)",
        ),
        # ---- notification (outgoing webhooks)
        tp(
            "notification",
            W,
            "def notify_followup_webhooks(",
            "notify_followup_webhooks",
            channel="webhook_out",
            note="wrapper",
        ),
        tp(
            "notification",
            W,
            "requests.post(url, json=data",
            "notify_followup_webhooks",
            channel="webhook_out",
            nth=1,
        ),
        tp(
            "notification",
            W,
            "    notify_followup_webhooks(followup)",
            "notify_followup_webhooks_receiver",
            channel="webhook_out",
            note="call site (signal receiver)",
        ),
        tp(
            "notification",
            W,
            "def send_new_ticket_webhook(",
            "send_new_ticket_webhook",
            channel="webhook_out",
            note="wrapper",
        ),
        tp(
            "notification",
            W,
            "requests.post(url, json=data",
            "send_new_ticket_webhook",
            channel="webhook_out",
            nth=2,
        ),
        tp(
            "notification",
            W,
            "    send_new_ticket_webhook(ticket)",
            "send_new_ticket_webhook_receiver",
            channel="webhook_out",
            note="call site (signal receiver)",
        ),
        # ---- data_model
        model("Ticket"),
        model("FollowUp"),
        model("TicketChange"),
        model("TicketCC"),
        model("UserSettings"),
        model("SavedSearch"),
        # ---- scheduled_job
        tp(
            "scheduled_job",
            GE,
            "class Command(BaseCommand):",
            "Command",
            note="docstring: designed to be run from cron",
            alt=[{"at": "def handle("}],
        ),
        tp(
            "scheduled_job",
            ESC,
            "class Command(BaseCommand):",
            "Command",
            note="docstring: designed to be run from cron",
            alt=[{"at": "def handle("}],
        ),
        # ---- non-exhaustive kinds
        tp(
            "ui_surface",
            S,
            "def dashboard(request):",
            "dashboard",
            alt=[{"at": "@helpdesk_staff_member_required", "nth": 1}],
        ),
        tp("ui_surface", S, "def report_index(request):", "report_index"),
        tp(
            "search_endpoint",
            S,
            "def ticket_list(request):",
            "ticket_list",
            alt=[{"at": "q = request.GET.get('q', '')"}],
        ),
        tp(
            "file_upload",
            S,
            "def update_ticket_view(request, ticket_id, public=False):",
            "update_ticket_view",
            alt=[{"at": "files = request.FILES.getlist('attachment')"}],
        ),
    ],
    "not_touchpoints": [
        no(
            "segmentation",
            M,
            "if recipient and recipient not in recipients and role in roles:",
            "picks recipients by their role on the ticket; no user attribute changes content",
        ),
        *[
            no("segmentation", JQT, snippet, "vendored third-party jQuery plugin", nth=nth)
            for snippet, nth in (
                ("if( isRtl[ to ] !== isRtl[ lang || o && o.from ] ){", 1),
                ("if( isRtl[ to ] !== isRtl[ lang || o && o.from ] ){", 2),
                ("if( fn(langCode, lang) === True) newObj[ lang ] = langCode;", 0),
                ("if(languages[lang] != undefined)", 0),
            )
        ],
        no(
            "email_send",
            U,
            'update_ticket_done.send(sender="update_ticket"',
            "Django signal dispatch, not an email",
        ),
        no(
            "email_send",
            E,
            'new_ticket_done.send(sender="create_object_from_email_message"',
            "Django signal dispatch",
        ),
        no(
            "email_send",
            E,
            'update_ticket_done.send(sender="create_object_from_email_message"',
            "Django signal dispatch",
        ),
        no("email_send", F, 'new_ticket_done.send(sender="TicketForm"', "Django signal dispatch"),
        no(
            "email_send",
            F,
            'new_ticket_done.send(sender="PublicTicketForm"',
            "Django signal dispatch",
        ),
        model_no("EmailTemplate", "configuration: email template text"),
        model_no("IgnoreEmail", "configuration: addresses to ignore"),
        model_no("PreSetReply", "configuration: canned replies"),
        model_no("EscalationExclusion", "configuration: dates without escalation"),
        model_no("CustomField", "configuration: custom-field definitions"),
        model_no("ChecklistTemplate", "configuration: checklist templates"),
        model_no("KBCategory", "content taxonomy, not a person or record about one"),
        model_no("TicketDependency", "join table between tickets"),
        no("data_model", M, "class EscapeHtml(Extension):", "markdown extension, not a model"),
        no(
            "scheduled_job",
            "helpdesk/management/commands/create_queue_permissions.py",
            "class Command(BaseCommand):",
            "one-off setup command",
        ),
        no(
            "scheduled_job",
            "helpdesk/management/commands/create_usersettings.py",
            "class Command(BaseCommand):",
            "one-off setup command",
        ),
    ],
    "ambiguous": [
        no("email_send", M, "def send(role, recipient):", "closure inside Ticket.send"),
        no("email_send", M, "send('submitter', self.submitter_email)", "call of the closure"),
        no(
            "email_send",
            M,
            "send('ticket_cc', self.queue.updated_ticket_cc)",
            "call of the closure",
        ),
        no(
            "email_send",
            M,
            "send('new_ticket_cc', self.queue.new_ticket_cc)",
            "call of the closure",
        ),
        no("email_send", M, "send('assigned_to', self.assigned_to.email)", "call of the closure"),
        no("email_send", M, "send('ticket_cc', cc.email_address)", "call of the closure"),
        no(
            "email_send",
            U,
            "def update_messages_sent_to_by_public_and_status(",
            "feature function whose body mails",
        ),
        no(
            "data_model",
            M,
            "class Queue(models.Model):",
            "ticket queue: configuration and organisational unit",
        ),
        no(
            "data_model",
            M,
            "class KBItem(models.Model):",
            "knowledge-base article (content) with user votes",
        ),
        no(
            "data_model",
            M,
            "class Attachment(models.Model):",
            "file attached to a followup/KB item",
        ),
        no("data_model", M, "class FollowUpAttachment(Attachment):", "file record"),
        no("data_model", M, "class KBIAttachment(Attachment):", "file record"),
        no("data_model", M, "class Checklist(models.Model):", "per-ticket checklist"),
        no("data_model", M, "class ChecklistTask(models.Model):", "task of a per-ticket checklist"),
        no(
            "data_model",
            M,
            "class TicketCustomFieldValue(models.Model):",
            "custom-field value on a ticket (EAV row)",
        ),
        no(
            "scheduled_job",
            CE,
            "class Command(BaseCommand):",
            "docs suggest a routine cron run; nothing schedules it",
        ),
        no(
            "scheduled_job",
            "helpdesk/tasks.py",
            "def helpdesk_process_email(",
            "@shared_task for users to schedule; no beat schedule in the package",
        ),
        no(
            "scheduled_job",
            "helpdesk/poll_helpdesk_email_queues.sh",
            "manage.py",
            "shell script meant for crontab",
        ),
    ],
}
