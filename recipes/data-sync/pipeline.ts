/**
 * Sync rows from a database or CRM export (CSV or JSON) into Personize memory.
 *
 *   npx ts-node pipeline.ts <rows.csv|rows.json> <mapping.json> [--dry-run] [--wait 62]
 *
 * 1. me()              -> the plan's real per-minute limit decides the batch size
 * 2. collections.list  -> collection names in the mapping become real collection ids
 * 3. local checks      -> every sourceField must exist in the rows (a typo stores null silently)
 * 4. memorizeBatch     -> one request per chunk, 429-aware, with a pause between chunks
 */
import { readFileSync } from 'node:fs';
import {
  Personize,
  RateLimitExceededError,
  type BatchMemorizeMapping,
  type BatchMemorizePropertyMapping,
} from '@personize/sdk';

type Row = Record<string, unknown>;

/** The mapping file: like BatchMemorizeMapping, but collections are named, not id'd. */
interface MappingFile {
  source: string;
  entityType: string;
  email?: string;
  website?: string;
  properties: Record<string, { sourceField: string; collection: string; extractMemories?: boolean }>;
}

interface Options {
  rowsPath: string;
  mappingPath: string;
  dryRun: boolean;
  waitSeconds: number;
}

const MAX_ROWS_PER_REQUEST = 500; // documented cap for non-enterprise plans
const RATE_LIMIT_FALLBACK_SECONDS = 60;
const MAX_CHUNK_ATTEMPTS = 4;

const log = (message: string): void => console.error(`[data-sync] ${message}`);
const sleep = (seconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, seconds * 1000));

function parseArgs(argv: string[]): Options {
  const positional = argv.filter((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--wait');
  const waitIndex = argv.indexOf('--wait');
  if (positional.length !== 2) {
    throw new Error('usage: pipeline.ts <rows.csv|rows.json> <mapping.json> [--dry-run] [--wait 62]');
  }
  const waitSeconds = waitIndex >= 0 ? Number(argv[waitIndex + 1]) : 62;
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) throw new Error('--wait takes seconds');
  return { rowsPath: positional[0], mappingPath: positional[1], dryRun: argv.includes('--dry-run'), waitSeconds };
}

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text: string): Row[] {
  const records: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { records[records.length - 1].push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      records[records.length - 1].push(field); field = ''; records.push([]);
    } else field += ch;
  }
  records[records.length - 1].push(field);
  const [header, ...body] = records.filter((r) => r.some((cell) => cell !== ''));
  if (!header) return [];
  // Empty cells become null so the API stores "no value" rather than an empty string.
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ? cells[i] : null])));
}

function loadRows(path: string): Row[] {
  const text = readFileSync(path, 'utf8');
  if (path.toLowerCase().endsWith('.csv')) return parseCsv(text);
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array of row objects`);
  return parsed as Row[];
}

function loadMapping(path: string): MappingFile {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<MappingFile>;
  if (!parsed.source || !parsed.entityType || !parsed.properties) {
    throw new Error(`${path}: needs "source", "entityType" and "properties"`);
  }
  if (!parsed.email && !parsed.website) throw new Error(`${path}: name an "email" or "website" column`);
  return parsed as MappingFile;
}

/** Collection name -> id, from every page of collections.list(). */
async function collectionIds(client: Personize): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let nextToken: string | undefined;
  do {
    const page = await client.collections.list({ limit: 100, nextToken });
    for (const action of page.data?.actions ?? []) {
      ids.set(action.payload.collectionName, action.payload.collectionId);
    }
    nextToken = page.data?.nextToken;
  } while (nextToken);
  return ids;
}

function resolveMapping(file: MappingFile, ids: Map<string, string>): BatchMemorizeMapping {
  const properties: Record<string, BatchMemorizePropertyMapping> = {};
  for (const [target, spec] of Object.entries(file.properties)) {
    const collectionId = ids.get(spec.collection);
    if (!collectionId) {
      const known = [...ids.keys()].join(', ') || 'none';
      throw new Error(`property "${target}": no collection named "${spec.collection}" (have: ${known})`);
    }
    properties[target] = {
      sourceField: spec.sourceField,
      collectionId,
      collectionName: spec.collection,
      extractMemories: spec.extractMemories === true,
    };
  }
  return { entityType: file.entityType, email: file.email, website: file.website, runName: `${file.source}-${Date.now()}`, properties };
}

/** Columns the mapping names that no row has: the API would store null without complaint. */
function missingColumns(mapping: BatchMemorizeMapping, rows: Row[]): string[] {
  const seen = new Set(rows.flatMap((row) => Object.keys(row)));
  const wanted = [mapping.email, mapping.website, ...Object.values(mapping.properties).map((p) => p.sourceField)];
  return wanted.filter((c): c is string => typeof c === 'string' && !seen.has(c));
}

function hasIdentifier(row: Row, mapping: BatchMemorizeMapping): boolean {
  const value = (column?: string): boolean => column !== undefined && typeof row[column] === 'string' && row[column] !== '';
  return value(mapping.email) || value(mapping.website);
}

/** Seconds to wait if `err` is a rate limit, else null. Handles both documented error shapes. */
function rateLimitWait(err: unknown): number | null {
  if (err instanceof RateLimitExceededError) {
    if (err.window === 'per_month') throw new Error('monthly API quota used up; resume next month or upgrade');
    return err.retryAfterSeconds ?? RATE_LIMIT_FALLBACK_SECONDS;
  }
  const response = (err as { response?: { status?: number; data?: { retryAfterSeconds?: number } } }).response;
  if (response?.status === 429) return response.data?.retryAfterSeconds ?? RATE_LIMIT_FALLBACK_SECONDS;
  return null;
}

async function sendChunk(client: Personize, source: string, mapping: BatchMemorizeMapping, rows: Row[], dryRun: boolean): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await client.memory.memorizeBatch({ source, mapping, rows, chunkSize: 1, dryRun });
      if (!res.success) throw new Error(`batch rejected: ${res.error ?? ''} ${res.message ?? ''}`.trim());
      return res.data?.eventId;
    } catch (err) {
      const wait = rateLimitWait(err);
      if (wait === null || attempt >= MAX_CHUNK_ATTEMPTS) throw err;
      log(`rate limited; waiting ${wait}s before retrying this chunk (attempt ${attempt + 1})`);
      await sleep(wait);
    }
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const secretKey = process.env.PERSONIZE_SECRET_KEY;
  if (!secretKey) throw new Error('set PERSONIZE_SECRET_KEY (sk_live_... or sk_test_...)');
  const client = new Personize({ secretKey });

  const me = await client.me();
  const limits = me.data?.plan.limits;
  if (!limits) throw new Error(`me() failed: ${me.message ?? me.error ?? 'no plan data'}`);
  const rowsPerRequest = Math.max(1, Math.min(MAX_ROWS_PER_REQUEST, Math.floor(limits.maxApiCallsPerMinute * 0.9)));
  log(`plan ${me.data?.plan.name}: ${limits.maxApiCallsPerMinute}/min, ${limits.maxApiCallsPerMonth}/month -> ${rowsPerRequest} rows per request`);

  const file = loadMapping(options.mappingPath);
  const mapping = resolveMapping(file, await collectionIds(client));
  const allRows = loadRows(options.rowsPath);
  const missing = missingColumns(mapping, allRows);
  if (missing.length > 0) throw new Error(`columns not found in ${options.rowsPath}: ${missing.join(', ')}`);
  const rows = allRows.filter((row) => hasIdentifier(row, mapping));
  if (rows.length < allRows.length) log(`skipping ${allRows.length - rows.length} rows with no email/website`);

  // Baseline for verification: batches land asynchronously, so compare this count later.
  const type = file.entityType.charAt(0).toUpperCase() + file.entityType.slice(1);
  const before = (await client.memory.search({ type, countOnly: true })).data?.totalMatched;

  // A dry run validates the mapping server-side on the first chunk and writes nothing.
  const chunks: Row[][] = [];
  for (let i = 0; i < rows.length; i += rowsPerRequest) chunks.push(rows.slice(i, i + rowsPerRequest));
  const toSend = options.dryRun ? chunks.slice(0, 1) : chunks;
  for (const [index, chunk] of toSend.entries()) {
    const eventId = await sendChunk(client, file.source, mapping, chunk, options.dryRun);
    log(`chunk ${index + 1}/${toSend.length}: ${chunk.length} rows accepted${eventId ? ` (event ${eventId})` : ''}`);
    if (index < toSend.length - 1) {
      log(`waiting ${options.waitSeconds}s for the rate-limit window`);
      await sleep(options.waitSeconds);
    }
  }
  if (options.dryRun) {
    log(`dry run OK: ${rows.length} rows would sync in ${chunks.length} requests; nothing was written`);
  } else {
    log(`done: ${rows.length} rows queued; records appear in 1-2 minutes. ${type} records before this run: ${before ?? 'unknown'} (compare with memory.search countOnly)`);
  }
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
