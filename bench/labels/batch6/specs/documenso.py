"""Batch 6 labels for Documenso v2.17.0 (document signing; pnpm + turbo monorepo) from GitHub.

Written by reading the code with grep before the scanner was ever run on this repository.
"""

from bench.labels.resolve import no, tp

PACKAGE = "documenso"
OUTPUT = "bench/labels/batch6/documenso.json"
ROOT = "/tmp/fc/documenso"
SOURCE = {
    "source": "github",
    "repo": "documenso/documenso",
    "commit": "75330166cc00b29c14399bc2e391e4b4d8080c00",
    "tag": "v2.17.0",
    "subdir": "",
    "missing_files": [
        "apps/remix/public/fonts/noto-sans-chinese.ttf",
        "apps/remix/public/fonts/noto-sans-japanese.ttf",
        "apps/remix/public/fonts/noto-sans-korean.ttf",
        "packages/assets/images/community-cards.png",
    ],
}

JD = "packages/lib/jobs/definitions"
SCHEMA = "packages/prisma/schema.prisma"
WH = "packages/lib/server-only/webhooks"
AI = "packages/lib/server-only/ai/envelope"


# ---------------------------------------------------------------- email_send
def email(file, at, symbol=None, nth=0, note=None, **kw):
    extra = {"note": note} if note else {}
    return tp("email_send", file, at, symbol, channel="email", nth=nth, **extra, **kw)


# Direct nodemailer sends: (file, snippet, nth, enclosing symbol).
SEND_MAIL = [
    ("packages/trpc/server/admin-router/email-transport/send-test-email-transport.ts", "await resolved.transporter.sendMail({", 0, "sendTestEmailTransportRoute"),
    ("packages/ee/server-only/lib/send-organisation-account-link-confirmation-email.ts", "return mailer.sendMail({", 0, "sendOrganisationAccountLinkConfirmationEmail"),
    (f"{JD}/emails/send-organisation-member-left-email.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-recipient-signed-email.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-organisation-member-joined-email.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-document-completed-emails.handler.ts", "await emailTransport.sendMail({", 1, "run"),
    (f"{JD}/emails/send-document-completed-emails.handler.ts", "await emailTransport.sendMail({", 2, "run"),
    (f"{JD}/emails/send-document-deleted-emails.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-document-pending-email.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-owner-recipient-expired-email.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-rejection-emails.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-rejection-emails.handler.ts", "await mailer.sendMail({", 0, "run"),
    (f"{JD}/emails/send-recipient-removed-email.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-document-cancelled-emails.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-admin-user-created-email.handler.ts", "return mailer.sendMail({", 0, "run"),
    (f"{JD}/emails/send-organisation-limit-alert-email.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-organisation-limit-alert-email.handler.ts", "await mailer.sendMail({", 0, "run"),
    (f"{JD}/emails/send-document-created-from-direct-template-email.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/emails/send-signing-email.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/internal/bulk-send-template.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/internal/process-signing-reminder.handler.ts", "await emailTransport.sendMail({", 0, "run"),
    (f"{JD}/internal/alert-organisation-seat-drift.handler.ts", "await mailer.sendMail({", 0, "run"),
    ("packages/lib/server-only/2fa/email/send-2fa-token-email.ts", "await emailTransport.sendMail({", 0, "send2FATokenEmail"),
    ("packages/lib/server-only/admin/admin-super-delete-document.ts", "await emailTransport.sendMail({", 0, "adminSuperDeleteDocument"),
    ("packages/lib/server-only/auth/send-confirmation-email.ts", "return mailer.sendMail({", 0, "sendConfirmationEmail"),
    ("packages/lib/server-only/auth/send-reset-password.ts", "return await mailer.sendMail({", 0, "sendResetPassword"),
    ("packages/lib/server-only/auth/send-forgot-password.ts", "return await mailer.sendMail({", 0, "sendForgotPassword"),
    ("packages/lib/server-only/team/create-team-email-verification.ts", "await emailTransport.sendMail({", 0, "sendTeamEmailVerificationEmail"),
    ("packages/lib/server-only/team/delete-team.ts", "await emailTransport.sendMail({", 0, "sendTeamDeleteEmail"),
    ("packages/lib/server-only/team/delete-team-email.ts", "await emailTransport.sendMail({", 0, "deleteTeamEmail"),
    ("packages/lib/server-only/document/resend-document.ts", "await emailTransport.sendMail({", 0, "resendDocument"),
    ("packages/lib/server-only/document/send-delete-email.ts", "await emailTransport.sendMail({", 0, "sendDeleteEmail"),
    ("packages/lib/server-only/organisation/delete-organisation-email.ts", "await mailer.sendMail({", 0, "sendOrganisationDeleteEmail"),
    ("packages/lib/server-only/organisation/create-organisation-member-invites.ts", "await emailTransport.sendMail({", 0, "sendOrganisationMemberInviteEmail"),
]

# Named email helpers: (file, def snippet, name, [(call file, call snippet, nth, caller symbol)]).
EMAIL_WRAPPERS = [
    ("packages/ee/server-only/lib/send-organisation-account-link-confirmation-email.ts",
     "export const sendOrganisationAccountLinkConfirmationEmail = async", "sendOrganisationAccountLinkConfirmationEmail",
     [("packages/auth/server/lib/utils/handle-oauth-organisation-callback-url.ts", "await sendOrganisationAccountLinkConfirmationEmail({", 0, "handleOAuthOrganisationCallbackUrl")]),
    ("packages/lib/server-only/2fa/email/send-2fa-token-email.ts",
     "export const send2FATokenEmail = async", "send2FATokenEmail",
     [("packages/trpc/server/document-router/access-auth-request-2fa-email.ts", "await send2FATokenEmail({", 0, "accessAuthRequest2FAEmailRoute")]),
    ("packages/lib/server-only/auth/send-confirmation-email.ts",
     "export const sendConfirmationEmail = async", "sendConfirmationEmail",
     [("packages/lib/server-only/user/send-confirmation-token.ts", "await sendConfirmationEmail({ userId: user.id });", 0, "sendConfirmationToken")]),
    ("packages/lib/server-only/user/send-confirmation-token.ts",
     "export const sendConfirmationToken = async", "sendConfirmationToken",
     [(f"{JD}/emails/send-confirmation-email.handler.ts", "await sendConfirmationToken({", 0, "run")]),
    ("packages/lib/server-only/auth/send-reset-password.ts",
     "export const sendResetPassword = async", "sendResetPassword",
     [(f"{JD}/emails/send-password-reset-success-email.handler.ts", "await sendResetPassword({", 0, "run")]),
    ("packages/lib/server-only/auth/send-forgot-password.ts",
     "export const sendForgotPassword = async", "sendForgotPassword",
     [("packages/lib/server-only/user/forgot-password.ts", "await sendForgotPassword({", 0, "forgotPassword")]),
    ("packages/lib/server-only/team/create-team-email-verification.ts",
     "export const sendTeamEmailVerificationEmail = async", "sendTeamEmailVerificationEmail",
     [("packages/lib/server-only/team/create-team-email-verification.ts", "await sendTeamEmailVerificationEmail(data.email, token, team);", 0, "createTeamEmailVerification"),
      ("packages/lib/server-only/team/resend-team-email-verification.ts", "await sendTeamEmailVerificationEmail(", 0, "resendTeamEmailVerification")]),
    ("packages/lib/server-only/team/delete-team.ts",
     "export const sendTeamDeleteEmail = async", "sendTeamDeleteEmail",
     [(f"{JD}/emails/send-team-deleted-email.handler.ts", "await sendTeamDeleteEmail({", 0, "run")]),
    ("packages/lib/server-only/document/send-delete-email.ts",
     "export const sendDeleteEmail = async", "sendDeleteEmail",
     [("packages/trpc/server/admin-router/delete-document.ts", "await sendDeleteEmail({", 0, "deleteDocumentRoute")]),
    ("packages/lib/server-only/organisation/delete-organisation-email.ts",
     "export const sendOrganisationDeleteEmail = async", "sendOrganisationDeleteEmail",
     [(f"{JD}/internal/admin-delete-organisation.handler.ts", "await sendOrganisationDeleteEmail({", 0, "run")]),
    ("packages/lib/server-only/organisation/create-organisation-member-invites.ts",
     "export const sendOrganisationMemberInviteEmail = async", "sendOrganisationMemberInviteEmail",
     [("packages/lib/server-only/organisation/create-organisation-member-invites.ts", "sendOrganisationMemberInviteEmail({", 1, "createOrganisationMemberInvites"),
      ("packages/trpc/server/organisation-router/resend-organisation-member-invite.ts", "await sendOrganisationMemberInviteEmail({", 0, "resendOrganisationMemberInvitation")]),
]

# Background-job definitions whose handler sends email: (definition file stem, CONST).
EMAIL_JOBS = [
    ("send-admin-user-created-email", "SEND_ADMIN_USER_CREATED_EMAIL_JOB_DEFINITION"),
    ("send-confirmation-email", "SEND_CONFIRMATION_EMAIL_JOB_DEFINITION"),
    ("send-document-cancelled-emails", "SEND_DOCUMENT_CANCELLED_EMAILS_JOB_DEFINITION"),
    ("send-document-completed-emails", "SEND_DOCUMENT_COMPLETED_EMAILS_JOB_DEFINITION"),
    ("send-document-created-from-direct-template-email", "SEND_DOCUMENT_CREATED_FROM_DIRECT_TEMPLATE_EMAIL_JOB_DEFINITION"),
    ("send-document-deleted-emails", "SEND_DOCUMENT_DELETED_EMAILS_JOB_DEFINITION"),
    ("send-document-pending-email", "SEND_DOCUMENT_PENDING_EMAIL_JOB_DEFINITION"),
    ("send-organisation-limit-alert-email", "SEND_ORGANISATION_LIMIT_ALERT_EMAIL_JOB_DEFINITION"),
    ("send-organisation-member-joined-email", "SEND_ORGANISATION_MEMBER_JOINED_EMAIL_JOB_DEFINITION"),
    ("send-organisation-member-left-email", "SEND_ORGANISATION_MEMBER_LEFT_EMAIL_JOB_DEFINITION"),
    ("send-owner-recipient-expired-email", "SEND_OWNER_RECIPIENT_EXPIRED_EMAIL_JOB_DEFINITION"),
    ("send-password-reset-success-email", "SEND_PASSWORD_RESET_SUCCESS_EMAIL_JOB_DEFINITION"),
    ("send-recipient-removed-email", "SEND_RECIPIENT_REMOVED_EMAIL_JOB_DEFINITION"),
    ("send-recipient-signed-email", "SEND_RECIPIENT_SIGNED_EMAIL_JOB_DEFINITION"),
    ("send-rejection-emails", "SEND_SIGNING_REJECTION_EMAILS_JOB_DEFINITION"),
    ("send-signing-email", "SEND_SIGNING_EMAIL_JOB_DEFINITION"),
    ("send-team-deleted-email", "SEND_TEAM_DELETED_EMAIL_JOB_DEFINITION"),
]

# jobs.triggerJob({ name: 'send.*' }) call sites: (file, nth "triggerJob(", name snippet, nth of it, symbol).
EMAIL_JOB_TRIGGERS = [
    ("packages/auth/server/routes/email-password.ts", 1, "name: 'send.signup.confirmation.email',", 1, "emailPasswordRoute"),
    ("packages/auth/server/routes/email-password.ts", 2, "name: 'send.signup.confirmation.email',", 2, "emailPasswordRoute"),
    ("packages/auth/server/routes/email-password.ts", 3, "name: 'send.signup.confirmation.email',", 3, "emailPasswordRoute"),
    ("packages/trpc/server/organisation-router/leave-organisation.ts", 2, "name: 'send.organisation-member-left.email',", 0, "leaveOrganisationRoute"),
    ("packages/trpc/server/organisation-router/delete-organisation-members.ts", 2, "name: 'send.organisation-member-left.email',", 0, "deleteOrganisationMembers"),
    ("packages/trpc/server/admin-router/delete-organisation-member.ts", 2, "name: 'send.organisation-member-left.email',", 0, "deleteAdminOrganisationMemberRoute"),
    ("packages/trpc/server/admin-router/create-user.ts", 0, "name: 'send.admin.user.created.email',", 0, "createUserRoute"),
    ("packages/ee/server-only/signing/csc/execute-tsp-sign.ts", 1, "name: 'send.recipient.signed.email',", 0, "executeTspSign"),
    ("packages/ee/server-only/signing/csc/execute-tsp-sign.ts", 2, "name: 'send.document.pending.email',", 0, "executeTspSign"),
    ("packages/ee/server-only/signing/csc/execute-tsp-sign.ts", 3, "name: 'send.signing.requested.email',", 0, "executeTspSign"),
    (f"{JD}/internal/process-recipient-expired.handler.ts", 0, "name: 'send.owner.recipient.expired.email',", 0, "run"),
    (f"{JD}/internal/seal-document.handler.ts", 0, "name: 'send.document.completed.emails',", 0, "run"),
    ("packages/lib/server-only/user/reset-password.ts", 0, "name: 'send.password.reset.success.email',", 0, "resetPassword"),
    ("packages/lib/server-only/user/verify-email.ts", 0, "name: 'send.signup.confirmation.email',", 0, "verifyEmail"),
    ("packages/lib/server-only/team/delete-team.ts", 0, "name: 'send.team-deleted.email',", 0, "deleteTeam"),
    ("packages/lib/server-only/document/reject-document-on-behalf-of.ts", 2, "name: 'send.signing.rejected.emails',", 0, "rejectDocumentOnBehalfOf"),
    ("packages/lib/server-only/document/reject-document-on-behalf-of.ts", 3, "name: 'send.document.cancelled.emails',", 0, "rejectDocumentOnBehalfOf"),
    ("packages/lib/server-only/document/reject-document-with-token.ts", 2, "name: 'send.signing.rejected.emails',", 0, "rejectDocumentWithToken"),
    ("packages/lib/server-only/document/reject-document-with-token.ts", 3, "name: 'send.document.cancelled.emails',", 0, "rejectDocumentWithToken"),
    ("packages/lib/server-only/document/delete-document.ts", 0, "name: 'send.document.deleted.emails',", 0, "handleDocumentOwnerDelete"),
    ("packages/lib/server-only/document/cancel-document.ts", 0, "name: 'send.document.cancelled.emails',", 0, "cancelDocument"),
    ("packages/lib/server-only/document/send-document.ts", 2, "name: 'send.signing.requested.email',", 0, "sendDocument"),
    ("packages/lib/server-only/document/complete-document-with-token.ts", 1, "name: 'send.recipient.signed.email',", 0, "completeDocumentWithToken"),
    ("packages/lib/server-only/document/complete-document-with-token.ts", 2, "name: 'send.document.pending.email',", 0, "completeDocumentWithToken"),
    ("packages/lib/server-only/document/complete-document-with-token.ts", 3, "name: 'send.signing.requested.email',", 0, "completeDocumentWithToken"),
    ("packages/lib/server-only/recipient/set-document-recipients.ts", 0, "name: 'send.recipient.removed.email',", 0, "setDocumentRecipients"),
    ("packages/lib/server-only/recipient/delete-envelope-recipient.ts", 0, "name: 'send.recipient.removed.email',", 0, "deleteEnvelopeRecipient"),
    ("packages/lib/server-only/organisation/accept-organisation-invitation.ts", 0, "name: 'send.organisation-member-joined.email',", 0, "addUserToOrganisation"),
    ("packages/lib/server-only/rate-limit/check-monthly-quota.ts", 0, "name: 'send.organisation-limit-alert.email',", 0, "checkMonthlyQuota"),
    ("packages/lib/server-only/template/create-document-from-direct-template.ts", 0, "name: 'send.document.created.from.direct.template.email',", 0, "createDocumentFromDirectTemplate"),
]

# ---------------------------------------------------------------- notification (webhook_out)
# triggerWebhook(...) call sites: (file, snippet, nth, symbol).
WEBHOOK_TRIGGERS = [
    ("packages/ee/server-only/signing/csc/execute-tsp-sign.ts", "await triggerWebhook({", 1, "executeTspSign"),
    ("packages/ee/server-only/signing/csc/execute-tsp-sign.ts", "await triggerWebhook({", 2, "executeTspSign"),
    (f"{JD}/internal/process-recipient-expired.handler.ts", "await triggerWebhook({", 0, "run"),
    (f"{JD}/internal/seal-document.handler.ts", "await triggerWebhook({", 0, "run"),
    (f"{JD}/internal/process-signing-reminder.handler.ts", "await triggerWebhook({", 0, "run"),
    ("packages/lib/server-only/document/delete-document.ts", "await triggerWebhook({", 0, "deleteDocument"),
    ("packages/lib/server-only/document/viewed-document.ts", "await triggerWebhook({", 0, "viewedDocument"),
    ("packages/lib/server-only/document/resend-document.ts", "await triggerWebhook({", 0, "resendDocument"),
    ("packages/lib/server-only/document/cancel-document.ts", "await triggerWebhook({", 0, "cancelDocument"),
    ("packages/lib/server-only/document/send-document.ts", "await triggerWebhook({", 0, "sendDocument"),
    ("packages/lib/server-only/document/complete-document-with-token.ts", "await triggerWebhook({", 1, "completeDocumentWithToken"),
    ("packages/lib/server-only/document/complete-document-with-token.ts", "await triggerWebhook({", 2, "completeDocumentWithToken"),
    ("packages/lib/server-only/envelope/duplicate-envelope.ts", "await triggerWebhook({", 0, "duplicateEnvelope"),
    ("packages/lib/server-only/envelope/update-envelope.ts", "await triggerWebhook({", 0, "updateEnvelope"),
    ("packages/lib/server-only/envelope/create-envelope.ts", "await triggerWebhook({", 1, "createEnvelope"),
    ("packages/lib/server-only/envelope/create-envelope.ts", "await triggerWebhook({", 2, "createEnvelope"),
    (f"{WH}/trigger-test-webhook.ts", "await triggerWebhook({", 0, "triggerTestWebhook"),
    ("packages/lib/server-only/template/delete-template.ts", "await triggerWebhook({", 0, "deleteTemplate"),
    ("packages/lib/server-only/template/create-document-from-direct-template.ts", "await triggerWebhook({", 0, "createDocumentFromDirectTemplate"),
    ("packages/lib/server-only/template/create-document-from-template.ts", "triggerWebhook({", 1, "createDocumentFromTemplate"),
    ("packages/lib/server-only/template/create-document-from-template.ts", "triggerWebhook({", 2, "createDocumentFromTemplate"),
]


def hook(file, at, symbol=None, nth=0, **kw):
    return tp("notification", file, at, symbol, channel="webhook_out", nth=nth, **kw)


# ---------------------------------------------------------------- event_tracking
CAPTURE_CALLS = [
    ("apps/remix/app/components/general/document-signing/document-signing-page-view-v1.tsx", "DocumentSigningPageViewV1"),
    ("apps/remix/app/components/general/document/document-upload-button-legacy.tsx", "DocumentUploadButtonLegacy"),
    ("apps/remix/app/components/general/envelope/envelope-drop-zone-wrapper.tsx", "EnvelopeDropZoneWrapper"),
    ("apps/remix/app/components/general/claim-account.tsx", "ClaimAccount"),
    ("apps/remix/app/components/general/envelope-signing/envelope-signing-complete-dialog.tsx", "EnvelopeSignerCompleteDialog"),
    ("apps/remix/app/components/forms/signup.tsx", "SignUpForm"),
]

# ---------------------------------------------------------------- scheduled_job
CRON_JOBS = [
    ("sync-email-domains", "SYNC_EMAIL_DOMAINS_JOB_DEFINITION", "hourly: re-verify organisation email domains"),
    ("send-signing-reminders-sweep", "SEND_SIGNING_REMINDERS_SWEEP_JOB_DEFINITION", "every 15 min: queue signing reminders"),
    ("seal-document-sweep", "SEAL_DOCUMENT_SWEEP_JOB_DEFINITION", "every 15 min: seal stuck documents"),
    ("cleanup-rate-limits", "CLEANUP_RATE_LIMITS_JOB_DEFINITION", "every 15 min: delete old rate-limit rows"),
    ("expire-recipients-sweep", "EXPIRE_RECIPIENTS_SWEEP_JOB_DEFINITION", "every 15 min: expire recipients past their signing window"),
    ("alert-organisation-seat-drift", "ALERT_ORGANISATION_SEAT_DRIFT_JOB_DEFINITION", "daily: email admins about seat drift"),
]

# ---------------------------------------------------------------- data_model
MODELS_TP = [
    ("User", "the account/person"),
    ("Organisation", "tenant/customer account (has a Stripe customerId)"),
    ("OrganisationMember", "a person's membership in an organisation"),
    ("OrganisationMemberInvite", "invitation of a person by email"),
    ("Team", "a team of people inside an organisation"),
    ("Subscription", "an organisation's billing subscription"),
    ("Envelope", "a document/template owned by a user and team"),
    ("Recipient", "a person asked to sign (email, name, statuses, reminders)"),
]
MODELS_AMBIGUOUS = [
    ("TeamProfile", "a team's public profile (bio)"),
    ("UserSecurityAuditLog", "per-user security event log (sign-ins etc.): log, but behavioural"),
    ("Account", "OAuth provider account linked to a user (tokens)"),
    ("Webhook", "a team's outgoing webhook subscription (configuration owned by a user)"),
    ("OrganisationClaim", "an organisation's plan entitlements"),
    ("OrganisationMonthlyStat", "per-organisation monthly usage counters"),
    ("Folder", "a user's folder of documents"),
    ("DocumentAuditLog", "document activity log with the acting person's name/email"),
    ("DocumentMeta", "per-document message/subject/email settings sent to recipients"),
    ("Signature", "a recipient's signature on a field"),
    ("OrganisationGroup", "group of organisation members with a role"),
    ("TeamEmail", "a team's verified email address"),
]
MODELS_NOT = [
    ("PasswordResetToken", "auth token"),
    ("Passkey", "credential"),
    ("AnonymousVerificationToken", "auth token"),
    ("VerificationToken", "auth token"),
    ("WebhookCall", "delivery log"),
    ("ApiToken", "credential"),
    ("SubscriptionClaim", "plan configuration (limits/flags)"),
    ("Session", "auth session"),
    ("EnvelopeItem", "file part of a document"),
    ("DocumentData", "file bytes"),
    ("EnvelopeAttachment", "file/link attachment"),
    ("Field", "document content (field placement)"),
    ("CscCredential", "remote-signing credential"),
    ("CscSession", "remote-signing session state"),
    ("DocumentShareLink", "share token"),
    ("OrganisationGroupMember", "join table"),
    ("TeamGroup", "join table"),
    ("OrganisationGlobalSettings", "settings"),
    ("TeamGlobalSettings", "settings"),
    ("TeamEmailVerification", "verification token"),
    ("TemplateDirectLink", "share token"),
    ("SiteSettings", "settings"),
    ("BackgroundJob", "job queue row"),
    ("BackgroundJobTask", "job queue row"),
    ("AvatarImage", "file bytes"),
    ("EmailDomain", "email sending configuration (DKIM keys)"),
    ("OrganisationEmail", "sender-address configuration"),
    ("EmailTransport", "email transport configuration"),
    ("OrganisationAuthenticationPortal", "SSO configuration"),
    ("Counter", "technical counter"),
    ("RateLimit", "rate-limit bucket"),
]


def model(name, note):
    return tp("data_model", SCHEMA, f"model {name} {{", name, entity=name, framework="prisma", note=note)


SPEC = {
    "notes": [
        "Documenso v2.17.0 (commit 75330166cc00b29c14399bc2e391e4b4d8080c00) from GitHub documenso/documenso; whole monorepo, paths relative to the repo root. Four binary assets (three CJK fonts, one PNG) were absent from the snapshot and are irrelevant. Labelled by hand before any scanner output was looked at.",
        "Not touchpoints by the rules: packages/app-tests/** (Playwright e2e), *.test.ts, packages/prisma/migrations/**, packages/prisma/seed/**, apps/docs/** (docs site, has a Plausible provider), packages/email/preview/** (template preview dev app), packages/api/v1/examples/** (API usage examples).",
        "email_send: there is no single send wrapper; every email is a direct nodemailer `transporter.sendMail(...)` on either the env `mailer` (packages/email/mailer.ts) or a per-organisation transport from getEmailContext/resolveEmailTransport. Each sendMail call is a touchpoint (34). Named helpers (send*Email, sendForgotPassword, sendResetPassword, sendConfirmationToken...) are wrappers with their call sites. Most emails are sent from background jobs: the 17 `send.*` job definitions in packages/lib/jobs/definitions/emails are wrappers (alt: the handler's run) and every `jobs.triggerJob({ name: 'send.*' })` is a call site (label line = the triggerJob( line, alt = the name: line). The MailChannels nodemailer transport POSTs to the MailChannels API (provider call). The transport factories (getTransport/buildTransport) send nothing by themselves: ambiguous. Functions that send mail as a side effect without being named for it (resendDocument, sendDocument, forgotPassword, createOrganisationMemberInvites, resendOrganisationMemberInvitation, the process-signing-reminder/bulk-send/admin-delete-organisation jobs) are ambiguous at their definition; their inner sendMail/trigger lines are touchpoints.",
        "notification: only webhook_out. Outgoing webhooks: triggerWebhook (packages/lib/server-only/webhooks/trigger/trigger-webhook.ts) enqueues the internal.execute-webhook job per registered webhook; its handler calls executeWebhookCall, which POSTs to the user-configured URL with fetchWithTimeout. triggerWebhook, executeWebhookCall, the EXECUTE_WEBHOOK job and triggerTestWebhook are wrappers; the 21 triggerWebhook call sites, the resend-webhook-call route's enqueue and testWebhook's call are call sites. No Slack/SMS/push/in-app channels exist.",
        "webhook_handler: Stripe (/api/stripe/webhook route action + stripeWebhookHandler with constructEvent). Ambiguous: the legacy /api/webhook/trigger route (internal signed self-callback that fans out webhooks), the Zapier REST-hook subscribe/unsubscribe endpoints, and /api/jobs/* (Inngest / local job runner callbacks). OAuth callbacks (auth/callback, CSC oauth-callback) are not webhooks.",
        "event_tracking: PostHog. useAnalytics() hook (packages/lib/client-only/hooks/use-analytics.ts) wraps posthog.capture; its six analytics.capture call sites and the posthog.init in entry.client.tsx are touchpoints. Ambiguous: the $hydration_recoverable_error capture (error telemetry), the /ingest PostHog reverse proxy route, and the server TelemetryClient (anonymous self-host install heartbeat via posthog-node). captureException is error monitoring: not a touchpoint.",
        "scheduled_job: six job definitions with `trigger.cron` (label at the definition const, alt = the cron: line) plus the two GitHub Actions `schedule:` workflows (stale.yml, translations-pull.yml). The scheduler machinery (BullMQ upsertJobScheduler, the local cron poller, Inngest cron trigger config) and the telemetry hourly setInterval are ambiguous.",
        "llm_call: Vercel AI SDK generateObject with Google Vertex (gemini) in detect-fields and detect-recipients; detectFieldsFromEnvelope / detectRecipientsFromEnvelope are the exported wrappers, called from the /api/ai Hono routes. Internal helpers (detectFieldsFromPdf/Page, detectRecipientsFromPdf/Images), the createVertex provider setup and the browser-side detectFields/detectRecipients fetch clients (and their calls in the AI dialogs) are ambiguous.",
        "personize_call: none.",
        "data_model: Prisma models in packages/prisma/schema.prisma only. User, Organisation, OrganisationMember, OrganisationMemberInvite, Team, Subscription, Envelope, Recipient are touchpoints; person-adjacent records/logs are ambiguous; tokens, credentials, files, settings, join tables and queue rows are not. Zod request schemas and TS types in packages/lib/types are not labelled.",
    ],
    "touchpoints": [
        # ---- email_send: provider-level
        email(
            "packages/email/transports/mailchannels.ts",
            "fetch(this._options.endpoint, {",
            "MailChannelsTransport.send",
            provider="mailchannels",
            note="provider call: nodemailer transport POSTing to the MailChannels API",
            alt=[{"at": "public send(mail: MailMessage"}],
        ),
        *[
            email(f, at, sym, nth=n, provider="nodemailer")
            for f, at, n, sym in SEND_MAIL
        ],
        # ---- email_send: named wrappers and their call sites
        *[
            e
            for f, at, name, calls in EMAIL_WRAPPERS
            for e in [
                email(f, at, name, note=f"wrapper: {name}"),
                *[email(cf, cat, csym, nth=cn, note=f"call site of {name}") for cf, cat, cn, csym in calls],
            ]
        ],
        # ---- email_send: background jobs that send email, and their triggers
        *[
            email(
                f"{JD}/emails/{stem}.ts",
                f"export const {const} = {{",
                const,
                note="wrapper: background job whose handler sends the email",
                alt=[{"file": f"{JD}/emails/{stem}.handler.ts", "at": "export const run = async"}],
            )
            for stem, const in EMAIL_JOBS
        ],
        *[
            email(
                f,
                "triggerJob(",
                sym,
                nth=n,
                note="call site of an email job (jobs.triggerJob)",
                alt=[{"at": name, "nth": nn}],
            )
            for f, n, name, nn, sym in EMAIL_JOB_TRIGGERS
        ],
        # ---- notification: outgoing webhooks
        hook(
            f"{WH}/execute-webhook-call.ts",
            "export const executeWebhookCall = async",
            "executeWebhookCall",
            note="wrapper: POST to a user-configured webhook URL",
        ),
        hook(
            f"{WH}/execute-webhook-call.ts",
            "const response = await fetchWithTimeout(url, {",
            "executeWebhookCall",
            provider="fetch",
        ),
        hook(
            f"{WH}/trigger/trigger-webhook.ts",
            "export const triggerWebhook = async",
            "triggerWebhook",
            note="wrapper: enqueue internal.execute-webhook for each registered webhook",
            alt=[{"at": "name: 'internal.execute-webhook',"}],
        ),
        hook(
            f"{JD}/internal/execute-webhook.ts",
            "export const EXECUTE_WEBHOOK_JOB_DEFINITION = {",
            "EXECUTE_WEBHOOK_JOB_DEFINITION",
            note="wrapper: background job delivering one webhook call",
            alt=[{"file": f"{JD}/internal/execute-webhook.handler.ts", "at": "export const run = async"}],
        ),
        hook(
            f"{JD}/internal/execute-webhook.handler.ts",
            "await executeWebhookCall({",
            "run",
            note="call site of executeWebhookCall",
        ),
        hook(
            f"{WH}/trigger-test-webhook.ts",
            "export const triggerTestWebhook = async",
            "triggerTestWebhook",
            note="wrapper: send a sample payload to a webhook",
        ),
        hook(
            "packages/trpc/server/webhook-router/router.ts",
            "return await triggerTestWebhook({",
            "testWebhook",
            note="call site of triggerTestWebhook",
        ),
        hook(
            "packages/trpc/server/webhook-router/resend-webhook-call.ts",
            "await jobs.triggerJob({",
            "resendWebhookCallRoute",
            note="call site of the execute-webhook job (re-deliver a webhook call)",
            alt=[{"at": "name: 'internal.execute-webhook',"}],
        ),
        *[hook(f, at, sym, nth=n, note="call site of triggerWebhook") for f, at, n, sym in WEBHOOK_TRIGGERS],
        # ---- webhook_handler
        tp(
            "webhook_handler",
            "apps/remix/app/routes/api+/stripe.webhook.ts",
            "export async function action({ request }: Route.ActionArgs) {",
            "action",
            provider="stripe",
            note="route /api/stripe/webhook",
        ),
        tp(
            "webhook_handler",
            "packages/ee/server-only/stripe/webhook/handler.ts",
            "export const stripeWebhookHandler = async",
            "stripeWebhookHandler",
            provider="stripe",
            alt=[{"at": "stripe.webhooks.constructEvent("}],
        ),
        # ---- event_tracking
        tp(
            "event_tracking",
            "packages/lib/client-only/hooks/use-analytics.ts",
            "export function useAnalytics() {",
            "useAnalytics",
            provider="posthog",
            note="wrapper: useAnalytics().capture -> posthog.capture",
        ),
        tp(
            "event_tracking",
            "packages/lib/client-only/hooks/use-analytics.ts",
            "posthog.capture(event, properties);",
            "useAnalytics",
            provider="posthog",
        ),
        tp(
            "event_tracking",
            "apps/remix/app/entry.client.tsx",
            "posthog.init(postHogConfig.key, {",
            "initPosthog",
            provider="posthog",
        ),
        *[
            tp("event_tracking", f, "analytics.capture(", sym, provider="posthog", note="call site of useAnalytics().capture")
            for f, sym in CAPTURE_CALLS
        ],
        # ---- scheduled_job
        *[
            tp(
                "scheduled_job",
                f"{JD}/internal/{stem}.ts",
                f"export const {const} = {{",
                const,
                note=f"job cron trigger ({why})",
                alt=[{"at": "cron: '"}],
            )
            for stem, const, why in CRON_JOBS
        ],
        tp(
            "scheduled_job",
            ".github/workflows/stale.yml",
            "schedule:",
            "stale",
            note="GitHub Actions schedule (every 8h: mark stale issues)",
            alt=[{"at": "- cron:"}],
        ),
        tp(
            "scheduled_job",
            ".github/workflows/translations-pull.yml",
            "schedule:",
            "translations-pull",
            note="GitHub Actions schedule (every 2h: pull Crowdin translations)",
            alt=[{"at": "- cron:"}],
        ),
        # ---- llm_call
        tp(
            "llm_call",
            f"{AI}/detect-fields/index.ts",
            "const result = await generateObject({",
            "detectFieldsFromPage",
            provider="vercel_ai_sdk",
            alt=[{"at": "model: vertex("}],
        ),
        tp(
            "llm_call",
            f"{AI}/detect-recipients/index.ts",
            "const result = await generateObject({",
            "detectRecipientsFromImages",
            provider="vercel_ai_sdk",
            alt=[{"at": "model: vertex("}],
        ),
        tp(
            "llm_call",
            f"{AI}/detect-fields/index.ts",
            "export const detectFieldsFromEnvelope = async",
            "detectFieldsFromEnvelope",
            note="wrapper: AI field detection for an envelope",
        ),
        tp(
            "llm_call",
            f"{AI}/detect-recipients/index.ts",
            "export const detectRecipientsFromEnvelope = async",
            "detectRecipientsFromEnvelope",
            note="wrapper: AI recipient detection for an envelope",
        ),
        tp(
            "llm_call",
            "apps/remix/server/api/ai/detect-fields.ts",
            "await detectFieldsFromEnvelope({",
            "detectFieldsRoute",
            note="call site of detectFieldsFromEnvelope",
        ),
        tp(
            "llm_call",
            "apps/remix/server/api/ai/detect-recipients.ts",
            "await detectRecipientsFromEnvelope({",
            "detectRecipientsRoute",
            note="call site of detectRecipientsFromEnvelope",
        ),
        # ---- data_model
        *[model(name, note) for name, note in MODELS_TP],
    ],
    "not_touchpoints": [
        *[no("data_model", SCHEMA, f"model {name} {{", why) for name, why in MODELS_NOT],
        no("email_send", "packages/email/render.tsx", "export const render = async", "renders a React Email template to HTML; sends nothing"),
        no("email_send", "packages/email/render.tsx", "export const renderWithI18N = async", "renders a template; sends nothing"),
        no("email_send", "packages/lib/server-only/email/get-email-context.ts", "export const getEmailContext = async", "resolves sender/branding/transport for an email; sends nothing"),
        no("email_send", "packages/lib/server-only/email/resolve-email-transport.ts", "export const resolveEmailTransport = async", "loads and decrypts a transport config; sends nothing"),
        no("notification", "packages/lib/utils/timeout.ts", "return await fetch(input, { ...fetchInit, signal: controller.signal });", "generic fetch-with-timeout utility"),
        no("notification", "packages/lib/server-only/captcha/verify-captcha.ts", "response = await fetch(TURNSTILE_VERIFY_URL, {", "Cloudflare Turnstile captcha verification"),
        no("notification", "packages/lib/server-only/license/license-client.ts", "const response = await fetch(endpoint, {", "license key check"),
        no("notification", "packages/lib/server-only/document-conversion/gotenberg.ts", "const response = await fetch(convertEndpoint, {", "document conversion service"),
        no("notification", "packages/ee/server-only/limits/client.ts", "return fetch(url, {", "calls the app's own limits API"),
        no("notification", "packages/lib/jobs/client/local.ts", "fetch(endpoint, {", "local job provider dispatching a job to the app's own /api/jobs endpoint"),
        no("notification", "packages/ee/server-only/signing/csc/client/http.ts", "response = await fetch(url, {", "remote-signing (CSC) provider API"),
        no("notification", "packages/ui/components/document/document-share-button.tsx", "await fetch(`${NEXT_PUBLIC_WEBAPP_URL()}/share/${slug}/opengraph`, {", "prefetches the share image"),
        no("notification", f"{WH}/get-all-webhooks-by-event-trigger.ts", "export const getAllWebhooksByEventTrigger", "webhook lookup; delivers nothing"),
        no("notification", f"{WH}/create-webhook.ts", "export const createWebhook", "webhook configuration CRUD"),
        no("webhook_handler", f"{WH}/zapier/list-documents.ts", "export const listDocumentsHandler", "Zapier polling endpoint (list documents), not an event receiver"),
        no("webhook_handler", "packages/auth/server/routes/callback.ts", ".get('/google', async (c) => handleOAuthCallbackUrl", "OAuth redirect callback, not a webhook"),
        no("webhook_handler", "packages/ee/server-only/signing/csc/hono/oauth-callback.ts", "export const cscOAuthCallbackRoute", "OAuth redirect callback, not a webhook"),
        no("event_tracking", "packages/lib/client-only/hooks/use-analytics.ts", "posthog.captureException(error, properties);", "error monitoring, not behaviour"),
        no("llm_call", "packages/lib/server-only/ai/index.ts", "export * from 'ai';", "re-export of the AI SDK"),
        no("scheduled_job", "apps/remix/server/api/ai/detect-fields.ts", "setInterval(() => {", "SSE keepalive timer inside a request"),
        no("scheduled_job", "apps/remix/server/api/ai/detect-recipients.ts", "setInterval(() => {", "SSE keepalive timer inside a request"),
    ],
    "ambiguous": [
        # email
        no("email_send", "packages/email/mailer.ts", "export const mailer = getTransport();", "the env-configured nodemailer transport (SMTP/Resend/MailChannels) used by sendMail calls; construction, not a send"),
        no("email_send", "packages/email/transports/build-transport.ts", "export const buildTransport = (config", "builds a per-organisation nodemailer transport; no send"),
        no("email_send", "packages/lib/server-only/document/resend-document.ts", "export const resendDocument = async", "re-sends signing request emails (sendMail inside); not named as an email helper"),
        no("email_send", "packages/api/v1/implementation.ts", "await resendDocument({", "call of resendDocument"),
        no("email_send", "packages/trpc/server/envelope-router/redistribute-envelope.ts", "await resendDocument({", "call of resendDocument"),
        no("email_send", "packages/trpc/server/document-router/redistribute-document.ts", "await resendDocument({", "call of resendDocument"),
        no("email_send", "packages/lib/server-only/document/send-document.ts", "export const sendDocument = async", "distributes a document for signing (enqueues signing emails when distributionMethod is EMAIL)"),
        no("email_send", "packages/lib/server-only/user/forgot-password.ts", "export const forgotPassword = async", "creates a reset token and calls sendForgotPassword"),
        no("email_send", "packages/lib/server-only/organisation/create-organisation-member-invites.ts", "export const createOrganisationMemberInvites = async", "creates invites and emails them"),
        no("email_send", "packages/trpc/server/organisation-router/resend-organisation-member-invite.ts", "export const resendOrganisationMemberInvitation = async", "re-sends invitation emails"),
        no("email_send", f"{JD}/internal/process-signing-reminder.ts", "export const PROCESS_SIGNING_REMINDER_JOB_DEFINITION = {", "job that sends a signing reminder email (and a webhook)"),
        no("email_send", f"{JD}/internal/bulk-send-template.ts", "export const BULK_SEND_TEMPLATE_JOB_DEFINITION = {", "bulk document creation job that emails a summary to the requester"),
        no("email_send", f"{JD}/internal/admin-delete-organisation.ts", "export const ADMIN_DELETE_ORGANISATION_JOB_DEFINITION = {", "deletion job that emails the organisation owner"),
        # webhook handlers
        no("webhook_handler", "apps/remix/app/routes/api+/webhook.trigger.ts", "export async function action({ request }: Route.ActionArgs) {", "legacy internal signed self-callback that fans out outgoing webhooks (marked for deletion)"),
        no("webhook_handler", f"{WH}/trigger/handler.ts", "export const handlerTriggerWebhooks = async", "legacy internal signed self-callback"),
        no("notification", f"{WH}/trigger/handler.ts", "await jobs.triggerJob({", "legacy path enqueuing execute-webhook jobs"),
        no("webhook_handler", f"{WH}/zapier/subscribe.ts", "export const subscribeHandler = async", "Zapier REST-hook subscription endpoint (Zapier registers a target URL)"),
        no("webhook_handler", f"{WH}/zapier/unsubscribe.ts", "export const unsubscribeHandler = async", "Zapier REST-hook unsubscribe endpoint"),
        no("webhook_handler", "apps/remix/server/router.ts", "app.use('/api/jobs/*', jobsClient.getApiHandler());", "job-runner callback endpoint (Inngest / local provider)"),
        # event tracking
        no("event_tracking", "apps/remix/app/entry.client.tsx", "posthog.capture('$hydration_recoverable_error', {", "error telemetry sent to PostHog"),
        no("event_tracking", "apps/remix/app/routes/_redirects+/ingest.$.tsx", "const posthogProxy = async", "reverse proxy for PostHog ingestion"),
        no("event_tracking", "packages/lib/server-only/telemetry/telemetry-client.ts", "this.client.capture({", "anonymous self-host install telemetry (posthog-node), no user data"),
        no("event_tracking", "packages/lib/server-only/telemetry/telemetry-client.ts", "private captureEvent(event: string): void {", "anonymous install telemetry helper"),
        # scheduled jobs machinery
        no("scheduled_job", "packages/lib/jobs/client/bullmq.ts", ".upsertJobScheduler(", "scheduler machinery registering every cron job with BullMQ"),
        no("scheduled_job", "packages/lib/jobs/client/local.ts", "this._cronJobs.push({", "local provider's cron registry/poller"),
        no("scheduled_job", "packages/lib/jobs/client/inngest.ts", "const triggerConfig: { cron: string } | { event: N } = job.trigger.cron", "Inngest cron trigger mapping"),
        no("scheduled_job", "packages/lib/server-only/telemetry/telemetry-client.ts", "this.heartbeatInterval = setInterval(() => {", "hourly telemetry heartbeat timer"),
        # llm
        no("llm_call", f"{AI}/detect-fields/index.ts", "export const detectFieldsFromPdf = async", "internal helper between the envelope wrapper and generateObject"),
        no("llm_call", f"{AI}/detect-fields/index.ts", "const detectFieldsFromPage = async", "private helper holding the generateObject call"),
        no("llm_call", f"{AI}/detect-recipients/index.ts", "export const detectRecipientsFromPdf = async", "internal helper"),
        no("llm_call", f"{AI}/detect-recipients/index.ts", "const detectRecipientsFromImages = async", "private helper holding the generateObject call"),
        no("llm_call", "packages/lib/server-only/ai/google.ts", "export const vertex = createVertex({", "provider client construction"),
        no("llm_call", "apps/remix/server/api/ai/detect-fields.client.ts", "export const detectFields = async", "browser client of the /api/ai/detect-fields endpoint"),
        no("llm_call", "apps/remix/server/api/ai/detect-recipients.client.ts", "export const detectRecipients = async", "browser client of the /api/ai/detect-recipients endpoint"),
        no("llm_call", "apps/remix/app/components/dialogs/ai-field-detection-dialog.tsx", "await detectFields({", "UI call of the AI endpoint client"),
        no("llm_call", "apps/remix/app/components/dialogs/ai-recipient-detection-dialog.tsx", "await detectRecipients({", "UI call of the AI endpoint client"),
        # data models
        *[no("data_model", SCHEMA, f"model {name} {{", why) for name, why in MODELS_AMBIGUOUS],
    ],
}
