"""First-contact labels for Ghostfolio 3.58.0 (GitHub ghostfolio/ghostfolio, commit c542997d) (batch6).

Written by reading the code with grep before the scanner was ever run on this app.
Nobody looked at scanner output while writing these labels.
"""

from bench.labels.resolve import no, tp

PACKAGE = "ghostfolio"
OUTPUT = "bench/labels/batch6/ghostfolio.json"
ROOT = "/tmp/fc/ghostfolio"
SOURCE = {
    "source": "github",
    "repo": "ghostfolio/ghostfolio",
    "commit": "c542997d27990365b607c7a6c9fe4bc8835a55c8",
    "subdir": "",
    "how": "git --git-dir=<mirror> archive c542997d27990365b607c7a6c9fe4bc8835a55c8 | tar -x -C /tmp/fc/ghostfolio",
    "version": "3.58.0 (package.json version; HEAD commit 'Task/extract public portfolio endpoint logic to service (#7699)', 2026-08-22)",
}

SCHEMA = "prisma/schema.prisma"
CRON = "apps/api/src/services/cron/cron.service.ts"
AI = "apps/api/src/app/endpoints/ai/ai.service.ts"
FETCH = "apps/api/src/services/fetch/fetch.service.ts"
HEALTH = "apps/api/src/app/health/health.controller.ts"
TWITTER = "apps/api/src/services/twitter-bot/twitter-bot.service.ts"
SUB = "apps/api/src/app/subscription/subscription.controller.ts"
AUTH = "apps/api/src/app/auth/auth.controller.ts"
USER = "apps/api/src/app/user/user.service.ts"
QUEUES = "apps/api/src/services/queues"
IFACES = "libs/common/src/lib/interfaces"
DTOS = "libs/common/src/lib/dtos"
CLIENT = "apps/client/src/app/components"


def model(name, note=None):
    extra = {"note": note} if note else {}
    return tp(
        "data_model", SCHEMA, f"model {name} {{", name, entity=name, framework="prisma", **extra
    )


def model_no(name, why):
    return no("data_model", SCHEMA, f"model {name} {{", why)


def cron(decorator, method, when):
    return tp(
        "scheduled_job",
        CRON,
        decorator,
        method,
        provider="@nestjs/schedule",
        note=f"@Cron {when}",
        alt=[{"at": f"public async {method}() {{"}],
    )


SPEC = {
    "notes": [
        "Ghostfolio 3.58.0 from GitHub (Nx monorepo: NestJS API in apps/api, Angular client in apps/client, shared libs/common and libs/ui; Prisma on PostgreSQL; Bull queues on Redis; @nestjs/schedule). Paths relative to the repo root at commit c542997d. Labelled by hand before any scanner output was looked at.",
        "Not touchpoints by the rules: prisma/migrations/** (SQL migrations), *.spec.ts, test/** (import fixtures), apps/api/src/services/queues/portfolio-snapshot/portfolio-snapshot.service.mock.ts, apps/client/src/locales/*.xlf (i18n), apps/api/src/assets/** (JSON data), .agents/** and .claude/skills (vendored AI-agent skill docs, markdown with NestJS code examples), package-lock.json, prisma/seed.mts (seed data).",
        "email_send: none. Ghostfolio sends no email (no mailer dependency; the FAQ states it does not collect email addresses). The four mailto: hrefs in client components (contact hi@ghostfol.io) are not_touchpoints.",
        "notification: none firmly. TwitterBotService.tweetFearAndGreedIndex posts a public tweet (twitter-api-v2 v2.tweet) from a daily cron: a public broadcast from the project's own account, not a message to a user, so its def, the tweet call and the cron call site are ambiguous (channel other). The admin 'system message' (a Property set from the admin overview, attached to the user payload by subscription target group in UserService) is an in-app banner: ambiguous in_app. NotificationService in libs/ui (alert/confirm/prompt Material dialogs) and snackbar toasts are UI feedback, not delivered messages: not_touchpoints.",
        "llm_call: AiService.generateText is a wrapper around the Vercel AI SDK generateText with the OpenRouter provider (wrapper def + the SDK call inside); its only call site is the /health/ai check in HealthController. FetchService.fetchViaWebFetchTool calls generateText with OpenRouter's provider-executed web_fetch tool to fetch market-data URLs through the LLM (the SDK call is a touchpoint; the private single-use helper def and its call are ambiguous). AiService.getPrompt only builds a portfolio-analysis prompt that the client copies to the clipboard for Duck.ai (no model call): ambiguous. FetchService.fetch (generic HTTP helper used by the data providers) and the client's onCopyPromptToClipboard are not_touchpoints.",
        "scheduled_job: the five @Cron methods of CronService (registered by ScheduleModule.forRoot in app.module, enabled by ENABLE_FEATURE_CRON), labelled at the decorator with the method line as alt. Bull queue processors are consumers: the statistics-gathering and data-gathering processors run work enqueued mostly by those crons (ambiguous); the portfolio-snapshot processor is event-driven (not). ScheduleModule.forRoot() itself is not a job. No GitHub Actions schedules (workflows run on push/PR only).",
        "webhook_handler: none firmly. GET /subscription/stripe/callback is the Stripe Checkout success_url redirect (the user's browser, not a Stripe webhook event) that retrieves the session and records a Subscription: ambiguous. The Google/OIDC OAuth login callbacks are not_touchpoints.",
        "event_tracking: no third-party analytics (no snippet in index.html; privacy policy says none). In-house usage tracking: the JWT and API-key passport strategies upsert the per-user Analytics row on every authenticated request (activityCount, lastRequestAt, country), used for the admin engagement metric: ambiguous. incrementDailyRequests (data-provider quota metering), resetAnalytics, the signup analytics.create and the internal @nestjs/event-emitter domain events (PortfolioChangedEvent) are not_touchpoints.",
        "data_model: Prisma models in prisma/schema.prisma. User, Account (a user's brokerage/bank account), Order (an activity/transaction), Subscription and Analytics (per-user usage record) are touchpoints; AccountBalance, Access (portfolio sharing grant), Settings (per-user preferences JSON) and Tag are ambiguous; credentials (ApiKey, AuthDevice), market reference data (SymbolProfile, MarketData, AssetProfile*, Platform), key-value config (Property) and the TagsOnAccounts join table are not. TS interfaces/types in libs/common that re-shape the Prisma user for API responses (User, UserWithSettings, AdminUser, UserSettings, Activity) are ambiguous; class-validator request DTOs are not.",
        "personize_call: none.",
    ],
    "touchpoints": [
        # ---- llm_call
        tp(
            "llm_call",
            AI,
            "public async generateText({",
            "generateText",
            provider="ai-sdk/openrouter",
            note="wrapper: Vercel AI SDK generateText with the OpenRouter provider",
        ),
        tp(
            "llm_call",
            AI,
            "return generateText({",
            "generateText",
            provider="ai-sdk/openrouter",
            alt=[{"at": "model: openRouterService.chat(openRouterModel),"}],
        ),
        tp(
            "llm_call",
            HEALTH,
            "await this.aiService.generateText({",
            "getHealthOfAiService",
            provider="ai-sdk/openrouter",
            note="call site of AiService.generateText (AI health check)",
        ),
        tp(
            "llm_call",
            FETCH,
            "const { sources, text } = await generateText({",
            "fetchViaWebFetchTool",
            provider="ai-sdk/openrouter",
            alt=[{"at": "model: openRouterService.chat(model),"}],
        ),
        # ---- scheduled_job
        cron("@Cron(CronExpression.EVERY_HOUR)", "runEveryHour", "hourly: statistics gathering jobs"),
        cron(
            "@Cron(CronService.EVERY_HOUR_AT_RANDOM_MINUTE)",
            "runEveryHourAtRandomMinute",
            "hourly: market data gathering",
        ),
        cron(
            "@Cron(CronExpression.EVERY_DAY_AT_5PM)",
            "runEveryDayAtFivePm",
            "daily 5pm: Fear & Greed tweet",
        ),
        cron(
            "@Cron(CronExpression.EVERY_DAY_AT_MIDNIGHT)",
            "runEveryDayAtMidnight",
            "daily midnight: reset per-user daily request counters",
        ),
        cron(
            "@Cron(CronService.EVERY_SUNDAY_AT_LUNCH_TIME)",
            "runEverySundayAtTwelvePm",
            "weekly: asset profile gathering",
        ),
        # ---- data_model
        model("User"),
        model("Account", "a user's brokerage/bank account"),
        model("Order", "an activity (buy/sell/dividend/...) of a user"),
        model("Subscription", "a user's premium subscription"),
        model("Analytics", "per-user usage record (activity count, last request, country)"),
    ],
    "not_touchpoints": [
        # ---- email_send look-alikes: mailto links
        no(
            "email_send",
            f"{CLIENT}/admin-settings/admin-settings.component.ts",
            "public readonly premiumDataProviderMailHref = `mailto:",
            "mailto: link opened in the user's mail client; nothing is sent by the app",
        ),
        no(
            "email_send",
            f"{CLIENT}/holding-detail-dialog/holding-detail-dialog.component.ts",
            "this.reportDataGlitchMailHref = `mailto:",
            "mailto: link opened in the user's mail client; nothing is sent by the app",
        ),
        no(
            "email_send",
            f"{CLIENT}/user-account-membership/user-account-membership.component.ts",
            "protected readonly trySubscriptionMailHref = `mailto:",
            "mailto: link opened in the user's mail client; nothing is sent by the app",
        ),
        no(
            "email_send",
            f"{CLIENT}/user-account-settings/user-account-settings.component.ts",
            "this.closeUserAccountMailHref = `mailto:",
            "mailto: link opened in the user's mail client; nothing is sent by the app",
        ),
        # ---- notification look-alikes
        no(
            "notification",
            "libs/ui/src/lib/notifications/notification.service.ts",
            "public alert(aParams: AlertParams) {",
            "NotificationService opens Material alert/confirm/prompt dialogs in the browser: UI feedback, not a delivered message",
        ),
        no(
            "notification",
            f"{CLIENT}/admin-market-data/admin-market-data.component.ts",
            "private notifyDataGatheringHasBeenStarted() {",
            "snackbar toast confirming an admin action",
        ),
        # ---- llm_call look-alikes
        no(
            "llm_call",
            FETCH,
            "public async fetch(input: RequestInfo | URL, init?: RequestInit) {",
            "generic HTTP helper for the market-data providers; only routes GETs to the LLM web-fetch helper when an admin configured a web-fetch route",
        ),
        no(
            "llm_call",
            "apps/client/src/app/pages/portfolio/analysis/analysis-page.component.ts",
            "protected onCopyPromptToClipboard(mode: AiPromptMode) {",
            "copies the server-built prompt to the clipboard and offers to open duck.ai; no model call",
        ),
        # ---- webhook_handler look-alikes: OAuth login callbacks
        no(
            "webhook_handler",
            AUTH,
            "@Get('google/callback')",
            "OAuth login redirect callback, not an event from another system",
            alt=[{"at": "public googleLoginCallback("}],
        ),
        no(
            "webhook_handler",
            AUTH,
            "@Get('oidc/callback')",
            "OIDC login redirect callback, not an event from another system",
            alt=[{"at": "public oidcLoginCallback("}],
        ),
        # ---- event_tracking look-alikes
        no(
            "event_tracking",
            "apps/api/src/app/endpoints/data-providers/ghostfolio/ghostfolio.service.ts",
            "public async incrementDailyRequests({ userId }: { userId: string }) {",
            "quota metering of the Ghostfolio data-provider API (daily request limit), not behaviour analytics",
        ),
        no(
            "event_tracking",
            USER,
            "public async resetAnalytics() {",
            "resets the daily request counters",
        ),
        no(
            "event_tracking",
            USER,
            "await this.prismaService.analytics.create({",
            "creates the empty per-user counter row at signup",
        ),
        no(
            "event_tracking",
            "apps/api/src/app/account/account.service.ts",
            "this.eventEmitter.emit(",
            "internal @nestjs/event-emitter domain event (PortfolioChangedEvent) that invalidates caches and recomputes snapshots",
            nth=1,
        ),
        no(
            "event_tracking",
            "apps/api/src/events/portfolio-changed.listener.ts",
            "@OnEvent(PortfolioChangedEvent.getName())",
            "internal domain event listener (cache invalidation / snapshot recompute)",
        ),
        # ---- scheduled_job look-alikes
        no(
            "scheduled_job",
            "apps/api/src/app/app.module.ts",
            "ScheduleModule.forRoot(),",
            "enables @nestjs/schedule; the jobs are the @Cron methods in CronService",
        ),
        no(
            "scheduled_job",
            f"{QUEUES}/portfolio-snapshot/portfolio-snapshot.processor.ts",
            "@Processor(PORTFOLIO_SNAPSHOT_COMPUTATION_QUEUE)",
            "Bull queue consumer fed by requests and portfolio-changed events, not a schedule",
        ),
        no(
            "scheduled_job",
            "apps/api/src/events/portfolio-changed.listener.ts",
            "setTimeout(() => {",
            "5-second debounce of a domain event, not a schedule",
        ),
        # ---- data_model: not entities about a person/organisation
        model_no("ApiKey", "credential (hashed API key)"),
        model_no("AuthDevice", "credential (WebAuthn device)"),
        model_no("AssetProfileOverrides", "market reference data (admin overrides of an asset profile)"),
        model_no("AssetProfileResolution", "market reference data (symbol mapping cache)"),
        model_no("AssetProfileSplit", "market reference data (stock split)"),
        model_no("MarketData", "market reference data (prices)"),
        model_no("Platform", "reference data (broker/platform list)"),
        model_no("Property", "key-value application configuration"),
        model_no("SymbolProfile", "market reference data (asset/security profile)"),
        model_no("TagsOnAccounts", "join table"),
        no(
            "data_model",
            f"{DTOS}/create-order.dto.ts",
            "export class CreateOrderDto {",
            "class-validator request DTO, not an entity definition",
        ),
        no(
            "data_model",
            f"{DTOS}/create-account.dto.ts",
            "export class CreateAccountDto {",
            "class-validator request DTO, not an entity definition",
        ),
        no(
            "data_model",
            f"{DTOS}/update-user-setting.dto.ts",
            "export class UpdateUserSettingDto {",
            "class-validator request DTO, not an entity definition",
        ),
    ],
    "ambiguous": [
        # ---- notification
        no(
            "notification",
            TWITTER,
            "public async tweetFearAndGreedIndex() {",
            "posts a public tweet from the project's X account (market mood): a broadcast, not a message to a user",
            channel="other",
        ),
        no(
            "notification",
            TWITTER,
            "await this.twitterClient.v2.tweet(status);",
            "twitter-api-v2 tweet: public social post, not addressed to a user",
            channel="other",
        ),
        no(
            "notification",
            CRON,
            "this.twitterBotService.tweetFearAndGreedIndex();",
            "call site of the ambiguous tweetFearAndGreedIndex",
            channel="other",
        ),
        no(
            "notification",
            f"{CLIENT}/admin-overview/admin-overview.component.ts",
            "protected onSetSystemMessage() {",
            "admin composes a system-wide in-app banner stored as a Property (no delivery call)",
            channel="in_app",
        ),
        no(
            "notification",
            USER,
            "systemMessage = systemMessageProperty;",
            "attaches the admin system message to the user payload when the user's subscription type is targeted: an in-app banner read on page load",
            channel="in_app",
        ),
        # ---- llm_call
        no(
            "llm_call",
            FETCH,
            "private async fetchViaWebFetchTool({",
            "private single-use helper around the generateText call; the LLM is used as a web-fetch proxy, not to generate content",
        ),
        no(
            "llm_call",
            FETCH,
            "const response = await this.fetchViaWebFetchTool({",
            "call site of the ambiguous fetchViaWebFetchTool",
        ),
        no(
            "llm_call",
            AI,
            "public async getPrompt({",
            "builds a portfolio-analysis LLM prompt from the user's holdings, but the app makes no model call: the client copies it to the clipboard for Duck.ai",
        ),
        # ---- webhook_handler
        no(
            "webhook_handler",
            SUB,
            "@Get('stripe/callback')",
            "Stripe Checkout success_url redirect hit by the user's browser (not a signed Stripe webhook); retrieves the session and records the Subscription",
            alt=[{"at": "public async stripeCallback("}],
        ),
        # ---- event_tracking: in-house per-request usage counters
        no(
            "event_tracking",
            "apps/api/src/app/auth/jwt.strategy.ts",
            "await this.prismaService.analytics.upsert({",
            "in-house usage tracking: every authenticated request bumps the user's Analytics row (activityCount, lastRequestAt, country) used for admin engagement stats; no analytics provider",
        ),
        no(
            "event_tracking",
            "apps/api/src/app/auth/api-key.strategy.ts",
            "await this.prismaService.analytics.upsert({",
            "in-house usage tracking for API-key requests (activityCount, lastRequestAt)",
        ),
        # ---- scheduled_job: Bull consumers of cron-enqueued work
        no(
            "scheduled_job",
            f"{QUEUES}/statistics-gathering/statistics-gathering.processor.ts",
            "@Processor(STATISTICS_GATHERING_QUEUE)",
            "Bull queue consumer whose jobs are only enqueued by the hourly cron; the schedule itself is in CronService",
        ),
        no(
            "scheduled_job",
            f"{QUEUES}/data-gathering/data-gathering.processor.ts",
            "@Processor(DATA_GATHERING_QUEUE)",
            "Bull queue consumer; jobs come from the crons and from admin/user actions",
        ),
        # ---- data_model
        no("data_model", SCHEMA, "model AccountBalance {", "time series of a user's account values"),
        no("data_model", SCHEMA, "model Access {", "portfolio-sharing grant between users"),
        no("data_model", SCHEMA, "model Settings {", "per-user preferences JSON (language, currency, ...): settings, but about a person"),
        no("data_model", SCHEMA, "model Tag {", "user-owned labels for activities/accounts"),
        no(
            "data_model",
            f"{IFACES}/user.interface.ts",
            "export interface User {",
            "API response shape of the current user (not a DB row)",
        ),
        no(
            "data_model",
            "libs/common/src/lib/types/user-with-settings.type.ts",
            "export type UserWithSettings = User & {",
            "Prisma User extended with settings/subscription for request handling",
        ),
        no(
            "data_model",
            f"{IFACES}/admin-user.interface.ts",
            "export interface AdminUser {",
            "admin list row of a user with engagement stats (response shape)",
        ),
        no(
            "data_model",
            f"{IFACES}/user-settings.interface.ts",
            "export interface UserSettings {",
            "shape of the per-user settings JSON",
        ),
        no(
            "data_model",
            f"{IFACES}/activities.interface.ts",
            "export interface Activity extends Order {",
            "Prisma Order extended for responses",
        ),
    ],
}
