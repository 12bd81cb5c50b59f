"""Batch 8 labels for Dokploy (self-hostable PaaS; Next.js + tRPC app, shared server
package, BullMQ schedules service, Hono deploy API, Go monitoring agent).

Written by hand from grep and reading before any scanner output was seen.
"""

from bench.labels.resolve import no, tp

PACKAGE = "dokploy"
OUTPUT = "bench/labels/batch8/dokploy.json"
ROOT = "/tmp/fc8/dokploy"
SOURCE = {"source": "github", "repo": "Dokploy/dokploy", "commit": "772b76821771c53b072c2fbb95cf8876e1a65ae4"}

NU = "packages/server/src/utils/notifications/utils.ts"
VE = "packages/server/src/verification/send-verification-email.tsx"
SN = "apps/dokploy/server/utils/stripe-notifications.ts"
NR = "apps/dokploy/server/api/routers/notification.ts"
SCH = "packages/server/src/db/schema"

# wrapper -> (kind, channel, provider)
WRAPPERS = {
    "sendEmailNotification": ("email_send", "email", "nodemailer"),
    "sendResendNotification": ("email_send", "email", "resend"),
    "sendDiscordNotification": ("notification", "chat", "discord"),
    "sendTelegramNotification": ("notification", "chat", "telegram"),
    "sendSlackNotification": ("notification", "slack", "slack"),
    "sendGotifyNotification": ("notification", "push", "gotify"),
    "sendNtfyNotification": ("notification", "push", "ntfy"),
    "sendMattermostNotification": ("notification", "chat", "mattermost"),
    "sendCustomNotification": ("notification", "webhook_out", "custom"),
    "sendLarkNotification": ("notification", "chat", "lark"),
    "sendTeamsNotification": ("notification", "chat", "teams"),
    "sendPushoverNotification": ("notification", "push", "pushover"),
}

# provider call inside each wrapper: (wrapper, snippet, nth)
PROVIDER_CALLS = [
    ("sendEmailNotification", "await transporter.sendMail({", 0),
    ("sendResendNotification", "await client.emails.send({", 0),
    ("sendDiscordNotification", "const response = await fetch(connection.webhookUrl, {", 1),
    ("sendTelegramNotification", "await fetch(url, {", 0),
    ("sendSlackNotification", "const response = await fetch(connection.webhookUrl, {", 2),
    ("sendGotifyNotification", "const response = await fetch(`${connection.serverUrl}/message`", 0),
    ("sendNtfyNotification", "const response = await fetch(`${connection.serverUrl}/${connection.topic}`", 0),
    ("sendMattermostNotification", "const response = await fetch(connection.webhookUrl, {", 3),
    ("sendCustomNotification", "const response = await fetch(connection.endpoint, {", 0),
    ("sendLarkNotification", "await fetch(connection.webhookUrl, {", 4),
    ("sendTeamsNotification", "const response = await fetch(connection.webhookUrl, {", 4),
    ("sendPushoverNotification", 'await fetch("https://api.pushover.net/1/messages.json"', 0),
]

# per-event dispatchers: each looks up the org's notification destinations and calls every
# channel wrapper (12 call sites each)
DISPATCHERS = {
    "build-error.ts": "sendBuildErrorNotifications",
    "build-success.ts": "sendBuildSuccessNotifications",
    "database-backup.ts": "sendDatabaseBackupNotifications",
    "docker-cleanup.ts": "sendDockerCleanupNotifications",
    "dokploy-backup.ts": "sendDokployBackupNotifications",
    "dokploy-restart.ts": "sendDokployRestartNotifications",
    "server-threshold.ts": "sendServerThresholdNotifications",
    "volume-backup.ts": "sendVolumeBackupNotifications",
}

# notification router "test connection" procedures
TEST_PROCS = {
    "sendSlackNotification": "testSlackConnection",
    "sendTelegramNotification": "testTelegramConnection",
    "sendDiscordNotification": "testDiscordConnection",
    "sendEmailNotification": "testEmailConnection",
    "sendResendNotification": "testResendConnection",
    "sendGotifyNotification": "testGotifyConnection",
    "sendNtfyNotification": "testNtfyConnection",
    "sendMattermostNotification": "testMattermostConnection",
    "sendCustomNotification": "testCustomConnection",
    "sendLarkNotification": "testLarkConnection",
    "sendTeamsNotification": "testTeamsConnection",
    "sendPushoverNotification": "testPushoverConnection",
}

# callers of the dispatchers: (file, snippet, nth, dispatcher, symbol)
DISPATCH_CALLS = [
    ("apps/dokploy/server/api/routers/settings.ts", "await sendDockerCleanupNotifications(", 1, "sendDockerCleanupNotifications", "updateDockerCleanup"),
    ("apps/dokploy/server/api/routers/settings.ts", "await sendDockerCleanupNotifications(", 2, "sendDockerCleanupNotifications", "updateDockerCleanup"),
    (NR, "await sendServerThresholdNotifications(", 0, "sendServerThresholdNotifications", "receiveNotification"),
    ("apps/dokploy/server/server.ts", "await sendDokployRestartNotifications(", 0, "sendDokployRestartNotifications", None),
    ("apps/dokploy/server/utils/docker-cleanup.ts", "await sendDockerCleanupNotifications(", 0, "sendDockerCleanupNotifications", "applyDockerCleanupSchedule"),
    ("packages/server/src/services/application.ts", "await sendBuildSuccessNotifications(", 1, "sendBuildSuccessNotifications", "deployApplication"),
    ("packages/server/src/services/application.ts", "await sendBuildErrorNotifications(", 0, "sendBuildErrorNotifications", "deployApplication"),
    ("packages/server/src/services/application.ts", "await sendBuildSuccessNotifications(", 2, "sendBuildSuccessNotifications", "rebuildApplication"),
    ("packages/server/src/services/compose.ts", "await sendBuildSuccessNotifications(", 0, "sendBuildSuccessNotifications", "deployCompose"),
    ("packages/server/src/services/compose.ts", "await sendBuildErrorNotifications(", 0, "sendBuildErrorNotifications", "deployCompose"),
    ("packages/server/src/utils/backups/index.ts", "await sendDockerCleanupNotifications(", 1, "sendDockerCleanupNotifications", "initCronJobs"),
    ("packages/server/src/utils/backups/index.ts", "await sendDockerCleanupNotifications(", 2, "sendDockerCleanupNotifications", "initCronJobs"),
    ("packages/server/src/utils/backups/web-server.ts", "await sendDokployBackupNotifications(", 1, "sendDokployBackupNotifications", None),
    ("packages/server/src/utils/backups/web-server.ts", "await sendDokployBackupNotifications(", 2, "sendDokployBackupNotifications", None),
    ("packages/server/src/utils/volume-backups/utils.ts", "await sendVolumeBackupNotifications(", 1, "sendVolumeBackupNotifications", "runVolumeBackup"),
    ("packages/server/src/utils/volume-backups/utils.ts", "await sendVolumeBackupNotifications(", 2, "sendVolumeBackupNotifications", "runVolumeBackup"),
]
for db in ("mariadb", "mongo", "postgres", "mysql", "libsql", "compose"):
    for n in (1, 2):
        DISPATCH_CALLS.append((f"packages/server/src/utils/backups/{db}.ts", "await sendDatabaseBackupNotifications(", n, "sendDatabaseBackupNotifications", None))


def wrapper_tps():
    out = []
    for name, (kind, channel, provider) in WRAPPERS.items():
        out.append(tp(kind, NU, f"export const {name} = async", name, channel=channel, provider=provider,
                      note=f"wrapper: {provider} delivery used by every event dispatcher"))
    for name, snippet, nth in PROVIDER_CALLS:
        kind, channel, provider = WRAPPERS[name]
        out.append(tp(kind, NU, snippet, name, channel=channel, provider=provider, nth=nth,
                      note=f"provider call inside {name}"))
    return out


def dispatcher_tps():
    out = []
    for fname, disp in DISPATCHERS.items():
        f = f"packages/server/src/utils/notifications/{fname}"
        out.append(tp("notification", f, f"export const {disp} = async", disp, channel="other",
                      note="dispatcher: fans one event out to email/resend/slack/discord/telegram/... per org settings"))
        for name, (kind, channel, provider) in WRAPPERS.items():
            out.append(tp(kind, f, f"{name}(", disp, channel=channel, provider=provider,
                          note=f"call site of {name}"))
    return out


def router_tps():
    out = []
    for name, proc in TEST_PROCS.items():
        kind, channel, provider = WRAPPERS[name]
        out.append(tp(kind, NR, f"{name}(", proc, channel=channel, provider=provider,
                      note=f"call site of {name} (test message)"))
    for f, snip, nth, disp, sym in DISPATCH_CALLS:
        out.append(tp("notification", f, snip, sym, channel="other", nth=nth, note=f"call site of {disp}"))
    return out


def model(file, var, name=None, **kw):
    return tp("data_model", f"{SCH}/{file}", f"export const {var} = pgTable(", name or var,
              entity=name or var, framework="drizzle", **kw)


def model_amb(file, var, why):
    return no("data_model", f"{SCH}/{file}", f"export const {var} = pgTable(", why)


def model_no(file, var, why):
    return no("data_model", f"{SCH}/{file}", f"export const {var} = pgTable(", why)


INFRA = "infrastructure resource record owned by an organization (deployable service/config), not a person or a record about one"

SPEC = {
    "notes": [
        "Source: github Dokploy/dokploy @ 772b76821771c53b072c2fbb95cf8876e1a65ae4 (git archive snapshot).",
        "All outbound channels live in packages/server/src/utils/notifications/utils.ts: 12 wrappers (nodemailer SMTP, Resend, Discord/Slack/Mattermost/Lark/Teams incoming webhooks, Telegram bot API, Gotify/ntfy/Pushover push, custom webhook), all plain fetch() except nodemailer/resend. Each wrapper def and its provider call are labelled.",
        "Eight per-event dispatchers (build error/success, db backup, docker cleanup, dokploy backup/restart, server threshold, volume backup) each call all 12 wrappers: dispatcher def = notification/other wrapper, and each wrapper call inside = call site with the wrapper's kind/channel.",
        "Transactional mail goes through verification/send-verification-email.tsx sendEmail (wrapper over sendEmailNotification with SMTP env vars), used for verification, password reset, invitations and Stripe invoice/payment-failed mails.",
        "Scheduled jobs: node-schedule scheduleJob() registrations (backups, volume backups, user schedules, docker cleanup, access-log cleanup, enterprise licence check) and the BullMQ repeatable jobs of apps/schedules (cloud). Call sites of the project's scheduleJob helpers that register jobs are labelled too.",
        "Webhook handlers: Next.js API routes for Stripe, git-push deploy hooks (refreshToken, compose, GitHub app), the GitHub app webhook stub, and the public tRPC receiveNotification used by the Go monitoring agent.",
        "event_tracking: GTM dataLayer (pushToDataLayer wrapper + call sites) and the GTM/HubSpot snippet in components/shared/analytics.tsx.",
        "llm_call: Vercel AI SDK generateText in services/ai.ts (suggestVariants) and routers/ai.ts (analyzeLogs, testConnection).",
        "data_model: drizzle pgTable tables in packages/server/src/db/schema. Person/org tables and the org's projects/applications/deployments are touchpoints; infra resources are ambiguous; auth plumbing tables not. packages/server/auth-schema2.ts is a better-auth CLI generated duplicate (not imported) -> ambiguous; auth-schema.ts is fully commented out.",
        "Excluded: __test__ directories, emails/emails/*.tsx templates (render only), apps/dokploy/components UI forms, .github workflows (no schedule: trigger).",
    ],
    "touchpoints": [
        *wrapper_tps(),
        *dispatcher_tps(),
        *router_tps(),
        tp("email_send", "apps/dokploy/server/api/routers/user.ts", "await sendEmailNotification(", "sendInvitation", channel="email", provider="nodemailer", note="call site of sendEmailNotification (invitation)"),
        tp("email_send", "apps/dokploy/server/api/routers/user.ts", "await sendResendNotification(", "sendInvitation", channel="email", provider="resend", note="call site of sendResendNotification (invitation)"),
        # transactional email helpers
        tp("email_send", VE, "export const sendEmail = async", "sendEmail", channel="email", provider="nodemailer", note="wrapper: SMTP from env over sendEmailNotification"),
        tp("email_send", VE, "await sendEmailNotification(", "sendEmail", channel="email", note="call site of sendEmailNotification"),
        tp("email_send", VE, "export const sendVerificationEmail = async", "sendVerificationEmail", channel="email", note="wrapper: verification email"),
        tp("email_send", VE, "await sendEmail({", "sendVerificationEmail", channel="email", nth=1, note="call site of sendEmail"),
        tp("email_send", VE, "export const sendInvitationEmail = async", "sendInvitationEmail", channel="email", note="wrapper: invitation email"),
        tp("email_send", VE, "await sendEmail({", "sendInvitationEmail", channel="email", nth=2, note="call site of sendEmail"),
        tp("email_send", "packages/server/src/lib/auth.ts", "await sendVerificationEmail({", "sendVerificationEmail", channel="email", note="call site of sendVerificationEmail (better-auth hook)"),
        tp("email_send", "packages/server/src/lib/auth.ts", "await sendEmail({", "sendResetPassword", channel="email", note="call site of sendEmail (password reset)"),
        tp("email_send", "apps/dokploy/server/api/routers/organization.ts", "await sendInvitationEmail({", "inviteMember", channel="email", note="call site of sendInvitationEmail"),
        tp("email_send", SN, "export const sendInvoiceEmail = async", "sendInvoiceEmail", channel="email", note="wrapper: Stripe invoice email"),
        tp("email_send", SN, "await sendEmail({", "sendInvoiceEmail", channel="email", nth=1, note="call site of sendEmail"),
        tp("email_send", SN, "export const sendPaymentFailedEmail = async", "sendPaymentFailedEmail", channel="email", note="wrapper: payment failed email"),
        tp("email_send", SN, "await sendEmail({", "sendPaymentFailedEmail", channel="email", nth=2, note="call site of sendEmail"),
        tp("email_send", "apps/dokploy/pages/api/stripe/webhook.ts", "await sendInvoiceEmail(newInvoice, admin)", "handler", channel="email", note="call site of sendInvoiceEmail"),
        tp("email_send", "apps/dokploy/pages/api/stripe/webhook.ts", "await sendPaymentFailedEmail(newInvoice, admin)", "handler", channel="email", note="call site of sendPaymentFailedEmail"),
        # webhook handlers
        tp("webhook_handler", "apps/dokploy/pages/api/stripe/webhook.ts", "export default async function handler(", "handler", provider="stripe"),
        tp("webhook_handler", "apps/dokploy/pages/api/deploy/[refreshToken].ts", "export default async function handler(", "handler", provider="git", note="push webhook (GitHub/GitLab/Gitea/Bitbucket/Docker Hub) triggering application deploy"),
        tp("webhook_handler", "apps/dokploy/pages/api/deploy/compose/[refreshToken].ts", "export default async function handler(", "handler", provider="git", note="push webhook triggering compose deploy"),
        tp("webhook_handler", "apps/dokploy/pages/api/deploy/github.ts", "export default async function handler(", "handler", provider="github", note="GitHub App push/PR webhook"),
        tp("webhook_handler", "apps/dokploy/pages/api/providers/github/webhook.ts", "export default async function handler(", "handler", provider="github", note="GitHub ping webhook stub"),
        tp("webhook_handler", NR, "receiveNotification: publicProcedure", "receiveNotification", provider="dokploy-monitoring", note="public endpoint receiving CPU/memory threshold alerts from the Go monitoring agent"),
        # scheduled jobs (node-schedule)
        tp("scheduled_job", "packages/server/src/utils/crons/enterprise.ts", 'scheduleJob("enterprise-check"', "initEnterpriseBackupCronJobs", provider="node-schedule"),
        tp("scheduled_job", "packages/server/src/utils/access-log/handler.ts", "scheduleJob(LOG_CLEANUP_JOB_NAME", "startLogCleanup", provider="node-schedule"),
        tp("scheduled_job", "packages/server/src/utils/backups/index.ts", 'scheduleJob("docker-cleanup"', "initCronJobs", provider="node-schedule"),
        tp("scheduled_job", "packages/server/src/utils/backups/index.ts", "scheduleJob(serverId, CLEANUP_CRON_JOB", "initCronJobs", provider="node-schedule"),
        tp("scheduled_job", "packages/server/src/utils/backups/utils.ts", "scheduleJob(backupId, schedule", "scheduleBackup", provider="node-schedule", alt=[{"at": "export const scheduleBackup = "}]),
        tp("scheduled_job", "packages/server/src/utils/volume-backups/utils.ts", "scheduleJob(volumeBackupId", "scheduleVolumeBackup", provider="node-schedule", alt=[{"at": "export const scheduleVolumeBackup = "}]),
        tp("scheduled_job", "packages/server/src/utils/schedules/utils.ts", "scheduleJobNode(", "scheduleJob", provider="node-schedule", alt=[{"at": "export const scheduleJob = "}]),
        tp("scheduled_job", "packages/server/src/utils/schedules/index.ts", "scheduleJob(schedule);", "initSchedules", note="call site of scheduleJob (startup registration of user schedules)"),
        tp("scheduled_job", "apps/dokploy/server/api/routers/schedule.ts", "scheduleJob(newSchedule);", "create", note="call site of scheduleJob"),
        tp("scheduled_job", "apps/dokploy/server/api/routers/schedule.ts", "scheduleJob(updatedSchedule);", "update", note="call site of scheduleJob"),
        tp("scheduled_job", "apps/dokploy/server/api/routers/settings.ts", "scheduleJob(server.serverId, CLEANUP_CRON_JOB", "updateDockerCleanup", provider="node-schedule"),
        tp("scheduled_job", "apps/dokploy/server/api/routers/settings.ts", 'scheduleJob("docker-cleanup", CLEANUP_CRON_JOB', "updateDockerCleanup", provider="node-schedule"),
        tp("scheduled_job", "apps/dokploy/server/utils/docker-cleanup.ts", "scheduleJob(serverId, CLEANUP_CRON_JOB", "applyDockerCleanupSchedule", provider="node-schedule"),
        # BullMQ repeatable jobs (apps/schedules, cloud)
        tp("scheduled_job", "apps/schedules/src/queue.ts", "export const scheduleJob = async", "scheduleJob", provider="bullmq", note="wrapper: jobQueue.add with repeat.pattern cron"),
        *[tp("scheduled_job", "apps/schedules/src/utils.ts", "await scheduleJob({", "initializeJobs", nth=n, note="call site of scheduleJob (startup registration)") for n in (1, 2, 3, 4)],
        tp("scheduled_job", "apps/schedules/src/index.ts", "await scheduleJob(data);", "create-backup", nth=1, note="call site of scheduleJob (POST /create-backup)"),
        tp("scheduled_job", "apps/schedules/src/index.ts", "await scheduleJob(data);", "update-backup", nth=2, note="call site of scheduleJob (POST /update-backup)"),
        # llm
        tp("llm_call", "packages/server/src/services/ai.ts", "const result = await generateText({", "suggestVariants", provider="ai-sdk"),
        tp("llm_call", "apps/dokploy/server/api/routers/ai.ts", "const result = await generateText({", "analyzeLogs", nth=1, provider="ai-sdk"),
        tp("llm_call", "apps/dokploy/server/api/routers/ai.ts", "const result = await generateText({", "testConnection", nth=2, provider="ai-sdk"),
        tp("llm_call", "apps/dokploy/server/api/routers/ai.ts", "return await suggestVariants({", "suggest", note="call site of suggestVariants"),
        # analytics
        tp("event_tracking", "apps/dokploy/lib/analytics.ts", "export const pushToDataLayer = (", "pushToDataLayer", provider="gtm", note="wrapper: GTM dataLayer push"),
        tp("event_tracking", "apps/dokploy/lib/analytics.ts", "window.dataLayer.push({ event, ...data });", "pushToDataLayer", provider="gtm"),
        tp("event_tracking", "apps/dokploy/components/shared/analytics.tsx", 'pushToDataLayer("sign_up", { method: signup });', "Analytics", note="call site of pushToDataLayer"),
        tp("event_tracking", "apps/dokploy/components/shared/analytics.tsx", 'pushToDataLayer("new_subscription", {', "Analytics", note="call site of pushToDataLayer"),
        tp("event_tracking", "apps/dokploy/components/shared/analytics.tsx", "'https://www.googletagmanager.com/gtm.js?id='", "Analytics", provider="gtm", note="GTM loader snippet", alt=[{"at": '<Script id="analytics-init"'}]),
        tp("event_tracking", "apps/dokploy/components/shared/analytics.tsx", 'src="//js-eu1.hs-scripts.com/147033433.js"', "Analytics", provider="hubspot", note="HubSpot tracking script"),
        tp("event_tracking", "apps/dokploy/pages/register.tsx", 'pushToDataLayer("sign_up", { method: "email" });', "Register", note="call site of pushToDataLayer"),
        tp("event_tracking", "apps/dokploy/pages/invitation.tsx", 'pushToDataLayer("sign_up", { method: "invitation" });', "Invitation", note="call site of pushToDataLayer"),
        # data models
        model("user.ts", "user", "User"),
        model("account.ts", "account", "Account"),
        model("account.ts", "organization", "Organization"),
        model("account.ts", "member", "Member"),
        model("account.ts", "invitation", "Invitation"),
        model("project.ts", "projects", "Project"),
        model("application.ts", "applications", "Application"),
        model("compose.ts", "compose", "Compose"),
        model("deployment.ts", "deployments", "Deployment"),
        model("server.ts", "server", "Server"),
        model("notification.ts", "notifications", "Notification", note="per-org notification destination and event subscriptions"),
    ],
    "not_touchpoints": [
        no("email_send", VE, "export const renderInvitationEmail = async", "only renders the React Email template to HTML"),
        no("notification", "packages/server/src/services/notification.ts", "export const createSlackNotification = async", "CRUD of a notification destination row; sends nothing"),
        no("notification", "packages/server/src/services/notification.ts", "export const updateSlackNotification = async", "CRUD of a notification destination row; sends nothing"),
        no("notification", "packages/server/src/services/notification.ts", "export const createEmailNotification = async", "CRUD of a notification destination row; sends nothing"),
        no("notification", "packages/server/src/services/notification.ts", "export const findNotificationById = async", "DB lookup"),
        no("notification", NR, "createSlack: withPermission", "tRPC procedure saving destination settings; sends nothing"),
        no("email_send", "packages/server/src/lib/auth.ts", "async hash(password) {", "password hashing in the email/password auth config"),
        no("webhook_handler", "apps/dokploy/pages/api/providers/gitea/callback.ts", "export default async function handler(", "OAuth callback redirect, not an event webhook"),
        no("webhook_handler", "apps/dokploy/pages/api/providers/gitlab/callback.ts", "export default async function handler(", "OAuth callback redirect, not an event webhook"),
        no("webhook_handler", "apps/dokploy/pages/api/providers/github/setup.ts", "export default async function handler(", "GitHub App installation setup redirect (OAuth code exchange)"),
        no("scheduled_job", "apps/dokploy/components/layouts/update-server.tsx", "checkUpdatesIntervalRef.current = setInterval(", "client-side UI polling"),
        no("scheduled_job", "apps/dokploy/server/wss/docker-stats.ts", "const intervalId = setInterval(async () => {", "websocket stats streaming interval"),
        no("llm_call", "packages/server/src/utils/ai/select-ai-provider.ts", "export function selectAIProvider(", "builds an AI SDK provider object; no generation call"),
        no("data_model", "packages/server/auth-schema.ts", '// export const user = pgTable("user", {', "commented-out code"),
        model_no("account.ts", "verification", "auth verification tokens"),
        model_no("session.ts", "session", "auth session rows"),
        model_no("account.ts", "twoFactor", "2FA secrets"),
        model_no("account.ts", "apikey", "API key credentials"),
    ],
    "ambiguous": [
        no("scheduled_job", "apps/schedules/src/workers.ts", "export const firstWorker = new Worker(", "BullMQ worker executing the repeatable jobs; the schedule is declared in queue.ts"),
        no("scheduled_job", "apps/schedules/src/workers.ts", "export const secondWorker = new Worker(", "BullMQ worker executing the repeatable jobs"),
        no("scheduled_job", "apps/schedules/src/workers.ts", "export const thirdWorker = new Worker(", "BullMQ worker executing the repeatable jobs"),
        no("scheduled_job", "apps/schedules/src/utils.ts", "export const runJobs = async", "job body run by the scheduled workers"),
        no("scheduled_job", "packages/server/src/utils/backups/index.ts", "export const initCronJobs = async", "startup function registering the node-schedule jobs (registrations labelled inside)"),
        no("scheduled_job", "apps/api/src/index.ts", "export const deploymentFunction = inngest.createFunction(", "Inngest function triggered by events, not a cron"),
        no("webhook_handler", "apps/api/src/index.ts", 'app.post("/deploy"', "internal deploy API called by Dokploy cloud, not a third-party event"),
        no("webhook_handler", "apps/api/src/index.ts", '"/api/inngest",', "Inngest serve endpoint receiving Inngest events"),
        no("notification", "apps/monitoring/monitoring/monitor.go", "resp, err := http.Post(callbackURL", "Go agent POSTs threshold alerts to Dokploy's own receiveNotification callback (internal webhook_out)"),
        no("llm_call", "apps/dokploy/server/api/routers/ai.ts", "getModels: protectedProcedure", "lists models from the provider API; no generation"),
        no("event_tracking", "packages/server/src/db/schema/audit-log.ts", "export const auditLog = pgTable(", "audit log of user actions (also a data_model candidate)"),
        model_amb("audit-log.ts", "auditLog", "audit log rows about user actions: log table vs record about a person"),
        model_amb("account.ts", "organizationRole", "custom RBAC roles per org"),
        model_amb("account.ts", "passkey", "auth credential"),
        model_amb("environment.ts", "environments", INFRA),
        model_amb("preview-deployments.ts", "previewDeployments", INFRA),
        model_amb("rollbacks.ts", "rollbacks", INFRA),
        model_amb("postgres.ts", "postgres", INFRA),
        model_amb("mysql.ts", "mysql", INFRA),
        model_amb("mariadb.ts", "mariadb", INFRA),
        model_amb("mongo.ts", "mongo", INFRA),
        model_amb("redis.ts", "redis", INFRA),
        model_amb("libsql.ts", "libsql", INFRA),
        model_amb("backups.ts", "backups", INFRA),
        model_amb("volume-backups.ts", "volumeBackups", INFRA),
        model_amb("schedule.ts", "schedules", INFRA),
        model_amb("domain.ts", "domains", INFRA),
        model_amb("certificate.ts", "certificates", INFRA),
        model_amb("destination.ts", "destinations", INFRA),
        model_amb("registry.ts", "registry", INFRA),
        model_amb("ssh-key.ts", "sshKeys", INFRA),
        model_amb("port.ts", "ports", INFRA),
        model_amb("mount.ts", "mounts", INFRA),
        model_amb("redirects.ts", "redirects", INFRA),
        model_amb("security.ts", "security", INFRA),
        model_amb("network.ts", "network", INFRA),
        model_amb("patch.ts", "patch", INFRA),
        model_amb("tag.ts", "tags", "org-defined project tags"),
        model_amb("tag.ts", "projectTags", "join table project<->tag"),
        model_amb("git-provider.ts", "gitProvider", "user's connected git provider account (integration credentials)"),
        model_amb("github.ts", "github", "git provider integration credentials"),
        model_amb("gitlab.ts", "gitlab", "git provider integration credentials"),
        model_amb("gitea.ts", "gitea", "git provider integration credentials"),
        model_amb("bitbucket.ts", "bitbucket", "git provider integration credentials"),
        model_amb("ai.ts", "ai", "per-org AI provider settings"),
        model_amb("web-server-settings.ts", "webServerSettings", "instance settings"),
        model_amb("forward-auth.ts", "forwardAuthSettings", "settings"),
        model_amb("dns-provider.ts", "dnsProvider", "integration credentials"),
        model_amb("vault-provider.ts", "vaultProvider", "integration credentials"),
        model_amb("sso.ts", "ssoProvider", "SSO configuration per org"),
        model_amb("scim.ts", "scimProvider", "SCIM configuration per org"),
        *[model_amb("notification.ts", t, "per-channel destination settings of a notification (credentials/webhook URL)") for t in
          ("slack", "telegram", "discord", "email", "resend", "gotify", "ntfy", "mattermost", "custom", "lark", "pushover", "teams")],
        *[no("data_model", "packages/server/auth-schema2.ts", f"export const {t} = pgTable(", "better-auth CLI generated duplicate of src/db/schema, not imported by the app")
          for t in ("user", "session", "account", "verification", "apikey", "ssoProvider", "twoFactor", "organization", "organizationRole", "member", "invitation", "scimProvider")],
    ],
}
