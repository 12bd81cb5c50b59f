"""Batch-3 labels for Hoppscotch's backend (packages/hoppscotch-backend of hoppscotch/hoppscotch).

NestJS 11 + Prisma 7 + @nestjs-modules/mailer (nodemailer/SMTP) + @nestjs/schedule + posthog-node,
GraphQL subscriptions over an in-process graphql-subscriptions PubSub.
Written by reading the code with grep before the scanner was ever run on this package.
"""

from bench.labels.resolve import no, tp

PACKAGE = "hoppscotch-backend"
OUTPUT = "bench/labels/batch3/hoppscotch-backend.json"
ROOT = "/tmp/fc/hoppscotch-backend"
SOURCE = {
    "source": "github",
    "repo": "hoppscotch/hoppscotch",
    "commit": "afc2cf181c16e56647b099e5d18cfe55710c6cdd",
    "subdir": "packages/hoppscotch-backend",
    "version": "2026.6.0",
    "how": "git archive <commit> packages/hoppscotch-backend, then copy that subdir to ROOT",
}

MS = "src/mailer/mailer.service.ts"
AUTH = "src/auth/auth.service.ts"
ADM = "src/admin/admin.service.ts"
TIS = "src/team-invitation/team-invitation.service.ts"
PH = "src/posthog/posthog.service.ts"
SCHEMA = "prisma/schema.prisma"
MOCK = "src/mock-server/mock-server.service.ts"
US = "src/user/user.service.ts"


def email(file, at, symbol=None, nth=0, **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, **kw)


def model(name, note):
    return tp(
        "data_model", SCHEMA, f"model {name} {{", name, entity=name, framework="prisma", note=note
    )


def model_no(name, why):
    return no("data_model", SCHEMA, f"model {name} {{", why)


NOT_MODELS = [
    ("TeamCollection", "API workspace content (a folder of saved requests)"),
    ("TeamRequest", "API workspace content (a saved request)"),
    ("TeamEnvironment", "API workspace content (environment variables)"),
    ("UserCollection", "API workspace content (a folder of saved requests)"),
    ("UserRequest", "API workspace content (a saved request)"),
    ("UserEnvironment", "API workspace content (environment variables)"),
    ("Shortcode", "share link to a request"),
    ("VerificationToken", "magic-link auth token"),
    ("PersonalAccessToken", "API credential"),
    ("InfraToken", "instance admin API credential"),
    ("InfraConfig", "instance configuration key/value"),
    ("MockServer", "mock API endpoint configuration"),
    ("MockServerLog", "request log of a mock endpoint"),
    ("PublishedDocs", "published API documentation content"),
]

# GraphQL code-first @ObjectType classes that mirror person/account Prisma models.
GQL_TYPES = [
    ("src/user/user.model.ts", "export class User {", "User"),
    ("src/admin/admin.model.ts", "export class Admin extends OmitType(User, [", "Admin"),
    ("src/team/team.model.ts", "export class Team {", "Team"),
    ("src/team/team.model.ts", "export class TeamMember {", "TeamMember"),
    ("src/team-invitation/team-invitation.model.ts", "export class TeamInvitation {", "TeamInvitation"),
    ("src/admin/invited-user.model.ts", "export class InvitedUser {", "InvitedUser"),
    ("src/user-settings/user-settings.model.ts", "export class UserSettings {", "UserSettings"),
]

SPEC = {
    "notes": [
        "Hoppscotch backend from GitHub hoppscotch/hoppscotch at commit afc2cf181c16e56647b099e5d18cfe55710c6cdd (package version 2026.6.0), subdir packages/hoppscotch-backend; paths relative to that subdir. Labelled by hand before any scanner output was looked at.",
        "Excluded by the rules: *.spec.ts tests, test/ (e2e), prisma/migrations/**, src/generated (Prisma client, not in the archive). The monorepo's .github workflows are outside the subdir.",
        "email_send: src/mailer/mailer.service.ts MailerService (the project's own class, aliasing @nestjs-modules/mailer's MailerService as NestMailerService) has two wrappers, sendEmail and sendUserInvitationEmail, each calling nestMailerService.sendMail (SMTP via nodemailer, Handlebars templates). Call sites: auth.service signInMagicLink (magic-link email), team-invitation.service createInvitation (team invite email), admin.service inviteUserToSignInViaEmail (admin invite email). inviteUserToSignInViaEmail is named for the email, so it is a wrapper too and its two callers (admin.resolver inviteNewUser, infra-token.service createUserInvitation) are call sites. signInMagicLink, createInvitation and infra-token createUserInvitation send mail as a side effect but are not named for it: their defs and callers are ambiguous.",
        "notification: none. There is no SMS/Slack/push/chat/outgoing webhook code and no in-app notification model. PubSubService.publish feeds GraphQL subscriptions (realtime data sync of collections, team members, invites to open clients): not notifications; a few tempting publishes are listed in not_touchpoints.",
        "event_tracking: PostHogService.capture sends a weekly 'sh_instance' event (instance-level counts: users, workspaces, version, keyed by an anonymous instance id) when the admin allows analytics collection. Labelled as touchpoints (SDK capture call, the capture wrapper, its call) because it is a posthog-node capture, though it carries no per-user behaviour; the PostHog client construction is ambiguous. In-house activity records (User.lastActiveOn/lastLoggedOn updated by interceptors, MockServerAnalyticsService.recordActivity rows) are ambiguous; mock-server request logs and hit counters are not touchpoints (anonymous request logging).",
        "scheduled_job: one, the @Cron(CronExpression.EVERY_WEEK) handleCron in PostHogService (ScheduleModule.forRoot() in app.module only enables it). setTimeout delays are not schedules.",
        "webhook_handler: none. OAuth redirect callbacks (google/github/microsoft) and the mock-server catch-all @All('*path') are not event receivers: not touchpoints.",
        "llm_call, personize_call: none.",
        "data_model: from prisma/schema.prisma. User, Team (the workspace/account), TeamMember (a person's role in a team), TeamInvitation and InvitedUsers (invitations of a person by email) are touchpoints; Account (OAuth provider link), UserSettings, UserHistory (a user's executed requests) and MockServerActivity (actions with performedBy) are ambiguous; workspace content (collections, requests, environments, published docs, mock servers), tokens, logs and config are not. The GraphQL @ObjectType classes that mirror the person/account models (user.model User, Admin, Team, TeamMember, TeamInvitation, InvitedUser, UserSettings) are ambiguous (API output shapes; the canonical definition is the Prisma model); other @ObjectType/@ArgsType/@InputType classes are request/response shapes and are not labelled.",
    ],
    "touchpoints": [
        # ---- email_send: MailerService wrappers and provider calls
        email(MS, "async sendEmail(", "sendEmail", note="wrapper: MailerService.sendEmail (SMTP via @nestjs-modules/mailer)"),
        email(
            MS,
            "await this.nestMailerService.sendMail({",
            "sendEmail",
            nth=1,
            provider="@nestjs-modules/mailer",
        ),
        email(
            MS,
            "async sendUserInvitationEmail(",
            "sendUserInvitationEmail",
            note="wrapper: admin user-invitation email",
        ),
        email(
            MS,
            "const res = await this.nestMailerService.sendMail({",
            "sendUserInvitationEmail",
            provider="@nestjs-modules/mailer",
        ),
        # call sites
        email(
            AUTH,
            "await this.mailerService.sendEmail(email, {",
            "signInMagicLink",
            note="call site of MailerService.sendEmail (magic-link sign-in email)",
        ),
        email(
            TIS,
            "await this.mailerService.sendEmail(inviteeEmail, {",
            "createInvitation",
            note="call site of MailerService.sendEmail (team invitation email)",
        ),
        email(
            ADM,
            "await this.mailerService.sendUserInvitationEmail(inviteeEmail, {",
            "inviteUserToSignInViaEmail",
            note="call site of MailerService.sendUserInvitationEmail",
        ),
        # named email wrapper in admin.service and its call sites
        email(
            ADM,
            "async inviteUserToSignInViaEmail(",
            "inviteUserToSignInViaEmail",
            note="wrapper: invites a user to the instance by email",
        ),
        email(
            "src/admin/admin.resolver.ts",
            "await this.adminService.inviteUserToSignInViaEmail(",
            "inviteNewUser",
            note="call site of inviteUserToSignInViaEmail",
        ),
        email(
            "src/infra-token/infra-token.service.ts",
            "await this.adminService.inviteUserToSignInViaEmail(",
            "createUserInvitation",
            note="call site of inviteUserToSignInViaEmail",
        ),
        # ---- event_tracking: PostHog
        tp(
            "event_tracking",
            PH,
            "this.postHogClient.capture({",
            "capture",
            provider="posthog-node",
            note="weekly instance-level event 'sh_instance'",
        ),
        tp(
            "event_tracking",
            PH,
            "async capture() {",
            "capture",
            provider="posthog-node",
            note="wrapper: PostHogService.capture",
        ),
        tp(
            "event_tracking",
            PH,
            "await this.capture();",
            "handleCron",
            note="call site of PostHogService.capture",
        ),
        # ---- scheduled_job
        tp(
            "scheduled_job",
            PH,
            "@Cron(CronExpression.EVERY_WEEK)",
            "handleCron",
            provider="@nestjs/schedule",
            alt=[{"at": "async handleCron() {"}],
            note="weekly PostHog instance telemetry",
        ),
        # ---- data_model
        model("User", "the user"),
        model("Team", "a team workspace (the shared account)"),
        model("TeamMember", "a person's membership and role in a team"),
        model("TeamInvitation", "invitation of a person (by email) to a team"),
        model("InvitedUsers", "admin invitation of a person (by email) to the instance"),
    ],
    "not_touchpoints": [
        # email look-alikes
        no(
            "email_send",
            MS,
            "private resolveSubjectForMailDesc(",
            "picks a subject line; sends nothing",
        ),
        no("email_send", "src/mailer/helper.ts", "export function getTransportOption(env)", "SMTP transport config"),
        no("email_send", "src/mailer/helper.ts", "export function getMailerAddressFrom(env)", "reads the From address"),
        no("email_send", "src/mailer/mailer.module.ts", "NestMailerModule.forRoot({", "mailer module configuration"),
        no("email_send", "src/mailer/mailer.module.ts", "static async register() {", "module registration"),
        no("email_send", "src/utils.ts", "export const validateEmail = (email: string) => {", "email format validation"),
        no("email_send", "src/types/Email.ts", "export const EmailCodec = t.brand(", "io-ts email type"),
        no("email_send", US, "async findUserByEmail(email: string)", "database lookup"),
        no(
            "email_send",
            "src/team/team.service.ts",
            "async addMemberToTeamWithEmail(",
            "adds a member found by email; sends nothing",
        ),
        no(
            "email_send",
            TIS,
            "async getTeamInviteByEmailAndTeamID(",
            "database lookup",
        ),
        # notification look-alikes: GraphQL subscription pubsub
        no(
            "notification",
            "src/pubsub/pubsub.service.ts",
            "async publish<T extends keyof TopicDef>(topic: T, payload: TopicDef[T]) {",
            "GraphQL subscription pubsub: realtime data sync to open clients",
        ),
        no(
            "notification",
            ADM,
            "await this.pubsub.publish(`admin/${adminUID}/invited`, invitedUser);",
            "subscription data sync of the invited-users list",
        ),
        no(
            "notification",
            TIS,
            "this.pubsub.publish(`team/${invitation.teamID}/invite_added`, invitation);",
            "subscription data sync of a team's pending invites",
        ),
        no(
            "notification",
            "src/admin/admin.resolver.ts",
            "userInvited(@GqlUser() admin: AuthUser) {",
            "GraphQL subscription resolver (data sync)",
        ),
        # webhook look-alikes
        *[
            no(
                "webhook_handler",
                "src/auth/auth.controller.ts",
                f"@Get('{p}/callback')",
                "OAuth login redirect callback, not an event receiver",
            )
            for p in ("google", "github", "microsoft")
        ],
        no(
            "webhook_handler",
            "src/mock-server/mock-server.controller.ts",
            "@All('*path')",
            "mock-server catch-all serving user-defined example responses",
            alt=[{"at": "async handleMockRequest(@Req() req: Request, @Res() res: Response) {"}],
        ),
        # analytics look-alikes
        no("event_tracking", MOCK, "async logRequest(params: {", "request log of anonymous calls to a mock endpoint"),
        no("event_tracking", MOCK, "async incrementHitCount(mockServerID: string)", "hit counter of a mock endpoint"),
        no(
            "event_tracking",
            "src/infra-config/infra-config.service.ts",
            "async toggleAnalyticsCollection(status: ServiceStatus) {",
            "admin setting that enables telemetry",
        ),
        no(
            "event_tracking",
            "src/infra-config/helper.ts",
            "export function generateAnalyticsUserId() {",
            "generates the anonymous instance id",
        ),
        no("event_tracking", "src/main.ts", "app.use(morgan(", "HTTP access logging"),
        # schedule look-alikes
        no(
            "scheduled_job",
            "src/app.module.ts",
            "ScheduleModule.forRoot(),",
            "enables @nestjs/schedule; the job is PostHogService.handleCron",
        ),
        no("scheduled_job", "src/infra-config/helper.ts", "export function stopApp() {", "one-shot delayed restart"),
        no("scheduled_job", "src/utils.ts", "export function delay(ms: number): Promise<void> {", "sleep helper"),
        no(
            "scheduled_job",
            "src/mock-server/mock-server.controller.ts",
            "setTimeout(resolve, mockServer.delayInMs),",
            "simulated response latency",
        ),
        # data models
        *[model_no(name, why) for name, why in NOT_MODELS],
        no(
            "data_model",
            "src/types/AuthUser.ts",
            "export type AuthUser = User;",
            "alias of the generated Prisma User type; the model is in prisma/schema.prisma",
        ),
    ],
    "ambiguous": [
        # email side effects of functions not named for email
        no("email_send", AUTH, "async signInMagicLink(email: string, origin: string) {", "sends the magic-link email as a side effect"),
        no(
            "email_send",
            "src/auth/auth.controller.ts",
            "const deviceIdToken = await this.authService.signInMagicLink(",
            "call of signInMagicLink (sends the magic-link email)",
        ),
        no("email_send", TIS, "async createInvitation(", "creates a team invite and emails it"),
        no(
            "email_send",
            "src/team-invitation/team-invitation.resolver.ts",
            "const teamInvitation = await this.teamInvitationService.createInvitation(",
            "call of createInvitation (emails the invite)",
        ),
        no(
            "email_send",
            "src/infra-token/infra-token.service.ts",
            "async createUserInvitation(token: string, dto: CreateUserInvitationRequest) {",
            "wraps inviteUserToSignInViaEmail; not named for email",
        ),
        no(
            "email_send",
            "src/infra-token/infra-token.controller.ts",
            "await this.infraTokenService.createUserInvitation(token, dto);",
            "call of createUserInvitation (emails the invite)",
        ),
        # analytics-like
        no(
            "event_tracking",
            PH,
            "this.postHogClient = new PostHog(this.POSTHOG_API_KEY, {",
            "PostHog client construction",
        ),
        no(
            "event_tracking",
            US,
            "async updateUserLastActiveOn(userUid: string) {",
            "stores the user's last-active timestamp (in-house activity signal)",
        ),
        no(
            "event_tracking",
            US,
            "async updateUserLastLoggedOn(userUid: string) {",
            "stores the user's last-login timestamp (in-house activity signal)",
        ),
        no(
            "event_tracking",
            "src/interceptors/user-last-active-on.interceptor.ts",
            "export class UserLastActiveOnInterceptor implements NestInterceptor {",
            "global interceptor recording last activity per request",
        ),
        no(
            "event_tracking",
            "src/interceptors/user-last-login.interceptor.ts",
            "export class UserLastLoginInterceptor implements NestInterceptor {",
            "interceptor recording last login",
        ),
        no(
            "event_tracking",
            "src/mock-server/mock-server-analytics.service.ts",
            "async recordActivity(",
            "in-house 'analytics': MockServerActivity rows with performedBy user",
        ),
        *[
            no(
                "event_tracking",
                MOCK,
                "this.mockServerAnalyticsService.recordActivity(",
                "call of recordActivity",
                nth=n,
            )
            for n in (1, 2, 3)
        ],
        # data models
        no("data_model", SCHEMA, "model Account {", "OAuth provider account linked to a user (auth data)"),
        no("data_model", SCHEMA, "model UserSettings {", "a user's settings (JSON properties)"),
        no("data_model", SCHEMA, "model UserHistory {", "a user's executed-request history"),
        no("data_model", SCHEMA, "model MockServerActivity {", "mock-server lifecycle log with the acting user"),
        *[
            no("data_model", file, at, f"GraphQL @ObjectType {name}: API output shape mirroring a person/account Prisma model")
            for file, at, name in GQL_TYPES
        ],
    ],
}
