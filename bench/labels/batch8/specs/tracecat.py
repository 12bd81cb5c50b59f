"""Batch 8 labels for Tracecat's FastAPI backend package (tracecat/ only).

Written by hand from grep and reading before any scanner output was seen.
"""

from bench.labels.resolve import no, tp

PACKAGE = "tracecat"
OUTPUT = "bench/labels/batch8/tracecat.json"
ROOT = "/tmp/fc8/tracecat/tracecat"
SOURCE = {
    "source": "github",
    "repo": "TracecatHQ/tracecat",
    "commit": "4209a655bc1da1a36d75ea29edfea69daffbdd23",
    "subdir": "tracecat",
}

WR = "webhooks/router.py"
CR = "agent/channels/router.py"
SK = "agent/channels/sinks/slack.py"
SH = "agent/channels/handlers/slack.py"
SHH = "agent/channels/handlers/slack_helpers.py"
AU = "audit/service.py"
LLM = "agent/llm.py"
RT = "agent/runtime/pydantic_ai/runtime.py"
RK = "ai/ranker.py"
IR = "agent/internal_router.py"
CC = "agent/runtime/claude_code/runtime.py"
SB = "workflow/schedules/bridge.py"
DB = "db/models.py"


def slack(file, at, symbol, nth=0, **kw):
    return tp("notification", file, at, symbol, channel="slack", nth=nth, **kw)


def llm(file, at, symbol, nth=0, **kw):
    return tp("llm_call", file, at, symbol, nth=nth, **kw)


def model(name, **kw):
    return tp("data_model", DB, f"class {name}(", name, entity=name, framework="sqlalchemy", **kw)


def model_no(name, why):
    return no("data_model", DB, f"class {name}(", why)


MODELS = [
    "Organization",
    "Workspace",
    "User",
    "OrganizationTier",
    "Case",
    "CaseComment",
    "Chat",
    "ChatMessage",
    "AgentSession",
    "OrganizationInvitation",
    "Invitation",
]

AMBIGUOUS_MODELS = [
    ("Membership", "user-workspace membership with role: link row about a person"),
    ("OrganizationMembership", "user-organization membership with role: link row about a person"),
    ("ServiceAccount", "non-human account"),
    ("OrganizationDomain", "an organisation's verified email domain"),
    ("Group", "user group for access control"),
    ("UserRoleAssignment", "role grant to a user (authz)"),
    ("CaseEvent", "case activity/history row"),
    ("CaseTask", "task inside a case (ticket sub-record)"),
    ("CaseVersion", "case history snapshot"),
    ("CaseFields", "per-case custom field values"),
    ("CaseDuration", "computed per-case duration metric"),
    ("CaseCommentAgentInvocation", "agent run triggered by a case comment mention"),
    ("Interaction", "external interaction (e.g. Slack button response) recorded for a workflow run"),
    ("Approval", "a person's approval decision on an agent tool call"),
    ("AgentSessionHistory", "agent session transcript rows"),
    ("WatchtowerAgent", "observed external agent (monitoring inventory)"),
    ("WatchtowerAgentSession", "observed external agent session, attributed to a user"),
    ("WatchtowerAgentToolCall", "observed external agent tool call"),
]

NOT_MODELS = [
    ("Base", "declarative base"),
    ("RecordModel", "abstract base"),
    ("OrganizationModel", "abstract base"),
    ("PlatformModel", "abstract base"),
    ("WorkspaceModel", "abstract base"),
    ("WorkspaceSyncResourceMapping", "sync id mapping"),
    ("OAuthAccount", "auth: OAuth account link"),
    ("AccessToken", "auth token"),
    ("SAMLRequestData", "auth: SAML request state"),
    ("BaseSecret", "secret storage base"),
    ("OrganizationSecret", "secret"),
    ("PlatformSecret", "secret"),
    ("Secret", "secret"),
    ("WorkspaceVariable", "configuration"),
    ("WorkflowDefinition", "automation definition"),
    ("WorkflowFolder", "folder"),
    ("WorkflowTagLink", "join table"),
    ("Workflow", "automation definition"),
    ("WebhookApiKey", "API key"),
    ("ServiceAccountApiKey", "API key"),
    ("MCPPersonalAccessToken", "API token"),
    ("Webhook", "webhook trigger configuration"),
    ("CaseTrigger", "trigger configuration"),
    ("Schedule", "workflow schedule configuration"),
    ("Action", "workflow action definition"),
    ("BaseRegistryRepository", "registry"),
    ("RegistryRepository", "registry"),
    ("PlatformRegistryRepository", "registry"),
    ("BaseRegistryAction", "registry"),
    ("RegistryAction", "registry"),
    ("PlatformRegistryAction", "registry"),
    ("BaseRegistryVersion", "registry"),
    ("RegistryVersion", "registry"),
    ("PlatformRegistryVersion", "registry"),
    ("BaseRegistryIndex", "registry"),
    ("RegistryIndex", "registry"),
    ("PlatformRegistryIndex", "registry"),
    ("OrganizationSetting", "settings"),
    ("PlatformSetting", "settings"),
    ("Table", "user-defined data table schema"),
    ("TableColumn", "table schema"),
    ("CaseTagLink", "join table"),
    ("CaseTag", "label vocabulary"),
    ("CaseDropdownDefinition", "configuration"),
    ("CaseDropdownOption", "configuration"),
    ("CaseDropdownValue", "dropdown value link"),
    ("CaseDurationDefinition", "configuration"),
    ("CaseTableRow", "link row"),
    ("CaseCommentMention", "mention link row"),
    ("AgentCustomProvider", "LLM provider configuration"),
    ("AgentCatalog", "model catalog"),
    ("AgentModelAccess", "model access configuration"),
    ("AgentChannelToken", "channel token/config"),
    ("AgentFolder", "folder"),
    ("AgentTagLink", "join table"),
    ("AgentPreset", "agent configuration"),
    ("AgentPresetVersion", "agent configuration version"),
    ("Skill", "agent skill content"),
    ("SkillBlob", "file"),
    ("SkillUpload", "file upload state"),
    ("SkillDraftFile", "file"),
    ("SkillVersion", "skill version"),
    ("SkillVersionFile", "file"),
    ("AgentPresetSkill", "join table"),
    ("AgentPresetVersionSkill", "join table"),
    ("AgentTag", "label vocabulary"),
    ("File", "file"),
    ("CaseAttachment", "file link"),
    ("OAuthIntegration", "integration credentials"),
    ("WorkspaceOAuthProvider", "integration configuration"),
    ("MCPIntegration", "integration configuration"),
    ("MCPRefreshToken", "token"),
    ("OAuthStateDB", "OAuth state"),
    ("WorkflowTag", "label vocabulary"),
    ("Tier", "plan catalogue (configuration)"),
    ("Scope", "authz"),
    ("Role", "authz role definition"),
    ("RoleScope", "join table"),
    ("ServiceAccountScope", "join table"),
    ("GroupMember", "join table"),
    ("GroupRoleAssignment", "authz join"),
    ("Ownership", "ownership link"),
]

SPEC = {
    "notes": [
        "Source: github TracecatHQ/tracecat @ 4209a655bc1da1a36d75ea29edfea69daffbdd23, subdir tracecat/ (the FastAPI backend package only; packages/ registry integrations, frontend, alembic, tests are outside ROOT). Labels cover what the platform itself does.",
        "email_send: none. The platform sends no email: fastapi-users hooks on_after_forgot_password / on_after_request_verify only log the token (precision traps).",
        "notification (slack): the agent Slack channel. sinks/slack.SlackStreamSink streams agent replies into a Slack thread via slack_sdk AsyncWebClient.api_call(api_method='chat.startStream'/'appendStream'/'stopStream'/'postMessage'/'update'); handlers/slack.SlackChannelHandler posts ephemeral notices (_post_ephemeral_notice wrapper, 9 call sites), updates approval cards (_update_approval_message) and posts thread messages; slack_helpers.notify_error posts an error message. All Slack calls use the generic api_call(api_method=...) form, not chat_postMessage. Emoji reactions (reactions.add via _add_reaction and ack_event/set_in_progress/set_complete/set_error) are ambiguous; conversations.replies / users.info reads are not touchpoints.",
        "notification (webhook_out): the audit event stream POSTs each audit event to the operator-configured audit webhook URL (audit/service._deliver, httpx). Labelled as a touchpoint by the user-configured-webhook rule; AuditService.create_event (dispatcher called across services; its call sites are not labelled) and the test probe are ambiguous because this is an audit log export rather than a message.",
        "webhook_handler: /webhooks/{workflow_id}/{secret} (POST, GET verification, /wait, /draft, /interactions/{category}) trigger workflows from external systems; /agent/channels/{channel_type}/{token} receives Slack Events API / interactivity payloads; /github/webhook receives GitHub App events. OAuth callbacks and SAML ACS are not webhooks.",
        "llm_call: agent/llm.complete (single-turn chat completion via the LiteLLM gateway or an OpenAI-compatible passthrough, raw httpx POST to /chat/completions) used by session title generation; pydantic-ai agent.run in runtime.run_agent_sync and AioStreamingAgentExecutor._start_agent, with run_agent / ranker wrappers and the internal router call sites; the Claude Agent SDK runtime (ClaudeSDKClient.query) for agent sessions, invoked by the runtime broker. Ambiguous: build_agent / Agent( construction, the LiteLLM gateway callback and the sandbox LLM socket proxy (they forward other callers' requests), the Temporal dispatch of agent turns (AgentSessionService.run_turn, case-comment agent invocations).",
        "scheduled_job: user workflow schedules are Temporal schedules created in workflow/schedules/bridge.create_schedule (client.create_schedule with a cron or interval spec); the service call site is labelled, update and the REST route are ambiguous. The platform registers no periodic jobs of its own (lifespan tasks are stream consumers / one-shot startup syncs).",
        "event_tracking, personize_call: none. Sentry (sentry_sdk.init in workers) and OpenTelemetry are error/trace monitoring, not product analytics.",
        "data_model: all SQLAlchemy tables are in db/models.py. Organization, Workspace (tenant), User, OrganizationTier, Case (ticket), CaseComment, Chat, ChatMessage, AgentSession and the two invitation tables are touchpoints; memberships, service accounts, groups, case sub-records and agent/watchtower session records are ambiguous; configuration, registry, secrets, tokens, files, authz, abstract bases and join tables are not. Pydantic schemas (schemas.py files) are API models, not entities: not labelled.",
        "Time: labelled in about 30 minutes; the ~100 SQLAlchemy models were each classified, but llm_call coverage of the deeper agent plumbing (executor activities, MCP proxy, agent builder) stops at the entry points listed.",
    ],
    "touchpoints": [
        # ---- webhook_handler
        tp("webhook_handler", WR, "async def incoming_webhook_post(", "incoming_webhook_post", alt=[{"at": '@router.post("", response_model=None)'}], framework="fastapi"),
        tp("webhook_handler", WR, "async def incoming_webhook_get(", "incoming_webhook_get", alt=[{"at": '@router.get("", response_model=None)'}], framework="fastapi", note="GET variant (vendor verification challenges, e.g. Okta)"),
        tp("webhook_handler", WR, "async def incoming_webhook_wait(", "incoming_webhook_wait", framework="fastapi"),
        tp("webhook_handler", WR, "async def incoming_webhook_draft(", "incoming_webhook_draft", alt=[{"at": '@router.post("/draft", response_model=None)'}], framework="fastapi"),
        tp("webhook_handler", WR, "async def receive_interaction(", "receive_interaction", alt=[{"at": '@router.post("/interactions/{category}")'}], framework="fastapi", note="Slack interactivity payloads for running workflows"),
        tp("webhook_handler", CR, "async def handle_channel_event(", "handle_channel_event", alt=[{"at": '@router.post("/{channel_type}/{token}", response_model=None)'}], framework="fastapi", provider="slack", note="Slack Events API / block_actions receiver"),
        tp("webhook_handler", "vcs/router.py", "async def github_webhook(", "github_webhook", alt=[{"at": '@github_router.post("/webhook")'}], framework="fastapi", provider="github"),
        # ---- notification: Slack agent channel (sink)
        slack(SK, "class SlackStreamSink:", "SlackStreamSink", note="wrapper: streams agent output into a Slack thread"),
        slack(SK, "response = await self._client.api_call(", "SlackStreamSink._ensure_stream_started", provider="slack_sdk", note="chat.startStream"),
        slack(SK, "await self._client.api_call(", "SlackStreamSink._append_chunks", nth=2, provider="slack_sdk", note="chat.appendStream"),
        slack(SK, "async def _post_approval_card(", "SlackStreamSink._post_approval_card", note="wrapper: posts an approval card message"),
        slack(SK, "await self._client.api_call(", "SlackStreamSink._post_approval_card", nth=3, provider="slack_sdk", note="chat.postMessage"),
        slack(SK, "await self._client.api_call(", "SlackStreamSink._stop_stream", nth=4, provider="slack_sdk", note="chat.stopStream (final text)"),
        slack(SK, "await self._client.api_call(", "SlackStreamSink._stop_stream", nth=5, provider="slack_sdk", note="chat.stopStream"),
        slack(SK, "await self._client.api_call(", "SlackStreamSink._stop_stream", nth=6, provider="slack_sdk", note="chat.update (final message)"),
        slack("agent/executor/loopback.py", "return SlackStreamSink(", None, note="call site of SlackStreamSink"),
        # ---- notification: Slack channel handler
        slack(SH, "async def _post_ephemeral_notice(", "SlackChannelHandler._post_ephemeral_notice", note="wrapper: chat.postEphemeral"),
        slack(SH, "await client.api_call(", "SlackChannelHandler._post_ephemeral_notice", nth=2, provider="slack_sdk", note="chat.postEphemeral"),
        *[
            slack(SH, "await self._post_ephemeral_notice(", "SlackChannelHandler._handle_approval_action", nth=i, note="call site of _post_ephemeral_notice")
            for i in range(1, 10)
        ],
        slack(SH, "async def _update_approval_message(", "SlackChannelHandler._update_approval_message", note="wrapper: chat.update of the approval card"),
        slack(SH, "await slack_client.api_call(", "SlackChannelHandler._update_approval_message", nth=2, provider="slack_sdk", note="chat.update"),
        slack(SH, "await self._update_approval_message(", "SlackChannelHandler._handle_approval_action", note="call site of _update_approval_message"),
        slack(SH, "await slack_client.api_call(", "SlackChannelHandler._handle_approval_action", nth=3, provider="slack_sdk", note="chat.postMessage"),
        slack(SH, "await slack_client.api_call(", "SlackChannelHandler.handle", nth=4, provider="slack_sdk", note="chat.postMessage"),
        slack(SH, "await notify_error(", "SlackChannelHandler.handle", note="call site of notify_error"),
        slack(SHH, "async def notify_error(", "notify_error", note="wrapper: posts an in-thread error message"),
        slack(SHH, "    await client.api_call(", "notify_error", nth=3, provider="slack_sdk", note="chat.postMessage"),
        # ---- notification: audit webhook stream
        tp("notification", AU, "response = await client.post(", "_deliver", channel="webhook_out", provider="httpx", note="POST of an audit event to the operator-configured audit webhook URL"),
        # ---- llm_call
        llm(LLM, "async def complete(", "complete", note="wrapper: single-turn completion against the org default model"),
        llm(LLM, "resp = await client.post(", "_call_litellm", nth=1, provider="litellm", note="POST /chat/completions via the LiteLLM gateway"),
        llm(LLM, "resp = await client.post(", "_call_passthrough", nth=2, provider="openai_compatible", note="POST /chat/completions to a custom provider"),
        llm("agent/session/title_generator.py", "async def generate_session_title(", "generate_session_title", note="wrapper: LLM session title"),
        llm("agent/session/title_generator.py", "raw = await llm_complete(", "generate_session_title", note="call site of agent.llm.complete"),
        llm("agent/session/service.py", "new_title = await generate_session_title(", None, note="call site of generate_session_title"),
        llm(RT, "async def run_agent_sync(", "run_agent_sync", note="wrapper: runs a pydantic-ai agent"),
        llm(RT, "result = await agent.run(", "run_agent_sync", provider="pydantic_ai"),
        llm(RT, "async def run_agent(", "run_agent", note="wrapper: builds and runs a streaming agent"),
        llm(RT, "handle = await executor.start(args)", "run_agent", note="call site of AioStreamingAgentExecutor.start"),
        llm("agent/executor/aio.py", "result = await agent.run(", "AioStreamingAgentExecutor._start_agent", provider="pydantic_ai"),
        llm(IR, "result: AgentOutput = await runtime_run_agent(", "run_agent_endpoint", note="call site of run_agent"),
        llm(IR, "return await ranker_rank_items(", "rank_items_endpoint", note="call site of ranker.rank_items"),
        llm(IR, "return await ranker_rank_items_pairwise(", "rank_items_pairwise_endpoint", note="call site of ranker.rank_items_pairwise"),
        llm(RK, "async def _run_ranking_agent(", "_run_ranking_agent", note="wrapper: LLM ranking run"),
        llm(RK, "return await run_agent_sync(agent, user_prompt, max_requests=max_requests)", "_run_ranking_agent", note="call site of run_agent_sync"),
        llm(RK, "async def rank_items(", "rank_items", note="wrapper: LLM ranking of items"),
        llm(RK, "result = await _run_ranking_agent(", "rank_items", nth=1, note="call site of _run_ranking_agent"),
        llm(RK, "result = await _run_ranking_agent(", "_rank_batch", nth=2, note="call site of _run_ranking_agent"),
        llm(RK, "async def rank_items_pairwise(", "rank_items_pairwise", note="wrapper: multi-pass LLM ranking"),
        llm(CC, "await client.query(query_input)", "ClaudeAgentRuntime.run", provider="claude_agent_sdk", alt=[{"at": "client = ClaudeSDKClient(options=options, transport=transport)"}]),
        llm(CC, "async def run(self, payload: RuntimeInitPayload) -> None:", "ClaudeAgentRuntime.run", note="wrapper: one Claude Agent SDK turn"),
        llm("agent/runtime/claude_code/broker.py", "await runtime.run(request.init_payload)", None, note="call site of ClaudeAgentRuntime.run"),
        # ---- scheduled_job
        tp("scheduled_job", SB, "async def create_schedule(", "create_schedule", provider="temporal", note="wrapper: registers a Temporal schedule (cron or interval) for a workflow"),
        tp("scheduled_job", SB, "return await client.create_schedule(", "create_schedule", provider="temporal", alt=[{"at": "spec=temporalio.client.ScheduleSpec(**spec_kwargs),"}]),
        tp("scheduled_job", "workflow/schedules/service.py", "handle = await bridge.create_schedule(", "WorkflowSchedulesService._create_schedule_impl", note="call site of bridge.create_schedule"),
        # ---- data_model
        *[model(name) for name in MODELS],
    ],
    "not_touchpoints": [
        no("email_send", "auth/users.py", "async def on_after_forgot_password(", "fastapi-users hook that only logs the reset token; no email is sent"),
        no("email_send", "auth/users.py", "async def on_after_request_verify(", "fastapi-users hook that only logs the verification token; no email is sent"),
        no("webhook_handler", CR, '@router.get("/slack/oauth/callback")', "OAuth install redirect, not an event receiver"),
        no("webhook_handler", "integrations/router.py", '@oauth_router.get("/callback")', "OAuth authorization-code callback"),
        no("webhook_handler", "auth/saml.py", '@router.post("/acs")', "SAML assertion consumer (login), not an event webhook"),
        no("webhook_handler", "workflow/management/router.py", "async def create_webhook(", "CRUD of a workflow's webhook trigger configuration"),
        no("webhook_handler", "workflow/executions/internal_router.py", "async def get_webhook(", "internal read of webhook configuration"),
        no("notification", SH, "response = await client.api_call(", "conversations.replies read of thread metadata"),
        no("notification", SH, "response = await slack_client.api_call(", "users.info read of the mentioning user's profile"),
        no("notification", SHH, "async def _remove_reaction(", "removes an emoji reaction; delivers no message"),
        no("notification", "agent/common/socket_io.py", "async def send_message(self, message: Any) -> None:", "internal socket IPC between runtime and executor"),
        no("notification", "agent/session/router.py", "async def send_message(", "endpoint receiving the user's chat message for the agent (no outbound delivery)"),
        no("llm_call", "agent/provider/service.py", "f\"{base_url.rstrip('/')}/models\",", "GET /models to list a provider's models; no generation"),
        no("event_tracking", "dsl/worker.py", "sentry_sdk.init(", "Sentry error monitoring"),
        no("event_tracking", "agent/worker.py", "sentry_sdk.init(", "Sentry error monitoring"),
        no("scheduled_job", "dsl/scheduler.py", "class DSLScheduler", "workflow DAG task scheduler (ordering of actions), not time-based"),
        no("scheduled_job", "api/app.py", "start_case_duration_sync_consumer(),", "lifespan background stream consumer, not scheduled"),
        no("scheduled_job", "registry/sync/jobs.py", "def _schedule_platform_registry_artifact_build(", "one-off background build task, not periodic"),
        *[model_no(name, why) for name, why in NOT_MODELS],
    ],
    "ambiguous": [
        no("webhook_handler", WR, "async def _incoming_webhook(", "shared implementation behind the POST/GET webhook routes"),
        no("webhook_handler", CR, "async def _process_channel_event_async(", "background processing of a received Slack event"),
        no("webhook_handler", SH, "    async def handle(", "SlackChannelHandler.handle: processes an inbound Slack event (starts an agent turn)"),
        no("notification", SHH, "async def _add_reaction(", "adds an emoji reaction to the user's Slack message (status signal, not a message)"),
        no("notification", SHH, "    await client.api_call(", "reactions.add provider call", nth=1),
        no("notification", SHH, "async def ack_event(", "Slack reaction acknowledgement"),
        no("notification", SHH, "async def set_error(", "Slack error reaction"),
        no("notification", AU, "    async def create_event(", "audit dispatcher: streams audit events to the configured webhook; audit logging rather than a message"),
        no("notification", AU, "    async def probe_webhook(", "test POST to the audit webhook from the settings page"),
        no("notification", "settings/router.py", "async def test_audit_webhook(", "route that triggers the audit webhook probe"),
        no("llm_call", "agent/factory.py", "async def build_agent(", "constructs the pydantic-ai Agent (model + tools); no call itself"),
        no("llm_call", "agent/factory.py", "agent = Agent(", "pydantic-ai Agent construction"),
        no("llm_call", RK, "async def _rank_batch(", "ranking helper that runs the ranking agent on a batch"),
        no("llm_call", RK, "async def _multi_pass_rank(", "multi-pass ranking helper"),
        no("llm_call", RK, "return await build_agent(", "builds the ranking agent"),
        no("llm_call", "agent/gateway.py", "class TracecatCallbackHandler(CustomLogger):", "LiteLLM proxy pre-call hook injecting credentials; forwards other callers' LLM requests"),
        no("llm_call", "agent/sandbox/llm_proxy.py", "async with self._client.stream(", "socket proxy forwarding sandboxed agent LLM requests upstream"),
        no("llm_call", "agent/session/service.py", "await client.start_workflow(", "Temporal dispatch of an agent turn (DurableAgentWorkflow)"),
        no("llm_call", "cases/agent_invocations/queue.py", "await client.start_workflow(", "Temporal dispatch of a case-comment agent invocation"),
        no("scheduled_job", SB, "async def update_schedule(", "updates an existing Temporal schedule spec"),
        no("scheduled_job", "workflow/schedules/router.py", "async def create_schedule(", "REST route creating a workflow schedule"),
        *[no("data_model", DB, f"class {name}(", why) for name, why in AMBIGUOUS_MODELS],
    ],
}
