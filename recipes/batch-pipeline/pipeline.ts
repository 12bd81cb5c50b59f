/**
 * The ten-step loop over a segment, within the plan's rate budget, resumable.
 *
 *   npx ts-node pipeline.ts <segment.json> --goal "trial ends in 3 days: help them finish setup" [--channel email] [--max 100] [--state state.json] [--outbox outbox.jsonl] [--signal "..."]
 *
 *  1 OBSERVE   memory.search pages through the segment (segment.json = search filters)
 *  2 REMEMBER  optional --signal is memorized on each record before deciding
 *  3 RECALL    guidelines once per run (shared sessionId), digest + recall per record
 *  4 REASON    one multi-step ai.prompt covers 4-7: analyse the record,
 *  5 PLAN      weigh what was already sent,
 *  6 DECIDE    SEND or SKIP with a 0-100 score (>= 60 sends),
 *  7 GENERATE  the message fields (only when the decision is SEND)
 *  8 ACT       append to the outbox and POST to DELIVERY_WEBHOOK_URL when set
 *  9 UPDATE    memorize what was sent (tags: delivery, channel, campaign)
 * 10 REPEAT    processed ids go to the state file; the next run (cron) resumes from it
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Personize, type SearchOptions, type SmartRecallData } from '@personize/sdk';

interface Options { segmentPath: string; goal: string; channel: string; max: number; statePath: string; outbox: string; signal?: string }
interface State { campaign: string; processed: string[] }
interface Target { recordId: string; email?: string }

const CALLS_PER_RECORD = 5; // digest, recall, prompt, memorize (+ signal / search, amortised)
const log = (message: string): void => console.error(`[batch] ${message}`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function parseOptions(argv: string[]): Options {
  const get = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const goal = get('--goal');
  if (!argv[0] || argv[0].startsWith('--') || !goal) {
    throw new Error('usage: pipeline.ts <segment.json> --goal "..." [--channel email] [--max N] [--state FILE] [--outbox FILE] [--signal "..."]');
  }
  return {
    segmentPath: argv[0], goal, channel: get('--channel') ?? 'email', max: Number(get('--max') ?? 100),
    statePath: get('--state') ?? 'state.json', outbox: get('--outbox') ?? 'outbox.jsonl', signal: get('--signal'),
  };
}

function loadState(path: string, goal: string): State {
  if (!existsSync(path)) return { campaign: goal.toLowerCase().replace(/\W+/g, '-').slice(0, 40), processed: [] };
  return JSON.parse(readFileSync(path, 'utf8')) as State;
}

/** 1 OBSERVE: records of the segment not processed yet, up to `max`. */
async function observe(client: Personize, segment: SearchOptions, done: Set<string>, max: number): Promise<Target[]> {
  const targets: Target[] = [];
  for (let page = 1; targets.length < max; page++) {
    const res = await client.memory.search({ ...segment, returnRecords: true, page, pageSize: 50 });
    if (!res.data) throw new Error(`search failed: ${res.message ?? res.error ?? 'no data'}`);
    for (const recordId of res.data.recordIds) {
      if (done.has(recordId)) continue;
      const email = res.data.records?.[recordId]?.email?.value;
      targets.push({ recordId, email: typeof email === 'string' ? email : undefined });
    }
    if (page >= res.data.totalPages || res.data.recordIds.length === 0) break;
  }
  return targets.slice(0, max);
}

function recallLines(data: SmartRecallData | undefined): string {
  const items = !data ? [] : Array.isArray(data) ? data : data.results;
  return items.map((i) => `- ${i.text ?? i.content ?? i.memory ?? ''}`).join('\n') || '- none';
}

function field(text: string, name: string): string {
  const next = '^\\s*(?:SCORE|DECISION|REASON|SUBJECT|BODY_HTML|BODY_TEXT)\\s*:';
  const match = text.match(new RegExp(`^\\s*${name}\\s*:\\s*([\\s\\S]*?)(?=${next}|$(?![\\s\\S]))`, 'm'));
  return match ? match[1].trim() : '';
}

async function processRecord(client: Personize, o: Options, t: Target, guidelines: string, sessionId: string, campaign: string): Promise<'sent' | 'skipped'> {
  if (o.signal) { // 2 REMEMBER
    await client.memory.memorize({ recordId: t.recordId, content: o.signal, enhanced: true, tags: ['signal', `campaign:${campaign}`] });
  }
  const [digest, recall] = await Promise.all([ // 3 RECALL
    client.memory.smartDigest({ recordId: t.recordId, token_budget: 1500 }),
    client.memory.smartRecall({ query: `${o.goal}; messages already sent`, recordId: t.recordId, fast_mode: true, limit: 8, minScore: 0.3 }),
  ]);
  const result = await client.ai.prompt({ // 4-7 REASON, PLAN, DECIDE, GENERATE
    sessionId,
    context: [`## Guidelines\n${guidelines}`, `## Record\n${digest.data?.compiledContext ?? ''}`, `## Relevant\n${recallLines(recall.data)}`].join('\n\n---\n\n'),
    instructions: [
      { prompt: `Goal: ${o.goal}. What do we know about this record that matters for the goal, and what did we already send?`, maxSteps: 2 },
      { prompt: 'Should we contact them now? Answer SCORE: <0-100>, DECISION: SEND or SKIP, REASON: <one sentence>. SKIP when it would repeat an earlier message or lacks a relevant reason.', maxSteps: 1 },
      { prompt: `If DECISION is SEND, write the ${o.channel} message as SUBJECT:, BODY_HTML: and BODY_TEXT: (subject <= 80 chars; only facts from the context). Otherwise write nothing more.`, maxSteps: 1 },
    ],
  });
  const text = result.data?.text ?? '';
  const decision = field(text, 'DECISION').toUpperCase().startsWith('SEND') && Number(field(text, 'SCORE')) >= 60;
  const message = { recordId: t.recordId, email: t.email, subject: field(text, 'SUBJECT'), bodyHtml: field(text, 'BODY_HTML'), bodyText: field(text, 'BODY_TEXT'), reason: field(text, 'REASON') };
  if (!decision || !message.bodyText || message.subject.length > 80) return 'skipped';

  appendFileSync(o.outbox, `${JSON.stringify(message)}\n`); // 8 ACT
  const target = process.env.DELIVERY_WEBHOOK_URL;
  if (target) {
    const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    if (!res.ok) throw new Error(`delivery endpoint answered ${res.status}`);
  }
  await client.memory.memorize({ // 9 UPDATE
    recordId: t.recordId,
    content: `[${o.channel.toUpperCase()} SENT] ${new Date().toISOString()} campaign ${campaign}. Subject: ${message.subject}\n\n${message.bodyText}`,
    speaker: 'batch-pipeline',
    enhanced: true,
    tags: ['delivery', `channel:${o.channel}`, `campaign:${campaign}`],
  });
  return 'sent';
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const secretKey = process.env.PERSONIZE_SECRET_KEY;
  if (!secretKey) throw new Error('set PERSONIZE_SECRET_KEY');
  const client = new Personize({ secretKey });
  const segment = JSON.parse(readFileSync(o.segmentPath, 'utf8')) as SearchOptions;
  const state = loadState(o.statePath, o.goal);

  const limits = (await client.me()).data?.plan.limits;
  const perMinute = limits?.maxApiCallsPerMinute ?? 60;
  const recordsPerMinute = Math.max(1, Math.floor(perMinute / CALLS_PER_RECORD));
  const gapMs = Math.ceil(60_000 / recordsPerMinute);
  const sessionId = randomUUID(); // later prompts skip guidelines already delivered this session
  const rules = await client.ai.smartGuidelines({ message: `${o.goal}: ${o.channel} rules and tone`, mode: 'deep', sessionId });
  const guidelines = rules.data?.compiledContext ?? '(none)';

  const targets = await observe(client, segment, new Set(state.processed), o.max);
  log(`${targets.length} records to process at ${recordsPerMinute}/min (plan allows ${perMinute} calls/min)`);
  const counts = { sent: 0, skipped: 0, failed: 0 };
  let nextStart = 0;
  for (const target of targets) {
    // Pace to the plan: each record starts at least gapMs after the previous one.
    await sleep(Math.max(0, nextStart - Date.now()));
    nextStart = Date.now() + gapMs;
    try {
      counts[await processRecord(client, o, target, guidelines, sessionId, state.campaign)]++;
      state.processed.push(target.recordId); // 10 REPEAT: failed records stay eligible next run
      writeFileSync(o.statePath, JSON.stringify(state));
    } catch (err) {
      counts.failed++;
      log(`${target.recordId}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  log(`done: ${JSON.stringify(counts)}; state in ${o.statePath}, messages in ${o.outbox}`);
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
