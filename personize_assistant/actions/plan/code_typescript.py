"""TypeScript code the plan hands over (`@personize/sdk`), filled with the repo's names.

Templates use `@@name@@` placeholders so TypeScript's own `${...}` stays untouched.
"""

from __future__ import annotations

import posixpath
import re

from personize_assistant.actions.common.touchpoints import channel_of, with_article
from personize_assistant.actions.plan.artifact import CodeBlock, RateBudget
from personize_assistant.actions.plan.facts import RepoFacts
from personize_assistant.actions.schema.artifact import BatchMapping
from personize_assistant.scan.models import Kind, Touchpoint


def fill(template: str, **values: object) -> str:
    for key, value in values.items():
        template = template.replace(f"@@{key}@@", str(value))
    leftover = re.search(r"@@\w+@@", template)
    assert leftover is None, f"unfilled placeholder {leftover.group(0)}"
    return template.strip("\n") + "\n"


CLIENT = """
import { Personize } from '@personize/sdk';

const secretKey = process.env.PERSONIZE_SECRET_KEY;
if (!secretKey) throw new Error('PERSONIZE_SECRET_KEY is not set');

// One client for the whole app; the SDK retries 429s and 5xx with backoff (maxRetries).
export const personize = new Personize({ secretKey, maxRetries: 3, timeout: 30_000 });
"""

CHECK = """
import { personize } from '../@@client@@';

async function main(): Promise<void> {
  const me = await personize.me();
  const plan = me.data?.plan;
  console.log(`Org ${me.data?.organization.id} on ${plan?.name}: ` +
    `${plan?.limits.maxApiCallsPerMinute}/min, ${plan?.limits.maxApiCallsPerMonth}/month`);

  const collections = await personize.collections.list();
  for (const c of collections.data?.actions ?? []) {
    console.log(`${c.payload.collectionId}\\t${c.payload.collectionName}`);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
"""


def client_module(facts: RepoFacts) -> CodeBlock:
    return CodeBlock(language="ts", path=f"{facts.ts_client}.ts", code=fill(CLIENT))


def check_script(facts: RepoFacts) -> CodeBlock:
    return CodeBlock(language="ts", path="scripts/personize-check.ts", code=fill(CHECK, client=facts.ts_client))


SYNC_HEAD = """
import type { BatchMemorizeMapping } from '@personize/sdk';
import { RateLimitExceededError } from '@personize/sdk';
@@orm_import@@
import { personize } from '../@@client@@';

@@orm_client@@
const WAIT_BETWEEN_BATCHES_MS = @@wait_ms@@; // a full rate-limit window plus a margin
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Row = Record<string, unknown>;

/** Real collection ids by name: never hard-code or guess them. */
async function collectionIds(): Promise<Map<string, string>> {
  const res = await personize.collections.list();
  return new Map((res.data?.actions ?? []).map((c) => [c.payload.collectionName, c.payload.collectionId]));
}

function idOf(ids: Map<string, string>, name: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`Collection "${name}" is missing: run \\`personize-assistant schema . --create\\``);
  return id;
}

/** Rows without the key column cannot be attached to a record: skip them, and say how many. */
function keyedRows(source: string, rows: Row[], key: string): Row[] {
  const keyed = rows.filter((row) => row[key] !== null && row[key] !== undefined && row[key] !== '');
  if (keyed.length < rows.length) console.warn(`${source}: skipped ${rows.length - keyed.length} rows with no ${key}`);
  return keyed;
}

/** Sends rows in paced batches; one memorizeBatch request is one API call. */
async function sendInBatches(source: string, mapping: BatchMemorizeMapping, rows: Row[],
                             rowsPerBatch: number, chunkSize: number): Promise<void> {
  for (let start = 0; start < rows.length; ) {
    const batch = rows.slice(start, start + rowsPerBatch);
    try {
      const res = await personize.memory.memorizeBatch({ source, mapping, rows: batch, chunkSize });
      console.log(`${source}: rows ${start + 1}-${start + batch.length} of ${rows.length} accepted=${res.success}`);
      start += batch.length;
    } catch (err) {
      if (err instanceof RateLimitExceededError) {
        const seconds = err.retryAfterSeconds ?? 60;
        console.warn(`${source}: rate limited, retrying in ${seconds}s`);
        await sleep(seconds * 1000);
        continue; // same batch again
      }
      throw err;
    }
    if (start < rows.length) await sleep(WAIT_BETWEEN_BATCHES_MS);
  }
}
"""

SYNC_MAIN = """
async function main(): Promise<void> {
  // 1. Verify the key and size batches from the real plan limits.
  const me = await personize.me();
  const perMinute = me.data?.plan.limits.maxApiCallsPerMinute ?? @@per_minute@@;
  const rowsPerBatch = Math.max(1, Math.min(@@max_rows@@, Math.floor(perMinute * @@rows_factor@@)));
  // 2. Look up real collection ids.
  const ids = await collectionIds();
  // 3. One memorizeBatch run per data source.
@@calls@@
}

main()
  .catch((err) => { console.error(err); process.exitCode = 1; })
  @@finally_@@;
"""


def sync_script(facts: RepoFacts, mappings: list[BatchMapping], budget: RateBudget,
                rows_factor: float, max_rows: int) -> CodeBlock:
    functions = "\n".join(_sync_function(facts, m) for m in mappings)
    calls = "\n".join(f"  await {_fn_name(m)}(ids, rowsPerBatch);" for m in mappings)
    prisma = any(m.framework == "prisma" for m in mappings)
    head = fill(SYNC_HEAD, client=facts.ts_client, lib=facts.ts_lib_dir, wait_ms=f"{budget.batch_wait_seconds * 1000:_}",
                orm_import="import { PrismaClient } from '@prisma/client';" if prisma
                else f"import {{ fetchRows }} from '../{facts.ts_lib_dir}/db'; // your query helper",
                orm_client="const prisma = new PrismaClient();" if prisma else "")
    main = fill(SYNC_MAIN, per_minute=budget.per_minute, max_rows=max_rows,
                rows_factor=rows_factor, calls=calls.rstrip(),
                finally_=".finally(() => prisma.$disconnect())" if prisma else ".finally(() => undefined)")
    return CodeBlock(language="ts", path="scripts/personize-sync.ts", code=f"{head}\n{functions}\n{main}")


def _fn_name(mapping: BatchMapping) -> str:
    return "sync" + "".join(p.capitalize() for p in re.split(r"[^A-Za-z0-9]", mapping.source_entity) if p) + "Rows"


def _accessor(entity: str) -> str:
    return entity[:1].lower() + entity[1:]


def _sync_function(facts: RepoFacts, mapping: BatchMapping) -> str:
    columns = [p.source_field for p in mapping.properties]
    key = mapping.email_column or mapping.website_column or "email"
    fetch = _fetch_rows(mapping, columns)
    props = ",\n".join(
        f"      {p.target}: {{ sourceField: '{p.source_field}', collectionId: idOf(ids, '{p.collection_name}'), "
        f"collectionName: '{p.collection_name}'{', extractMemories: true' if p.extract_memories else ''} }}"
        for p in mapping.properties
    )
    key_line = f"    {'email' if mapping.email_column else 'website'}: '{key}',"
    return (
        f"/** {mapping.source}: {len(columns)} columns of `{mapping.source_entity}`. */\n"
        f"async function {_fn_name(mapping)}(ids: Map<string, string>, rowsPerBatch: number): Promise<void> {{\n"
        f"{fetch}"
        f"  const mapping: BatchMemorizeMapping = {{\n"
        f"    entityType: '{mapping.entity_type}',\n{key_line}\n"
        f"    runName: `{mapping.run_name}-${{new Date().toISOString().slice(0, 10)}}`,\n"
        f"    properties: {{\n{props},\n    }},\n  }};\n"
        f"  await sendInBatches('{mapping.source}', mapping, keyedRows('{mapping.source}', rows, '{key}'), "
        f"rowsPerBatch, {mapping.chunk_size});\n"
        f"}}\n"
    )


def _fetch_rows(mapping: BatchMapping, columns: list[str]) -> str:
    """The query that returns rows whose keys are exactly the mapping's sourceFields."""
    if mapping.framework == "prisma":
        select, flatten = _prisma_select(mapping, columns)
        return (f"  const rows: Row[] = (await prisma.{_accessor(mapping.source_entity)}.findMany({{\n"
                f"    select: {{ {select} }},\n  }})){flatten};\n")
    key = mapping.email_column or mapping.website_column or "email"
    cols = ", ".join(dict.fromkeys([key, *columns]))
    table = re.sub(r"(?<!^)(?=[A-Z])", "_", mapping.source_entity).lower()
    return (f"  // Query with your data layer; every key must equal a sourceField below.\n"
            f"  const rows: Row[] = await fetchRows('SELECT {cols} FROM {table}');\n")


def _prisma_select(mapping: BatchMapping, columns: list[str]) -> tuple[str, str]:
    """The Prisma `select` and, for owner-keyed rows, the map that adds the owner's key."""
    parts = [f"{c}: true" for c in dict.fromkeys(columns)]
    if not mapping.key_from_owner:
        key = mapping.email_column or mapping.website_column
        if key and key not in columns:
            parts.insert(0, f"{key}: true")
        return ", ".join(parts), ""
    owner, owner_key = mapping.key_from_owner.split(".", 1)
    relation = _relation_field(mapping, owner)
    column = mapping.email_column or mapping.website_column
    parts.append(f"{relation}: {{ select: {{ {owner_key}: true }} }}")
    row_type = f"Row & {{ {relation}?: {{ {owner_key}?: unknown }} | null }}"
    flatten = (f"\n    .map(({{ {relation}, ...row }}: {row_type}) => ({{ ...row, {column}: {relation}?.{owner_key} ?? null }}))")
    return ", ".join(parts), flatten


def _relation_field(mapping: BatchMapping, owner: str) -> str:
    """`workspaceId` -> `workspace`: Prisma names the relation after the foreign key."""
    fk = mapping.owner_field
    return re.sub(r"(Id|_id|ID)$", "", fk) if fk else _accessor(owner)


GENERATE = """
import { personize } from './@@client_name@@';

export type Channel = 'email' | 'sms' | 'slack' | 'push' | 'in_app';
const PERSONIZE_BUDGET_MS = @@timeout_ms@@; // past this, the caller keeps its default copy

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`personize: no answer in ${ms} ms`)), ms)),
  ]);
}

/**
 * Personalised fields for one recipient, or null when Personize is slow or down so the
 * caller sends its existing copy (personalization is an enhancement, never a dependency).
 */
export async function personalize(opts: {
  email: string; task: string; channel: Channel; fields: string[]; facts?: string;
}): Promise<Record<string, string> | null> {
  try {
    const [rules, who] = await withTimeout(Promise.all([
      personize.ai.smartGuidelines({ message: `${opts.channel} ${opts.task}`, mode: 'fast' }),
      personize.memory.smartDigest({ email: opts.email, type: 'Contact', token_budget: 2000 }),
    ]), PERSONIZE_BUDGET_MS);
    const context = [rules.data?.compiledContext, who.data?.compiledContext, opts.facts]
      .filter(Boolean).join('\\n\\n---\\n\\n');
    const result = await personize.ai.prompt({
      context,
      instructions: [
        { prompt: `From the context only, decide the one thing this ${opts.task} should achieve for this person.`, maxSteps: 2 },
        { prompt: `Write the ${opts.channel} ${opts.task}. Follow every guideline and channel limit. Invent nothing.`, maxSteps: 3 },
      ],
      outputs: opts.fields.map((name) => ({ name })),
      evaluate: true,
      evaluationCriteria: 'Uses only facts from the context; fits the channel format and length; follows the guidelines.',
    });
    const outputs = result.data?.outputs ?? {};
    const values = opts.fields.map((name) => [name, outputs[name]] as const);
    if (values.some(([, v]) => typeof v !== 'string' || !v.trim())) return null;
    return Object.fromEntries(values) as Record<string, string>;
  } catch (err) {
    console.warn(`personalization skipped for ${opts.task}: ${(err as Error).message}`);
    return null;
  }
}

/** Close the loop: what was sent becomes memory for the next message. Never blocks delivery. */
export async function rememberSent(email: string, channel: Channel, summary: string): Promise<void> {
  try {
    await personize.memory.memorize({
      content: `[${channel.toUpperCase()} SENT ${new Date().toISOString()}] ${summary}`,
      email, enhanced: true, tags: ['generated', `channel:${channel}`, 'source:@@app_tag@@'],
    });
  } catch (err) {
    console.warn(`could not record sent ${channel}: ${(err as Error).message}`);
  }
}
"""


def generate_helper(facts: RepoFacts, timeout_seconds: float) -> CodeBlock:
    return CodeBlock(language="ts", path=f"{facts.ts_lib_dir}/personize-generate.ts",
                     code=fill(GENERATE, timeout_ms=int(timeout_seconds * 1000),
                               client_name=facts.ts_client.rsplit("/", 1)[-1],
                               app_tag=facts.app.lower().replace(" ", "-")))


def import_path(from_file: str, lib_file: str) -> str:
    """Relative import from `from_file` to `lib_file` (both repo-relative, no extension)."""
    rel = posixpath.relpath(lib_file, posixpath.dirname(from_file) or ".")
    rel = re.sub(r"\.tsx?$", "", rel)
    return rel if rel.startswith(".") else f"./{rel}"


def point_snippet(tp: Touchpoint, facts: RepoFacts, fields: list[str], task: str) -> CodeBlock:
    """How the touchpoint's own function calls the helper, keeping its default as fallback."""
    channel = channel_of(tp)
    helper = import_path(tp.file, f"{facts.ts_lib_for(tp.file)}/personize-generate")
    symbol = tp.symbol or "the handler"
    sends = tp.kind in (Kind.EMAIL_SEND, Kind.NOTIFICATION)
    recipient = "recipientEmail" if sends else "user.email"
    note = ("the signed-in user; cache the result per user" if not sends
            else f"the address {symbol} already sends to" if channel == "email"
            else "the person this message is about")
    field_list = ", ".join(f"'{f}'" for f in fields)
    uses = ", ".join(f"draft?.{f}" for f in fields)
    code = (
        f"import {{ personalize{', rememberSent' if sends else ''} }} from '{helper}';\n\n"
        f"// inside {symbol}(), before: {tp.evidence.strip()[:90]}\n"
        f"const draft = await personalize({{\n"
        f"  email: {recipient}, // {note}\n"
        f"  task: '{task}', channel: '{channel}', fields: [{field_list}],\n"
        f"}});\n"
        f"// use {uses} when present, else the existing {'copy' if sends else 'content'}"
    )
    code += (f"; after a successful send:\nif (draft) await rememberSent({recipient}, '{channel}', '{task}');\n"
             if sends else ".\n")
    return CodeBlock(language="ts", path=tp.file, code=code)


LOOP = """
import { PrismaClient } from '@prisma/client';
import { personalize, rememberSent } from './personize-generate';

const prisma = new PrismaClient();

/**
 * ACT: hand the generated fields to @@sender@@.
 * Fails loudly until connected, so the loop never records a message it did not send.
 */
async function deliver(email: string, draft: Record<string, string>): Promise<void> {
  // e.g. @@example@@
  throw new Error(`connect deliver() to your sender before enabling the loop (${email}, ${Object.keys(draft)})`);
}

/** The personalization loop for the @@task@@: observe, recall, generate, act, update. */
export async function runLoop(): Promise<{ sent: number; skipped: number }> {
  let sent = 0;
  let skipped = 0;
  // OBSERVE: who is due @@a_task@@ today. Replace the filter with your rule.
  const people = await prisma.@@accessor@@.findMany({ select: { @@email@@: true } });
  for (const person of people) {
    // RECALL + REASON + PLAN/DECIDE + GENERATE happen inside personalize()
    const draft = await personalize({ email: person.@@email@@, task: '@@task@@', channel: '@@channel@@', fields: @@fields@@ });
    if (!draft) { skipped += 1; continue; } // nothing to say, or Personize unavailable
    await deliver(person.@@email@@, draft);
    await rememberSent(person.@@email@@, '@@channel@@', '@@task@@'); // UPDATE: close the loop
    sent += 1;
  }
  return { sent, skipped };
}
"""

LOOP_RUNNER = """
import { runLoop } from '../@@lib@@/personize-loop';

runLoop()
  .then((r) => console.log(`${r.sent} sent, ${r.skipped} skipped`))
  .catch((err) => { console.error(err); process.exitCode = 1; });
"""


def loop_runner(facts: RepoFacts) -> CodeBlock:
    return CodeBlock(language="ts", path="scripts/personize-loop.ts", code=fill(LOOP_RUNNER, lib=facts.ts_lib_dir))


def loop_script(facts: RepoFacts, sender: Touchpoint | None, task: str, channel: str,
                fields: list[str]) -> CodeBlock:
    person = next((c for c in facts.schema.collections if c.entity_type == "Contact" and c.system_entity
                   and c.owner_entity is None), None)
    email = "email"
    if person is not None:
        email = next((p.source.field for p in person.properties
                      if p.source and p.system_name == (person.primary_key_field or "email")), "email")
    named = sender is not None and sender.symbol
    where = f"`{sender.symbol}` in {sender.file}" if named and sender else "your existing sender"
    example = (f"await {sender.symbol}(...) with draft.{fields[0]} as its content" if named and sender
               else f"await send({{ to: email, body: draft.{fields[-1]} }})")
    code = fill(LOOP, a_task=with_article(task), sender=where, example=example, task=task, channel=channel,
                accessor=_accessor(person.source_entity if person else "User"), email=email,
                fields="[" + ", ".join(f"'{f}'" for f in fields) + "]")
    return CodeBlock(language="ts", path=f"{facts.ts_lib_dir}/personize-loop.ts", code=code)
