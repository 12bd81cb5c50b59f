"""First-contact labels for Mealie 2.0.0 (recipe manager) from GitHub (resolved by resolve.py).

Written by reading the code with grep before the scanner was ever run on this repository.
The whole repository was labelled (FastAPI + SQLAlchemy backend in mealie/, Nuxt 2 / Vue
frontend in frontend/), minus tests, alembic migrations, generated frontend types and the
docs site.
"""

from bench.labels.resolve import no, tp

PACKAGE = "mealie"
OUTPUT = "bench/labels/batch6/mealie.json"
ROOT = "/tmp/fc/mealie"
SOURCE = {
    "source": "github",
    "repo": "mealie-recipes/mealie",
    "commit": "b5643a9399465d8b4ea339e7a6639df2d697741b",
    "version": "2.0.0 (pyproject/package.json), commit of 2024-10-24",
    "subdir": "",
    "how": "git archive HEAD -- . ':(exclude)tests/data' | tar -x -C /tmp/fc/mealie "
    "(tests/data holds LFS-like binary blobs missing from the snapshot; tests are excluded anyway)",
}

ES = "mealie/services/email/email_service.py"
SND = "mealie/services/email/email_senders.py"
PUB = "mealie/services/event_bus_service/publisher.py"
LIS = "mealie/services/event_bus_service/event_bus_listeners.py"
BUS = "mealie/services/event_bus_service/event_bus_service.py"
BASE = "mealie/routes/_base/base_controllers.py"
PW = "mealie/services/scheduler/tasks/post_webhooks.py"
DEL = "mealie/services/scheduler/tasks/delete_old_checked_shopping_list_items.py"
TL = "mealie/services/scheduler/tasks/create_timeline_events.py"
SCH = "mealie/services/scheduler/scheduler_service.py"
APP = "mealie/app.py"
OAI = "mealie/services/openai/openai.py"
SL = "mealie/routes/households/controller_shopping_lists.py"
MD = "mealie/db/models"
FE_EMAIL = "frontend/lib/api/user/email.ts"


def email(file, at, symbol=None, nth=0, note="call site", **kw):
    return tp("email_send", file, at, symbol, channel="email", nth=nth, note=note, **kw)


def notify(file, at, symbol=None, channel="other", nth=0, **kw):
    return tp("notification", file, at, symbol, channel=channel, nth=nth, **kw)


def llm(file, at, symbol=None, nth=0, **kw):
    return tp("llm_call", file, at, symbol, nth=nth, **kw)


def model(file, name, **kw):
    return tp(
        "data_model",
        f"{MD}/{file}",
        f"class {name}(",
        name,
        entity=name,
        framework="sqlalchemy",
        **kw,
    )


def model_no(file, name, why):
    return no("data_model", f"{MD}/{file}", f"class {name}(", why)


# Scheduled tasks: (file under services/scheduler/tasks, function, registration line in app.py)
TASKS = [
    ("purge_registration.py", "purge_group_registration", "tasks.purge_group_registration,"),
    ("purge_password_reset.py", "purge_password_reset_tokens", "tasks.purge_password_reset_tokens,"),
    ("purge_group_exports.py", "purge_group_data_exports", "tasks.purge_group_data_exports,"),
    ("create_timeline_events.py", "create_mealplan_timeline_events", "tasks.create_mealplan_timeline_events,"),
    ("delete_old_checked_shopping_list_items.py", "delete_old_checked_list_items", "tasks.delete_old_checked_list_items,"),
    ("post_webhooks.py", "post_group_webhooks", "tasks.post_group_webhooks,"),
    ("reset_locked_users.py", "locked_user_reset", "tasks.locked_user_reset,"),
]

# Routes calling BaseCrudController.publish_event (event bus -> Apprise notifiers):
# (file, [enclosing function of the 1st, 2nd, ... "self.publish_event(" in the file]).
PUBLISH_EVENT_CALLS = [
    (
        "mealie/routes/recipe/recipe_crud_routes.py",
        [
            "_create_recipe_from_web",
            "parse_recipe_url_bulk",
            "create_recipe_from_zip",
            "create_recipe_from_image",
            "create_one",
            "duplicate_one",
            "update_one",
            "update_many",
            "patch_one",
            "patch_many",
            "update_last_made",
            "delete_one",
        ],
    ),
    ("mealie/routes/recipe/timeline_events.py", ["create_one", "update_one", "delete_one", "update_event_image"]),
    ("mealie/routes/households/controller_mealplan.py", ["create_one"]),
    ("mealie/routes/households/controller_cookbooks.py", ["create_one", "update_many", "update_one", "delete_one"]),
    (SL, ["create_one", "update_one", "delete_one", "update_label_settings"]),
    ("mealie/routes/organizers/controller_categories.py", ["create_one", "update_one", "delete_one"]),
    ("mealie/routes/organizers/controller_tags.py", ["create_one", "update_one", "delete_recipe_tag"]),
]

# controller_shopping_lists: nth "publish_list_item_events(self.publish_event, items)" -> function
LIST_ITEM_EVENT_CALLS = [
    (1, "create_many"),
    (2, "update_many"),
    (3, "delete_many"),
    (4, "add_recipe_ingredients_to_list"),
    (5, "remove_recipe_ingredients_from_list"),
]

# data models: people / organisations / records about them
MODELS = [
    ("users/users.py", "User"),
    ("group/group.py", "Group"),
    ("household/household.py", "Household"),
    ("users/user_to_recipe.py", "UserToRecipe"),
    ("recipe/comment.py", "RecipeComment"),
    ("recipe/recipe_timeline.py", "RecipeTimelineEvent"),
    ("household/mealplan.py", "GroupMealPlan"),
    ("household/shopping_list.py", "ShoppingList"),
]

AMBIGUOUS_MODELS = [
    ("recipe/recipe.py", "RecipeModel", "the core content row; owned by a household and authored by a user (user_id), carries ratings/last_made, but it is content, not a record about a person"),
    ("household/cookbook.py", "CookBook", "household-curated recipe collection: content/configuration owned by a household"),
    ("household/shopping_list.py", "ShoppingListItem", "items of a household's shopping list: content of a person-owned record"),
    ("household/invite_tokens.py", "GroupInviteToken", "invitation token with uses_left; a record about an invitation but no invitee data"),
    ("users/users.py", "LongLiveToken", "a user's API token"),
]

NOT_MODELS = [
    ("group/exports.py", "GroupDataExportsModel", "export file record"),
    ("group/preferences.py", "GroupPreferencesModel", "settings"),
    ("group/report.py", "ReportEntryModel", "import/migration report log"),
    ("group/report.py", "ReportModel", "import/migration report log"),
    ("household/events.py", "GroupEventNotifierOptionsModel", "notifier configuration"),
    ("household/events.py", "GroupEventNotifierModel", "notifier configuration (Apprise URL)"),
    ("household/mealplan.py", "GroupMealPlanRules", "configuration"),
    ("household/preferences.py", "HouseholdPreferencesModel", "settings"),
    ("household/recipe_action.py", "GroupRecipeAction", "configuration (outgoing action URL)"),
    ("household/shopping_list.py", "ShoppingListItemRecipeReference", "join/reference row"),
    ("household/shopping_list.py", "ShoppingListRecipeReference", "join/reference row"),
    ("household/shopping_list.py", "ShoppingListMultiPurposeLabel", "join row with ordering"),
    ("household/webhooks.py", "GroupWebhooksModel", "outgoing webhook configuration"),
    ("labels.py", "MultiPurposeLabel", "taxonomy"),
    ("recipe/api_extras.py", "ApiExtras", "key/value extras"),
    ("recipe/api_extras.py", "IngredientFoodExtras", "key/value extras"),
    ("recipe/api_extras.py", "ShoppingListExtras", "key/value extras"),
    ("recipe/api_extras.py", "ShoppingListItemExtras", "key/value extras"),
    ("recipe/assets.py", "RecipeAsset", "file"),
    ("recipe/category.py", "Category", "taxonomy"),
    ("recipe/ingredient.py", "IngredientUnitModel", "recipe content / reference data"),
    ("recipe/ingredient.py", "IngredientFoodModel", "recipe content / reference data"),
    ("recipe/ingredient.py", "IngredientUnitAliasModel", "reference data"),
    ("recipe/ingredient.py", "IngredientFoodAliasModel", "reference data"),
    ("recipe/ingredient.py", "RecipeIngredientModel", "recipe content"),
    ("recipe/instruction.py", "RecipeIngredientRefLink", "join row"),
    ("recipe/instruction.py", "RecipeInstruction", "recipe content"),
    ("recipe/note.py", "Note", "recipe content"),
    ("recipe/nutrition.py", "Nutrition", "recipe content"),
    ("recipe/settings.py", "RecipeSettings", "settings"),
    ("recipe/shared.py", "RecipeShareTokenModel", "share token"),
    ("recipe/tag.py", "Tag", "taxonomy"),
    ("recipe/tool.py", "Tool", "taxonomy"),
    ("server/task.py", "ServerTaskModel", "server job log row"),
    ("users/password_reset.py", "PasswordResetModel", "password reset token"),
]

# association tables: (file, snippet)
JOIN_TABLES = [
    ("recipe/tag.py", "recipes_to_tags = sa.Table("),
    ("recipe/tag.py", "plan_rules_to_tags = sa.Table("),
    ("recipe/tag.py", "cookbooks_to_tags = sa.Table("),
    ("recipe/tool.py", "recipes_to_tools = Table("),
    ("recipe/tool.py", "cookbooks_to_tools = Table("),
    ("recipe/category.py", "group_to_categories = sa.Table("),
    ("recipe/category.py", "plan_rules_to_categories = sa.Table("),
    ("recipe/category.py", "recipes_to_categories = sa.Table("),
    ("recipe/category.py", "cookbooks_to_categories = sa.Table("),
    ("household/mealplan.py", "plan_rules_to_households = Table("),
]

# pydantic API schemas that mirror the person/organisation tables
AMBIGUOUS_SCHEMAS = [
    ("mealie/schema/user/user.py", "GroupBase"),
    ("mealie/schema/user/user.py", "UserBase"),
    ("mealie/schema/user/user.py", "UserIn"),
    ("mealie/schema/user/user.py", "UserOut"),
    ("mealie/schema/user/user.py", "UserSummary"),
    ("mealie/schema/user/user.py", "PrivateUser"),
    ("mealie/schema/user/user.py", "UpdateGroup"),
    ("mealie/schema/user/user.py", "GroupInDB"),
    ("mealie/schema/user/user.py", "GroupSummary"),
    ("mealie/schema/user/registration.py", "CreateUserRegistration"),
    ("mealie/schema/household/household.py", "HouseholdCreate"),
    ("mealie/schema/household/household.py", "HouseholdSummary"),
    ("mealie/schema/household/household.py", "HouseholdInDB"),
    ("mealie/schema/recipe/recipe_comments.py", "UserBase"),
]


SPEC = {
    "notes": [
        "Mealie 2.0.0 from GitHub mealie-recipes/mealie at commit b5643a9399465d8b4ea339e7a6639df2d697741b (2024-10-24). Paths relative to the repository root. Labelled by hand before any scanner output was looked at.",
        "Not touchpoints by the rules: tests/** and frontend/tests/**, alembic/** (migrations), frontend/lib/api/types/** (generated from the pydantic models by pydantic2ts), docs/** (mkdocs site), dev/** (code generators and dev data), mealie/repos/seed/resources/** (seed data).",
        "email_send: stdlib smtplib. email_senders.Message.send builds the MIME message and calls SMTP(_SSL).send_message (two provider calls, SSL and plain/TLS branches); DefaultEmailSender.send wraps it; EmailService.send_email wraps the sender; send_forgot_password / send_invitation / send_test_email are per-template wrappers; PasswordResetService.send_reset_email wraps send_forgot_password. Each call site of these is labelled. The route handlers send_test_email (admin) and email_invitation are ambiguous (route defs whose body is a call site). The abstract ABCEmailSender.send is ambiguous. Frontend EmailAPI.sendInvitation / sendForgotPassword only POST to the backend endpoint: ambiguous, and so are their page call sites.",
        "notification: the event bus. EventBusService.dispatch is the dispatcher: it fans each event out (directly or as a FastAPI background task) to AppriseEventListener (the household's configured Apprise notifier URLs: Discord, Slack, ntfy, email, Gotify... -> channel other) and WebhookEventListener (user-configured webhook URLs, POSTed with requests -> webhook_out). ApprisePublisher.publish (apprise.notify) and WebhookPublisher.publish (requests.post) are the provider-level wrappers; the listeners' publish_to_subscribers are wrappers called directly by the 'test notifier' route and by post_single_webhook. BaseCrudController.publish_event (routes) and the inner publish_event in the shopping-list cleanup task are wrappers around dispatch.",
        "notification call sites of the event bus: the ~31 route calls of self.publish_event(...) (recipe/cookbook/mealplan/shopping-list/category/tag CRUD), the publish_list_item_events helper and its calls, and the direct event_bus.dispatch calls for user_signup (registration) and mealplan timeline events are AMBIGUOUS: they are generic CRUD/domain event emissions ('recipe_created'...) that only become a message when a household has configured an Apprise notifier for that event type. The dispatch calls that exist only to deliver (post_group_webhooks -> webhook_out, inside the two publish_event wrappers) are touchpoints.",
        "notification webhook_out also: group recipe actions (controller_group_recipe_actions.trigger_action) POST the recipe JSON to a user-configured URL via bg_tasks.add_task(requests.post, ...); labelled at 'task_action = requests.post' with the add_task line as alt. post_group_webhooks (minutely job) and post_single_webhook (test route) are webhook_out wrappers; their calls in controller_webhooks are call sites.",
        "Not notifications: frontend toast plugin (in-page UI messages), release_checker (GET GitHub releases), scripts/healthcheck.py, the webhook/notifier CRUD controllers (configuration only).",
        "scheduled_job: an in-process scheduler (SchedulerService + SchedulerRegistry + a repeat_every decorator adapted from fastapi-utils). The seven task functions registered in app.start_scheduler are touchpoints at their def (alt: the registration line in app.py); run_daily / run_hourly / run_minutely (the @repeat_every loops) are touchpoints (alt: decorator line). repeat_every itself, schedule_daily, SchedulerService.start, start_scheduler and the register_* calls are ambiguous plumbing; purge_excess_files sits in the tasks package but is never registered: ambiguous. GitHub Actions workflows with 'schedule:' (codeql, stale, scheduled-checks) are repository CI, labelled as scheduled_job touchpoints because the contract lists GitHub Actions schedules (alt: the cron line).",
        "llm_call: OpenAIService in services/openai/openai.py: _get_raw_response calls AsyncOpenAI chat.completions.create; get_response wraps it. Call sites of get_response: OpenAI ingredient parser, RecipeScraperOpenAI.get_html (scrape via LLM), OpenAIRecipeService.build_recipe_from_images, admin debug route. The AsyncOpenAI client factory, the single-purpose helpers (_parse, get_html, build_recipe_from_images) and the call of build_recipe_from_images are ambiguous. get_prompt (reads a prompt template file) is not a call.",
        "webhook_handler: none. Mealie receives no events from other systems; /households/webhooks is CRUD for OUTGOING webhook configuration plus 'rerun'/'test' triggers (not_touchpoints as webhook_handler).",
        "event_tracking: none. services/analytics AnalyticsService.calculate_analytics builds an anonymous instance summary that nothing sends or serves (not a touchpoint); the frontend AdminAnalyticsApi.getAnalytics calls a backend route that does not exist in this version (commented-out admin page). No analytics snippets in nuxt.config.js.",
        "personize_call: none.",
        "data_model: SQLAlchemy models in mealie/db/models. User, Group, Household and person/household-owned records (UserToRecipe ratings/favourites, RecipeComment, RecipeTimelineEvent, GroupMealPlan, ShoppingList) are touchpoints; RecipeModel, CookBook, ShoppingListItem, GroupInviteToken, LongLiveToken are ambiguous; recipe content, taxonomy, settings/configuration, tokens, logs and association tables are not. The ~300 pydantic classes in mealie/schema/** are API request/response schemas mirroring the tables: the ones mirroring User/Group/Household are ambiguous, all others are not touchpoints (not enumerated).",
    ],
    "touchpoints": [
        # ---------------- email_send
        email(SND, "def send(self, to: str, smtp: EmailOptions) -> SMTPResponse:", "send", note="wrapper: smtplib send of the MIME message (Message.send)"),
        email(SND, "errors = server.send_message(msg)", "send", nth=1, provider="smtplib", note="SSL branch", alt=[{"at": "with smtplib.SMTP_SSL("}]),
        email(SND, "errors = server.send_message(msg)", "send", nth=2, provider="smtplib", note="plain/STARTTLS branch", alt=[{"at": "with smtplib.SMTP(smtp.host"}]),
        email(SND, "def send(self, email_to: str, subject: str, html: str) -> bool:", "send", nth=2, note="wrapper: DefaultEmailSender.send (settings -> Message.send)"),
        email(SND, "response = message.send(to=email_to, smtp=smtp_options)", "send", note="call site of Message.send"),
        email(ES, "def send_email(self, email_to: str, data: EmailTemplate) -> bool:", "send_email", note="wrapper: EmailService.send_email"),
        email(ES, "return self.sender.send(email_to, data.subject", "send_email", note="call site of DefaultEmailSender.send"),
        email(ES, "def send_forgot_password(", "send_forgot_password", note="wrapper: password reset email"),
        email(ES, "return self.send_email(address, forgot_password)", "send_forgot_password", note="call site of EmailService.send_email"),
        email(ES, "def send_invitation(", "send_invitation", note="wrapper: household invitation email"),
        email(ES, "return self.send_email(address, invitation)", "send_invitation", note="call site of EmailService.send_email"),
        email(ES, "def send_test_email(", "send_test_email", note="wrapper: admin test email"),
        email(ES, "return self.send_email(address, test_email)", "send_test_email", note="call site of EmailService.send_email"),
        email("mealie/services/user_services/password_reset_service.py", "def send_reset_email(", "send_reset_email", note="wrapper: creates a reset token and emails the link"),
        email("mealie/services/user_services/password_reset_service.py", "email_servive.send_forgot_password(email, reset_url)", "send_reset_email", note="call site of send_forgot_password"),
        email("mealie/routes/users/forgot_password.py", "return f_service.send_reset_email(", "forgot_password", note="call site of send_reset_email"),
        email("mealie/routes/admin/admin_email.py", "status = service.send_test_email(data.email)", "send_test_email", note="call site of EmailService.send_test_email"),
        email("mealie/routes/households/controller_invitations.py", "success = email_service.send_invitation(", "email_invitation", note="call site of EmailService.send_invitation"),
        # ---------------- notification: provider-level publishers
        notify(PUB, "def publish(self, event: Event, notification_urls: list[str]):", "publish", nth=2, provider="apprise", note="wrapper: ApprisePublisher.publish"),
        notify(PUB, "self.apprise.notify(", "publish", provider="apprise", alt=[{"at": "status = self.apprise.add(dest, tag=tag)"}]),
        notify(PUB, "def publish(self, event: Event, notification_urls: list[str]):", "publish", channel="webhook_out", nth=3, note="wrapper: WebhookPublisher.publish (POST to user webhook URLs)"),
        notify(PUB, "r = requests.post(url, json=event_payload, timeout=15)", "publish", channel="webhook_out", provider="requests"),
        # listeners
        notify(LIS, "def publish_to_subscribers(self, event: Event, subscribers: list[str]) -> None:", "publish_to_subscribers", note="wrapper: AppriseEventListener.publish_to_subscribers"),
        notify(LIS, "self.publisher.publish(event, subscribers)", "publish_to_subscribers", note="call site of ApprisePublisher.publish"),
        notify(LIS, "def publish_to_subscribers(self, event: Event, subscribers: list[ReadWebhook]) -> None:", "publish_to_subscribers", channel="webhook_out", note="wrapper: WebhookEventListener.publish_to_subscribers (meal plan -> webhook POST)"),
        notify(LIS, "self.publisher.publish(event, [webhook.url for webhook in subscribers])", "publish_to_subscribers", channel="webhook_out", note="call site of WebhookPublisher.publish"),
        # the dispatcher
        notify(BUS, "def dispatch(", "dispatch", note="dispatcher: event bus -> Apprise notifiers + outgoing webhooks", alt=[{"at": "class EventBusService:"}]),
        notify(BUS, "listener.publish_to_subscribers(event, subscribers)", "_publish_event", note="call site of publish_to_subscribers (each listener)"),
        # wrappers around dispatch
        notify(BASE, "def publish_event(", "publish_event", note="wrapper: BaseCrudController.publish_event -> EventBusService.dispatch"),
        notify(BASE, "self.event_bus.dispatch(", "publish_event", note="call site of EventBusService.dispatch"),
        notify(DEL, "    def publish_event(", "publish_event", note="wrapper: task-local publish_event -> EventBusService.dispatch"),
        notify(DEL, "event_bus_service.dispatch(", "publish_event", note="call site of EventBusService.dispatch"),
        # outgoing webhooks
        notify(PW, "def post_group_webhooks(", "post_group_webhooks", channel="webhook_out", note="wrapper: dispatches the webhook_task event for each household (scheduled meal-plan webhooks)"),
        notify(PW, "event_bus.dispatch(", "post_group_webhooks", channel="webhook_out", note="call site of EventBusService.dispatch (webhook_task)"),
        notify(PW, "def post_single_webhook(", "post_single_webhook", channel="webhook_out", note="wrapper: fires one webhook (test)"),
        notify(PW, "listener.publish_to_subscribers(event, [webhook])", "post_single_webhook", channel="webhook_out", note="call site of WebhookEventListener.publish_to_subscribers"),
        notify("mealie/routes/households/controller_webhooks.py", "post_group_webhooks(start_dt=start_dt", "rerun_webhooks", channel="webhook_out", note="call site of post_group_webhooks"),
        notify("mealie/routes/households/controller_webhooks.py", "bg_tasks.add_task(post_single_webhook", "test_one", channel="webhook_out", note="call site of post_single_webhook"),
        notify("mealie/routes/households/controller_group_notifications.py", "test_listener.publish_to_subscribers(", "test_notification", note="call site of AppriseEventListener.publish_to_subscribers (test notifier)"),
        notify("mealie/routes/households/controller_group_recipe_actions.py", "task_action = requests.post", "trigger_action", channel="webhook_out", provider="requests", note="recipe action: POST recipe JSON to a user-configured URL", alt=[{"at": "bg_tasks.add_task("}]),
        # ---------------- llm_call
        llm(OAI, "return await client.chat.completions.create(", "_get_raw_response", provider="openai"),
        llm(OAI, "async def _get_raw_response(", "_get_raw_response", note="wrapper: chat completion with system prompt"),
        llm(OAI, "async def get_response(", "get_response", note="wrapper: OpenAIService.get_response (text + images)"),
        llm(OAI, "response = await self._get_raw_response(", "get_response", note="call site of _get_raw_response"),
        llm("mealie/services/parser_services/openai/parser.py", "tasks.append(service.get_response(", "_parse", note="call site of OpenAIService.get_response"),
        llm("mealie/services/scraper/scraper_strategies.py", "response_json = await service.get_response(", "get_html", note="call site of OpenAIService.get_response"),
        llm("mealie/services/recipe/recipe_service.py", "response = await openai_service.get_response(", "build_recipe_from_images", note="call site of OpenAIService.get_response"),
        llm("mealie/routes/admin/admin_debug.py", "response = await openai_service.get_response(", "debug_openai", note="call site of OpenAIService.get_response"),
        # ---------------- scheduled_job
        *[
            tp(
                "scheduled_job",
                f"mealie/services/scheduler/tasks/{file}",
                f"def {fn}(",
                fn,
                note="registered in app.start_scheduler",
                alt=[{"file": APP, "at": reg}],
            )
            for file, fn, reg in TASKS
        ],
        tp("scheduled_job", SCH, "def run_daily():", "run_daily", note="daily loop (@repeat_every 1440 min)", alt=[{"at": "@repeat_every(minutes=MINUTES_DAY"}]),
        tp("scheduled_job", SCH, "def run_hourly():", "run_hourly", note="hourly loop", alt=[{"at": "@repeat_every(minutes=MINUTES_HOUR"}]),
        tp("scheduled_job", SCH, "def run_minutely():", "run_minutely", note="5-minute loop", alt=[{"at": "@repeat_every(minutes=MINUTES_5"}]),
        tp("scheduled_job", ".github/workflows/codeql.yml", "schedule:", None, note="GitHub Actions schedule (CI)", alt=[{"at": "- cron:"}]),
        tp("scheduled_job", ".github/workflows/stale.yml", "schedule:", None, note="GitHub Actions schedule (CI)", alt=[{"at": "- cron:"}]),
        tp("scheduled_job", ".github/workflows/scheduled-checks.yml", "schedule:", None, note="GitHub Actions schedule (CI)", alt=[{"at": "- cron:"}]),
        # ---------------- data_model
        *[model(file, name) for file, name in MODELS],
    ],
    "not_touchpoints": [
        no("email_send", "mealie/routes/admin/admin_email.py", "async def check_email_config(self):", "only reports whether SMTP is enabled"),
        no("email_send", "mealie/services/user_services/password_reset_service.py", "def generate_reset_token(", "creates a token row; sends nothing"),
        no("email_send", ES, "def render_html(self, template: Path) -> str:", "renders the jinja template"),
        no("email_send", "frontend/lib/api/admin/admin-users.ts", "async generatePasswordResetToken(", "admin creates a reset token; no email"),
        no("data_model", SND, "class Message:", "email message value object, not an entity"),
        no("data_model", SND, "class EmailOptions:", "SMTP settings"),
        no("notification", PUB, "class PublisherLike(Protocol):", "typing protocol"),
        no("notification", "mealie/core/release_checker.py", "response = requests.get(url)", "GET latest release from GitHub"),
        no("notification", "mealie/scripts/healthcheck.py", "r = requests.get(url)", "container healthcheck"),
        no("notification", "mealie/services/scraper/scraper_strategies.py", "async with AsyncClient(transport=safehttp.AsyncSafeTransport()) as client:", "fetches a recipe web page to scrape"),
        no("notification", "frontend/plugins/toast.client.ts", "$axios.onResponse((response) => {", "in-page toast of API responses (UI feedback, not a delivered message)"),
        no("webhook_handler", "mealie/routes/households/controller_webhooks.py", "def create_one(self, data: CreateWebhook):", "CRUD for outgoing webhook configuration"),
        no("webhook_handler", "mealie/routes/households/controller_webhooks.py", "def rerun_webhooks(self):", "user-triggered re-send of outgoing webhooks, not an inbound event"),
        no("webhook_handler", "mealie/routes/households/controller_webhooks.py", "def test_one(self, item_id: UUID4, bg_tasks: BackgroundTasks):", "user-triggered test of an outgoing webhook"),
        no("webhook_handler", "mealie/routes/households/controller_group_notifications.py", "def create_one(self, data: GroupEventNotifierCreate):", "CRUD for notifier configuration"),
        no("event_tracking", "mealie/services/analytics/service_analytics.py", "def calculate_analytics(self) -> MealieAnalytics:", "builds an anonymous summary that is never sent"),
        no("event_tracking", "frontend/lib/api/admin/admin-analytics.ts", "async getAnalytics() {", "GET of a (non-existent) backend route; no tracking"),
        no("llm_call", OAI, "def get_prompt(cls, name: str", "reads a prompt template file"),
        no("llm_call", "mealie/schema/openai/_base.py", "def parse_openai_response(cls, response: str | None):", "parses the JSON the LLM returned"),
        no("scheduled_job", "mealie/services/scheduler/scheduled_func.py", "class ScheduledFunc(BaseModel):", "unused dataclass"),
        no("scheduled_job", "mealie/services/scheduler/scheduler_registry.py", "def register_daily(*callbacks: Callable):", "registry plumbing"),
        no("scheduled_job", "mealie/services/scheduler/scheduler_registry.py", "def register_hourly(*callbacks: Callable):", "registry plumbing"),
        no("scheduled_job", "mealie/services/scheduler/scheduler_registry.py", "def register_minutely(*callbacks: Callable):", "registry plumbing"),
        *[model_no(file, name, why) for file, name, why in NOT_MODELS],
        *[no("data_model", f"{MD}/{file}", at, "association (join) table") for file, at in JOIN_TABLES],
    ],
    "ambiguous": [
        # email
        no("email_send", SND, "def send(self, email_to: str, subject: str, html: str) -> bool: ...", "abstract sender interface (ABCEmailSender.send)"),
        no("email_send", "mealie/routes/admin/admin_email.py", "async def send_test_email(", "route handler named send_test_email; the send is the call inside"),
        no("email_send", "mealie/routes/households/controller_invitations.py", "def email_invitation(", "route handler; the send is the call inside"),
        no("email_send", FE_EMAIL, "sendInvitation(payload: EmailInvitation) {", "frontend API client method: POSTs to the backend endpoint that sends the email"),
        no("email_send", FE_EMAIL, "sendForgotPassword(payload: ForgotPassword) {", "frontend API client method: POSTs to the backend endpoint that sends the email"),
        no("email_send", FE_EMAIL, "test(payload: EmailTest) {", "frontend API client method: POSTs to the test-email endpoint"),
        no("email_send", "frontend/pages/admin/site-settings.vue", "await api.email.test({ email: state.address })", "frontend call of the test-email endpoint"),
        no("email_send", "frontend/pages/admin/manage/users/_id.vue", "userApi.email.sendForgotPassword(", "frontend call of the forgot-password endpoint"),
        no("email_send", "frontend/pages/forgot-password.vue", "api.email.sendForgotPassword(", "frontend call of the forgot-password endpoint"),
        no("email_send", "frontend/pages/user/profile/index.vue", "api.email.sendInvitation({", "frontend call of the invitation-email endpoint"),
        # notification plumbing
        no("notification", PUB, "def publish(self, event: Event, notification_urls: list[str]): ...", "PublisherLike protocol method", nth=1),
        no("notification", LIS, "def publish_to_subscribers(self, event: Event, subscribers: list) -> None:", "abstract listener method"),
        no("notification", BUS, "def _publish_event(", "internal fan-out to listeners"),
        no("notification", BUS, "self.bg.add_task(self._publish_event", "background-task call of the internal fan-out"),
        no("notification", BUS, "self._publish_event(event, group_id, household_id)", "direct call of the internal fan-out"),
        no("notification", "frontend/lib/api/user/group-event-notifier.ts", "async test(itemId: string) {", "frontend client for the test-notifier endpoint"),
        no("notification", "frontend/lib/api/user/group-webhooks.ts", "async testOne(itemId: string | number) {", "frontend client for the test-webhook endpoint"),
        no("notification", "mealie/routes/users/registration.py", "self.event_bus.dispatch(", "user_signup event: delivered only to configured Apprise notifiers"),
        no("notification", TL, "event_bus_service.dispatch(", "recipe_updated event after a timeline entry: generic event emission", nth=1),
        no("notification", TL, "event_bus_service.dispatch(", "recipe_updated event: generic event emission", nth=2),
        no("notification", SL, "def publish_list_item_events(", "helper that emits shopping-list item events via a publisher callable"),
        no("notification", "mealie/services/scheduler/tasks/delete_old_checked_shopping_list_items.py", "publish_list_item_events(event_publisher, items_response)", "call of publish_list_item_events"),
        *[
            no("notification", SL, "publish_list_item_events(self.publish_event, items)", f"{fn}: call of publish_list_item_events (generic CRUD event)", nth=n)
            for n, fn in LIST_ITEM_EVENT_CALLS
        ],
        *[
            no(
                "notification",
                file,
                "self.publish_event(",
                f"{fn}: call site of BaseCrudController.publish_event; a generic CRUD event only delivered to configured Apprise notifiers",
                nth=n,
            )
            for file, fns in PUBLISH_EVENT_CALLS
            for n, fn in enumerate(fns, start=1)
        ],
        # scheduler plumbing
        no("scheduled_job", "mealie/services/scheduler/runner.py", "def repeat_every(", "periodic-loop decorator (mechanism, not a job)"),
        no("scheduled_job", SCH, "async def schedule_daily():", "waits until DAILY_SCHEDULE_TIME then calls run_daily"),
        no("scheduled_job", SCH, "async def start():", "starts the loops"),
        no("scheduled_job", APP, "async def start_scheduler():", "registers the tasks (the registrations are alts of the task labels)"),
        no("scheduled_job", APP, "SchedulerRegistry.register_daily(", "registration call for five daily tasks"),
        no("scheduled_job", APP, "SchedulerRegistry.register_minutely(", "registration call"),
        no("scheduled_job", APP, "SchedulerRegistry.register_hourly(", "registration call"),
        no("scheduled_job", "mealie/services/scheduler/tasks/purge_group_exports.py", "def purge_excess_files() -> None:", "in the tasks package but never registered"),
        # llm
        no("llm_call", OAI, "self.get_client = lambda: AsyncOpenAI(", "client factory, not a call"),
        no("llm_call", "mealie/services/parser_services/openai/parser.py", "async def _parse(self, ingredients: list[str]) -> OpenAIIngredients:", "single-purpose helper around get_response (ingredient parsing)"),
        no("llm_call", "mealie/services/scraper/scraper_strategies.py", "async def get_html(self, url: str) -> str:", "RecipeScraperOpenAI.get_html: single-purpose helper around get_response", nth=3),
        no("llm_call", "mealie/services/recipe/recipe_service.py", "async def build_recipe_from_images(", "single-purpose helper around get_response (recipe from images)"),
        no("llm_call", "mealie/services/recipe/recipe_service.py", "recipe_data = await openai_recipe_service.build_recipe_from_images(", "call of build_recipe_from_images"),
        no("llm_call", "frontend/lib/api/admin/admin-debug.ts", "async debugOpenAI(", "frontend client of the OpenAI debug endpoint"),
        # data models
        *[no("data_model", f"{MD}/{file}", f"class {name}(", why) for file, name, why in AMBIGUOUS_MODELS],
        *[
            no("data_model", file, f"class {name}(", "pydantic API schema mirroring the User/Group/Household table")
            for file, name in AMBIGUOUS_SCHEMAS
        ],
    ],
}
