"""Batch-8 labels for midday (midday-ai/midday @ 47d252aa, apps/website excluded).

Written by reading the code with grep before the scanner was ever run on this repo.
Bun/turbo monorepo: apps/api (Hono REST + tRPC), apps/dashboard (Next.js), apps/worker
(BullMQ), apps/desktop, packages/* (notifications, bot, jobs = Trigger.dev, db = drizzle...).
"""

from bench.labels.resolve import no, tp

PACKAGE = "midday"
OUTPUT = "bench/labels/batch8/midday.json"
ROOT = "/tmp/fc8/midday"
SOURCE = {
    "source": "github",
    "repo": "midday-ai/midday",
    "commit": "47d252aab7e3ab28a0027376cfdd6ee83d2e5ccf",
    "excluded": "apps/website",
}

NI = "packages/notifications/src/index.ts"
ES = "packages/notifications/src/services/email-service.ts"
AN = "packages/bot/src/activity-notifications.ts"
WA = "packages/bot/src/whatsapp-notifications.ts"
TG = "packages/bot/src/telegram-notifications.ts"
SB = "packages/bot/src/sendblue-notifications.ts"
SLN = "packages/app-store/src/slack/server/notifications"
WN = "apps/worker/src/processors/notifications/notification.ts"
IMN = "apps/worker/src/utils/inbox-matching-notifications.ts"
SCH = "packages/db/src/schema.ts"
WS = "apps/worker/src/schedulers"
WH = "apps/api/src/rest/routers/webhooks"


def email(file, at, symbol=None, nth=0, note="Resend", **kw):
    return tp("email_send", file, at, symbol, channel="email", provider="resend", nth=nth, note=note, **kw)


def notify(file, at, symbol=None, channel="other", nth=0, **kw):
    return tp("notification", file, at, symbol, channel=channel, nth=nth, **kw)


def llm(file, at, symbol=None, provider=None, nth=0, **kw):
    return tp("llm_call", file, at, symbol, provider=provider, nth=nth, **kw)


def hook(file, at, symbol, provider, nth=0, **kw):
    return tp("webhook_handler", file, at, symbol, provider=provider, nth=nth, **kw)


def job(file, at, symbol, nth=0, **kw):
    return tp("scheduled_job", file, at, symbol, nth=nth, **kw)


def model(name, **kw):
    return tp("data_model", SCH, f"export const {name} = pgTable(", name, entity=name, framework="drizzle", **kw)


def model_no(name, why):
    return no("data_model", SCH, f"export const {name} = pgTable(", why)


TRACK_CALLS = [
    ('apps/dashboard/src/components/tracker-schedule.tsx', 'track(LogEvents.TrackerEntryCreated.name);', 0),
    ('apps/dashboard/src/components/transaction-attachments.tsx', 'track(LogEvents.TransactionAttachmentAdded.name, {', 0),
    ('apps/dashboard/src/components/tracker-create-invoice.tsx', 'track(LogEvents.TrackerInvoiceCreated.name);', 0),
    ('apps/dashboard/src/components/invoice/form.tsx', 'track(LogEvents.InvoiceCreated.name);', 0),
    ('apps/dashboard/src/components/invoice/form.tsx', 'track(LogEvents.RecurringInvoiceCreated.name);', 0),
    ('apps/dashboard/src/components/delete-account.tsx', 'track(LogEvents.AccountDeleted.name);', 0),
    ('apps/dashboard/src/components/tables/transactions/bulk-edit-bar.tsx', 'track(LogEvents.TransactionDeleted.name, { count: selectedCount });', 0),
    ('apps/dashboard/src/components/tables/invoices/actions-menu.tsx', 'track(LogEvents.InvoiceDeleted.name);', 0),
    ('apps/dashboard/src/components/tables/invoices/actions-menu.tsx', 'track(LogEvents.InvoiceDuplicated.name);', 0),
    ('apps/dashboard/src/components/tables/customers/data-table.tsx', 'track(LogEvents.CustomerDeleted.name);', 0),
    ('apps/dashboard/src/components/tables/customers/data-table.tsx', 'track(LogEvents.CustomerEnriched.name);', 0),
    ('apps/dashboard/src/components/tables/tracker/index.tsx', 'track(LogEvents.TrackerProjectDeleted.name);', 0),
    ('apps/dashboard/src/components/tables/members/columns.tsx', 'track(LogEvents.MemberRemoved.name);', 0),
    ('apps/dashboard/src/components/modals/export-transactions-modal.tsx', 'track(LogEvents.ExportTransactions.name, { count: transactionIds.length });', 0),
    ('apps/dashboard/src/components/modals/connectors-modal.tsx', 'track(LogEvents.ConnectorConnected.name, { connector: slug });', 0),
    ('apps/dashboard/src/components/modals/connectors-modal.tsx', 'track(LogEvents.ConnectorDisconnected.name, { connectedAccountId });', 0),
    ('apps/dashboard/src/components/modals/connectors-modal.tsx', 'track(LogEvents.ConnectorModalOpened.name);', 0),
    ('apps/dashboard/src/components/modals/delete-api-key-modal.tsx', 'track(LogEvents.ApiKeyDeleted.name);', 0),
    ('apps/dashboard/src/components/cancellation-dialog.tsx', 'track({', 1),
    ('apps/dashboard/src/components/cancellation-dialog.tsx', 'track({', 2),
    ('apps/dashboard/src/components/theme-switch.tsx', 'track(LogEvents.ThemeChanged.name, { theme: value });', 0),
    ('apps/dashboard/src/components/vault/vault-item-actions.tsx', 'track(LogEvents.VaultFileShared.name);', 0),
    ('apps/dashboard/src/components/vault/vault-item-actions.tsx', 'track(LogEvents.VaultFileDownloaded.name);', 0),
    ('apps/dashboard/src/components/vault/delete-vault-file-dialog.tsx', 'track(LogEvents.VaultFileDeleted.name);', 0),
    ('apps/dashboard/src/components/vault/vault-upload-zone.tsx', 'track(LogEvents.VaultFileUploaded.name, { count: files.length });', 0),
    ('apps/dashboard/src/components/bank-search-content.tsx', 'track({', 1),
    ('apps/dashboard/src/components/bank-search-content.tsx', 'track({', 2),
    ('apps/dashboard/src/components/chat/chat-view.tsx', 'track(LogEvents.AssistantSuggestionUsed.name, {', 0),
    ('apps/dashboard/src/components/chat/chat-context.tsx', 'track(LogEvents.AssistantMessageSent.name);', 0),
    ('apps/dashboard/src/components/chat/chat-input.tsx', 'track(LogEvents.AssistantFileAttached.name, { count: valid.length });', 0),
    ('apps/dashboard/src/components/team-dropdown.tsx', 'track(LogEvents.ChangeTeam.name);', 0),
    ('apps/dashboard/src/components/transaction-details.tsx', 'track(LogEvents.TransactionUpdated.name);', 0),
    ('apps/dashboard/src/components/transaction-details.tsx', 'track(LogEvents.TransactionCategoryChanged.name, {', 0),
    ('apps/dashboard/src/components/app-connection-toast.tsx', 'track({', 0),
    ('apps/dashboard/src/components/select-bank-accounts-content.tsx', 'track({', 0),
    ('apps/dashboard/src/components/invoice-actions.tsx', 'track(LogEvents.InvoiceReminderSent.name);', 0),
    ('apps/dashboard/src/components/invoice-actions.tsx', 'track(LogEvents.InvoiceDeleted.name);', 0),
    ('apps/dashboard/src/components/teller-connect.tsx', 'track({', 1),
    ('apps/dashboard/src/components/teller-connect.tsx', 'track({', 2),
    ('apps/dashboard/src/components/onboarding/steps/start-trial-step.tsx', 'track({', 1),
    ('apps/dashboard/src/components/onboarding/steps/start-trial-step.tsx', 'track({', 2),
    ('apps/dashboard/src/components/onboarding/steps/start-trial-step.tsx', 'track({', 3),
    ('apps/dashboard/src/components/onboarding/steps/create-team-step.tsx', 'track({', 0),
    ('apps/dashboard/src/components/inbox/match-transaction.tsx', 'track(LogEvents.InboxMatched.name);', 0),
    ('apps/dashboard/src/components/inbox/transaction-unmatch-item.tsx', 'track(LogEvents.InboxUnmatched.name);', 0),
    ('apps/dashboard/src/components/inbox/delete-inbox-dialog.tsx', 'track(LogEvents.InboxItemDeleted.name);', 0),
    ('apps/dashboard/src/components/inbox/inbox-bulk-actions.tsx', 'track(LogEvents.InboxBulkDeleted.name, {', 0),
    ('apps/dashboard/src/components/plans.tsx', 'track({', 1),
    ('apps/dashboard/src/components/plans.tsx', 'track({', 2),
    ('apps/dashboard/src/components/tracker-timer.tsx', 'track(LogEvents.TrackerStopped.name, { projectId });', 0),
    ('apps/dashboard/src/components/tracker-timer.tsx', 'track(LogEvents.TrackerStarted.name, { projectId });', 0),
    ('apps/dashboard/src/components/forms/transaction-create-form.tsx', 'track(LogEvents.TransactionCreated.name);', 0),
    ('apps/dashboard/src/components/forms/customer-form.tsx', 'track(LogEvents.CustomerCreated.name);', 0),
    ('apps/dashboard/src/components/forms/invite-form.tsx', 'track(LogEvents.MemberInvited.name, { count: data.sent });', 0),
    ('apps/dashboard/src/components/forms/tracker-project-form.tsx', 'track(LogEvents.TrackerProjectCreated.name);', 0),
    ('apps/dashboard/src/components/forms/api-key-form.tsx', 'track(LogEvents.ApiKeyCreated.name);', 0),
    ('apps/dashboard/src/components/widgets/ask-midday.tsx', 'track(LogEvents.AssistantSuggestionUsed.name, { suggestion });', 0),
    ('apps/dashboard/src/components/widgets/index.tsx', 'track(LogEvents.AssistantOpened.name);', 0),
    ('apps/dashboard/src/hooks/use-inbox-upload.ts', 'track(LogEvents.InboxUpload.name, { count: files.length });', 0),
    ('apps/dashboard/src/hooks/use-onboarding-tracking.ts', 'track({', 1),
    ('apps/dashboard/src/hooks/use-onboarding-tracking.ts', 'track({', 2),
    ('apps/dashboard/src/hooks/use-onboarding-tracking.ts', 'track({', 3),
    ('apps/dashboard/src/hooks/use-onboarding-tracking.ts', 'track({ event: event.name, channel: event.channel, ...props });', 0),
    ('apps/dashboard/src/actions/safe-action.ts', 'analytics.track(metadata.track);', 0),
    ('apps/dashboard/src/app/api/webhook/registered/route.ts', 'analytics.track({', 0),
    ('apps/dashboard/src/app/api/auth/callback/route.ts', 'analytics.track({', 1),
    ('apps/dashboard/src/app/api/auth/callback/route.ts', 'analytics.track({', 2),
]

TOUCHPOINTS = [
    # ---------------- email_send (Resend) ----------------
    email(ES, "async sendBulk(emails: EmailInput[], notificationType: string)", "EmailService.sendBulk",
          note="wrapper: EmailService.sendBulk (Resend emails.send / batch.send, filtered by user notification settings)"),
    email(ES, "const response = await this.client.emails.send(payload);", "EmailService.sendBulk"),
    email(ES, "const response = await this.client.batch.send(emailPayloads);", "EmailService.sendBulk"),
    email(NI, "emails = await this.#emailService.sendBulk(", "Notifications.#createInternal", nth=1, note="call site of EmailService.sendBulk"),
    email(NI, "emails = await this.#emailService.sendBulk(", "Notifications.#createInternal", nth=2, note="call site of EmailService.sendBulk"),
    email(NI, "emails = await this.#emailService.sendBulk(", "Notifications.#createInternal", nth=3, note="call site of EmailService.sendBulk"),
    email("packages/jobs/src/tasks/team/invite.ts", "await resend.batch.send(htmlEmails);", "inviteTeamMembers"),
    email("packages/jobs/src/tasks/team/onboarding.ts", "await resend.emails.send({", "onboardTeam", nth=1),
    email("packages/jobs/src/tasks/team/onboarding.ts", "await resend.emails.send({", "onboardTeam", nth=2),
    email("packages/jobs/src/tasks/team/onboarding.ts", "await resend.emails.send({", "onboardTeam", nth=3),
    email("apps/worker/src/processors/teams/cancellation-emails.ts", "await resend.emails.send({", "CancellationEmailsProcessor"),
    email("apps/worker/src/processors/teams/payment-issue.ts", "await resend.emails.send({", "PaymentIssueProcessor"),
    email("apps/worker/src/processors/teams/cancellation-email-followup.ts", "await resend.emails.send({", "CancellationEmailFollowupProcessor"),
    email("apps/api/src/rest/routers/oauth.ts", "await resend.emails.send({", "oauth authorize (new app authorized email)"),
    email(f"{WH}/inbox/index.ts", "await resend.emails.send({", "inbox webhook (reply email)"),
    email("apps/api/src/trpc/routers/oauth-applications.ts", "await resend.emails.send({", "oauthApplications", nth=1),
    email("apps/api/src/trpc/routers/oauth-applications.ts", "await resend.emails.send({", "oauthApplications", nth=2),
    email("apps/api/src/trpc/routers/api-keys.ts", "resend.emails.send({", "apiKeys.upsert (API key created email)"),

    # ---------------- notification: in-app activities + email dispatcher ----------------
    notify(NI, "async create<T extends keyof NotificationTypes>(", "Notifications.create", channel="in_app",
           note="wrapper: dispatcher Notifications.create -> in-app activity rows + Resend emails per user preference"),
    notify(NI, "return createActivity(this.#db, validatedActivity);", "Notifications.#createActivities", channel="in_app",
           note="in-app notification (activity feed row)"),
    notify("packages/jobs/src/tasks/invoice/notifications/send-notifications.ts", "await notifications.create(", "sendInvoiceNotifications", channel="in_app", nth=1, note="call site of Notifications.create"),
    notify("packages/jobs/src/tasks/invoice/notifications/send-notifications.ts", "await notifications.create(", "sendInvoiceNotifications", channel="in_app", nth=2, note="call site of Notifications.create"),
    notify("packages/jobs/src/tasks/bank/notifications/transactions.ts", "await notifications.create(", "transactionNotifications", channel="in_app", note="call site of Notifications.create"),
    notify("packages/jobs/src/tasks/notifications/notifications.ts", "return notifications.create(type, teamId, data, {", "notification task", channel="in_app", note="call site of Notifications.create"),
    notify("apps/worker/src/processors/invoices/send-invoice-email.ts", "await notifications.create(", "SendInvoiceEmailProcessor", channel="in_app", note="call site of Notifications.create (invoice email to customer + activity)"),
    notify("apps/worker/src/processors/invoices/upcoming-notification.ts", "await notifications.create(", "InvoiceUpcomingNotificationProcessor", channel="in_app", note="call site of Notifications.create"),
    notify("apps/worker/src/processors/invoices/send-invoice-reminder.ts", "await notifications.create(", "SendInvoiceReminderProcessor", channel="in_app", note="call site of Notifications.create (reminder email)"),
    *[notify(WN, "await notifications.create(", "NotificationProcessor", channel="in_app", nth=i, note="call site of Notifications.create") for i in range(1, 13)],
    notify(IMN, 'await notifications.create("inbox_auto_matched", teamId, {', "triggerMatchingNotification", channel="in_app", note="call site of Notifications.create"),
    notify(IMN, 'await notifications.create("inbox_needs_review", teamId, {', "triggerMatchingNotification", channel="in_app", note="call site of Notifications.create"),
    notify("apps/api/src/trpc/routers/invoice-recurring.ts", '.create("recurring_series_started", teamId, {', "invoiceRecurring.create", channel="in_app", note="call site of Notifications.create"),

    # ---------------- notification: chat providers (packages/bot) ----------------
    notify(AN, "export async function sendToProviders<T extends ProviderNotificationType>(", "sendToProviders", channel="chat",
           note="wrapper: dispatcher to Slack/Telegram/WhatsApp/Sendblue (immediate or batched)"),
    notify(AN, "export async function flushDueActivityNotificationBatches(db: Database) {", "flushDueActivityNotificationBatches", channel="chat",
           note="wrapper: dispatcher flushing batched provider notifications"),
    notify(AN, "async function sendSummaryToIdentity(", "sendSummaryToIdentity", channel="chat", note="wrapper: per-identity chat delivery"),
    notify(AN, "await sendSlackMatchNotification({", "sendImmediateMatchNotifications", channel="slack", note="call site of sendSlackMatchNotification"),
    notify(AN, "await sendWhatsAppMatchNotification({", "sendImmediateMatchNotifications", channel="chat", provider="whatsapp", note="call site of sendWhatsAppMatchNotification"),
    notify(AN, "await sendWhatsAppTemplateNotification({", "sendImmediateMatchNotifications", channel="chat", provider="whatsapp", nth=1, note="call site of sendWhatsAppTemplateNotification"),
    notify(AN, "sendFn: (text) => sendTelegramTextNotification({ chatId, text }),", "sendImmediateMatchNotifications", channel="chat", provider="telegram", note="call site of sendTelegramTextNotification"),
    notify(AN, "await sendTelegramTextNotification({", "sendImmediateMatchNotifications", channel="chat", provider="telegram", nth=1, note="call site of sendTelegramTextNotification"),
    notify(AN, "sendFn: (text) => sendSendblueTextNotification({ phoneNumber, text }),", "sendImmediateMatchNotifications", channel="sms", provider="sendblue", note="call site of sendSendblueTextNotification"),
    notify(AN, "await client.chat.postMessage({", "sendSummaryToIdentity", channel="slack", provider="slack"),
    notify(AN, "await sendTelegramTextNotification({", "sendSummaryToIdentity", channel="chat", provider="telegram", nth=2, note="call site of sendTelegramTextNotification"),
    notify(AN, "await sendWhatsAppTextNotification({", "sendSummaryToIdentity", channel="chat", provider="whatsapp", note="call site of sendWhatsAppTextNotification"),
    notify(AN, "await sendWhatsAppTemplateNotification({", "sendSummaryToIdentity", channel="chat", provider="whatsapp", nth=2, note="call site of sendWhatsAppTemplateNotification"),
    notify(AN, "await sendSendblueTextNotification({", "sendSummaryToIdentity", channel="sms", provider="sendblue", note="call site of sendSendblueTextNotification"),
    notify(TG, "export async function sendTelegramTextNotification(params: {", "sendTelegramTextNotification", channel="chat", provider="telegram",
           note="wrapper: Telegram Bot API sendMessage via fetch"),
    notify(TG, "`${TELEGRAM_API_URL}/bot${botToken}/sendMessage`,", "sendTelegramTextNotification", channel="chat", provider="telegram",
           alt=[{"at": "const response = await fetch("}]),
    notify(WA, "async function sendInteractiveButtons(params: {", "sendInteractiveButtons", channel="chat", provider="whatsapp", note="wrapper: WhatsApp Cloud API via fetch"),
    notify(WA, "const response = await fetch(", "sendInteractiveButtons", channel="chat", provider="whatsapp", nth=1),
    notify(WA, "export async function sendWhatsAppTextNotification(params: {", "sendWhatsAppTextNotification", channel="chat", provider="whatsapp", note="wrapper: WhatsApp Cloud API via fetch"),
    notify(WA, "const response = await fetch(", "sendWhatsAppTextNotification", channel="chat", provider="whatsapp", nth=2),
    notify(WA, "export async function sendWhatsAppMatchNotification(", "sendWhatsAppMatchNotification", channel="chat", provider="whatsapp", note="wrapper: around sendInteractiveButtons"),
    notify(WA, "export async function sendWhatsAppTemplateNotification(params: {", "sendWhatsAppTemplateNotification", channel="chat", provider="whatsapp", note="wrapper: WhatsApp Cloud API template via fetch"),
    notify(WA, "const response = await fetch(", "sendWhatsAppTemplateNotification", channel="chat", provider="whatsapp", nth=3),
    notify(SB, "export async function sendSendblueTextNotification(params: {", "sendSendblueTextNotification", channel="sms", provider="sendblue", note="wrapper: Sendblue (iMessage/SMS) SDK"),
    notify(SB, "await client.messages.send({", "sendSendblueTextNotification", channel="sms", provider="sendblue"),
    # call sites of sendToProviders / flush
    notify("apps/worker/src/processors/invoices/upcoming-notification.ts", 'await sendToProviders(db, teamId, "recurring_invoice_upcoming", {', "InvoiceUpcomingNotificationProcessor", channel="chat", note="call site of sendToProviders"),
    notify(WN, 'await sendToProviders(db, payload.teamId, "invoice_paid", {', "NotificationProcessor", channel="chat", note="call site of sendToProviders"),
    notify(WN, 'await sendToProviders(db, payload.teamId, "invoice_overdue", {', "NotificationProcessor", channel="chat", note="call site of sendToProviders"),
    notify(IMN, "await sendToProviders(", "triggerMatchingNotification", channel="chat", nth=1, note="call site of sendToProviders"),
    notify(IMN, "await sendToProviders(", "triggerMatchingNotification", channel="chat", nth=2, note="call site of sendToProviders"),
    notify("apps/worker/src/processors/notifications/activity-notification-flush.ts", "await flushDueActivityNotificationBatches(getDb());", "ActivityNotificationFlushProcessor", channel="chat", note="call site of flushDueActivityNotificationBatches"),

    # ---------------- notification: Slack app-store ----------------
    notify(f"{SLN}/transactions.ts", "export async function sendSlackTransactionNotifications({", "sendSlackTransactionNotifications", channel="slack", provider="slack", note="wrapper: Slack chat.postMessage"),
    notify(f"{SLN}/transactions.ts", "await client.chat.postMessage({", "sendSlackTransactionNotifications", channel="slack", provider="slack"),
    notify(f"{SLN}/match.ts", "export async function sendSlackMatchNotification({", "sendSlackMatchNotification", channel="slack", provider="slack", note="wrapper: Slack chat.postMessage"),
    notify(f"{SLN}/match.ts", "await client.chat.postMessage({", "sendSlackMatchNotification", channel="slack", provider="slack", nth=1),
    notify(f"{SLN}/match.ts", "await client.chat.postMessage({", "sendSlackMatchNotification", channel="slack", provider="slack", nth=2),
    notify(f"{SLN}/invoices.ts", "export async function sendSlackInvoicePaidNotification(", "sendSlackInvoicePaidNotification", channel="slack", provider="slack", note="wrapper: Slack chat.postMessage"),
    notify(f"{SLN}/invoices.ts", "await client.chat.postMessage({", "sendSlackInvoicePaidNotification", channel="slack", provider="slack", nth=1),
    notify(f"{SLN}/invoices.ts", "export async function sendSlackInvoiceOverdueNotification(", "sendSlackInvoiceOverdueNotification", channel="slack", provider="slack", note="wrapper: Slack chat.postMessage"),
    notify(f"{SLN}/invoices.ts", "await client.chat.postMessage({", "sendSlackInvoiceOverdueNotification", channel="slack", provider="slack", nth=2),
    notify("packages/jobs/src/utils/transaction-notifications.tsx", "await sendSlackTransactionNotifications({", "handleTransactionSlackNotifications", channel="slack", note="call site of sendSlackTransactionNotifications"),
    notify("apps/api/src/rest/routers/apps/slack/messages.ts", "export async function sendWelcomeMessage({", "sendWelcomeMessage", channel="slack", provider="slack", note="wrapper: Slack welcome message"),
    notify("apps/api/src/rest/routers/apps/slack/oauth-callback.ts", "sendWelcomeMessage({", "slack oauth callback", channel="slack", note="call site of sendWelcomeMessage"),
    notify("apps/api/src/rest/routers/apps/slack/messages.ts", "await slackApp.client.chat.postMessage({", "sendWelcomeMessage", channel="slack", provider="slack", note="welcome message on install"),
    notify("apps/worker/src/processors/inbox/slack-upload.ts", "await slackClient.chat.postMessage({", "SlackUploadProcessor", channel="slack", provider="slack", nth=1, note="thread reply after processing an uploaded receipt"),
    notify("apps/worker/src/processors/inbox/slack-upload.ts", "await slackClient.chat.postMessage({", "SlackUploadProcessor", channel="slack", provider="slack", nth=2, note="thread reply after processing an uploaded receipt"),

    # ---------------- webhook_handler ----------------
    hook(f"{WH}/stripe/index.ts", "app.openapi(", "stripeWebhookRouter", "stripe"),
    hook(f"{WH}/polar/index.ts", "app.openapi(", "polarWebhookRouter", "polar"),
    hook(f"{WH}/plaid/index.ts", "app.openapi(", "plaidWebhookRouter", "plaid"),
    hook(f"{WH}/teller/index.ts", "app.openapi(", "tellerWebhookRouter", "teller"),
    hook(f"{WH}/inbox/index.ts", "app.openapi(", "inboxWebhookRouter", "postmark", note="inbound email"),
    hook(f"{WH}/telegram/index.ts", 'app.post("/", async (c) => {', "telegramWebhookRouter", "telegram"),
    hook(f"{WH}/sendblue/index.ts", 'app.post("/", async (c) => {', "sendblueWebhookRouter", "sendblue"),
    hook(f"{WH}/whatsapp/index.ts", 'app.post("/", async (c) => {', "whatsappWebhookRouter", "whatsapp",
         alt=[{"at": 'app.get("/", async (c) => {'}]),
    hook("apps/api/src/rest/routers/apps/slack/webhook.ts", 'app.post("/", async (c) => {', "slack webhookRouter", "slack"),
    hook("apps/api/src/rest/routers/apps/slack/interactions.ts", "app.openapi(", "slack interactionsRouter", "slack"),
    hook("apps/dashboard/src/app/api/webhook/registered/route.ts", "export async function POST(req: Request) {", "registered webhook POST", "supabase",
         note="Supabase database webhook on new user"),

    # ---------------- scheduled_job ----------------
    job(f"{WS}/inbox.config.ts", 'name: "no-match-scheduler",', "no-match-scheduler", alt=[{"at": 'cron: "0 2 * * *"'}]),
    job(f"{WS}/inbox.config.ts", 'template: "inbox-sync-scheduler",', "inbox-sync-scheduler", note="dynamic per-account scheduler template"),
    job(f"{WS}/insights.config.ts", 'name: "insights-weekly-dispatcher",', "insights-weekly-dispatcher", alt=[{"at": 'cron: "*/30 * * * 1", // Every 30 minutes on Monday'}]),
    job(f"{WS}/institutions.config.ts", 'name: "sync-institutions",', "sync-institutions", alt=[{"at": 'cron: "0 3 * * *"'}]),
    job(f"{WS}/invoices.config.ts", 'name: "invoice-recurring-scheduler",', "invoice-recurring-scheduler", alt=[{"at": 'cron: "0 * * * *"'}]),
    job(f"{WS}/invoices.config.ts", 'name: "invoice-upcoming-notification",', "invoice-upcoming-notification", alt=[{"at": 'cron: "30 * * * *"'}]),
    job(f"{WS}/notifications.config.ts", 'name: "activity-notification-flush",', "activity-notification-flush", alt=[{"at": 'cron: "*/1 * * * *"'}]),
    job(f"{WS}/rates.config.ts", 'name: "rates-scheduler",', "rates-scheduler", alt=[{"at": 'cron: "0 0,12 * * *"'}]),
    job("packages/jobs/src/tasks/invoice/scheduler/invoice-scheduler.ts", "export const invoiceScheduler = schedules.task({", "invoiceScheduler", note="Trigger.dev"),
    job("packages/jobs/src/tasks/bank/scheduler/bank-scheduler.ts", "export const bankSyncScheduler = schedules.task({", "bankSyncScheduler", note="Trigger.dev (imperative per-team schedule)"),
    job("packages/jobs/src/tasks/bank/scheduler/ensure-bank-schedulers.ts", "export const ensureBankSchedulers = schedules.task({", "ensureBankSchedulers", note="Trigger.dev"),
    job("packages/jobs/src/tasks/inbox/provider/sheduler.ts", "export const inboxSyncScheduler = schedules.task({", "inboxSyncScheduler", note="Trigger.dev"),
    job("packages/jobs/src/tasks/inbox/no-match-scheduler.ts", "export const noMatchScheduler = schedules.task({", "noMatchScheduler", note="Trigger.dev"),

    # ---------------- llm_call ----------------
    llm("apps/api/src/chat/assistant-runtime.ts", "export async function streamMiddayAssistant(params: {", "streamMiddayAssistant", "openai", note="wrapper: ToolLoopAgent assistant"),
    llm("apps/api/src/chat/assistant-runtime.ts", "const agent = new ToolLoopAgent({", "streamMiddayAssistant", "openai", alt=[{"at": "const result = await agent.stream({"}]),
    llm("apps/api/src/rest/routers/chat.ts", "const result = await streamMiddayAssistant({", "chat route", "openai", note="call site of streamMiddayAssistant"),
    llm("apps/api/src/bot/runtime.ts", "const result = await streamMiddayAssistant({", "bot runtime", "openai", note="call site of streamMiddayAssistant"),
    llm("apps/api/src/chat/utils.ts", "const { output: result } = await generateText({", "generateChatTitle", "openai"),
    llm("apps/api/src/trpc/routers/transactions.ts", "const { object } = await generateObject({", "transactions router", "anthropic"),
    llm("apps/api/src/utils/search-filters.ts", "const { object } = await generateObject({", "search filters", "openai"),
    llm("apps/dashboard/src/actions/ai/get-tax-rate.ts", "const { object } = await generateObject({", "getTaxRateAction", "openai"),
    llm("apps/worker/src/processors/transactions/enrich-transaction.ts", "const { object } = await generateObject({", "EnrichTransactionProcessor", "google"),
    llm("apps/worker/src/processors/inbox/slack-upload.ts", "const summaryResult = await generateText({", "SlackUploadProcessor", "openai"),
    llm("packages/jobs/src/tasks/transactions/enrich-transaction.ts", "const { object } = await generateObject({", "enrichTransactions", "google"),
    llm("packages/categories/src/embeddings.ts", "const { embedding } = await embed({", "embeddings", "google", note="embedding"),
    llm("packages/categories/src/embeddings.ts", "const { embeddings } = await embedMany({", "embeddings", "google", note="embedding"),
    llm("packages/documents/src/embed/embed.ts", "const { embeddings } = await embedMany({", "embed", "google", note="embedding"),
    llm("packages/documents/src/embed/embed.ts", "const { embedding } = await embed({", "embed", "google", note="embedding"),
    llm("packages/insights/src/content/generator.ts", "const { text } = await generateText({", "generator", "openai", nth=1),
    llm("packages/insights/src/content/generator.ts", "const { text } = await generateText({", "generator", "openai", nth=2),
    llm("packages/insights/src/content/generator.ts", "const { text } = await generateText({", "generator", "openai", nth=3),
    llm("packages/insights/src/content/generator.ts", "const { object } = await generateObject({", "generator", "openai"),
    llm("packages/documents/src/classifier/classifier.ts", "const result = await generateObject({", "DocumentClassifier", "google", nth=1),
    llm("packages/documents/src/classifier/classifier.ts", "const retryResult = await generateObject({", "DocumentClassifier", "google", nth=1),
    llm("packages/documents/src/classifier/classifier.ts", "const result = await generateObject({", "DocumentClassifier", "google", nth=2),
    llm("packages/documents/src/classifier/classifier.ts", "const retryResult = await generateObject({", "DocumentClassifier", "google", nth=2),
    llm("packages/documents/src/utils/domain-lookup.ts", "const result = await generateText({", "domain lookup", "google"),
    llm("packages/documents/src/loaders/loader.ts", "generateText({", "loader", "google"),
    *[llm("packages/documents/src/processors/base-extraction-engine.ts", "generateObject({", "BaseExtractionEngine", "mistral/google", nth=i) for i in range(1, 5)],

    # ---------------- event_tracking (OpenPanel) ----------------
    tp("event_tracking", "packages/events/src/server.ts", "export const setupAnalytics = async () => {", "setupAnalytics", provider="openpanel", note="wrapper: server-side OpenPanel track"),
    tp("event_tracking", "packages/events/src/server.ts", "client.track(event, rest).catch(() => {});", "setupAnalytics.track", provider="openpanel"),
    tp("event_tracking", "packages/events/src/client.tsx", "const track = (options: { event: string } & TrackProperties) => {", "track", provider="openpanel", note="wrapper: client-side OpenPanel track"),
    tp("event_tracking", "packages/events/src/client.tsx", "openTrack(event, rest);", "track", provider="openpanel"),
    tp("event_tracking", "packages/events/src/client.tsx", "<OpenPanelComponent", "Provider", provider="openpanel", note="OpenPanel script/provider (screen views, outgoing links)"),
    tp("event_tracking", "apps/dashboard/src/app/[locale]/layout.tsx", "<Analytics />", "RootLayout", provider="openpanel", note="call site of events Provider"),
    *[tp("event_tracking", f, s, None, provider="openpanel", nth=n, note="OpenPanel track call") for (f, s, n) in TRACK_CALLS],

    # ---------------- data_model (drizzle pgTable) ----------------
    *[model(n) for n in [
        "transactions", "trackerEntries", "inboxAccounts", "bankAccounts", "invoiceRecurring", "invoices",
        "customers", "invoiceComments", "bankConnections", "userInvites", "transactionAttachments", "teams",
        "documents", "platformIdentities", "users", "trackerProjects", "inbox", "usersOnTeam", "activities",
        "notificationSettings", "insights",
    ]],
]

NOT_TOUCHPOINTS = [
    no("notification", "packages/jobs/src/tasks/invoice/notifications/send-notifications.ts", '// await sendToProviders(db, teamId, "invoice_paid", {', "commented out"),
    no("notification", "packages/jobs/src/tasks/invoice/notifications/send-notifications.ts", '// await sendToProviders(db, teamId, "invoice_overdue", {', "commented out"),
    no("notification", "packages/jobs/src/tasks/bank/notifications/transactions.ts", '// await sendToProviders(db, teamId, "transaction", {', "commented out"),
    no("email_send", "packages/health/src/probes.ts", 'const res = await fetch("https://api.resend.com/domains", {', "health probe of the Resend API, sends nothing"),
    no("notification", "packages/notifications/src/index.ts", "shouldSendNotification,", "preference lookup import, not a delivery"),
    no("webhook_handler", "packages/app-store/src/slack/server/verify.ts", "export async function verifySlackWebhook(req: Request) {", "signature verification helper, not a route"),
    no("notification", "packages/app-store/src/slack/server/client.ts", "const response = await fetch(privateDownloadUrl, {", "downloads a Slack file; not a message"),
    no("scheduled_job", "apps/worker/src/schedulers/registry.ts", "export async function registerStaticSchedulers(): Promise<void> {", "generic registration loop for the config entries (labelled at the configs)"),
    *[model_no(n, w) for n, w in [
        ("documentTagEmbeddings", "vector embedding cache"),
        ("transactionCategoryEmbeddings", "vector embedding cache"),
        ("exchangeRates", "currency rates reference data"),
        ("institutions", "bank institution catalogue"),
        ("customerTags", "join table"),
        ("trackerProjectTags", "join table"),
        ("transactionTags", "join table"),
        ("documentTagAssignments", "join table"),
        ("oauthAuthorizationCodes", "auth tokens"),
        ("oauthAccessTokens", "auth tokens"),
    ]],
]

AMBIGUOUS = [
    no("email_send", "packages/jobs/src/tasks/team/onboarding.ts", "await resend.contacts.create({", "adds user to Resend audience (marketing list sync), not a send"),
    no("email_send", "apps/api/src/trpc/routers/user.ts", "resend.contacts.remove({", "removes user from Resend audience on account deletion"),
    no("notification", "apps/api/src/rest/routers/apps/slack/oauth-callback.ts", "publishAppHome({", "Slack App Home view publish, a UI surface rather than a message"),
    no("notification", "apps/api/src/bot/runtime.ts", "await thread.post(result.fullStream);", "chat-bot reply (conversational, Chat SDK adapters) rather than a notification; many other thread.post replies in bot/runtime.ts and platform-resolver.ts"),
    no("notification", "packages/bot/src/instance.ts", "return new Chat({", "Chat SDK bot with WhatsApp/Telegram/Slack/Sendblue adapters (delivery channel setup)"),
    no("scheduled_job", "packages/jobs/src/tasks/bank/setup/initial.ts", "await schedules.create({", "imperative per-team Trigger.dev schedule creation"),
    no("scheduled_job", "packages/jobs/src/tasks/inbox/provider/initial-setup.ts", "const schedule = await schedules.create({", "imperative per-account Trigger.dev schedule creation"),
    no("scheduled_job", "apps/worker/src/processors/inbox/initial-setup.ts", "await registerDynamicScheduler({", "imperative per-account BullMQ scheduler registration"),
    no("webhook_handler", "apps/api/src/rest/routers/apps/slack/oauth-callback.ts", "app.openapi(", "OAuth redirect callback, not an event webhook"),
    *[model_no(n, w) for n, w in [
        ("trackerReports", "shareable report links"),
        ("reports", "shareable report links"),
        ("tags", "team-defined tag vocabulary"),
        ("documentTags", "tag vocabulary"),
        ("apps", "installed integrations per team with config/tokens"),
        ("platformLinkTokens", "short-lived linking tokens"),
        ("providerNotificationBatches", "notification batching queue"),
        ("invoiceTemplates", "per-team invoice settings"),
        ("invoiceProducts", "team product catalogue"),
        ("transactionEnrichments", "merchant enrichment cache"),
        ("inboxBlocklist", "blocked senders per team"),
        ("transactionMatchSuggestions", "matching suggestions"),
        ("transactionCategories", "category vocabulary"),
        ("usersInAuth", "mirror of Supabase auth.users"),
        ("shortLinks", "short URL table"),
        ("apiKeys", "credentials"),
        ("oauthApplications", "third-party OAuth clients"),
        ("accountingSyncRecords", "sync bookkeeping with accounting providers"),
        ("insightUserStatus", "per-user read/dismiss state of insights"),
    ]],
]

SPEC = {
    "notes": [
        "Labelled by hand from grep, no scanner output seen. apps/website out of scope; tests/evals excluded.",
        "Notifications.create is labelled as notification/in_app (it writes activity rows and sends Resend emails); its sendBulk calls are email_send.",
        "Job-trigger call sites (triggerJob('notification'...), tasks.trigger) that eventually notify are NOT labelled.",
        "Chat-bot conversational replies (thread.post) put in ambiguous once.",
        "data_model covers only packages/db/src/schema.ts pgTable definitions.",
    ],
    "touchpoints": TOUCHPOINTS,
    "not_touchpoints": NOT_TOUCHPOINTS,
    "ambiguous": AMBIGUOUS,
}
