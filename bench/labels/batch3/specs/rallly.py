"""Batch-3 labels for Rallly (lukevella/rallly, pnpm + turbo monorepo: Next.js app router,
Prisma, React Email + nodemailer, PostHog, Vercel AI SDK).

Written by reading the code with grep before the scanner was ever run on this repository.
"""

from bench.labels.resolve import no, tp

PACKAGE = "rallly"
OUTPUT = "bench/labels/batch3/rallly.json"
ROOT = "/tmp/fc/rallly"
SOURCE = {
    "source": "github",
    "repo": "lukevella/rallly",
    "commit": "c629b3148024e40a115a731d3660d725c9329b0e",
    "subdir": "",
    "how": "fetch(github:lukevella/rallly); git --git-dir=<dir> archive HEAD | tar -x -C /tmp/fc/rallly",
}

SEND = "packages/emails/src/send.tsx"
TPL = "packages/emails/src/templates"
WEB = "apps/web/src"
AUTH = f"{WEB}/lib/auth.ts"
PH = f"{WEB}/lib/posthog.ts"
POLLS = f"{WEB}/trpc/routers/polls.ts"
PART = f"{WEB}/trpc/routers/polls/participants.ts"
BWH = f"{WEB}/features/billing/webhook/mutations.ts"
HK = f"{WEB}/app/api/house-keeping/[...method]/route.ts"
PRIV = f"{WEB}/app/api/private/[...route]/route.ts"
MOD = f"{WEB}/features/moderation/mutations.ts"
RSVP = f"{WEB}/features/scheduled-event/actions.ts"
DB = "packages/database/prisma/models"

# packages/emails/src/templates/<file>.tsx -> its sendXEmail wrapper
TEMPLATES = [
    ("account-deletion-scheduled", "sendAccountDeletionScheduledEmail"),
    ("change-email", "sendChangeEmailEmail"),
    ("event-canceled", "sendEventCanceledEmail"),
    ("event-rsvp-confirmation", "sendEventRsvpConfirmationEmail"),
    ("finalized-host", "sendFinalizeHostEmail"),
    ("finalized-participant", "sendFinalizeParticipantEmail"),
    ("license-key", "sendLicenseKeyEmail"),
    ("new-comment", "sendNewCommentEmail"),
    ("new-participant-confirmation", "sendNewParticipantConfirmationEmail"),
    ("new-participant", "sendNewParticipantEmail"),
    ("new-poll", "sendNewPollEmail"),
    ("password-added", "sendPasswordAddedEmail"),
    ("register", "sendRegisterEmail"),
    ("reset-password", "sendResetPasswordEmail"),
    ("space-invite", "sendSpaceInviteEmail"),
]

# Call sites in the app of the template senders / sendRawEmail: (file, snippet, nth, symbol, wrapper called)
EMAIL_CALLS = [
    (f"{WEB}/app/[locale]/(space)/settings/profile/actions.ts", "sendAccountDeletionScheduledEmail({", 0, "scheduleAccountDeletionAction", "sendAccountDeletionScheduledEmail"),
    (RSVP, "await sendEventRsvpConfirmationEmail({", 0, "sendRsvpConfirmation", "sendEventRsvpConfirmationEmail"),
    (f"{WEB}/features/auth/actions.ts", "sendPasswordAddedEmail({", 0, "setPasswordForUser", "sendPasswordAddedEmail"),
    (MOD, "sendRawEmail({", 0, "moderateContent", "sendRawEmail (moderation alert to support)"),
    (f"{WEB}/features/feedback/mutations.ts", "await sendRawEmail({", 0, "submitFeedback", "sendRawEmail (feedback to feedback@rallly.co)"),
    (BWH, "await sendLicenseKeyEmail({", 0, "onCheckoutSessionCompleted", "sendLicenseKeyEmail"),
    (BWH, "await sendRawEmail({", 0, "onCustomerSubscriptionCreated", "sendRawEmail (founder thank-you)"),
    (f"{WEB}/features/space/member/mutations.ts", "await sendSpaceInviteEmail({", 0, "inviteMember", "sendSpaceInviteEmail"),
    (f"{WEB}/trpc/routers/events.ts", "sendEventCanceledEmail({", 0, "cancel", "sendEventCanceledEmail"),
    (f"{WEB}/trpc/routers/polls/comments.ts", "sendNewCommentEmail({", 0, "add", "sendNewCommentEmail"),
    (PART, "await sendNewParticipantEmail({", 0, "sendNewResponseNotificationEmail", "sendNewParticipantEmail"),
    (PART, "sendNewParticipantConfirmationEmail({", 0, "add", "sendNewParticipantConfirmationEmail"),
    (PART, "sendNewResponseNotificationEmail({", 2, "add", "sendNewResponseNotificationEmail"),
    (POLLS, "sendNewPollEmail({", 0, "make", "sendNewPollEmail"),
    (POLLS, "sendFinalizeHostEmail({", 0, "book", "sendFinalizeHostEmail"),
    (POLLS, "sendFinalizeParticipantEmail({", 0, "book", "sendFinalizeParticipantEmail"),
    (AUTH, "await sendResetPasswordEmail({", 0, "sendResetPassword", "sendResetPasswordEmail"),
    (AUTH, "sendRegisterEmail({", 0, "sendVerificationOTP", "sendRegisterEmail"),
    (AUTH, "sendChangeEmailEmail({", 0, "sendVerificationOTP", "sendChangeEmailEmail"),
    (RSVP, "sendRsvpConfirmation({", 2, "submitRsvpAction", "sendRsvpConfirmation"),
    (RSVP, "sendRsvpConfirmation({", 3, "registerForEventAction", "sendRsvpConfirmation"),
    (AUTH, "await authLib.api.sendVerificationOTP({", 0, "onExistingUserSignUp", "better-auth sendVerificationOTP (runs the emailOTP hook)"),
]

# Every product-analytics call outside the wrappers in lib/posthog.ts: (file, snippet, nth, symbol).
# Server: track()/trackSystemEvent()/identifyGroup() wrappers and a few raw posthog()?.capture calls;
# client: posthog-js capture/identify/group.
EVENTS = [
    (f"{WEB}/app/[locale]/(auth)/login/verify/components/otp-form.tsx", 'posthog?.capture("login:otp_verify_error", {', 0, "OTPForm"),
    (f"{WEB}/app/[locale]/(space)/settings/components/sidebar.tsx", 'posthog?.capture("space_settings:members_link_click");', 0, "SpaceSidebarMenu"),
    (f"{WEB}/app/[locale]/(space)/settings/profile/actions.ts", "track(ctx.user, {", 1, "scheduleAccountDeletionAction"),
    (f"{WEB}/app/[locale]/(space)/settings/profile/actions.ts", 'trackSystemEvent({ event: "account_deletion_complete" });', 0, "deleteAccountAction"),
    (f"{WEB}/app/[locale]/(space)/settings/profile/actions.ts", 'track(ctx.user, { event: "account_deletion_cancel" });', 0, "cancelAccountDeletionAction"),
    (f"{WEB}/app/[locale]/(space)/settings/billing/components/pro-plan-card.tsx", 'posthog?.capture("space_billing:billing_portal_button_click");', 0, "ProPlanCard"),
    (f"{WEB}/app/[locale]/(space)/settings/billing/components/pro-plan-card.tsx", 'posthog?.capture("space_billing:manage_seats_button_click");', 0, "ProPlanCard"),
    (f"{WEB}/app/[locale]/(space)/settings/billing/components/contact-support-link.tsx", 'posthog?.capture("space_billing:support_button_click");', 0, "ContactSupportLink"),
    (f"{WEB}/app/[locale]/setup/actions.ts", "identifyGroup({", 0, "setupSpaceAction"),
    (f"{WEB}/app/[locale]/setup/actions.ts", "track(ctx.user, {", 0, "setupSpaceAction"),
    (HK, 'trackSystemEvent({ event: "account_deletion_complete" });', 0, "removeDeletedUsers"),
    (PRIV, "identifyGroup({", 0, "trackPollCreated"),
    (PRIV, "track(", 0, "trackPollCreated"),
    (f"{WEB}/features/poll/components/new-participant-modal.tsx", "posthog?.capture(", 1, "NewParticipantForm"),
    (f"{WEB}/features/poll/components/new-participant-modal.tsx", "posthog?.capture(", 2, "NewParticipantForm"),
    (f"{WEB}/features/poll/components/create-poll.tsx", 'posthog?.capture("poll_creation:invite_link_copy");', 0, "CreatePoll"),
    (f"{WEB}/features/poll/components/create-poll.tsx", 'posthog?.capture("poll_creation:manage_button_click");', 0, "CreatePoll"),
    (f"{WEB}/features/poll/components/create-poll.tsx", 'posthog?.capture("poll_creation:view_button_click");', 0, "CreatePoll"),
    (f"{WEB}/features/poll/components/poll-footer.tsx", 'posthog?.capture("poll_footer:powered_by_link_click", {', 0, "PollFooter"),
    (f"{WEB}/features/poll/components/forms/poll-settings.tsx", 'posthog?.capture("poll_settings:comments_toggle_click", {', 0, "PollSettingsForm"),
    (f"{WEB}/features/poll/actions.ts", "identifyGroup({", 0, "setPollMutedAction"),
    (f"{WEB}/features/user/client.tsx", "posthog.identify(userId, { locale });", 0, "UserProvider"),
    (f"{WEB}/features/auth/actions.ts", 'track({ id: user.id, isGuest: false }, { event: "password_set" });', 0, "setPasswordForUser"),
    (f"{WEB}/features/auth/mutations.ts", "posthog()?.capture({", 0, "linkAnonymousUser"),
    (f"{WEB}/features/feedback/mutations.ts", 'track({ id: userId, isGuest: false }, { event: "feedback_send" });', 0, "submitFeedback"),
    (f"{WEB}/features/notifications/actions.ts", "track(ctx.user, {", 0, "updateNotificationPreferenceAction"),
    (BWH, "posthog()?.capture({", 1, "onCheckoutSessionCompleted"),
    (BWH, "identifyGroup({", 1, "onCustomerSubscriptionCreated"),
    (BWH, "posthog()?.capture({", 2, "onCustomerSubscriptionCreated"),
    (BWH, "identifyGroup({", 2, "onCustomerSubscriptionDeleted"),
    (BWH, "posthog()?.capture({", 3, "onCustomerSubscriptionDeleted"),
    (BWH, "identifyGroup({", 3, "onCustomerSubscriptionUpdated"),
    (BWH, "posthog()?.capture({", 4, "onCustomerSubscriptionUpdated"),
    (f"{WEB}/features/billing/components/pay-wall-dialog.tsx", 'posthog?.capture("paywall:premium_poll_option_view", {', 0, "PayWallDialog"),
    (f"{WEB}/features/billing/components/pay-wall-dialog.tsx", 'posthog?.capture("paywall:premium_poll_option_select", {', 0, "PayWallDialog"),
    (f"{WEB}/features/billing/components/pay-wall-dialog.tsx", 'posthog?.capture("paywall:upgrade_button_click", {', 1, "PayWallDialog"),
    (f"{WEB}/features/billing/components/pay-wall-dialog.tsx", 'posthog?.capture("paywall:upgrade_button_click", {', 2, "PayWallDialog"),
    (f"{WEB}/features/billing/components/pay-wall-dialog.tsx", 'posthog?.capture("paywall:premium_poll_upgrade_click", {', 0, "PayWallDialog"),
    (f"{WEB}/features/billing/actions.ts", "track(ctx.user, {", 0, "upgradeToProAction"),
    (f"{WEB}/features/billing/client.tsx", 'posthog?.capture("trigger paywall", {', 0, "usePayWallStore"),
    (f"{WEB}/features/api-keys/actions.ts", "track(ctx.user, {", 1, "createApiKeyAction"),
    (f"{WEB}/features/api-keys/actions.ts", "track(ctx.user, {", 2, "revokeApiKeyAction"),
    (f"{WEB}/features/event-types/components/edit-event-type-dialog.tsx", 'posthog?.capture("event_type_edit:form_submit", {', 0, "EditEventTypeDialog"),
    (f"{WEB}/features/event-types/components/create-event-type-dialog.tsx", 'posthog?.capture("event_type_creation:form_submit", {', 0, "CreateEventTypeDialog"),
    (f"{WEB}/features/event-types/components/delete-event-type-dialog.tsx", 'posthog?.capture("event_type_deletion:confirm");', 0, "DeleteEventTypeDialog"),
    (f"{WEB}/features/space/member/actions.ts", "track(ctx.user, {", 1, "inviteMemberAction"),
    (f"{WEB}/features/space/member/actions.ts", "identifyGroup({", 1, "acceptInviteAction"),
    (f"{WEB}/features/space/member/actions.ts", "track(ctx.user, {", 2, "acceptInviteAction"),
    (f"{WEB}/features/space/member/actions.ts", "identifyGroup({", 2, "removeMemberAction"),
    (f"{WEB}/features/space/member/actions.ts", "track(ctx.user, {", 3, "removeMemberAction"),
    (f"{WEB}/features/space/actions.ts", "track(ctx.user, {", 1, "setActiveSpaceAction"),
    (f"{WEB}/features/space/actions.ts", "identifyGroup({", 1, "createSpaceAction"),
    (f"{WEB}/features/space/actions.ts", "track(ctx.user, {", 2, "createSpaceAction"),
    (f"{WEB}/features/space/actions.ts", "track(ctx.user, {", 3, "deleteSpaceAction"),
    (f"{WEB}/features/space/actions.ts", "identifyGroup({", 2, "updateSpaceAction"),
    (f"{WEB}/features/space/actions.ts", "track(ctx.user, {", 4, "updateSpaceAction"),
    (f"{WEB}/features/space/actions.ts", "identifyGroup({", 3, "updateSpaceShowBrandingAction"),
    (f"{WEB}/features/space/actions.ts", "track(ctx.user, {", 5, "updateSpaceShowBrandingAction"),
    (f"{WEB}/features/space/actions.ts", "identifyGroup({", 4, "updateSpaceHideAttributionAction"),
    (f"{WEB}/features/space/actions.ts", "track(ctx.user, {", 6, "updateSpaceHideAttributionAction"),
    (f"{WEB}/features/space/client.tsx", 'posthog?.group("space", space.id);', 0, "SpaceProvider"),
    (f"{WEB}/trpc/routers/spaces.ts", "identifyGroup({", 1, "leave"),
    (f"{WEB}/trpc/routers/spaces.ts", "track(ctx.user, {", 1, "leave"),
    (f"{WEB}/trpc/routers/spaces.ts", "identifyGroup({", 2, "leaveFromAccount"),
    (f"{WEB}/trpc/routers/spaces.ts", "track(ctx.user, {", 2, "leaveFromAccount"),
    (f"{WEB}/trpc/routers/polls/comments.ts", "track(", 1, "add"),
    (f"{WEB}/trpc/routers/polls/comments.ts", "track(", 2, "delete"),
    (PART, "track(", 1, "delete"),
    (PART, "track(", 2, "add"),
    (PART, "track(", 3, "update"),
    (POLLS, "track(", 1, "make"),
    (POLLS, "identifyGroup({", 1, "make"),
    (POLLS, "track(", 2, "make"),
    (POLLS, "track(", 3, "modify"),
    (POLLS, "identifyGroup({", 2, "modify"),
    (POLLS, "track(", 4, "modify"),
    (POLLS, "track(", 5, "modify"),
    (POLLS, "track(", 6, "modify"),
    (POLLS, "track(", 7, "markAsDeleted"),
    (POLLS, "track(", 8, "book"),
    (POLLS, "track(", 9, "reopen"),
    (POLLS, "track(", 10, "close"),
    (AUTH, 'track({ id: user.id, isGuest: false }, { event: "password_reset" });', 0, "onPasswordReset"),
    (AUTH, "track(", 2, "hooks.after"),
    (AUTH, "track(", 3, "hooks.after"),
    (AUTH, "track(", 4, "databaseHooks.user.create.after"),
    (AUTH, "track(", 5, "databaseHooks.session.create.after"),
    ("apps/landing/src/components/home/cta-button.tsx", "posthog.capture(captureEvent);", 0, "CtaButton"),
    ("apps/landing/src/components/home/hero-demo/vote-selector.tsx", 'posthog?.capture("landing:hero_demo_vote_change", { vote });', 0, "VoteSelector"),
    ("apps/landing/src/components/home/hero-demo/vote-actions.tsx", 'posthog?.capture("landing:hero_demo_continue_click");', 0, "VoteActions"),
    ("apps/landing/src/components/home/hero-demo/vote-actions.tsx", 'posthog?.capture("landing:hero_demo_close_click");', 0, "VoteActions"),
    ("apps/landing/src/components/home/hero-demo/vote-actions.tsx", 'posthog?.capture("landing:hero_demo_modal_cta_click");', 0, "VoteActions"),
    ("apps/landing/src/components/home/fade-in.tsx", "captureOnEnter ? () => posthog.capture(captureOnEnter) : undefined", 0, "FadeIn"),
]

# Prisma models (packages/database/prisma/models/<file>.prisma)
MODELS = [
    ("user.prisma", "User", "the user account"),
    ("space.prisma", "Space", "workspace/organisation owned by a user (tier, branding)"),
    ("space.prisma", "SpaceMember", "a user's membership and role in a space"),
    ("space.prisma", "SpaceMemberInvite", "an emailed invitation to join a space"),
    ("poll.prisma", "Poll", "a user's scheduling poll"),
    ("poll.prisma", "Participant", "a person responding to a poll (name, email, locale, time zone)"),
    ("poll.prisma", "PollInvite", "an invitee (email) of a poll"),
    ("poll.prisma", "Vote", "a participant's answer to an option"),
    ("poll.prisma", "Comment", "person-authored comment on a poll"),
    ("event.prisma", "ScheduledEvent", "a user's scheduled event"),
    ("event.prisma", "ScheduledEventInvite", "an invitee of a scheduled event (name, email, locale, RSVP status)"),
    ("billing.prisma", "Subscription", "a user's/space's Stripe subscription"),
    ("billing.prisma", "PaymentMethod", "a user's payment method"),
    ("licensing.prisma", "License", "a sold self-hosting license with licensee name/email"),
]

AMBIGUOUS_MODELS = [
    ("user.prisma", "Account", "better-auth provider account link (OAuth tokens, password hash) of a user"),
    ("user.prisma", "Session", "a user's login session (ip, user agent)"),
    ("poll.prisma", "PollActivity", "activity log of a poll, refers to users/participants"),
    ("event-type.prisma", "EventType", "a host's bookable event type (configuration)"),
    ("sheet.prisma", "Sheet", "a host's sign-up sheet"),
    ("notification.prisma", "UserNotificationPreferences", "a user's notification preferences (JSON)"),
    ("integrations.prisma", "CalendarConnection", "a user's connected calendar account"),
    ("licensing.prisma", "InstanceLicense", "the license installed on a self-hosted instance"),
    ("licensing.prisma", "LicenseValidation", "validation log of a license (ip, user agent)"),
    ("registered-instance.prisma", "RegisteredInstance", "a self-hosted instance seen by the update check"),
]

NOT_MODELS = [
    ("user.prisma", "Verification", "OTP / verification token store"),
    ("integrations.prisma", "Credential", "encrypted OAuth secret store"),
    ("integrations.prisma", "ProviderCalendar", "a calendar listed from a provider (sync state)"),
    ("poll.prisma", "Option", "a poll's date/time option (content)"),
    ("event.prisma", "RescheduledEventDate", "date history of an event"),
    ("sheet.prisma", "SheetSlot", "time slot of a sheet (content)"),
    ("space.prisma", "SpaceApiKey", "hashed API key"),
    ("instance-settings.prisma", "InstanceSettings", "instance configuration singleton"),
]

DTOS = [
    (f"{WEB}/features/user/schema.ts", "export type UserDTO = {", "UserDTO"),
    (f"{WEB}/features/space/types.ts", "export type SpaceDTO = {", "SpaceDTO"),
    (f"{WEB}/features/space/member/types.ts", "export type MemberDTO = {", "MemberDTO"),
    (f"{WEB}/features/space/member/types.ts", "export type MemberInviteDTO = {", "MemberInviteDTO"),
    (f"{WEB}/features/scheduled-event/data.ts", "export type ScheduledEventDTO = {", "ScheduledEventDTO"),
]

# vercel.json crons -> house-keeping route handler
CRONS = [
    ("auto-close-polls", "30 5 * * *"),
    ("delete-inactive-polls", "0 6 * * *"),
    ("remove-deleted-polls", "30 6 * * *"),
    ("remove-deleted-users", "0 7 * * *"),
]


def email(file, at, symbol=None, nth=0, **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, **kw)


def event(file, at, symbol=None, nth=0, **kw):
    return tp("event_tracking", file, at, symbol, nth=nth, provider="posthog", **kw)


def model(file, name, note):
    return tp("data_model", f"{DB}/{file}", f"model {name} {{", name, entity=name, framework="prisma", note=note)


SPEC = {
    "notes": [
        "Rallly monorepo at commit c629b3148024e40a115a731d3660d725c9329b0e (2026-08-22, lukevella/rallly main), labelled as a whole: apps/web (Next.js app router + tRPC + Hono API routes), apps/landing (marketing site), apps/docs (mdx only), packages/* (emails, database, posthog, billing, ui, ...). Labelled by hand before any scanner output was looked at.",
        "Not touchpoints by the rules: apps/web/tests/** and *.test.ts(x) (vitest/playwright), packages/test-helpers/** (mailpit test helpers), packages/database/prisma/migrations/** and prisma/seed*, packages/screenshots (capture scripts), generated Prisma client, public/locales and emails/locales JSON.",
        "email_send: one nodemailer path. packages/emails/src/send.tsx: dispatch() is the wrapper around getTransport().sendMail (SES or SMTP transport from transport.ts); sendRenderedEmail (React Email render + dispatch) and sendRawEmail (plain text) are the two public wrappers. Each of the 15 templates/<name>.tsx exports a sendXEmail wrapper that calls sendRenderedEmail. Every call of those wrappers in apps/web is a call site; local wrappers sendRsvpConfirmation (scheduled-event/actions.ts) and sendNewResponseNotificationEmail (trpc participants router) and their call sites are labelled too. better-auth hooks sendResetPassword and emailOTP.sendVerificationOTP in lib/auth.ts are wrappers (they call the template senders); authLib.api.sendVerificationOTP is a call site. Functions that send mail as a side effect but are not named for it (setPasswordForUser, submitFeedback, inviteMember and its action) are ambiguous, as are the client-side better-auth calls (authClient.emailOtp.sendVerificationOtp, requestPasswordReset, requestEmailChange) that make the server send the OTP/reset email.",
        "notification: none. Email is the only delivery channel (no Slack/SMS/push/in-app feed). UserNotificationPreferences / NotificationToggle only switch the poll emails on and off; sendNewResponseNotificationEmail is named 'notification' but delivers email (email_send touchpoint, ambiguous as notification).",
        "event_tracking: PostHog everywhere. Server: lib/posthog.ts wraps posthog-node in track(), trackSystemEvent() and identifyGroup() (wrappers; the posthog()?.capture / groupIdentify inside are the provider calls) and every call of them is a touchpoint, plus the raw posthog()?.capture calls in the Stripe webhook mutations and linkAnonymousUser; the private API's local trackPollCreated helper is a wrapper with two call sites. Client: packages/posthog/src/client.ts posthog.init (pageviews, cookie persistence; side-effect-imported by both apps' instrumentation-client.ts, given as alts) and every posthog.capture / identify / group in components. The landing layout's <Analytics /> (Vercel Analytics) is a touchpoint. posthog.reset() on sign-out, the posthog() client factory, the one-off backfill script's groupIdentify and the self-hosted update check (instance id + version sent to /api/updates) are ambiguous. Sentry, feature-flag reads, deletePostHogPerson, flushPostHog/withPostHog, purge-guest-profiles and packages/ui's layout 'track' helpers are not event tracking.",
        "webhook_handler: the Stripe webhook route handler (constructEvent; alt: the POST export). handleStripeWebhookEvent (the event-type switch behind it) is ambiguous; /api/updates (receives update-check pings from self-hosted instances and records RegisteredInstance) is ambiguous. OAuth callbacks (api/integrations, api/better-auth), the licensing API (called by this app itself) and the private REST API are not webhooks.",
        "scheduled_job: the four Vercel crons in apps/web/vercel.json, labelled at the path line with the Hono route handler in house-keeping/[...method]/route.ts as alt. The /delete-orphaned-anonymous-users house-keeping route has the same CRON_SECRET guard but no cron entry in the repo: ambiguous. scheduleAccountDeletion (sets deletedAt), SchedulePollDialog/SchedulePollForm (book a poll) and findUsersScheduledForRemoval are not jobs. packages/billing and packages/posthog scripts are manual one-off tsx scripts (not scheduled).",
        "llm_call: features/moderation/mutations.ts: moderateContentWithAI (wrapper) calls Vercel AI SDK generateText with openai('gpt-4.1'); its call site inside moderateContent is a touchpoint. moderateContent itself (only calls the LLM after regex heuristics match, and only when MODERATION_ENABLED) and its two callers in the polls router are ambiguous.",
        "personize_call: none.",
        "data_model: Prisma models in packages/database/prisma/models/*.prisma. People/organisations and records about them are touchpoints (User, Space, SpaceMember, SpaceMemberInvite, Poll, Participant, PollInvite, Vote, Comment, ScheduledEvent, ScheduledEventInvite, Subscription, PaymentMethod, License). Auth/session/config/log-like and per-user settings models are ambiguous; token stores, content/slot tables and config singletons are not. Hand-written DTO types (UserDTO, SpaceDTO, MemberDTO, ...) are projections of the Prisma rows: ambiguous. Prisma enums are not models.",
        "Partial coverage: none intended; all listed kinds were searched exhaustively with grep (provider imports, send/mail/notify/webhook/cron/schedule/track/capture/openai/fetch).",
    ],
    "touchpoints": [
        # ---- email_send: the core sender
        email(SEND, "async function dispatch(options: DispatchOptions) {", "dispatch", note="wrapper: the single nodemailer send behind every email"),
        email(SEND, "await getTransport().sendMail({", "dispatch", provider="nodemailer"),
        email(SEND, "export async function sendRenderedEmail(options: {", "sendRenderedEmail", note="wrapper: renders a React Email element and dispatches it"),
        email(SEND, "await dispatch({", "sendRenderedEmail", nth=1, note="call site of dispatch"),
        email(SEND, "export async function sendRawEmail(options: SendRawEmailOptions) {", "sendRawEmail", note="wrapper: plain-text email"),
        email(SEND, "await dispatch({ ...options, errorLabel: options.subject });", "sendRawEmail", note="call site of dispatch"),
        # per-template senders
        *[
            item
            for file, fn in TEMPLATES
            for item in (
                email(f"{TPL}/{file}.tsx", f"export async function {fn}({{", fn, note=f"wrapper: {file} template email"),
                email(f"{TPL}/{file}.tsx", "await sendRenderedEmail({", fn, note="call site of sendRenderedEmail"),
            )
        ],
        # app-level wrappers
        email(RSVP, "async function sendRsvpConfirmation({", "sendRsvpConfirmation", note="wrapper: RSVP confirmation email with ICS"),
        email(PART, "async function sendNewResponseNotificationEmail({", "sendNewResponseNotificationEmail", note="wrapper: emails the poll owner about a new response"),
        email(AUTH, "sendResetPassword: async ({ user, url }) => {", "sendResetPassword", note="wrapper: better-auth reset-password email hook"),
        email(AUTH, "async sendVerificationOTP({ email, otp, type }) {", "sendVerificationOTP", note="wrapper: better-auth emailOTP hook (register / change-email codes)"),
        # call sites in the app
        *[email(file, at, sym, nth=nth, note=f"call site of {callee}") for file, at, nth, sym, callee in EMAIL_CALLS],
        # ---- event_tracking: wrappers and provider calls
        event(PH, "export function track(", "track", note="wrapper: user-attributed PostHog capture"),
        event(PH, "posthog()?.capture({", "track", nth=1),
        event(PH, "export function identifyGroup(group: {", "identifyGroup", note="wrapper: PostHog group identify"),
        event(PH, "posthog()?.groupIdentify({", "identifyGroup"),
        event(PH, "export function trackSystemEvent(event: {", "trackSystemEvent", note="wrapper: personless system event"),
        event(PH, "posthog()?.capture({", "trackSystemEvent", nth=2),
        event(PRIV, "const trackPollCreated = (poll: Awaited<ReturnType<typeof createPoll>>) => {", "trackPollCreated", note="wrapper: poll_create event for API-created polls"),
        event(PRIV, "trackPollCreated(poll);", None, nth=1, note="call site of trackPollCreated"),
        event(PRIV, "trackPollCreated(poll);", None, nth=2, note="call site of trackPollCreated"),
        event(
            "packages/posthog/src/client.ts",
            "posthog.init(process.env.NEXT_PUBLIC_POSTHOG_API_KEY, {",
            None,
            note="posthog-js browser init (pageview/pageleave capture)",
            alt=[
                {"file": "apps/web/instrumentation-client.ts", "at": 'import "@rallly/posthog/client";'},
                {"file": "apps/landing/instrumentation-client.ts", "at": 'import "@rallly/posthog/client";'},
            ],
        ),
        tp("event_tracking", "apps/landing/src/app/[locale]/layout.tsx", "<Analytics />", "Root", provider="vercel-analytics", alt=[{"at": 'import { Analytics } from "@vercel/analytics/react";'}]),
        *[event(file, at, sym, nth=nth) for file, at, nth, sym in EVENTS],
        # ---- webhook_handler
        tp(
            "webhook_handler",
            f"{WEB}/app/api/stripe/webhook/route.ts",
            "const handler = async (request: NextRequest) => {",
            "handler",
            provider="stripe",
            alt=[
                {"at": "export const POST = withPostHog(handler);"},
                {"at": "event = getStripe().webhooks.constructEvent(body, sig, stripeSigningSecret);"},
            ],
            note="Stripe webhook (POST /api/stripe/webhook)",
        ),
        # ---- scheduled_job
        *[
            tp(
                "scheduled_job",
                "apps/web/vercel.json",
                f'"path": "/api/house-keeping/{path}",',
                path,
                schedule=cron,
                provider="vercel-cron",
                alt=[{"file": HK, "at": f'app.get("/{path}", async (c) => {{'}],
            )
            for path, cron in CRONS
        ],
        # ---- llm_call
        tp("llm_call", MOD, "async function moderateContentWithAI(text: string): Promise<ModerationResult> {", "moderateContentWithAI", note="wrapper: AI content moderation"),
        tp("llm_call", MOD, "const result = await generateText({", "moderateContentWithAI", provider="ai-sdk", alt=[{"at": 'model: openai("gpt-4.1"),'}]),
        tp("llm_call", MOD, "const result = await moderateContentWithAI(textToModerate);", "moderateContent", note="call site of moderateContentWithAI"),
        # ---- data_model
        *[model(file, name, note) for file, name, note in MODELS],
    ],
    "not_touchpoints": [
        *[no("data_model", f"{DB}/{file}", f"model {name} {{", why) for file, name, why in NOT_MODELS],
        no("email_send", "packages/emails/src/transport.ts", "export function getTransport(): Transporter {", "builds/memoizes the nodemailer transport; sends nothing"),
        no("email_send", "packages/emails/src/i18n.ts", "export async function createEmailI18n(locale: string) {", "i18n setup for templates"),
        no("email_send", f"{WEB}/app/[locale]/(auth)/login/actions.ts", "export async function setVerificationEmail(email: string) {", "stores the email in a cookie"),
        no("email_send", f"{WEB}/features/user/actions.ts", "export const checkEmailAvailabilityAction = authActionClient", "availability check, no mail"),
        no("notification", f"{WEB}/features/notifications/mutations.ts", "export async function updateNotificationPreference({", "stores a preference"),
        no("notification", f"{WEB}/features/notifications/data.ts", "export async function getNotificationRecipient({", "looks up who should get the email"),
        no("notification", f"{WEB}/features/poll/components/notification-toggle.tsx", "export function NotificationToggle() {", "UI toggle to mute poll emails"),
        no("notification", "packages/ui/src/event-calendar/event-calendar.tsx", "const notify = () => {", "store subscriber notification inside a UI component"),
        no("event_tracking", "packages/ui/src/event-calendar/event-calendar-resource-view.tsx", "const track = (", "layout helper in a calendar component"),
        no("event_tracking", "packages/ui/src/event-calendar/event-calendar-time-grid.tsx", "const track = (", "layout helper in a calendar component"),
        no("event_tracking", "packages/emails/src/components/styled-components.tsx", "export const trackingWide = {", "CSS letter-spacing"),
        no("event_tracking", PH, "export async function deletePostHogPerson({", "GDPR erasure of a PostHog person"),
        no("event_tracking", PH, "export async function flushPostHog() {", "flushes the buffer"),
        no("event_tracking", PH, "export function withPostHog(", "route wrapper that flushes after the response"),
        no("event_tracking", PH, "export function getClientAnonymousDistinctId(req: NextRequest) {", "reads the PostHog cookie"),
        no("event_tracking", f"{WEB}/features/api-keys/data.ts", "const isFeatureFlagEnabled = await posthog()?.isFeatureEnabled(", "feature flag read"),
        no("event_tracking", "packages/posthog/src/scripts/purge-guest-profiles.ts", "async function apiRequest({", "maintenance script deleting guest profiles"),
        no("event_tracking", f"{WEB}/app/api/stripe/webhook/route.ts", "Sentry.captureException(err);", "error monitoring", nth=1),
        no("event_tracking", f"{WEB}/app/[locale]/error.tsx", "Sentry.captureException(error);", "error monitoring"),
        no("scheduled_job", f"{WEB}/features/user/account-deletion/mutations.ts", "export async function scheduleAccountDeletion({ userId }: { userId: string }) {", "marks an account for deletion (the reaper cron does the work)"),
        no("scheduled_job", f"{WEB}/features/user/account-deletion/data.ts", "export async function findUsersScheduledForRemoval({", "query used by the cron"),
        no("scheduled_job", f"{WEB}/features/poll/components/manage-poll/schedule-poll-dialog.tsx", "export function SchedulePollDialog(props: DialogProps) {", "UI to book a poll's final date"),
        no("webhook_handler", f"{WEB}/app/api/integrations/[...connection]/route.ts", "const { handler } = OAuthIntegration<Integration>({", "OAuth connect/callback for calendar integrations"),
        no("webhook_handler", f"{WEB}/app/api/better-auth/[...all]/route.ts", "export const POST = withPostHog(authPost);", "better-auth endpoints"),
        no("webhook_handler", f"{WEB}/app/api/licensing/v1/[...route]/route.ts", '"/licenses",', "bearer-token license API called by this app's own Stripe flow"),
    ],
    "ambiguous": [
        *[no("data_model", f"{DB}/{file}", f"model {name} {{", why) for file, name, why in AMBIGUOUS_MODELS],
        *[no("data_model", file, at, f"{name}: hand-written projection of a Prisma row") for file, at, name in DTOS],
        # email side effects not named for it
        no("email_send", f"{WEB}/features/auth/actions.ts", "export async function setPasswordForUser({", "sends the password-added email as a side effect"),
        no("email_send", f"{WEB}/features/feedback/mutations.ts", "export async function submitFeedback({", "emails feedback to the team (sendRawEmail)"),
        no("email_send", f"{WEB}/features/space/member/mutations.ts", "export async function inviteMember({", "sends the space invite email as a side effect"),
        no("email_send", f"{WEB}/features/space/member/actions.ts", "const result = await inviteMember({", "call of inviteMember"),
        no("email_send", f"{WEB}/app/[locale]/(auth)/login/components/login-email-form.tsx", "const res = await authClient.emailOtp.sendVerificationOtp({", "client call to better-auth; the server emails the code"),
        no("email_send", f"{WEB}/app/[locale]/e/[id]/components/rsvp-verify-email.tsx", "const res = await authClient.emailOtp.sendVerificationOtp({", "client call to better-auth; the server emails the code"),
        no("email_send", f"{WEB}/app/[locale]/(auth)/forgot-password/components/forgot-password-form.tsx", "const res = await authClient.requestPasswordReset({", "client call to better-auth; the server emails the reset link"),
        no("email_send", f"{WEB}/app/[locale]/(space)/settings/profile/components/change-email-dialog.tsx", "const res = await authClient.emailOtp.requestEmailChange({", "client call to better-auth; the server emails the code"),
        no("email_send", MOD, "export async function moderateContent({", "emails support when content is flagged"),
        # notification named, email delivered
        no("notification", PART, "async function sendNewResponseNotificationEmail({", "'notification' to the poll owner, delivered by email (email_send)"),
        # event tracking edge cases
        no("event_tracking", f"{WEB}/lib/auth-client.ts", "posthog?.reset();", "resets the analytics identity on sign-out"),
        no("event_tracking", PH, "export function posthog() {", "posthog-node client factory", alt=[{"at": "instance = new PostHog(env.NEXT_PUBLIC_POSTHOG_API_KEY, {"}]),
        no("event_tracking", "packages/posthog/src/scripts/backfill-space-group-properties.ts", "posthog?.groupIdentify({", "one-off backfill script"),
        no("event_tracking", f"{WEB}/features/instance-settings/service.ts", "export async function getUpdateStatus({ instanceId }: { instanceId: string }) {", "update check sends instance id + version (anonymous instance telemetry)"),
        # webhook-ish
        no("webhook_handler", BWH, "export async function handleStripeWebhookEvent(event: Stripe.Event) {", "event dispatcher behind the Stripe webhook route"),
        no("webhook_handler", f"{WEB}/app/api/updates/route.ts", "export async function GET(request: NextRequest) {", "receives update-check pings from self-hosted instances"),
        # jobs
        no("scheduled_job", HK, 'app.get("/delete-orphaned-anonymous-users", async (c) => {', "cron-guarded house-keeping route with no cron entry in the repo"),
        # llm
        no("llm_call", MOD, "export async function moderateContent({", "calls the LLM only after regex heuristics match"),
        no("llm_call", POLLS, "const moderation = await moderateContent({", "call of moderateContent", nth=1),
        no("llm_call", POLLS, "const moderation = await moderateContent({", "call of moderateContent", nth=2),
    ],
}
