"""First-contact labels for CTFd 3.8.7 (GitHub CTFd/CTFd, commit 91ced62d) (batch6).

Written by reading the code with grep before the scanner was ever run on this app.
Nobody looked at scanner output while writing these labels.
"""

from bench.labels.resolve import no, tp

PACKAGE = "ctfd"
OUTPUT = "bench/labels/batch6/ctfd.json"
ROOT = "/tmp/fc/ctfd"
SOURCE = {
    "source": "github",
    "repo": "CTFd/CTFd",
    "commit": "91ced62d44d3ec3142a0948ee96ed19947cfc979",
    "subdir": "",
    "how": "git --git-dir=<mirror> archive 91ced62d44d3ec3142a0948ee96ed19947cfc979 | tar -x -C /tmp/fc/ctfd",
    "version": "3.8.7 (CTFd/__init__.py __version__; HEAD commit 'Mark 3.8.7 (#3098)', 2026-08-19)",
}

EM = "CTFd/utils/email/__init__.py"
MG = "CTFd/utils/email/providers/mailgun.py"
SM = "CTFd/utils/email/providers/smtp.py"
AU = "CTFd/auth.py"
UA = "CTFd/api/v1/users.py"
MD = "CTFd/models/__init__.py"
NA = "CTFd/api/v1/notifications.py"
EV = "CTFd/utils/events/__init__.py"


def email(file, at, symbol=None, nth=0, note="call site of utils.email wrapper", **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, note=note, **kw)


def model(name, note, file=MD, base="db.Model"):
    return tp(
        "data_model",
        file,
        f"class {name}({base}):",
        name,
        entity=name,
        framework="sqlalchemy",
        note=note,
    )


def model_no(name, why, file=MD, base="db.Model"):
    return no("data_model", file, f"class {name}({base}):", why)


# utils/email per-purpose wrappers: (def line, the sendmail line inside, nth of that line).
EMAIL_WRAPPERS = [
    ("password_change_alert", "def password_change_alert(email):",
     "return sendmail(addr=email, text=text, subject=subject)", 1),
    ("forgot_password", "def forgot_password(email):",
     "return sendmail(addr=email, text=text, subject=subject)", 2),
    ("verify_email_address", "def verify_email_address(addr):",
     "return sendmail(addr=addr, text=text, subject=subject)", 1),
    ("successful_registration_notification", "def successful_registration_notification(addr):",
     "return sendmail(addr=addr, text=text, subject=subject)", 2),
    ("user_created_notification", "def user_created_notification(addr, name, password):",
     "return sendmail(addr=addr, text=text, subject=subject)", 3),
]

# Polymorphic single-table subtypes with no (or only a discriminator/FK) columns of their own.
SUBTYPES = [
    ("Admins", "Users", "polymorphic subtype of Users (admin accounts), no own columns"),
    ("Fails", "Submissions", "polymorphic subtype of Submissions (wrong flag), no own columns"),
    ("Partials", "Submissions", "polymorphic subtype of Submissions, no own columns"),
    ("Discards", "Submissions", "polymorphic subtype of Submissions, no own columns"),
    ("Ratelimiteds", "Submissions", "polymorphic subtype of Submissions, no own columns"),
    ("HintUnlocks", "Unlocks", "polymorphic subtype of Unlocks, no own columns"),
    ("SolutionUnlocks", "Unlocks", "polymorphic subtype of Unlocks, no own columns"),
    ("UserComments", "Comments", "admin notes about a user (subtype of Comments adding user_id)"),
    ("TeamComments", "Comments", "admin notes about a team (subtype of Comments adding team_id)"),
    ("ChallengeComments", "Comments", "admin notes on a challenge (subtype of Comments)"),
    ("PageComments", "Comments", "admin notes on a page (subtype of Comments)"),
    ("UserTokens", "Tokens", "polymorphic subtype of Tokens, no own columns"),
    ("UserFieldEntries", "FieldEntries", "a user's custom registration-field value (EAV row)"),
    ("TeamFieldEntries", "FieldEntries", "a team's custom registration-field value (EAV row)"),
]

AMBIGUOUS_MODELS = [
    ("Tracking", "a user's IP / last-seen history written on every request"),
    ("Tokens", "a user's API access tokens (credentials)"),
    ("FieldEntries", "custom profile-field values for users/teams (EAV base)"),
    ("Brackets", "scoreboard division users/teams are placed in (configuration-like)"),
    ("Audiences", "named group of users/teams for module access"),
]

NOT_MODELS = [
    ("Pages", "CMS page content"),
    ("Challenges", "CTF challenge content"),
    ("Hints", "challenge content"),
    ("Tags", "challenge content"),
    ("Topics", "challenge content"),
    ("ChallengeTopics", "join table"),
    ("Solutions", "challenge write-up content"),
    ("Files", "file"),
    ("Flags", "challenge answer configuration"),
    ("Configs", "settings key/value table"),
    ("Fields", "configuration (custom field definitions)"),
    ("AudienceMembers", "join table (audience <-> user/team)"),
    ("Modules", "challenge grouping content"),
    ("ModuleAudienceAccess", "join table"),
]

NOT_SUBMODELS = [
    ("ChallengeFiles", "Files", "file"),
    ("PageFiles", "Files", "file"),
    ("SolutionFiles", "Files", "file"),
    ("UserFields", "Fields", "configuration (custom field definitions)"),
    ("TeamFields", "Fields", "configuration (custom field definitions)"),
]

# Pydantic API response documentation models (flask-restx swagger) and marshmallow
# ModelSchemas: serializers, not entity definitions.
SERIALIZERS = [
    ("CTFd/api/v1/users.py", "UserDetailedSuccessResponse"),
    ("CTFd/api/v1/challenges.py", "ChallengeDetailedSuccessResponse"),
    ("CTFd/api/v1/challenges.py", "ChallengeListSuccessResponse"),
    ("CTFd/api/v1/pages.py", "PageDetailedSuccessResponse"),
    ("CTFd/api/v1/pages.py", "PageListSuccessResponse"),
    ("CTFd/api/v1/teams.py", "TeamDetailedSuccessResponse"),
    ("CTFd/api/v1/tokens.py", "TokenDetailedSuccessResponse"),
    ("CTFd/api/v1/tokens.py", "ValuelessTokenDetailedSuccessResponse"),
    ("CTFd/api/v1/tokens.py", "TokenListSuccessResponse"),
    ("CTFd/api/v1/solutions.py", "SolutionDetailedSuccessResponse"),
    ("CTFd/api/v1/solutions.py", "SolutionListSuccessResponse"),
    ("CTFd/api/v1/flags.py", "FlagDetailedSuccessResponse"),
    ("CTFd/api/v1/flags.py", "FlagListSuccessResponse"),
    ("CTFd/api/v1/unlocks.py", "UnlockDetailedSuccessResponse"),
    ("CTFd/api/v1/unlocks.py", "UnlockListSuccessResponse"),
    ("CTFd/api/v1/schemas/__init__.py", "APISimpleSuccessResponse"),
    ("CTFd/api/v1/schemas/__init__.py", "APIDetailedSuccessResponse"),
    ("CTFd/api/v1/schemas/__init__.py", "APIListSuccessResponse"),
    ("CTFd/api/v1/schemas/__init__.py", "PaginatedAPIListSuccessResponse"),
    ("CTFd/api/v1/schemas/__init__.py", "APISimpleErrorResponse"),
    ("CTFd/api/v1/config.py", "ConfigDetailedSuccessResponse"),
    ("CTFd/api/v1/config.py", "ConfigListSuccessResponse"),
    ("CTFd/api/v1/awards.py", "AwardDetailedSuccessResponse"),
    ("CTFd/api/v1/awards.py", "AwardListSuccessResponse"),
    ("CTFd/api/v1/topics.py", "TopicDetailedSuccessResponse"),
    ("CTFd/api/v1/topics.py", "TopicListSuccessResponse"),
    ("CTFd/api/v1/files.py", "FileDetailedSuccessResponse"),
    ("CTFd/api/v1/files.py", "FileListSuccessResponse"),
    ("CTFd/api/v1/tags.py", "TagDetailedSuccessResponse"),
    ("CTFd/api/v1/tags.py", "TagListSuccessResponse"),
    ("CTFd/api/v1/comments.py", "CommentDetailedSuccessResponse"),
    ("CTFd/api/v1/comments.py", "CommentListSuccessResponse"),
    ("CTFd/api/v1/submissions.py", "SubmissionDetailedSuccessResponse"),
    ("CTFd/api/v1/notifications.py", "NotificationDetailedSuccessResponse"),
    ("CTFd/api/v1/notifications.py", "NotificationListSuccessResponse"),
    ("CTFd/api/v1/hints.py", "HintDetailedSuccessResponse"),
    ("CTFd/api/v1/hints.py", "HintListSuccessResponse"),
    ("CTFd/schemas/audiences.py", "AudienceSchema"),
    ("CTFd/schemas/audiences.py", "AudienceMemberSchema"),
    ("CTFd/schemas/users.py", "UserSchema"),
    ("CTFd/schemas/challenges.py", "ChallengeSchema"),
    ("CTFd/schemas/pages.py", "PageSchema"),
    ("CTFd/schemas/teams.py", "TeamSchema"),
    ("CTFd/schemas/tokens.py", "TokenSchema"),
    ("CTFd/schemas/solutions.py", "SolutionSchema"),
    ("CTFd/schemas/flags.py", "FlagSchema"),
    ("CTFd/schemas/unlocks.py", "UnlockSchema"),
    ("CTFd/schemas/config.py", "ConfigSchema"),
    ("CTFd/schemas/awards.py", "AwardSchema"),
    ("CTFd/schemas/topics.py", "TopicSchema"),
    ("CTFd/schemas/topics.py", "ChallengeTopicSchema"),
    ("CTFd/schemas/brackets.py", "BracketSchema"),
    ("CTFd/schemas/files.py", "FileSchema"),
    ("CTFd/schemas/tags.py", "TagSchema"),
    ("CTFd/schemas/modules.py", "ModuleSchema"),
    ("CTFd/schemas/modules.py", "ModuleChallengeSchema"),
    ("CTFd/schemas/modules.py", "ModuleAudienceAccessSchema"),
    ("CTFd/schemas/fields.py", "FieldSchema"),
    ("CTFd/schemas/fields.py", "UserFieldEntriesSchema"),
    ("CTFd/schemas/fields.py", "TeamFieldEntriesSchema"),
    ("CTFd/schemas/ratings.py", "RatingSchema"),
    ("CTFd/schemas/comments.py", "CommentSchema"),
    ("CTFd/schemas/submissions.py", "SubmissionSchema"),
    ("CTFd/schemas/notifications.py", "NotificationSchema"),
    ("CTFd/schemas/hints.py", "HintSchema"),
]


SPEC = {
    "notes": [
        "CTFd 3.8.7 from GitHub CTFd/CTFd at commit 91ced62d44d3ec3142a0948ee96ed19947cfc979 (git archive of HEAD; pyproject still says 3.8.6, CTFd/__init__.py says 3.8.7). Flask + Flask-SQLAlchemy + flask-restx + marshmallow; Vue/Alpine theme sources. Paths relative to the repo root. First contact: labelled by hand before any scanner output was looked at.",
        "Not touchpoints by the rules: tests/**, CTFd/plugins/flags/tests/**, migrations/** and CTFd/plugins/dynamic_challenges/migrations/** (alembic), CTFd/themes/*/static/** (vite build output), CTFd/themes/*/assets/js/compat/api.js and core-deprecated/assets/js/api.js (generated swagger client), populate.py (fake-data generator for development).",
        "email_send: utils.email.sendmail is the base wrapper; it picks a provider class from PROVIDERS (get_mail_provider) and calls EmailProvider.sendmail (that line is labelled as a call site). The providers are MailgunEmailProvider.sendmail (requests.post to the Mailgun HTTP API) and SMTPEmailProvider.sendmail (smtplib send_message, two lines depending on the sender address). utils/email/mailgun.py and utils/email/smtp.py are deprecated public shims that still send: wrappers with their inner call. Five per-purpose wrappers (password_change_alert, forgot_password, verify_email_address, successful_registration_notification, user_created_notification) each call sendmail; their callers in auth.py and api/v1/users.py are call sites, and the admin 'email this user' endpoint (UserEmails.post) calls sendmail directly.",
        "email_send ambiguous: the abstract EmailProvider.sendmail (raises NotImplementedError; the provider interface), get_smtp (opens/logs in the smtplib connection, sends nothing), and two admin-theme JS places that trigger mail through the API (emailUser -> POST /api/v1/users/<id>/email, and the create-user form's ?notify=true).",
        "notification: the only non-email delivery is the in-app broadcast: NotificantionList.post (admin API) stores a Notifications row and pushes it to every connected browser via current_app.events_manager.publish (Server-Sent Events; Redis pub/sub when CACHE_TYPE=redis). That publish line is the touchpoint (channel in_app). EventManager.publish / RedisEventManager.publish are a generic SSE bus whose only publisher is that endpoint: ambiguous. The admin page's JS call CTFd.api.post_notification_list is ambiguous (front-end trigger of the API). The theme JS that receives/renders SSE notifications (events.js, utils/notifications/*.js) and the notification listing pages are not deliveries. No Slack/Discord/SMS/push/outgoing webhooks exist.",
        "Precision traps: successful_registration_notification and user_created_notification are named *_notification but only send email (not_touchpoints for kind notification); SendEmailForm, email token helpers, can_send_mail/get_mail_provider, check_email_is_whitelisted, validate_email and populate.gen_email deliver nothing.",
        "webhook_handler: none. /setup/integrations (views.integrations) receives MajorLeagueCyber OAuth client credentials from an external integration flow: ambiguous. auth.oauth_redirect is the user's OAuth login redirect and /events is an outgoing SSE stream: not webhooks.",
        "event_tracking: none. Ambiguous: the tracker before_request that writes Tracking rows (user IP + date) on requests; utils.updates.update_check, which sends anonymous instance stats (user/team/challenge counts) to versioning.ctfd.io with its version check (alt: the requests.get line); and Configs.theme_header injected into <head> by the themes, the admin-configurable slot where organisers paste analytics snippets (no analytics code ships in the repo). utils.logging.log writes logins/registrations/submissions to log files: logging, not analytics.",
        "scheduled_job: none. update_check's next_update_check is a throttle run on app start and admin statistics page loads, Challenges.scheduled_at is a visibility gate, and the RedisEventManager listener is a long-running gevent greenlet: not scheduled jobs. No GitHub Actions workflow uses schedule:.",
        "llm_call, personize_call: none (CTFd/themes/core/assets/img/ctfd.ai is an Illustrator file, not AI code).",
        "data_model: Users, Teams (the accounts), Submissions and Solves (a user's/team's flag attempts and solves), Awards, Unlocks, Notifications, Comments and Ratings (a user's challenge rating + review) are touchpoints. Polymorphic subtypes (Admins, Fails/Partials/Discards/Ratelimiteds, HintUnlocks/SolutionUnlocks, the Comments and FieldEntries subtypes, UserTokens), Tracking, Tokens, FieldEntries, Brackets and Audiences are ambiguous. Challenge/page content, files, flags, settings, custom-field definitions and join tables are not. The marshmallow ModelSchemas in CTFd/schemas/ and pydantic API response models in CTFd/api/v1/ are serializers: not touchpoints.",
    ],
    "touchpoints": [
        # ---- email_send: base wrapper + provider dispatch
        email(EM, 'def sendmail(addr, text, subject="Message from {ctf_name}"):', "sendmail",
              note="wrapper: dispatches to the configured email provider (SMTP/Mailgun)"),
        email(EM, "return EmailProvider.sendmail(addr, text, subject)", "sendmail",
              note="call site of the provider's sendmail"),
        # providers
        email(MG, "def sendmail(addr, text, subject):", "sendmail",
              note="wrapper: MailgunEmailProvider.sendmail (Mailgun HTTP API)"),
        email(MG, "r = requests.post(", "sendmail", provider="mailgun", note="Mailgun /messages POST",
              alt=[{"at": 'mailgun_base_url + "/messages",'}]),
        email(SM, "def sendmail(addr, text, subject):", "sendmail",
              note="wrapper: SMTPEmailProvider.sendmail (smtplib)"),
        email(SM, "smtp.send_message(msg)", "sendmail", provider="smtplib",
              note="smtplib send (admin-configured server)"),
        email(SM, "smtp.send_message(msg, from_addr=mailsender_addr)", "sendmail", provider="smtplib",
              note="smtplib send (server from app config)"),
        # deprecated shims
        email("CTFd/utils/email/mailgun.py", "def sendmail(addr, text, subject):", "sendmail",
              note="wrapper: deprecated shim around MailgunEmailProvider"),
        email("CTFd/utils/email/mailgun.py", "return MailgunEmailProvider.sendmail(addr, text, subject)",
              "sendmail", note="call site of MailgunEmailProvider.sendmail"),
        email("CTFd/utils/email/smtp.py", "def sendmail(addr, text, subject):", "sendmail",
              note="wrapper: deprecated shim around SMTPEmailProvider"),
        email("CTFd/utils/email/smtp.py", "return SMTPEmailProvider.sendmail(addr, text, subject)",
              "sendmail", note="call site of SMTPEmailProvider.sendmail"),
        # per-purpose wrappers and their sendmail calls
        *[
            item
            for name, at_def, at_call, nth in EMAIL_WRAPPERS
            for item in (
                email(EM, at_def, name, note=f"wrapper: {name.replace('_', ' ')} email"),
                email(EM, at_call, name, nth=nth, note="call site of sendmail"),
            )
        ],
        # call sites of the per-purpose wrappers
        email(AU, "email.successful_registration_notification(user.email)", "confirm", nth=1,
              note="call site of successful_registration_notification"),
        email(AU, "email.verify_email_address(user.email)", "confirm", nth=1,
              note="call site of verify_email_address (resend confirmation)"),
        email(AU, "email.password_change_alert(user.email)", "reset_password",
              note="call site of password_change_alert"),
        email(AU, "email.forgot_password(email_address)", "reset_password",
              note="call site of forgot_password"),
        email(AU, "email.verify_email_address(user.email)", "register", nth=2,
              note="call site of verify_email_address"),
        email(AU, "email.successful_registration_notification(user.email)", "register", nth=2,
              note="call site of successful_registration_notification"),
        email(UA, "user_created_notification(addr=email, name=name, password=password)", "post",
              note="call site of user_created_notification (admin creates a user with ?notify)"),
        email(UA, "result, response = sendmail(addr=user.email, text=text)", "post",
              note="call site of sendmail (admin emails a user, UserEmails.post)"),
        # ---- notification: in-app broadcast over SSE
        tp("notification", NA,
           'current_app.events_manager.publish(data=response.data, type="notification")',
           "post", channel="in_app", provider="sse",
           note="admin notification: row stored then pushed to connected browsers",
           alt=[{"at": "    def post(self):"}]),
        # ---- data_model
        model("Users", "the user (participant/admin account)"),
        model("Teams", "a team account users belong to"),
        model("Submissions", "a user's/team's flag submission"),
        model("Solves", "a solve by a user/team (own table)", base="Submissions"),
        model("Awards", "points/badge awarded to a user/team"),
        model("Unlocks", "a hint/solution unlocked by a user/team"),
        model("Notifications", "notification shown to users (optional user/team target)"),
        model("Comments", "admin-authored comment (author is a user)"),
        model("Ratings", "a user's rating and review of a challenge"),
    ],
    "not_touchpoints": [
        *[model_no(name, why) for name, why in NOT_MODELS],
        *[model_no(name, why, base=base) for name, base, why in NOT_SUBMODELS],
        model_no("DynamicChallenge", "challenge content (plugin subtype of Challenges)",
                 file="CTFd/plugins/dynamic_challenges/__init__.py", base="Challenges"),
        *[no("data_model", file, f"class {name}(", "serializer / API response model, not an entity")
          for file, name in SERIALIZERS],
        # email look-alikes
        no("email_send", "CTFd/forms/email.py", "class SendEmailForm(BaseForm):", "WTForms form, sends nothing"),
        no("email_send", "CTFd/utils/security/email.py", "def generate_email_confirm_token(", "token generation"),
        no("email_send", "CTFd/utils/security/email.py", "def generate_password_reset_token(", "token generation"),
        no("email_send", "CTFd/utils/config/__init__.py", "def can_send_mail():", "config check"),
        no("email_send", "CTFd/utils/config/__init__.py", "def get_mail_provider():", "config check"),
        no("email_send", EM, "def check_email_is_whitelisted(email_address):", "domain allow-list check"),
        no("email_send", EM, "def check_email_is_blacklisted(email_address):", "domain block-list check"),
        no("email_send", "CTFd/utils/validators/__init__.py", "def validate_email(email):", "validation"),
        no("email_send", "populate.py", "def gen_email():", "fake-data generator (dev script)"),
        # notification look-alikes
        no("notification", EM, "def successful_registration_notification(addr):",
           "named *_notification but sends email only (email_send)"),
        no("notification", EM, "def user_created_notification(addr, name, password):",
           "named *_notification but sends email only (email_send)"),
        no("notification", UA, "user_created_notification(addr=email, name=name, password=password)",
           "call of an email wrapper named *_notification"),
        no("notification", "CTFd/views.py", "def notifications():", "page listing notifications (UI)"),
        no("notification", "CTFd/admin/notifications.py", "def notifications():", "admin page listing notifications (UI)"),
        no("notification", "CTFd/themes/core/assets/js/notifications.js",
           "CTFd.fetch(`/api/v1/notifications?since_id=${lastId}`)", "client reads notifications to display them"),
        no("notification", "CTFd/themes/core/assets/js/utils/notifications/toasts.js",
           "CTFd._functions.events.eventToast = data => {", "client renders an incoming toast"),
        no("notification", "CTFd/themes/core-deprecated/assets/js/events.js", "source.addEventListener(",
           "client SSE receiver/renderer"),
        no("notification", "CTFd/themes/admin/assets/js/compat/events.js", "source.addEventListener(",
           "client SSE receiver/renderer"),
        no("notification", "CTFd/themes/admin/assets/js/compat/api.js",
           "API.prototype.post_notification_list = function (parameters) {", "generated swagger client"),
        # webhook look-alikes
        no("webhook_handler", AU, "def oauth_redirect():", "OAuth login redirect of the user's browser"),
        no("webhook_handler", "CTFd/events/__init__.py", "def subscribe():", "outgoing SSE stream to browsers"),
        # event_tracking look-alikes
        no("event_tracking", "CTFd/utils/logging/__init__.py", "def log(logger, format, **kwargs):",
           "file logging of logins/registrations/submissions"),
        # scheduled_job look-alikes
        no("scheduled_job", "CTFd/utils/updates/__init__.py", "def update_check(force=False):",
           "throttled check on app start / admin page load, not scheduled"),
        no("scheduled_job", MD, "scheduled_at = db.Column(db.DateTime, nullable=True)",
           "challenge release time (visibility gate)"),
        no("scheduled_job", EV, "spawn(_listen)", "long-running Redis pub/sub listener greenlet"),
    ],
    "ambiguous": [
        # data_model
        *[no("data_model", MD, f"class {name}({base}):", why) for name, base, why in SUBTYPES],
        *[no("data_model", MD, f"class {name}(db.Model):", why) for name, why in AMBIGUOUS_MODELS],
        # email_send
        no("email_send", "CTFd/utils/email/providers/__init__.py", "def sendmail(addr, text, subject):",
           "abstract EmailProvider interface (raises NotImplementedError)"),
        no("email_send", SM, "def get_smtp(", "opens and logs in the SMTP connection; sends nothing itself"),
        no("email_send", "CTFd/themes/admin/assets/js/pages/user.js", "function emailUser(event) {",
           "admin UI posting to the email-a-user API",
           alt=[{"at": 'CTFd.fetch("/api/v1/users/" + window.USER_ID + "/email", {'}]),
        no("email_send", "CTFd/themes/admin/assets/js/pages/user.js", "url = `${url}?notify=true`;",
           "admin UI asking the create-user API to email credentials"),
        # notification
        no("notification", EV, "def publish(self, data, type=None, id=None, channel=\"ctf\"):",
           "generic SSE event bus (in-memory); only publisher is the notification API", nth=1),
        no("notification", EV, "def publish(self, data, type=None, id=None, channel=\"ctf\"):",
           "generic SSE event bus over Redis pub/sub; only publisher is the notification API", nth=2,
           alt=[{"at": "return self.client.publish(message=message, channel=channel)"}]),
        no("notification", "CTFd/themes/admin/assets/js/pages/notifications.js",
           "CTFd.api.post_notification_list({}, params)", "admin UI trigger of the notification API"),
        # webhook_handler
        no("webhook_handler", "CTFd/views.py", "def integrations():",
           "receives MajorLeagueCyber OAuth credentials from an external integration flow",
           alt=[{"at": '@views.route("/setup/integrations", methods=["GET", "POST"])'}]),
        # event_tracking
        no("event_tracking", "CTFd/utils/initialization/__init__.py", "def tracker():",
           "records user IP + last-seen in Tracking rows on requests (security/ops, not analytics)",
           alt=[{"at": 'track = Tracking(ip=get_ip(), user_id=session["id"])'}]),
        no("event_tracking", "CTFd/utils/updates/__init__.py", "def update_check(force=False):",
           "anonymous instance statistics sent with the version check",
           alt=[{"at": "check = requests.get("}]),
        no("event_tracking", "CTFd/themes/core/templates/base.html", "{{ Configs.theme_header }}",
           "admin-configured <head> HTML slot where analytics snippets are pasted; no snippet ships",
           alt=[{"file": "CTFd/themes/core-deprecated/templates/base.html", "at": "{{ Configs.theme_header }}"},
                {"file": "CTFd/constants/config.py", "at": "def theme_header(self):"}]),
    ],
}
