"""Batch 8 labels for calibre-web 0.6.28b (Flask e-book library server).

Written by hand from grep and reading before any scanner output was seen.
"""

from bench.labels.resolve import no, tp

PACKAGE = "calibre-web"
OUTPUT = "bench/labels/batch8/calibre-web.json"
ROOT = "/tmp/fc8/calibre-web"
SOURCE = {"source": "github", "repo": "janeczku/calibre-web", "commit": "7ec475e1fe20893730fd8863f771489049c99d16"}

H = "cps/helper.py"
M = "cps/tasks/mail.py"
G = "cps/services/gmail.py"
S = "cps/schedule.py"
BS = "cps/services/background_scheduler.py"
UB = "cps/ub.py"
DB = "cps/db.py"


def ub_model(name, **kw):
    return tp("data_model", UB, f"class {name}(", name, entity=name, framework="sqlalchemy", **kw)


def ub_no(name, why):
    return no("data_model", UB, f"class {name}(", why)


def db_no(name, why):
    return no("data_model", DB, f"class {name}(Base)", why)


def email(file, at, symbol, note, **kw):
    return tp("email_send", file, at, symbol, channel="email", note=note, **kw)


SPEC = {
    "notes": [
        "Source: github janeczku/calibre-web @ 7ec475e1fe20893730fd8863f771489049c99d16 (constants.STABLE_VERSION 0.6.28b).",
        "Email is the only delivery channel: TaskEmail (cps/tasks/mail.py) is a background worker task that builds an EmailMessage and sends it over smtplib (Email/EmailSSL subclasses) or the Gmail API (services/gmail.send_messsage, sic). helper.send_test_mail / send_registration_mail / send_mail wrap it; tasks/convert.py queues a TaskEmail after conversion for send-to-eReader.",
        "reset_password() generates a password and mails it via send_registration_mail: its call sites (admin reset, login 'forgot') are ambiguous email_send.",
        "Scheduled jobs: APScheduler CronTrigger registration in schedule.register_scheduled_tasks (daily window start/end), the BackgroundScheduler.schedule wrapper (add_job), and the two call sites that (re)register the schedule.",
        "Webhook handler: Google Drive push-notification callback /gdrive/watch/callback. Kobo device sync endpoints are a device API, not webhooks (the Kobo /v1/analytics passthrough is ambiguous).",
        "No notification channels, event tracking, LLM or Personize calls exist.",
        "data_model: app DB models in cps/ub.py; the Calibre library models in cps/db.py describe books (catalog), so Books/Authors are ambiguous and the rest are not touchpoints; config_sql settings are not.",
        "Excluded: cps/static (vendored JS incl. libunrar), translations, templates, cw_advocate (vendored advocate), tests (none shipped).",
    ],
    "touchpoints": [
        # email task + transports
        email(M, "class TaskEmail(CalibreTask):", "TaskEmail", "wrapper: background task that sends an email (SMTP or Gmail API)", provider="smtplib"),
        email(M, "self.asyncSMTP.sendmail(", "TaskEmail.send_standard_email", "provider call", provider="smtplib"),
        email(M, "gmail.send_messsage(", "TaskEmail.send_gmail_email", "call site of gmail.send_messsage", provider="gmail"),
        email(G, "def send_messsage(token, msg):", "send_messsage", "wrapper: Gmail API send", provider="gmail"),
        email(G, "(service.users().messages().send(", "send_messsage", "provider call", provider="gmail"),
        # helper wrappers
        email(H, "def send_test_mail(ereader_mail, user_name):", "send_test_mail", "wrapper: queue test email"),
        email(H, "WorkerThread.add(user_name, TaskEmail(", "send_test_mail", "call site of TaskEmail"),
        email(H, "def send_registration_mail(", "send_registration_mail", "wrapper: welcome / new-password email"),
        email(H, "WorkerThread.add(None, TaskEmail(", "send_registration_mail", "call site of TaskEmail"),
        email(H, "def send_mail(book_id, book_format", "send_mail", "wrapper: send book to eReader by email"),
        email(H, "WorkerThread.add(user_id, TaskEmail(", "send_mail", "call site of TaskEmail"),
        email(H, "send_registration_mail(existing_user.email", "reset_password", "call site of send_registration_mail"),
        email("cps/tasks/convert.py", "worker_thread.add(self.user, TaskEmail(", "TaskConvert.run", "call site of TaskEmail (send converted book to eReader)"),
        email("cps/admin.py", "result = send_test_mail(current_user.email", "update_mailsettings", "call site of send_test_mail"),
        email("cps/web.py", "result = send_mail(book_id, book_format, convert", "send_to_ereader", "call site of send_mail"),
        email("cps/web.py", 'send_registration_mail(strip_whitespaces(to_save.get("email", ""))', "register_post", "call site of send_registration_mail"),
        # scheduled jobs
        tp("scheduled_job", S, "scheduler.schedule_tasks(tasks=get_scheduled_tasks(reconnect), trigger=CronTrigger(", "register_scheduled_tasks", provider="apscheduler",
           note="daily cron window: reconnect db, clean temp, metadata backup, thumbnails", alt=[{"at": "def register_scheduled_tasks("}]),
        tp("scheduled_job", S, "scheduler.schedule(func=end_scheduled_tasks, trigger=CronTrigger(", "register_scheduled_tasks", provider="apscheduler", note="cron that cancels the scheduled tasks at window end"),
        tp("scheduled_job", BS, "def schedule(self, func, trigger, name=None):", "BackgroundScheduler.schedule", provider="apscheduler",
           note="wrapper: APScheduler add_job", alt=[{"at": "return self.scheduler.add_job("}]),
        tp("scheduled_job", "cps/__init__.py", "register_scheduled_tasks(config.schedule_reconnect)", "create_app", note="call site of register_scheduled_tasks"),
        tp("scheduled_job", "cps/admin.py", "schedule.register_scheduled_tasks(config.schedule_reconnect)", "update_scheduledtasks", note="call site of register_scheduled_tasks"),
        # webhook
        tp("webhook_handler", "cps/gdrive.py", "def on_received_watch_confirmation():", "on_received_watch_confirmation", provider="google-drive",
           alt=[{"at": '@gdrive.route("/watch/callback"'}]),
        # data models
        ub_model("User", note="user account incl. email / kindle_mail / locale"),
        ub_model("Shelf"),
        ub_model("ReadBook", note="per-user read status of a book"),
        ub_model("Bookmark"),
        ub_model("ArchivedBook"),
        ub_model("KoboReadingState"),
        ub_model("Downloads", note="per-user download history"),
    ],
    "not_touchpoints": [
        no("email_send", M, "def prepare_message(self):", "only builds the EmailMessage"),
        no("email_send", H, "def check_send_to_ereader(entry):", "computes which formats can be sent; sends nothing"),
        no("email_send", "cps/admin.py", "def send_logfile(logtype):", "Flask send_from_directory of a log file (download)"),
        no("email_send", "cps/debug_info.py", "def send_debug():", "returns a debug zip as download"),
        no("webhook_handler", "cps/gdrive.py", "def google_drive_callback():", "OAuth code exchange callback"),
        no("webhook_handler", "cps/kobo.py", "def HandleStateRequest(book_uuid):", "Kobo device sync API (authenticated device), not an event webhook"),
        no("scheduled_job", S, "def register_startup_tasks():", "runs tasks once immediately (DateTrigger), no schedule"),
        no("scheduled_job", BS, "def schedule_task_immediately(", "DateTrigger one-off, not periodic"),
        ub_no("User_Sessions", "login session rows"),
        ub_no("RemoteAuthToken", "auth tokens"),
        ub_no("Registration", "allowed/denied e-mail domains configuration"),
        ub_no("OAuthProvider", "OAuth provider configuration"),
        ub_no("Thumbnail", "thumbnail cache"),
        no("data_model", "cps/config_sql.py", "class _Settings(_Base):", "application settings"),
        no("data_model", "cps/config_sql.py", "class _Flask_Settings(_Base):", "flask secret key settings"),
        db_no("Library_Id", "library UUID"),
        db_no("Identifiers", "book identifiers (ISBN...)"),
        db_no("Comments", "book description text"),
        db_no("Tags", "book tags"),
        db_no("Series", "book series"),
        db_no("Ratings", "rating values lookup"),
        db_no("Languages", "languages lookup"),
        db_no("Publishers", "publishers lookup"),
        db_no("Data", "book file formats"),
        db_no("Metadata_Dirtied", "technical dirty-flag table"),
        db_no("CustomColumns", "custom column definitions"),
    ],
    "ambiguous": [
        no("email_send", H, "def reset_password(user_id):", "resets the password and mails it via send_registration_mail (which is labelled)"),
        no("email_send", "cps/admin.py", "ret, message = reset_password(user_id)", "call of reset_password, which emails the new password"),
        no("email_send", "cps/web.py", "ret, __ = reset_password(user.id)", "call of reset_password ('forgot password'), which emails the new password"),
        no("email_send", M, "def send_standard_email(self, msg):", "internal SMTP step of TaskEmail (provider call labelled inside)"),
        no("email_send", M, "def send_gmail_email(self, message):", "internal Gmail step of TaskEmail"),
        no("email_send", M, "def run(self, worker_thread):", "TaskEmail.run dispatches to SMTP or Gmail"),
        no("email_send", M, "class Email(EmailBase, smtplib.SMTP):", "smtplib subclass adding progress tracking (transport)"),
        no("email_send", M, "class EmailSSL(EmailBase, smtplib.SMTP_SSL):", "smtplib subclass adding progress tracking (transport)"),
        no("scheduled_job", S, "def get_scheduled_tasks(reconnect=True):", "lists the job bodies run by the cron window"),
        no("scheduled_job", BS, "def schedule_tasks(self, tasks, user=None, trigger=None):", "helper over schedule_task/schedule"),
        no("scheduled_job", BS, "def schedule_task(self, task, user=None", "helper over schedule"),
        no("webhook_handler", "cps/kobo.py", '@kobo.route("/v1/analytics/<dummy>"', "receives Kobo device analytics and proxies them to Kobo; device API, not a third-party webhook"),
        no("event_tracking", "cps/kobo.py", '@kobo.route("/v1/analytics/<dummy>"', "Kobo reader analytics passthrough, not the app's own tracking"),
        ub_no("BookShelf", "join table shelf<->book with order/date"),
        ub_no("ShelfArchive", "archived shelf sync record"),
        ub_no("KoboSyncedBooks", "sync bookkeeping per user"),
        ub_no("KoboBookmark", "reading position for a Kobo reading state"),
        ub_no("KoboStatistics", "reading statistics for a Kobo reading state"),
        no("data_model", UB, "class OAuth(OAuthConsumerMixin, Base):", "OAuth tokens linked to a user"),
        no("data_model", UB, "class Anonymous(AnonymousUserMixin, UserBase):", "in-memory anonymous user, not a table"),
        db_no("Books", "Calibre library catalog item: content, not a person/account record"),
        db_no("Authors", "book authors: persons, but not users/customers"),
    ],
}
