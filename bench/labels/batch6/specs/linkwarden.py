"""First-contact labels for Linkwarden (bookmark manager; yarn monorepo: Next.js pages-router
web app, background worker, Expo mobile app, shared Prisma/lib packages) from GitHub.

Written by reading the code with grep before the scanner was ever run on this repository.
"""

from bench.labels.resolve import no, tp

PACKAGE = "linkwarden"
OUTPUT = "bench/labels/batch6/linkwarden.json"
ROOT = "/tmp/fc/linkwarden"
SOURCE = {
    "source": "github",
    "repo": "linkwarden/linkwarden",
    "commit": "7550ebb8907e0cd22e8b3e0785bf3da03ab96e3a",
    "subdir": "",
    "how": "git archive HEAD of the fetched snapshot (Merge pull request #1805 from linkwarden/dev, 2026-08-17)",
}

SCHEMA = "packages/prisma/schema.prisma"
NA = "apps/web/pages/api/v1/auth/[...nextauth].ts"
API = "apps/web/lib/api"
WH = "apps/web/pages/api/v1/webhooks"
TRIAL = "apps/worker/workers/trialEndEmailWorker.ts"
AUTOTAG = "apps/worker/lib/autoTagLink.ts"
WORKER = "apps/worker/worker.ts"


def email(file, at, symbol=None, nth=0, **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, **kw)


def model(name, **kw):
    return tp(
        "data_model", SCHEMA, f"model {name} {{", name, entity=name, framework="prisma", **kw
    )


def model_no(name, why):
    return no("data_model", SCHEMA, f"model {name} {{", why)


# (file, wrapper name) for the four mail helpers in apps/web/lib/api, each a thin
# Handlebars-template + transporter.sendMail wrapper.
MAIL_HELPERS = [
    ("sendPasswordResetRequest.ts", "sendPasswordResetRequest", "password reset email"),
    ("sendVerificationRequest.ts", "sendVerificationRequest", "sign-in / email verification"),
    (
        "sendChangeEmailVerificationRequest.ts",
        "sendChangeEmailVerificationRequest",
        "email-change verification",
    ),
    ("sendInvitationRequest.ts", "sendInvitationRequest", "team-member invitation"),
]

# Client-side next-auth signIn("email"/"invite") calls: each makes the server run the
# EmailProvider sendVerificationRequest callback, i.e. sends an email, but from the browser.
CLIENT_SIGNINS = [
    ("apps/web/components/ModalContent/InviteModal.tsx", 'await signIn("invite", {', "InviteModal"),
    ("apps/web/pages/settings/billing.tsx", 'signIn("invite", {', "Billing"),
    ("apps/web/pages/confirmation.tsx", 'const res = await signIn("email", {', "resend"),
    ("apps/web/pages/register.tsx", 'await signIn("email", {', "registerUser"),
    ("apps/web/pages/login.tsx", 'await signIn("email", {', "loginUser"),
]

SPEC = {
    "notes": [
        "Linkwarden monorepo at commit 7550ebb8 (GitHub linkwarden/linkwarden, HEAD of the fetched snapshot). ROOT is the whole repository: apps/web (Next.js pages router + next-auth), apps/worker (tsx background loops), apps/mobile (Expo), packages/{prisma,lib,router,types,filesystem}. Labelled by hand before any scanner output was looked at.",
        "Excluded by the rules: *.test.ts / *.spec.ts, apps/web/e2e/**, packages/prisma/migrations/**, packages/prisma/seed.js (demo seed data), apps/web/scripts/migration/** (one-off data migration scripts), public/ assets and locales, email HTML templates (apps/web/templates, apps/worker/templates: Handlebars bodies, no sending code). The mobile app is included; its only labelled items are traps/ambiguous (no push, no analytics, Sentry only).",
        "email_send: packages/lib/transporter.ts creates the single nodemailer transport (ambiguous: setup, not a send). Four named wrappers in apps/web/lib/api (sendPasswordResetRequest, sendVerificationRequest, sendChangeEmailVerificationRequest, sendInvitationRequest) each call transporter.sendMail; their server-side call sites are labelled. next-auth's two EmailProvider configs (ids 'email' and 'invite') override sendVerificationRequest with inline callbacks that call those wrappers: the callbacks are wrappers (the EmailProvider( line is an alt). deleteUserById sends an internal cancellation-feedback email to hello@linkwarden.app (still an email_send). apps/worker trialEndEmailWorker is a trial-ended lifecycle email batch loop; its start call in worker.ts is commented out, but the code is live in the repo, so the def and its sendMail are touchpoints.",
        "email_send ambiguous: browser-side next-auth signIn('email'|'invite') calls (they make the server send a verification/invite email), the web forgot-password form POST, and the mobile store's requestVerificationEmail (POSTs to the API endpoint that sends the mail). Not email_send: updateStripeCustomerEmail / checkStripeSubscriptionByEmail (Stripe customer lookups), verify-email / verify-email-token / reset-password endpoints (consume tokens, send nothing).",
        "notification: none. There is no Slack/Discord/push/SMS/outgoing webhook code (Slack/Discord appear only as next-auth OAuth sign-in providers). Ambiguous: the web Announcement banner (a global announcement fetched from linkwarden.app, dismissal stored on the user) and the mobile What's New sheet. Not notifications: react-hot-toast toasts (transient UI feedback), sendToWayback (asks the Internet Archive to save a URL).",
        "webhook_handler: Stripe (/api/v1/webhooks/stripe with constructEvent; the legacy /api/v1/webhook route re-exports the same handler and is labelled at its export), App Store Server Notifications V2 and Google Play RTDN (Pub/Sub push) handlers. handleStripeSubscription (the event processor the Stripe handler calls) is ambiguous; payment checkout and verify-store-purchase (the mobile app posting its own receipt) are not webhooks.",
        "scheduled_job: no cron/Vercel/GitHub-Actions schedules. The worker runs infinite while(true)+delay loops started from worker.ts init(). startRSSPolling re-polls every RSS subscription on a fixed period (NEXT_PUBLIC_RSS_POLLING_INTERVAL_MINUTES, default 60): a touchpoint (alt: its start call in worker.ts). The queue drainers that poll the DB every ARCHIVE_SCRIPT_INTERVAL seconds for pending work (linkProcessing, autoTagPreservedLinks, startIndexing) and the disabled trialEndEmailWorker batch loop are ambiguous. migrationWorker runs once at startup and apps/worker/index.ts is a restart supervisor: not.",
        "llm_call: apps/worker/lib/autoTagLink.ts calls Vercel AI SDK generateText (model chosen by getAIModel among OpenAI-compatible, Azure, Anthropic, Ollama, OpenRouter, Perplexity). autoTagLink is the wrapper; its one call site is in autoTagPreservedLinks. getAIModel (provider/model factory, no generation) is ambiguous; prompts.ts templates are not.",
        "event_tracking: none (no product analytics anywhere). Sentry in the mobile app is error monitoring: not. personize_call: none.",
        "data_model: Prisma schema only. User, Subscription (billing, Stripe/App Store/Play), Link (a user's saved bookmark), Collection (user-owned folder with members) and Highlight (user-authored annotation) are touchpoints. Account (next-auth OAuth link), Tag, RssSubscription, UsersAndCollections (membership with permissions), WhitelistedUser are ambiguous; tokens (VerificationToken, PasswordResetToken, AccessToken), DashboardSection (per-user layout config) and AppMigration are not. Prisma enums are not labelled. TS interfaces in packages/types derived from the Prisma models are DTOs: AccountSettings (User + settings fields) and Member are ambiguous, the rest unlabelled.",
    ],
    "touchpoints": [
        # ---- email_send: the four mail helpers and their provider calls
        *[
            item
            for file, name, what in MAIL_HELPERS
            for item in (
                email(
                    f"{API}/{file}",
                    f"export default async function {name}(",
                    name,
                    note=f"wrapper: {what} via nodemailer",
                ),
                email(f"{API}/{file}", "transporter.sendMail({", name, provider="nodemailer"),
            )
        ],
        # next-auth EmailProvider callbacks (override of next-auth's own mailer)
        email(
            NA,
            "async sendVerificationRequest({ identifier, url, provider, token }: any) {",
            "sendVerificationRequest",
            nth=1,
            provider="next-auth",
            alt=[{"at": "EmailProvider({", "nth": 1}],
            note="wrapper: next-auth EmailProvider 'email' sendVerificationRequest callback",
        ),
        email(
            NA,
            "async sendVerificationRequest({ identifier, url, provider, token }: any) {",
            "sendVerificationRequest",
            nth=2,
            provider="next-auth",
            alt=[{"at": "EmailProvider({", "nth": 2}],
            note="wrapper: next-auth EmailProvider 'invite' sendVerificationRequest callback",
        ),
        # call sites of the helpers
        email(
            NA,
            "        sendVerificationRequest({",
            "sendVerificationRequest",
            note="call site of sendVerificationRequest",
        ),
        email(
            NA,
            "sendInvitationRequest({",
            "sendVerificationRequest",
            note="call site of sendInvitationRequest",
        ),
        email(
            "apps/web/pages/api/v1/auth/request-verification-email.ts",
            "    sendVerificationRequest({",
            "requestVerificationEmail",
            note="call site of sendVerificationRequest",
        ),
        email(
            "apps/web/pages/api/v1/auth/forgot-password.ts",
            'sendPasswordResetRequest(user.email, user.name || "Linkwarden User");',
            "forgotPassword",
            note="call site of sendPasswordResetRequest",
        ),
        email(
            f"{API}/controllers/users/userId/updateUserById.ts",
            "sendChangeEmailVerificationRequest(",
            "updateUserById",
            note="call site of sendChangeEmailVerificationRequest",
        ),
        # direct sends
        email(
            f"{API}/controllers/users/userId/deleteUserById.ts",
            "await transporter.sendMail({",
            "deleteUserById",
            provider="nodemailer",
            note="internal cancellation-feedback email to the Linkwarden team",
        ),
        email(
            TRIAL,
            "export async function trialEndEmailWorker() {",
            "trialEndEmailWorker",
            note="wrapper: trial-ended lifecycle email batch job (start call commented out in worker.ts)",
        ),
        email(
            TRIAL,
            "await transporter.sendMail({",
            "trialEndEmailWorker",
            provider="nodemailer",
        ),
        # ---- webhook_handler
        tp(
            "webhook_handler",
            f"{WH}/stripe.ts",
            "export default async function webhook(",
            "webhook",
            provider="stripe",
            alt=[{"at": "stripe.webhooks.constructEvent(body, signature, endpointSecret)"}],
        ),
        tp(
            "webhook_handler",
            "apps/web/pages/api/v1/webhook/index.ts",
            "export default webhook;",
            "webhook",
            provider="stripe",
            note="legacy /api/v1/webhook route re-exporting the Stripe handler",
        ),
        tp(
            "webhook_handler",
            f"{WH}/app-store.ts",
            "export default async function appStoreWebhook(",
            "appStoreWebhook",
            provider="app_store",
        ),
        tp(
            "webhook_handler",
            f"{WH}/google-play.ts",
            "export default async function googlePlayWebhook(",
            "googlePlayWebhook",
            provider="google_play",
        ),
        # ---- scheduled_job
        tp(
            "scheduled_job",
            "apps/worker/workers/rssPolling.ts",
            "export async function startRSSPolling() {",
            "startRSSPolling",
            alt=[{"file": WORKER, "at": "  startRSSPolling();"}],
            note="worker loop re-polling all RSS feeds every N minutes (default 60)",
        ),
        # ---- llm_call
        tp(
            "llm_call",
            AUTOTAG,
            "export default async function autoTagLink(",
            "autoTagLink",
            note="wrapper: AI tagging of a saved link",
        ),
        tp(
            "llm_call",
            AUTOTAG,
            "const { text } = await generateText({",
            "autoTagLink",
            provider="vercel_ai_sdk",
        ),
        tp(
            "llm_call",
            "apps/worker/workers/autoTagPreservedLinks.ts",
            "await autoTagLink(link.collection.owner, link.id);",
            "autoTagPreservedLinks",
            note="call site of autoTagLink",
        ),
        # ---- data_model
        model("User", note="the user"),
        model("Subscription", note="a user's paid subscription (Stripe / App Store / Play)"),
        model("Link", note="a user's saved bookmark"),
        model("Collection", note="a user-owned folder of links with members"),
        model("Highlight", note="a user-authored highlight/annotation on a link"),
    ],
    "not_touchpoints": [
        model_no("VerificationToken", "auth token"),
        model_no("PasswordResetToken", "auth token"),
        model_no("AccessToken", "API/session token"),
        model_no("DashboardSection", "per-user dashboard layout configuration"),
        model_no("AppMigration", "data-migration bookkeeping"),
        no(
            "data_model",
            "apps/mobile/lib/queryPersister.ts",
            "CREATE TABLE IF NOT EXISTS cache (",
            "mobile key/value query cache",
        ),
        no(
            "email_send",
            f"{API}/billing/updateStripeCustomerEmail.ts",
            "export default async function updateCustomerEmail(",
            "updates the Stripe customer's email address; sends nothing",
        ),
        no(
            "email_send",
            f"{API}/billing/checkStripeSubscriptionByEmail.ts",
            "export default async function checkStripeSubscriptionByEmail(",
            "Stripe lookup by email",
        ),
        no(
            "email_send",
            "apps/web/pages/api/v1/auth/verify-email.ts",
            "export default async function verifyEmail(",
            "consumes an email-change token; sends nothing",
        ),
        no(
            "email_send",
            "apps/web/pages/api/v1/auth/verify-email-token.ts",
            "export default async function verifyEmailToken(",
            "consumes a verification token; sends nothing",
        ),
        no(
            "notification",
            "apps/worker/lib/preservationScheme/sendToWayback.ts",
            "export default async function sendToWayback(url: string) {",
            "asks the Internet Archive to snapshot a URL; no message to a person",
        ),
        no(
            "notification",
            "apps/web/pages/_app.tsx",
            "<Toaster",
            "react-hot-toast: transient UI feedback",
        ),
        no(
            "notification",
            "apps/web/lib/api/authProviders.ts",
            'import SlackProvider from "next-auth/providers/slack";',
            "Slack as an OAuth sign-in provider",
        ),
        no(
            "event_tracking",
            "apps/mobile/app/_layout.tsx",
            "Sentry.init({",
            "error monitoring, not product analytics",
        ),
        no(
            "scheduled_job",
            "apps/worker/workers/migrationWorker.ts",
            "export async function migrationWorker() {",
            "runs once at worker startup",
        ),
        no(
            "scheduled_job",
            "apps/worker/index.ts",
            "setTimeout(launch, 5000);",
            "restarts the crashed worker process",
        ),
        no(
            "webhook_handler",
            "apps/web/pages/api/v1/billing/verify-store-purchase.ts",
            "export default async function verifyStorePurchase(",
            "the app's own client posting a store receipt, not an external event",
        ),
        no(
            "webhook_handler",
            "apps/web/pages/api/v1/payment/index.ts",
            "export default async function users(",
            "starts a Stripe checkout session",
        ),
        no(
            "llm_call",
            "apps/worker/lib/prompts.ts",
            "export const generateTagsPrompt = (text: string) => `",
            "prompt template, no call",
        ),
    ],
    "ambiguous": [
        model_no("Account", "next-auth OAuth account linked to a user (credentials)"),
        model_no("Tag", "a user's tag"),
        model_no("RssSubscription", "a user's feed subscription for a collection"),
        model_no("UsersAndCollections", "membership join table with permission flags"),
        model_no("WhitelistedUser", "a user's allow-list entry"),
        no(
            "data_model",
            "packages/types/global.ts",
            "export interface AccountSettings extends User {",
            "TS DTO extending the Prisma User",
        ),
        no(
            "data_model",
            "packages/types/global.ts",
            "export interface Member {",
            "TS DTO of a collection member",
        ),
        no(
            "email_send",
            "packages/lib/transporter.ts",
            "export default createTransport({",
            "the shared nodemailer transport: setup, not a send",
        ),
        *[
            no(
                "email_send",
                file,
                at,
                "browser-side next-auth signIn that makes the server send a verification/invite email",
            )
            for file, at, _symbol in CLIENT_SIGNINS
        ],
        no(
            "email_send",
            "apps/web/pages/forgot.tsx",
            'const response = await fetch("/api/v1/auth/forgot-password", {',
            "browser POST to the endpoint that sends the password-reset email",
        ),
        no(
            "email_send",
            "apps/mobile/store/auth.ts",
            "const requestVerificationEmail = async (email: string, instance: string) => {",
            "mobile client POST to the endpoint that sends the verification email",
        ),
        no(
            "notification",
            "apps/web/components/Announcement.tsx",
            "export default function Announcement({",
            "in-app announcement banner (global message fetched from linkwarden.app)",
            channel="in_app",
        ),
        no(
            "notification",
            "apps/mobile/components/ActionSheets/WhatsNewSheet.tsx",
            "export default function WhatsNewSheet() {",
            "in-app what's-new sheet (static release notes)",
            channel="in_app",
        ),
        no(
            "webhook_handler",
            f"{API}/billing/handleStripeSubscription.ts",
            "export default async function handleSubscription({",
            "processor of Stripe webhook events, not the endpoint",
        ),
        no(
            "scheduled_job",
            "apps/worker/workers/linkProcessing.ts",
            "export async function linkProcessing(interval = 10) {",
            "queue drainer polling the DB every few seconds",
        ),
        no(
            "scheduled_job",
            "apps/worker/workers/autoTagPreservedLinks.ts",
            "export async function autoTagPreservedLinks(interval = 10) {",
            "queue drainer polling the DB every few seconds",
        ),
        no(
            "scheduled_job",
            "apps/worker/workers/linkIndexing.ts",
            "export async function startIndexing(interval = 10) {",
            "queue drainer polling the DB every few seconds",
        ),
        no(
            "scheduled_job",
            TRIAL,
            "export async function trialEndEmailWorker() {",
            "periodic batch loop (30 s pauses); its start call is commented out",
        ),
        no(
            "llm_call",
            AUTOTAG,
            "const getAIModel = (): LanguageModelV2 => {",
            "LLM provider/model factory, no generation",
        ),
    ],
}
