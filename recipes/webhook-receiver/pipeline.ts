/**
 * Receive signed events from another system, remember them, and trigger follow-up work.
 *
 *   WEBHOOK_SECRET=... PORT=8787 npx ts-node pipeline.ts
 *   POST /events  headers: x-timestamp: <unix seconds>, x-signature: sha256=<hex HMAC of "<timestamp>.<body>">
 *                 body: { "id": "evt_1", "email": "ana@acme.com", "event": "renewal_due", "data": {...} }
 *
 * 1. verify the HMAC signature and the timestamp (5 min window) -> 401 otherwise
 * 2. drop duplicates by event id (senders retry)                -> 200 "duplicate"
 * 3. memorize the event on the contact                         -> 503 + Retry-After if memory is down
 * 4. answer 202, then run the follow-up for TRIGGER_EVENTS in the background
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Personize } from '@personize/sdk';

interface IncomingEvent { id?: string; email: string; event: string; data?: Record<string, unknown> }

const MAX_BODY_BYTES = 1_000_000;
const TOLERANCE_SECONDS = 300;
const log = (message: string): void => console.error(`[webhook] ${message}`);

export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verify(secret: string, timestamp: string | undefined, signature: string | undefined, body: string, now = Date.now()): boolean {
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false; // replay guard
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) { reject(new Error('body too large')); req.destroy(); } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseEvent(body: string): IncomingEvent | null {
  try {
    const value = JSON.parse(body) as Partial<IncomingEvent>;
    return typeof value.email === 'string' && typeof value.event === 'string' ? (value as IncomingEvent) : null;
  } catch {
    return null;
  }
}

/** A small bounded memory of recent event ids, so sender retries are not memorized twice. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 5000) {}
  seen(id: string | undefined): boolean {
    if (!id) return false;
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
    return false;
  }
}

/** Follow-up for events that need one: suggest the next action and hand it to your pipeline. */
async function triggerPipeline(client: Personize, evt: IncomingEvent): Promise<void> {
  const digest = await client.memory.smartDigest({ email: evt.email, type: 'Contact', token_budget: 1500 });
  const result = await client.ai.prompt({
    context: digest.data?.compiledContext ?? '',
    prompt: `Event "${evt.event}" just happened for this contact (data: ${JSON.stringify(evt.data ?? {})}). In at most 60 words, what should our team do next and why? Use only facts from the context.`,
  });
  const suggestion = { email: evt.email, event: evt.event, nextStep: result.data?.text ?? '' };
  const target = process.env.PIPELINE_WEBHOOK_URL;
  if (!target) { log(`next step for ${evt.email}: ${suggestion.nextStep}`); return; }
  const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(suggestion) });
  if (!res.ok) throw new Error(`pipeline endpoint answered ${res.status}`);
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function createReceiver(client: Personize, secret: string, triggers: Set<string>) {
  const recent = new RecentIds();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST' || req.url !== '/events') return reply(res, 404, { error: 'not found' });
    let body: string;
    try { body = await readBody(req); } catch { return reply(res, 413, { error: 'body too large' }); }
    const header = (name: string): string | undefined => { const v = req.headers[name]; return Array.isArray(v) ? v[0] : v; };
    if (!verify(secret, header('x-timestamp'), header('x-signature'), body)) return reply(res, 401, { error: 'bad signature' });
    const evt = parseEvent(body);
    if (!evt) return reply(res, 400, { error: 'expected JSON with "email" and "event"' });
    if (recent.seen(evt.id)) return reply(res, 200, { status: 'duplicate' });
    try {
      await client.memory.memorize({
        email: evt.email,
        content: `[EVENT ${evt.event}] ${new Date().toISOString()}. ${JSON.stringify(evt.data ?? {})}`,
        speaker: 'webhook',
        enhanced: true,
        tags: ['webhook', `event:${evt.event}`, 'source:webhook'],
      });
    } catch (err) {
      log(`memorize failed for ${evt.email}: ${err instanceof Error ? err.message : String(err)}`);
      return reply(res, 503, { error: 'memory unavailable, retry later' }, { 'retry-after': '60' });
    }
    reply(res, 202, { status: 'accepted' });
    if (triggers.has(evt.event)) {
      triggerPipeline(client, evt).catch((err: unknown) => log(`pipeline failed for ${evt.email}: ${err instanceof Error ? err.message : String(err)}`));
    }
  };
}

function main(): void {
  const secretKey = process.env.PERSONIZE_SECRET_KEY;
  const webhookSecret = process.env.WEBHOOK_SECRET;
  if (!secretKey || !webhookSecret) throw new Error('set PERSONIZE_SECRET_KEY and WEBHOOK_SECRET');
  const triggers = new Set((process.env.TRIGGER_EVENTS ?? 'deal_closed,renewal_due,churn_risk').split(',').map((s) => s.trim()).filter(Boolean));
  const port = Number(process.env.PORT ?? 8787);
  const handler = createReceiver(new Personize({ secretKey }), webhookSecret, triggers);
  createServer((req, res) => { void handler(req, res); }).listen(port, () => log(`listening on :${port}/events; triggers: ${[...triggers].join(', ')}`));
}

if (require.main === module) {
  try { main(); } catch (err) { log(`failed: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 1; }
}
