"""First-contact labels for healthchecks (cron-job monitoring, Django) from GitHub.

Written by reading the code with grep before the scanner was ever run on this repository.
Resolved against ROOT (an archive of the commit in SOURCE) by a one-off script, not by
../../resolve.py's downloader.
"""

from bench.labels.resolve import no, tp

PACKAGE = "healthchecks"
OUTPUT = "bench/labels/batch5/healthchecks.json"
ROOT = "/tmp/fc/healthchecks"
SOURCE = {
    "source": "github",
    "repo": "healthchecks/healthchecks",
    "commit": "29b5ec251059034b79e0120e2ff0c3e35d7bd9f8",
    "subdir": "",
    "how": "git archive <commit> | tar -x -C /tmp/fc/healthchecks",
}

EM = "hc/lib/emails.py"
AM = "hc/accounts/models.py"
AV = "hc/accounts/views.py"
APIM = "hc/api/models.py"
APIV = "hc/api/views.py"
TR = "hc/api/transports.py"
SA = "hc/api/management/commands/sendalerts.py"
SR = "hc/api/management/commands/sendreports.py"
SDS = "hc/accounts/management/commands/senddeletionscheduled.py"
FV = "hc/front/views.py"
I = "hc/integrations"  # noqa: E741 (a label table's short name, as in its siblings)

NOTIFY_DEF = "def notify(self, flip: Flip, notification: Notification) -> None:"


def email(file, at, symbol=None, nth=0, note="", **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, note=note, **kw)


def notify(file, at, symbol=None, channel="other", nth=0, **kw):
    return tp("notification", file, at, symbol, channel=channel, nth=nth, **kw)


def model(file, name, **kw):
    return tp(
        "data_model", file, f"class {name}(models.Model):", name, entity=name,
        framework="django", **kw,
    )


# ---- hc/lib/emails.py: one-line per-template email wrappers around emails.send
# (def snippet, symbol, the send(...) line inside it, nth of that line)
EMAIL_TEMPLATE_WRAPPERS = [
    ("def login(to: str", "login", 'send(make_message("login", to, ctx))', 0),
    ("def transfer_request(", "transfer_request", 'send(make_message("transfer-request", to, ctx))', 0),
    ("def alert(", "alert", "send(m, block=True)", 1),
    ("def verify_email(", "verify_email", 'send(make_message("verify-email", to, ctx))', 0),
    ("def report(", "report", "send(m, block=True)", 2),
    ("def nag(", "nag", "send(m, block=True)", 3),
    ("def flapping_notice(", "flapping_notice", "send(m, block=True)", 4),
    ("def deletion_notice(", "deletion_notice", "send(m, block=True)", 5),
    ("def deletion_scheduled(", "deletion_scheduled", "send(m, block=True)", 6),
    ("def sms_limit(", "sms_limit", 'send(make_message("sms-limit", to, ctx))', 0),
    ("def call_limit(", "call_limit", 'send(make_message("phone-call-limit", to, ctx))', 0),
    ("def sudo_code(", "sudo_code", 'send(make_message("sudo-code", to, ctx))', 0),
    ("def signal_rate_limited(", "signal_rate_limited", 'send(make_message("signal-rate-limited", to, ctx))', 0),
]

# Calls of the hc.lib.emails per-template wrappers elsewhere: (file, snippet, symbol, wrapper)
EMAIL_TEMPLATE_CALLS = [
    (AM, "emails.login(self.user.email, ctx)", "send_instant_login_link", "emails.login"),
    (AM, "emails.login(new_email, ctx)", "send_change_email_link", "emails.login"),
    (AM, "emails.transfer_request(self.user.email, ctx)", "send_transfer_request", "emails.transfer_request"),
    (AM, "emails.report(self.user.email, ctx, headers)", "send_report", "emails.report"),
    (AM, "emails.nag(self.user.email, ctx, headers)", "send_report", "emails.nag"),
    (APIM, 'emails.verify_email(self.email.value, {"verify_link": verify_link})', "send_verify_link", "emails.verify_email"),
    (APIM, "emails.signal_rate_limited(email, ctx)", "send_signal_rate_limited_notice", "emails.signal_rate_limited"),
    (APIM, "emails.call_limit(self.project.team_emails(), ctx)", "send_call_limit_notice", "emails.call_limit"),
    (APIM, "emails.sms_limit(self.project.team_emails(), ctx)", "send_sms_limit_notice", "emails.sms_limit"),
    (f"{I}/email/transport.py", "emails.alert(self.channel.email.value, ctx, headers, attachment)", "Email.notify", "emails.alert"),
    ("hc/accounts/decorators.py", 'emails.sudo_code(request.user.email, {"sudo_code": code})', "wrapper", "emails.sudo_code"),
    (SDS, "emails.deletion_scheduled(recipients, ctx)", "handle", "emails.deletion_scheduled"),
    ("hc/accounts/management/commands/sendflappingnotices.py", "emails.flapping_notice(email, ctx)", "handle", "emails.flapping_notice"),
    ("hc/accounts/management/commands/sendinactivitynotices.py", "emails.deletion_notice(profile.user.email, ctx)", "handle", "emails.deletion_notice"),
]

# Model-level email wrappers: (file, def snippet, symbol, note)
MODEL_EMAIL_WRAPPERS = [
    (AM, "def send_instant_login_link(", "Profile.send_instant_login_link", "wrapper: magic login-link email"),
    (AM, "def send_change_email_link(", "Profile.send_change_email_link", "wrapper: change-email login link"),
    (AM, "def send_transfer_request(", "Profile.send_transfer_request", "wrapper: project transfer request email"),
    (AM, "def send_report(self, nag: bool = False) -> bool:", "Profile.send_report", "wrapper: periodic report / nag email"),
    (APIM, "def send_verify_link(self) -> None:", "Channel.send_verify_link", "wrapper: email-channel verification email"),
    (APIM, "def send_signal_captcha_alert(", "Channel.send_signal_captcha_alert", "wrapper: mail_admins about a Signal CAPTCHA"),
    (APIM, "def send_signal_rate_limited_notice(", "Channel.send_signal_rate_limited_notice", "wrapper: email to project owner"),
    (APIM, "def send_call_limit_notice(", "Channel.send_call_limit_notice", "wrapper: email to team"),
    (APIM, "def send_sms_limit_notice(", "Channel.send_sms_limit_notice", "wrapper: email to team"),
]

# Calls of the model-level email wrappers: (file, snippet, symbol, wrapper, nth)
MODEL_EMAIL_CALLS = [
    (AM, "profile.send_instant_login_link(membership=m, redirect_url=checks_url)", "Project.invite", "Profile.send_instant_login_link", 0),
    (AV, "profile.send_instant_login_link(redirect_url=redirect_url)", "login", "Profile.send_instant_login_link", 0),
    (AV, "profile.send_instant_login_link()", "signup", "Profile.send_instant_login_link", 0),
    (AV, "profile.send_transfer_request(project)", "project", "Profile.send_transfer_request", 0),
    (AV, "request.profile.send_change_email_link(email)", "change_email", "Profile.send_change_email_link", 0),
    (SR, "if profile.send_report():", "handle_one_report", "Profile.send_report", 0),
    (SR, "if profile.send_report(nag=True):", "handle_one_nag", "Profile.send_report", 0),
    ("hc/accounts/admin.py", "profile.send_report()", "ProfileAdmin.send_report", "Profile.send_report", 0),
    ("hc/accounts/admin.py", "profile.send_report(nag=True)", "ProfileAdmin.send_nag", "Profile.send_report", 0),
    (f"{I}/email/views.py", "channel.send_verify_link()", "email_form", "Channel.send_verify_link", 0),
    (f"{I}/signal/transport.py", "self.channel.send_signal_captcha_alert(e.token, e.reply.decode())", "Signal.notify", "Channel.send_signal_captcha_alert", 0),
    (f"{I}/signal/views.py", "Channel().send_signal_captcha_alert(e.token, e.reply.decode())", "verify_signal_number", "Channel.send_signal_captcha_alert", 0),
    (f"{I}/signal/transport.py", "self.channel.send_signal_rate_limited_notice(text, plaintext)", "Signal.notify", "Channel.send_signal_rate_limited_notice", 0),
    (f"{I}/call/transport.py", "self.channel.send_call_limit_notice(message)", "Call.notify", "Channel.send_call_limit_notice", 0),
    (f"{I}/sms/transport.py", 'self.channel.send_sms_limit_notice("SMS", text)', "Sms.notify", "Channel.send_sms_limit_notice", 0),
    (f"{I}/whatsapp/transport.py", 'self.channel.send_sms_limit_notice("WhatsApp", text)', "WhatsApp.notify", "Channel.send_sms_limit_notice", 0),
]

# Integration transports: (dir, class snippet, class, channel, provider, notify nth,
# [(delivery snippet, nth)]). Each transport's notify() is a wrapper (the class line is an
# alt); its self.post/self.put/self.request call is the delivery, a call site of
# HttpTransport.post/put/request.
TRANSPORTS = [
    ("apprise", "class Apprise(HttpTransport):", "Apprise", "other", "apprise", 0,
     [("if not a.notify(body=body, title=title, notify_type=notify_type):", 0)]),
    ("call", "class Call(HttpTransport):", "Call", "other", "twilio", 0,
     [("self.post(url, data=data, auth=auth)", 0)]),
    ("discord", "class Discord(Slackalike):", "Discord", "chat", "discord_webhook", 0,
     [("self.post(url, json=prepared_payload)", 0)]),
    ("github", "class GitHub(HttpTransport):", "GitHub", "other", "github_issues", 0,
     [("self.post(url, json=payload, headers=headers)", 0)]),
    ("googlechat", "class GoogleChat(HttpTransport):", "GoogleChat", "chat", "google_chat", 0,
     [("self.post(self.channel.value, json=payload)", 0)]),
    ("gotify", "class Gotify(HttpTransport):", "Gotify", "push", "gotify", 0,
     [("self.post(url, json=payload)", 0)]),
    ("matrix", "class Matrix(HttpTransport):", "Matrix", "chat", "matrix", 0,
     [("self.put(self.get_url(), json=payload, headers=headers)", 0)]),
    ("mattermost", "class Mattermost(Slackalike):", "Mattermost", "chat", "mattermost", 0,
     [("self.post(self.channel.slack_webhook_url, json=prepared_payload)", 0)]),
    ("msteamsw", "class MsTeamsWorkflow(HttpTransport):", "MsTeamsWorkflow", "chat", "msteams", 0,
     [("self.post(self.channel.value, json=self.payload(flip))", 0)]),
    ("ntfy", "class Ntfy(HttpTransport):", "Ntfy", "push", "ntfy", 0,
     [("self.post(url, headers=headers, json=payload)", 0)]),
    ("opsgenie", "class Opsgenie(HttpTransport):", "Opsgenie", "other", "opsgenie", 0,
     [("self.post(url, json=payload, headers=headers)", 0)]),
    ("pagertree", "class PagerTree(HttpTransport):", "PagerTree", "other", "pagertree", 0,
     [("self.post(url, json=payload, headers=headers)", 0)]),
    ("pd", "class PagerDuty(HttpTransport):", "PagerDuty", "other", "pagerduty", 0,
     [("self.post(self.URL, json=payload)", 0)]),
    ("po", "class Pushover(HttpTransport):", "Pushover", "push", "pushover", 0,
     [("self.post(url, data=cancel_payload)", 0), ("self.post(self.URL, data=payload)", 0)]),
    ("pushbullet", "class Pushbullet(HttpTransport):", "Pushbullet", "push", "pushbullet", 0,
     [("self.post(url, json=payload, headers=headers)", 0)]),
    ("rocketchat", "class RocketChat(HttpTransport):", "RocketChat", "chat", "rocketchat", 0,
     [("self.post(self.channel.value, json=prepared_payload)", 0)]),
    ("signal", "class Signal(Transport):", "Signal", "chat", "signal-cli", 0,
     [("return self.send(self.channel.phone.value, text)", 0)]),
    ("slack", "class Slackalike(HttpTransport):", "Slackalike", "slack", "slack_incoming_webhook", 1,
     [("self.post(self.channel.slack_webhook_url, json=self.payload(flip))", 1)]),
    ("slack", "class Slack(Slackalike):", "Slack", "slack", "slack_incoming_webhook", 2,
     [("self.post(self.channel.slack_webhook_url, json=self.payload(flip))", 2)]),
    ("sms", "class Sms(HttpTransport):", "Sms", "sms", "twilio", 0,
     [("self.post(url, data=data, auth=auth)", 0)]),
    ("spike", "class Spike(HttpTransport):", "Spike", "other", "spike", 0,
     [("self.post(url, json=payload, headers=headers)", 0)]),
    ("telegram", "class Telegram(HttpTransport):", "Telegram", "chat", "telegram", 0,
     [("self.send(self.channel.telegram.id, self.channel.telegram.thread_id, text)", 1),
      ("self.send(self.channel.telegram.id, self.channel.telegram.thread_id, text)", 2)]),
    ("trello", "class Trello(HttpTransport):", "Trello", "other", "trello", 0,
     [("self.post(self.URL, params=params)", 0)]),
    ("victorops", "class VictorOps(HttpTransport):", "VictorOps", "other", "victorops", 0,
     [("self.post(self.channel.value, json=payload)", 0)]),
    ("webhook", "class Webhook(HttpTransport):", "Webhook", "webhook_out", "http", 0,
     [("self.request(method, url, retry=retry, data=body_bytes, headers=headers)", 0)]),
    ("whatsapp", "class WhatsApp(HttpTransport):", "WhatsApp", "chat", "twilio", 0,
     [("self.post(url, data=data, auth=auth)", 0)]),
    ("zulip", "class Zulip(HttpTransport):", "Zulip", "chat", "zulip", 0,
     [("self.post(url, data=data, auth=auth)", 0)]),
]


def transport_entries():
    out = []
    for d, cls_at, cls, channel, provider, nth, deliveries in TRANSPORTS:
        f = f"{I}/{d}/transport.py"
        out.append(
            notify(f, NOTIFY_DEF, f"{cls}.notify", channel, nth=nth, provider=provider,
                   note=f"wrapper: {cls} transport delivery", alt=[{"at": cls_at}])
        )
        for snippet, n in deliveries:
            out.append(
                notify(f, snippet, f"{cls}.notify", channel, nth=n, provider=provider,
                       note="call site of HttpTransport.post/put/request (the delivery)"
                       if d not in ("apprise", "signal", "telegram")
                       else f"call site of the {cls} sender")
            )
    return out


# Configuration / request / API-response pydantic models: not entities.
PYDANTIC_NOT_MODELS = [
    (APIM, "class WebhookSpec(BaseModel):", "webhook channel configuration"),
    (APIM, "class TelegramConf(BaseModel):", "channel configuration"),
    (APIM, "class ShellConf(BaseModel):", "channel configuration"),
    (APIM, "class PdConf(BaseModel):", "channel configuration"),
    (APIM, "class PhoneConf(BaseModel):", "channel configuration (phone number + flags)"),
    (APIM, "class EmailConf(BaseModel):", "channel configuration (address + flags)"),
    (APIM, "class OpsgenieConf(BaseModel):", "channel configuration"),
    (APIM, "class ZulipConf(BaseModel):", "channel configuration"),
    (APIM, "class NtfyConf(BaseModel):", "channel configuration"),
    (APIM, "class TrelloConf(BaseModel):", "channel configuration"),
    (APIM, "class GitHubConf(BaseModel):", "channel configuration"),
    (APIM, "class GotifyConf(BaseModel):", "channel configuration"),
    (APIV, "class Spec(BaseModel):", "API request-body validator for a check"),
    (f"{I}/telegram/views.py", "class TelegramCallback(BaseModel):", "parser for Telegram's webhook body"),
    (f"{I}/telegram/views.py", "class TelegramMessage(BaseModel):", "parser for Telegram's webhook body"),
    (f"{I}/telegram/views.py", "class TelegramChat(BaseModel):", "parser for Telegram's webhook body"),
    (f"{I}/github/client.py", "class Installation(BaseModel):", "GitHub API response parser"),
    (f"{I}/github/client.py", "class Repository(BaseModel):", "GitHub API response parser"),
    (f"{I}/github/client.py", "class OAuthResponse(BaseModel):", "GitHub API response parser"),
    (f"{I}/trello/views.py", "class TrelloBoard(BaseModel):", "Trello API response parser"),
    (f"{I}/pushbullet/views.py", "class PushbulletOAuthResponse(BaseModel):", "OAuth response parser"),
    (f"{I}/matrix/client.py", "class MatrixJoinResponse(BaseModel):", "Matrix API response parser"),
]


SPEC = {
    "notes": [
        "healthchecks (cron-job monitoring service; Django) at commit 29b5ec2 of healthchecks/healthchecks on GitHub, whole repository labelled. First contact: labelled by hand before any scanner output was looked at.",
        "Excluded by the rules: hc/*/tests/**, hc/logs/tests.py, hc/test.py, hc/*/migrations/**, static/** (vendored JS/CSS), stuff/** (bootstrap sources). No build output is committed.",
        "email_send: hc.lib.emails.send is the base wrapper (runs an EmailThread whose run() calls Django's EmailMultiAlternatives.send()). Thirteen one-line per-template wrappers (login, transfer_request, alert, verify_email, report, nag, flapping_notice, deletion_notice, deletion_scheduled, sms_limit, call_limit, sudo_code, signal_rate_limited) each call send(): the def is a wrapper and the send(...) line inside is a call site. Every emails.<template>(...) call elsewhere is a call site. Named model methods that send mail (Profile.send_instant_login_link / send_change_email_link / send_transfer_request / send_report, Channel.send_verify_link / send_signal_captcha_alert / send_signal_rate_limited_notice / send_call_limit_notice / send_sms_limit_notice) are wrappers with their call sites labelled. Django mail_admins calls (Channel.send_signal_captcha_alert, sendlogs) are email_send. The Email integration's notify() is an email_send wrapper (alert emails), not a notification.",
        "notification: the ~28 integration transports in hc/integrations/*/transport.py each define notify() (a wrapper; its class line is an alt) and deliver through HttpTransport.post/put/request in hc/api/transports.py, a generic retrying HTTP helper over hc.lib.curl (pycurl) whose URLs come from channel configuration: the delivery line of each transport is a touchpoint with the channel of the service (Slack -> slack; Discord/Mattermost/Rocket.Chat/Zulip/Google Chat/Teams/Matrix/Telegram/Signal/WhatsApp -> chat; Pushover/Pushbullet/ntfy/Gotify -> push; Twilio SMS -> sms; webhook -> webhook_out; Twilio voice call, PagerDuty, Opsgenie, VictorOps, PagerTree, Spike, Trello cards, GitHub issues, Apprise -> other). Telegram.send and Signal.send are sender wrappers also used by views (Telegram bot invite reply, Signal verification test message). Channel.notify (hc/api/models.py) is the dispatcher that records a Notification row and calls the transport; its callers (sendalerts.notify, the Group transport fan-out, the 'Test!' view, senddeletionscheduled) are call sites; sendalerts.notify and senddeletionscheduled.send_channel_notifications are wrappers with their call sites.",
        "Ambiguous notification: the abstract Transport.notify (raises NotImplementedError), the Shell transport (runs a user-configured shell command with os.system on status change: an action, not a message), hc.lib.curl.request (the generic pycurl client, used for notifications and OAuth alike), the Signal socket write in _read_replies (the JSON-RPC bytes to signal-cli; Signal.send is the labelled wrapper).",
        "Not notifications: statsd metrics, hc.logs DB log handler, OAuth token exchanges and API lookups in the integration views/clients (Slack/Discord/Pushbullet/GitHub/Trello/Matrix join), settelegramwebhook (registers the bot webhook URL with Telegram).",
        "webhook_handler: telegram_bot (Telegram bot webhook), notification_status (delivery-status callbacks from Twilio and others), bounces (email bounce DSNs POSTed by the mail provider). Ambiguous: the ping endpoints (ping, ping_by_slug: the product's core inbound HTTP, called by users' cron jobs and scripts) and the smtpd management command's PingHandler (inbound email pings). Not webhook handlers: OAuth completion views (Slack/Discord/Pushbullet/PagerDuty add_complete, GitHub select), email/report unsubscribe views and docs_search (csrf_exempt but user-facing), the REST API views.",
        "scheduled_job: sendreports (sends due monthly/weekly/daily reports and hourly/daily nags; runs once per invocation or in --loop, started by uwsgi attach-daemon) is a touchpoint (the uwsgi.ini line is an alt). Ambiguous: sendalerts (a long-running poller rather than a schedule), and the maintenance/notice commands the package does not schedule (pruneusers, prunetokenbucket, pruneobjects - README says run occasionally; sendlogs, sendflappingnotices - look at the last 24 hours, i.e. daily cron; senddeletionscheduled, sendinactivitynotices; prunepingsslow). GitHub workflows have no schedule: triggers.",
        "data_model: Profile, Project, Check, Notification, Subscription (payments) are touchpoints; Member (user-project membership with a role), Channel (a project's notification-channel configuration incl. contact addresses), Ping, Flip are ambiguous; TokenBucket (rate limiting), Record (log), Credential (WebAuthn key), and the pydantic configuration/response models are not.",
        "event_tracking, llm_call, personize_call: none (no analytics snippet in templates, no LLM or Personize code). statsd counters/timers are operational metrics: not event_tracking.",
    ],
    "touchpoints": [
        # ---------------- email_send: the base wrapper and the provider call
        email(EM, "def send(message: Message, block: bool = False) -> None:", "send",
              note="wrapper: sends a Django email on a thread (EmailThread)"),
        email(EM, "self.message.send()", "EmailThread.run", provider="django",
              alt=[{"at": "class EmailThread(Thread):"}]),
        *[
            entry
            for def_at, sym, send_at, nth in EMAIL_TEMPLATE_WRAPPERS
            for entry in (
                email(EM, def_at, sym, note=f"wrapper: {sym} email template"),
                email(EM, send_at, sym, nth=nth, note="call site of emails.send"),
            )
        ],
        *[
            email(f, at, sym, note=f"call site of {w}")
            for f, at, sym, w in EMAIL_TEMPLATE_CALLS
        ],
        *[email(f, at, sym, note=note) for f, at, sym, note in MODEL_EMAIL_WRAPPERS],
        *[
            email(f, at, sym, nth=nth, note=f"call site of {w}")
            for f, at, sym, w, nth in MODEL_EMAIL_CALLS
        ],
        email(APIM, "mail_admins(subject, message, html_message=html_message)",
              "Channel.send_signal_captcha_alert", provider="django"),
        email("hc/logs/management/commands/sendlogs.py",
              "mail_admins(message, message, html_message=html_message)", "Command.handle",
              provider="django"),
        email(f"{I}/email/transport.py", NOTIFY_DEF, "Email.notify",
              note="wrapper: alert email channel transport",
              alt=[{"at": "class Email(Transport):"}]),
        # ---------------- notification: generic HTTP delivery helper
        notify(TR, "r = curl.request(", "HttpTransport._request", provider="pycurl",
               alt=[{"at": "def _request("}]),
        notify(TR, "def request(", "HttpTransport.request",
               note="wrapper: retrying HTTP delivery for the HTTP transports"),
        notify(TR, "def post(", "HttpTransport.post", note="wrapper: POST delivery"),
        notify(TR, "def put(", "HttpTransport.put", note="wrapper: PUT delivery"),
        # per-integration transports
        *transport_entries(),
        # sender wrappers used outside notify()
        notify(f"{I}/telegram/transport.py", "def send(cls, chat_id: int, thread_id: int | None, text: str) -> None:",
               "Telegram.send", "chat", provider="telegram",
               note="wrapper: Telegram sendMessage"),
        notify(f"{I}/telegram/transport.py", "cls.post(cls.SM, json=payload)", "Telegram.send", "chat",
               provider="telegram", note="call site of HttpTransport.post"),
        notify(f"{I}/telegram/views.py", "Telegram.send(chat.id, doc.message.message_thread_id, invite)",
               "telegram_bot", "chat", provider="telegram", note="call site of Telegram.send (bot invite reply)"),
        notify(f"{I}/signal/transport.py", "def send(cls, recipient: str, message: str) -> None:",
               "Signal.send", "chat", provider="signal-cli",
               note="wrapper: Signal message via signal-cli JSON-RPC"),
        notify(f"{I}/signal/views.py", 'Signal.send(recipient, f"Test message from {settings.SITE_NAME}")',
               "verify_signal_number", "chat", provider="signal-cli", note="call site of Signal.send"),
        # the dispatcher and its callers
        notify(APIM, "def notify(self, flip: Flip, is_test: bool = False) -> str:", "Channel.notify",
               note="dispatcher: records a Notification and calls the channel's transport"),
        notify(APIM, "self.transport.notify(flip, notification=n)", "Channel.notify",
               note="call site of Transport.notify (per-kind transport)"),
        notify(SA, "def notify(flip: Flip) -> str | None:", "notify",
               note="wrapper: notifies every channel of a flipped check"),
        notify(SA, "f = self.executor.submit(notify, flip)", "Command.process_one_flip",
               note="call site of sendalerts.notify (thread pool)"),
        notify(SA, "error = ch.notify(flip)", "notify", note="call site of Channel.notify"),
        notify(f"{I}/group/transport.py", "error = channel.notify(flip, is_test=is_test)", "Group.notify",
               note="call site of Channel.notify (group fan-out)"),
        notify(f"{I}/group/transport.py", NOTIFY_DEF, "Group.notify",
               note="wrapper: group channel transport, fans out to member channels",
               alt=[{"at": "class Group(Transport):"}]),
        notify(FV, "error = channel.notify(dummy_flip, is_test=True)", "send_test_notification", nth=1,
               note="call site of Channel.notify (test notification)"),
        notify(FV, "error = channel.notify(dummy_flip, is_test=True)", "send_test_notification", nth=2,
               note="call site of Channel.notify (test notification)"),
        notify(SDS, "def send_channel_notifications(", "Command.send_channel_notifications",
               note="wrapper: deletion warning to all of the account's channels"),
        notify(SDS, "self.send_channel_notifications(profile, skip_emails=recipients)", "Command.handle",
               note="call site of send_channel_notifications"),
        notify(SDS, "error = channel.notify(dummy_flip, is_test=True)", "Command.send_channel_notifications",
               nth=1, note="call site of Channel.notify"),
        notify(SDS, "error = channel.notify(dummy_flip, is_test=True)", "Command.send_channel_notifications",
               nth=2, note="call site of Channel.notify"),
        # ---------------- webhook_handler
        tp("webhook_handler", f"{I}/telegram/views.py", "def telegram_bot(request: HttpRequest) -> HttpResponse:",
           "telegram_bot", provider="telegram",
           alt=[{"file": f"{I}/telegram/urls.py", "at": 'path("integrations/telegram/bot/"'}]),
        tp("webhook_handler", APIV, "def notification_status(request: HttpRequest, code: UUID) -> HttpResponse:",
           "notification_status", provider="twilio", note="delivery-status callbacks"),
        tp("webhook_handler", APIV, "def bounces(request: HttpRequest) -> HttpResponse:", "bounces",
           note="email bounce DSNs posted by the mail provider",
           alt=[{"file": "hc/api/urls.py", "at": 'path("bounces/", views.bounces)'}]),
        # ---------------- scheduled_job
        tp("scheduled_job", SR, "class Command(BaseCommand):", "sendreports",
           note="management command sending due reports and nags; run by uwsgi attach-daemon --loop",
           alt=[{"file": "docker/uwsgi.ini", "at": "attach-daemon = ./manage.py sendreports --loop"}]),
        # ---------------- data_model
        model(AM, "Profile"),
        model(AM, "Project"),
        model(APIM, "Check"),
        model(APIM, "Notification"),
        model("hc/payments/models.py", "Subscription"),
    ],
    "not_touchpoints": [
        no("data_model", APIM, "class TokenBucket(models.Model):", "rate-limiting table"),
        no("data_model", "hc/logs/models.py", "class Record(models.Model):", "application log records"),
        no("data_model", AM, "class Credential(models.Model):", "WebAuthn credential (auth technical)"),
        *[no("data_model", f, at, why) for f, at, why in PYDANTIC_NOT_MODELS],
        no("email_send", AM, "def team_emails(self) -> list[str]:", "returns addresses, sends nothing"),
        no("email_send", "hc/lib/signing.py", "def sign_bounce_id(", "signs a bounce id header value"),
        no("email_send", f"{I}/email/views.py", "def unsubscribe(request: HttpRequest, code: UUID, signed_token: str)",
           "unsubscribe link handler, sends nothing"),
        no("email_send", f"{I}/email/transport.py", "def bytes_to_sanitized_message(", "parses a received email"),
        no("notification", "hc/api/management/commands/settelegramwebhook.py", "r = curl.post(url, json=form)",
           "registers the bot webhook URL with Telegram: configuration, no message"),
        no("notification", f"{I}/slack/views.py", 'result = curl.post("https://slack.com/api/oauth.v2.access", data)',
           "OAuth token exchange"),
        no("notification", f"{I}/discord/views.py", 'result = curl.post("https://discordapp.com/api/oauth2/token", data)',
           "OAuth token exchange"),
        no("notification", f"{I}/pushbullet/views.py", 'result = curl.post("https://api.pushbullet.com/oauth2/token", data)',
           "OAuth token exchange"),
        no("notification", f"{I}/matrix/client.py", "r = curl.post(url, headers=headers)", "joins a Matrix room; no message"),
        no("notification", f"{I}/github/client.py", "result = curl.post(url, data, headers=headers)", "GitHub OAuth token exchange"),
        no("notification", f"{I}/trello/views.py", "result = curl.get(url, params)", "reads Trello boards"),
        no("notification", APIM, "def select_channels(self) -> list[Channel]:", "chooses channels, delivers nothing"),
        no("notification", APIM, "def update_telegram_id(", "stores a migrated chat id"),
        no("event_tracking", SA, 'statsd.incr(f"hc.notifications.{ch.kind}.fail")', "operational metrics (statsd), not product analytics"),
        no("event_tracking", SA, 'statsd.incr(f"hc.notifications.{ch.kind}.success")', "operational metrics (statsd), not product analytics"),
        no("webhook_handler", f"{I}/slack/views.py", "def add_complete(request: AuthenticatedHttpRequest) -> HttpResponse:",
           "OAuth redirect completion, user-facing"),
        no("webhook_handler", f"{I}/discord/views.py", "def add_complete(request: AuthenticatedHttpRequest) -> HttpResponse:",
           "OAuth redirect completion, user-facing"),
        no("webhook_handler", f"{I}/pushbullet/views.py", "def add_complete(request: AuthenticatedHttpRequest) -> HttpResponse:",
           "OAuth redirect completion, user-facing"),
        no("webhook_handler", f"{I}/pd/views.py", "def add_complete(request: AuthenticatedHttpRequest) -> HttpResponse:",
           "PagerDuty connect redirect completion, user-facing"),
        no("webhook_handler", f"{I}/github/views.py", "def select(request: HttpRequest) -> HttpResponse:",
           "GitHub app install redirect, user-facing"),
        no("webhook_handler", f"{I}/email/views.py", "def unsubscribe(request: HttpRequest, code: UUID, signed_token: str)",
           "csrf_exempt unsubscribe link, user-facing"),
        no("webhook_handler", AV, "def unsubscribe_reports(request: HttpRequest, signed_username: str)",
           "csrf_exempt unsubscribe link, user-facing"),
        no("webhook_handler", FV, "def docs_search(request: HttpRequest) -> HttpResponse:", "csrf_exempt docs search page"),
        no("webhook_handler", APIV, "def checks(request: HttpRequest) -> HttpResponse:", "REST API for the user's own checks"),
        no("webhook_handler", f"{I}/prometheus/views.py", "def metrics(", "Prometheus metrics export endpoint (pulled)"),
        no("scheduled_job", AM, "def update_next_nag_dates(self) -> None:", "computes next nag dates; not a job"),
        no("scheduled_job", "hc/api/management/commands/submitchallenge.py", "class Command(BaseCommand):",
           "one-off command to submit a Signal CAPTCHA"),
        no("scheduled_job", "hc/accounts/management/commands/createsuperuser.py", "class Command(BaseCommand):",
           "one-off admin command"),
        no("scheduled_job", "hc/api/management/commands/settelegramwebhook.py", "class Command(BaseCommand):",
           "one-off setup command"),
    ],
    "ambiguous": [
        # notification
        no("notification", TR, NOTIFY_DEF, "abstract Transport.notify (raises NotImplementedError): the interface every transport implements",
           alt=[{"at": "class Transport:"}]),
        no("notification", f"{I}/shell/transport.py", NOTIFY_DEF, "Shell transport runs a user-configured command (os.system) on status change: an action, not a message"),
        no("notification", f"{I}/shell/transport.py", "code = os.system(cmd)", "shell command run as the 'notification'"),
        no("notification", FV, "def send_test_notification(",
           "the 'Test!' view: named for sending, its two Channel.notify calls are labelled"),
        no("notification", "hc/lib/curl.py", "def request(", "generic pycurl HTTP client used by transports and OAuth views alike"),
        no("notification", f"{I}/signal/transport.py", "s.sendall(payload_bytes)", "the raw JSON-RPC write to signal-cli under Signal.send (the labelled wrapper)"),
        # email_send
        no("email_send", EM, "def make_message(", "builds the EmailMultiAlternatives for every email; sending happens in send()",
           alt=[{"at": "msg = Message(subject, body, from_email, to_list, headers=headers)"}]),
        no("email_send", AM, "def invite(self, user: User, role: str) -> bool:", "Project.invite adds a member and emails a login link as a side effect"),
        no("email_send", AV, 'if project.invite(user, role=invite_form.cleaned_data["role"]):', "call of the ambiguous Project.invite"),
        no("email_send", "hc/accounts/admin.py", "def send_report(self, request: HttpRequest, qs: QuerySet[Profile]) -> None:",
           "admin action that sends reports via Profile.send_report"),
        no("email_send", "hc/accounts/admin.py", "def send_nag(self, request: HttpRequest, qs: QuerySet[Profile]) -> None:",
           "admin action that sends nags via Profile.send_report"),
        no("email_send", "hc/accounts/decorators.py", "def require_sudo_mode(f: ViewFunc) -> ViewFunc:",
           "decorator that emails a sudo code as a side effect (the emails.sudo_code call is labelled)"),
        # webhook_handler
        no("webhook_handler", APIV, "def ping(",
           "ping endpoint: the product's core inbound HTTP, hit by users' cron jobs/scripts (events from other systems, but the product itself)",
           alt=[{"file": "hc/api/urls.py", "at": 'path("ping/<uuid:code>", views.ping)'}]),
        no("webhook_handler", APIV, "def ping_by_slug(", "ping-by-slug endpoint, same as ping"),
        no("webhook_handler", "hc/api/management/commands/smtpd.py", "async def handle_DATA(",
           "inbound email pings via the built-in SMTP server",
           alt=[{"at": "class PingHandler:"}]),
        # scheduled_job
        no("scheduled_job", SA, "class Command(BaseCommand):", "sendalerts: long-running poller (uwsgi attach-daemon) that sends alerts as checks go down; not a schedule",
           alt=[{"file": "docker/uwsgi.ini", "at": "attach-daemon = ./manage.py sendalerts --skip-checks"}]),
        no("scheduled_job", "hc/accounts/management/commands/pruneusers.py", "class Command(BaseCommand):", "maintenance command documented for periodic manual/cron use; not scheduled by the package"),
        no("scheduled_job", "hc/api/management/commands/prunetokenbucket.py", "class Command(BaseCommand):", "maintenance command documented for periodic use; not scheduled"),
        no("scheduled_job", "hc/api/management/commands/pruneobjects.py", "class Command(BaseCommand):", "README: run occasionally (e.g. monthly); not scheduled"),
        no("scheduled_job", "hc/api/management/commands/prunepingsslow.py", "class Command(BaseCommand):", "maintenance command; not scheduled"),
        no("scheduled_job", "hc/logs/management/commands/sendlogs.py", "class Command(BaseCommand):", "mails admins about log records of the last 24 hours: meant for a daily cron, not scheduled here"),
        no("scheduled_job", "hc/accounts/management/commands/sendflappingnotices.py", "class Command(BaseCommand):", "notices about flips in the last 24 hours: daily-cron style, not scheduled here"),
        no("scheduled_job", SDS, "class Command(BaseCommand):", "deletion warnings: operator-run, cadence not declared"),
        no("scheduled_job", "hc/accounts/management/commands/sendinactivitynotices.py", "class Command(BaseCommand):", "inactivity notices: operator-run, cadence not declared"),
        # data_model
        no("data_model", AM, "class Member(models.Model):", "user-project membership with a role (join table with data)"),
        no("data_model", APIM, "class Channel(models.Model):", "a project's notification-channel configuration, including contact addresses/phones"),
        no("data_model", APIM, "class Ping(models.Model):", "high-volume inbound ping events of a check"),
        no("data_model", APIM, "class Flip(models.Model):", "status-change events of a check"),
    ],
}
