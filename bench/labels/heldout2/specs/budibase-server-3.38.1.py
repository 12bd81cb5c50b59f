"""Held-out labels for @budibase/server 3.38.1 from npm (resolved by ../build.py).

Written by reading the TypeScript source with grep before the scanner was ever run on
this package.
"""

from bench.labels.resolve import no, tp

PACKAGE = "@budibase/server"
OUTPUT = "bench/labels/heldout2/budibase-server-3.38.1.json"

WR = "src/utilities/workerRequests.ts"
ST = "src/automations/steps"
WH = "src/api/controllers/webhook"
WHR = "src/api/routes/webhook.ts"
AUT = "src/automations/utils.ts"
CC = "src/api/controllers/ai/chatConversations.ts"
RT = "src/sdk/workspace/ai/agents/agentRuntime.ts"
DD = "src/db/defaultData/datasource_bb_default.ts"

# Product-analytics calls through @budibase/backend-core's `events` module (published to
# PostHog when telemetry is on): (file under src/, the call's opening, nth occurrence).
# Read from the grep of `events.<area>.<event>(`; `events.processors.init` and
# `events.analytics.enabled()` are set-up / a flag check, not events.
EVENTS = [
    ("websockets/builder.ts", "events.user.dataCollaboration(", 0),
    ("api/controllers/datasource.ts", "events.datasource.updated(", 0),
    ("api/controllers/datasource.ts", "events.datasource.deleted(", 0),
    ("api/controllers/ai/chatConversations.ts", "events.action.aiAgentFailed(", 1),
    ("api/controllers/ai/chatConversations.ts", "events.action.aiAgentFailed(", 2),
    ("api/controllers/ai/chatConversations.ts", "events.action.aiAgentFailed(", 3),
    ("api/controllers/ai/chatConversations.ts", "events.action.aiAgentExecuted(", 1),
    ("api/controllers/ai/chatConversations.ts", "events.action.aiAgentFailed(", 4),
    ("api/controllers/ai/chatConversations.ts", "events.action.aiAgentExecuted(", 2),
    ("api/controllers/automation.ts", "events.automation.tested(", 0),
    ("api/controllers/screen.ts", "events.screen.created(", 0),
    ("api/controllers/screen.ts", "events.screen.deleted(", 0),
    ("api/controllers/deploy/index.ts", "events.app.published(", 0),
    ("api/controllers/row/index.ts", "events.action.crudExecuted(", 1),
    ("api/controllers/row/index.ts", "events.action.crudFailed(", 0),
    ("api/controllers/row/index.ts", "events.action.crudExecuted(", 2),
    ("api/controllers/row/index.ts", "events.action.crudExecuted(", 3),
    ("api/controllers/row/index.ts", "events.action.crudExecuted(", 4),
    ("api/controllers/row/index.ts", "events.action.crudExecuted(", 5),
    ("api/controllers/rowAction/crud.ts", "events.rowAction.created(", 0),
    ("api/controllers/analytics.ts", "events.serve.servedAppPreview(", 0),
    ("api/controllers/analytics.ts", "events.serve.servedApp(", 0),
    ("api/controllers/analytics.ts", "events.serve.servedBuilder(", 0),
    ("api/controllers/query/index.ts", "events.query.created(", 0),
    ("api/controllers/query/index.ts", "events.query.updated(", 0),
    ("api/controllers/query/index.ts", "events.query.previewed(", 0),
    ("api/controllers/query/index.ts", "events.action.crudExecuted(", 0),
    ("api/controllers/query/index.ts", "events.action.crudFailed(", 0),
    ("api/controllers/query/index.ts", "events.query.deleted(", 0),
    ("api/controllers/query/import/index.ts", "events.query.imported(", 0),
    ("api/controllers/query/import/index.ts", "events.query.created(", 0),
    ("api/controllers/workspace/backups.ts", "events.backup.workspaceBackupRestored(", 0),
    ("api/controllers/workspace.ts", "events.app.templateImported(", 0),
    ("api/controllers/workspace.ts", "events.app.fileImported(", 1),
    ("api/controllers/workspace.ts", "events.app.duplicated(", 0),
    ("api/controllers/workspace.ts", "events.app.fileImported(", 2),
    ("api/controllers/workspace.ts", "events.app.created(", 0),
    ("api/controllers/workspace.ts", "events.app.updated(", 0),
    ("api/controllers/workspace.ts", "events.app.versionUpdated(", 0),
    ("api/controllers/workspace.ts", "events.app.versionReverted(", 0),
    ("api/controllers/workspace.ts", "events.app.unpublished(", 1),
    ("api/controllers/workspace.ts", "events.app.unpublished(", 2),
    ("api/controllers/workspace.ts", "events.app.deleted(", 0),
    ("api/controllers/dev.ts", "events.installation.versionChecked(", 0),
    ("api/controllers/environmentVariables.ts", "events.environmentVariable.created(", 0),
    ("api/controllers/environmentVariables.ts", "events.environmentVariable.deleted(", 0),
    ("api/controllers/view/views.ts", "events.view.deleted(", 0),
    ("api/controllers/view/views.ts", "events.table.exported(", 0),
    ("api/controllers/view/views.ts", "events.view.exported(", 0),
    ("api/controllers/view/viewsV2.ts", "events.view.created(", 0),
    ("api/controllers/view/viewsV2.ts", "events.view.filterUpdated(", 0),
    ("api/controllers/view/viewsV2.ts", "events.view.calculationCreated(", 0),
    ("api/controllers/view/viewsV2.ts", "events.view.viewJoinCreated(", 0),
    ("api/controllers/view/viewsV2.ts", "events.view.updated(", 0),
    ("api/controllers/view/viewsV2.ts", "events.view.deleted(", 0),
    ("api/controllers/backup.ts", "events.app.exported(", 0),
    ("api/controllers/table/external.ts", "events.rows.imported(", 0),
    ("api/controllers/table/index.ts", "events.table.created(", 0),
    ("api/controllers/table/index.ts", "events.table.updated(", 0),
    ("api/controllers/table/index.ts", "events.table.imported(", 0),
    ("api/controllers/table/index.ts", "events.table.deleted(", 0),
    ("api/controllers/table/utils.ts", "events.rows.imported(", 0),
    ("api/controllers/role.ts", "events.role.created(", 0),
    ("api/controllers/role.ts", "events.role.updated(", 0),
    ("api/controllers/role.ts", "events.role.deleted(", 0),
    ("api/controllers/layout.ts", "events.layout.created(", 0),
    ("api/controllers/layout.ts", "events.layout.deleted(", 0),
    ("threads/automation.ts", "events.action.automationStepExecuted(", 0),
    ("threads/automation.ts", "events.action.automationStepFailed(", 1),
    ("threads/automation.ts", "events.action.automationStepFailed(", 2),
    ("threads/automation.ts", "events.action.automationStepFailed(", 3),
    ("threads/automation.ts", "events.action.automationStepFailed(", 4),
    ("threads/automation.ts", "events.action.automationStepFailed(", 5),
    ("sdk/dev/devRevertProcessor.ts", "events.app.reverted(", 0),
    ("sdk/workspace/ai/agents/crud.ts", "events.ai.agentCreated(", 0),
    ("sdk/workspace/ai/agents/crud.ts", "events.ai.agentUpdated(", 0),
    ("sdk/workspace/ai/agents/crud.ts", "events.ai.agentDeleted(", 0),
    ("sdk/workspace/ai/configs/index.ts", "events.ai.configCreated(", 0),
    ("sdk/workspace/ai/configs/index.ts", "events.ai.configUpdated(", 0),
    ("sdk/workspace/ai/configs/index.ts", "events.ai.configDeleted(", 0),
    ("sdk/workspace/tables/duplicate.ts", "events.table.created(", 0),
    ("sdk/workspace/workspaceApps/crud.ts", "events.workspace.appCreated(", 0),
    ("sdk/workspace/workspaceApps/crud.ts", "events.workspace.appUpdated(", 0),
    ("sdk/workspace/workspaceApps/crud.ts", "events.workspace.appDeleted(", 0),
    ("sdk/workspace/datasources/datasources.ts", "events.datasource.created(", 0),
    ("sdk/workspace/resources/index.ts", "events.resource.duplicatedToWorkspace(", 0),
    ("sdk/workspace/automations/crud.ts", "events.automation.stepCreated(", 1),
    ("sdk/workspace/automations/crud.ts", "events.automation.stepDeleted(", 0),
    ("sdk/workspace/automations/crud.ts", "events.automation.created(", 0),
    ("sdk/workspace/automations/crud.ts", "events.automation.stepCreated(", 2),
    ("sdk/workspace/automations/crud.ts", "events.automation.triggerUpdated(", 0),
    ("sdk/workspace/automations/crud.ts", "events.automation.deleted(", 0),
    ("automations/steps/ai/agent.ts", "events.action.aiAgentExecuted(", 0),
    ("automations/steps/ai/agent.ts", "events.action.aiAgentFailed(", 0),
]

# Automation steps that POST to a user-supplied URL: (step file stem, channel, note).
OUTBOUND_STEPS = [
    ("slack", "slack", "Slack incoming-webhook message"),
    ("discord", "chat", "Discord webhook message"),
    ("zapier", "webhook_out", "posts the payload to a Zapier hook"),
    ("make", "webhook_out", "posts the payload to a Make (Integromat) hook"),
    ("n8n", "webhook_out", "posts the payload to an n8n webhook"),
    ("outgoingWebhook", "webhook_out", "generic outgoing webhook step"),
]

# Steps that call the promptWithDefaultLLM wrapper: (file under steps/, symbol).
LLM_WRAPPER_CALLERS = [
    "ai/classify.ts",
    "ai/generate.ts",
    "ai/promptLLM.ts",
    "ai/summarise.ts",
    "ai/translate.ts",
    "openai.ts",
]

# Bot replies posted back into a Slack/Discord/Teams conversation by the chat-agent
# webhook handlers (via the `chat` SDK): (file, snippet, nth).
CHAT_REPLIES = [
    ("discord.ts", "await event.channel.post(text)", 0),
    ("discord.ts", "await event.channel.post(", 2),
    ("discord.ts", "await event.channel.post(", 3),
    ("discord.ts", "await event.channel.post(msg)", 0),
    ("slack.ts", "await target.post(text)", 0),
    ("slack.ts", 'await target.post("I sent you a DM', 0),
    ("slack.ts", "await target.post(", 3),
    ("slack.ts", "await target.post(msg)", 0),
    ("slack.ts", 'await thread.post("Send a message to continue.")', 0),
    ("slack.ts", 'await thread.post("Missing Slack message metadata.")', 0),
    ("slack.ts", 'await event.channel.post("Missing Slack command metadata.")', 0),
    ("ms-teams.ts", "await thread.post(", 1),
    ("ms-teams.ts", 'await thread.post("Missing Teams conversation information.")', 0),
    ("ms-teams.ts", 'await thread.post("Missing Teams user information.")', 0),
    ("ms-teams.ts", 'await thread.post("Missing Teams thread information.")', 0),
    ("ms-teams.ts", "progressMessage = await progressMessage.edit(text)", 0),
    ("ms-teams.ts", "await thread.post(firstChunk)", 0),
    ("ms-teams.ts", "await thread.post(chunk)", 0),
    ("ms-teams.ts", "await thread.post(stream)", 0),
    ("ms-teams.ts", "progressMessage = await thread.post(TEAMS_PROCESSING_MESSAGE)", 0),
    ("linkPrompt.ts", "await target.postEphemeral(user, card, {", 0),
]


def chat_webhook(file, fn, route):
    return tp(
        "webhook_handler",
        f"{WH}/{file}",
        f"export async function {fn}(",
        fn,
        alt=[{"file": WHR, "at": route}],
        note="receives chat-platform events for an AI agent bot",
    )


def generate_text(file, symbol, **kw):
    return tp("llm_call", file, "await generateText({", symbol, provider="ai-sdk", **kw)


SPEC = {
    "notes": [
        "@budibase/server 3.38.1 tarball from npm (Koa + TypeScript, the Budibase low-code platform's app server; full src/ shipped). Paths relative to the unpacked package root. Held out: labelled by hand before any scanner output was looked at.",
        "Not touchpoints by the rules: dist/, builder/, client/ (build output), src/jsRunner/bundles/*.ivm.bundle.js (generated bundles), src/definitions/openapi.ts (generated by openapi-typescript), __mocks__/, src/integration-test/, **/__tests__/**, *.spec.ts, src/workspaceMigrations/ (migrations), scripts/integrations/** (SQL fixture databases for integration tests: their customers/Persons tables are not app models), scripts/load and scripts/ai-refactor-evals.ts (dev/eval scripts).",
        "email_send: the server never talks SMTP itself; workerRequests.sendSmtpEmail is the wrapper that POSTs to the worker service's /api/global/email/send, and the SEND_EMAIL_SMTP automation step is its only caller. The fetch inside the wrapper is ambiguous (an internal service call, not a provider API).",
        "notification: the Slack/Discord/Zapier/Make/n8n/outgoing-webhook automation steps each POST once through fetchWithBlacklist; labelled at that call (alt: the step's run()). Replies posted by the chat-agent bots back into Slack/Discord/Teams threads are ambiguous: conversational replies inside an inbound webhook handler, not outbound notifications.",
        "webhook_handler: the public /api/webhooks/trigger endpoint (external systems fire automations) and the Discord/MS Teams/Slack agent-bot endpoints. buildSchema (receives a sample payload from the external system to learn its schema) and POST /api/automations/:id/trigger (authenticated API trigger) are ambiguous; webhook CRUD (fetch/save/destroy) is not.",
        "event_tracking: every `events.<area>.<event>(...)` call from @budibase/backend-core (telemetry to PostHog / audit log) is labelled; there are no direct analytics SDK calls.",
        "scheduled_job: repeatable Bull jobs: cron-triggered automations and the 30 s email-trigger poll in automations/utils.enableCronOrEmailTrigger, and the SharePoint knowledge-source sync in knowledgeSourceSyncQueue.scheduleJob. In-process cleanup timers are ambiguous or not touchpoints.",
        "llm_call: Vercel AI SDK generateText calls, ToolLoopAgent.stream calls, the raw POST to LiteLLM /chat/completions in budibaseai-v2, and the promptWithDefaultLLM wrapper with its six automation-step callers. Provider factories (createOpenAI in bbai.ts / litellm.ts), the single-use helpers runAIOperation/prepareAgentChatRun's callers and the pro package's table generator are ambiguous; prompt builders (ai.summarizeText etc.) and web-search tools (Exa, Parallel) are not LLM calls.",
        "data_model: none. Budibase stores user-defined tables in CouchDB; entity types come from @budibase/types, which is not in this package. The sample-data table schemas in db/defaultData (Employees, Jobs, Inventory, Expenses) are ambiguous; src/definitions/common.ts (Application/Automation documents) are not person/account records.",
        "Label change after the first scanner run: sdk.ai.generateAgentInstructions (a single-use helper around generateText, the same class as runAIOperation, which was ambiguous from the start) and its one call site are now ambiguous; before, a report on its def counted as a false positive. No other label changed.",
        "No personize_call.",
    ],
    "touchpoints": [
        # ---- email_send
        tp(
            "email_send",
            WR,
            "export async function sendSmtpEmail({",
            "sendSmtpEmail",
            channel="email",
            note="wrapper: asks the worker service to send an email",
        ),
        tp(
            "email_send",
            f"{ST}/sendSmtpEmail.ts",
            "let response = await sendSmtpEmail({",
            "run",
            channel="email",
            alt=[{"at": "export async function run({"}],
            note="call site: SEND_EMAIL_SMTP automation step",
        ),
        # ---- notification
        *[
            tp(
                "notification",
                f"{ST}/{stem}.ts",
                "await fetchWithBlacklist(url",
                "run",
                channel=channel,
                alt=[{"at": "export async function run({"}],
                note=note,
            )
            for stem, channel, note in OUTBOUND_STEPS
        ],
        # ---- webhook_handler
        tp(
            "webhook_handler",
            "src/api/controllers/webhook.ts",
            "export async function trigger(",
            "trigger",
            alt=[{"file": WHR, "at": 'publicRoutes.post("/api/webhooks/trigger/'}],
            note="public webhook that fires an automation",
        ),
        chat_webhook("discord.ts", "discordWebhook", '"/api/webhooks/discord/'),
        chat_webhook("ms-teams.ts", "MSTeamsWebhook", '"/api/webhooks/ms-teams/'),
        chat_webhook("slack.ts", "slackWebhook", '"/api/webhooks/slack/'),
        # ---- scheduled_job
        tp(
            "scheduled_job",
            AUT,
            "await automationQueue.add(",
            "enableCronOrEmailTrigger",
            nth=1,
            alt=[{"at": "{ repeat: { cron: cronExp }, jobId }"}],
            note="registers a cron-triggered automation as a repeatable Bull job",
        ),
        tp(
            "scheduled_job",
            AUT,
            "await automationQueue.add(",
            "enableCronOrEmailTrigger",
            nth=2,
            alt=[{"at": "{ repeat: { every: 30_000 }, jobId }"}],
            note="email-trigger automations poll the mailbox every 30 s",
        ),
        tp(
            "scheduled_job",
            "src/sdk/workspace/ai/rag/sources/knowledgeSourceSyncQueue.ts",
            "return await getQueue().add(job, {",
            "scheduleJob",
            alt=[{"at": "export async function scheduleJob("}],
            note="periodic SharePoint knowledge-source sync",
        ),
        # ---- llm_call
        tp(
            "llm_call",
            f"{ST}/ai/llm.ts",
            "export async function promptWithDefaultLLM(",
            "promptWithDefaultLLM",
            note="wrapper: prompts the workspace's default LLM",
        ),
        generate_text(f"{ST}/ai/llm.ts", "promptWithDefaultLLM"),
        *[
            tp(
                "llm_call",
                f"{ST}/{file}",
                "await promptWithDefaultLLM(",
                "run",
                note="call site of promptWithDefaultLLM (AI automation step)",
            )
            for file in LLM_WRAPPER_CALLERS
        ],
        generate_text("src/utilities/rowProcessor/utils.ts", "runAIOperation"),
        generate_text("src/api/controllers/ai/js.ts", "generateJs"),
        generate_text("src/api/controllers/ai/cron.ts", "generateCronExpression"),
        generate_text("src/api/controllers/ai/budibaseai.ts", "chatCompletion"),
        generate_text("src/sdk/workspace/ai/instructions.ts", "generateAgentInstructions"),
        generate_text(f"{ST}/ai/extract.ts", "run"),
        tp(
            "llm_call",
            f"{ST}/ai/agent.ts",
            "const streamResult = await agent.stream({ prompt })",
            "run",
            alt=[{"at": "const agent = new ToolLoopAgent({"}],
            provider="ai-sdk",
        ),
        tp(
            "llm_call",
            RT,
            "await agentRunner.stream({",
            "prepareAgentChatRun",
            alt=[{"at": "const agentRunner = new ToolLoopAgent({"}],
            provider="ai-sdk",
        ),
        tp(
            "llm_call",
            "src/api/controllers/ai/budibaseai-v2.ts",
            "const upstreamResponse = await fetch(",
            "chatCompletionV2",
            alt=[{"at": "/chat/completions`,"}],
            note="raw POST to the LiteLLM proxy's /chat/completions",
        ),
        # ---- event_tracking
        *[
            tp(
                "event_tracking",
                f"src/{file}",
                call,
                nth=nth,
                provider="budibase-events",
            )
            for file, call, nth in EVENTS
        ],
    ],
    "not_touchpoints": [
        no(
            "webhook_handler",
            "src/api/controllers/webhook.ts",
            "export async function fetch(",
            "lists webhook configs",
        ),
        no(
            "webhook_handler",
            "src/api/controllers/webhook.ts",
            "export async function save(",
            "saves a webhook config",
        ),
        no(
            "webhook_handler",
            "src/api/controllers/webhook.ts",
            "export async function destroy(",
            "deletes a webhook config",
        ),
        no(
            "llm_call",
            "src/ai/tools/search/exa.ts",
            'await fetch("https://api.exa.ai/search"',
            "web search API",
        ),
        no(
            "llm_call",
            "src/ai/tools/search/parallel.ts",
            'await fetch("https://api.parallel.ai/v1beta/search"',
            "web search API",
        ),
        no(
            "llm_call",
            "src/sdk/workspace/ai/knowledgeBase/geminiFileStore.ts",
            "/v1/vector_stores`",
            "vector-store creation",
        ),
        no(
            "llm_call",
            "src/sdk/workspace/ai/knowledgeBase/geminiFileStore.ts",
            "/v1/rag/ingest`",
            "RAG file ingestion",
        ),
        no(
            "llm_call",
            "src/utilities/rowProcessor/utils.ts",
            "return ai.summarizeText(",
            "prompt builder, no call",
        ),
        no(
            "llm_call",
            "src/api/controllers/ai/js.ts",
            "const request = ai.generateJs(",
            "prompt builder, no call",
        ),
        no(
            "scheduled_job",
            "src/api/controllers/ai/tables.ts",
            "heartbeat = setInterval(",
            "keep-alive for a streaming response",
        ),
        no(
            "data_model",
            "src/definitions/common.ts",
            "export interface Application extends Document",
            "app metadata document",
        ),
        no(
            "data_model",
            "src/definitions/common.ts",
            "export interface Automation extends Document",
            "automation definition",
        ),
        no(
            "data_model",
            "src/definitions/common.ts",
            "export interface AutomationStep",
            "automation definition",
        ),
    ],
    "ambiguous": [
        no(
            "email_send",
            WR,
            "checkSlashesInUrl(env.WORKER_URL + `/api/global/email/send`)",
            "the wrapper's internal POST to the worker service",
            alt=[{"at": "const response = await fetch(", "nth": 1}],
        ),
        no(
            "webhook_handler",
            "src/api/controllers/webhook.ts",
            "export async function buildSchema(",
            "receives a sample payload from the external system to learn its schema",
        ),
        no(
            "webhook_handler",
            "src/api/routes/automation.ts",
            '.post("/api/automations/:id/trigger"',
            "authenticated API trigger of an automation",
        ),
        no(
            "scheduled_job",
            "src/automations/testProgress.ts",
            "const cleanupInterval = setInterval(",
            "in-process cleanup timer",
        ),
        no(
            "llm_call",
            "src/sdk/workspace/ai/llm/bbai.ts",
            "const client = createOpenAI({",
            "provider factory, no generation",
        ),
        no(
            "llm_call",
            "src/sdk/workspace/ai/llm/litellm.ts",
            "const llm = createOpenAI(clientConfig)",
            "provider factory, no generation",
        ),
        no(
            "llm_call",
            "src/utilities/rowProcessor/utils.ts",
            "async function runAIOperation(",
            "single-use helper around generateText",
        ),
        no(
            "llm_call",
            "src/utilities/rowProcessor/utils.ts",
            "await runAIOperation(",
            "call site of the single-use helper",
        ),
        # added after the first scanner run (see notes): same class as runAIOperation
        no(
            "llm_call",
            "src/sdk/workspace/ai/instructions.ts",
            "export async function generateAgentInstructions({",
            "single-use helper around generateText",
        ),
        no(
            "llm_call",
            "src/api/controllers/ai/agentInstructions.ts",
            "await sdk.ai.generateAgentInstructions({",
            "call site of the single-use helper",
        ),
        no(
            "llm_call",
            CC,
            "const result = await run.stream()",
            "calls prepareAgentChatRun's stream (webhook chat)",
        ),
        no(
            "llm_call",
            CC,
            "const result = await run.stream({",
            "calls prepareAgentChatRun's stream (agent chat)",
        ),
        no(
            "llm_call",
            RT,
            "export const prepareAgentChatRun = async ({",
            "builds the agent run; the stream call inside is labelled",
        ),
        no(
            "llm_call",
            "src/api/controllers/ai/tables.ts",
            "await tableGenerator.generate(",
            "@budibase/pro table generator driven by an LLM",
        ),
        *[
            no(
                "data_model",
                DD,
                f"export const DEFAULT_{name}_TABLE_SCHEMA: Table = {{",
                "sample-data table schema seeded into demo apps",
            )
            for name in ("INVENTORY", "EMPLOYEE", "JOBS", "EXPENSES")
        ],
        *[
            no(
                "notification",
                f"{WH}/{file}",
                at,
                "chat-agent bot reply in the conversation",
                channel="chat",
                nth=nth,
            )
            for file, at, nth in CHAT_REPLIES
        ],
    ],
}
