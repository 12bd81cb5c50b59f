"""First-contact labels for pretalx 2025.2.2 (conference CfP/schedule manager) from PyPI.

Written by reading the code with grep before the scanner was ever run on this package.
Paths are relative to the unpacked sdist root (ROOT); the app package is src/pretalx.
"""

from bench.labels.resolve import no, tp

PACKAGE = "pretalx"
OUTPUT = "bench/labels/batch3/pretalx.json"
ROOT = "/tmp/fc/pretalx"
SOURCE = {
    "source": "pypi",
    "name": "pretalx",
    "version": "2025.2.2",
    "archive": "pretalx-2025.2.2.tar.gz",
    "sha256": "86da5f1031644194b3259d48ca4ffa3b4b46e50e061c9806a6429e6143ed6d23",
    "how": "pip download --no-deps --no-binary :all: pretalx==2025.2.2; tar xzf; rename pretalx-2025.2.2 -> pretalx",
}

P = "src/pretalx"
CM = f"{P}/common/mail.py"
MM = f"{P}/mail/models.py"
UC = f"{P}/common/update_check.py"
US = f"{P}/person/models/user.py"
EV = f"{P}/event/models/event.py"
ES = f"{P}/event/services.py"
OR = f"{P}/event/models/organiser.py"
SU = f"{P}/submission/models/submission.py"
AC = f"{P}/submission/models/access_code.py"
SC = f"{P}/schedule/models/schedule.py"
FM = f"{P}/orga/forms/mails.py"
VM = f"{P}/orga/views/mails.py"
PT = f"{P}/person/tasks.py"


def email(file, at, symbol=None, nth=0, note=None, **kw):
    extra = {"note": note} if note else {}
    return tp("email_send", file, at, symbol, channel="email", nth=nth, **extra, **kw)


def model(file, at, name, **kw):
    return tp("data_model", f"{P}/{file}", at, name, entity=name, framework="django", **kw)


def model_no(file, name, why):
    return no("data_model", f"{P}/{file}", f"class {name}(", why)


def job(file, at, symbol, **kw):
    return tp("scheduled_job", file, at, symbol, **kw)


# Models that are neither people/organisations nor records about one.
NOT_MODELS = [
    ("submission/models/submission.py", "SpeakerRole", "join table (speaker <-> submission)"),
    ("submission/models/review.py", "ReviewScoreCategory", "configuration"),
    ("submission/models/review.py", "ReviewScore", "configuration (score values)"),
    ("submission/models/review.py", "ReviewPhase", "configuration"),
    ("submission/models/access_code.py", "SubmitterAccessCode", "access token/configuration"),
    ("submission/models/track.py", "Track", "configuration"),
    ("submission/models/tag.py", "Tag", "configuration"),
    ("submission/models/type.py", "SubmissionType", "configuration"),
    ("submission/models/cfp.py", "CfP", "configuration"),
    ("submission/models/question.py", "Question", "configuration (custom field definition)"),
    ("submission/models/question.py", "AnswerOption", "configuration"),
    ("submission/models/resource.py", "Resource", "file/link attached to a submission"),
    ("schedule/models/schedule.py", "Schedule", "schedule version (content)"),
    ("schedule/models/slot.py", "TalkSlot", "schedule content"),
    ("schedule/models/room.py", "Room", "venue configuration"),
    ("event/models/event.py", "EventExtraLink", "configuration (footer links)"),
    ("mail/models.py", "MailTemplate", "configuration (email template text)"),
    ("person/models/information.py", "SpeakerInformation", "content shown to speakers"),
    ("person/models/auth_token.py", "UserApiToken", "credential"),
    ("common/models/file.py", "CachedFile", "file cache"),
    ("common/models/mixins.py", "TimestampedModel", "abstract mixin"),
]

SPEC = {
    "notes": [
        "pretalx 2025.2.2 sdist from PyPI (Django + Celery; conference call-for-papers, review and schedule manager). Paths relative to the unpacked sdist root; the application is src/pretalx. Labelled by hand before any scanner output was looked at.",
        "Not labelled by the rules: src/tests/**, src/pretalx/**/migrations/**, src/pretalx/static/** (hand-written and vendored/minified JS, none of it analytics), src/pretalx/frontend/schedule-editor (Vue schedule editor: only API fetches), locale files, the dev/test management commands (create_test_event, devserver, makemessages, ...).",
        "email_send: every mail goes through the Celery task common.mail.mail_send_task (Django EmailMultiAlternatives sent with backend.send_messages on the event's SMTP backend or the default connection). QueuedMail.send (the outbox row) enqueues it; MailTemplate.to_mail renders a template into a QueuedMail and sends it at once with skip_queue=True, otherwise leaves it in the organiser's outbox to be sent from OutboxSend. All of these are wrappers; their call sites are touchpoints, including to_mail calls that only queue into the outbox (the outbox is part of pretalx's sending pipeline). Named wrappers: send_orga_mail, TeamInvite.send, Submission.send_invite, SubmitterAccessCode.send_invite, Submission.send_initial_mails, Submission.send_state_mail, Schedule.generate_notifications (schedule-release mails), send_update_notification_email; each with its call sites. Direct QueuedMail(...).send() calls in User.reset_password/change_password/change_email are touchpoints (the QueuedMail( line; .send() is on a later line).",
        "email_send judgement calls: User.reset_password and Submission.add_speaker send mail as their main side effect but are not named for it: defs and call sites ambiguous. User.change_password/change_email send a security notice as a side effect: only the inner QueuedMail call is labelled. celery_app.send_exception_email (Django mail_admins on task failure) is an operational error report: ambiguous. generate_notifications(save=False) in the schedule release view only counts mails: not a touchpoint. get_send_mail_exceptions only asks plugins whether sending is allowed: not a touchpoint.",
        "notification: none. pretalx has no SMS/chat/push/in-app channel; 'notifications' in its code are schedule-change emails (labelled email_send) or Django flash messages. The QueuedMail pre/post-send plugin signals let plugins take over delivery: ambiguous.",
        "scheduled_job: the runperiodic management command (run by cron per the admin docs) emits the periodic_task signal; each receiver is a scheduled job (periodic_event_services, clean_cached_files, two run_update_check receivers, refetch_gravatars), and so are the two Celery tasks named periodic that periodic_event_services enqueues per event (task_periodic_event_services sends the organiser milestone mails). The periodic_task Signal object itself is ambiguous. There is no Celery beat schedule.",
        "event_tracking: none. update_check POSTs anonymous instance stats (event counts, plugin versions) to pretalx.com daily: ambiguous. ActivityLog / log_action is an audit log, not product analytics: not a touchpoint.",
        "webhook_handler, llm_call, personize_call: none (no inbound webhooks; the csrf_exempt views are the schedule editor API and the login form).",
        "data_model: User, SpeakerProfile, Organiser, Submission, Review, Answer, Feedback, SubmissionComment, QueuedMail are touchpoints; Event, Team, TeamInvite, Availability, UserEventPreferences, SubmissionFavourite, ActivityLog are ambiguous; configuration, schedule content, files, tokens and join tables are not.",
    ],
    "touchpoints": [
        # ---- email_send: the Celery task that actually sends
        email(
            CM,
            "def mail_send_task(",
            "mail_send_task",
            note="wrapper: Celery task sending via Django EmailMultiAlternatives",
            alt=[{"at": '@app.task(bind=True, name="pretalx.common.send_mail")'}],
        ),
        email(
            CM,
            "backend.send_messages([email])",
            "mail_send_task",
            provider="django",
            alt=[{"at": "email = EmailMultiAlternatives("}],
        ),
        # QueuedMail.send -> mail_send_task
        email(
            MM,
            "def send(self, requestor=None, orga: bool = True):",
            "QueuedMail.send",
            note="wrapper: sends an outbox mail through mail_send_task",
        ),
        email(MM, "mail_send_task.apply_async(", "QueuedMail.send", note="call site of mail_send_task"),
        # MailTemplate.to_mail
        email(
            MM,
            "def to_mail(",
            "MailTemplate.to_mail",
            note="wrapper: renders a mail template into a QueuedMail; sends it when skip_queue",
        ),
        email(MM, "mail.send()", "MailTemplate.to_mail", note="call site of QueuedMail.send"),
        # update check mail
        email(
            UC,
            "def send_update_notification_email():",
            "send_update_notification_email",
            note="wrapper: update-available email to the admin",
        ),
        email(
            UC,
            "mail_send_task.apply_async(",
            "send_update_notification_email",
            note="call site of mail_send_task",
        ),
        email(
            UC,
            "        send_update_notification_email()",
            "update_check",
            note="call site of send_update_notification_email",
        ),
        # User account mails (direct QueuedMail(...).send())
        email(US, "QueuedMail(", "User.reset_password", nth=1, note="password recovery mail"),
        email(US, "QueuedMail(", "User.change_password", nth=2, note="password changed notice"),
        email(US, "QueuedMail(", "User.change_email", nth=3, note="email changed notice"),
        # Event.send_orga_mail and its call sites
        email(
            EV,
            "def send_orga_mail(self, text, stats=False):",
            "Event.send_orga_mail",
            note="wrapper: mail to the event organisers",
        ),
        email(EV, "            QueuedMail(", "Event.send_orga_mail", note="call site of QueuedMail.send"),
        email(
            ES,
            "event.send_orga_mail(event.settings.mail_text_event_created)",
            "task_periodic_event_services",
            note="call site of send_orga_mail",
        ),
        email(
            ES,
            "event.send_orga_mail(event.settings.mail_text_cfp_closed)",
            "task_periodic_event_services",
            note="call site of send_orga_mail",
        ),
        email(
            ES,
            "event.send_orga_mail(event.settings.mail_text_event_over, stats=True)",
            "task_periodic_event_services",
            note="call site of send_orga_mail",
        ),
        email(
            f"{P}/cfp/views/user.py",
            "obj.event.send_orga_mail(",
            "post",
            note="call site of send_orga_mail",
        ),
        # TeamInvite.send
        email(OR, "    def send(self):", "TeamInvite.send", note="wrapper: organiser-team invitation mail"),
        email(
            OR,
            "        mail.send()",
            "TeamInvite.send",
            note="call site of QueuedMail.send",
            alt=[{"at": "mail = QueuedMail.objects.create("}],
        ),
        email(f"{P}/event/forms.py", "invite.send()", "save", note="call site of TeamInvite.send"),
        email(f"{P}/api/views/team.py", "invite.send()", "invite", note="call site of TeamInvite.send"),
        email(
            f"{P}/orga/views/organiser.py",
            "self.invite.send()",
            "post",
            note="call site of TeamInvite.send",
        ),
        # Submission.send_invite
        email(
            SU,
            "def send_invite(self, to, _from=None, subject=None, text=None):",
            "Submission.send_invite",
            note="wrapper: co-speaker invitation mail",
        ),
        email(SU, "            QueuedMail(", "Submission.send_invite", note="call site of QueuedMail.send"),
        email(
            f"{P}/cfp/flow.py",
            "submission.send_invite(to=[additional_speaker], _from=request.user)",
            "done",
            note="call site of Submission.send_invite",
        ),
        email(
            f"{P}/cfp/forms/submissions.py",
            "self.submission.send_invite(",
            "save",
            note="call site of Submission.send_invite",
        ),
        # SubmitterAccessCode.send_invite
        email(
            AC,
            "def send_invite(self, to, subject, text):",
            "SubmitterAccessCode.send_invite",
            note="wrapper: access-code invitation mail",
        ),
        email(AC, "QueuedMail(", "SubmitterAccessCode.send_invite", note="call site of QueuedMail.send"),
        email(
            f"{P}/orga/forms/cfp.py",
            "self.access_code.send_invite(",
            "save",
            note="call site of SubmitterAccessCode.send_invite",
        ),
        # Submission.send_initial_mails
        email(
            SU,
            "def send_initial_mails(self, person):",
            "Submission.send_initial_mails",
            note="wrapper: submission confirmation to the speaker + internal notice",
        ),
        email(SU, "template.to_mail(", "Submission.send_initial_mails", nth=1, note="call site of to_mail (skip_queue)"),
        email(
            SU,
            "            ).to_mail(",
            "Submission.send_initial_mails",
            note="call site of to_mail (skip_queue, internal orga notice)",
        ),
        email(
            f"{P}/cfp/views/wizard.py",
            "request.submission.send_initial_mails(person=request.user)",
            "done",
            note="call site of send_initial_mails",
        ),
        # Submission.send_state_mail
        email(
            SU,
            "def send_state_mail(self):",
            "Submission.send_state_mail",
            note="wrapper: acceptance/rejection mail per speaker (queued in the outbox)",
        ),
        email(SU, "template.to_mail(", "Submission.send_state_mail", nth=2, note="call site of to_mail"),
        email(SU, "self.send_state_mail()", "Submission.accept", nth=1, note="call site of send_state_mail"),
        email(SU, "self.send_state_mail()", "Submission.reject", nth=2, note="call site of send_state_mail"),
        email(
            f"{P}/orga/views/review.py",
            "submission.send_state_mail()",
            "post",
            note="call site of send_state_mail",
        ),
        # Submission.add_speaker's to_mail (def is ambiguous, the call is a to_mail call site)
        email(SU, "template.to_mail(", "Submission.add_speaker", nth=3, note="call site of to_mail (speaker invite)"),
        # Schedule.generate_notifications
        email(
            SC,
            "def generate_notifications(self, save=False):",
            "Schedule.generate_notifications",
            note="wrapper: schedule-release mails to concerned speakers",
        ),
        email(
            SC,
            "self.event.get_mail_template(MailTemplateRoles.NEW_SCHEDULE).to_mail(",
            "Schedule.generate_notifications",
            note="call site of to_mail",
        ),
        email(
            f"{P}/schedule/services.py",
            "schedule.generate_notifications(save=True)",
            "freeze_schedule",
            note="call site of generate_notifications",
        ),
        email(
            f"{P}/orga/views/schedule.py",
            "mails = self.request.event.current_schedule.generate_notifications(",
            "ScheduleResendMailsView.dispatch",
            note="call site of generate_notifications",
        ),
        # other to_mail call sites
        email(
            f"{P}/orga/views/cfp.py",
            "            ).to_mail(",
            "form_valid",
            note="call site of to_mail (question reminder, queued)",
        ),
        email(FM, "template.to_mail(", "DraftRemindersForm.save", nth=1, note="call site of to_mail (skip_queue)"),
        email(FM, "template.to_mail(", "WriteTeamsMailForm.save", nth=2, note="call site of to_mail (skip_queue)"),
        email(FM, "mail = template.to_mail(", "WriteSessionMailForm.save", note="call site of to_mail"),
        email(FM, "mail.send()", "WriteSessionMailForm.save", note="call site of QueuedMail.send"),
        # outbox views
        email(VM, "mail.send(requestor=self.request.user)", "OutboxSend.dispatch", nth=1, note="call site of QueuedMail.send"),
        email(VM, "mail.send(requestor=self.request.user)", "OutboxSend.post", nth=2, note="call site of QueuedMail.send"),
        email(VM, "form.instance.send()", "MailDetail.form_valid", note="call site of QueuedMail.send"),
        # ---- scheduled_job
        job(
            f"{P}/common/management/commands/runperiodic.py",
            "class Command(BaseCommand):",
            "runperiodic",
            note="management command run by cron; emits periodic_task",
            alt=[{"at": "periodic_task.send_robust(self)"}],
        ),
        job(ES, "def periodic_event_services(sender, **kwargs):", "periodic_event_services", alt=[{"at": "@receiver(periodic_task)"}]),
        job(ES, "def clean_cached_files(sender, **kwargs):", "clean_cached_files", alt=[{"at": "@receiver(signal=periodic_task)"}]),
        job(
            ES,
            "def task_periodic_event_services(event_slug):",
            "task_periodic_event_services",
            note="Celery task enqueued per event by the periodic receiver; sends milestone mails",
            alt=[{"at": '@app.task(name="pretalx.event.periodic_event_services")'}],
        ),
        job(
            ES,
            "def task_periodic_schedule_export(event_slug):",
            "task_periodic_schedule_export",
            note="Celery task enqueued per event by the periodic receiver",
            alt=[{"at": '@app.task(name="pretalx.event.periodic_schedule_export")'}],
        ),
        job(UC, "def run_update_check(sender, **kwargs):", "run_update_check", alt=[{"at": "@receiver(signal=periodic_task)"}]),
        job(PT, "def refetch_gravatars(sender, **kwargs):", "refetch_gravatars", alt=[{"at": "@receiver(periodic_task)"}]),
        job(
            PT,
            "def run_update_check(sender, **kwargs):",
            "run_update_check",
            note="periodic receiver deleting expired API tokens (misnamed)",
            alt=[{"at": "@receiver(signal=periodic_task)"}],
        ),
        # ---- data_model
        model("person/models/user.py", "class User(", "User", note="the user (speakers, organisers, reviewers)"),
        model("person/models/profile.py", "class SpeakerProfile(", "SpeakerProfile", note="per-event speaker profile (biography)"),
        model("event/models/organiser.py", "class Organiser(", "Organiser", note="the organising account/tenant"),
        model("submission/models/submission.py", "class Submission(", "Submission", note="a speaker's proposal"),
        model("submission/models/review.py", "class Review(", "Review", note="a reviewer's review"),
        model("submission/models/question.py", "class Answer(", "Answer", note="a person's answer to a custom question"),
        model("submission/models/feedback.py", "class Feedback(", "Feedback", note="attendee feedback on a talk"),
        model("submission/models/comment.py", "class SubmissionComment(", "SubmissionComment", note="person-authored comment"),
        model("mail/models.py", "class QueuedMail(", "QueuedMail", note="an email to people (outbox/sent)"),
    ],
    "not_touchpoints": [
        *[model_no(file, name, why) for file, name, why in NOT_MODELS],
        no("data_model", f"{P}/common/models/mixins.py", "class PretalxModel(", "abstract base model"),
        no("data_model", f"{P}/common/models/settings.py", "class GlobalSettings(", "settings object, not a model row"),
        no(
            "email_send",
            VM,
            "def get_send_mail_exceptions(request):",
            "asks plugins (request_pre_send signal) whether sending is allowed; sends nothing",
        ),
        no(
            "email_send",
            f"{P}/orga/views/schedule.py",
            "return len(self.request.event.wip_schedule.generate_notifications(save=False))",
            "builds unsaved mails only to count them for the release form",
        ),
        no(
            "email_send",
            f"{P}/person/models/profile.py",
            "send_mail = (",
            "a URL to the compose-mail page",
        ),
        no(
            "email_send",
            f"{P}/orga/tables/speaker.py",
            "linkify=lambda record: record.orga_urls.send_mail,",
            "table link to the compose-mail page",
        ),
        no(
            "email_send",
            f"{P}/event/models/event.py",
            "def get_mail_backend(self, force_custom: bool = False) -> BaseEmailBackend:",
            "returns an SMTP connection; sends nothing",
        ),
        no(
            "email_send",
            CM,
            "class CustomSMTPBackend(EmailBackend):",
            "SMTP backend subclass whose test() only probes the server settings",
        ),
        no(
            "email_send",
            f"{P}/orga/views/event.py",
            'backend.test(self.request.event.mail_settings["mail_from"])',
            "probes the organiser's SMTP settings; sends no mail",
        ),
        no(
            "notification",
            f"{P}/schedule/notifications.py",
            "def render_notifications(data, event, speaker=None):",
            "renders schedule-change text for a mail placeholder; delivers nothing",
        ),
        no(
            "event_tracking",
            f"{P}/common/models/mixins.py",
            "def log_action(",
            "audit log (ActivityLog rows), not product analytics",
        ),
        no(
            "scheduled_job",
            f"{P}/common/signals.py",
            "def minimum_interval(",
            "rate-limit decorator for periodic receivers, not a job",
        ),
        no(
            "scheduled_job",
            f"{P}/schedule/tasks.py",
            '@app.task(name="pretalx.schedule.update_unreleased_schedule_changes")',
            "Celery task run on demand, not on a schedule",
        ),
        no(
            "scheduled_job",
            f"{P}/agenda/tasks.py",
            '@app.task(name="pretalx.agenda.export_schedule_html")',
            "Celery task run on demand (also enqueued by the periodic export task)",
        ),
    ],
    "ambiguous": [
        # data models
        no("data_model", f"{P}/event/models/event.py", "class Event(PretalxModel):", "a conference; the tenant-like unit but not a person/organisation"),
        no("data_model", f"{P}/event/models/organiser.py", "class Team(PretalxModel):", "organiser team: a group of users with permissions"),
        no("data_model", f"{P}/event/models/organiser.py", "class TeamInvite(PretalxModel):", "pending invitation of an email address to a team"),
        no("data_model", f"{P}/schedule/models/availability.py", "class Availability(PretalxModel):", "a speaker's (or room's) availability window"),
        no("data_model", f"{P}/person/models/preferences.py", "class UserEventPreferences(", "per-user UI preferences JSON"),
        no("data_model", f"{P}/submission/models/submission.py", "class SubmissionFavourite(PretalxModel):", "user<->talk favourite: a behavioural record but a bare link table"),
        no("data_model", f"{P}/common/models/log.py", "class ActivityLog(models.Model):", "audit log of people's actions"),
        # email judgement calls
        no("email_send", US, "def reset_password(self, event, user=None, mail_text=None, orga=False):", "sends the recovery mail, but not named for email"),
        no("email_send", f"{P}/common/views/generic.py", "user.reset_password(", "call of the ambiguous reset_password"),
        no("email_send", f"{P}/orga/views/organiser.py", "user_to_reset.reset_password(event=None, user=self.request.user)", "call of the ambiguous reset_password"),
        no("email_send", f"{P}/orga/views/speaker.py", "user.reset_password(", "call of the ambiguous reset_password"),
        no("email_send", f"{P}/orga/views/admin.py", "user.reset_password(event=None)", "call of the ambiguous reset_password"),
        no("email_send", SU, "def add_speaker(self, email, name=None, locale=None, user=None):", "adds a speaker and queues the invitation mail; not named for email"),
        no("email_send", f"{P}/api/views/submission.py", "submission.add_speaker(", "call of the ambiguous add_speaker"),
        no("email_send", f"{P}/orga/views/submission.py", "speaker = self.object.add_speaker(", "call of the ambiguous add_speaker"),
        no("email_send", f"{P}/orga/views/submission.py", "form.instance.add_speaker(", "call of the ambiguous add_speaker"),
        no("email_send", f"{P}/celery_app.py", "mail_admins(subject, message, fail_silently=True, html_message=html_message)", "error report to server admins on task failure (operational)"),
        no("email_send", f"{P}/celery_app.py", "def send_exception_email(", "error-report wrapper (operational)"),
        no("email_send", MM, "queuedmail_pre_send.send_robust(", "plugin hook that may take over delivery of the mail"),
        no("email_send", f"{P}/mail/signals.py", "queuedmail_pre_send = EventPluginSignal()", "plugin signal definition for mail delivery"),
        # notification look-alikes that are emails
        no("notification", SC, "def generate_notifications(self, save=False):", "named notifications; delivers by email (labelled email_send)"),
        no("notification", UC, "def send_update_notification_email():", "named notification; an email (labelled email_send)"),
        # telemetry
        no("event_tracking", UC, "response = requests.post(", "daily anonymous instance stats (event counts, plugin versions) to pretalx.com"),
        no("scheduled_job", f"{P}/common/signals.py", "periodic_task = django.dispatch.Signal()", "the signal the cron command emits; the jobs are its receivers"),
    ],
}
