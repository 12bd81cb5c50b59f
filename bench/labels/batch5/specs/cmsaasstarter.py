"""Batch-5 labels for CMSaasStarter (CriticalMoments/CMSaasStarter, GitHub snapshot cc02c516, 2025-09-29).

SvelteKit 2 + Svelte 5 SaaS starter: Supabase (auth, Postgres via supabase-js, schema in
SQL), Stripe (checkout, customer portal, subscriptions listed on demand - no webhook),
email with the Resend SDK and Handlebars templates. No analytics in code (analytics_docs.md
only describes how to add PostHog / GA).

Written by hand by reading the code with grep before the scanner was ever run on this app;
no scanner output was looked at. Kinds labelled exhaustively: email_send, notification,
webhook_handler, event_tracking, data_model, scheduled_job, llm_call, personize_call.
"""

from bench.labels.resolve import no, tp

PACKAGE = "cmsaasstarter"
OUTPUT = "bench/labels/batch5/cmsaasstarter.json"
ROOT = "/tmp/fc/cmsaasstarter"
SOURCE = {
    "source": "github",
    "repo": "CriticalMoments/CMSaasStarter",
    "commit": "cc02c516e14b2788e96c0f3037814ba2e6f8201e",
    "subdir": "",
    "how": "git archive <commit> | tar -x (whole tree)",
}

ML = "src/lib/mailer.ts"
API = "src/routes/(admin)/account/api/+page.server.ts"
CONTACT = "src/routes/(marketing)/contact_us/+page.server.ts"
SQL = "database_migration.sql"
MIG = "supabase/migrations/20240730010101_initial.sql"
DEFS = "src/DatabaseDefinitions.ts"


def email(file, at, symbol=None, nth=0, note="", **kw):
    return tp("email_send", file, at, symbol, channel="email", provider="resend", nth=nth, note=note, **kw)


def table(name, note):
    return tp(
        "data_model",
        SQL,
        f"create table {name} (",
        name,
        entity=name,
        framework="supabase_sql",
        note=note,
        alt=[{"file": DEFS, "at": f"      {name}: {{"}],
    )


SPEC = {
    "notes": [
        "CMSaasStarter (github CriticalMoments/CMSaasStarter @ cc02c516, 2025-09-29). Paths relative to the repo root. Labelled by hand before any scanner output was looked at.",
        "Out of scope by the rules: *.test.ts (src/lib/mailer.test.ts, account/api/page.server.test.ts, src/index.test.ts), supabase/migrations/** (the same CREATE TABLEs as database_migration.sql, plus an ALTER), static/, the *.md docs (analytics_docs.md, email_docs.md).",
        "email_send: src/lib/mailer.ts has three wrappers: sendAdminEmail (to the fixed admin address; Resend resend.emails.send inside), sendTemplatedEmail (Handlebars .hbs templates -> resend.emails.send) and sendUserEmail (checks the user's verified email and the profiles.unsubscribed flag, then calls sendTemplatedEmail - that call is a call site). Call sites: contact_us submitContactUs (admin email), account/api updateProfile (admin 'Profile Created' email + sendUserEmail welcome email). Supabase Auth sends its own emails on supabase.auth.resetPasswordForEmail (change_password page), supabase.auth.updateUser({ email }) (confirmation of the new address) and from the <Auth> UI widgets (sign up, forgotten password): ambiguous, the app triggers but does not send them. The .hbs templates, the toggleEmailSubscription action (unsubscribe flag) and the `new Resend(` client constructions are not sends.",
        "notification: none (admin alerts go by email and are labelled email_send).",
        "webhook_handler: none. There is no Stripe webhook: subscription state is fetched on demand with stripe.subscriptions.list (subscription_helpers.server.ts). The Supabase auth callback GET /auth/callback (OAuth/email-link code exchange, browser redirect) and hooks.server.ts Handle hooks are not webhooks.",
        "event_tracking: none in code; analytics_docs.md only explains how to add PostHog/GA.",
        "data_model: the three public tables in database_migration.sql (run by hand in the Supabase SQL editor per the README; not under migrations/) with the Supabase-generated Row types in src/DatabaseDefinitions.ts as alts: profiles (user profile), stripe_customers (a user's Stripe customer id), contact_requests (a lead's name/email/phone/company/message). The supabase/migrations copies are not touchpoints (migrations). BlogPost and the pricing plan objects are content/config.",
        "scheduled_job: none. GitHub workflows run on push/pull_request only.",
        "llm_call: none. personize_call: none.",
    ],
    "touchpoints": [
        # ---- email_send: wrappers + provider calls
        email(ML, "export const sendAdminEmail = async ({", "sendAdminEmail", note="wrapper: admin email via Resend"),
        email(ML, "const resp = await resend.emails.send({", "sendAdminEmail", note="Resend SDK send"),
        email(ML, "export const sendUserEmail = async ({", "sendUserEmail", note="wrapper: templated email to a verified, subscribed user"),
        email(ML, "await sendTemplatedEmail({", "sendUserEmail", note="call site of sendTemplatedEmail"),
        email(ML, "export const sendTemplatedEmail = async ({", "sendTemplatedEmail", note="wrapper: Handlebars template -> Resend"),
        email(ML, "const resp = await resend.emails.send(email)", "sendTemplatedEmail", note="Resend SDK send"),
        # ---- email_send: call sites
        email(CONTACT, "await sendAdminEmail({", "submitContactUs", note="call site of sendAdminEmail: new contact request"),
        email(API, "await sendAdminEmail({", "updateProfile", note="call site of sendAdminEmail: profile created"),
        email(API, "await sendUserEmail({", "updateProfile", note="call site of sendUserEmail: welcome email"),
        # ---- data_model
        table("profiles", "user profile (full name, company, website, avatar, unsubscribed)"),
        table("stripe_customers", "a user's Stripe customer id"),
        table("contact_requests", "contact-us lead (name, email, phone, company, message)"),
    ],
    "not_touchpoints": [
        no("email_send", ML, "const resend = new Resend(env.PRIVATE_RESEND_API_KEY)", "client construction, not a send", nth=1),
        no("email_send", ML, "const resend = new Resend(env.PRIVATE_RESEND_API_KEY)", "client construction, not a send", nth=2),
        no("email_send", API, "toggleEmailSubscription: async ({ locals: { supabase, safeGetSession } }) => {", "flips the profile's unsubscribed flag; sends nothing"),
        no("email_send", "src/lib/emails/welcome_email_text.hbs", "Welcome to {{{companyName}}}!", "email template text, not a send"),
        no("email_send", "src/lib/mailer.test.ts", 'describe("sendTemplatedEmail", () => {', "test"),
        no("data_model", MIG, "create table profiles (", "migration (same table as database_migration.sql)"),
        no("data_model", MIG, "create table stripe_customers (", "migration"),
        no("data_model", MIG, "create table contact_requests (", "migration"),
        no("data_model", "src/routes/(marketing)/blog/posts.ts", "export type BlogPost = {", "static blog content metadata"),
        no("webhook_handler", "src/routes/(marketing)/auth/callback/+server.js", "export const GET = async ({ url, locals: { supabase } }) => {", "OAuth/email-link code exchange on a browser redirect, not a system event"),
        no("webhook_handler", "src/hooks.server.ts", "export const supabase: Handle = async ({ event, resolve }) => {", "SvelteKit server hook (request middleware), not a webhook"),
        no("scheduled_job", ".github/workflows/build.yml", "on: [push, pull_request]", "CI on push, not scheduled"),
    ],
    "ambiguous": [
        no(
            "email_send",
            "src/routes/(admin)/account/(menu)/settings/change_password/+page.svelte",
            ".resetPasswordForEmail(email, {",
            "Supabase Auth sends the reset email; the app only triggers it",
        ),
        no(
            "email_send",
            API,
            "const { error } = await supabase.auth.updateUser({ email: email })",
            "Supabase Auth sends a confirmation email to the new address as a side effect",
        ),
        no(
            "email_send",
            "src/routes/(marketing)/login/forgot_password/+page.svelte",
            'view="forgotten_password"',
            "Supabase Auth UI widget that triggers the reset email",
        ),
        no(
            "email_send",
            "src/routes/(marketing)/login/sign_up/+page.svelte",
            'view="sign_up"',
            "Supabase Auth UI sign-up triggers Supabase's confirmation email",
        ),
    ],
}
