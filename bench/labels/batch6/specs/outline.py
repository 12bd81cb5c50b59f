"""Batch 6 labels for Outline (knowledge base; Koa + Sequelize server, React client).

GitHub outline/outline at commit d77dcdf853868c5d5fe125c895c9b71f0eff5c68 (package.json
version 1.9.1), whole repository. Written by reading the code with grep before the
scanner was ever run on it; no scanner output was looked at.
"""

from bench.labels.resolve import no, tp

PACKAGE = "outline"
OUTPUT = "bench/labels/batch6/outline.json"
ROOT = "/tmp/fc/outline"
SOURCE = {
    "source": "github",
    "repo": "outline/outline",
    "commit": "d77dcdf853868c5d5fe125c895c9b71f0eff5c68",
    "subdir": "",
    "version": "1.9.1",
}

MAILER = "server/emails/mailer.tsx"
BASE = "server/emails/templates/BaseEmail.tsx"
EP = "server/queues/processors/EmailsProcessor.ts"
NP = "server/queues/processors/NotificationsProcessor.ts"
WSP = "server/queues/processors/WebsocketsProcessor.ts"
TASKS = "server/queues/tasks"
DWT = "plugins/webhooks/server/tasks/DeliverWebhookTask.ts"
SLACKP = "plugins/slack/server/processors/SlackProcessor.ts"
SLACK = "plugins/slack/server/slack.ts"
HOOKS = "plugins/slack/server/api/hooks.ts"
EMAILAUTH = "plugins/email/server/auth/email.ts"
USERS = "server/routes/api/users/users.ts"
MD = "server/models"
TPL = "server/emails/templates"


def email(file, at, symbol=None, nth=0, note="call site of BaseEmail.schedule (template email)", **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, note=note, **kw)


def notify(file, at, symbol=None, channel="in_app", nth=0, **kw):
    return tp("notification", file, at, symbol, channel=channel, nth=nth, **kw)


def model(name, file=None, at=None, **kw):
    return tp(
        "data_model",
        file or f"{MD}/{name}.ts",
        at or f"class {name} extends",
        name,
        entity=name,
        framework="sequelize-typescript",
        **kw,
    )


def model_no(name, why, file=None, at=None):
    return no("data_model", file or f"{MD}/{name}.ts", at or f"class {name} extends", why)


# EmailsProcessor.perform: one template email per notification event type (all .schedule()).
EMAILS_PROCESSOR = [
    "await new DocumentPublishedOrUpdatedEmail(",
    "await new DocumentSharedEmail(",
    "await new CollectionSharedEmail(",
    "await new GroupDocumentMentionedEmail(",
    "await new DocumentMentionedEmail(",
    "await new GroupCommentMentionedEmail(",
    "await new CommentMentionedEmail(",
    "await new CollectionCreatedEmail(",
    "await new CommentCreatedEmail(",
    "await new CommentResolvedEmail(",
    "await new DocumentAccessRequestEmail(",
]

# Other `new XEmail({...}).schedule()` call sites: (file, snippet, symbol)
EMAIL_CALLS = [
    ("server/queues/processors/UserCreatedProcessor.ts", "await new WelcomeEmail({", "perform"),
    (f"{TASKS}/ShareSubscriptionNotificationsTask.ts", "await new ShareDocumentUpdatedEmail({", "perform"),
    (f"{TASKS}/ExportTask.ts", "await new ExportSuccessEmail({", "perform"),
    (f"{TASKS}/ExportTask.ts", "await new ExportFailureEmail({", "perform"),
    (f"{TASKS}/InviteReminderTask.ts", "await new InviteReminderEmail({", "perform"),
    ("server/commands/userInviter.ts", "await new InviteEmail({", "userInviter"),
    ("server/commands/userProvisioner.ts", "await new InviteAcceptedEmail({", "userProvisioner"),
    ("server/routes/api/teams/teams.ts", "await new ConfirmTeamDeleteEmail({", "teams.requestDelete"),
    (USERS, "await new ConfirmUpdateEmail({", "users.updateEmail"),
    (USERS, "await new InviteEmail({", "users.resendInvite"),
    (USERS, "await new ConfirmUserDeleteEmail({", "users.requestDelete"),
    ("server/routes/api/shares/shares.ts", "await new ShareSubscriptionConfirmEmail({", "shares.subscribe"),
    ("plugins/passkeys/server/processors/PasskeyCreatedProcessor.ts", "await new PasskeyCreatedEmail({", "perform"),
    (EMAILAUTH, "await new SigninEmail({", "email"),
    (EMAILAUTH, "await new WelcomeEmail({", "emailCallback"),
    (EMAILAUTH, "await new InviteAcceptedEmail({", "emailCallback"),
    (DWT, "await new WebhookDisabledEmail({", "checkAndDisableSubscription"),
]

# BaseEmail subclasses: each defines subject/body of one email; sending is inherited.
EMAIL_TEMPLATES = [
    "CollectionCreatedEmail", "CollectionSharedEmail", "CommentCreatedEmail",
    "CommentMentionedEmail", "CommentResolvedEmail", "ConfirmTeamDeleteEmail",
    "ConfirmUpdateEmail", "ConfirmUserDeleteEmail", "DocumentAccessRequestEmail",
    "DocumentMentionedEmail", "DocumentPublishedOrUpdatedEmail", "DocumentSharedEmail",
    "ExportFailureEmail", "ExportSuccessEmail", "GroupCommentMentionedEmail",
    "GroupDocumentMentionedEmail", "InviteAcceptedEmail", "InviteEmail",
    "InviteReminderEmail", "ShareDocumentUpdatedEmail", "ShareSubscriptionConfirmEmail",
    "SigninEmail", "WebhookDisabledEmail", "WelcomeEmail",
]

# Tasks that create in-app Notification rows (each row then fans out to email via
# EmailsProcessor and to the browser via WebsocketsProcessor): (task, nth Notification.create, symbol)
IN_APP_TASKS = {
    "CollectionAddUserNotificationsTask": [(0, "perform")],
    "CollectionCreatedNotificationsTask": [(0, "perform")],
    "CommentCreatedNotificationsTask": [(1, "perform"), (2, "perform")],
    "CommentUpdatedNotificationsTask": [(1, "handleMentionedComment"), (2, "handleResolvedComment")],
    "DocumentAccessRequestNotificationsTask": [(0, "perform")],
    "DocumentAddUserNotificationsTask": [(0, "perform")],
    "DocumentPublishedNotificationsTask": [(1, "perform"), (2, "perform"), (3, "perform")],
    "GroupMentionedInCommentNotificationsTask": [(0, "perform")],
    "ReactionCreatedNotificationsTask": [(0, "perform")],
    "RevisionCreatedNotificationsTask": [(1, "perform"), (2, "perform"), (3, "perform")],
}

# NotificationsProcessor: `new XTask().schedule(event)` -> enclosing method
NP_CALLS = [
    ("DocumentPublishedNotificationsTask", "documentPublished"),
    ("DocumentAddUserNotificationsTask", "documentAddUser"),
    ("DocumentAddGroupNotificationsTask", "documentAddGroup"),
    ("DocumentAccessRequestNotificationsTask", "documentAccessRequest"),
    ("RevisionCreatedNotificationsTask", "revisionCreated"),
    ("CollectionCreatedNotificationsTask", "collectionCreated"),
    ("CollectionAddUserNotificationsTask", "collectionAddUser"),
    ("CommentCreatedNotificationsTask", "commentCreated"),
    ("CommentUpdatedNotificationsTask", "commentUpdated"),
    ("ReactionCreatedNotificationsTask", "reactionCreated"),
]

# DeliverWebhookTask: nth `await this.sendWebhook({` -> enclosing handler
WEBHOOK_CALLS = [
    "handleAttachmentEvent", "handleWebhookSubscriptionEvent", "handleViewEvent",
    "handleStarEvent", "handleShareEvent", "handleCommentEvent", "handlePinEvent",
    "handleTeamEvent", "handleIntegrationEvent", "handleGroupEvent", "handleGroupUserEvent",
    "handleCollectionEvent", "handleCollectionUserEvent", "handleCollectionGroupEvent",
    "handleFileOperationEvent", "handleDocumentEvent", "handleDocumentUserEvent",
    "handleDocumentGroupEvent", "handleRevisionEvent", "handleUserEvent",
]

# CronTask subclasses (collected by server/services/cron.ts and the cron.:period endpoint):
# (file, class, interval)
CRON_TASKS = [
    (f"{TASKS}/CleanupDeletedDocumentsTask.ts", "CleanupDeletedDocumentsTask", "hourly"),
    (f"{TASKS}/CleanupDeletedTeamsTask.ts", "CleanupDeletedTeamsTask", "hourly"),
    (f"{TASKS}/CleanupDocumentInsightsTask.ts", "CleanupDocumentInsightsTask", "daily"),
    (f"{TASKS}/CleanupDynamicOAuthClientsTask.ts", "CleanupDynamicOAuthClientsTask", "daily"),
    (f"{TASKS}/CleanupExpiredAttachmentsTask.ts", "CleanupExpiredAttachmentsTask", "hourly"),
    (f"{TASKS}/CleanupExpiredFileOperationsTask.ts", "CleanupExpiredFileOperationsTask", "hourly"),
    (f"{TASKS}/CleanupOAuthAuthorizationCodeTask.ts", "CleanupOAuthAuthorizationCodeTask", "daily"),
    (f"{TASKS}/CleanupOldEventsTask.ts", "CleanupOldEventsTask", "hourly"),
    (f"{TASKS}/CleanupOldImportsTask.ts", "CleanupOldImportsTask", "daily"),
    (f"{TASKS}/CleanupOldNotificationsTask.ts", "CleanupOldNotificationsTask", "hourly"),
    (f"{TASKS}/CleanupOldSearchQueriesTask.ts", "CleanupOldSearchQueriesTask", "hourly"),
    (f"{TASKS}/ErrorTimedOutFileOperationsTask.ts", "ErrorTimedOutFileOperationsTask", "hourly"),
    (f"{TASKS}/ErrorTimedOutImportsTask.ts", "ErrorTimedOutImportsTask", "hourly"),
    (f"{TASKS}/InviteReminderTask.ts", "InviteReminderTask", "daily; emails invite reminders"),
    (f"{TASKS}/RollupDocumentInsightsTask.ts", "RollupDocumentInsightsTask", "daily"),
    (f"{TASKS}/RollupWeeklyDocumentInsightsTask.ts", "RollupWeeklyDocumentInsightsTask", "daily"),
    (f"{TASKS}/UpdateDocumentsPopularityScoreTask.ts", "UpdateDocumentsPopularityScoreTask", "hourly"),
    (f"{TASKS}/UpdateTeamsAttachmentsSizeTask.ts", "UpdateTeamsAttachmentsSizeTask", "daily"),
    ("plugins/webhooks/server/tasks/CleanupWebhookDeliveriesTask.ts", "CleanupWebhookDeliveriesTask", "daily"),
]

MODELS_TP = [
    ("User", "the person"),
    ("Team", "the workspace / account (organisation)"),
    ("Group", "a group of people in a team"),
    ("Comment", "a person's comment on a document"),
    ("Notification", "in-app notification addressed to a user"),
    ("View", "a user's views of a document (count, last editing)"),
    ("AccessRequest", "a user's request for document access"),
    ("ShareSubscription", "an external email subscriber to a public share"),
]

MODELS_AMBIGUOUS = [
    ("Document", "the core content entity; authored by users but not a record about a person"),
    ("Collection", "content container with memberships; not person-like"),
    ("Subscription", "a user's subscription to document/collection updates (notification preference)"),
    ("Star", "a user's bookmark"),
    ("Reaction", "a user's emoji reaction to a comment"),
    ("SearchQuery", "log of a user's searches (behavioural record, or just a log)"),
    ("Event", "audit log of user actions that doubles as the internal event bus"),
    ("UserMembership", "a user's permission on a document/collection (membership row)"),
    ("GroupMembership", "a group's permission on a document/collection (membership row)"),
    ("DocumentInsight", "per-document daily activity aggregates"),
    ("Share", "public share link of a document, with view counts"),
]

MODELS_NO = [
    ("ApiKey", "credential"),
    ("Attachment", "file"),
    ("AuthenticationProvider", "configuration (SSO provider of a team)"),
    ("Emoji", "custom emoji asset"),
    ("ExternalGroup", "mirror of an identity-provider group for sync"),
    ("FileOperation", "import/export job row"),
    ("GroupUser", "join table (group <-> user)"),
    ("IntegrationAuthentication", "credential (integration tokens)"),
    ("Pin", "content pinning"),
    ("Relationship", "document-to-document link"),
    ("Revision", "document content history"),
    ("TeamDomain", "configuration (allowed sign-in domains)"),
    ("Template", "content template"),
    ("UserAuthentication", "credential (a user's SSO tokens)"),
    ("UserPasskey", "credential (WebAuthn)"),
    ("WebhookDelivery", "delivery log"),
    ("WebhookSubscription", "configuration (outgoing webhook endpoint)"),
]


SPEC = {
    "notes": [
        "Outline at GitHub outline/outline d77dcdf853868c5d5fe125c895c9b71f0eff5c68 (package.json 1.9.1), fetched as a snapshot and unpacked whole; paths relative to the repo root. Labelled by hand with grep before any scanner output was looked at.",
        "Excluded by the rules: *.test.ts(x), server/test/**, __mocks__/**, server/migrations/** (sequelize-cli), server/scripts/** (one-off backfill/migration scripts), public/, build output (none in the snapshot), docs/.",
        "email_send: server/emails/mailer.tsx Mailer.sendMail wraps nodemailer transporter.sendMail (SMTP; Mailgun/SES/Postmark detected only for tag headers). BaseEmail (server/emails/templates/BaseEmail.tsx) has send() (renders and calls mailer.sendMail) and schedule() (pushes an EmailTask onto the Bull task queue); EmailTask.perform calls email.send(). All product email goes through `new XEmail({...}).schedule()`: each of those 28 call sites is a touchpoint. The 25 BaseEmail subclasses (24 in server/emails/templates + PasskeyCreatedEmail) are ambiguous: they define subject/body (the natural place to personalise) but do not send by themselves. EmailsProcessor (on notifications.create) and ShareSubscriptionNotificationsTask are labelled as email dispatchers. userInviter sends invites as a side effect of a command not named for it: def ambiguous, its email call is a touchpoint.",
        "notification: in_app = Notification rows created by the *NotificationsTask classes (each task class is a dispatcher touchpoint, each Notification.create( call a touchpoint, each NotificationsProcessor schedule( call a call site) plus the socket.io emit of notifications.create to the user's room in WebsocketsProcessor. The Notification model's @AfterCreate hook publishes notifications.create which drives both email and websocket delivery (ambiguous). slack = SlackProcessor POSTs to the Slack incoming-webhook URL stored on the integration (Integration.settings.url) via the generic server/utils/fetch helper (two calls), and plugins/slack/server/slack.ts post() (Slack Web API wrapper) used for chat.unfurl. webhook_out = plugins/webhooks DeliverWebhookTask.sendWebhook (fetch to the subscription URL), its 20 in-file call sites, and WebhookProcessor that schedules DeliverWebhookTask. Not notifications: other socket.io emits (data sync), APIUpdateExtension.notifyUpdate / Document.notifyCollaborationServer (Redis pub/sub to the collaboration server), NotificationHelper (recipient computation), ReactionRemovedNotificationsTask (deletes rows).",
        "webhook_handler: Slack hooks.unfurl (Events API), hooks.interactive, hooks.slack (slash command); github.webhooks and gitlab.webhooks routes (validated, then queued as GitHubWebhookTask/GitLabWebhookTask; the tasks and the providers' handleWebhook are ambiguous). OAuth callback routes are not webhook handlers. notifications.pixel (email open pixel) is ambiguous event_tracking, not a webhook.",
        "scheduled_job: 19 CronTask subclasses (label at the class, alt at `get cron()`); server/services/cron.ts init() (setInterval daily/hourly runner when the cron service is enabled); the cron.:period / utils.gc API endpoint meant to be hit by an external cron (touchpoint); server/main.ts daily setInterval(checkUpdates). Not: metrics/health setIntervals (queue metrics, HealthMonitor, redis healthcheck, connection gauge). The repository's GitHub Actions schedules (codeql, docker-nightly, stale, update-node, auto-close-prs, calibreapp image actions) are repo maintenance: ambiguous.",
        "event_tracking: client-side in app/: app/utils/Analytics.ts Analytics.track (GA3 ga('send','event') + GA4 dataLayer.push) and its one call site in app/actions/index.ts (every action with an analyticsName: the ~176 `analyticsName:` declarations are data, not labelled); app/components/Analytics.tsx injects GA3 (pageview, pwa install event), GA4 gtag config, Matomo _paq trackPageView and the Umami script (each a touchpoint). Ambiguous: checkUpdates (anonymous instance counts POSTed daily to updates.getoutline.com), the notifications.pixel email-open endpoint, View.incrementOrCreate from views.create and SearchQuery.record (in-house behavioural rows), Event.schedule (audit/event bus). Sentry/DataDog/Metrics are monitoring, not analytics.",
        "data_model: Sequelize-typescript classes in server/models (one label at the `class X extends` line). Touchpoints: User, Team, Group, Comment, Notification, View, AccessRequest, ShareSubscription. Ambiguous and not-touchpoint lists below with reasons; base classes (Model/IdModel/ParanoidModel/ArchivableModel) and OAuth token/code/client tables are not. Client-side MobX models in app/models mirror the API, not the DB: app/models/User.ts and Team.ts are ambiguous, the other app/models are left unlabelled (a report there is a judgement call).",
        "llm_call, personize_call: none. There is no OpenAI/Anthropic/AI SDK code in this open-source tree (SearchQuery.answer and the SlackProcessor comment about 'document summary' refer to features not present here); server/tools + server/routes/mcp are an MCP server exposing tools to external agents, not LLM calls.",
    ],
    "touchpoints": [
        # ---- email_send: the transport wrapper and BaseEmail
        tp("email_send", MAILER, "sendMail = async (data: SendMailOptions)", "Mailer.sendMail", channel="email", note="wrapper: nodemailer SMTP send"),
        tp("email_send", MAILER, "const info = await transporter.sendMail({", "Mailer.sendMail", channel="email", provider="nodemailer"),
        tp("email_send", BASE, "public async send() {", "BaseEmail.send", channel="email", note="wrapper: renders the template and calls mailer.sendMail"),
        email(BASE, "await mailer.sendMail({", "BaseEmail.send", note="call site of Mailer.sendMail"),
        tp("email_send", BASE, "public schedule(options?: Bull.JobOptions) {", "BaseEmail.schedule", channel="email", note="wrapper: enqueues EmailTask on the Bull task queue", alt=[{"at": "return taskQueue().add("}]),
        tp("email_send", f"{TASKS}/EmailTask.ts", "export default class EmailTask extends BaseTask<Props>", "EmailTask", channel="email", note="wrapper: queue worker that sends a scheduled template email"),
        email(f"{TASKS}/EmailTask.ts", "return email.send();", "EmailTask.perform", note="call site of BaseEmail.send"),
        # dispatchers
        tp("email_send", EP, "export default class EmailsProcessor extends BaseProcessor", "EmailsProcessor", channel="email", note="dispatcher: one template email per in-app notification event"),
        tp("email_send", f"{TASKS}/ShareSubscriptionNotificationsTask.ts", "export default class ShareSubscriptionNotificationsTask", "ShareSubscriptionNotificationsTask", channel="email", note="dispatcher: emails external subscribers of a public share on document update"),
        email(NP, "await new ShareSubscriptionNotificationsTask().schedule(event);", "revisionCreated", note="call site of ShareSubscriptionNotificationsTask"),
        *[email(EP, at, "EmailsProcessor.perform") for at in EMAILS_PROCESSOR],
        *[email(f, at, sym) for f, at, sym in EMAIL_CALLS],
        # ---- notification: in-app
        *[
            notify(f"{TASKS}/{task}.ts", f"export default class {task}", task, note="dispatcher: creates in-app Notification rows")
            for task in IN_APP_TASKS
        ],
        notify(f"{TASKS}/DocumentAddGroupNotificationsTask.ts", "export default class DocumentAddGroupNotificationsTask", "DocumentAddGroupNotificationsTask", note="dispatcher: fans out DocumentAddUserNotificationsTask per group member"),
        *[
            notify(f"{TASKS}/{task}.ts", "await Notification.create(", sym, nth=n, provider="sequelize", note="in-app Notification row")
            for task, calls in IN_APP_TASKS.items()
            for n, sym in calls
        ],
        *[
            notify(NP, f"await new {task}().schedule(event);", sym, note=f"call site of {task}")
            for task, sym in NP_CALLS
        ],
        notify(f"{TASKS}/CommentCreatedNotificationsTask.ts", "await new GroupMentionedInCommentNotificationsTask().schedule({", "perform", note="call site of GroupMentionedInCommentNotificationsTask"),
        notify(f"{TASKS}/CommentUpdatedNotificationsTask.ts", "await new GroupMentionedInCommentNotificationsTask().schedule({", "handleMentionedComment", note="call site of GroupMentionedInCommentNotificationsTask"),
        notify(f"{TASKS}/DocumentAddGroupNotificationsTask.ts", "await new DocumentAddUserNotificationsTask().schedule({", "perform", note="call site of DocumentAddUserNotificationsTask"),
        notify(WSP, "return socketio.to(`user-${event.userId}`).emit(event.name, data);", "WebsocketsProcessor.perform", provider="socket.io", note="pushes notifications.create/update to the user's browser"),
        # ---- notification: Slack
        notify(SLACKP, "export default class SlackProcessor extends BaseProcessor", "SlackProcessor", "slack", note="dispatcher: posts document publish/update messages to the Slack channel webhook"),
        notify(SLACKP, "await fetch(integration.settings.url, {", "integrationCreated", "slack", nth=1, provider="slack incoming webhook"),
        notify(SLACKP, "await fetch(integration.settings.url, {", "documentUpdated", "slack", nth=2, provider="slack incoming webhook"),
        notify(SLACK, "export async function post(", "post", "slack", note="wrapper: Slack Web API POST"),
        notify(SLACK, "const response = await fetch(`${SLACK_API_URL}/${endpoint}`, {", "post", "slack", nth=1, provider="slack web api"),
        notify(HOOKS, 'await Slack.post("chat.unfurl", {', "hooks.unfurl", "slack", note="call site of slack.post (link unfurl in channel)"),
        # ---- notification: outgoing webhooks
        notify(DWT, "private async sendWebhook({", "sendWebhook", "webhook_out", note="wrapper: signed POST to a user-configured webhook URL"),
        notify(DWT, "response = await fetch(subscription.url, {", "sendWebhook", "webhook_out"),
        notify(DWT, "export default class DeliverWebhookTask", "DeliverWebhookTask", "webhook_out", note="dispatcher: maps each event to a webhook payload"),
        *[
            notify(DWT, "await this.sendWebhook({", sym, "webhook_out", nth=i, note="call site of sendWebhook")
            for i, sym in enumerate(WEBHOOK_CALLS, start=1)
        ],
        notify("plugins/webhooks/server/processors/WebhookProcessor.ts", "new DeliverWebhookTask().schedule({", "WebhookProcessor.perform", "webhook_out", note="call site of DeliverWebhookTask"),
        # ---- webhook_handler
        tp("webhook_handler", HOOKS, '"hooks.unfurl",', "hooks.unfurl", provider="slack", note="Slack Events API (link_shared)", alt=[{"at": "async (ctx: APIContext<T.HooksUnfurlReq>) => {"}]),
        tp("webhook_handler", HOOKS, '"hooks.interactive",', "hooks.interactive", provider="slack", note="Slack interactive actions", alt=[{"at": "async (ctx: APIContext<T.HooksInteractiveReq>) => {"}]),
        tp("webhook_handler", HOOKS, '"hooks.slack",', "hooks.slack", provider="slack", note="Slack slash command", alt=[{"at": "async (ctx: APIContext<T.HooksSlackCommandReq>) => {"}]),
        tp("webhook_handler", "plugins/github/server/api/github.ts", '"github.webhooks",', "github.webhooks", provider="github"),
        tp("webhook_handler", "plugins/gitlab/server/api/gitlab.ts", '"gitlab.webhooks",', "gitlab.webhooks", provider="gitlab"),
        # ---- scheduled_job
        *[
            tp("scheduled_job", f, f"export default class {cls} extends CronTask", cls, note=f"CronTask ({interval})", alt=[{"at": "get cron()"}])
            for f, cls, interval in CRON_TASKS
        ],
        tp("scheduled_job", "server/services/cron.ts", "export default function init() {", "init", note="in-process cron service: runs daily/hourly CronTasks", alt=[{"at": "setInterval(() => void run(TaskInterval.Day), Day.ms).unref();"}, {"at": "setInterval(() => void run(TaskInterval.Hour), Hour.ms).unref();"}]),
        tp("scheduled_job", "server/routes/api/cron/cron.ts", "const cronHandler = async", "cronHandler", note="cron.:period endpoint hit by an external cron to run CronTasks", alt=[{"at": '"cron.:period",'}]),
        tp("scheduled_job", "server/main.ts", "setInterval(checkUpdates, 24 * 3600 * 1000).unref();", "start", note="daily update check / telemetry"),
        # ---- event_tracking
        tp("event_tracking", "app/utils/Analytics.ts", "public static track = (", "Analytics.track", provider="google-analytics", note="wrapper: GA3 event + GA4 dataLayer"),
        tp("event_tracking", "app/utils/Analytics.ts", 'window.ga("send", "event", event, action);', "Analytics.track", provider="google-analytics"),
        tp("event_tracking", "app/utils/Analytics.ts", "window.dataLayer.push({", "Analytics.track", provider="google-analytics"),
        tp("event_tracking", "app/actions/index.ts", 'Analytics.track("perform_action", definition.analyticsName, {', "createAction", note="call site of Analytics.track"),
        tp("event_tracking", "app/components/Analytics.tsx", 'ga("send", "pageview");', "Analytics", provider="google-analytics", alt=[{"at": 'ga("create", env.GOOGLE_ANALYTICS_ID, "auto");'}]),
        tp("event_tracking", "app/components/Analytics.tsx", 'ga("send", "event", "pwa", "install");', "Analytics", provider="google-analytics"),
        tp("event_tracking", "app/components/Analytics.tsx", 'window.gtag("config", measurementId, params);', "Analytics", provider="google-analytics", alt=[{"at": 'window.gtag("js", new Date());'}]),
        tp("event_tracking", "app/components/Analytics.tsx", '_paq.push(["trackPageView"]);', "Analytics", provider="matomo"),
        tp("event_tracking", "app/components/Analytics.tsx", '"data-website-id",', "Analytics", provider="umami", alt=[{"at": "script.src = `${integration.settings?.instanceUrl}${integration.settings?.scriptName}`;"}]),
        # ---- data_model
        *[model(name, note=why) for name, why in MODELS_TP],
    ],
    "not_touchpoints": [
        *[model_no(name, why) for name, why in MODELS_NO],
        model_no("Import", "import job row", at="class Import<T extends"),
        model_no("ImportTask", "import job row", at="class ImportTask<T extends"),
        model_no("OAuthAuthentication", "OAuth access token", file=f"{MD}/oauth/OAuthAuthentication.ts"),
        model_no("OAuthAuthorizationCode", "OAuth authorization code", file=f"{MD}/oauth/OAuthAuthorizationCode.ts"),
        model_no("OAuthClient", "configuration (registered OAuth app)", file=f"{MD}/oauth/OAuthClient.ts"),
        model_no("Model", "abstract base class", file=f"{MD}/base/Model.ts", at="class Model<"),
        model_no("IdModel", "abstract base class", file=f"{MD}/base/IdModel.ts", at="class IdModel<"),
        model_no("ParanoidModel", "abstract base class", file=f"{MD}/base/ParanoidModel.ts", at="class ParanoidModel<"),
        model_no("ArchivableModel", "abstract base class", file=f"{MD}/base/ArchivableModel.ts", at="class ArchivableModel<"),
        no("notification", "server/collaboration/APIUpdateExtension.ts", "static async notifyUpdate(", "Redis pub/sub to the collaboration server, not a message to a person"),
        no("notification", "server/models/Document.ts", "static notifyCollaborationServer(model: Document, ctx: HookContext) {", "model hook notifying the collaboration server"),
        no("notification", f"{TASKS}/ReactionRemovedNotificationsTask.ts", "export default class ReactionRemovedNotificationsTask", "deletes unread reaction notifications; delivers nothing"),
        no("notification", WSP, "case \"stars.create\":", "socket.io data sync of a star to the user's other tabs, not a message"),
        no("notification", "server/models/helpers/NotificationHelper.ts", "export default class NotificationHelper", "computes notification recipients; delivers nothing"),
        no("notification", SLACK, "export async function request(", "form POST to Slack used only for OAuth token exchange"),
        no("notification", SLACK, "export async function oauthAccess(", "Slack OAuth token exchange"),
        no("notification", "plugins/discord/server/discord.ts", 'token: "https://discord.com/api/oauth2/token",', "Discord OAuth sign-in only, no messages"),
        no("scheduled_job", "server/queues/queue.ts", "metricsTimer = setInterval(async () => {", "queue metrics gauge timer"),
        no("scheduled_job", "server/queues/HealthMonitor.ts", "const timer = setInterval(async () => {", "queue health monitor timer"),
        no("scheduled_job", "server/storage/redis.ts", "const healthcheck = setInterval(() => {", "redis health check timer"),
        no("scheduled_job", "server/services/web.ts", "setInterval(() => {", "connection-count metrics gauge"),
        no("scheduled_job", f"{TASKS}/base/CronTask.ts", "export abstract class CronTask extends BaseTask<Props>", "abstract base class of the cron tasks"),
        no("email_send", "server/emails/mailer.tsx", "private async getTestTransportOptions(): Promise<", "creates an ethereal test SMTP account; sends nothing"),
        no("email_send", "shared/utils/email.ts", "export function parseEmail(", "email address parsing"),
        no("email_send", "server/validation.ts", "export function assertEmail(", "email address validation"),
        no("webhook_handler", "server/middlewares/validateWebhook.ts", "export default function validateWebhook", "signature-check middleware, not the endpoint"),
        no("webhook_handler", "plugins/slack/server/auth/slack.ts", 'router.get("slack.callback", passportMiddleware(providerName));', "OAuth callback, not an event webhook"),
        no("event_tracking", "app/hooks/useFrequencyTracker.ts", "const track = useCallback((item: T) => tracker.track(item), [tracker]);", "local frequency counter for command-bar ordering, not analytics"),
        no("event_tracking", "plugins/googleanalytics/client/Settings.tsx", "function GoogleAnalytics()", "settings form for the GA measurement id, sends nothing"),
        no("event_tracking", "server/models/helpers/IntegrationHelper.ts", "getAnalyticsScriptSrc", "builds the CSP script-src list for analytics hosts"),
    ],
    "ambiguous": [
        *[
            no("email_send", f"{TPL}/{name}.tsx", f"export default class {name} extends BaseEmail", "BaseEmail subclass: defines subject/body of one email but sending is inherited (send/schedule)")
            for name in EMAIL_TEMPLATES
        ],
        no("email_send", "plugins/passkeys/server/email/templates/PasskeyCreatedEmail.tsx", "export class PasskeyCreatedEmail extends BaseEmail", "BaseEmail subclass (plugin)"),
        no("email_send", "server/commands/userInviter.ts", "export default async function userInviter(", "creates invited users and emails them, but named for the command"),
        no("email_send", USERS, "const response = await userInviter(ctx, { invites, suppressEmail });", "call of the ambiguous userInviter"),
        no("email_send", "plugins/email/server/auth/email.ts", '"email",', nth=1, why="magic-link sign-in route; its SigninEmail call is the touchpoint"),
        no("notification", "server/models/Notification.ts", "static async createEvent(", "@AfterCreate hook publishing notifications.create, which drives email and websocket delivery"),
        no("notification", "server/routes/api/developer/developer.ts", "return Notification.create({", "development-only endpoint creating random test notifications"),
        no("email_send", "server/routes/api/developer/developer.ts", "const response = await userInviter(ctx, { invites });", "development-only endpoint inviting test users"),
        no("webhook_handler", "plugins/github/server/tasks/GitHubWebhookTask.ts", "export default class GitHubWebhookTask", "queue task wrapping GitHubIssueProvider.handleWebhook; the route is the handler"),
        no("webhook_handler", "plugins/github/server/GitHubIssueProvider.ts", "async handleWebhook({", "processes the GitHub webhook payload asynchronously; the route is the handler"),
        no("webhook_handler", "plugins/gitlab/server/GitLabIssueProvider.ts", "async handleWebhook({", "processes the GitLab webhook payload asynchronously; the route is the handler"),
        no("webhook_handler", "plugins/gitlab/server/tasks/GitLabWebhookTask.ts", "export default class GitLabWebhookTask", "queue task wrapping handleWebhook"),
        no("event_tracking", "server/utils/updates.ts", "export async function checkUpdates() {", "anonymous instance counts POSTed to updates.getoutline.com (install telemetry)"),
        no("event_tracking", "server/routes/api/notifications/notifications.ts", '"notifications.pixel",', "email-open tracking pixel marking a notification viewed"),
        no("event_tracking", "server/routes/api/views/views.ts", "const view = await View.incrementOrCreate(ctx, {", "in-house document view counter"),
        no("event_tracking", "server/routes/api/documents/documents.ts", "await SearchQuery.record({", "in-house search query log"),
        no("event_tracking", "server/models/Event.ts", "static schedule(event: Partial<Event>) {", "audit log / internal event bus, not product analytics"),
        no("event_tracking", "app/components/Analytics.tsx", "const Analytics: React.FC = ({ children }: Props) => {", "component injecting the analytics snippets (its individual calls are labelled)"),
        no("scheduled_job", ".github/workflows/codeql-analysis.yml", '- cron: "28 15 * * 2"', "GitHub Actions schedule: repo maintenance (CodeQL)"),
        no("scheduled_job", ".github/workflows/docker-nightly.yml", '- cron: "0 3 * * *"', "GitHub Actions schedule: nightly image build"),
        no("scheduled_job", ".github/workflows/update-node.yml", '- cron: "0 9 * * 1"', "GitHub Actions schedule: dependency maintenance"),
        no("scheduled_job", ".github/workflows/stale.yml", '- cron: "30 1 * * *"', "GitHub Actions schedule: stale issues"),
        no("scheduled_job", ".github/workflows/auto-close-prs.yml", '- cron: "0 0 * * *"', "GitHub Actions schedule: closes PRs"),
        no("scheduled_job", ".github/workflows/calibreapp-image-actions.yml", '- cron: "00 20 * * 0"', "GitHub Actions schedule: image compression"),
        *[no("data_model", f"{MD}/{name}.ts", f"class {name} extends", why) for name, why in MODELS_AMBIGUOUS],
        no("data_model", f"{MD}/Integration.ts", "class Integration<T = unknown> extends", "a team's third-party integration settings"),
        no("data_model", "app/models/User.ts", "class User extends ParanoidModel", "client-side MobX mirror of the server User"),
        no("data_model", "app/models/Team.ts", "class Team extends Model", "client-side MobX mirror of the server Team"),
    ],
}
