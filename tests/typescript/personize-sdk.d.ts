/**
 * Type declarations for the documented surface of `@personize/sdk`.
 *
 * The package is not published where the tests can install it, so this file restates the
 * documented API (see /work/shared/personize-api.md §2-§16) as an ambient module. Recipes,
 * channel snippets and generated wiring are type-checked against it with `tsc --strict`, so
 * the shapes are deliberately tight: option objects have no index signatures (a misspelt
 * option fails to compile), identifiers are required where the API answers 400 without one,
 * and response fields the docs do not promise are absent (reading them fails to compile).
 *
 * Where the sources disagree (personize-api.md §18) both documented spellings are accepted.
 */
declare module '@personize/sdk' {
  // ───────────────────────────── shared ─────────────────────────────

  /** Every method resolves to this envelope; failures set `success: false` plus `error`/`message`. */
  export interface ApiResponse<T> {
    success: boolean;
    data?: T;
    /** Machine-readable code, e.g. `rate_limit_exceeded`, `validation_error`. */
    error?: string;
    message?: string;
  }

  /** `Contact`, `Company`, or the name of a custom entity type. */
  export type EntityType = string;

  /** Memorize (extraction) tiers; separate from the generation tiers of `ai.prompt`. */
  export type MemorizeTier = 'basic' | 'pro' | 'pro_fast' | 'ultra';

  /** Generation tiers of `ai.prompt`. */
  export type GenerateTier = 'basic' | 'pro' | 'ultra';

  /** Every way a record can be addressed. Both snake_case and camelCase spellings are accepted. */
  export interface RecordKeys {
    email?: string;
    website_url?: string;
    websiteUrl?: string;
    record_id?: string;
    recordId?: string;
  }

  /** At least one identifier: the endpoints that need one answer 400 without it. */
  export type AtLeastOneKey =
    | { email: string }
    | { website_url: string }
    | { websiteUrl: string }
    | { record_id: string }
    | { recordId: string };

  /** Query parameters shared by the list endpoints (`collections.list`, `guidelines.list`). */
  export interface ListQuery {
    limit?: number;
    nextToken?: string;
    tags?: string | string[];
    summary?: boolean;
  }

  // ───────────────────────────── client ─────────────────────────────

  export interface PersonizeOptions {
    /** `sk_live_...` or `sk_test_...`; recipes read it from `PERSONIZE_SECRET_KEY`. */
    secretKey: string;
    /** Retries on 429 and 5xx before the call rejects (default 3). */
    maxRetries?: number;
    /** Base delay in ms for exponential backoff (default 1000). */
    retryDelay?: number;
    /** Default `https://agent.personize.ai`. */
    baseURL?: string;
    /** Request timeout in ms (default 30000). */
    timeout?: number;
  }

  export interface TestResult {
    organizationId: string;
    userId: string;
    timestamp: string;
    ip: string;
    userAgent: string;
  }

  export interface PlanLimits {
    maxApiCallsPerMonth: number;
    maxApiCallsPerMinute: number;
  }

  export interface MeResult {
    organization: { id: string };
    user: { id: string };
    key: { id: string; scope: string };
    plan: {
      id: string;
      name: string;
      description: string;
      features: string[];
      limits: PlanLimits;
    };
  }

  // ───────────────────────────── errors ─────────────────────────────

  /** Thrown once the SDK's own retries are used up on HTTP 429. */
  export class RateLimitExceededError extends Error {
    /** Seconds to wait; optional in the documented type, so callers fall back to 60. */
    readonly retryAfterSeconds?: number;
    readonly limit?: number;
    readonly current?: number;
    readonly window?: 'per_minute' | 'per_month';
  }

  /** Thrown on 401: malformed or revoked key, missing `Bearer`, or a test key against prod. */
  export class AuthenticationError extends Error {}

  // ───────────────────────────── memory: write ─────────────────────────────

  export interface DeclaredRelation {
    relationType: string;
    toIdentity: { kind: 'email' | 'websiteUrl' | 'recordId'; value: string };
    toEntityType: string;
  }

  export interface MemorizeFields extends RecordKeys {
    content: string;
    speaker?: string;
    /** ISO 8601. */
    timestamp?: string;
    /** Run AI extraction (the sources disagree on the default, so set it explicitly). */
    enhanced?: boolean;
    tags?: string[];
    max_properties?: number;
    /** Extraction hint: property name → description. */
    schema?: Record<string, string>;
    /** Target collection id. */
    actionId?: string;
    tier?: MemorizeTier;
    type?: EntityType;
    collectionNames?: string[];
    extractionPrompt?: string;
    collectionGraph?: boolean;
    smartGraph?: boolean;
    relations?: DeclaredRelation[];
  }

  export type MemorizeOptions = MemorizeFields & AtLeastOneKey;

  export interface ExtractedProperty {
    propertyName: string;
    propertyValue: unknown;
    collectionId: string;
    collectionName?: string;
    confidence?: number;
  }

  export interface MemorizeResult {
    creditsCharged?: number;
    properties?: ExtractedProperty[];
    memories?: Array<{ text: string; id: string }>;
    recordId?: string;
    tier?: MemorizeTier;
  }

  export interface BatchMemorizePropertyMapping {
    /** Must equal a row key exactly; a mismatch silently stores null. */
    sourceField: string;
    /** Real ids from `collections.list()`, never placeholders. */
    collectionId: string;
    collectionName: string;
    /** `true` = AI extraction + embeddings (free text); default `false` = structured value only. */
    extractMemories?: boolean;
  }

  export interface BatchMemorizeMapping {
    /** Lowercase in the documented examples: `contact`, `company`. */
    entityType: string;
    /** Name of the row column holding the email. */
    email?: string;
    /** Name of the row column holding the website URL. */
    website?: string;
    runName?: string;
    /** Keyed by target property name. */
    properties: Record<string, BatchMemorizePropertyMapping>;
  }

  export interface BatchMemorizeMappedOptions {
    source: string;
    mapping: BatchMemorizeMapping;
    /** Raw rows from the source system, untransformed. */
    rows: Array<Record<string, unknown>>;
    dryRun?: boolean;
    /** Rows per processing chunk (default 1). */
    chunkSize?: number;
    tier?: MemorizeTier;
  }

  /** Later shorthand: one record per entry, all of one entity type. */
  export type BatchMemorizeRecord = AtLeastOneKey & {
    email?: string;
    website_url?: string;
    record_id?: string;
    content?: string;
    properties?: Record<string, unknown>;
    type?: EntityType;
    tags?: string[];
    collectionName?: string;
    tier?: MemorizeTier;
  };

  export interface BatchMemorizeRecordsOptions {
    records: BatchMemorizeRecord[];
    source?: string;
    tier?: MemorizeTier;
    /** ≤ 500 characters. */
    extractionPrompt?: string;
    dryRun?: boolean;
  }

  export type BatchMemorizeOptions = BatchMemorizeMappedOptions | BatchMemorizeRecordsOptions;

  /** The batch is asynchronous: records appear 1-2 minutes after the request is accepted. */
  export interface BatchMemorizeResult {
    /** Poll `GET /api/v1/events/:eventId`; the dry-run response shape is not documented. */
    eventId?: string;
    memorized?: number;
    queued?: number;
  }

  export type UpsertRecord = AtLeastOneKey &
    RecordKeys & {
      type?: EntityType;
      properties: Record<string, unknown>;
    };

  export interface UpsertOptions {
    records: UpsertRecord[];
  }

  // ───────────────────────────── memory: read ─────────────────────────────

  export interface SmartRecallOptions extends RecordKeys {
    query: string;
    /** Default 10. */
    limit?: number;
    /** 0-1, default 0. */
    minScore?: number;
    type?: EntityType;
    customKeyName?: string;
    customKeyValue?: string;
    include_property_values?: boolean;
    enable_reflection?: boolean;
    generate_answer?: boolean;
    /** Skip reflection and answer generation (~0.5 s instead of 10-20 s). */
    fast_mode?: boolean;
    min_score?: number;
    /** Later replacement for `fast_mode`. */
    mode?: 'fast' | 'deep';
    max_reflection_rounds?: number;
    collectionIds?: string[];
    collectionNames?: string[];
    filters?: Record<string, unknown>;
    prefer_recent?: boolean;
    recency_half_life_days?: number;
    groupByRecord?: boolean;
  }

  /** A recalled item: the text lives under `text`, `content` or `memory` depending on the source. */
  export interface SmartRecallItem {
    text?: string;
    content?: string;
    memory?: string;
    score?: number;
    createdAt?: string;
    recordId?: string;
    type?: string;
    email?: string;
    website_url?: string;
    name?: string;
    properties?: Record<string, unknown>;
    metadata?: Record<string, unknown>;
  }

  export interface SmartRecallResult {
    results: SmartRecallItem[];
    /** A string in the later type, `{ text }` in older code. */
    answer?: string | { text: string };
    property_values?: Record<string, unknown>;
  }

  /** Documented both as an object with `results` and as a bare array: handle both. */
  export type SmartRecallData = SmartRecallResult | SmartRecallItem[];

  export interface RecallOptions {
    query: string;
    /** Required by the direct lookup, e.g. `Contact`. */
    type: EntityType;
    email?: string;
    record_id?: string;
    recordId?: string;
    website_url?: string;
    websiteUrl?: string;
    customKeyName?: string;
    customKeyValue?: string;
    filters?: Record<string, unknown>;
  }

  export interface RecallResult {
    memories: Array<Record<string, unknown>>;
    freeformMemories: Array<Record<string, unknown>>;
    memoryCount: number;
    freeformMemoryCount?: number;
    recordId?: string;
    type?: string;
    systemIntro?: string;
  }

  export interface SmartDigestFields extends RecordKeys {
    type?: EntityType;
    /** Default 1000; recipes always set it (500 lookup, 2000 generation, 3000-4000 proposals). */
    token_budget?: number;
    /** Default 20. */
    max_memories?: number;
    include_properties?: boolean;
    include_memories?: boolean;
  }

  export type SmartDigestOptions = SmartDigestFields & AtLeastOneKey;

  export interface SmartDigestResult {
    success: boolean;
    recordId?: string;
    type?: string;
    properties: Record<string, string>;
    memories: Array<{ text: string; createdAt?: string }>;
    /** Markdown meant to be pasted into a prompt. */
    compiledContext: string;
    tokenEstimate: number;
    tokenBudget: number;
  }

  export type SearchOperator =
    | 'EQ'
    | 'EQUALS'
    | 'NEQ'
    | 'NOT_EQUALS'
    | 'CONTAINS'
    | 'NOT_CONTAINS'
    | 'STARTS_WITH'
    | 'GT'
    | 'GREATER_THAN'
    | 'GTE'
    | 'LT'
    | 'LESS_THAN'
    | 'LTE'
    | 'IS_SET'
    | 'IS_NOT_SET'
    | 'IN';

  export type SearchValue = string | number | boolean | Array<string | number>;

  /** The raw API names the property `field`; SDK examples name it `property`. */
  export type SearchCondition = ({ field: string } | { property: string }) & {
    operator: SearchOperator;
    value?: SearchValue;
    collectionId?: string;
  };

  /** Conditions inside a group combine by `logic`; separate groups are OR'd. */
  export interface SearchGroup {
    id?: string;
    logic?: 'AND' | 'OR';
    conditions: SearchCondition[];
  }

  export interface SearchOptions {
    groups?: SearchGroup[];
    type?: EntityType;
    email?: string;
    websiteUrl?: string;
    recordId?: string;
    customKeyName?: string;
    customKeyValue?: string;
    collectionIds?: string[];
    /** Counts from 1. */
    page?: number;
    /** Default 50, max 200. */
    pageSize?: number;
    countOnly?: boolean;
    returnRecords?: boolean;
    includeMemories?: boolean;
  }

  export interface SearchPropertyValue {
    value: unknown;
    collectionId: string;
    collectionName?: string;
  }

  export interface SearchResult {
    recordIds: string[];
    totalMatched: number;
    page: number;
    pageSize: number;
    totalPages: number;
    /** Present with `returnRecords: true`; read a value as `records[recordId][property].value`. */
    records?: Record<string, Record<string, SearchPropertyValue>>;
    /** Present with `includeMemories: true`. */
    memories?: Record<string, Array<{ text: string; topic?: string; createdAt: string }>>;
    mainProperties?: Record<string, Record<string, unknown>>;
    crmKeys?: Record<string, Record<string, unknown>>;
    indexMeta?: Record<string, unknown>;
  }

  export interface SearchCountResult {
    totalMatched: number;
  }

  export interface MemoryApi {
    memorize(options: MemorizeOptions): Promise<ApiResponse<MemorizeResult>>;
    memorizeBatch(options: BatchMemorizeOptions): Promise<ApiResponse<BatchMemorizeResult>>;
    /** Direct lookup with no vectors and no AI; `type` is required. */
    recall(options: RecallOptions): Promise<ApiResponse<RecallResult>>;
    /** Semantic search (older SDKs called this `recall`). */
    smartRecall(options: SmartRecallOptions): Promise<ApiResponse<SmartRecallData>>;
    smartDigest(options: SmartDigestOptions): Promise<ApiResponse<SmartDigestResult>>;
    search(options: SearchOptions & { countOnly: true }): Promise<ApiResponse<SearchCountResult>>;
    search(options: SearchOptions): Promise<ApiResponse<SearchResult>>;
    /** Structured write with no AI extraction; the response body is not documented. */
    upsert(options: UpsertOptions): Promise<ApiResponse<unknown>>;
  }

  // ───────────────────────────── ai ─────────────────────────────

  export interface SmartGuidelinesOptions {
    /** The topic or task the guidelines should cover. */
    message: string;
    /** `fast` ≈ 200 ms embeddings only; `deep` (formerly `full`) ≈ 3-5 s with one LLM call. */
    mode?: 'fast' | 'deep' | 'full' | 'auto';
    tags?: string[];
    excludeTags?: string[];
    /** Older name of `guidelineIds`. */
    variableIds?: string[];
    guidelineIds?: string[];
    guidelineNames?: string[];
    /** Cosine floor in fast mode (default 0.4). */
    minScore?: number;
    /** Later calls in the same session return only guidelines not yet delivered. */
    sessionId?: string;
    model?: string;
    maxTokenBudget?: number;
    maxContentTokens?: number;
  }

  export interface GuidelineSelection {
    guidelineId: string;
    name?: string;
    score?: number;
    reason?: string;
    priority?: string | number;
    content?: string;
    contentLength?: number;
    mode?: string;
    sections?: string[];
  }

  export interface SmartGuidelinesResult {
    /** Markdown to paste into a prompt. */
    compiledContext: string;
    selection: GuidelineSelection[];
    supplementary?: GuidelineSelection[];
    /** The mode actually used. */
    mode: 'fast' | 'deep' | 'full';
    analysis?: unknown;
    usage: {
      durationMs: number;
      tokensUsed?: number;
      guidelinesScanned?: number;
      selectedCount?: number;
    };
    creditsCharged?: number;
    budgetMetadata?: { demotedGuidelines: Array<Record<string, unknown>> };
  }

  /** A bare string counts as one step (`maxSteps: 1`). */
  export type PromptInstruction = string | { prompt: string; maxSteps?: number };

  export type PromptEvaluateConfig = boolean | { criteria?: string; serverSide?: boolean };

  export type PromptMemorizeConfig = AtLeastOneKey & {
    email?: string;
    websiteUrl?: string;
    recordId?: string;
    type?: 'Contact' | 'Company' | 'User';
    captureToolResults?: boolean;
  };

  export interface PromptOutputDefinition {
    name: string;
    required?: boolean;
  }

  export type PromptAttachment = { name?: string; mimeType: string } & (
    | { data: string; url?: never }
    | { url: string; data?: never }
  );

  export interface McpToolSelection {
    mcpId: string;
    enabledTools?: string[];
    disabledTools?: string[];
  }

  export type ByokProvider = 'openai' | 'anthropic' | 'google' | 'xai' | 'deepseek' | 'openrouter';

  export interface PromptCommonOptions {
    /** Usually guidelines + digest + recall joined with `\n\n---\n\n`. */
    context?: string;
    evaluate?: PromptEvaluateConfig;
    evaluationCriteria?: string;
    sessionId?: string;
    outputs?: PromptOutputDefinition[];
    memorize?: PromptMemorizeConfig;
    metadata?: { recordId?: string };
    mcpTools?: McpToolSelection[];
    /** ≤ 10; in multi-step runs they go with the first step only. */
    attachments?: PromptAttachment[];
    governedMemory?: boolean;
    agentTools?: boolean;
    autoRecall?: boolean;
    autoGuidelines?: boolean;
    webSearch?: boolean | Record<string, unknown>;
    mcps?: boolean | string[];
  }

  /** Exactly one of `prompt` (one shot) or `instructions` (≤ 20 steps); both together is a 400. */
  export type PromptInput =
    | { prompt: string; instructions?: never }
    | { instructions: PromptInstruction[]; prompt?: never };

  /** Either a curated `tier`, or bring-your-own-key (`model`/`provider` need `openrouterApiKey`). */
  export type PromptModelChoice =
    | { tier?: GenerateTier; model?: never; provider?: never; openrouterApiKey?: never }
    | { openrouterApiKey: string; model?: string; provider?: ByokProvider; tier?: never };

  export type PromptOptions = PromptCommonOptions & PromptInput & PromptModelChoice;

  export interface PromptUsage {
    promptTokens: number;
    completionTokens: number;
    totalTokens: number;
  }

  export interface PromptEvaluation {
    finalScore: number;
    criteriaScores: Array<{ name: string; score: number; maxScore: number; reason: string }>;
    explanation: string;
  }

  export interface PromptStep {
    instructionIndex: number;
    prompt: string;
    text: string;
    usage?: PromptUsage;
    toolCalls?: Array<{ toolName: string; args: unknown }>;
    stepsExecuted: number;
  }

  export interface PromptResult {
    /** The answer with `<output>` markers removed. */
    text: string;
    /** Each `<output name="…">` block, JSON-parsed when possible. */
    outputs?: Record<string, unknown>;
    /** Present when `evaluate` or `evaluationCriteria` was sent. */
    evaluation?: PromptEvaluation;
    metadata?: {
      model: string;
      provider: string;
      tier?: GenerateTier;
      creditsCharged?: number;
      byok?: boolean;
      usage: PromptUsage;
      toolCalls: Array<{ toolName: string; args: unknown }>;
      toolResults: Array<{ toolName: string; result: unknown }>;
      stepsExecuted: number;
      instructionsExecuted: number;
      sources?: unknown[];
    };
    steps?: PromptStep[];
  }

  export interface AiApi {
    smartGuidelines(options: SmartGuidelinesOptions): Promise<ApiResponse<SmartGuidelinesResult>>;
    prompt(options: PromptOptions): Promise<ApiResponse<PromptResult>>;
  }

  // ───────────────────────────── collections ─────────────────────────────

  export type PropertyType = 'text' | 'number' | 'date' | 'boolean' | 'options' | 'array';

  export interface CollectionPropertyInput {
    /** Display name; the server derives `systemName` from it. */
    propertyName: string;
    type: PropertyType;
    /** For `type: 'options'`: comma-separated string or array. */
    options?: string | string[];
    /** Extraction instructions; the field that matters most for quality. */
    description?: string;
    /** `true` lets the AI fill the property during memorize. */
    autoSystem?: boolean;
    /** `true` = replaceable; `false` = append-only. */
    update?: boolean;
    tags?: string[];
  }

  export interface CollectionProperty extends CollectionPropertyInput {
    propertyId: string;
    systemName: string;
    status?: 'Active' | 'Deleted';
  }

  export interface CollectionAction {
    id: string;
    type: string;
    payload: {
      collectionId: string;
      collectionName: string;
      definition?: string;
      entityType?: string;
      properties?: CollectionProperty[];
    };
  }

  export interface CollectionListResult {
    actions: CollectionAction[];
    count: number;
    nextToken?: string;
  }

  export interface CollectionCreatePayload {
    collectionName: string;
    definition?: string;
    entityType?: string;
    properties?: CollectionPropertyInput[];
  }

  export interface CollectionUpdatePayload {
    /** Only the new or changed properties. */
    properties?: CollectionPropertyInput[];
    historyNote?: string;
    collectionName?: string;
    definition?: string;
  }

  export interface FieldChange {
    from: unknown;
    to: unknown;
  }

  export interface CollectionVersion {
    timestamp: string;
    historyNote?: string;
    changes: {
      propertiesAdded: CollectionProperty[];
      propertiesRemoved: CollectionProperty[];
      propertiesModified: Array<{
        propertyId: string;
        systemName: string;
        fields: Record<string, FieldChange>;
      }>;
      metadataChanges?: Record<string, FieldChange>;
    };
  }

  export interface CollectionHistoryFull {
    actionId: string;
    mode: 'full';
    history: Array<Record<string, unknown>>;
  }

  export interface CollectionHistoryDiff {
    actionId: string;
    mode: 'diff';
    current: Record<string, unknown>;
    versions: CollectionVersion[];
  }

  export interface CollectionsApi {
    list(query?: ListQuery): Promise<ApiResponse<CollectionListResult>>;
    create(payload: CollectionCreatePayload): Promise<ApiResponse<{ id: string }>>;
    update(id: string, payload: CollectionUpdatePayload): Promise<ApiResponse<unknown>>;
    delete(id: string): Promise<ApiResponse<unknown>>;
    history(
      id: string,
      options: { mode: 'diff'; limit?: number },
    ): Promise<ApiResponse<CollectionHistoryDiff>>;
    history(
      id: string,
      options: { mode: 'full'; limit?: number },
    ): Promise<ApiResponse<CollectionHistoryFull>>;
    history(
      id: string,
      options?: { mode?: 'full' | 'diff'; limit?: number },
    ): Promise<ApiResponse<CollectionHistoryFull | CollectionHistoryDiff>>;
  }

  // ───────────────────────────── guidelines ─────────────────────────────

  export interface GovernanceScope {
    alwaysOn: boolean;
    triggerKeywords: string[];
  }

  export interface GuidelineAction {
    id: string;
    type: string;
    payload: {
      name: string;
      value: string;
      tags?: string[];
      description?: string;
      /** Read-only; inferred when the guideline is saved. */
      governanceScope?: GovernanceScope;
    };
  }

  export interface GuidelineListResult {
    actions: GuidelineAction[];
    count: number;
    nextToken?: string;
  }

  export interface GuidelineCreatePayload {
    /** Kebab-case by convention, ≤ 500 chars. */
    name: string;
    /** Markdown, ≤ 100,000 chars (500,000 enterprise). */
    value: string;
    description?: string;
    tags?: string[];
    secure?: boolean;
    constraintLevel?: 'hard' | 'soft' | 'reference';
  }

  export interface GuidelineUpdateFields {
    value?: string;
    historyNote?: string;
    name?: string;
    description?: string;
    tags?: string[];
  }

  /** Section modes need the `## Header` they target. */
  export type GuidelineUpdatePayload = GuidelineUpdateFields &
    (
      | { updateMode?: 'replace' | 'append'; sectionHeader?: never }
      | { updateMode: 'section' | 'appendToSection'; sectionHeader: string }
    );

  /** The created/updated guideline; only `id` is guaranteed by the docs. */
  export interface GuidelineRecord {
    id: string;
    name?: string;
    value?: string;
    description?: string;
    tags?: string[];
  }

  export interface GuidelineHistoryResult {
    actionId: string;
    history: Array<{
      timestamp: string;
      modifiedByEmail?: string;
      note?: string;
      payload: Record<string, unknown>;
    }>;
    count: number;
  }

  export interface GuidelinesApi {
    list(query?: ListQuery): Promise<ApiResponse<GuidelineListResult>>;
    create(payload: GuidelineCreatePayload): Promise<ApiResponse<GuidelineRecord>>;
    update(id: string, payload: GuidelineUpdatePayload): Promise<ApiResponse<GuidelineRecord>>;
    delete(id: string): Promise<ApiResponse<unknown>>;
    getStructure(id: string): Promise<ApiResponse<{ headings: string[] }>>;
    getSection(
      id: string,
      options: { header: string },
    ): Promise<ApiResponse<{ header: string; content: string }>>;
    /** `limit` default 20, max 50. */
    history(id: string, options?: { limit?: number }): Promise<ApiResponse<GuidelineHistoryResult>>;
  }

  // ───────────────────────────── agents ─────────────────────────────

  export interface AgentDetails {
    id: string;
    name?: string;
    description?: string;
    expectedInputs?: unknown;
  }

  export interface AgentRunOptions {
    inputs?: Record<string, unknown>;
  }

  /** Listing and run results are not documented beyond their existence. */
  export interface AgentsApi {
    list(query?: { limit?: number; nextToken?: string }): Promise<ApiResponse<unknown>>;
    get(id: string): Promise<ApiResponse<AgentDetails>>;
    run(id: string, options?: AgentRunOptions): Promise<ApiResponse<unknown>>;
  }

  // ───────────────────────────── the client ─────────────────────────────

  export class Personize {
    constructor(options: PersonizeOptions);
    /** Checks the key; costs no credits. */
    test(): Promise<ApiResponse<TestResult>>;
    /** Org, user, key, plan and the real rate limits; call it before any batch work. */
    me(): Promise<ApiResponse<MeResult>>;
    readonly memory: MemoryApi;
    readonly ai: AiApi;
    readonly collections: CollectionsApi;
    readonly guidelines: GuidelinesApi;
    readonly agents: AgentsApi;
  }
}
