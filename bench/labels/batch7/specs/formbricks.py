"""Batch 7 labels for Formbricks (pnpm/turbo monorepo: apps/web Next.js + packages/*), from GitHub.

Written by reading the code with grep before the scanner was ever run on it. No scanner
output was looked at while labelling.
"""

from bench.labels.resolve import no, tp

PACKAGE = "formbricks"
OUTPUT = "bench/labels/batch7/formbricks.json"
ROOT = "/tmp/fc7/formbricks"
SOURCE = {
    "source": "github",
    "repo": "formbricks/formbricks",
    "commit": "b66c1dd978af618a0e402bd3343b456bed68594c",
}

EM = "apps/web/modules/email/index.tsx"
AUTH = "apps/web/modules/auth/lib/auth.ts"
FU = "apps/web/modules/survey/follow-ups/lib/email.ts"
FUS = "apps/web/modules/survey/follow-ups/lib/follow-ups.ts"
PIPE = "apps/web/modules/response-pipeline/lib/process-response-pipeline-job.ts"
INTEG = "apps/web/modules/response-pipeline/lib/handle-integrations.ts"
WF = "apps/web/modules/ee/workflows/lib/runner/process-workflow-run-job.ts"
SLACK = "apps/web/lib/slack/service.ts"
HOOKS = "apps/web/modules/integrations/webhooks/lib/webhook.ts"
TEAMS = "apps/web/modules/organization/settings/teams/actions.ts"
DEL = "apps/web/modules/account/lib/better-auth-account-deletion-request.ts"
AISVC = "apps/web/lib/ai/service.ts"
PHC = "apps/web/lib/posthog/capture.ts"
REC = "packages/jobs/src/recurring.ts"
RECREG = "apps/web/lib/jobs/recurring-registrations.ts"
SCHEMA = "packages/database/schema/main.prisma"
WSCHEMA = "packages/database/schema/workflows.prisma"
BREVO = "apps/web/modules/auth/lib/brevo.ts"
PROFILE = "apps/web/app/(app)/workspaces/[workspaceId]/settings/account/profile/actions.ts"
SUMMARY = "apps/web/app/(app)/workspaces/[workspaceId]/surveys/[surveyId]/(analysis)/summary/actions.ts"


def email(file, at, symbol=None, nth=0, note="call site of modules/email sendEmail", **kw):
    if note:
        kw["note"] = note
    return tp("email_send", file, at, symbol, channel="email", nth=nth, **kw)


# The per-purpose wrappers in modules/email/index.tsx, in file order: each renders a
# react-email template and calls sendEmail (the nth "await sendEmail({" in the file).
EMAIL_WRAPPERS = [
    "sendVerificationNewEmail",
    "sendVerificationEmail",
    "sendPasswordResetLinkEmail",
    "sendDeleteAccountConfirmationEmail",
    "sendVerificationLinkEmail",
    "sendPasswordResetNotifyEmail",
    "sendInviteMemberEmail",
    "sendInviteAcceptedEmail",
    "sendResponseFinishedEmail",
    "sendEmbedSurveyPreviewEmail",
    "sendEmailCustomizationPreviewEmail",
    "sendLinkSurveyToVerifiedEmail",
]

# Call sites elsewhere of those wrappers: (file, snippet, nth, enclosing symbol, wrapper name).
EMAIL_CALLS = [
    ("apps/web/modules/auth/signup/actions.ts", "await sendInviteAcceptedEmail(", 0, "handleInviteAcceptance", "sendInviteAcceptedEmail"),
    ("apps/web/modules/auth/invite/page.tsx", "await sendInviteAcceptedEmail(", 0, "InvitePage", "sendInviteAcceptedEmail"),
    ("apps/web/modules/auth/verification-requested/actions.ts", "await sendVerificationEmail({", 0, "resendVerificationEmailAction", "sendVerificationEmail"),
    (DEL, "await sendDeleteAccountConfirmationEmail({", 0, "requestSsoAccountDeletionEmail", "sendDeleteAccountConfirmationEmail"),
    (PIPE, "await sendResponseFinishedEmail(", 0, "sendNotificationEmailsSafely", "sendResponseFinishedEmail"),
    ("apps/web/modules/survey/link/actions.ts", "await sendLinkSurveyToVerifiedEmail(", 0, "sendLinkSurveyEmailAction", "sendLinkSurveyToVerifiedEmail"),
    ("apps/web/modules/ee/whitelabel/email-customization/actions.ts", "await sendEmailCustomizationPreviewEmail(", 0, "sendTestEmailAction", "sendEmailCustomizationPreviewEmail"),
    ("apps/web/modules/ee/sso/lib/sso-recovery.ts", "await sendVerificationEmail({", 0, "startSsoRecovery", "sendVerificationEmail"),
    ("apps/web/modules/setup/organization/[organizationId]/invite/actions.ts", "await sendInviteMemberEmail(", 0, "inviteOrganizationMemberAction", "sendInviteMemberEmail"),
    (TEAMS, "await sendInviteMemberEmail(", 1, "resendInviteAction", "sendInviteMemberEmail"),
    (TEAMS, "await sendInviteMemberEmail(", 2, "inviteUserAction", "sendInviteMemberEmail"),
    (TEAMS, "await sendInviteMemberEmail(", 3, "bulkInviteUsersAction", "sendInviteMemberEmail"),
    (PROFILE, "await sendVerificationNewEmail(", 0, "handleEmailUpdate", "sendVerificationNewEmail"),
    (SUMMARY, "return await sendEmbedSurveyPreviewEmail(", 0, "sendEmbedSurveyPreviewEmailAction", "sendEmbedSurveyPreviewEmail"),
    (AUTH, "const sent = await sendPasswordResetLinkEmail({", 0, "sendResetPassword", "sendPasswordResetLinkEmail"),
    (AUTH, "await sendPasswordResetNotifyEmail({ email: user.email", 0, "onPasswordReset", "sendPasswordResetNotifyEmail"),
    (AUTH, "const sent = await sendVerificationLinkEmail({", 0, "sendVerificationEmail", "sendVerificationLinkEmail"),
]

NOTE_PH_WRAPPER = "call site of lib/posthog capture wrapper (posthog-node)"


def et(file, at, symbol=None, nth=0, **kw):
    direct = "posthog." in at
    note = kw.pop("note", None) or (None if direct else NOTE_PH_WRAPPER)
    extra = {"provider": "posthog"}
    if note:
        extra["note"] = note
    return tp("event_tracking", file, at, symbol, nth=nth, **extra, **kw)


def model(name, file=SCHEMA, **kw):
    return tp("data_model", file, f"model {name} {{", name, entity=name, framework="prisma", **kw)


def model_no(name, why, file=SCHEMA):
    return no("data_model", file, f"model {name} {{", why)


MODELS = ["User", "Contact", "ContactAttribute", "Response", "Display", "Organization",
          "OrganizationBilling", "Membership", "Invite"]

AMBIGUOUS_MODELS = [
    ("Account", "auth-provider account linked to a User (OAuth/credential login), not a customer account"),
    ("Team", "group of users inside an organisation; org-like but mostly an access-control unit"),
    ("TeamUser", "user<->team link carrying a role"),
    ("Workspace", "project/environment container owned by an organisation"),
    ("Survey", "product content (a survey definition) rather than a person or a record about one"),
    ("Segment", "saved filter over contacts (targeting definition)"),
    ("WorkflowRun", "automation run triggered by a response; a per-response record but mostly execution state"),
]

NOT_MODELS = [
    ("Webhook", "outgoing-webhook configuration"),
    ("ContactAttributeKey", "attribute schema/configuration"),
    ("Tag", "label configuration"),
    ("TagsOnResponses", "join table"),
    ("SurveyTrigger", "join table (survey<->action class)"),
    ("SurveyAttributeFilter", "targeting configuration"),
    ("SurveyQuota", "survey configuration"),
    ("ResponseQuotaLink", "join table"),
    ("SurveyFollowUp", "follow-up email configuration"),
    ("ActionClass", "action definition (configuration)"),
    ("Integration", "integration credentials/configuration"),
    ("DataMigration", "migration bookkeeping"),
    ("ApiKey", "credential"),
    ("ApiKeyWorkspace", "join table with permissions"),
    ("Session", "auth session"),
    ("VerificationToken", "auth token"),
    ("TwoFactor", "2FA secret"),
    ("jwks", "signing keys"),
    ("oauthClient", "OAuth client registration"),
    ("oauthAccessToken", "OAuth token"),
    ("oauthRefreshToken", "OAuth token"),
    ("oauthConsent", "OAuth consent grant"),
    ("oauthResource", "OAuth resource registration"),
    ("oauthClientResource", "join table"),
    ("oauthClientAssertion", "OAuth assertion replay guard"),
    ("PasswordResetToken", "auth token"),
    ("Language", "configuration"),
    ("SurveyLanguage", "join table"),
    ("WorkspaceTeam", "join table with permission"),
    ("Chart", "analytics chart definition"),
    ("Dashboard", "analytics dashboard definition"),
    ("DashboardWidget", "dashboard layout"),
    ("FeedbackSource", "feedback-import source configuration"),
    ("FeedbackSourceFormbricksMapping", "mapping configuration"),
    ("FeedbackSourceFieldMapping", "mapping configuration"),
    ("FeedbackDirectory", "container of feedback datasets (configuration)"),
    ("FeedbackDirectoryWorkspace", "join table"),
]

NOT_WORKFLOW_MODELS = [
    ("Workflow", "automation definition (configuration)"),
    ("WorkflowVersion", "automation definition version"),
    ("WorkflowRunLog", "execution log"),
]


SPEC = {
    "notes": [
        "Formbricks at commit b66c1dd978af618a0e402bd3343b456bed68594c (GitHub snapshot of formbricks/formbricks): the whole pnpm/turbo monorepo, apps/web (Next.js App Router, Prisma, Better Auth, BullMQ via packages/jobs) plus packages/* (ai, database, email, jobs, js-core, surveys, workflows...). Paths relative to the repo root. Labelled by hand before any scanner output was looked at.",
        "Excluded by the rules: apps/storybook, *.test.ts(x), *.spec.ts, *.integration.test.ts, apps/web/playwright (e2e), apps/web/integration (test setup), packages/jobs/test, __fixtures__, stories, packages/database/migration/**, docs/.",
        "email_send: modules/email/index.tsx sendEmail wraps nodemailer createTransport(...).sendMail (SMTP). Twelve exported send*Email wrappers there render a react-email template (packages/email) and call sendEmail; each wrapper def, its inner sendEmail call and every call site elsewhere is labelled. Further wrappers: survey follow-ups (sendFollowUpEmail -> sendEmail; sendFollowUpsForResponse -> sendFollowUpEmail), the workflow runner's send-email step (sendResolvedEmail -> sendEmail), the response pipeline's sendNotificationEmailsSafely (response-finished emails to opted-in members), requestSsoAccountDeletionEmail, and the Better Auth email hooks in auth.ts (sendResetPassword, emailVerification.sendVerificationEmail). auth.api.sendVerificationEmail(...) is a call site of that hook. auth.api.requestPasswordReset(...) sends the reset email only through the hook: ambiguous. Server actions named for email (sendTestEmailAction, sendLinkSurveyEmailAction, ...) are ambiguous at their def; their inner wrapper call is the touchpoint.",
        "Not email_send: Brevo (api.brevo.com/v3/contacts) calls create/update/delete a marketing CRM contact and send nothing (createBrevoCustomer is ambiguous because Brevo is an email platform); subscribeToMailingList POSTs an address to Formbricks' EE mailing-list endpoint; packages/email render* functions only render HTML.",
        "notification: Slack is posted through a raw fetch to https://slack.com/api/chat.postMessage in lib/slack/service.ts writeDataToSlack (called from the response pipeline's handleSlackIntegration). Outgoing user-configured webhooks (Standard Webhooks signed POSTs) are delivered by the response pipeline job: deliverWebhooks -> createWebhookDeliveryTask -> fetchWithTimeout(webhook.url) (webhook_out). The generic fetchWithTimeout helper, the webhook 'test endpoint' ping and the handleIntegrations dispatcher (Slack mixed with Sheets/Airtable/Notion data sync) are ambiguous. Google Sheets / Airtable / Notion writes are data sync, not messages: not touchpoints. No SMS, push, in-app or chat-app senders exist.",
        "event_tracking: PostHog. Server side, lib/posthog/capture.ts has three wrappers over posthog-node (capturePostHogEvent, identifyPostHogPerson, groupIdentifyPostHog); every call site is labelled (~70), plus the domain wrappers captureSurveyResponsePostHogEvent and captureSignIn. Client side, posthog-js posthog.capture / identify / group calls in components. Ambiguous: formbricks.track/setUserId/setAttributes (dogfooding the Formbricks JS SDK: actions trigger in-app surveys; identity is sent to Formbricks' own app), the instance usage telemetry (sendTelemetryEvents POSTs aggregate counts to ee.formbricks.com), PostHog LLM/MCP tracing wrappers. Not: getPostHogFeatureFlag (feature flags), Sentry.captureException (errors), js-core trackAction (the SDK's own action matcher, runs in the customer's page).",
        "webhook_handler: only the Stripe billing webhook (app/api/billing/stripe-webhook/route.ts re-exports POST from modules/ee/billing/api/route.ts; stripe-webhook.ts webhookHandler verifies with constructEvent). Not: /api/v1/webhooks and /api/v2/management/webhooks (CRUD of the outgoing-webhook configs), OAuth callbacks of the Slack/Notion/Airtable/Google Sheets integrations and SAML.",
        "scheduled_job: BullMQ job schedulers. Three recurring jobs are declared in packages/jobs/src/recurring.ts and given their timing (cron pattern / every) and handler in apps/web/lib/jobs/recurring-registrations.ts: survey archive purge (daily cron), survey scheduling (daily cron: publishes/closes scheduled surveys), workflow run reconcile (every 3 min). Labelled at the registration entry with the declaration and handler as alts. The scheduler primitive (upsertRecurringBackgroundJobSchedule -> queue.upsertJobScheduler) and the boot-time registerRecurringJobSchedules loop are ambiguous. GitHub Actions schedules (dependabot-to-linear, docker security scan, codeowners validation) are CI chores: ambiguous. One-shot queue jobs (response pipeline, workflow run) are event-driven, not scheduled.",
        "llm_call: packages/ai wraps the Vercel AI SDK (generateText; generateObject = generateText with Output.object) over Bedrock / Azure / Vertex / OpenAI-compatible providers; apps/web/lib/ai/service.ts adds org gating + PostHog LLM tracing (generateOrganizationAIText, generateOrganizationAIObject). Call sites: AI translation, AI chart query, v3 survey generation, example-response generation. The single-purpose functions enclosing those calls are ambiguous. Provider factory calls (createAzure, createAmazonBedrock, createVertex, createOpenAICompatible) build a model and generate nothing: not touchpoints.",
        "personize_call: none.",
        "data_model: Prisma models in packages/database/schema/{main,workflows}.prisma. Touchpoints: User, Contact, ContactAttribute, Response, Display, Organization, OrganizationBilling, Membership, Invite. Ambiguous: Account, Team, TeamUser, Workspace, Survey, Segment, WorkflowRun, and the zod mirrors of person/record models in packages/database/zod (API schemas; the Prisma model is the definition). Everything else (config, tokens, OAuth, join tables, analytics/feedback configuration, logs) is not a touchpoint. The many zod schemas in packages/types are request/response validators and are not labelled.",
    ],
    "touchpoints": [
        # ---------------- email_send: the base wrapper
        email(EM, "export const sendEmail = async (emailData: SendEmailDataProps)", "sendEmail", note="wrapper: nodemailer SMTP send"),
        email(EM, "await transporter.sendMail({", "sendEmail", note=None, provider="nodemailer",
              alt=[{"at": "const transporter = createTransport({"}]),
        # per-purpose wrappers: def + inner sendEmail call
        *[email(EM, f"export const {name} = async", name, note="wrapper: renders a react-email template and calls sendEmail")
          for name in EMAIL_WRAPPERS],
        *[email(EM, "await sendEmail({", name, nth=i + 1) for i, name in enumerate(EMAIL_WRAPPERS)],
        # call sites of the per-purpose wrappers
        *[email(f, at, sym, nth=n, note=f"call site of {w}") for f, at, n, sym, w in EMAIL_CALLS],
        email("apps/web/modules/auth/verification-requested/actions.ts", "await auth.api.sendVerificationEmail({",
              "resendVerificationEmailAction", note="call site of the Better Auth emailVerification.sendVerificationEmail hook"),
        # Better Auth email hooks
        email(AUTH, "sendResetPassword: async ({ user, url }) => {", "sendResetPassword",
              note="wrapper: Better Auth reset-password email hook (sendPasswordResetLinkEmail)"),
        email(AUTH, "sendVerificationEmail: async ({ user, url }) => {", "sendVerificationEmail",
              note="wrapper: Better Auth verification email hook (sendVerificationLinkEmail)"),
        # survey follow-ups
        email(FU, "export const sendFollowUpEmail = async ({", "sendFollowUpEmail", note="wrapper: survey follow-up email"),
        email(FU, "await sendEmail({", "sendFollowUpEmail"),
        *[email(FUS, "await sendFollowUpEmail({", "evaluateFollowUp", nth=i, note="call site of sendFollowUpEmail") for i in (1, 2, 3)],
        email(FUS, "export const sendFollowUpsForResponse = async (", "sendFollowUpsForResponse",
              note="wrapper: sends every follow-up email configured for a response"),
        email(PIPE, "await sendFollowUpsForResponse(", "handleFollowUpsSafely", note="call site of sendFollowUpsForResponse"),
        # response pipeline notification emails
        email(PIPE, "const sendNotificationEmailsSafely = async ({", "sendNotificationEmailsSafely",
              note="wrapper: response-finished emails to members who opted in"),
        email(PIPE, "await sendNotificationEmailsSafely({", "runResponseFinishedSideEffects",
              note="call site of sendNotificationEmailsSafely"),
        # workflow runner send-email step
        email(WF, "const sendResolvedEmail = async (", "sendResolvedEmail", note="wrapper: workflow 'send email' step"),
        email(WF, "const sent = await sendEmail({", "sendResolvedEmail"),
        email(WF, "await sendResolvedEmail(", "sendOwnedStep", note="call site of sendResolvedEmail"),
        # SSO account deletion email
        email(DEL, "export const requestSsoAccountDeletionEmail = async ()", "requestSsoAccountDeletionEmail",
              note="wrapper: account-deletion confirmation email for SSO users"),
        email("apps/web/modules/account/components/DeleteAccountModal/actions.ts", "await requestSsoAccountDeletionEmail();",
              "requestSsoAccountDeletionEmailAction", note="call site of requestSsoAccountDeletionEmail"),

        # ---------------- notification: Slack
        tp("notification", SLACK, "export const writeDataToSlack = async (", "writeDataToSlack", channel="slack",
           note="wrapper: posts a survey response to a Slack channel"),
        tp("notification", SLACK, 'await fetch("https://slack.com/api/chat.postMessage", {', "writeDataToSlack",
           channel="slack", provider="slack_web_api"),
        tp("notification", INTEG, "const handleSlackIntegration = async (", "handleSlackIntegration", channel="slack",
           note="wrapper: posts the response to each configured Slack channel"),
        tp("notification", INTEG, "await writeDataToSlack(", "handleSlackIntegration", channel="slack",
           note="call site of writeDataToSlack"),
        tp("notification", INTEG, "const slackResult = await handleSlackIntegration(", "handleIntegrations",
           channel="slack", note="call site of handleSlackIntegration"),
        # ---------------- notification: outgoing webhooks
        tp("notification", PIPE, "const deliverWebhooks = async ({", "deliverWebhooks", channel="webhook_out",
           note="dispatcher: delivers a response event to every matching user webhook"),
        tp("notification", PIPE, "createWebhookDeliveryTask({", "deliverWebhooks", channel="webhook_out",
           note="call site of createWebhookDeliveryTask"),
        tp("notification", PIPE, "const createWebhookDeliveryTask = async ({", "createWebhookDeliveryTask",
           channel="webhook_out", note="wrapper: signed POST to a user-configured webhook URL"),
        tp("notification", PIPE, "const response = await fetchWithTimeout(webhook.url, {", "createWebhookDeliveryTask",
           channel="webhook_out"),
        tp("notification", PIPE, "await deliverWebhooks({", "processResponsePipelineJob", channel="webhook_out",
           note="call site of deliverWebhooks"),

        # ---------------- event_tracking: PostHog wrappers
        tp("event_tracking", PHC, "export function capturePostHogEvent(", "capturePostHogEvent", provider="posthog",
           note="wrapper: posthog-node capture"),
        tp("event_tracking", PHC, "posthogServerClient.capture({", "capturePostHogEvent", provider="posthog"),
        tp("event_tracking", PHC, "export function identifyPostHogPerson(", "identifyPostHogPerson", provider="posthog",
           note="wrapper: posthog-node identify"),
        tp("event_tracking", PHC, "posthogServerClient.identify({ distinctId, properties });", "identifyPostHogPerson",
           provider="posthog"),
        tp("event_tracking", PHC, "export function groupIdentifyPostHog(", "groupIdentifyPostHog", provider="posthog",
           note="wrapper: posthog-node groupIdentify"),
        tp("event_tracking", PHC, "posthogServerClient.groupIdentify({", "groupIdentifyPostHog", provider="posthog"),
        tp("event_tracking", "apps/web/modules/response-pipeline/lib/posthog.ts",
           "export const captureSurveyResponsePostHogEvent = ({", "captureSurveyResponsePostHogEvent",
           provider="posthog", note="wrapper: survey_response_received milestone event"),
        tp("event_tracking", "apps/web/modules/auth/lib/sign-in-tracking.ts", "export const captureSignIn = async ({",
           "captureSignIn", provider="posthog", note="wrapper: user_signed_in event"),
        # call sites (server wrappers) and direct posthog-js calls
    et('apps/web/modules/ui/components/upgrade-prompt/index.tsx', 'posthog.capture("upgrade_cta_clicked", { feature });', 'UpgradePrompt'),
    et('apps/web/modules/auth/signup/actions.ts', 'groupIdentifyPostHog("organization", invitedOrganization.id, {', 'handleInviteAcceptance'),
    et('apps/web/modules/auth/signup/actions.ts', 'groupIdentifyPostHog("organization", organization.id, {', 'handleOrganizationCreation'),
    et('apps/web/modules/auth/signup/actions.ts', 'groupIdentifyPostHog("workspace", workspace.id, { name: workspace.name });', 'handleOrganizationCreation'),
    et('apps/web/modules/auth/signup/actions.ts', 'capturePostHogEvent(', 'handleOrganizationCreation', nth=1),
    et('apps/web/modules/auth/signup/actions.ts', 'capturePostHogEvent(', 'handleOrganizationCreation', nth=2),
    et('apps/web/modules/auth/signup/actions.ts', 'identifyPostHogPerson(user.id, {', 'createUserAction'),
    et('apps/web/modules/auth/signup/actions.ts', 'capturePostHogEvent(', 'createUserAction', nth=3),
    et('apps/web/modules/auth/lib/better-auth-email-verification.ts', 'capturePostHogEvent(user.id, "user_email_confirmed");', 'createBrevoCustomerAfterEmailVerification'),
    et('apps/web/modules/auth/lib/sign-in-tracking.ts', 'capturePostHogEvent(userId, "user_signed_in", {', 'captureSignIn'),
    et('apps/web/modules/auth/lib/sign-in-tracking.ts', 'void captureSignIn({ userId, provider, previousLastLoginAt, attributionProperties });', 'finalizeSuccessfulSignIn', note="call site of captureSignIn"),
    et('apps/web/modules/workspaces/settings/actions.ts', 'capturePostHogEvent(', 'updateWorkspaceAction', nth=1),
    et('apps/web/modules/workspaces/settings/actions.ts', 'capturePostHogEvent(', 'updateWorkspaceAction', nth=2),
    et('apps/web/modules/account/lib/better-auth-account-deletion.ts', 'capturePostHogEvent(user.id, "delete_account");', 'accountDeletionAfterDelete'),
    et('apps/web/modules/response-pipeline/lib/process-response-pipeline-job.ts', 'captureSurveyResponsePostHogEvent({', 'runResponseCreatedSideEffects', note="call site of captureSurveyResponsePostHogEvent"),
    et('apps/web/modules/response-pipeline/lib/posthog.ts', 'capturePostHogEvent(', 'captureSurveyResponsePostHogEvent'),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(', 'captureSurveyEditDiffEvents', nth=1),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(', 'captureSurveyEditDiffEvents', nth=2),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(', 'captureSurveyEditDiffEvents', nth=3),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(', 'captureSurveyEditDiffEvents', nth=4),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(', 'captureSurveyEditDiffEvents', nth=5),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(', 'captureSurveyEditDiffEvents', nth=6),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(', 'captureSurveyEditDiffEvents', nth=7),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(ctx.user.id, "survey_published", posthogEventMetadata, groupContext);', 'updateSurveyAction'),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(ctx.user.id, "survey_updated", posthogEventMetadata, groupContext);', 'updateSurveyAction', nth=1),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(ctx.user.id, "survey_updated", posthogEventMetadata, groupContext);', 'updateSurveyAction', nth=2),
    et('apps/web/modules/survey/editor/actions.ts', 'capturePostHogEvent(', 'createActionClassAction', nth=11),
    et('apps/web/modules/survey/list/components/featured-templates.tsx', 'posthog.capture("featured_templates_hidden");', 'FeaturedTemplates'),
    et('apps/web/modules/survey/list/components/featured-templates.tsx', 'posthog.capture("featured_template_used", {', 'FeaturedTemplates'),
    et('apps/web/modules/survey/multi-language-surveys/lib/actions.ts', 'capturePostHogEvent(', 'createLanguageAction'),
    et('apps/web/modules/integrations/webhooks/actions.ts', 'capturePostHogEvent(', 'createWebhookAction'),
    et('apps/web/modules/ee/feedback-directory/actions.ts', 'capturePostHogEvent(', 'createFeedbackDirectoryAction'),
    et('apps/web/modules/ee/whitelabel/remove-branding/actions.ts', 'capturePostHogEvent(', 'updateWorkspaceBrandingAction', nth=1),
    et('apps/web/modules/ee/whitelabel/remove-branding/actions.ts', 'capturePostHogEvent(', 'updateWorkspaceBrandingAction', nth=2),
    et('apps/web/modules/ee/contacts/actions.ts', 'capturePostHogEvent(', 'createContactsFromCSVAction'),
    et('apps/web/modules/ee/contacts/segments/actions.ts', 'capturePostHogEvent(', 'createSegmentAction'),
    et('apps/web/modules/ee/contacts/[contactId]/actions.ts', 'capturePostHogEvent(', 'generatePersonalSurveyLinkAction'),
    et('apps/web/modules/ee/contacts/attributes/actions.ts', 'capturePostHogEvent(', 'createContactAttributeKeyAction'),
    et('apps/web/modules/ee/billing/components/pricing-table.tsx', 'posthog.capture("billing_pricing_cta_clicked", {', 'PricingTable'),
    et('apps/web/modules/ee/billing/components/select-plan-card.tsx', 'posthog.capture("billing_onboarding_hobby_confirm_cta_clicked", { cta: "downgrade_hobby" });', 'SelectPlanCard'),
    et('apps/web/modules/ee/billing/components/select-plan-card.tsx', 'posthog.capture("billing_onboarding_hobby_confirm_cta_clicked", { cta: "start_trial" });', 'SelectPlanCard'),
    et('apps/web/modules/ee/billing/components/trial-response-warning-modal.tsx', 'posthog.capture("trial_response_warning_shown", { threshold, response_count: responseCount });', 'TrialResponseWarningModal'),
    et('apps/web/modules/ee/billing/components/trial-response-warning-modal.tsx', 'posthog.capture("trial_response_warning_cta_clicked", {', 'TrialResponseWarningModal', nth=1),
    et('apps/web/modules/ee/billing/components/trial-response-warning-modal.tsx', 'posthog.capture("trial_response_warning_cta_clicked", {', 'TrialResponseWarningModal', nth=2),
    et('apps/web/modules/ee/billing/components/trial-banner-new.tsx', 'onClick={() => posthog.capture("main_nav_go_to_billing_clicked")}', 'TrialBannerNew'),
    et('apps/web/modules/ee/billing/components/trial-ending-warning-modal.tsx', 'posthog.capture("trial_ending_warning_shown", { days_remaining: daysRemaining });', 'TrialEndingWarningModal'),
    et('apps/web/modules/ee/billing/components/trial-ending-warning-modal.tsx', 'posthog.capture("trial_ending_warning_cta_clicked", {', 'TrialEndingWarningModal', nth=1),
    et('apps/web/modules/ee/billing/components/trial-ending-warning-modal.tsx', 'posthog.capture("trial_ending_warning_cta_clicked", {', 'TrialEndingWarningModal', nth=2),
    et('apps/web/modules/ee/billing/actions.ts', 'capturePostHogEvent(', 'startHobbyAction', nth=1),
    et('apps/web/modules/ee/billing/actions.ts', 'capturePostHogEvent(', 'startProTrialAction', nth=2),
    et('apps/web/modules/ee/billing/actions.ts', 'capturePostHogEvent(', 'startProTrialAction', nth=3),
    et('apps/web/modules/ee/billing/lib/organization-billing.ts', 'capturePostHogEvent(', 'emitSubscriptionLifecycleEvent', nth=1),
    et('apps/web/modules/ee/billing/lib/organization-billing.ts', 'capturePostHogEvent(', 'emitSubscriptionLifecycleEvent', nth=2),
    et('apps/web/modules/ee/analysis/dashboards/actions.ts', 'capturePostHogEvent(', 'createDashboardAction'),
    et('apps/web/modules/ee/analysis/charts/actions.ts', 'capturePostHogEvent(', 'createChartAction'),
    et('apps/web/modules/ee/sso/lib/sso-provisioning.ts', 'identifyPostHogPerson(userId, { email, name });', 'provisionSsoUserMemberships'),
    et('apps/web/modules/ee/sso/lib/sso-provisioning.ts', 'capturePostHogEvent(userId, "user_signed_up", {', 'provisionSsoUserMemberships'),
    et('apps/web/modules/ee/sso/lib/better-auth-hooks.ts', 'identifyPostHogPerson(user.id, { email: user.email, name: user.name });', 'ssoDatabaseHooks'),
    et('apps/web/modules/organization/actions.ts', 'groupIdentifyPostHog("organization", newOrganization.id, {', 'createOrganizationAction'),
    et('apps/web/modules/organization/actions.ts', 'groupIdentifyPostHog("workspace", newWorkspace.id, { name: newWorkspace.name });', 'createOrganizationAction'),
    et('apps/web/modules/organization/actions.ts', 'capturePostHogEvent(', 'createOrganizationAction', nth=1),
    et('apps/web/modules/organization/actions.ts', 'capturePostHogEvent(', 'createOrganizationAction', nth=2),
    et('apps/web/modules/organization/settings/teams/actions.ts', 'capturePostHogEvent(', 'inviteUserAction', nth=1),
    et('apps/web/modules/organization/settings/teams/actions.ts', 'capturePostHogEvent(', 'bulkInviteUsersAction', nth=2),
    et('apps/web/modules/organization/settings/api-keys/actions.ts', 'capturePostHogEvent(', 'createApiKeyAction'),
    et('apps/web/app/api/v1/integrations/notion/callback/route.ts', 'capturePostHogEvent(', 'GET'),
    et('apps/web/app/api/v1/integrations/airtable/callback/route.ts', 'capturePostHogEvent(', 'captureAirtableConnectedEvent'),
    et('apps/web/app/api/v1/integrations/slack/callback/route.ts', 'capturePostHogEvent(', 'GET'),
    et('apps/web/app/api/v1/client/[workspaceId]/environment/lib/environmentState.ts', 'capturePostHogEvent(', 'getWorkspaceState'),
    et('apps/web/app/api/v3/surveys/generate/route.ts', 'capturePostHogEvent(', 'POST'),
    et('apps/web/app/api/v3/surveys/lib/operations.ts', 'capturePostHogEvent(', 'createV3SurveyResponse'),
    et('apps/web/app/api/google-sheet/callback/route.ts', 'capturePostHogEvent(userId, "integration_connected", {', 'captureGoogleSheetsConnectedEvent'),
    et('apps/web/app/api/google-sheet/callback/route.ts', 'capturePostHogEvent(', 'captureGoogleSheetsConnectedEvent', nth=2),
    et('apps/web/app/(app)/(onboarding)/organizations/[organizationId]/workspaces/new/survey/components/create-first-survey.tsx', 'posthog.capture("onboarding_survey_path_selected", {', 'CreateFirstSurvey'),
    et('apps/web/app/(app)/workspaces/[workspaceId]/components/MainNavigation.tsx', 'onClick={() => posthog.capture("main_nav_go_to_billing_clicked")}>', 'MainNavigation'),
    et('apps/web/app/(app)/workspaces/[workspaceId]/actions.ts', 'groupIdentifyPostHog("workspace", workspace.id, { name: workspace.name });', 'createWorkspaceAction'),
    et('apps/web/app/(app)/workspaces/[workspaceId]/actions.ts', 'capturePostHogEvent(', 'createWorkspaceAction'),
    et('apps/web/app/(app)/workspaces/[workspaceId]/settings/workspace/integrations/actions.ts', 'capturePostHogEvent(', 'createOrUpdateIntegrationAction'),
    et('apps/web/app/(app)/workspaces/[workspaceId]/surveys/[surveyId]/actions.ts', 'capturePostHogEvent(', 'getResponsesDownloadUrlAction'),
    et('apps/web/app/(app)/workspaces/[workspaceId]/surveys/[surveyId]/(analysis)/summary/actions.ts', 'capturePostHogEvent(', 'generatePersonalLinksAction'),
    et('apps/web/app/setup/organization/create/actions.ts', 'groupIdentifyPostHog("organization", newOrganization.id, {', 'createOrganizationAction'),
    et('apps/web/app/setup/organization/create/actions.ts', 'groupIdentifyPostHog("workspace", newWorkspace.id, { name: newWorkspace.name });', 'createOrganizationAction'),
    et('apps/web/app/setup/organization/create/actions.ts', 'capturePostHogEvent(', 'createOrganizationAction', nth=1),
    et('apps/web/app/setup/organization/create/actions.ts', 'capturePostHogEvent(', 'createOrganizationAction', nth=2),
    et('apps/web/app/posthog/PostHogGroupIdentify.tsx', 'posthog.group("organization", organizationId, { name: organizationName });', 'PostHogGroupIdentify'),
    et('apps/web/app/posthog/PostHogGroupIdentify.tsx', 'posthog.group("workspace", workspaceId, { name: workspaceName });', 'PostHogGroupIdentify'),
    et('apps/web/app/posthog/PostHogIdentify.tsx', 'posthog.identify(userId, { email, name });', 'PostHogIdentify', alt=[{"at": "posthog.init(posthogKey, {"}]),

        # ---------------- webhook_handler: Stripe billing webhook
        tp("webhook_handler", "apps/web/modules/ee/billing/api/route.ts", "export const POST = async (request: Request) => {",
           "POST", provider="stripe", note="route /api/billing/stripe-webhook",
           alt=[{"file": "apps/web/app/api/billing/stripe-webhook/route.ts", "at": "export { POST };"}]),
        tp("webhook_handler", "apps/web/modules/ee/billing/api/lib/stripe-webhook.ts",
           "export const webhookHandler = async (requestBody: string, stripeSignature: string) => {", "webhookHandler",
           provider="stripe", alt=[{"at": "event = stripe.webhooks.constructEvent("}]),

        # ---------------- scheduled_job: BullMQ recurring jobs
        tp("scheduled_job", RECREG, "surveyArchivePurge: {", "RECURRING_JOB_REGISTRATIONS_BY_KEY", provider="bullmq",
           note="daily cron: purge archived surveys",
           alt=[{"file": REC, "at": "surveyArchivePurge: defineRecurringJob({"},
                {"file": "apps/web/modules/survey/archive/lib/process-survey-archive-purge-job.ts",
                 "at": "export const processSurveyArchivePurgeJob"}]),
        tp("scheduled_job", RECREG, "surveyScheduling: {", "RECURRING_JOB_REGISTRATIONS_BY_KEY", provider="bullmq",
           note="daily cron: publish/close scheduled surveys",
           alt=[{"file": REC, "at": "surveyScheduling: defineRecurringJob({"},
                {"file": "apps/web/modules/survey/scheduling/lib/process-survey-scheduling-job.ts",
                 "at": "export const processSurveySchedulingJob"}]),
        tp("scheduled_job", RECREG, "workflowRunReconcile: {", "RECURRING_JOB_REGISTRATIONS_BY_KEY", provider="bullmq",
           note="every 3 minutes: reconcile orphaned/stuck workflow runs",
           alt=[{"file": REC, "at": "workflowRunReconcile: defineRecurringJob({"},
                {"file": "apps/web/modules/ee/workflows/lib/runner/process-workflow-run-reconcile-job.ts",
                 "at": "export const processWorkflowRunReconcileJob"}]),

        # ---------------- llm_call: Vercel AI SDK wrappers and call sites
        tp("llm_call", "packages/ai/src/text.ts", "export const generateText = async (", "generateText", provider="vercel_ai_sdk",
           note="wrapper: AI SDK generateText with the configured provider model"),
        tp("llm_call", "packages/ai/src/text.ts", "return generateTextWithConfiguredModel(request);", "generateText",
           provider="vercel_ai_sdk"),
        tp("llm_call", "packages/ai/src/object.ts", "export const generateObject = async <T = unknown>(", "generateObject",
           provider="vercel_ai_sdk", note="wrapper: AI SDK generateText with Output.object"),
        tp("llm_call", "packages/ai/src/object.ts", "const result = await generateText(request);", "generateObject",
           provider="vercel_ai_sdk"),
        tp("llm_call", AISVC, "export const generateOrganizationAIText = async ({", "generateOrganizationAIText",
           note="wrapper: org-gated, PostHog-traced generateText"),
        tp("llm_call", AISVC, "return await generateText(options, env, wrapModel);", "generateOrganizationAIText",
           note="call site of @formbricks/ai generateText"),
        tp("llm_call", AISVC, "export const generateOrganizationAIObject = async <T = unknown>({", "generateOrganizationAIObject",
           note="wrapper: org-gated, PostHog-traced generateObject"),
        tp("llm_call", AISVC, "return await generateObject<T>(options, env, wrapModel);", "generateOrganizationAIObject",
           note="call site of @formbricks/ai generateObject"),
        tp("llm_call", "apps/web/modules/ee/ai-translation/lib/translate-fields.ts", "const result = await generateOrganizationAIObject({",
           "translateFields", note="call site of generateOrganizationAIObject"),
        tp("llm_call", "apps/web/modules/ee/analysis/charts/lib/ai-chart-query.server.ts",
           "const response = await generateOrganizationAIObject<AIQueryResponse>({", "generateAIChartQuery",
           note="call site of generateOrganizationAIObject"),
        tp("llm_call", "apps/web/app/api/v3/surveys/generate/service.ts", "const generation = await generateOrganizationAIObject({",
           "generateV3SurveyCreatePayloadFromPrompt", note="call site of generateOrganizationAIObject"),
        tp("llm_call", "apps/web/app/(app)/workspaces/[workspaceId]/surveys/[surveyId]/(analysis)/summary/lib/example-responses.ts",
           "const result = await generateOrganizationAIObject<TOpenTextAIResult>({", "fillOpenTextAnswers",
           note="call site of generateOrganizationAIObject"),

        # ---------------- data_model
        *[model(name) for name in MODELS],
    ],
    "not_touchpoints": [
        # email look-alikes
        no("email_send", BREVO, "export const updateBrevoCustomer = async", "Brevo CRM contact update; sends no email"),
        no("email_send", BREVO, "export const deleteBrevoCustomerByEmail = async", "Brevo CRM contact delete; sends no email"),
        no("email_send", "apps/web/modules/ee/mailing/lib/mailing-subscription.ts", "export const subscribeToMailingList = async ({",
           "POSTs an address to Formbricks' mailing-list subscription endpoint; no message sent here"),
        no("email_send", "apps/web/modules/ee/mailing/lib/mailing-subscription.ts", "export const subscribeUserToMailingList = async ({",
           "mailing-list subscription, not a send"),
        no("email_send", "apps/web/modules/auth/lib/utils.ts", "export const logEmailVerificationAttempt = (",
           "logging"),
        # notification look-alikes: data-sync integrations
        no("notification", "apps/web/lib/googleSheet/service.ts", "export const writeData = async (",
           "appends a response row to a Google Sheet (data sync, not a message)"),
        no("notification", "apps/web/lib/notion/service.ts", "export const writeData = async (",
           "creates a Notion database page (data sync)"),
        no("notification", "apps/web/lib/airtable/service.ts", "export const writeData = async (",
           "adds an Airtable record (data sync)"),
        no("notification", SLACK, "export const fetchChannels = async (slackIntegration: TIntegration)",
           "lists Slack channels (read-only)"),
        # webhook_handler look-alikes
        no("webhook_handler", "apps/web/app/api/v1/webhooks/route.ts", "export const POST = withV1ApiWrapper({",
           "management API creating an outgoing-webhook config"),
        no("webhook_handler", "apps/web/app/api/v1/webhooks/route.ts", "export const GET = withV1ApiWrapper({",
           "management API listing outgoing-webhook configs"),
        no("webhook_handler", "apps/web/app/api/v2/management/webhooks/route.ts", "export { GET, POST };",
           "management API for outgoing-webhook configs"),
        no("webhook_handler", "apps/web/app/api/v1/integrations/slack/callback/route.ts", "export const GET = withV1ApiWrapper({",
           "OAuth redirect callback, not an event webhook"),
        no("webhook_handler", "apps/web/app/api/google-sheet/callback/route.ts", "export const GET = async (req: Request) => {",
           "OAuth redirect callback"),
        no("webhook_handler", "apps/web/app/api/auth/saml/callback/route.ts", "export { POST };", "SAML SSO callback"),
        # event_tracking look-alikes
        no("event_tracking", "apps/web/lib/posthog/get-feature-flag.ts", "export const getPostHogFeatureFlag = async (",
           "feature-flag lookup, records nothing"),
        no("event_tracking", "apps/web/app/error.tsx", "Sentry.captureException(error);", "error monitoring"),
        no("event_tracking", "packages/js-core/src/lib/survey/action.ts", "export const trackAction = async (",
           "Formbricks SDK action matcher: triggers surveys locally, records no analytics event"),
        # scheduled_job look-alikes
        no("scheduled_job", "apps/web/modules/response-pipeline/lib/telemetry.ts", "const TELEMETRY_INTERVAL_MS = 24 * 60 * 60 * 1000;",
           "in-request throttle for telemetry, not a schedule"),
        no("scheduled_job", "packages/jobs/src/definitions.ts", "[JOB_NAMES.responsePipeline]: toAnyBackgroundJobDefinition({",
           "one-shot queue job enqueued per response event, not scheduled"),
        # llm_call look-alikes: provider factories
        no("llm_call", "packages/ai/src/providers/aws.ts", "const bedrock = createAmazonBedrock({", "provider factory, no generation"),
        no("llm_call", "packages/ai/src/providers/azure.ts", "const azure = createAzure({", "provider factory, no generation"),
        no("llm_call", "packages/ai/src/providers/google.ts", "const googleCloudProvider = createGoogleCloudProvider({",
           "provider factory, no generation"),
        no("llm_call", "packages/ai/src/providers/openai-compatible.ts", "const openaiCompatible = createOpenAICompatible({",
           "provider factory, no generation"),
        # data_model
        *[model_no(name, why) for name, why in NOT_MODELS],
        *[model_no(name, why, file=WSCHEMA) for name, why in NOT_WORKFLOW_MODELS],
    ],
    "ambiguous": [
        # email_send
        no("email_send", BREVO, "export const createBrevoCustomer = async", "Brevo is an email platform, but this only registers a marketing contact"),
        no("email_send", "apps/web/modules/auth/forgot-password/actions.ts", "await auth.api.requestPasswordReset({",
           "Better Auth API; the reset email goes out through the sendResetPassword hook"),
        no("email_send", PROFILE, "await auth.api.requestPasswordReset({",
           "Better Auth API; the reset email goes out through the sendResetPassword hook"),
        no("email_send", AUTH, "onPasswordReset: async ({ user }) => {",
           "Better Auth hook: sends the password-reset notification email and audits"),
        no("email_send", "apps/web/modules/survey/link/actions.ts", "export const sendLinkSurveyEmailAction = actionClient",
           "server action named for email; inner wrapper call is the touchpoint"),
        no("email_send", "apps/web/modules/ee/whitelabel/email-customization/actions.ts", "export const sendTestEmailAction = authenticatedActionClient",
           "server action named for email; inner wrapper call is the touchpoint"),
        no("email_send", SUMMARY, "export const sendEmbedSurveyPreviewEmailAction",
           "server action named for email; inner wrapper call is the touchpoint"),
        no("email_send", "apps/web/modules/auth/verification-requested/actions.ts", "export const resendVerificationEmailAction",
           "server action named for email; inner calls are the touchpoints"),
        no("email_send", TEAMS, "export const resendInviteAction", "server action re-sending an invite email"),
        no("email_send", "apps/web/modules/account/components/DeleteAccountModal/actions.ts",
           "export const requestSsoAccountDeletionEmailAction", "server action named for email"),
        no("email_send", PIPE, "const handleFollowUpsSafely = async ({", "sends follow-up emails via sendFollowUpsForResponse; not named for email"),
        # notification
        no("notification", INTEG, "export const handleIntegrations = async (",
           "dispatcher mixing Slack messages with Sheets/Airtable/Notion data sync"),
        no("notification", PIPE, "await handleIntegrations(integrations, data, survey, displayTimeZone",
           "call of the mixed integrations dispatcher"),
        no("notification", PIPE, "const fetchWithTimeout = async (", "generic fetch helper, only used for webhook delivery"),
        no("notification", HOOKS, "export const testEndpoint = async (url: string, secret?: string)",
           "test ping POSTed to a user webhook URL when it is saved"),
        # event_tracking
        no("event_tracking", "apps/web/modules/response-pipeline/lib/telemetry.ts", "export const sendTelemetryEvents = async () => {",
           "anonymous instance usage telemetry POSTed daily to ee.formbricks.com"),
        no("event_tracking", PIPE, "await sendTelemetryEvents();", "call of the instance telemetry"),
        no("event_tracking", "apps/web/lib/posthog/ai-tracing.ts", "export function wrapAiModelWithTracing(",
           "PostHog LLM observability (per-user AI generation events)"),
        no("event_tracking", "apps/web/lib/posthog/mcp-tracing.ts", "export function instrumentMcpServerWithTracing(",
           "PostHog MCP tool-call analytics"),
        no("event_tracking", "apps/web/modules/settings/components/user-dropdown.tsx", 'formbricks.track("whats_new_clicked")',
           "Formbricks SDK dogfooding: action triggers in-app surveys"),
        no("event_tracking", "apps/web/modules/settings/components/user-dropdown.tsx", 'formbricks.track("share_feedback_clicked")',
           "Formbricks SDK dogfooding"),
        no("event_tracking", "apps/web/modules/survey/editor/components/survey-menu-bar.tsx", 'formbricks.track("second_survey_published")',
           "Formbricks SDK dogfooding"),
        no("event_tracking", "apps/web/app/formbricks/components/formbricks-provider.tsx", "await formbricks.setUserId(userId);",
           "Formbricks SDK identify (dogfooding)"),
        no("event_tracking", "apps/web/app/formbricks/components/formbricks-provider.tsx", "await formbricks.setAttributes(attributes);",
           "Formbricks SDK user attributes (dogfooding)"),
        no("event_tracking", "apps/web/modules/auth/lib/sign-in-tracking.ts", "export const finalizeSuccessfulSignIn = async ({",
           "updates lastLoginAt and fires captureSignIn"),
        # scheduled_job
        no("scheduled_job", "packages/jobs/src/queue.ts", "const upsertRecurringBackgroundJobSchedule = async <TData>(",
           "generic BullMQ upsertJobScheduler primitive"),
        no("scheduled_job", "apps/web/instrumentation-jobs.ts", "const registerRecurringJobSchedules = async (): Promise<void> => {",
           "boot-time loop upserting every recurring schedule"),
        no("scheduled_job", ".github/workflows/dependabot-to-linear.yml", '- cron: "0 11 * * *"', "GitHub Actions schedule: CI chore"),
        no("scheduled_job", ".github/workflows/docker-security-scan.yml", '- cron: "0 2 * * *"', "GitHub Actions schedule: CI chore"),
        no("scheduled_job", ".github/workflows/codeowners-validation.yml", "cron:", "GitHub Actions schedule: CI chore"),
        # llm_call: single-purpose functions enclosing the generation calls
        no("llm_call", "apps/web/modules/ee/ai-translation/lib/translate-fields.ts", "export const translateFields", "single-purpose AI helper"),
        no("llm_call", "apps/web/modules/ee/analysis/charts/lib/ai-chart-query.server.ts", "export const generateAIChartQuery",
           "single-purpose AI helper"),
        no("llm_call", "apps/web/app/api/v3/surveys/generate/service.ts", "export async function generateV3SurveyCreatePayloadFromPrompt(",
           "single-purpose AI helper"),
        no("llm_call", "apps/web/app/(app)/workspaces/[workspaceId]/surveys/[surveyId]/(analysis)/summary/lib/example-responses.ts",
           "const fillOpenTextAnswers", "single-purpose AI helper"),
        # data_model
        *[no("data_model", SCHEMA, f"model {name} {{", why) for name, why in AMBIGUOUS_MODELS if name != "WorkflowRun"],
        no("data_model", WSCHEMA, "model WorkflowRun {", dict(AMBIGUOUS_MODELS)["WorkflowRun"]),
        no("data_model", "packages/database/zod/users.ts", "export const ZUser = z.object({", "zod mirror of the User model"),
        no("data_model", "packages/database/zod/contact.ts", "export const ZContact = z.object({", "zod mirror of the Contact model"),
        no("data_model", "packages/database/zod/contact-attributes.ts", "export const ZContactAttribute = z.object({",
           "zod mirror of the ContactAttribute model"),
        no("data_model", "packages/database/zod/responses.ts", "export const ZResponse = z.object({", "zod mirror of the Response model"),
        no("data_model", "packages/database/zod/organizations.ts", "export const ZOrganization = z.object({",
           "zod mirror of the Organization model"),
        no("data_model", "packages/database/zod/invites.ts", "export const ZInvite = z.object({", "zod mirror of the Invite model"),
    ],
}
