"""Held-out labels for FitTrackee 1.3.6 (resolved to line numbers by ../build.py).

Written by reading the code with grep before the scanner was ever run on this package.
"""

from bench.labels.resolve import no, tp

PACKAGE = "fittrackee"
OUTPUT = "bench/labels/heldout/fittrackee-1.3.6.json"

EMS = "fittrackee/emails/emails.py"
EMT = "fittrackee/emails/tasks.py"
UU = "fittrackee/users/users.py"
UA = "fittrackee/users/auth.py"
UX = "fittrackee/users/export_data.py"
UM = "fittrackee/users/models.py"
RES = "fittrackee/reports/reports_email_service.py"
RR = "fittrackee/reports/reports.py"
RM = "fittrackee/reports/models.py"
CM = "fittrackee/comments/models.py"
WM = "fittrackee/workouts/models.py"
WT = "fittrackee/workouts/tasks.py"
WFC = "fittrackee/workouts/services/workouts_from_file_creation_service.py"
EQ = "fittrackee/equipments/models.py"


def model(file, name, **kw):
    return tp(
        "data_model",
        file,
        f"class {name}(BaseModel",
        name,
        entity=name,
        framework="sqlalchemy",
        **kw,
    )


def model_no(file, name, why):
    return no("data_model", file, f"class {name}(BaseModel", why)


def queued_mail(file, symbol, nth=0, **kw):
    """A call site enqueuing the dramatiq `send_email` actor (`send_email.send(...)`)."""
    return tp(
        "email_send",
        file,
        "send_email.send(",
        symbol,
        channel="email",
        nth=nth,
        note="call site: enqueues the send_email dramatiq actor",
        **kw,
    )


REPORT_MAILS = (
    "user_suspension",
    "user_unsuspension",
    "user_warning",
    "user_warning_lifting",
    "comment_suspension",
    "comment_unsuspension",
    "workout_suspension",
    "workout_unsuspension",
    "appeal_rejected",
)


def in_app(file, symbol, at="notification = Notification(", nth=0):
    return tp(
        "notification",
        file,
        at,
        symbol,
        channel="in_app",
        nth=nth,
        note="creates an in-app Notification row for a user",
    )


SPEC = {
    "notes": [
        "FitTrackee 1.3.6 sdist from PyPI (Flask + SQLAlchemy 2 + dramatiq); paths relative to the unpacked sdist root. Held out: labelled by hand before any scanner output was looked at. fittrackee/dist/ (built Vue client) is build output.",
        "Exhaustive kinds present: email_send, notification (in_app), data_model. No webhook_handler, event_tracking, llm_call or personize_call code (outgoing requests are weather/elevation/geocoding lookups).",
        "Email: EmailService.send (smtplib) is the low-level wrapper; the dramatiq actor emails/tasks.py send_email wraps it and every caller enqueues it with `send_email.send(...)` (dramatiq's enqueue method is called .send). auth.send_account_confirmation_email and the ReportEmailService._send_*_email methods are further wrappers; send_report_action_email dispatches to them via getattr.",
        "notification: FitTrackee's in-app notifications are Notification rows created in SQLAlchemy after_flush listeners (follow, like, comment, mention, report...) and in request handlers / tasks; every `Notification(` construction is labelled in_app.",
        "scheduled_job: the ftcli maintenance commands (clean_tokens, clean_archives, export_archives, archive_uploads, oauth2 clean, clean_orphans) are meant to be run periodically per upstream docs, but nothing in the package schedules them: ambiguous. Dramatiq actors are queued tasks, not schedules.",
        "data_model: models are defined on `BaseModel`, an alias of db.Model set in fittrackee/__init__.py. Users and user-owned records (workouts, equipment, comments, reports, notifications, preferences) are touchpoints; social edges/likes/mentions, derived data and task rows are ambiguous; config, sports, tokens and OAuth2 tables are not.",
    ],
    "touchpoints": [
        # ---- email_send: wrappers
        tp(
            "email_send",
            EMS,
            "    def send(",
            "send",
            channel="email",
            note="wrapper: EmailService.send renders and sends over SMTP",
        ),
        tp("email_send", EMS, "smtp.sendmail(", "send", channel="email", provider="smtplib"),
        tp(
            "email_send",
            EMT,
            "def send_email(",
            "send_email",
            channel="email",
            alt=[{"at": "@dramatiq.actor("}],
            note="wrapper: dramatiq actor used by every caller",
        ),
        tp(
            "email_send",
            EMT,
            "email_service.send(",
            "send_email",
            channel="email",
            note="call site of EmailService.send",
        ),
        tp(
            "email_send",
            UA,
            "def send_account_confirmation_email(",
            "send_account_confirmation_email",
            channel="email",
            note="wrapper: account confirmation email",
        ),
        tp(
            "email_send",
            UA,
            "send_account_confirmation_email(new_user)",
            "register_user",
            channel="email",
            note="call site",
        ),
        tp(
            "email_send",
            UA,
            "send_account_confirmation_email(user)",
            "resend_account_confirmation_email",
            channel="email",
            note="call site",
        ),
        tp(
            "email_send",
            RES,
            "def send_report_action_email(",
            "send_report_action_email",
            channel="email",
            note="dispatcher: picks a _send_*_email method by action type",
        ),
        tp(
            "email_send",
            RR,
            "report_action_email_service.send_report_action_email(",
            "create_action",
            channel="email",
            nth=1,
            note="call site",
        ),
        tp(
            "email_send",
            RR,
            "report_action_email_service.send_report_action_email(",
            "process_appeal",
            channel="email",
            nth=2,
            note="call site",
        ),
        *(
            tp(
                "email_send",
                RES,
                f"def _send_{name}_email(",
                f"_send_{name}_email",
                channel="email",
                note="wrapper: one moderation email",
            )
            for name in REPORT_MAILS
        ),
        # ---- email_send: enqueue call sites
        queued_mail(UA, "send_account_confirmation_email", nth=1),
        queued_mail(UU, "update_user", nth=1),
        queued_mail(UU, "update_user", nth=2),
        queued_mail(UU, "update_user", nth=3),
        queued_mail(UA, "update_user_account", nth=2),
        queued_mail(UA, "update_user_account", nth=3),
        queued_mail(UA, "update_user_account", nth=4),
        queued_mail(UA, "request_password_reset", nth=5),
        queued_mail(UA, "update_password", nth=6),
        queued_mail(UX, "export_user_data"),
        *(
            tp(
                "email_send",
                RES,
                f'template="{name}"',
                f"_send_{name}_email",
                channel="email",
                note="call site: enqueues the send_email dramatiq actor",
            )
            for name in REPORT_MAILS
        ),
        # ---- notification (in_app)
        in_app(UA, "register_user"),
        in_app(UX, "export_user_data"),
        in_app(UM, "receive_after_flush", nth=1),
        in_app(UM, "receive_after_flush", at="follow_notification = Notification("),
        in_app(UM, "receive_after_flush", nth=3),
        in_app(WFC, "process"),
        in_app(WM, "receive_after_flush"),
        in_app(WT, "update_task_and_clean"),
        in_app(CM, "receive_after_flush", nth=1),
        in_app(CM, "receive_after_flush", nth=2),
        in_app(CM, "receive_after_flush", nth=3),
        in_app(RM, "receive_after_flush", nth=1),
        in_app(RM, "receive_after_flush", nth=2),
        in_app(RM, "receive_after_flush", nth=3),
        # ---- data_model
        model(UM, "User"),
        model(UM, "UserSportPreference"),
        model(UM, "Notification"),
        model("fittrackee/workouts/models.py", "Workout"),
        model(EQ, "Equipment"),
        model(CM, "Comment"),
        model(RM, "Report"),
        model(RM, "ReportAction"),
        model(RM, "ReportActionAppeal"),
        model(RM, "ReportComment"),
    ],
    "not_touchpoints": [
        model_no(UM, "BlacklistedToken", "auth token blacklist"),
        model_no("fittrackee/application/models.py", "AppConfig", "instance configuration"),
        model_no("fittrackee/workouts/models.py", "Sport", "reference data"),
        model_no(EQ, "EquipmentType", "reference data"),
        model_no("fittrackee/oauth2/models.py", "OAuth2Client", "OAuth2 plumbing"),
        model_no("fittrackee/oauth2/models.py", "OAuth2AuthorizationCode", "OAuth2 plumbing"),
        model_no("fittrackee/oauth2/models.py", "OAuth2Token", "OAuth2 plumbing"),
        no(
            "data_model", UM, "UserSportPreferenceEquipment = db.Table(", "association (join) table"
        ),
        no("data_model", EQ, "WorkoutEquipment = db.Table(", "association (join) table"),
        no(
            "email_send",
            EMS,
            "message = EmailMessage(",
            "the app's own MIME builder class, not Django's EmailMessage; nothing is sent here",
        ),
        no(
            "email_send",
            "fittrackee/users/auth.py",
            "export_data.send(task_id=export_request.id)",
            "enqueues the data-export actor (dramatiq .send), not an email",
        ),
        no(
            "email_send",
            "fittrackee/workouts/services/workouts_from_file_creation_service.py",
            "upload_workouts_archive.send(",
            "enqueues the archive-upload actor, not an email",
        ),
    ],
    "ambiguous": [
        no(
            "email_send",
            RES,
            "send_email_func(",
            "getattr-dispatched call of a _send_*_email wrapper",
        ),
        model(UM, "FollowRequest", why="social edge between two users"),
        model(UM, "BlockedUser", why="social edge between two users"),
        model(UM, "UserTask", why="background task row (exports/uploads) owned by a user"),
        model("fittrackee/workouts/models.py", "WorkoutSegment", why="derived from a workout file"),
        model(
            "fittrackee/workouts/models.py", "Record", why="derived personal records per user/sport"
        ),
        model("fittrackee/workouts/models.py", "WorkoutLike", why="like edge"),
        model(CM, "Mention", why="mention edge"),
        model(CM, "CommentLike", why="like edge"),
        model("fittrackee/media/models.py", "Media", why="uploaded image attached to a workout"),
        *(
            no(
                "scheduled_job",
                f,
                at,
                "maintenance CLI command meant for periodic runs; nothing in the package schedules it",
            )
            for f, at in (
                ("fittrackee/users/commands.py", '@users_cli.command("clean_tokens")'),
                ("fittrackee/users/commands.py", '@users_cli.command("clean_archives")'),
                ("fittrackee/users/commands.py", '@users_cli.command("export_archives")'),
                ("fittrackee/workouts/commands.py", '@workouts_cli.command("archive_uploads")'),
                ("fittrackee/oauth2/commands.py", '@oauth2_cli.command("clean")'),
                ("fittrackee/media/commands.py", '@media_attachments_cli.command("clean_orphans")'),
            )
        ),
    ],
}
