/**
 * Find records whose usage crossed a threshold and alert the account owner on Slack.
 *
 *   npx ts-node pipeline.ts --property days_since_login --operator GT --value 14 [--type Contact] [--max 25] [--dry-run]
 *
 * OBSERVE with memory.search (the segment), RECALL each record's digest, GENERATE a short
 * internal alert (what changed, why it matters, one next step), ACT by posting to
 * SLACK_WEBHOOK_URL (printed when unset), UPDATE memory so the next run knows the alert went
 * out. Paced to the plan: about 4 calls per record, so perMinute / 4 records per minute.
 */
import { Personize, type SearchOperator, type SearchValue } from '@personize/sdk';

interface Options { property: string; operator: SearchOperator; value?: SearchValue; type: string; max: number; dryRun: boolean }

const OPERATORS: SearchOperator[] = ['EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE', 'CONTAINS', 'IS_SET', 'IS_NOT_SET'];
const log = (message: string): void => console.error(`[usage-alert] ${message}`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function parseOptions(argv: string[]): Options {
  const get = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const property = get('--property');
  const operator = (get('--operator') ?? '').toUpperCase() as SearchOperator;
  const raw = get('--value');
  if (!property || !OPERATORS.includes(operator)) {
    throw new Error(`usage: pipeline.ts --property NAME --operator ${OPERATORS.join('|')} [--value V] [--type Contact] [--max N] [--dry-run]`);
  }
  const value = raw === undefined ? undefined : raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
  return { property, operator, value, type: get('--type') ?? 'Contact', max: Number(get('--max') ?? 25), dryRun: argv.includes('--dry-run') };
}

/** Record ids plus the email we have for each, across as many pages as `max` needs. */
async function observe(client: Personize, o: Options): Promise<Array<{ recordId: string; email?: string }>> {
  const found: Array<{ recordId: string; email?: string }> = [];
  for (let page = 1; found.length < o.max; page++) {
    const res = await client.memory.search({
      type: o.type,
      groups: [{ id: 'usage', logic: 'AND', conditions: [{ field: o.property, operator: o.operator, value: o.value }] }],
      returnRecords: true,
      page,
      pageSize: Math.min(50, o.max),
    });
    const data = res.data;
    if (!data) throw new Error(`search failed: ${res.message ?? res.error ?? 'no data'}`);
    for (const recordId of data.recordIds) {
      const email = data.records?.[recordId]?.email?.value;
      found.push({ recordId, email: typeof email === 'string' ? email : undefined });
    }
    if (page >= data.totalPages || data.recordIds.length === 0) break;
  }
  return found.slice(0, o.max);
}

async function alertFor(client: Personize, recordId: string, o: Options): Promise<string> {
  const digest = await client.memory.smartDigest({ recordId, type: o.type, token_budget: 1200 });
  const condition = `${o.property} ${o.operator}${o.value === undefined ? '' : ` ${String(o.value)}`}`;
  const result = await client.ai.prompt({
    context: digest.data?.compiledContext ?? '(no context)',
    prompt: `This account matched the usage rule "${condition}". Write an internal Slack alert for the account owner in mrkdwn, at most 80 words: *what changed*, *why it matters for this account* (only facts from the context), and *one suggested next step*. No greeting.`,
  });
  if (!result.data?.text) throw new Error(result.message ?? 'no alert text');
  return result.data.text.trim();
}

async function post(text: string): Promise<void> {
  const url = process.env.SLACK_WEBHOOK_URL;
  if (!url) { process.stdout.write(`${text}\n\n`); return; }
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  if (!res.ok) throw new Error(`Slack webhook answered ${res.status}`);
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const secretKey = process.env.PERSONIZE_SECRET_KEY;
  if (!secretKey) throw new Error('set PERSONIZE_SECRET_KEY');
  const client = new Personize({ secretKey });
  const perMinute = (await client.me()).data?.plan.limits.maxApiCallsPerMinute ?? 60;
  const gapMs = Math.ceil(60_000 / Math.max(1, Math.floor(perMinute / 4)));

  const records = await observe(client, o);
  log(`${records.length} records match ${o.property} ${o.operator} ${String(o.value ?? '')}`);
  let sent = 0;
  let nextStart = 0;
  for (const { recordId, email } of records) {
    // Pace to the plan: each record starts at least gapMs after the previous one.
    await sleep(Math.max(0, nextStart - Date.now()));
    nextStart = Date.now() + gapMs;
    try {
      const alert = await alertFor(client, recordId, o);
      const header = `*Usage alert* - ${email ?? recordId}`;
      if (o.dryRun) { process.stdout.write(`${header}\n${alert}\n\n`); continue; }
      await post(`${header}\n${alert}`);
      await client.memory.memorize({
        recordId,
        content: `[USAGE ALERT] ${new Date().toISOString()}: ${o.property} ${o.operator} ${String(o.value ?? '')}. Alert sent to the account owner: ${alert}`,
        speaker: 'product-usage-alert',
        enhanced: false,
        tags: ['alert', 'delivery', 'channel:slack', `alert:${o.property}`],
      });
      sent++;
    } catch (err) {
      log(`${recordId}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  log(`done: ${sent} alerts sent${o.dryRun ? ' (dry run: nothing sent or recorded)' : ''}`);
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
