"""Batch-3 labels for Open SaaS (wasp-lang/open-saas, the template app under template/app).

Written by hand by reading the code with grep before the scanner was ever run on it; no
scanner output was looked at. Kinds labelled exhaustively: email_send, notification,
webhook_handler, event_tracking, data_model, scheduled_job, llm_call, personize_call.
"""

from bench.labels.resolve import no, tp

PACKAGE = "open-saas"
OUTPUT = "bench/labels/batch3/open-saas.json"
ROOT = "/tmp/fc/open-saas/template/app"
SOURCE = {
    "source": "github",
    "repo": "wasp-lang/open-saas",
    "commit": "c638a4ebde862aab76047851d4038d85a7830940",
    "subdir": "template/app",
    "how": "git archive <commit> template | tar -x  (the repo-wide archive fails on an absent LFS-size blog video)",
}

SCHEMA = "schema.prisma"
STRIPE_WH = "src/payment/stripe/webhook.ts"
LS_WH = "src/payment/lemonSqueezy/webhook.ts"
POLAR_WH = "src/payment/polar/webhook.ts"
AI_OPS = "src/demo-ai-app/operations.ts"
PLAUSIBLE = "src/analytics/providers/plausibleAnalyticsUtils.ts"
GA = "src/analytics/providers/googleAnalyticsUtils.ts"
COOKIE = "src/client/components/cookie-consent/Config.ts"


def model(name, note, **kw):
    return tp("data_model", SCHEMA, f"model {name} {{", name, entity=name, framework="prisma", note=note, **kw)


def model_no(name, why):
    return no("data_model", SCHEMA, f"model {name} {{", why)


# Per-event helpers inside the three payment webhook handlers: (file, def snippet).
WEBHOOK_EVENT_HELPERS = [
    (STRIPE_WH, "async function handleInvoicePaid("),
    (STRIPE_WH, "async function handleCustomerSubscriptionUpdated("),
    (STRIPE_WH, "async function handleCustomerSubscriptionDeleted("),
    (LS_WH, "async function handleOrderCreated("),
    (LS_WH, "async function handleSubscriptionCreated("),
    (LS_WH, "async function handleSubscriptionUpdated("),
    (LS_WH, "async function handleSubscriptionCancelled("),
    (LS_WH, "async function handleSubscriptionExpired("),
    (POLAR_WH, "async function handleOrderPaid("),
    (POLAR_WH, "async function handleSubscriptionUpdated("),
]


SPEC = {
    "notes": [
        "Open SaaS (github wasp-lang/open-saas @ c638a4eb, 2026-07-20), the Wasp 0.25 SaaS template. Paths relative to template/app. The repo's blog/docs site (opensaas-sh/, template/blog), e2e-tests, AGENTS.md, .agents/skills and public/llms.txt are out of scope (docs). Labelled by hand before any scanner output was looked at.",
        "Wasp config is TypeScript here (main.wasp.ts + src/**/*.wasp.ts using @wasp.sh/spec: job(), api(), action(), query(), emailSender), not the older main.wasp DSL. Prisma models live in schema.prisma at the app root.",
        "email_send: the only send is Wasp's emailSender.send(...) in the Stripe webhook's handleCustomerSubscriptionUpdated (a 'we hate to see you go' email on cancel_at_period_end). No project-level email wrapper exists. Wasp's auth also sends verification and password-reset emails itself; the app only supplies their content via getVerificationEmailContent / getPasswordResetEmailContent (auth/email-and-pass/emails.ts, wired in auth.wasp.ts): ambiguous. The emailSender config (provider 'Dummy') in server/emailSender.wasp.ts is configuration, ambiguous.",
        "notification: none. The shadcn toast() (client/hooks/use-toast.ts) is ephemeral UI feedback, the admin MessageButton/MessagesPage is an unfinished static page: not touchpoints. s3Client.send / ky.post to S3 / response.status().send() are not deliveries.",
        "webhook_handler: one Wasp api route POST /payments-webhook (payment.wasp.ts; handler alias paymentsWebhook in payment/webhook.ts) dispatching to the configured processor's handler. All three processor handlers are labelled (stripeWebhook is active; lemonSqueezyWebhook and polarWebhook are selectable alternatives in paymentProcessor.ts). Signature verification (constructEvent, parseRequestBody, validateEvent) are alts of their handler. Per-event helpers (handleInvoicePaid, ...) and the Lemon Squeezy payload parser are ambiguous; the raw-body middlewareConfigFns are not touchpoints.",
        "scheduled_job: one Wasp job, calculateDailyStatsJob, declared with job(..., {executor: 'PgBoss', schedule: {cron: '0 * * * *'}}) in analytics/analytics.wasp.ts (the cron line and the implementation in analytics/stats.ts are alts).",
        "event_tracking: Plausible script tags in client/head.wasp.ts (prod + local variant, one label with an alt) and the Google Analytics gtag snippet injected by the cookie-consent onAccept callback (client/components/cookie-consent/Config.ts). The Plausible Stats API fetches and GA Data API runReport calls in analytics/providers/* READ aggregate numbers for the admin dashboard and record nothing: not touchpoints.",
        "llm_call: OpenAI chat.completions.create in demo-ai-app/operations.ts generateScheduleWithGpt (wrapper) and its call site in the generateGptResponse action. The OpenAI client construction is not a call; the action declaration in demo-ai-app.wasp.ts, the action's def and its client call in DemoAppPage.tsx are ambiguous.",
        "data_model: User, GptResponse, Task, ContactFormMessage are touchpoints; File (a user's uploaded file record) is ambiguous; DailyStats, PageViewSource (aggregate analytics) and Logs (job error log) are not. TypeScript interfaces/zod schemas (PaymentPlan, MockUserData, Lemon Squeezy payload schemas, operation input/output types, landing-page Testimonial) are not entity definitions.",
        "personize_call: none.",
    ],
    "touchpoints": [
        # ---- email_send
        tp(
            "email_send",
            STRIPE_WH,
            "await emailSender.send({",
            "handleCustomerSubscriptionUpdated",
            channel="email",
            provider="wasp_email",
            note="cancellation win-back email via Wasp emailSender",
        ),
        # ---- webhook_handler
        tp(
            "webhook_handler",
            "src/payment/payment.wasp.ts",
            'api("POST", "/payments-webhook", paymentsWebhook, {',
            "paymentsWebhook",
            note="Wasp api route declaration",
            alt=[{"file": "src/payment/webhook.ts", "at": "export const paymentsWebhook = paymentProcessor.webhook;"}],
        ),
        tp(
            "webhook_handler",
            STRIPE_WH,
            "export const stripeWebhook: PaymentsWebhook = async (",
            "stripeWebhook",
            provider="stripe",
            alt=[
                {"at": "const event = constructStripeEvent(request);"},
                {"at": "function constructStripeEvent(request: express.Request): Stripe.Event {"},
                {"at": "return stripeClient.webhooks.constructEvent("},
            ],
        ),
        tp(
            "webhook_handler",
            LS_WH,
            "export const lemonSqueezyWebhook: PaymentsWebhook = async (",
            "lemonSqueezyWebhook",
            provider="lemonsqueezy",
            note="alternative processor (not the default)",
            alt=[
                {"at": "const rawRequestBody = parseRequestBody(request);"},
                {"at": "function parseRequestBody(request: express.Request): string {"},
            ],
        ),
        tp(
            "webhook_handler",
            POLAR_WH,
            "export const polarWebhook: PaymentsWebhook = async (",
            "polarWebhook",
            provider="polar",
            note="alternative processor (not the default)",
            alt=[{"at": "const event = validateEvent("}],
        ),
        # ---- scheduled_job
        tp(
            "scheduled_job",
            "src/analytics/analytics.wasp.ts",
            "job(calculateDailyStatsJob, {",
            "calculateDailyStatsJob",
            provider="wasp_pgboss",
            note="Wasp job, cron 0 * * * *",
            alt=[
                {"at": 'cron: "0 * * * *"'},
                {"file": "src/analytics/stats.ts", "at": "export const calculateDailyStatsJob: CalculateDailyStatsJob<"},
            ],
        ),
        # ---- event_tracking
        tp(
            "event_tracking",
            "src/client/head.wasp.ts",
            "https://plausible.io/js/script.js",
            None,
            provider="plausible",
            note="Plausible script tag in the Wasp head config",
            alt=[{"at": "https://plausible.io/js/script.local.js"}],
        ),
        tp(
            "event_tracking",
            COOKIE,
            'gtag("config", GA_ANALYTICS_ID);',
            "onAccept",
            provider="google_analytics",
            note="gtag snippet injected after cookie consent",
            alt=[
                {"at": 'gtag("js", new Date());'},
                {"at": "function gtag(..._args: unknown[]) {"},
                {"at": "window.dataLayer.push(arguments);"},
                {"at": "script.src = `https://www.googletagmanager.com/gtag/js?id=${GA_ANALYTICS_ID}`;"},
            ],
        ),
        # ---- llm_call
        tp(
            "llm_call",
            AI_OPS,
            "async function generateScheduleWithGpt(",
            "generateScheduleWithGpt",
            provider="openai",
            note="wrapper: OpenAI chat completion with a tool call",
        ),
        tp(
            "llm_call",
            AI_OPS,
            "const completion = await openAi.chat.completions.create({",
            "generateScheduleWithGpt",
            provider="openai",
        ),
        tp(
            "llm_call",
            AI_OPS,
            "const generatedSchedule = await generateScheduleWithGpt(tasks, hours);",
            "generateGptResponse",
            note="call site of generateScheduleWithGpt",
        ),
        # ---- data_model
        model("User", "the user/account (subscription, credits)"),
        model("GptResponse", "a user's generated plan"),
        model("Task", "a user's task"),
        model("ContactFormMessage", "a user's message to the team"),
    ],
    "not_touchpoints": [
        model_no("DailyStats", "aggregate site/revenue metrics, not about a person"),
        model_no("PageViewSource", "aggregate referrer counts"),
        model_no("Logs", "job error log"),
        no("data_model", "src/payment/plans.ts", "export interface PaymentPlan {", "plan configuration"),
        no("data_model", "src/server/scripts/dbSeeds.ts", 'type MockUserData = Omit<User, "id">;', "seed helper type derived from User"),
        no("data_model", "src/payment/lemonSqueezy/webhookPayload.ts", "const orderDataSchema = z.object({", "webhook payload validator"),
        no("data_model", "src/payment/lemonSqueezy/webhookPayload.ts", "const subscriptionDataSchema = z.object({", "webhook payload validator"),
        no("data_model", "src/user/operations.ts", "type GetPaginatedUsersOutput = {", "query output type"),
        no("data_model", "src/landing-page/components/Testimonials.tsx", "interface Testimonial {", "static marketing content props"),
        no("data_model", "src/demo-ai-app/schedule.ts", "export const taskSchema = z.object({", "LLM tool-output schema"),
        no("notification", "src/client/hooks/use-toast.ts", "function toast({ ...props }: Toast) {", "ephemeral UI toast, not a delivered message"),
        no("notification", "src/demo-ai-app/DemoAppPage.tsx", "toast({", "UI toast (out of credits)", nth=1),
        no("notification", "src/admin/dashboards/messages/MessageButton.tsx", "export function MessageButton() {", "static link to an unfinished messages page"),
        no("notification", "src/file-upload/s3Utils.ts", "await s3Client.send(command);", "AWS S3 command, not a message", nth=1),
        no("notification", "src/file-upload/fileUploading.ts", "return ky.post(s3UploadUrl, {", "browser upload to S3 presigned URL"),
        no("notification", STRIPE_WH, "return response.status(204).send();", "HTTP response", nth=1),
        no("email_send", "src/auth/userSignupFields.ts", "function isAdminEmail(email: string): boolean {", "checks the admin email list"),
        no("email_send", "src/payment/stripe/checkoutUtils.ts", "export async function ensureStripeCustomer(", "looks up a Stripe customer by email"),
        no("webhook_handler", STRIPE_WH, "export const stripeMiddlewareConfigFn: MiddlewareConfigFn = (", "raw-body middleware config for the webhook route"),
        no("webhook_handler", LS_WH, "export const lemonSqueezyMiddlewareConfigFn: MiddlewareConfigFn = (", "raw-body middleware config"),
        no("webhook_handler", POLAR_WH, "export const polarMiddlewareConfigFn: MiddlewareConfigFn = (", "raw-body middleware config"),
        no("webhook_handler", "src/payment/errors.ts", "export class UnhandledWebhookEventError extends Error {", "error class"),
        no("event_tracking", PLAUSIBLE, "const response = await fetch(", "reads Plausible aggregate stats (Stats API)", nth=1),
        no("event_tracking", PLAUSIBLE, "const response = await fetch(url, {", "reads Plausible stats", nth=1),
        no("event_tracking", PLAUSIBLE, "const response = await fetch(url, {", "reads Plausible stats", nth=2),
        no("event_tracking", GA, "const [response] = await analyticsDataClient.runReport({", "reads GA Data API report", nth=1),
        no("event_tracking", GA, "const [response] = await analyticsDataClient.runReport({", "reads GA Data API report", nth=2),
        no("event_tracking", GA, "const [response] = await analyticsDataClient.runReport({", "reads GA Data API report", nth=3),
        no("event_tracking", "src/client/components/cookie-consent/Banner.tsx", "CookieConsent.run(getConfig());", "cookie consent manager, records nothing itself"),
        no("llm_call", AI_OPS, "const openAi = new OpenAI({ apiKey: env.OPENAI_API_KEY });", "client construction, not a call"),
        no("scheduled_job", "src/demo-ai-app/schedule.ts", "export const generatedScheduleSchema = z.object({", "a day-plan schema, not a schedule"),
    ],
    "ambiguous": [
        model_no("File", "a user's uploaded-file record (metadata + S3 key)"),
        no(
            "email_send",
            "src/auth/email-and-pass/emails.ts",
            "export const getVerificationEmailContent: GetVerificationEmailContentFn = ({",
            "content for the verification email Wasp auth sends; not a send",
            alt=[{"file": "src/auth/auth.wasp.ts", "at": "getEmailContentFn: getVerificationEmailContent,"}],
        ),
        no(
            "email_send",
            "src/auth/email-and-pass/emails.ts",
            "export const getPasswordResetEmailContent: GetPasswordResetEmailContentFn = ({",
            "content for the password-reset email Wasp auth sends; not a send",
            alt=[{"file": "src/auth/auth.wasp.ts", "at": "getEmailContentFn: getPasswordResetEmailContent,"}],
        ),
        no(
            "email_send",
            "src/server/emailSender.wasp.ts",
            "export const emailSender: EmailSender = {",
            "email provider configuration (Dummy), not a send",
        ),
        no(
            "email_send",
            STRIPE_WH,
            "async function handleCustomerSubscriptionUpdated(",
            "enclosing function of the only email send",
        ),
        *[
            no("webhook_handler", file, at, "per-event helper of a webhook handler")
            for file, at in WEBHOOK_EVENT_HELPERS
        ],
        no(
            "webhook_handler",
            "src/payment/lemonSqueezy/webhookPayload.ts",
            "export async function parseWebhookPayload(rawPayload: string) {",
            "payload parser used by the Lemon Squeezy handler",
        ),
        no(
            "llm_call",
            AI_OPS,
            "export const generateGptResponse: GenerateGptResponse<",
            "Wasp action whose body calls the LLM wrapper",
        ),
        no(
            "llm_call",
            "src/demo-ai-app/demo-ai-app.wasp.ts",
            'action(generateGptResponse, { entities: ["User", "Task", "GptResponse"] }),',
            "declaration of the LLM-backed action",
        ),
        no(
            "llm_call",
            "src/demo-ai-app/DemoAppPage.tsx",
            "const response = await generateGptResponse({",
            "client call of the LLM-backed action",
        ),
    ],
}
