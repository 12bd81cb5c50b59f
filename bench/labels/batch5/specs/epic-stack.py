"""Batch-5 labels for the Epic Stack (epicweb-dev/epic-stack, GitHub snapshot f64d6907, 2026-08-02).

React Router 7 (ex-Remix) full-stack template: Express server, Prisma on SQLite/LiteFS,
email through Resend's HTTP API with a plain fetch (no SDK) and React Email templates,
Sentry for error/performance monitoring, Tigris/S3 uploads via signed fetch, GitHub OAuth.

Written by hand by reading the code with grep before the scanner was ever run on this app;
no scanner output was looked at. Kinds labelled exhaustively: email_send, notification,
webhook_handler, event_tracking, data_model, scheduled_job, llm_call, personize_call.
Excluded: docs/ (incl. docs/decisions and docs/skills), tests/ and *.test.ts(x),
prisma/migrations, prisma/seed.ts, remix.init/ (the one-shot `create-epic-app` setup
script), public/.
"""

from bench.labels.resolve import no, tp

PACKAGE = "epic-stack"
OUTPUT = "bench/labels/batch5/epic-stack.json"
ROOT = "/tmp/fc/epic-stack"
SOURCE = {
    "source": "github",
    "repo": "epicweb-dev/epic-stack",
    "commit": "f64d690722d8260a055bb63b042de877ab3f6a18",
    "subdir": "",
    "how": "git archive <commit> | tar -x (whole tree)",
}

EM = "app/utils/email.server.ts"
SCHEMA = "prisma/schema.prisma"
CE = "app/routes/settings/profile/change-email.tsx"
CES = "app/routes/settings/profile/change-email.server.tsx"
FP = "app/routes/_auth/forgot-password.tsx"
SU = "app/routes/_auth/signup.tsx"
TOAST = "app/utils/toast.server.ts"


def email(file, at, symbol=None, nth=0, note="call site of utils/email.server.sendEmail", **kw):
    return tp("email_send", file, at, symbol, channel="email", provider="resend", nth=nth, note=note, **kw)


def model(name, note, **kw):
    return tp("data_model", SCHEMA, f"model {name} {{", name, entity=name, framework="prisma", note=note, **kw)


def model_no(name, why):
    return no("data_model", SCHEMA, f"model {name} {{", why)


SPEC = {
    "notes": [
        "Epic Stack (github epicweb-dev/epic-stack @ f64d6907, 2026-08-02). Paths relative to the repo root. Labelled by hand before any scanner output was looked at.",
        "Out of scope by the rules: docs/** (incl. docs/decisions and docs/skills examples), tests/** and *.test.ts(x) (tests/mocks/resend.ts mocks the Resend endpoint), prisma/migrations, prisma/seed.ts, remix.init/** (the one-shot create-epic-app setup script that calls the GitHub and Fly APIs), public/.",
        "email_send: app/utils/email.server.ts sendEmail is the wrapper; its provider call is a raw fetch('https://api.resend.com/emails', POST) with a Bearer key - no Resend SDK import, so only the URL identifies the provider. Four call sites: signup (onboarding OTP), forgot-password (reset OTP), change-email (verification to the new address) and change-email.server handleVerification (notice to the old address, fire-and-forget `void sendEmail(`). The React Email templates next to them (SignupEmail, ForgotPasswordEmail, EmailChangeEmail, EmailChangeNoticeEmail), renderReactEmail and prepareVerification (makes the OTP/URL the email carries) are not sends. The GitHub /user/emails fetch reads addresses.",
        "notification: none. Toasts (toast.server redirectWithToast/createToastHeaders flash a cookie; components/toaster useToast shows it with sonner) are ephemeral UI feedback: not touchpoints. Other fetches: LiteFS cache replication to the primary instance (updatePrimaryCacheValue), S3/Tigris signed PUT upload, Have-I-Been-Pwned range lookup, the healthcheck HEAD to itself, GitHub OAuth profile reads: not deliveries.",
        "webhook_handler: none. The OAuth callback loader (auth.$provider/callback.ts) is a browser redirect, not a system event; admin/cache/sqlite action receives cache writes from the app's own replicas (internal command token): not touchpoints.",
        "event_tracking: none (no product analytics). Sentry is error/performance monitoring: server init and captureException are not touchpoints; the client Sentry.init enables replayIntegration (session replay, 10% of sessions) which does record user behaviour: ambiguous.",
        "data_model (prisma/schema.prisma): User and Note (a user's note) are touchpoints; Connection (OAuth provider link), Role (RBAC role assigned to users), UserImage (profile photo record) and NoteImage (a note's image attachment) are ambiguous; Password (hash), Session (id + expiry only), Permission (RBAC config), Verification (OTP store) and Passkey (WebAuthn credential) are not.",
        "scheduled_job: none. .github/workflows/deploy.yml runs on push/pull_request only; fly.toml/litefs.yml have no cron; no in-process schedulers (the setTimeouts are UI/stream timeouts).",
        "llm_call: none. personize_call: none.",
    ],
    "touchpoints": [
        # ---- email_send
        email(EM, "export async function sendEmail({", "sendEmail", note="wrapper: Resend HTTP API via fetch"),
        email(EM, "const response = await fetch('https://api.resend.com/emails', {", "sendEmail", note="Resend REST call (raw fetch, no SDK)"),
        email(SU, "const response = await sendEmail({", "action", note="call site of sendEmail: signup/onboarding OTP email"),
        email(FP, "const response = await sendEmail({", "action", note="call site of sendEmail: password reset email"),
        email(CE, "const response = await sendEmail({", "action", note="call site of sendEmail: email-change verification"),
        email(CES, "void sendEmail({", "handleVerification", note="call site of sendEmail: email-changed notice to the old address"),
        # ---- data_model
        model("User", "the user (email, username, name)"),
        model("Note", "a user's note"),
    ],
    "not_touchpoints": [
        # data_model
        model_no("Password", "password hash of a user (credential)"),
        model_no("Session", "auth session (id + expiration only)"),
        model_no("Permission", "RBAC permission configuration"),
        model_no("Verification", "OTP / verification secret store"),
        model_no("Passkey", "WebAuthn credential"),
        no("data_model", "app/utils/toast.server.ts", "export type Toast = z.infer<typeof ToastSchema>", "flash-message type"),
        # email_send look-alikes
        no("email_send", EM, "async function renderReactEmail(react: ReactElement) {", "renders a template to html/text, no delivery"),
        no("email_send", SU, "export function SignupEmail({", "React Email template, render only"),
        no("email_send", FP, "function ForgotPasswordEmail({", "React Email template, render only"),
        no("email_send", CES, "export function EmailChangeEmail({", "React Email template, render only"),
        no("email_send", CES, "function EmailChangeNoticeEmail({ userId }: { userId: string }) {", "React Email template, render only"),
        no("email_send", "app/routes/_auth/verify.server.ts", "export async function prepareVerification({", "creates the OTP and verify URL; the caller sends the email"),
        no("email_send", "app/utils/providers/github.server.ts", "const emailsResponse = await fetch(", "reads the user's GitHub email addresses"),
        no("email_send", "tests/mocks/resend.ts", "http.post(`https://api.resend.com/emails`, async ({ request }) => {", "MSW test mock of the Resend API"),
        # notification look-alikes
        no("notification", TOAST, "export async function redirectWithToast(", "flash-cookie UI toast, not a delivered message"),
        no("notification", TOAST, "export async function createToastHeaders(toastInput: ToastInput) {", "flash-cookie UI toast"),
        no("notification", "app/components/toaster.tsx", "showToast[toast.type](toast.title, {", "sonner UI toast"),
        no("notification", "app/routes/admin/cache/sqlite.server.ts", "return fetch(`${domain}/admin/cache/sqlite`, {", "internal LiteFS cache replication to the primary instance"),
        no("notification", "app/utils/storage.server.ts", "const uploadResponse = await fetch(url, {", "S3/Tigris signed PUT upload"),
        no("notification", "app/utils/auth.server.ts", "const response = await fetch(", "Have I Been Pwned range lookup"),
        no("notification", "app/routes/resources/healthcheck.tsx", "fetch(`${new URL(request.url).protocol}${host}`, {", "healthcheck HEAD request to itself"),
        # webhook_handler look-alikes
        no("webhook_handler", "app/routes/_auth/auth.$provider/callback.ts", "export async function loader({ request, params }: Route.LoaderArgs) {", "OAuth redirect callback from the browser, not a system event"),
        no("webhook_handler", "app/routes/admin/cache/sqlite.server.ts", "export async function action({ request }: Route.ActionArgs) {", "internal cache-replication endpoint between the app's own instances"),
        # event_tracking look-alikes
        no("event_tracking", "server/utils/monitoring.ts", "Sentry.init({", "Sentry error/performance monitoring, not product analytics"),
        no("event_tracking", "app/entry.server.tsx", "Sentry.captureException(error)", "error reporting"),
        no("event_tracking", "server/index.ts", "Sentry.captureException(err)", "error reporting"),
        # scheduled_job look-alikes
        no("scheduled_job", ".github/workflows/deploy.yml", "  push:", "CI/deploy on push, not scheduled"),
    ],
    "ambiguous": [
        model_no("Connection", "OAuth provider account linked to a user (auth data)"),
        model_no("Role", "RBAC role assigned to users (config, but says what a user is)"),
        model_no("UserImage", "a user's profile photo record (alt text + storage key)"),
        model_no("NoteImage", "image attachment of a user's note (alt text + storage key)"),
        no(
            "event_tracking",
            "app/utils/monitoring.client.tsx",
            "Sentry.init({",
            "Sentry client monitoring with replayIntegration: session replay records user behaviour, but it is error/perf tooling, not product analytics",
            alt=[{"file": "app/entry.client.tsx", "at": "void import('./utils/monitoring.client.tsx').then(({ init }) => init())"}],
        ),
    ],
}
