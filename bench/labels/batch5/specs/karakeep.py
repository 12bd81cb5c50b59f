"""First-contact labels for karakeep (formerly hoarder), labelled by hand from a GitHub snapshot.

Written by reading the code with grep before the scanner was ever run on this repository.
Whole monorepo (apps/web, apps/workers, apps/mobile, apps/browser-extension, apps/cli,
apps/mcp, apps/landing, packages/*, tools/*).
"""

from bench.labels.resolve import no, tp

PACKAGE = "karakeep"
OUTPUT = "bench/labels/batch5/karakeep.json"
ROOT = "/tmp/fc/karakeep"
SOURCE = {
    "source": "github",
    "repo": "karakeep-app/karakeep",
    "commit": "7ca5ee236b96cd659096b1530c5be3fdcd8e4470",
    "subdir": "",
    "how": "fetch github:karakeep-app/karakeep, then `git archive HEAD` of the snapshot "
    "(three binary blobs absent from the snapshot were excluded: "
    "apps/web/public/screenshots/desktop.png, screenshots/homepage.png, "
    "snapshots/seed-data-2026-05-20-163735.tar.gz)",
}

EM = "packages/trpc/email.ts"
UM = "packages/trpc/models/users.ts"
UR = "packages/trpc/routers/users.ts"
LI = "packages/trpc/models/listInvitations.ts"
IR = "packages/trpc/routers/invites.ts"
WW = "apps/workers/workers/webhookWorker.ts"
WS = "packages/trpc/models/webhooks.service.ts"
BR = "packages/trpc/routers/bookmarks.ts"
SUB = "packages/trpc/routers/subscriptions.ts"
INF = "packages/shared/inference.ts"
TAG = "apps/workers/workers/inference/tagging.ts"
SUM = "apps/workers/workers/inference/summarize.ts"
APW = "apps/workers/workers/assetPreprocessingWorker.ts"
IW = "apps/workers/workers/inference/inferenceWorker.ts"
EL = "packages/shared-server/src/eventLogger.ts"
AUTH = "apps/web/server/auth.ts"
S = "packages/db/schema.ts"


def email(file, at, symbol=None, nth=0, note="call site", **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, note=note, **kw)


def hook(file, at, symbol=None, nth=0, note="call site of WebhooksService.triggerWebhook", **kw):
    return tp("notification", file, at, symbol, channel="webhook_out", nth=nth, note=note, **kw)


def llm(file, at, symbol=None, nth=0, **kw):
    return tp("llm_call", file, at, symbol, nth=nth, **kw)


def table(name, entity, **kw):
    return tp(
        "data_model",
        S,
        f"export const {name} = sqliteTable(",
        name,
        entity=entity,
        framework="drizzle",
        **kw,
    )


def table_no(name, why):
    return no("data_model", S, f"export const {name} = sqliteTable(", why)


# the four named nodemailer senders in packages/trpc/email.ts (nth transporter.sendMail)
EMAIL_SENDERS = [
    ("sendVerificationEmail", 1),
    ("sendInviteEmail", 2),
    ("sendPasswordResetEmail", 3),
    ("sendListInvitationEmail", 4),
]

# tables that are people/accounts or records about them
MODELS = [
    ("users", "User", "the user (account, settings, quotas, AI preferences)"),
    ("bookmarks", "Bookmark", "a user's saved item (title, note, summary, archived/favourited)"),
    ("highlights", "Highlight", "a user's highlight on a bookmark"),
    ("userReadingProgress", "UserReadingProgress", "a user's reading progress per bookmark"),
    ("bookmarkLists", "BookmarkList", "a user's list (manual or smart)"),
    ("listInvitations", "ListInvitation", "an invitation of a person to a shared list"),
    ("invites", "Invite", "an admin invitation of a person by email"),
    ("subscriptions", "Subscription", "a user's Stripe subscription (tier, status)"),
    ("chatMessages", "ChatMessage", "a message in a user's AI chat session"),
]

AMBIGUOUS_MODELS = [
    ("accounts", "NextAuth OAuth account linkage of a user (auth plumbing, but account-like)"),
    ("listCollaborators", "membership of a user in a list with a role (edge with data)"),
    ("chatSessions", "a user's chat session (title only; table not yet used by code)"),
    ("customPrompts", "a user's custom AI prompt preferences"),
    ("rssFeedsTable", "a user's RSS feed subscriptions (interest signal, but configuration-like)"),
    ("bookmarkTags", "a user's tags (interest signal / vocabulary)"),
    ("importSessions", "a user's import job with progress counters"),
    ("backupsTable", "a user's backup run record"),
    ("apiKeys", "a user's API key (credential)"),
    ("ruleEngineRulesTable", "a user's automation rule (configuration)"),
]

NOT_MODELS = [
    ("sessions", "auth session token"),
    ("verificationTokens", "email verification token"),
    ("passwordResetTokens", "password reset token"),
    ("bookmarkLinks", "crawled page content of a bookmark"),
    ("bookmarkTexts", "text content of a bookmark"),
    ("bookmarkAssets", "asset content of a bookmark"),
    ("assets", "stored file"),
    ("tagsOnBookmarks", "join table"),
    ("bookmarksInLists", "join table"),
    ("rssFeedImportsTable", "feed import dedup log"),
    ("config", "key/value server settings"),
    ("ruleEngineActionsTable", "rule action configuration"),
    ("webhooksTable", "outgoing webhook configuration"),
    ("importSessionBookmarks", "join table"),
    ("importStagingBookmarks", "import staging rows"),
]

# routers/bookmarks.ts: nth "new WebhooksService(ctx.db).triggerWebhook(" -> procedure
BOOKMARK_ROUTER_HOOKS = [
    (1, "createBookmark"),
    (2, "createBookmark"),
    (3, "updateBookmark"),
    (4, "updateBookmarkText"),
    (5, "updateTags"),
    (6, "summarizeBookmark"),
]

# createEventLogMiddleware("<event>") on tRPC procedures: (file, event, nth, procedure)
EVENT_MIDDLEWARES = [
    (UR, "user.signup", 0, "create"),
    (UR, "user.password_change", 0, "changePassword"),
    (UR, "user.delete", 1, "delete"),
    (UR, "user.delete", 2, "deleteAccount"),
    ("packages/trpc/routers/apiKeys.ts", "apiKey.create", 1, "create"),
    ("packages/trpc/routers/apiKeys.ts", "apiKey.revoke", 0, "revoke"),
    ("packages/trpc/routers/apiKeys.ts", "apiKey.create", 2, "exchange"),
    ("packages/trpc/routers/lists.ts", "list.create", 0, "create"),
    (BR, "bookmark.create", 0, "createBookmark"),
    (BR, "bookmark.delete", 0, "deleteBookmark"),
    (BR, "search.query", 0, "searchBookmarks"),
    (BR, "bookmark.summarize", 0, "summarizeBookmark"),
    (SUB, "subscription.checkout_started", 0, "createCheckoutSession"),
    (SUB, "subscription.portal_opened", 0, "createPortalSession"),
    (SUB, "subscription.webhook_received", 0, "handleWebhook"),
    ("packages/trpc/routers/tags.ts", "tag.create", 0, "create"),
]

# direct logEvent({...}) calls about a user's behaviour: (file, nth "logEvent({", event, symbol)
LOG_EVENT_CALLS = [
    (AUTH, 1, "user.signup", "createUser"),
    (AUTH, 2, "user.login_failed", "authorize"),
    (AUTH, 3, "user.login_failed", "authorize"),
    (AUTH, 4, "user.login_failed", "signIn"),
    (AUTH, 5, "user.login_failed", "signIn"),
    (AUTH, 6, "user.login", "signIn"),
    (AUTH, 7, "user.signup", "signIn"),
    (AUTH, 8, "user.login", "signIn"),
    ("packages/trpc/routers/apiKeys.ts", 0, "user.login_failed", "exchange"),
    ("packages/trpc/routers/lists.ts", 0, "list.share", "edit"),
    (BR, 1, "bookmark.archive", "updateBookmark"),
    (BR, 2, "bookmark.favorite", "updateBookmark"),
]


SPEC = {
    "notes": [
        "karakeep (formerly hoarder) at GitHub karakeep-app/karakeep commit 7ca5ee236b96cd659096b1530c5be3fdcd8e4470 (snapshot of 2026-08-22). pnpm + turbo monorepo: Next.js web app (apps/web), background workers (apps/workers), Drizzle/SQLite schema (packages/db), tRPC API (packages/trpc) exposed over Hono (packages/api), mobile app, browser extension, CLI, MCP server, landing site. Labelled by hand before any scanner output was looked at.",
        "Not touchpoints by the rules: packages/db/drizzle/** (migrations), *.test.ts, packages/e2e_tests/**, packages/benchmarks/** (perf benchmark harness), docs/**, packages/sdk/src/karakeep-api.d.ts (generated), apps/workers/utils/__fixtures__. tools/compare-models is a developer tool shipped in the repo: its LLM calls are ambiguous.",
        "email_send: packages/trpc/email.ts holds four nodemailer senders, each built with withTracing(name, fn) that makes the transporter (createTransport) and runs fn: sendVerificationEmail, sendInviteEmail, sendPasswordResetEmail, sendListInvitationEmail (the `export const X = withTracing(` line is the wrapper; each transporter.sendMail is the provider call). Further named wrappers: User.resendVerificationEmail and ListInvitation.sendInvitationEmail (which imports sendListInvitationEmail dynamically). User.create (verification mail when required), User.forgotPassword (reset mail, deliberately not awaited) and ListInvitation.inviteByEmail/List.addCollaboratorByEmail send mail as a side effect: ambiguous, with their callers. The web client's tRPC mutations that trigger those procedures (check-email, verify-email, forgot password, admin invites list) are ambiguous too.",
        "notification: the only channel is outgoing user-configured webhooks (webhook_out). WebhooksService.triggerWebhook enqueues a delivery on WebhookQueue; the webhook worker's runWebhook POSTs JSON to every matching user webhook URL through the project's generic fetchWithProxy helper (with retries). triggerWebhook's call sites (crawler, AI tagging, bookmark create/update/delete) are labelled. No Slack/Discord/SMS/push code exists; mobile Haptics.notificationAsync, chrome.runtime.sendMessage and the sidebar 'new release' dot are look-alikes. ListInvitation.inviteByEmail also creates a pending invitation row that the invitee sees in the web sidebar badge: ambiguous in_app.",
        "webhook_handler: the Stripe webhook, mounted at /api/webhooks/stripe by packages/api (Hono route in packages/api/routes/webhooks.ts) and handled by the tRPC procedure subscriptions.handleWebhook (stripe.webhooks.constructEvent, then processEvent -> syncStripeDataToDatabase). Both the Hono route and the tRPC procedure are labelled; processEvent and syncStripeDataToDatabase are ambiguous. The tRPC webhooks router is CRUD for outgoing webhook configuration: not a handler.",
        "event_tracking: no product-analytics vendor (no PostHog/Segment/Plausible/gtag anywhere, landing site included). The in-house 'event log' (packages/shared-server/src/eventLogger.ts: logEvent / withEventLog, winston + optional OTLP export) records named user events (user.signup, user.login, bookmark.create, search.query, subscription.checkout_started, list.share, bookmarks.queried ...) with user.id, via createEventLogMiddleware on tRPC procedures, direct logEvent calls and emitRateLimitedEvent. It is structured operational logging that doubles as behavioural telemetry, so the helpers and every user-action call site are ambiguous. Worker-run event logs (withWorkerEventLog), OpenTelemetry tracing and Prometheus counters are not touchpoints.",
        "scheduled_job: two node-cron schedules in apps/workers (FeedRefreshingWorker hourly, BackupSchedulingWorker daily; .start() in apps/workers/index.ts is an alt). The import worker's 5-second polling loop (with a periodic archive sweep) and the crawler's browser-context reaper setInterval are ambiguous. Queue retries/delays and admin-triggered maintenance tasks (tidyAssets, migrateLinkHtmlContent) are not schedules. No GitHub Actions schedule: triggers, no Kubernetes CronJob.",
        "llm_call: packages/shared/inference.ts is the single LLM layer: OpenAIInferenceClient.inferFromText/inferFromImage (openai chat.completions.create) and OllamaInferenceClient.inferFromText/inferFromImage -> runModel (ollama.generate). Call sites: AI tagging (inferTagsFromText/FromPDF/FromImage, wrapped by inferTags, called from runTagging), summarization (worker runSummarization and the tRPC summarizeBookmark procedure), and OCR of images with the LLM (readImageTextWithLLM). Embeddings (openai.embeddings.create, ollama.embed and the generateEmbeddingFromText callers) are not generation: ambiguous. Client construction (new OpenAI / new Ollama) is ambiguous; prompt builders and the InferenceClient interface signature are not touchpoints.",
        "personize_call: none.",
        "data_model: Drizzle sqliteTable definitions in packages/db/schema.ts, one label per table at its `export const X = sqliteTable(` line. People and records about them are touchpoints; user-owned configuration-ish or interest-signal tables are ambiguous; tokens, content/file tables, join tables and staging/log tables are not. The domain classes in packages/trpc/models (User, Bookmark, ListInvitation) wrap rows with business methods: ambiguous. Zod schemas in packages/shared/types are API validators: not touchpoints.",
    ],
    "touchpoints": [
        # ---- email_send: the nodemailer senders
        *[
            item
            for name, nth in EMAIL_SENDERS
            for item in (
                email(
                    EM,
                    f"export const {name} = withTracing(",
                    name,
                    note="wrapper: nodemailer email",
                ),
                email(
                    EM,
                    "await transporter.sendMail(mailOptions);",
                    name,
                    nth=nth,
                    provider="nodemailer",
                    note="provider call",
                ),
            )
        ],
        email(
            UM,
            "await sendVerificationEmail(",
            "create",
            nth=1,
            note="call site of sendVerificationEmail (signup)",
        ),
        email(
            UM,
            "await sendVerificationEmail(email, user.name, token, redirectUrl);",
            "resendVerificationEmail",
            note="call site of sendVerificationEmail",
        ),
        email(
            UM,
            "void sendPasswordResetEmail(email, user.name, token)",
            "forgotPassword",
            note="call site of sendPasswordResetEmail",
        ),
        email(
            UM,
            "static async resendVerificationEmail(",
            "resendVerificationEmail",
            note="wrapper: re-sends the verification email",
        ),
        email(
            UR,
            "await User.resendVerificationEmail(",
            "resendVerificationEmail",
            note="call site of User.resendVerificationEmail",
            alt=[{"at": "resendVerificationEmail: publicProcedure"}],
        ),
        email(IR, "await sendInviteEmail(", "create", nth=1, note="call site of sendInviteEmail"),
        email(IR, "await sendInviteEmail(", "resend", nth=2, note="call site of sendInviteEmail"),
        email(
            LI,
            "static async sendInvitationEmail(params: {",
            "sendInvitationEmail",
            note="wrapper: list invitation email",
        ),
        email(
            LI,
            "await sendListInvitationEmail(",
            "sendInvitationEmail",
            note="call site of sendListInvitationEmail (dynamic import)",
            alt=[{"at": 'const { sendListInvitationEmail } = await import("../email");'}],
        ),
        email(
            LI,
            "await this.sendInvitationEmail({",
            "inviteByEmail",
            nth=1,
            note="call site of sendInvitationEmail",
        ),
        email(
            LI,
            "await this.sendInvitationEmail({",
            "inviteByEmail",
            nth=2,
            note="call site of sendInvitationEmail",
        ),
        # ---- notification: outgoing user webhooks
        tp(
            "notification",
            WW,
            "async function runWebhook(job: DequeuedJob<ZWebhookRequest>) {",
            "runWebhook",
            channel="webhook_out",
            note="wrapper: delivers a bookmark event to the user's webhook URLs",
        ),
        tp(
            "notification",
            WW,
            "const response = await fetchWithProxy(url, {",
            "runWebhook",
            channel="webhook_out",
            provider="fetch",
            note="POST to a user-configured webhook URL via the generic fetchWithProxy helper",
        ),
        tp(
            "notification",
            WS,
            "async triggerWebhook(",
            "triggerWebhook",
            channel="webhook_out",
            note="wrapper: enqueues webhook delivery on WebhookQueue",
            alt=[{"at": "await WebhookQueue.enqueue("}],
        ),
        hook(TAG, "await webhookService.triggerWebhook(", "runTagging"),
        hook(
            "apps/workers/workers/crawlerWorker.ts",
            "await webhookService.triggerWebhook(",
            "enqueuePostCrawlJobs",
        ),
        hook("packages/trpc/models/bookmarks.ts", "await webhookService.triggerWebhook(", "delete"),
        *[
            hook(BR, "new WebhooksService(ctx.db).triggerWebhook(", symbol, nth=nth)
            for nth, symbol in BOOKMARK_ROUTER_HOOKS
        ],
        # ---- webhook_handler: Stripe
        tp(
            "webhook_handler",
            "packages/api/routes/webhooks.ts",
            '}>().post("/stripe", async (c) => {',
            "post /webhooks/stripe",
            provider="stripe",
            alt=[{"file": "packages/api/index.ts", "at": '.route("/webhooks", webhooks);'}],
        ),
        tp(
            "webhook_handler",
            SUB,
            "handleWebhook: publicProcedure",
            "handleWebhook",
            provider="stripe",
            alt=[{"at": "event = stripe.webhooks.constructEvent("}],
            note="tRPC procedure behind the Stripe route: verifies the signature and processes the event",
        ),
        # ---- scheduled_job: node-cron
        tp(
            "scheduled_job",
            "apps/workers/workers/feedWorker.ts",
            "export const FeedRefreshingWorker = cron.schedule(",
            "FeedRefreshingWorker",
            provider="node-cron",
            schedule="0 * * * *",
            alt=[{"file": "apps/workers/index.ts", "at": "FeedRefreshingWorker.start();"}],
        ),
        tp(
            "scheduled_job",
            "apps/workers/workers/backupWorker.ts",
            "export const BackupSchedulingWorker = cron.schedule(",
            "BackupSchedulingWorker",
            provider="node-cron",
            schedule="0 0 * * *",
            alt=[{"file": "apps/workers/index.ts", "at": "BackupSchedulingWorker.start();"}],
        ),
        # ---- llm_call: the inference layer
        llm(
            INF,
            "async inferFromText(",
            "OpenAIInferenceClient.inferFromText",
            nth=1,
            note="wrapper: OpenAI text completion",
        ),
        llm(
            INF,
            "const chatCompletion = await this.openAI.chat.completions.create(",
            "OpenAIInferenceClient.inferFromText",
            nth=1,
            provider="openai",
        ),
        llm(
            INF,
            "async inferFromImage(",
            "OpenAIInferenceClient.inferFromImage",
            nth=1,
            note="wrapper: OpenAI vision completion",
        ),
        llm(
            INF,
            "const chatCompletion = await this.openAI.chat.completions.create(",
            "OpenAIInferenceClient.inferFromImage",
            nth=2,
            provider="openai",
        ),
        llm(
            INF,
            "async runModel(",
            "OllamaInferenceClient.runModel",
            note="wrapper: Ollama generation",
        ),
        llm(
            INF,
            "const chatCompletion = await this.ollama.generate({",
            "OllamaInferenceClient.runModel",
            provider="ollama",
        ),
        llm(
            INF,
            "async inferFromText(",
            "OllamaInferenceClient.inferFromText",
            nth=2,
            note="wrapper: Ollama text completion",
        ),
        llm(
            INF,
            "return await this.runModel(",
            "OllamaInferenceClient.inferFromText",
            nth=1,
            note="call site of runModel",
        ),
        llm(
            INF,
            "async inferFromImage(",
            "OllamaInferenceClient.inferFromImage",
            nth=2,
            note="wrapper: Ollama vision completion",
        ),
        llm(
            INF,
            "return await this.runModel(",
            "OllamaInferenceClient.inferFromImage",
            nth=2,
            note="call site of runModel",
        ),
        # tagging
        llm(
            TAG,
            "async function inferTagsFromImage(",
            "inferTagsFromImage",
            note="wrapper: image tagging prompt",
        ),
        llm(
            TAG,
            "return inferenceClient.inferFromImage(",
            "inferTagsFromImage",
            note="call site of InferenceClient.inferFromImage",
        ),
        llm(
            TAG,
            "async function inferTagsFromPDF(",
            "inferTagsFromPDF",
            note="wrapper: PDF tagging prompt",
        ),
        llm(
            TAG,
            "return inferenceClient.inferFromText(prompt, {",
            "inferTagsFromPDF",
            note="call site of InferenceClient.inferFromText",
        ),
        llm(
            TAG,
            "async function inferTagsFromText(",
            "inferTagsFromText",
            note="wrapper: text tagging prompt",
        ),
        llm(
            TAG,
            "return await inferenceClient.inferFromText(prompt, {",
            "inferTagsFromText",
            note="call site of InferenceClient.inferFromText",
        ),
        llm(
            TAG,
            "async function inferTags(",
            "inferTags",
            note="wrapper: picks the tagging call by bookmark type",
        ),
        llm(
            TAG,
            "response = await inferTagsFromText(",
            "inferTags",
            note="call site of inferTagsFromText",
        ),
        llm(
            TAG,
            "response = await inferTagsFromImage(",
            "inferTags",
            note="call site of inferTagsFromImage",
        ),
        llm(
            TAG,
            "response = await inferTagsFromPDF(",
            "inferTags",
            note="call site of inferTagsFromPDF",
        ),
        llm(TAG, "const tags = await inferTags(", "runTagging", note="call site of inferTags"),
        # summarization
        llm(
            SUM,
            "const summaryResult = await inferenceClient.inferFromText(summaryPrompt, {",
            "runSummarization",
            note="call site of InferenceClient.inferFromText",
        ),
        llm(
            BR,
            "const summary = await inferenceClient.inferFromText(summaryPrompt, {",
            "summarizeBookmark",
            note="call site of InferenceClient.inferFromText (on-demand summary)",
        ),
        # OCR with the LLM
        llm(
            APW,
            "async function readImageTextWithLLM(",
            "readImageTextWithLLM",
            note="wrapper: OCR prompt",
        ),
        llm(
            APW,
            "const response = await inferenceClient.inferFromImage(",
            "readImageTextWithLLM",
            note="call site of InferenceClient.inferFromImage",
        ),
        llm(
            APW,
            "imageText = await readImageTextWithLLM(asset, contentType);",
            "extractAndSaveImageText",
            note="call site of readImageTextWithLLM",
        ),
        # ---- data_model
        *[table(name, entity, note=note) for name, entity, note in MODELS],
    ],
    "not_touchpoints": [
        # email look-alikes
        no("email_send", UM, "static async verifyEmail(", "verifies a token; sends nothing"),
        no(
            "email_send",
            UM,
            "static async genEmailVerificationToken(",
            "creates a token row; sends nothing",
        ),
        no(
            "email_send",
            UR,
            "await User.verifyEmail(ctx, input.email, input.token);",
            "token verification",
        ),
        # notification look-alikes
        no(
            "notification",
            "packages/trpc/routers/webhooks.ts",
            "create: webhooksProcedure",
            "CRUD of the user's outgoing webhook configuration; delivers nothing",
        ),
        no("notification", WS, "async create(", "stores a webhook configuration"),
        no(
            "notification",
            "packages/shared-server/src/queues.ts",
            "export const WebhookQueue = createDeferredQueue<ZWebhookRequest>(",
            "queue declaration",
        ),
        no(
            "notification",
            "apps/mobile/components/sharing/SuccessAnimation.tsx",
            "Haptics.notificationAsync(",
            "haptic feedback",
        ),
        no(
            "notification",
            "apps/browser-extension/src/SavePage.tsx",
            "await chrome.runtime.sendMessage({",
            "extension-internal messaging",
        ),
        no(
            "notification",
            "apps/web/components/dashboard/sidebar/InvitationNotificationBadge.tsx",
            "export function InvitationNotificationBadge() {",
            "UI badge that reads pending invitations; delivers nothing",
        ),
        # event_tracking look-alikes
        no(
            "event_tracking",
            "apps/browser-extension/src/utils/singlefile.ts",
            'chrome.tabs.sendMessage(tabId, { type: "CAPTURE_PAGE", blockImages }),',
            "page capture for archiving",
        ),
        no(
            "event_tracking",
            "apps/workers/workerTracing.ts",
            "export function withWorkerEventLog<TData, TResult = void>(",
            "operational per-job event log",
        ),
        no(
            "event_tracking",
            "packages/shared-server/src/tracing.ts",
            "export function initTracing(serviceSuffix?: string): void {",
            "OpenTelemetry tracing",
        ),
        no(
            "event_tracking",
            "apps/workers/metrics.ts",
            "export const workerStatsCounter = new Counter({",
            "Prometheus operational metric",
        ),
        # scheduled_job look-alikes
        no(
            "scheduled_job",
            "apps/workers/workers/adminMaintenanceWorker.ts",
            "async function runAdminMaintenance(job: DequeuedJob<ZAdminMaintenanceTask>) {",
            "admin-triggered maintenance task, not scheduled",
        ),
        no(
            "scheduled_job",
            "apps/mobile/lib/useConnectionStatus.tsx",
            "const interval = setInterval(() => {",
            "UI connectivity polling",
        ),
        # llm_call look-alikes
        no("llm_call", INF, "  inferFromText(", "interface method signature"),
        no(
            "llm_call",
            "packages/shared/prompts.server.ts",
            "export async function buildTextPrompt(",
            "prompt builder; no call",
        ),
        no(
            "llm_call",
            "packages/shared/prompts.ts",
            "export function constructSummaryPrompt(",
            "prompt builder; no call",
        ),
        no(
            "llm_call",
            "packages/shared-server/src/queues.ts",
            'export const OpenAIQueue = createDeferredQueue<ZOpenAIRequest>("openai_queue", {',
            "queue declaration",
        ),
        # data_model
        *[table_no(name, why) for name, why in NOT_MODELS],
        no(
            "data_model",
            S,
            "export const userRelations = relations(users",
            "Drizzle relations of users",
        ),
        no(
            "data_model",
            "packages/shared/types/users.ts",
            "export const zWhoAmIResponseSchema = z.object({",
            "zod API response validator",
        ),
        no(
            "data_model",
            "packages/shared/types/users.ts",
            "export const zUserSettingsSchema = z.object({",
            "zod API validator",
        ),
        no("data_model", WS, "export class WebhooksService {", "service class"),
        no(
            "data_model",
            "packages/trpc/models/feeds.repo.ts",
            "export class FeedsRepo {",
            "repository class",
        ),
    ],
    "ambiguous": [
        # ---- email_send
        no(
            "email_send",
            EM,
            "function withTracing<Args extends unknown[]>(",
            "generic factory every email sender is built with (makes the transporter and runs the send)",
        ),
        no("email_send", EM, "return createTransport({", "nodemailer transport construction"),
        no(
            "email_send",
            UM,
            "static async create(",
            "signup; sends the verification email as a side effect",
        ),
        no(
            "email_send",
            UR,
            "const user = await User.create(ctx, {",
            "call of User.create (may send verification email)",
        ),
        no(
            "email_send",
            "packages/trpc/routers/admin.ts",
            "return await User.create(ctx, input, input.role);",
            "call of User.create (may send verification email)",
        ),
        no(
            "email_send",
            UM,
            "static async forgotPassword(ctx: Context, email: string): Promise<void> {",
            "sends the reset email as a side effect",
        ),
        no(
            "email_send",
            UR,
            "await User.forgotPassword(ctx, input.email);",
            "call of User.forgotPassword",
        ),
        no("email_send", LI, "static async inviteByEmail(", "creates the invitation and emails it"),
        no(
            "email_send",
            "packages/trpc/models/lists.ts",
            "async addCollaboratorByEmail(",
            "delegates to ListInvitation.inviteByEmail",
        ),
        no(
            "email_send",
            "packages/trpc/models/lists.ts",
            "return await ListInvitation.inviteByEmail(this.ctx, {",
            "call of inviteByEmail",
        ),
        no(
            "email_send",
            "packages/trpc/routers/lists.ts",
            "invitationId: await ctx.list.addCollaboratorByEmail(",
            "call of addCollaboratorByEmail",
        ),
        no(
            "email_send",
            "apps/web/app/check-email/page.tsx",
            "api.users.resendVerificationEmail.mutationOptions({",
            "client tRPC call of the procedure that sends the email",
        ),
        no(
            "email_send",
            "apps/web/app/verify-email/page.tsx",
            "api.users.resendVerificationEmail.mutationOptions({",
            "client tRPC call of the procedure that sends the email",
        ),
        no(
            "email_send",
            "apps/web/components/signin/ForgotPasswordForm.tsx",
            "api.users.forgotPassword.mutationOptions(),",
            "client tRPC call of the procedure that sends the reset email",
        ),
        no(
            "email_send",
            "apps/web/components/admin/InvitesList.tsx",
            "api.invites.resend.mutationOptions({",
            "client tRPC call of the procedure that re-sends the invite email",
        ),
        # ---- notification
        no(
            "notification",
            LI,
            "static async inviteByEmail(",
            "pending invitation row shown to the invitee in the web sidebar (in_app)",
            channel="in_app",
        ),
        # ---- webhook_handler
        no(
            "webhook_handler",
            SUB,
            'async function processEvent(event: Stripe.Event, db: Context["db"]) {',
            "event dispatcher behind handleWebhook",
        ),
        no(
            "webhook_handler",
            SUB,
            "export async function syncStripeDataToDatabase(",
            "sync used by the webhook and by syncWithStripe",
        ),
        # ---- event_tracking: the in-house event log
        no(
            "event_tracking",
            EL,
            'export async function withEventLog<T, F extends EventLog["event.name"]>(',
            "in-house event log (structured logging with user events)",
        ),
        no(
            "event_tracking",
            EL,
            "export function logEvent(event: EventLog): void;",
            "in-house event log emitter",
            alt=[{"at": "export function logEvent(", "nth": 2}],
        ),
        no(
            "event_tracking",
            "packages/trpc/lib/eventLog.ts",
            "export function createEventLogMiddleware<T extends TrpcResult<unknown>>(",
            "tRPC middleware naming a user event per procedure",
        ),
        no(
            "event_tracking",
            "packages/trpc/lib/rateLimitedEvent.ts",
            "export function emitRateLimitedEvent<F extends EventLogType>(",
            "deduplicated telemetry event emitter",
        ),
        no(
            "event_tracking",
            BR,
            "emitRateLimitedEvent(",
            "bookmarks.queried per user (active-user signal)",
        ),
        *[
            no(
                "event_tracking",
                file,
                f'.use(createEventLogMiddleware("{event}"))',
                f"user event {event} on {proc}",
                nth=nth,
            )
            for file, event, nth, proc in EVENT_MIDDLEWARES
        ],
        *[
            no("event_tracking", file, "logEvent({", f"logEvent {event} in {symbol}", nth=nth)
            for file, nth, event, symbol in LOG_EVENT_CALLS
        ],
        no(
            "event_tracking",
            "apps/workers/workers/importWorker.ts",
            'await withEventLog("bookmark.import", async () => {',
            "user import completed event",
        ),
        # ---- scheduled_job
        no(
            "scheduled_job",
            "apps/workers/workers/importWorker.ts",
            "  async start() {",
            "5 s polling loop with a periodic archive sweep",
        ),
        no(
            "scheduled_job",
            "apps/workers/workers/crawler/browser.ts",
            "const intervalId = setInterval(() => {",
            "in-process reaper timer for stale browser contexts",
        ),
        # ---- llm_call
        no("llm_call", INF, "async generateEmbeddingFromText(", "embedding, not generation", nth=1),
        no("llm_call", INF, "async generateEmbeddingFromText(", "embedding, not generation", nth=2),
        no("llm_call", INF, "async generateEmbeddingFromText(", "embedding, not generation", nth=3),
        no(
            "llm_call",
            INF,
            "const embedResponse = await this.openAI.embeddings.create({",
            "embedding",
            nth=1,
        ),
        no(
            "llm_call",
            INF,
            "const embedResponse = await this.openAI.embeddings.create({",
            "embedding",
            nth=2,
        ),
        no("llm_call", INF, "const embedding = await this.ollama.embed({", "embedding"),
        no(
            "llm_call",
            "apps/workers/workers/embeddingsWorker.ts",
            "const embeddingResponse = await embeddingClient.generateEmbeddingFromText([",
            "embedding call site",
        ),
        no(
            "llm_call",
            BR,
            "await embeddingClient.generateEmbeddingFromText([",
            "query embedding for semantic search",
        ),
        no("llm_call", INF, "new OpenAI({", "client construction"),
        no("llm_call", INF, "this.ollama = new Ollama({", "client construction"),
        no(
            "llm_call",
            TAG,
            "export async function runTagging(",
            "job step orchestrating the tagging LLM call",
        ),
        no(
            "llm_call",
            SUM,
            "export async function runSummarization(",
            "job step that makes the summary LLM call",
        ),
        no(
            "llm_call",
            IW,
            "await runSummarization(bookmarkId, job, inferenceClient);",
            "call of runSummarization",
        ),
        no(
            "llm_call",
            IW,
            "await runTagging(bookmarkId, job, inferenceClient);",
            "call of runTagging",
        ),
        no(
            "llm_call",
            "packages/api/routes/bookmarks.ts",
            '.post("/:bookmarkId/summarize", async (c) => {',
            "REST route calling the summarize procedure",
        ),
        no(
            "llm_call",
            "tools/compare-models/src/inferenceClient.ts",
            "export async function inferTags(",
            "developer tool",
        ),
        no(
            "llm_call",
            "tools/compare-models/src/inferenceClient.ts",
            "const response = await inferenceClient.inferFromText(prompt, {",
            "developer tool",
        ),
        no(
            "llm_call",
            "tools/compare-models/src/bookmarkProcessor.ts",
            "const tags = await inferTags(inferenceClient, prompt);",
            "developer tool",
        ),
        # ---- data_model
        *[table_no(name, why) for name, why in AMBIGUOUS_MODELS],
        no("data_model", UM, "export class User {", "domain class over the users table"),
        no(
            "data_model",
            "packages/trpc/models/bookmarks.ts",
            "export class Bookmark extends BareBookmark {",
            "domain class over the bookmarks table",
        ),
        no(
            "data_model",
            LI,
            "export class ListInvitation {",
            "domain class over the listInvitations table",
        ),
        no("data_model", "packages/trpc/index.ts", "interface User {", "session user shape"),
    ],
}
