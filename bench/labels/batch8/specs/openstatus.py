"""Batch-8 first-contact labels for openstatus (openstatusHQ/openstatus @ 22df52eb), the
whole pnpm/turbo monorepo (apps/* and packages/*).

Written by reading the code with grep before the scanner was ever run on this repo.
"""

from bench.labels.resolve import no, tp

PACKAGE = "openstatus"
OUTPUT = "bench/labels/batch8/openstatus.json"
ROOT = "/tmp/fc8/openstatus"
SOURCE = {
    "source": "github",
    "repo": "openstatusHQ/openstatus",
    "commit": "22df52eb0dbdafbad2c3fa41269f7a3a3cbf044b",
}

T: list = []  # touchpoints
N: list = []  # not_touchpoints
A: list = []  # ambiguous


def email(file, at, symbol=None, nth=0, note="", **kw):
    T.append(tp("email_send", file, at, symbol, channel="email", nth=nth, note=note, **kw))


def notify(file, at, symbol=None, channel="other", nth=0, note="", **kw):
    T.append(tp("notification", file, at, symbol, channel=channel, nth=nth, note=note, **kw))


# --------------------------------------------------------------------------- email
SEND = "packages/emails/src/send.ts"
for sym, call, nth in [
    ("sendEmail", "await resend.emails.send(email);", 0),
    ("sendBatchEmailHtml", "await resend.batch.send(emails);", 0),
    ("sendEmailHtml", 'await fetch("https://api.resend.com/emails/batch", {', 0),
    ("sendWithRender", "await resend.emails.send({", 0),
]:
    email(SEND, f"export const {sym} = async (", sym, provider="resend", note=f"wrapper: {sym} (Resend)")
    email(SEND, call, sym, nth=nth, provider="resend", note="provider call inside the wrapper")

CL = "packages/emails/src/client.tsx"
# EmailClient methods: (method, provider-call snippet, nth of that snippet in the file)
CLIENT_METHODS = [
    ("sendFollowUp", "const result = await this.client.emails.send({", 1),
    ("sendFollowUpBatched", "const result = await this.client.batch.send(", 1),
    ("sendSlackFeedback", "const result = await this.client.emails.send({", 2),
    ("sendSlackFeedbackBatched", "const result = await this.client.batch.send(", 2),
    ("sendStatusReportUpdate", "this.client.batch.send(", 3),
    ("sendTeamInvitation", "const result = await this.client.emails.send({", 3),
    ("sendMonitorAlert", "const result = await this.client.emails.send({", 4),
    ("sendPageSubscription", "const result = await this.client.emails.send({", 5),
    ("sendStatusPageMagicLink", "const result = await this.client.emails.send({", 6),
    ("sendMaintenanceNotification", "this.client.batch.send(", 4),
    ("sendPrivateLocationAlert", "const result = await this.client.batch.send(", 3),
]
for method, call, nth in CLIENT_METHODS:
    email(CL, f"public async {method}(", method, provider="resend",
          note=f"wrapper: EmailClient.{method} (Resend)")
    email(CL, call, method, nth=nth, provider="resend", note="provider call inside the wrapper")

# call sites of the send.ts helpers
email("packages/api/src/router/stripe/webhook.ts", "await sendEmail({", "customerSubscriptionDeleted",
      note="call site of emails.sendEmail (SSO disabled email)")
email("apps/server/src/routes/v1/pageSubscribers/post.ts", "await sendEmail({", None,
      note="call site of emails.sendEmail (SubscribeEmail)")
email("apps/web/src/app/api/internal/email/route.ts", "await sendEmail({", "GET",
      note="call site of emails.sendEmail (follow-up/slack feedback)")
email("apps/web/src/app/api/internal/email/feedback/route.ts", "await sendEmail({", "GET",
      note="call site of emails.sendEmail (FeedbackEmail)")
email("apps/web/src/app/api/internal/email/team-invite/route.ts", "await sendEmail({", "GET",
      note="call site of emails.sendEmail (TeamInviteReminderEmail)")
email("apps/dashboard/src/lib/auth/index.ts", "await sendEmail({", None,
      note="call site of emails.sendEmail (WelcomeEmail on user creation)")
# call sites of EmailClient methods
email("packages/api/src/router/email/index.ts", "await emailClient.sendTeamInvitation({", "sendTeamInvitation",
      note="call site of EmailClient.sendTeamInvitation")
email("apps/server/src/routes/v1/statusReports/update/post.ts", "await emailClient.sendStatusReportUpdate({", None,
      note="call site of EmailClient.sendStatusReportUpdate")
email("apps/workflows/src/cron/emails.ts", "await email.sendFollowUpBatched({ to: batch });", "sendFollowUpEmails",
      note="call site of EmailClient.sendFollowUpBatched")
email("apps/workflows/src/cron/emails.ts", "await email.sendSlackFeedbackBatched({ to: batch });", "sendFollowUpEmails",
      note="call site of EmailClient.sendSlackFeedbackBatched")
email("apps/workflows/src/cron/emails.ts", "export async function sendFollowUpEmails()", "sendFollowUpEmails",
      note="wrapper: follow-up email batch job body")
email("apps/workflows/src/cron/index.ts", "await sendFollowUpEmails();", None,
      note="call site of sendFollowUpEmails")
email("apps/workflows/src/cron/private-location-health.ts", "await emailClient.sendPrivateLocationAlert({",
      "runPrivateLocationHealth", note="call site of EmailClient.sendPrivateLocationAlert")
email("apps/status-page/src/lib/auth/providers.ts", "async sendVerificationRequest(params) {", "sendVerificationRequest",
      note="wrapper: NextAuth Resend provider hook sending the status-page magic link")
email("apps/status-page/src/lib/auth/providers.ts", "await emailClient.sendStatusPageMagicLink({", "sendVerificationRequest",
      note="call site of EmailClient.sendStatusPageMagicLink")
# monitor-onboarding workflow (Cloud Tasks steps)
MON = "apps/workflows/src/cron/monitor.ts"
email(MON, "async function sendWorkflowEmail({", "sendWorkflowEmail", provider="resend",
      note="wrapper: sendWorkflowEmail (dedup in redis + sendBatchEmailHtml)")
email(MON, "await sendBatchEmailHtml([email]);", "sendWorkflowEmail", note="call site of emails.sendBatchEmailHtml")
for nth, sym in [(1, "Step14Days"), (2, "Step3Days"), (3, "StepPaused")]:
    email(MON, "await sendWorkflowEmail({", sym, nth=nth, note="call site of sendWorkflowEmail")
# monitor-alert email provider (packages/notifications/email)
NE = "packages/notifications/email/src/index.ts"
for nth, sym in [(1, "sendAlert"), (2, "sendRecovery"), (3, "sendDegraded")]:
    email(NE, f"export const {sym} = async (", sym, note=f"wrapper: email alert channel {sym}")
    email(NE, "await emailClient.sendMonitorAlert({", sym, nth=nth, note="call site of EmailClient.sendMonitorAlert")
# page-subscription email channel (packages/subscriptions)
SE = "packages/subscriptions/src/channels/email.ts"
email(SE, "export async function sendEmailVerification(", "sendEmailVerification",
      note="wrapper: subscription email channel verification")
email(SE, "await client.sendPageSubscription({", "sendEmailVerification", note="call site of EmailClient.sendPageSubscription")
email(SE, "export async function sendEmailNotifications(", "sendEmailNotifications",
      note="wrapper: subscription email channel notifications")
email(SE, "await client.sendStatusReportUpdate({", "sendEmailNotifications",
      note="call site of EmailClient.sendStatusReportUpdate")
email("packages/api/src/router/email/index.ts", "await channel.sendVerification?.(", "sendPageSubscriptionVerification",
      note="call site of subscription email channel sendVerification (via getChannel('email'))")
email("apps/server/src/routes/rpc/handlers/status-page/index.ts", "await channel.sendVerification(", None,
      note="call site of subscription email channel sendVerification (via getChannel('email'))")

# --------------------------------------------------------------- monitor alert providers
# (package dir, channel, provider, [(wrapper def snippet, symbol)], [(provider call snippet, nth, symbol)],
#  [(internal helper call snippet, nth, symbol, helper)])
P = "packages/notifications"
PROVIDERS = [
    ("bird-whatsapp", "chat", "bird",
     [("async function sendMessage(", "sendMessage"), ("export const sendAlert = async", "sendAlert"),
      ("export const sendRecovery = async", "sendRecovery"), ("export const sendDegraded = async", "sendDegraded"),
      ("export const sendTest = async", "sendTest")],
     [("const res = await fetch(", 0, "sendMessage")],
     [("await sendMessage(notificationData.whatsapp, monitor.url, TEMPLATES.alert);", 0, "sendAlert"),
      ("await sendMessage(notificationData.whatsapp, monitor.url, TEMPLATES.recovery);", 0, "sendRecovery"),
      ("await sendMessage(notificationData.whatsapp, monitor.url, TEMPLATES.degraded);", 0, "sendDegraded"),
      ('await sendMessage(phoneNumber, "https://openstat.us", TEMPLATES.test);', 0, "sendTest")]),
    ("discord", "chat", "discord",
     [("const postToWebhook = async", "postToWebhook"), ("export const sendAlert = async", "sendAlert"),
      ("export const sendRecovery = async", "sendRecovery"), ("export const sendDegraded = async", "sendDegraded"),
      ("export const sendTestDiscordMessage = async", "sendTestDiscordMessage")],
     [("const res = await fetch(webhookUrl, {", 0, "postToWebhook")],
     [("await postToWebhook([embed], webhookUrl);", 1, "sendAlert"),
      ("await postToWebhook([embed], webhookUrl);", 2, "sendRecovery"),
      ("await postToWebhook([embed], webhookUrl);", 3, "sendDegraded"),
      ("await postToWebhook([testEmbed], webhookUrl);", 0, "sendTestDiscordMessage")]),
    ("google-chat", "chat", "google-chat",
     [("const postToWebhook = async", "postToWebhook"), ("export const sendAlert = async", "sendAlert"),
      ("export const sendRecovery = async", "sendRecovery"), ("export const sendDegraded = async", "sendDegraded"),
      ("export const sendTest = async", "sendTest")],
     [("const res = await fetch(webhookUrl, {", 0, "postToWebhook")],
     [("await postToWebhook(", 1, "sendAlert"), ("await postToWebhook(", 2, "sendRecovery"),
      ("await postToWebhook(", 3, "sendDegraded"), ("await postToWebhook(", 4, "sendTest")]),
    ("grafana-oncall", "webhook_out", "grafana-oncall",
     [("export const sendAlert = async", "sendAlert"), ("export const sendDegraded = async", "sendDegraded"),
      ("export const sendRecovery = async", "sendRecovery"), ("export const sendTest = async", "sendTest")],
     [("const res = await fetch(config.webhookUrl, {", 1, "sendAlert"),
      ("const res = await fetch(config.webhookUrl, {", 2, "sendDegraded"),
      ("const res = await fetch(config.webhookUrl, {", 3, "sendRecovery"),
      ("const res = await fetch(webhookUrl, {", 0, "sendTest")],
     []),
    ("ms-teams", "chat", "ms-teams",
     [("const postCard = async (", "postCard"), ("export const sendAlert = async", "sendAlert"),
      ("export const sendRecovery = async", "sendRecovery"), ("export const sendDegraded = async", "sendDegraded"),
      ("export const sendTest = async", "sendTest")],
     [("const res = await fetch(webhookUrl, {", 0, "postCard")],
     [("await postCard(buildAlertCard(data)", 0, "sendAlert"), ("await postCard(buildRecoveryCard(data)", 0, "sendRecovery"),
      ("await postCard(buildDegradedCard(data)", 0, "sendDegraded"), ("await postCard(buildTestCard(), webhookUrl);", 0, "sendTest")]),
    ("ntfy", "push", "ntfy",
     [("export const sendAlert = async", "sendAlert"), ("export const sendRecovery = async", "sendRecovery"),
      ("export const sendDegraded = async", "sendDegraded"), ("export const sendTest = async", "sendTest")],
     [("const res = await fetch(url, {", 1, "sendAlert"), ("const res = await fetch(url, {", 2, "sendRecovery"),
      ("const res = await fetch(url, {", 3, "sendDegraded"), ("    await fetch(url, {", 0, "sendTest")],
     []),
    ("opsgenie", "other", "opsgenie",
     [("export const sendAlert = async", "sendAlert"), ("export const sendDegraded = async", "sendDegraded"),
      ("export const sendRecovery = async", "sendRecovery"), ("export const sendTest = async", "sendTest")],
     [("const res = await fetch(url, {", 1, "sendAlert"), ("const res = await fetch(url, {", 2, "sendDegraded"),
      ("    await fetch(url, {", 0, "sendRecovery"), ("const res = await fetch(url, {", 3, "sendTest")],
     []),
    ("pagerduty", "other", "pagerduty",
     [("export const sendAlert = async", "sendAlert"), ("export const sendDegraded = async", "sendDegraded"),
      ("export const sendRecovery = async", "sendRecovery"), ("export const sendTest = async", "sendTest")],
     [('const res = await fetch("https://events.pagerduty.com/v2/enqueue"', 1, "sendAlert"),
      ('const res = await fetch("https://events.pagerduty.com/v2/enqueue"', 2, "sendDegraded"),
      ('const res = await fetch("https://events.pagerduty.com/v2/enqueue"', 3, "sendRecovery"),
      ('const _res = await fetch("https://events.pagerduty.com/v2/enqueue"', 0, "sendTest")],
     []),
    ("slack", "slack", "slack-webhook",
     [("const postToWebhook = async (", "postToWebhook"), ("export const sendAlert = async", "sendAlert"),
      ("export const sendRecovery = async", "sendRecovery"), ("export const sendDegraded = async", "sendDegraded"),
      ("export const sendTestSlackMessage = async", "sendTestSlackMessage")],
     [("const res = await fetch(webhookUrl, {", 0, "postToWebhook")],
     [("await postToWebhook(", 1, "sendAlert"), ("await postToWebhook(", 2, "sendRecovery"),
      ("await postToWebhook(", 3, "sendDegraded"), ("await postToWebhook(", 4, "sendTestSlackMessage")]),
    ("telegram", "chat", "telegram",
     [("export async function sendMessage({", "sendMessage"), ("export const sendAlert = async", "sendAlert"),
      ("export const sendRecovery = async", "sendRecovery"), ("export const sendDegraded = async", "sendDegraded"),
      ("export const sendTest = async", "sendTest")],
     [("const res = await fetch(", 0, "sendMessage")],
     [("await sendMessage({", 1, "sendAlert"), ("await sendMessage({", 2, "sendRecovery"),
      ("await sendMessage({", 3, "sendDegraded"), ("await sendMessage({", 4, "sendTest")]),
    ("twillio-sms", "sms", "twilio",
     [("export const sendAlert = async", "sendAlert"), ("export const sendRecovery = async", "sendRecovery"),
      ("export const sendDegraded = async", "sendDegraded")],
     [("const res = await fetch(", 1, "sendAlert"), ("const res = await fetch(", 2, "sendRecovery"),
      ("const res = await fetch(", 3, "sendDegraded")],
     []),
    ("webhook", "webhook_out", "webhook",
     [("export const sendAlert = async", "sendAlert"), ("export const sendRecovery = async", "sendRecovery"),
      ("export const sendDegraded = async", "sendDegraded"), ("export const sendTest = async", "sendTest")],
     [("const res = await fetch(notificationData.webhook.endpoint, {", 1, "sendAlert"),
      ("const res = await fetch(url, {", 0, "sendRecovery"),
      ("const res = await fetch(notificationData.webhook.endpoint, {", 2, "sendDegraded"),
      ("const response = await fetch(url, {", 0, "sendTest")],
     []),
]
for pkg, channel, provider, defs, calls, inner in PROVIDERS:
    f = f"{P}/{pkg}/src/index.ts"
    for at, sym in defs:
        notify(f, at, sym, channel=channel, provider=provider, note=f"wrapper: {pkg} {sym}")
    for at, nth, sym in calls:
        notify(f, at, sym, channel=channel, nth=nth, provider=provider, note="provider HTTP call inside the wrapper")
    for at, nth, sym in inner:
        notify(f, at, sym, channel=channel, nth=nth, provider=provider, note=f"call site of the {pkg} private sender")

# alert dispatcher in apps/workflows
AL = "apps/workflows/src/checker/alerting.ts"
notify(AL, "export const triggerNotifications = async ({", "triggerNotifications",
       note="dispatcher: monitor alert/recovery/degraded fan-out to every configured provider (providerToFunction)")
for at in ["providerToFunction[notif.notification.provider].sendAlert({",
           "providerToFunction[notif.notification.provider].sendRecovery({",
           "providerToFunction[notif.notification.provider].sendDegraded({"]:
    notify(AL, at, "triggerNotifications", note="call site of the provider senders (dynamic dispatch)")
for nth in (1, 2, 3):
    notify("apps/workflows/src/checker/index.ts", "triggeredNotifications = await triggerNotifications({", None,
           nth=nth, note="call site of triggerNotifications")
    notify("apps/workflows/src/checker/private-location.ts", "triggeredNotifications = await triggerNotifications({",
           "updateStatusPrivate", nth=nth, note="call site of triggerNotifications")

# "send test" call sites
NR = "packages/api/src/router/notification.ts"
for at, ch in [("await sendTelegramTest({", "chat"), ("await sendWhatsAppTest({", "chat"),
               ("await sendGoogleChatTest(", "chat"), ("await sendGrafanaTest(", "webhook_out"),
               ("await sendMsTeamsTest({", "chat"), ("await sendDiscordTest(", "chat"),
               ("await sendSlackTest(", "slack"), ("await sendWebhookTest({", "webhook_out"),
               ("await sendOpsGenieTest(", "other"), ("await sendNtfyTest(", "push"),
               ("await sendPagerDutyTest({", "other")]:
    notify(NR, at, None, channel=ch, note="call site of the provider sendTest")
TPV = "apps/server/src/routes/rpc/handlers/notification/test-providers.ts"
notify(TPV, "export async function sendTestNotification(", "sendTestNotification",
       note="dispatcher: test message to any provider")
for at, ch in [("await sendTelegramTest({", "chat"), ("await sendWhatsAppTest({", "chat"),
               ("await sendGoogleChatTest(", "chat"), ("await sendGrafanaTest({", "webhook_out"),
               ("await sendMsTeamsTest({", "chat"), ("await sendTestDiscordMessage(", "chat"),
               ("await sendTestSlackMessage(", "slack"), ("await sendNtfyTest({", "push"),
               ("await sendPagerDutyTest({", "other"), ("await sendOpsgenieTest({", "other"),
               ("await sendWebhookTest({", "webhook_out")]:
    notify(TPV, at, "sendTestNotification", channel=ch, note="call site of the provider sendTest")
notify("apps/server/src/routes/rpc/handlers/notification/index.ts",
       "return await sendTestNotification(req.provider, req.data);", "sendTestNotification",
       note="call site of sendTestNotification")

# ------------------------------------------------------- status-page subscriber fan-out
DP = "packages/subscriptions/src/dispatcher.ts"
for sym in ("dispatchStatusReportUpdate", "dispatchMaintenanceUpdate", "dispatchPageUpdate"):
    notify(DP, f"export async function {sym}(", sym,
           note=f"dispatcher: {sym} (subscriber email / webhook / Slack channels)")
notify(DP, "await channel.sendNotifications(subs, pageUpdate);", "dispatchPageUpdate",
       note="call site of the channel senders")
notify(DP, "await dispatchPageUpdate({", "dispatchStatusReportUpdate", nth=1, note="call site of dispatchPageUpdate")
notify(DP, "await dispatchPageUpdate({", "dispatchMaintenanceUpdate", nth=2, note="call site of dispatchPageUpdate")
for f, at, sym in [
    ("packages/services/src/status-report/notify.ts", "await dispatchStatusReportUpdate(", "notifyStatusReport"),
    ("packages/services/src/maintenance/notify.ts", "await dispatchMaintenanceUpdate(", "notifyMaintenance"),
    ("apps/server/src/routes/v1/statusReports/post.ts", "await dispatchStatusReportUpdate(", None),
    ("apps/server/src/routes/v1/statusReportUpdates/post.ts", "await dispatchStatusReportUpdate(", None),
    ("apps/server/src/routes/v1/maintenances/post.ts", "await dispatchMaintenanceUpdate(", None),
]:
    notify(f, at, sym, note="call site of subscriptions dispatcher")
notify("packages/services/src/status-report/notify.ts", "export async function notifyStatusReport(",
       "notifyStatusReport", note="wrapper: notifyStatusReport (scope/plan checks + dispatchStatusReportUpdate)")
notify("packages/services/src/maintenance/notify.ts", "export async function notifyMaintenance(",
       "notifyMaintenance", note="wrapper: notifyMaintenance (scope/plan checks + dispatchMaintenanceUpdate)")
AT = "packages/services/src/agent-tools/status-report.ts"
for nth in (1, 2, 3):
    notify(AT, "await notifyStatusReport({", None, nth=nth, note="call site of notifyStatusReport")
notify("packages/services/src/agent-tools/maintenance.ts", "await notifyMaintenance({", None,
       note="call site of notifyMaintenance")
notify("packages/api/src/router/subscriber-notification.ts", "await notifyStatusReport({", None,
       note="call site of notifyStatusReport")
notify("packages/api/src/router/subscriber-notification.ts", "await notifyMaintenance({", None,
       note="call site of notifyMaintenance")
for nth in (1, 2):
    notify("apps/server/src/routes/rpc/handlers/status-report/index.ts", "await notifyStatusReport({", None,
           nth=nth, note="call site of notifyStatusReport")
notify("apps/server/src/routes/rpc/handlers/maintenance/index.ts", "await notifyMaintenance({", None,
       note="call site of notifyMaintenance")

# subscriber webhook channel (Slack/Discord/generic webhook URLs)
WH = "packages/subscriptions/src/channels/webhook.ts"
notify(WH, "export async function sendWebhookVerification(", "sendWebhookVerification", channel="webhook_out",
       note="wrapper: subscriber webhook verification POST")
notify(WH, "const response = await fetch(subscription.webhookUrl, {", "sendWebhookVerification", channel="webhook_out",
       note="provider call inside the wrapper")
notify(WH, "export async function sendWebhookNotifications(", "sendWebhookNotifications", channel="webhook_out",
       note="wrapper: subscriber webhook notifications (Slack/Discord/generic payload)")
notify(WH, "await postWebhookWithRetry({", "sendWebhookNotifications", channel="webhook_out",
       note="call site of postWebhookWithRetry")
notify(WH, "export async function sendTestWebhookRequest(", "sendTestWebhookRequest", channel="webhook_out",
       note="wrapper: test webhook POST")
notify(WH, "const response = await fetch(url, {", "sendTestWebhookRequest", channel="webhook_out",
       note="provider call inside the wrapper")
RT = "packages/subscriptions/src/channels/retry.ts"
notify(RT, "export function postWebhookWithRetry(opts: {", "postWebhookWithRetry", channel="webhook_out",
       note="wrapper: POST with retries")
notify(RT, "fetch(opts.url, {", "postWebhookWithRetry", channel="webhook_out", note="provider call inside the wrapper")
notify("packages/services/src/page-subscriber/send-test-webhook.ts", "await sendTestWebhookRequest({", None,
       channel="webhook_out", note="call site of sendTestWebhookRequest")

# subscriber Slack-app channel
SL = "packages/subscriptions/src/channels/slack.ts"
notify(SL, "export async function sendSlackNotifications(", "sendSlackNotifications", channel="slack",
       provider="slack-web-api", note="wrapper: Slack-app subscriber channel")
notify(SL, "return defaultChannel.sendNotifications(subscriptions, pageUpdate);", "sendSlackNotifications",
       channel="slack", note="call site of createSlackChannel().sendNotifications")
notify(SL, "  async function sendNotifications(", "sendNotifications", channel="slack",
       note="wrapper: per-team Slack delivery")
notify(SL, "  async function deliverMaintenance(", "deliverMaintenance", channel="slack", note="wrapper: maintenance post")
notify(SL, "  async function deliverReport(", "deliverReport", channel="slack", note="wrapper: status report root/reply post")
for nth, sym in [(1, "deliverMaintenance"), (2, "deliverReport"), (3, "deliverReport"), (4, "deliverReport")]:
    notify(SL, "client.postMessage({", sym, channel="slack", nth=nth, provider="slack-web-api",
           note="chat.postMessage through the injected Slack client")
notify(SL, "postMessage: (args) => web.chat.postMessage(args),", None, channel="slack", provider="slack-web-api",
       note="provider call (@slack/web-api chat.postMessage)")
notify(SL, "update: (args) => web.chat.update(args),", None, channel="slack", provider="slack-web-api",
       note="provider call (@slack/web-api chat.update)")

# internal Slack feedback webhooks
notify("packages/api/src/router/feedback.ts", "await fetch(env.SLACK_FEEDBACK_WEBHOOK_URL, {", None, channel="slack",
       provider="slack-webhook", note="feedback form posted to the team's Slack incoming webhook")
notify("apps/web/src/app/api/feedback/docs/route.ts", "const response = await fetch(webhook, {", "POST",
       channel="slack", provider="slack-webhook", note="docs feedback posted to Slack incoming webhook")

# Slack agent (bot replies)
SH = "apps/server/src/routes/slack/handler.ts"
notify(SH, "const thinkingMsg = await slack.chat.postMessage({", "handleSlackEvent", channel="slack",
       provider="slack-web-api")
notify(SH, "const fallbackMsg = await slack.chat.postMessage({", "handleSlackEvent", channel="slack",
       provider="slack-web-api")
for nth in (1, 2, 3, 4, 5):
    notify(SH, "await slack.chat.update({", None, channel="slack", nth=nth, provider="slack-web-api",
           note="bot reply delivered by editing the placeholder message")
SI = "apps/server/src/routes/slack/interactions.ts"
notify(SI, "await slack.chat.postEphemeral({", None, channel="slack", provider="slack-web-api")
for nth in (1, 2, 3, 4):
    notify(SI, "await slack.chat.update({", None, channel="slack", nth=nth, provider="slack-web-api",
           note="interaction result delivered by chat.update")

# ------------------------------------------------------------------ webhook handlers
T.append(tp("webhook_handler", "apps/web/src/app/api/webhook/stripe/route.ts", "export async function POST(req: NextRequest) {",
            "POST", provider="stripe", alt=[{"at": "const event = stripe.webhooks.constructEvent("}]))
T.append(tp("webhook_handler", "apps/dashboard/src/app/api/webhooks/workos/route.ts",
            "export async function POST(req: NextRequest) {", "POST", provider="workos"))
SX = "apps/server/src/routes/slack/index.ts"
T.append(tp("webhook_handler", SX, 'slack.post("/events", verifySlackSignature, handleSlackEvent);', "handleSlackEvent",
            provider="slack",
            alt=[{"file": SH, "at": "export async function handleSlackEvent(c: Context) {"}]))
T.append(tp("webhook_handler", SX, 'slack.post("/interactions", verifySlackSignature, handleSlackInteraction);',
            "handleSlackInteraction", provider="slack",
            alt=[{"file": SI, "at": "export async function handleSlackInteraction(c: Context) {"}]))
T.append(tp("webhook_handler", SX, 'slack.post("/commands", verifySlackSignature, handleSlackCommand);',
            "handleSlackCommand", provider="slack",
            alt=[{"file": "apps/server/src/routes/slack/commands.ts", "at": "export async function handleSlackCommand(c: Context) {"}]))

# ------------------------------------------------------------------ event tracking
AN = "packages/analytics/src/server.ts"
T.append(tp("event_tracking", AN, "export async function setupAnalytics(props: IdentifyProps) {", "setupAnalytics",
            provider="openpanel", note="wrapper: OpenPanel identify + track"))
T.append(tp("event_tracking", AN, "await op.identify({", "setupAnalytics", provider="openpanel",
            note="provider call inside the wrapper"))
T.append(tp("event_tracking", AN, "return op.track(name, rest);", "setupAnalytics", provider="openpanel",
            note="provider call inside the wrapper"))


def track(file, at, symbol=None, nth=0, alt_at=None, alt_nth=0, note="call site of setupAnalytics().track"):
    kw = {"alt": [{"at": alt_at, "nth": alt_nth}]} if alt_at else {}
    T.append(tp("event_tracking", file, at, symbol, nth=nth, provider="openpanel", note=note, **kw))


track("packages/api/src/trpc.ts", "await analytics.track({ ...meta.track, ...additionalProps });", None,
      alt_at="const analytics = await setupAnalytics(identify);",
      note="wrapper: tRPC middleware tracking every procedure with .meta({ track })")
WB = "packages/api/src/router/stripe/webhook.ts"
track(WB, "await analytics.track(event);", "customerSubscriptionUpdated", alt_at="const analytics = await setupAnalytics({", alt_nth=1)
track(WB, "await analytics.track(Events.UpgradeWorkspace);", "sessionCompleted", alt_at="const analytics = await setupAnalytics({", alt_nth=2)
track(WB, "await analytics.track(Events.DowngradeWorkspace);", "customerSubscriptionDeleted", alt_at="const analytics = await setupAnalytics({", alt_nth=3)
TM = "apps/server/src/libs/middlewares/track.ts"
T.append(tp("event_tracking", TM, "export function trackMiddleware(event: EventProps, eventProps?: string[]) {",
            "trackMiddleware", provider="openpanel", note="wrapper: Hono tracking middleware"))
track(TM, ".then((analytics) => analytics.track({ ...event, additionalProps }))", "trackMiddleware", alt_at="setupAnalytics({")
TI = "apps/server/src/routes/rpc/interceptors/tracking.ts"
T.append(tp("event_tracking", TI, "export function trackingInterceptor(): Interceptor {", "trackingInterceptor",
            provider="openpanel", note="wrapper: ConnectRPC tracking interceptor (RPC_EVENT_MAP)"))
track(TI, "analytics.track({ ...mapping.event, additionalProps }),", "trackingInterceptor", alt_at="    setupAnalytics({")
for f in ["cdn-checker", "mcp-health"]:
    track(f"apps/web/src/app/(landing)/play/{f}/api/route.ts", "await analytics.track({", None,
          alt_at="const analytics = await setupAnalytics({});")
track("apps/web/src/app/(landing)/play/checker/api/route.ts",
      "await analytics.track({ ...Events.GlobalSpeedChecker, ...additionalProps });", None,
      alt_at="const analytics = await setupAnalytics({});")
DA = "apps/dashboard/src/lib/auth/index.ts"
track(DA, "await analytics.track(Events.CreateUser);", None, alt_at="const analytics = await setupAnalytics({", alt_nth=1)
track(DA, "await analytics.track(Events.SignInUser);", None, alt_at="const analytics = await setupAnalytics({", alt_nth=2)
for f in ["pageSubscribers/post.ts", "incidents/put.ts", "notifications/post.ts", "maintenances/put.ts",
          "maintenances/post.ts", "pages/put.ts", "pages/post.ts", "monitors/put_tcp.ts", "monitors/delete.ts",
          "monitors/put.ts", "monitors/put_dns.ts", "monitors/post.ts", "monitors/post_tcp.ts",
          "monitors/put_http.ts", "monitors/post_dns.ts", "monitors/post_http.ts"]:
    T.append(tp("event_tracking", f"apps/server/src/routes/v1/{f}", "middleware: [trackMiddleware(Events.", None,
                provider="openpanel", note="call site of trackMiddleware"))
T.append(tp("event_tracking", "apps/web/src/app/layout.tsx", "<OpenPanelComponent", None, provider="openpanel",
            note="client snippet: screen views / outgoing links"))
T.append(tp("event_tracking", "apps/dashboard/src/app/layout.tsx", "<OpenPanelComponent", None, provider="openpanel",
            note="client snippet with session replay"))
T.append(tp("event_tracking", "apps/web/src/app/layout.tsx", '<PlausibleProvider domain="openstatus.dev">', None,
            provider="plausible"))
T.append(tp("event_tracking", "apps/status-page/src/app/(public)/layout.tsx",
            '<PlausibleProvider domain="themes.openstatus.dev">', None, provider="plausible"))

# tRPC procedures declaring .meta({ track: Events.X }) — tracked by the trpc.ts middleware
TRPC_META = [
    ('packages/api/src/router/apiKey.ts', '.meta({ track: Events.CreateAPI })', 0),
    ('packages/api/src/router/apiKey.ts', '.meta({ track: Events.RevokeAPI })', 0),
    ('packages/api/src/router/checker.ts', '.meta({ track: Events.TestMonitor })', 1),
    ('packages/api/src/router/checker.ts', '.meta({ track: Events.TestMonitor })', 2),
    ('packages/api/src/router/checker.ts', '.meta({ track: Events.TestMonitor })', 3),
    ('packages/api/src/router/incident.ts', '.meta({ track: Events.DeleteIncident })', 0),
    ('packages/api/src/router/incident.ts', '.meta({ track: Events.AcknowledgeIncident })', 0),
    ('packages/api/src/router/incident.ts', '.meta({ track: Events.ResolveIncident })', 0),
    ('packages/api/src/router/invitation.ts', '.meta({ track: Events.InviteUser, trackProps: ["email"] })', 0),
    ('packages/api/src/router/invitation.ts', '.meta({ track: Events.DeleteInvite })', 0),
    ('packages/api/src/router/maintenance.ts', '.meta({ track: Events.DeleteMaintenance })', 0),
    ('packages/api/src/router/maintenance.ts', '.meta({ track: Events.CreateMaintenance })', 0),
    ('packages/api/src/router/maintenance.ts', '.meta({ track: Events.UpdateMaintenance })', 0),
    ('packages/api/src/router/member.ts', '.meta({ track: Events.RemoveUser })', 0),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.DeleteMonitor })', 0),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.CloneMonitor })', 0),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.UpdateMonitor })', 1),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.UpdateMonitor })', 2),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.UpdateMonitor })', 3),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.UpdateMonitor })', 4),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.UpdateMonitor })', 5),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.UpdateMonitor })', 6),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.UpdateMonitor })', 7),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.UpdateMonitor })', 8),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.UpdateMonitor })', 9),
    ('packages/api/src/router/monitor.ts', '.meta({ track: Events.CreateMonitor, trackProps: ["url", "jobType"] })', 0),
    ('packages/api/src/router/notification.ts', '.meta({ track: Events.UpdateNotification })', 0),
    ('packages/api/src/router/notification.ts', '.meta({ track: Events.CreateNotification, trackProps: ["provider"] })', 0),
    ('packages/api/src/router/notification.ts', '.meta({ track: Events.DeleteNotification })', 0),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.CreatePage, trackProps: ["slug"] })', 1),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.DeletePage })', 0),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.CreatePage, trackProps: ["slug"] })', 2),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.UpdatePage })', 1),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.UpdatePageDomain, trackProps: ["customDomain"] })', 0),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.UpdatePage })', 2),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.UpdatePage })', 3),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.UpdatePage })', 4),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.UpdatePage })', 5),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.UpdatePage })', 6),
    ('packages/api/src/router/page.ts', '.meta({ track: Events.UpdatePage })', 7),
    ('packages/api/src/router/pageComponent.ts', '.meta({ track: Events.DeletePageComponent, trackProps: ["id"] })', 0),
    ('packages/api/src/router/pageComponent.ts', '.meta({ track: Events.UpdatePageComponentOrder, trackProps: ["pageId"] })', 0),
    ('packages/api/src/router/pageSubscriber.ts', '.meta({ track: Events.SubscribePage })', 0),
    ('packages/api/src/router/statusPage.ts', '.meta({ track: Events.SubscribePage, trackProps: ["slug", "email"] })', 0),
    ('packages/api/src/router/statusPage.ts', '.meta({ track: Events.ValidateEmailDomain, trackProps: ["slug", "email"] })', 0),
    ('packages/api/src/router/statusPage.ts', '.meta({ track: Events.VerifySubscribePage, trackProps: ["slug"] })', 0),
    ('packages/api/src/router/statusReport.ts', '.meta({ track: Events.CreateReport })', 0),
    ('packages/api/src/router/statusReport.ts', '.meta({ track: Events.CreateReportUpdate })', 0),
    ('packages/api/src/router/statusReport.ts', '.meta({ track: Events.UpdateReportUpdate })', 0),
    ('packages/api/src/router/statusReport.ts', '.meta({ track: Events.UpdateReport })', 0),
    ('packages/api/src/router/statusReport.ts', '.meta({ track: Events.DeleteReport })', 0),
    ('packages/api/src/router/statusReport.ts', '.meta({ track: Events.DeleteReportUpdate })', 0),
    ('packages/api/src/router/stripe/index.ts', '.meta({ track: Events.AddFeature, trackProps: ["feature"] })', 0),
    ('packages/api/src/router/subscriber-notification.ts', '.meta({ track: Events.NotifyReport })', 0),
    ('packages/api/src/router/subscriber-notification.ts', '.meta({ track: Events.NotifyMaintenance })', 0),
    ('packages/api/src/router/workspace.ts', '.meta({ track: Events.UpdateWorkspace })', 0),
]
for f, at, nth in TRPC_META:
    A.append(no("event_tracking", f, at,
                "declarative: tRPC .meta({ track }) fires OpenPanel via the trpc.ts middleware; a call site of the "
                "tracking wrapper in spirit, but no call on this line", nth=nth))

# ------------------------------------------------------------------ llm calls
AG = "apps/server/src/routes/slack/agent.ts"
T.append(tp("llm_call", AG, "export async function runAgent(", "runAgent", provider="vercel-ai-sdk",
            note="wrapper: Slack agent generateText loop"))
T.append(tp("llm_call", AG, "const result = await generateText({", "runAgent", provider="vercel-ai-sdk",
            note="provider call inside the wrapper"))
T.append(tp("llm_call", SH, "const result = await runAgent(", "handleSlackEvent", note="call site of runAgent"))
T.append(tp("llm_call", "apps/dashboard/src/app/api/chat/route.ts", "const result = streamText({", "POST",
            provider="vercel-ai-sdk"))

# ------------------------------------------------------------------ scheduled jobs
CR = "apps/workflows/src/cron/index.ts"
for at, sym, alt in [
    ('app.get("/checker/:period", async (c) => {', "sendCheckerTasks",
     ("apps/workflows/src/cron/checker.ts", "export async function sendCheckerTasks(")),
    ('app.get("/external-status", async (c) => {', "handleExternalStatusCron",
     ("apps/workflows/src/cron/external-status.ts", "export async function handleExternalStatusCron(c: Context) {")),
    ('app.get("/external-incidents-prune", async (c) => {', "handleExternalIncidentsPruneCron",
     ("apps/workflows/src/cron/external-incidents-prune.ts", "export async function handleExternalIncidentsPruneCron(")),
    ('app.get("/uptime-freeze", async (c) => {', "handleUptimeFreezeCron",
     ("apps/workflows/src/cron/uptime-freeze.ts", "export async function handleUptimeFreezeCron(c: Context) {")),
    ('app.get("/private-location-health", async (c) => {', "handlePrivateLocationHealthCron",
     ("apps/workflows/src/cron/private-location-health.ts", "export async function handlePrivateLocationHealthCron(")),
    ('app.get("/emails/follow-up", async (c) => {', "sendFollowUpEmails",
     ("apps/workflows/src/cron/emails.ts", "export async function sendFollowUpEmails()")),
    ('app.get("/monitors", async (c) => {', "LaunchMonitorWorkflow",
     ("apps/workflows/src/cron/monitor.ts", "export async function LaunchMonitorWorkflow() {")),
]:
    T.append(tp("scheduled_job", CR, at, sym, note="CRON_SECRET-guarded cron endpoint of the workflows service",
                alt=[{"file": alt[0], "at": alt[1]}]))
T.append(tp("scheduled_job", "apps/workflows/src/incident/index.ts", 'incidentRoute.get("/cleanup", async (c) => {',
            None, note="CRON_SECRET-guarded cron endpoint"))
for per in ["30s", "1m", "5m", "10m", "30m", "1h"]:
    T.append(tp("scheduled_job", f"apps/web/src/app/api/checker/cron/{per}/route.ts",
                "export async function GET(req: NextRequest) {", "GET", note=f"{per} checker cron route (Sentry cron monitor)"))
T.append(tp("scheduled_job", "apps/web/vercel.json", '"path": "/api/internal/email/feedback",', None,
            provider="vercel-cron",
            alt=[{"file": "apps/web/src/app/api/internal/email/feedback/route.ts",
                  "at": "export async function GET(request: NextRequest) {"}]))
T.append(tp("scheduled_job", ".github/workflows/restart-workflows.yml", '- cron: "0 12 * * *"', None,
            provider="github-actions", note="daily rolling restart of the workflows machines"))

A += [
    no("scheduled_job", "apps/web/src/app/api/internal/email/route.ts", "export async function GET(request: NextRequest) {",
       "Bearer CRON_SECRET-guarded follow-up mail route, but no vercel.json entry schedules it any more"),
    no("scheduled_job", "apps/web/src/app/api/internal/email/team-invite/route.ts",
       "export async function GET(request: NextRequest) {",
       "Bearer CRON_SECRET-guarded invite-reminder route, but no vercel.json entry schedules it"),
    no("scheduled_job", CR, 'app.get("/monitors/:step", async (c) => {',
       "per-user delayed step of the monitor-onboarding workflow, fired by a GCP Cloud Task rather than a schedule"),
    no("scheduled_job", MON, "return await client.createTask(request);",
       "enqueues a delayed GCP Cloud Task (the next onboarding step), not a recurring schedule"),
    no("scheduled_job", "apps/checker/cmd/private/main.go", "configTicker := time.NewTicker(configRefreshInterval)",
       "private-location agent polls its config on a ticker: an internal loop, not a job"),
    no("webhook_handler", "apps/workflows/src/checker/index.ts", 'checkerRoute.post("/updateStatus", async (c) => {',
       "receives check results from the project's own Go checker (Cloud Tasks callback), not from a third party"),
    no("webhook_handler", "apps/workflows/src/checker/index.ts", 'checkerRoute.post("/updateStatusPrivate", updateStatusPrivate);',
       "receives results from the project's own private-location agents"),
    no("webhook_handler", WB, "sessionCompleted: webhookProcedure.mutation(async (opts) => {",
       "tRPC procedure handling one Stripe event, called by the Stripe route handler (labelled)"),
    no("webhook_handler", WB, "customerSubscriptionUpdated: webhookProcedure.mutation(async (opts) => {",
       "tRPC procedure handling one Stripe event, called by the Stripe route handler (labelled)"),
    no("webhook_handler", WB, "customerSubscriptionDeleted: webhookProcedure.mutation(async (opts) => {",
       "tRPC procedure handling one Stripe event, called by the Stripe route handler (labelled)"),
    no("notification", "apps/server/src/routes/slack/home.ts", "await slack.views.publish({",
       "publishes the Slack App Home view (static help blocks), not a message"),
    no("llm_call", "packages/ai/src/resolve-model.ts", "export function resolveChatModel({",
       "chooses the gateway model / OpenAI-compatible provider; no generation call"),
    no("llm_call", "apps/dashboard/src/components/chat/use-chat-session.ts", "const chat = useChat({",
       "client-side AI SDK useChat hook; the model call is the /api/chat streamText (labelled)"),
    no("llm_call", "apps/server/src/routes/mcp/evals/run.ts", "const result = await generateText({",
       "MCP eval harness script, not app runtime"),
]

for f, at in [
    ("apps/dashboard/src/components/data-table/status-report-updates/data-table.tsx", "const sendStatusReportUpdateMutation = useMutation("),
    ("apps/dashboard/src/components/forms/status-report-update/sheet-create.tsx", "const sendStatusReportUpdateMutation = useMutation("),
    ("apps/dashboard/src/components/forms/status-report/sheet-create.tsx", "const sendStatusReportUpdateMutation = useMutation("),
    ("apps/dashboard/src/app/(dashboard)/status-pages/[id]/status-reports/page.tsx", "const sendStatusReportUpdateMutation = useMutation("),
    ("apps/dashboard/src/app/(dashboard)/status-pages/[id]/status-reports/[reportId]/page.tsx", "const sendStatusReportUpdateMutation = useMutation("),
]:
    A.append(no("notification", f, at, "client-side tRPC mutation hook that triggers subscriber notifications on the server"))
A.append(no("email_send", "apps/status-page/src/components/nav/header.tsx", "const sendPageSubscriptionMutation = useMutation(",
            "client-side tRPC mutation that asks the server to send the verification email"))
A.append(no("email_send", "apps/dashboard/src/app/(dashboard)/settings/general/page.tsx",
            "trpc.emailRouter.sendTeamInvitation.mutationOptions(),",
            "client-side tRPC mutation that asks the server to send the invitation email"))

N += [
    no("email_send", "apps/dashboard/src/lib/auth/providers.ts", "async sendVerificationRequest(params) {",
       "dashboard Resend provider hook only console.logs the magic link (apiKey undefined on purpose)"),
    no("notification", "packages/services/src/integration/delete.ts", 'await fetch("https://slack.com/api/auth.revoke", {',
       "revokes a Slack token; sends no message"),
    no("notification", NR, "`https://api.telegram.org/bot${process.env.TELEGRAM_BOT_TOKEN}/getUpdates`,",
       "reads Telegram updates to find a chat id; sends nothing"),
    no("notification", "apps/server/src/routes/slack/commands.ts", "await client.conversations.join({ channel: channelId });",
       "bot joins a channel; no message"),
    no("notification", "apps/server/src/routes/slack/oauth.ts", "const tokenRes = await fetch(SLACK_TOKEN_URL, {",
       "Slack OAuth token exchange"),
    no("webhook_handler", SX, 'slack.get("/oauth/callback", handleSlackOAuthCallback);',
       "OAuth redirect callback (user's browser), not an event webhook"),
    no("webhook_handler", "apps/web/src/app/api/callback/pagerduty/route.ts", "export async function GET(request: Request) {",
       "PagerDuty app-install redirect; only redirects the browser"),
    no("event_tracking", AN, "track: (opts: EventProps & TrackProperties): Promise<unknown> => {",
       "noop tracker used outside production (console.log)"),
    no("notification", "apps/workflows/src/cron/checker.ts", "export async function sendCheckerTasks(",
       "enqueues monitor checks on Cloud Tasks; delivers no message (its cron route is labelled)"),
    no("email_send", SE, "export async function validateEmailConfig(config: unknown) {", "zod email validation"),
    no("notification", "packages/subscriptions/src/channels/index.ts", "export function getChannel(channelType: string): SubscriptionChannel | null {",
       "channel lookup table; returns sender functions without sending"),
    no("event_tracking", "apps/checker/pkg/tinybird/client.go",
       "req, err := http.NewRequestWithContext(ctx, http.MethodPost, requestURL.String(), bytes.NewReader(payload.Bytes()))",
       "ingests monitor check results into Tinybird (time-series data), not user behaviour"),
    no("scheduled_job", "packages/subscriptions/src/channels/retry.ts",
       'schedule: Schedule.exponential("200 millis").pipe(Schedule.jittered),',
       "Effect retry backoff schedule, not a job"),
    no("scheduled_job", CR, 'schedule: Schedule.exponential("1000 millis"),', "Effect retry backoff schedule, not a job"),
    no("notification", "apps/workflows/src/checker/utils.ts", "export const providerToFunction: Record<NotificationProvider, Notif> = {",
       "lookup table of provider senders; the dispatch happens in alerting.ts (labelled)"),
]

# ------------------------------------------------------------------ data models (drizzle sqliteTable)
S = "packages/db/src/schema"


def model(file, name, **kw):
    T.append(tp("data_model", f"{S}/{file}", f"export const {name} = sqliteTable(", name, entity=name,
                framework="drizzle", **kw))


def model_amb(file, name, why):
    A.append(no("data_model", f"{S}/{file}", f"export const {name} = sqliteTable(", why))


def model_no(file, name, why):
    N.append(no("data_model", f"{S}/{file}", f"export const {name} = sqliteTable(", why))


for file, name in [
    ("users/user.ts", "user"), ("workspaces/workspace.ts", "workspace"), ("viewers/viewer.ts", "viewer"),
    ("page_subscribers/page_subscribers.ts", "pageSubscriber"), ("invitations/invitation.ts", "invitation"),
    ("feedbacks/feedback.ts", "feedback"), ("chat_sessions/chat_session.ts", "chatSession"),
    ("monitors/monitor.ts", "monitor"), ("pages/page.ts", "page"), ("incidents/incident.ts", "incidentTable"),
    ("status_reports/status_reports.ts", "statusReport"), ("status_reports/status_reports.ts", "statusReportUpdate"),
    ("maintenances/maintenance.ts", "maintenance"), ("notifications/notification.ts", "notification"),
]:
    model(file, name)

for file, name, why in [
    ("users/user.ts", "account", "NextAuth OAuth account link (provider ids/tokens)"),
    ("users/user.ts", "usersToWorkspaces", "membership join table carrying a role"),
    ("viewers/viewer.ts", "viewerAccounts", "NextAuth OAuth account link for status-page viewers"),
    ("workspaces/sso_domain.ts", "workspaceSsoDomain", "workspace SSO domain config"),
    ("notifications/notification.ts", "notificationTrigger", "alert trigger bookkeeping per monitor/notification"),
    ("monitor_tags/monitor_tag.ts", "monitorTag", "workspace-owned tag"),
    ("monitor_groups/monitor_group.ts", "monitorGroup", "workspace-owned grouping"),
    ("page_components/page_components.ts", "pageComponent", "status-page component config"),
    ("page_component_groups/page_component_groups.ts", "pageComponentGroup", "status-page component grouping"),
    ("api-keys/api_key.ts", "apiKey", "workspace API key (credential)"),
    ("integration.ts", "integration", "workspace third-party integration record"),
    ("private_locations/private_locations.ts", "privateLocation", "workspace-owned checker location"),
    ("check/check.ts", "check", "ad-hoc check request record per workspace"),
    ("applications/application.ts", "application", "workspace application/DSN record"),
    ("audit_logs/audit_log.ts", "auditLog", "audit log of user/system actions (a log, but about actors)"),
    ("monitor_run/monitor_run.ts", "monitorRun", "monitor run bookkeeping"),
    ("external_services/external_service.ts", "externalService", "catalogue of third-party status pages, not about users"),
]:
    model_amb(file, name, why)

for file, name, why in [
    ("users/user.ts", "session", "auth session table"),
    ("users/user.ts", "verificationToken", "auth verification tokens"),
    ("viewers/viewer.ts", "viewerSession", "auth session table"),
    ("notifications/notification.ts", "notificationsToMonitors", "join table"),
    ("monitor_tags/monitor_tag.ts", "monitorTagsToMonitors", "join table"),
    ("page_components/page_components.ts", "maintenancesToPageComponents", "join table"),
    ("page_components/page_components.ts", "statusReportsToPageComponents", "join table"),
    ("page_components/page_components.ts", "statusReportUpdateToPageComponents", "join table"),
    ("page_subscribers/page_subscriber_to_page_component.ts", "pageSubscriberToPageComponent", "join table"),
    ("private_locations/private_locations.ts", "privateLocationToMonitors", "join table"),
    ("private_locations/private_location_monitor_status.ts", "privateLocationMonitorStatus", "technical per-region status cache"),
    ("monitor_status/monitor_status.ts", "monitorStatusTable", "technical per-region status cache"),
    ("frozen_uptime/frozen_monitor_uptime.ts", "frozenMonitorUptime", "uptime snapshot cache"),
    ("external_services/external_service_component.ts", "externalServiceComponent", "third-party status catalogue"),
    ("external_services/external_service_report.ts", "externalServiceReport", "third-party status catalogue"),
    ("external_services/external_service_incident.ts", "externalServiceIncident", "third-party status catalogue"),
]:
    model_no(file, name, why)

SPEC = {
    "notes": [
        "openstatus monorepo at commit 22df52eb (github openstatusHQ/openstatus, git archive snapshot); paths relative "
        "to the repo root. Labelled by hand from grep before any scanner output was seen. Excluded: tests (*.test.ts, "
        "*_test.go, test/), e2e, docs/content, packages/db/drizzle (migrations), packages/proto/gen (generated), "
        "packages/emails/emails (React email templates: content, no sends), mocks, seeds.",
        "email_send: Resend everywhere. packages/emails/src/send.ts has four helpers (sendEmail, sendBatchEmailHtml, "
        "sendEmailHtml via raw fetch to api.resend.com, sendWithRender) and packages/emails/src/client.tsx the EmailClient "
        "class with eleven send* methods; each method def is a wrapper and its Resend call inside is labelled too. "
        "Further wrappers: notifications/email sendAlert/Recovery/Degraded, subscriptions email channel, "
        "workflows sendWorkflowEmail / sendFollowUpEmails, the status-page NextAuth sendVerificationRequest hook.",
        "notification: thirteen monitor-alert provider packages under packages/notifications (raw fetch to Slack/Discord/"
        "Google Chat/Teams incoming webhooks, Telegram bot API, Bird WhatsApp, Twilio SMS, ntfy push, PagerDuty/Opsgenie "
        "(channel other), Grafana OnCall and generic webhooks (webhook_out)); apps/workflows triggerNotifications is the "
        "dispatcher via the providerToFunction table; sendTest call sites are in packages/api notification router and "
        "apps/server test-providers. Status-page subscribers are notified by packages/subscriptions (dispatcher -> email / "
        "webhook / Slack-app channels, channel other for the multi-channel dispatchers). The Slack agent replies with "
        "chat.postMessage / chat.update (slack).",
        "event_tracking: OpenPanel via packages/analytics setupAnalytics (identify + track) with call sites; tRPC "
        ".meta({ track }) declarations are ambiguous (the tracking happens in the trpc.ts middleware); Hono "
        "trackMiddleware(Events.X) route middleware entries are call sites. OpenPanelComponent and PlausibleProvider "
        "client snippets in the Next.js layouts.",
        "scheduled_job: the workflows service's CRON_SECRET-guarded /cron/* Hono routes and /incident/cleanup (scheduled "
        "externally), the apps/web /api/checker/cron/* routes, apps/web/vercel.json, and a GitHub Actions schedule.",
        "data_model: Drizzle sqliteTable definitions in packages/db/src/schema; people/org/records tp, config-ish tables "
        "ambiguous, join/auth/cache tables not. Zod/proto/importer API types are not labelled.",
        "No personize_call. Time-boxed; the Go checker/private-location code was only skimmed (no delivery found).",
    ],
    "touchpoints": T,
    "not_touchpoints": N,
    "ambiguous": A,
}
