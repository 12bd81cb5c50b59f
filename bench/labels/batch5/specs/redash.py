"""Held-out labels for Redash (getredash/redash, GitHub HEAD snapshot) for the first-contact batch.

Written by reading the code with grep before the scanner was ever run on this repository.
Resolve with the project's own bench/labels/resolve helpers against ROOT.
"""

from bench.labels.resolve import no, tp

PACKAGE = "redash"
OUTPUT = "bench/labels/batch5/redash.json"
ROOT = "/tmp/fc/redash"
SOURCE = {
    "source": "github",
    "repo": "getredash/redash",
    "commit": "ca79fe988d81cdac9675b412f3dfcab107bc1fbc",
    "subdir": "",
    "how": "git archive <commit> | tar -x -C /tmp/fc/redash",
}

DEST = "redash/destinations"
MODELS = "redash/models/__init__.py"
USERS = "redash/models/users.py"
GEN = "redash/tasks/general.py"
FR = "redash/tasks/failure_report.py"
ACC = "redash/authentication/account.py"
HU = "redash/handlers/users.py"
HA = "redash/handlers/authentication.py"
SCH = "redash/tasks/schedule.py"
MAINT = "redash/tasks/queries/maintenance.py"
BASE = "redash/handlers/base.py"
ALERTS_T = "redash/tasks/alerts.py"
CUSER = "client/app/services/user.js"

NOTIFY_DEF = "def notify(self, alert, query, user, new_state, app, host, metadata, options):"

# Alert destinations: (file, class, channel, provider, snippet of the provider call, nth, note)
DESTINATIONS = [
    ("asana.py", "Asana", "other", "asana_api", "resp = requests.post(", 0, "creates an Asana task"),
    ("chatwork.py", "ChatWork", "chat", "chatwork_api", "resp = requests.post(url, headers=headers", 0, "ChatWork room message"),
    ("datadog.py", "Datadog", "other", "datadog_events_api", "resp = requests.post(url, headers=headers", 0, "Datadog event"),
    ("discord.py", "Discord", "chat", "discord_webhook", "resp = requests.post(", 0, "Discord incoming webhook"),
    ("hangoutschat.py", "HangoutsChat", "chat", "google_chat_webhook", "resp = requests.post(options.get(\"url\")", 0, "Google Chat webhook"),
    ("mattermost.py", "Mattermost", "chat", "mattermost_webhook", "resp = requests.post(options.get(\"url\")", 0, "Mattermost incoming webhook"),
    ("microsoft_teams_webhook.py", "MicrosoftTeamsWebhook", "chat", "teams_webhook", "resp = requests.post(", 0, "MS Teams incoming webhook"),
    ("pagerduty.py", "PagerDuty", "other", "pypd", "ev = pypd.EventV2.create(data=data)", 0, "PagerDuty incident event"),
    ("slack.py", "Slack", "slack", "slack_webhook", "resp = requests.post(options.get(\"url\")", 0, "Slack incoming webhook"),
    ("webhook.py", "Webhook", "webhook_out", "requests", "resp = requests.post(", 0, "user-configured webhook URL"),
]

# Server-side call sites of the in-house event tracker BaseResource.record_event / handlers.base.record_event:
# (file, snippet, nth, enclosing symbol)
SERVER_EVENT_CALLS = [
    ("redash/handlers/admin.py", "record_event(", 1, "outdated_queries"),
    ("redash/handlers/admin.py", "record_event(", 2, "queries_rq_status"),
    ("redash/handlers/alerts.py", "self.record_event(", 1, "AlertResource.get"),
    ("redash/handlers/alerts.py", "self.record_event(", 2, "AlertResource.post"),
    ("redash/handlers/alerts.py", "self.record_event(", 3, "AlertEvaluateResource.post"),
    ("redash/handlers/alerts.py", "self.record_event(", 4, "AlertMuteResource.post"),
    ("redash/handlers/alerts.py", "self.record_event(", 5, "AlertMuteResource.delete"),
    ("redash/handlers/alerts.py", "self.record_event(", 6, "AlertListResource.post"),
    ("redash/handlers/alerts.py", "self.record_event(", 7, "AlertListResource.get"),
    ("redash/handlers/alerts.py", "self.record_event(", 8, "AlertSubscriptionListResource.post"),
    ("redash/handlers/alerts.py", "self.record_event(", 9, "AlertSubscriptionResource.delete"),
    ("redash/handlers/dashboards.py", "self.record_event(", 1, "DashboardListResource.get"),
    ("redash/handlers/dashboards.py", "self.record_event(", 2, "DashboardListResource.get"),
    ("redash/handlers/dashboards.py", "self.record_event(", 3, "DashboardResource.get"),
    ("redash/handlers/dashboards.py", "self.record_event(", 4, "DashboardResource.post"),
    ("redash/handlers/dashboards.py", "self.record_event(", 5, "DashboardResource.delete"),
    ("redash/handlers/dashboards.py", "self.record_event(", 6, "DashboardShareResource.post"),
    ("redash/handlers/dashboards.py", "self.record_event(", 7, "DashboardShareResource.delete"),
    ("redash/handlers/dashboards.py", "self.record_event(", 8, "DashboardFavoriteListResource.get"),
    ("redash/handlers/dashboards.py", "self.record_event(", 9, "DashboardForkResource.post"),
    ("redash/handlers/data_sources.py", "self.record_event(", 1, "DataSourceResource.get"),
    ("redash/handlers/data_sources.py", "self.record_event(", 2, "DataSourceResource.post"),
    ("redash/handlers/data_sources.py", "self.record_event(", 3, "DataSourceResource.delete"),
    ("redash/handlers/data_sources.py", "self.record_event(", 4, "DataSourceListResource.get"),
    ("redash/handlers/data_sources.py", "self.record_event(", 5, "DataSourceListResource.post"),
    ("redash/handlers/data_sources.py", "self.record_event(", 6, "DataSourcePauseResource.post"),
    ("redash/handlers/data_sources.py", "self.record_event(", 7, "DataSourcePauseResource.delete"),
    ("redash/handlers/data_sources.py", "self.record_event(", 8, "DataSourceTestResource.post"),
    ("redash/handlers/destinations.py", "self.record_event(", 1, "DestinationResource.get"),
    ("redash/handlers/destinations.py", "self.record_event(", 2, "DestinationResource.delete"),
    ("redash/handlers/destinations.py", "self.record_event(", 3, "DestinationListResource.get"),
    ("redash/handlers/embed.py", "record_event(", 1, "embed"),
    ("redash/handlers/embed.py", "record_event(", 2, "public_dashboard"),
    ("redash/handlers/events.py", "self.record_event(event)", 0, "EventsResource.post"),
    ("redash/handlers/favorites.py", "self.record_event(", 1, "QueryFavoriteResource.post"),
    ("redash/handlers/favorites.py", "self.record_event(", 2, "QueryFavoriteResource.delete"),
    ("redash/handlers/favorites.py", "self.record_event(", 3, "DashboardFavoriteResource.post"),
    ("redash/handlers/favorites.py", "self.record_event(", 4, "DashboardFavoriteResource.delete"),
    ("redash/handlers/groups.py", "self.record_event(", 1, "GroupListResource.post"),
    ("redash/handlers/groups.py", "self.record_event(", 2, "GroupListResource.get"),
    ("redash/handlers/groups.py", "self.record_event(", 3, "GroupResource.post"),
    ("redash/handlers/groups.py", "self.record_event(", 4, "GroupResource.get"),
    ("redash/handlers/groups.py", "self.record_event(", 5, "GroupMemberListResource.post"),
    ("redash/handlers/groups.py", "self.record_event(", 6, "GroupMemberResource.delete"),
    ("redash/handlers/groups.py", "self.record_event(", 7, "GroupDataSourceListResource.post"),
    ("redash/handlers/groups.py", "self.record_event(", 8, "GroupDataSourceListResource.get"),
    ("redash/handlers/groups.py", "self.record_event(", 9, "GroupDataSourceResource.post"),
    ("redash/handlers/groups.py", "self.record_event(", 10, "GroupDataSourceResource.delete"),
    ("redash/handlers/permissions.py", "self.record_event(", 1, "ObjectPermissionsListResource.post"),
    ("redash/handlers/permissions.py", "self.record_event(", 2, "ObjectPermissionsListResource.delete"),
    ("redash/handlers/queries.py", "self.record_event(", 1, "QuerySearchResource.get"),
    ("redash/handlers/queries.py", "self.record_event(", 2, "BaseQueryListResource.get"),
    ("redash/handlers/queries.py", "self.record_event(", 3, "BaseQueryListResource.get"),
    ("redash/handlers/queries.py", "self.record_event(", 4, "QueryListResource.post"),
    ("redash/handlers/queries.py", "self.record_event(", 5, "QueryResource.get"),
    ("redash/handlers/queries.py", "self.record_event(", 6, "QueryRegenerateApiKeyResource.post"),
    ("redash/handlers/queries.py", "self.record_event(", 7, "QueryForkResource.post"),
    ("redash/handlers/queries.py", "self.record_event(", 8, "QueryFavoriteListResource.get"),
    ("redash/handlers/query_results.py", "record_event(", 1, "run_query"),
    ("redash/handlers/query_results.py", "self.record_event(event)", 0, "QueryResultResource.get"),
    ("redash/handlers/query_snippets.py", "self.record_event(", 1, "QuerySnippetResource.get"),
    ("redash/handlers/query_snippets.py", "self.record_event(", 2, "QuerySnippetResource.post"),
    ("redash/handlers/query_snippets.py", "self.record_event(", 3, "QuerySnippetResource.delete"),
    ("redash/handlers/query_snippets.py", "self.record_event(", 4, "QuerySnippetListResource.post"),
    ("redash/handlers/query_snippets.py", "self.record_event(", 5, "QuerySnippetListResource.get"),
    ("redash/handlers/settings.py", "self.record_event(", 0, "OrganizationSettings.post"),
    ("redash/handlers/users.py", "self.record_event(", 1, "UserListResource.get_users"),
    ("redash/handlers/users.py", "self.record_event(", 2, "UserListResource.get_users"),
    ("redash/handlers/users.py", "self.record_event(", 3, "UserListResource.post"),
    ("redash/handlers/users.py", "self.record_event(", 4, "UserRegenerateApiKeyResource.post"),
    ("redash/handlers/users.py", "self.record_event(", 5, "UserResource.get"),
    ("redash/handlers/users.py", "self.record_event(", 6, "UserResource.post"),
    ("redash/handlers/visualizations.py", "self.record_event(", 0, "VisualizationResource.delete"),
    ("redash/handlers/widgets.py", "self.record_event(", 0, "WidgetResource.delete"),
]

# Client-side call sites of the in-house tracker services/recordEvent.js: (file, nth, enclosing symbol)
CLIENT_EVENT_CALLS = [
    ("client/app/components/dashboards/CreateDashboardDialog.jsx", 0, "CreateDashboardDialog"),
    ("client/app/components/dashboards/dashboard-widget/VisualizationWidget.jsx", 1, "VisualizationWidget"),
    ("client/app/components/dashboards/dashboard-widget/VisualizationWidget.jsx", 2, "VisualizationWidget"),
    ("client/app/components/dashboards/dashboard-widget/Widget.jsx", 0, "Widget"),
    ("client/app/components/queries/QueryEditor/AutoLimitCheckbox.jsx", 0, "AutoLimitCheckbox"),
    ("client/app/components/queries/QueryEditor/AutocompleteToggle.jsx", 0, "AutocompleteToggle"),
    ("client/app/components/visualizations/EditVisualizationDialog.jsx", 1, "saveVisualization"),
    ("client/app/components/visualizations/EditVisualizationDialog.jsx", 2, "saveVisualization"),
    ("client/app/pages/admin/Jobs.jsx", 0, "Jobs"),
    ("client/app/pages/admin/OutdatedQueries.jsx", 0, "OutdatedQueries"),
    ("client/app/pages/admin/SystemStatus.jsx", 0, "SystemStatus"),
    ("client/app/pages/dashboards/DashboardPage.jsx", 0, "DashboardPage"),
    ("client/app/pages/dashboards/components/DashboardHeader.jsx", 0, "DashboardControl"),
    ("client/app/pages/dashboards/hooks/useDashboard.js", 1, "useDashboard"),
    ("client/app/pages/dashboards/hooks/useDashboard.js", 2, "useDashboard"),
    ("client/app/pages/data-sources/DataSourcesList.jsx", 0, "DataSourcesList"),
    ("client/app/pages/home/Home.jsx", 0, "Home"),
    ("client/app/pages/queries/QuerySource.jsx", 1, "QuerySource"),
    ("client/app/pages/queries/QuerySource.jsx", 2, "QuerySource"),
    ("client/app/pages/queries/hooks/useEditScheduleDialog.js", 0, "useEditScheduleDialog"),
    ("client/app/pages/queries/hooks/usePublishQuery.js", 0, "usePublishQuery"),
    ("client/app/pages/queries/hooks/useQueryExecute.js", 1, "useQueryExecute"),
    ("client/app/pages/queries/hooks/useQueryExecute.js", 2, "useQueryExecute"),
    ("client/app/pages/queries/hooks/useRenameQuery.js", 0, "useRenameQuery"),
    ("client/app/pages/queries/hooks/useUnpublishQuery.js", 0, "useUnpublishQuery"),
    ("client/app/pages/queries/hooks/useUpdateQueryDescription.js", 0, "useUpdateQueryDescription"),
    ("client/app/pages/queries/hooks/useUpdateQueryTags.js", 0, "useUpdateQueryTags"),
    ("client/app/pages/settings/hooks/useOrganizationSettings.js", 0, "useOrganizationSettings"),
    ("client/app/pages/users/components/CreateUserDialog.jsx", 0, "CreateUserDialog"),
    ("client/app/services/notifications.js", 0, "showNotification"),
]

# Email wrappers in authentication/account.py, in file order (nth "send_mail.delay(" inside each).
ACCOUNT_EMAILS = [
    ("send_verify_email", "def send_verify_email(user, org):", 1),
    ("send_invite_email", "def send_invite_email(inviter, invited, invite_url, org):", 2),
    ("send_password_reset_email", "def send_password_reset_email(user):", 3),
    ("send_user_disabled_email", "def send_user_disabled_email(user):", 4),
]

# Call sites of the account.py email wrappers: (file, snippet, nth, symbol, wrapper)
ACCOUNT_EMAIL_CALLS = [
    (HU, "send_invite_email(inviter, user, invite_url, org)", 0, "invite_user", "send_invite_email"),
    (HU, "reset_link = send_password_reset_email(user)", 0, "UserResetPasswordResource.post", "send_password_reset_email"),
    (HU, "send_verify_email(user, self.current_org)", 0, "UserResource.post", "send_verify_email"),
    (HA, "send_user_disabled_email(user)", 0, "forgot_password", "send_user_disabled_email"),
    (HA, "send_password_reset_email(user)", 0, "forgot_password", "send_password_reset_email"),
    (HA, "send_verify_email(current_user, current_org)", 0, "verification_email", "send_verify_email"),
]

# Periodic jobs declared in tasks/schedule.py periodic_job_definitions (rq-scheduler):
# (entry snippet, job name, file of the job def, def snippet)
PERIODIC_JOBS = [
    ('{"func": refresh_queries, "timeout": 600', "refresh_queries", MAINT, "def refresh_queries():"),
    ('"func": remove_ghost_locks,', "remove_ghost_locks", MAINT, "def remove_ghost_locks():"),
    ('{"func": empty_schedules, "interval"', "empty_schedules", MAINT, "def empty_schedules():"),
    ('"func": refresh_schemas,', "refresh_schemas", MAINT, "def refresh_schemas():"),
    ('"func": sync_user_details,', "sync_user_details", GEN, "def sync_user_details():"),
    ('"func": send_aggregated_errors,', "send_aggregated_errors", FR, "def send_aggregated_errors():"),
    ('jobs.append({"func": version_check,', "version_check", GEN, "def version_check():"),
    ('jobs.append({"func": cleanup_query_results,', "cleanup_query_results", MAINT, "def cleanup_query_results():"),
]


def model(file, name, **kw):
    return tp("data_model", file, f"class {name}(", name, entity=name, framework="sqlalchemy", **kw)


def model_no(file, name, why):
    return no("data_model", file, f"class {name}(", why)


def email(file, at, symbol=None, nth=0, note="call site of tasks.general.send_mail", **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, note=note, **kw)


def notify(file, at, symbol=None, channel="other", nth=0, **kw):
    return tp("notification", file, at, symbol, channel=channel, nth=nth, **kw)


def track(file, at, symbol=None, nth=0, **kw):
    return tp("event_tracking", file, at, symbol, nth=nth, **kw)


SPEC = {
    "notes": [
        "Redash from GitHub getredash/redash at commit ca79fe988d81cdac9675b412f3dfcab107bc1fbc (HEAD of the stored snapshot, 2026-08-19, 'Apply prettier formatting to client (#7786)'); Flask + Flask-SQLAlchemy + Flask-Mail + RQ/rq-scheduler, React client. Paths relative to the repo root. Labelled by hand before any scanner output was looked at.",
        "Not touchpoints by the rules: tests/**, client/app/__tests__/**, *.test.js, client/cypress/**, migrations/** (alembic), redash/query_runner/** (database clients; none delivers to a person), viz-lib/** (chart library, nothing in scope found), redash/templates/emails/** (Jinja bodies, not calls).",
        "email_send: tasks.general.send_mail is the RQ job ('emails' queue) wrapping Flask-Mail mail.send; the four account.py helpers (send_verify_email, send_invite_email, send_password_reset_email, send_user_disabled_email) enqueue it with send_mail.delay, and failure_report.send_failure_report / send_aggregated_errors email the scheduled-query failure digest. Call sites of all of these are labelled. The Email alert destination (destinations/email.py Email.notify -> mail.send) is an email wrapper too, and AlertSubscription.notify's fallback (a user subscribed without a destination gets the Email destination) is its call site. The CLI command send_test_mail calls mail.send directly. invite_user (handlers/users.py) sends the invite email only if mail is configured and is not named for it: ambiguous, with its three callers. notify_of_failure only pushes the failure onto a Redis list for the digest: ambiguous. The client helpers User.sendPasswordReset / User.resendInvitation and Home's POST to verification_email/ only call the API that sends the email: ambiguous.",
        "notification: alert destinations in redash/destinations/* are the channel senders. Each Destination.notify is labelled as a wrapper with its provider call (requests.post to Slack/Discord/Mattermost/Teams/Google Chat/ChatWork/Webex/Asana/Datadog or a user webhook URL, pypd for PagerDuty). Channels: slack, chat (Discord, Mattermost, Teams, Google Chat, ChatWork, Webex), webhook_out (Webhook), other (Asana task, Datadog event, PagerDuty incident). Webex has its own post_message helper. The dispatch chain is NotificationDestination.notify -> AlertSubscription.notify -> tasks.alerts.notify_subscriptions (all dispatchers, channel other) called from check_alerts_for_query (RQ job after each query run) and AlertEvaluateResource.post. check_alerts_for_query itself and its .delay in execution.py are ambiguous (evaluate, then notify). Browser desktop notifications (client services/notifications.js showNotification, HTML5 Notification API) are a push-like channel: wrapper + two call sites in useQueryExecute. antd toast helpers (services/notification.js) are UI feedback: not touchpoints.",
        "event_tracking: Redash's own usage-event tracker. Server: handlers.base.record_event (adds user/org/ip/user agent) enqueues the RQ job tasks.general.record_event, which stores an Event row and forwards it (Snowplow iglu schema) to REDASH_EVENT_REPORTING_WEBHOOKS with requests.post; BaseResource.record_event is the per-handler wrapper and every self.record_event/record_event call in handlers is a call site (72). Login events: authentication.log_user_logged_in -> record_event.delay. Client: services/recordEvent.js recordEvent() batches events to POST api/events (EventsResource.post, itself a record_event call site), with 30 call sites. Ambiguous: the version check beacon (run_version_check POSTs instance usage stats when beacon_consent), the setup newsletter subscribe job (admin name/email to version.redash.io), update_user_active_at (last-active timestamp in Redis), Event.record (the row insert), log_user_logged_in def, and the event-forwarding POST as a webhook_out notification. Not: statsd request metrics, Sentry before_send, track_failure (schedule-failure counter), ChangeTrackingMixin (object version history).",
        "scheduled_job: the rq-scheduler periodic jobs declared as dict entries in tasks/schedule.py periodic_job_definitions are labelled at each entry (alt: the job function def): refresh_queries, remove_ghost_locks, empty_schedules, refresh_schemas, sync_user_details, send_aggregated_errors, version_check (conditional), cleanup_query_results (conditional). The GitHub Actions workflow periodic-snapshot.yml has a schedule: cron. Ambiguous: periodic_job_definitions / schedule_periodic_jobs / schedule() (registration machinery), the rq_scheduler instance, the 'manage.py rq scheduler' command and bin/docker-entrypoint scheduler(), the dynamic_settings.periodic_jobs extension hook (empty by default) and its jobs.extend call, .github/weekly-digest.yml (a GitHub App config with publishDay). RQ @job functions enqueued on demand (refresh_schema, execute_query, send_mail...) are not schedules.",
        "webhook_handler: none. No endpoint receives events from another system; SAML ACS /saml/callback and Google OAuth /oauth/google_callback are login redirects, and /api/events receives the app's own client analytics: not touchpoints.",
        "llm_call, personize_call: none (no LLM or Personize code).",
        "data_model: User and Organization are touchpoints. Ambiguous: Group (permission group of users), Query, Dashboard, Alert (user-authored objects), AlertSubscription (a user's subscription to an alert with a destination), Favorite (a user's favourite), Event (user activity log). Not: DataSource, DataSourceGroup, QueryResult, Visualization, Widget, QuerySnippet, ApiKey, NotificationDestination (channel configuration), Change (object version history), AccessPermission (ACL grant), the mixins, and the non-persistent AnonymousUser/ApiUser principals. The client has no TS entity types for users (only props types).",
    ],
    "touchpoints": [
        # ---- email_send: the base wrapper (RQ job) and Flask-Mail
        email(GEN, "def send_mail(to, subject, html, text):", "send_mail", note="wrapper: RQ job around Flask-Mail send", alt=[{"at": '@job("emails")'}]),
        email(GEN, "mail.send(message)", "send_mail", note="Flask-Mail send", provider="flask_mail", alt=[{"at": "message = Message(recipients=to"}]),
        # account emails and their send_mail.delay
        *[
            item
            for name, at, nth in ACCOUNT_EMAILS
            for item in (
                email(ACC, at, name, note=f"wrapper: {name.replace('_', ' ')}"),
                email(ACC, "send_mail.delay(", name, nth=nth),
            )
        ],
        *[email(f, at, sym, nth=nth, note=f"call site of {w}") for f, at, nth, sym, w in ACCOUNT_EMAIL_CALLS],
        # failure digest
        email(FR, "def send_failure_report(user_id):", "send_failure_report", note="wrapper: scheduled-query failure digest email"),
        email(FR, "send_mail.delay([user.email], subject, html, text)", "send_failure_report"),
        email(FR, "def send_aggregated_errors():", "send_aggregated_errors", note="wrapper: sends every pending failure digest"),
        email(FR, "        send_failure_report(user_id)", "send_aggregated_errors", note="call site of send_failure_report"),
        # CLI test mail
        email(
            "redash/cli/__init__.py",
            'mail.send(Message(subject="Test Message from Redash"',
            "send_test_mail",
            note="Flask-Mail send (CLI test message)",
            provider="flask_mail",
            alt=[{"at": "def send_test_mail(email=None):"}],
        ),
        # Email alert destination
        email(f"{DEST}/email.py", NOTIFY_DEF, "Email.notify", note="wrapper: alert email destination"),
        email(f"{DEST}/email.py", "mail.send(message)", "Email.notify", note="Flask-Mail send", provider="flask_mail", alt=[{"at": "message = Message(recipients=recipients"}]),
        email(
            MODELS,
            "return destination.notify(alert, query, user, new_state, app, host, metadata, options)",
            "AlertSubscription.notify",
            note="call site of Email.notify (user subscribed without a destination)",
        ),
        # ---- notification: alert destinations
        *[
            item
            for file, cls, channel, provider, at, nth, what in DESTINATIONS
            for item in (
                notify(f"{DEST}/{file}", NOTIFY_DEF, f"{cls}.notify", channel, note=f"wrapper: {what}"),
                notify(f"{DEST}/{file}", at, f"{cls}.notify", channel, nth=nth, provider=provider),
            )
        ],
        notify(f"{DEST}/webex.py", NOTIFY_DEF, "Webex.notify", "chat", note="wrapper: Webex messages to people/rooms"),
        notify(f"{DEST}/webex.py", "self.post_message(payload, headers)", "Webex.notify", "chat", note="call site of Webex.post_message"),
        notify(f"{DEST}/webex.py", "def post_message(self, payload, headers):", "Webex.post_message", "chat", note="wrapper: Webex messages API POST"),
        notify(f"{DEST}/webex.py", "resp = requests.post(", "Webex.post_message", "chat", provider="webex_api"),
        # dispatch chain
        notify(
            MODELS,
            "def notify(self, alert, query, user, new_state, app, host, metadata):",
            "NotificationDestination.notify",
            nth=1,
            note="dispatcher: configured destination's notify",
        ),
        notify(
            MODELS,
            "return self.destination.notify(alert, query, user, new_state, app, host, metadata, self.options)",
            "NotificationDestination.notify",
            note="call site of the destination classes' notify",
        ),
        notify(
            MODELS,
            "def notify(self, alert, query, user, new_state, app, host, metadata):",
            "AlertSubscription.notify",
            nth=2,
            note="dispatcher: subscription's destination or email",
        ),
        notify(
            MODELS,
            "return self.destination.notify(alert, query, user, new_state, app, host, metadata)",
            "AlertSubscription.notify",
            note="call site of NotificationDestination.notify",
        ),
        notify(ALERTS_T, "def notify_subscriptions(alert, new_state, metadata):", "notify_subscriptions", note="dispatcher: notifies every subscription of an alert"),
        notify(ALERTS_T, "subscription.notify(alert, alert.query_rel", "notify_subscriptions", note="call site of AlertSubscription.notify"),
        notify(ALERTS_T, "            notify_subscriptions(alert, new_state, metadata)", "check_alerts_for_query", note="call site of notify_subscriptions"),
        notify("redash/handlers/alerts.py", "notify_subscriptions(alert, new_state, {})", "AlertEvaluateResource.post", note="call site of notify_subscriptions"),
        # browser desktop notifications
        notify("client/app/services/notifications.js", "function showNotification(title, content) {", "showNotification", "push", note="wrapper: HTML5 desktop notification"),
        notify("client/app/services/notifications.js", "const notification = new Notification(title, {", "showNotification", "push", provider="web_notification_api"),
        notify("client/app/pages/queries/hooks/useQueryExecute.js", "notifications.showNotification(", "useQueryExecute", "push", nth=1, note="call site of showNotification"),
        notify("client/app/pages/queries/hooks/useQueryExecute.js", "notifications.showNotification(", "useQueryExecute", "push", nth=2, note="call site of showNotification"),
        # ---- event_tracking: in-house usage events
        track(GEN, "def record_event(raw_event):", "record_event", note="wrapper: RQ job storing the Event and forwarding it to the reporting webhooks", alt=[{"at": '@job("default")', "nth": 1}]),
        track(GEN, "response = requests.post(hook, json=data)", "record_event", provider="event_reporting_webhooks", note="forwards the usage event (Snowplow iglu schema)"),
        track(BASE, "def record_event(org, user, options):", "record_event", note="wrapper: adds user/org/ip/user agent and enqueues tasks.record_event"),
        track(BASE, "record_event_task.delay(options)", "record_event", note="call site of tasks.general.record_event"),
        track(BASE, "def record_event(self, options):", "BaseResource.record_event", note="wrapper: per-handler event tracker"),
        track(BASE, "record_event(self.current_org, self.current_user, options)", "BaseResource.record_event", note="call site of handlers.base.record_event"),
        track("redash/authentication/__init__.py", "record_event.delay(event)", "log_user_logged_in", note="call site of tasks.general.record_event (login event)"),
        *[track(f, at, sym, nth=nth, note="call site of record_event") for f, at, nth, sym in SERVER_EVENT_CALLS],
        track("client/app/services/recordEvent.js", "export default function recordEvent(", "recordEvent", note="wrapper: client usage-event tracker (batched)"),
        track("client/app/services/recordEvent.js", 'axios.post("api/events", eventsToSend);', "post", provider="redash_events_api"),
        *[track(f, "recordEvent(", sym, nth=nth, note="call site of recordEvent") for f, nth, sym in CLIENT_EVENT_CALLS],
        # ---- scheduled_job
        *[
            tp("scheduled_job", SCH, at, name, note="rq-scheduler periodic job", alt=[{"file": f, "at": d}])
            for at, name, f, d in PERIODIC_JOBS
        ],
        tp(
            "scheduled_job",
            ".github/workflows/periodic-snapshot.yml",
            "  schedule:",
            "Periodic Snapshot",
            note="GitHub Actions monthly cron (version bump + tag)",
            alt=[{"at": "- cron: '10 0 1 * *'"}],
        ),
        # ---- data_model
        model(USERS, "User", note="the user", alt=[{"at": '@generic_repr("id", "name", "email")'}]),
        model("redash/models/organizations.py", "Organization", note="the tenant/account", alt=[{"at": '@generic_repr("id", "name", "slug")'}]),
    ],
    "not_touchpoints": [
        model_no(MODELS, "DataSource", "database connection configuration"),
        model_no(MODELS, "DataSourceGroup", "join table"),
        model_no(MODELS, "QueryResult", "cached query result data"),
        model_no(MODELS, "Visualization", "chart configuration"),
        model_no(MODELS, "Widget", "dashboard layout item"),
        model_no(MODELS, "QuerySnippet", "reusable SQL text"),
        model_no(MODELS, "ApiKey", "credential"),
        model_no(MODELS, "NotificationDestination", "notification channel configuration"),
        model_no("redash/models/changes.py", "Change", "object version history"),
        model_no(USERS, "AccessPermission", "ACL grant"),
        model_no(USERS, "AnonymousUser", "non-persistent auth principal"),
        model_no(USERS, "ApiUser", "non-persistent auth principal"),
        no("data_model", "redash/models/mixins.py", "class TimestampMixin:", "mixin"),
        no("data_model", "redash/models/mixins.py", "class BelongsToOrgMixin:", "mixin"),
        no("data_model", MODELS, "class ScheduledQueriesExecutions:", "Redis helper, not a table"),
        no("notification", "redash/destinations/__init__.py", NOTIFY_DEF, "abstract base method (raises NotImplementedError)"),
        no("notification", ALERTS_T, "def should_notify(alert, new_state):", "decides whether to notify; delivers nothing"),
        no("notification", "client/app/services/notification.js", "simpleNotification[action] = (message", "antd toast helpers: UI feedback, not a delivered message"),
        no("notification", "client/app/services/notifications.js", "function getPermissions() {", "asks the browser for notification permission"),
        no("email_send", ACC, "def verify_link_for_user(user):", "builds a link; sends nothing"),
        no("email_send", ACC, "def reset_link_for_user(user):", "builds a link; sends nothing"),
        no("email_send", ACC, "def invite_link_for_user(user):", "builds a link; sends nothing"),
        no("email_send", "redash/settings/__init__.py", "def email_server_is_configured():", "configuration check"),
        no("event_tracking", FR, "def track_failure(query, error):", "counts scheduled-query failures on the query row"),
        no("event_tracking", "redash/models/changes.py", "class ChangeTrackingMixin:", "object version history"),
        no("event_tracking", "redash/metrics/request.py", "def calculate_metrics(response):", "statsd request metrics"),
        no("event_tracking", "redash/utils/sentry.py", "def before_send(event, hint):", "Sentry error-monitoring filter"),
        no("webhook_handler", "redash/authentication/saml_auth.py", "def idp_initiated(org_slug=None):", "SAML login callback", alt=[{"at": '@blueprint.route(org_scoped_rule("/saml/callback")'}]),
        no("webhook_handler", "redash/authentication/google_oauth.py", "def authorized():", "OAuth login callback", alt=[{"at": '@blueprint.route("/oauth/google_callback"'}]),
        no("webhook_handler", "redash/handlers/events.py", "def post(self):", "receives the app's own client usage events"),
        no("webhook_handler", f"{DEST}/webhook.py", "class Webhook(BaseDestination):", "outgoing webhook destination, not a receiver"),
        no("scheduled_job", MAINT, "def refresh_schema(data_source_id):", "RQ job enqueued on demand by refresh_schemas"),
        no("scheduled_job", GEN, "def subscribe(form):", "one-off RQ job at setup"),
    ],
    "ambiguous": [
        no("data_model", USERS, "class Group(", "permission group of users"),
        no("data_model", MODELS, "class Query(", "user-authored saved query"),
        no("data_model", MODELS, "class Dashboard(", "user-authored dashboard"),
        no("data_model", MODELS, "class Alert(", "user-owned alert with subscriptions"),
        no("data_model", MODELS, "class AlertSubscription(", "a user's subscription to an alert"),
        no("data_model", MODELS, "class Favorite(", "a user's favourite"),
        no("data_model", MODELS, "class Event(", "user activity log"),
        no("email_send", HU, "def invite_user(org, inviter, user, send_email=True):", "sends the invite email only when mail is configured; not named for it"),
        no("email_send", HU, "return invite_user(self.current_org, self.current_user, user, send_email=should_send_invitation)", "call of invite_user"),
        no("email_send", HU, "return invite_user(self.current_org, self.current_user, user)", "call of invite_user"),
        no("email_send", "redash/cli/users.py", "invite_user(org, user_from, user)", "call of invite_user"),
        no("email_send", FR, "def notify_of_failure(message, query):", "queues the failure in Redis for the digest; sends nothing itself"),
        no("email_send", CUSER, "function sendPasswordReset(user) {", "client call of the API that sends the email"),
        no("email_send", CUSER, "function resendInvitation(user) {", "client call of the API that sends the email"),
        no("email_send", "client/app/pages/users/components/PasswordForm/PasswordResetForm.jsx", "User.sendPasswordReset(user)", "call of the client API helper"),
        no("email_send", "client/app/pages/users/components/PasswordForm/ResendInvitationForm.jsx", "User.resendInvitation(user)", "call of the client API helper"),
        no("email_send", "client/app/pages/home/Home.jsx", 'axios.post("verification_email/")', "client call of the API that sends the verification email"),
        no("email_send", ALERTS_T, "def notify_subscriptions(alert, new_state, metadata):", "the dispatcher also sends email subscriptions"),
        no("email_send", MODELS, "def notify(self, alert, query, user, new_state, app, host, metadata):", "AlertSubscription.notify also sends email", nth=2),
        no("email_send", ALERTS_T, "subscription.notify(alert, alert.query_rel", "call of the dispatcher (email subscriptions too)"),
        no("email_send", ALERTS_T, "            notify_subscriptions(alert, new_state, metadata)", "call of the dispatcher (email subscriptions too)"),
        no("email_send", "redash/handlers/alerts.py", "notify_subscriptions(alert, new_state, {})", "call of the dispatcher (email subscriptions too)"),
        no("email_send", MODELS, "def notify(self, alert, query, user, new_state, app, host, metadata):", "NotificationDestination.notify: a configured destination may be of type email", nth=1),
        no("email_send", MODELS, "return self.destination.notify(alert, query, user, new_state, app, host, metadata, self.options)", "may call Email.notify"),
        no("email_send", MODELS, "return self.destination.notify(alert, query, user, new_state, app, host, metadata)", "may reach Email.notify"),
        no("notification", ALERTS_T, "def check_alerts_for_query(query_id, metadata):", "RQ job: evaluates alerts, then notifies"),
        no("notification", "redash/tasks/queries/execution.py", "check_alerts_for_query.delay(query_id, self.metadata)", "enqueues the alert check"),
        no("notification", GEN, "response = requests.post(hook, json=data)", "user-configured webhook, but carries usage events (analytics pipe)", channel="webhook_out"),
        no("event_tracking", "redash/version_check.py", "def run_version_check():", "instance usage beacon (with beacon_consent)", alt=[{"at": "response = requests.post("}]),
        no("event_tracking", GEN, 'requests.post("https://version.redash.io/subscribe", json=data)', "admin name/email to the vendor newsletter at setup"),
        no("event_tracking", "redash/handlers/setup.py", "subscribe.delay(form.data)", "call of the newsletter subscribe job"),
        no("event_tracking", USERS, "def update_user_active_at(sender, *args, **kwargs):", "last-active timestamp in Redis"),
        no("event_tracking", MODELS, "def record(cls, event):", "Event row insert used by the tracker"),
        no("event_tracking", "redash/authentication/__init__.py", "def log_user_logged_in(app, user):", "login signal handler that records a login event"),
        no("scheduled_job", SCH, "def periodic_job_definitions():", "registry of the periodic jobs (each labelled at its entry)"),
        no("scheduled_job", SCH, "def schedule_periodic_jobs(jobs):", "registration machinery"),
        no("scheduled_job", SCH, "rq_scheduler.schedule(scheduled_time=", "generic rq-scheduler registration call"),
        no("scheduled_job", SCH, "rq_scheduler = StatsdRecordingScheduler(", "scheduler instance"),
        no("scheduled_job", SCH, "jobs.extend(settings.dynamic_settings.periodic_jobs() or [])", "extension hook for custom jobs"),
        no("scheduled_job", "redash/settings/dynamic_settings.py", "def periodic_jobs():", "extension hook, empty by default"),
        no("scheduled_job", "redash/cli/rq.py", "def scheduler():", "the rq-scheduler process command"),
        no("scheduled_job", "bin/docker-entrypoint", "scheduler() {", "starts the rq scheduler process", nth=1),
        no("scheduled_job", ".github/weekly-digest.yml", "publishDay: mon", "GitHub App config, weekly"),
    ],
}
