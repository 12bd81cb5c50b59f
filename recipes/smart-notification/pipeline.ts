/**
 * Decide whether an event deserves a notification for this person, and only then write it.
 *
 *   npx ts-node pipeline.ts <email> "<event description>" [--channel push|slack|email|sms] [--event-type usage_drop] [--dry-run]
 *
 * The digest says who the person is, recall says what we already told them, guidelines say
 * how we notify. The model scores relevance 0-100: >= 60 SEND, 40-59 DEFER (kept in memory
 * for a later digest), < 40 SKIP. Sent and deferred notifications are memorized so the next
 * decision sees them. Delivery goes to NOTIFY_WEBHOOK_URL (your own notification endpoint).
 */
import { Personize, type SmartRecallData } from '@personize/sdk';

type Decision = 'SEND' | 'DEFER' | 'SKIP';

interface Notification {
  decision: Decision;
  score: number;
  reason: string;
  title: string;
  body: string;
  url?: string;
}

const LIMITS: Record<string, { title: number; body: number }> = {
  push: { title: 50, body: 100 },
  sms: { title: 0, body: 160 },
  slack: { title: 80, body: 900 },
  email: { title: 80, body: 2000 },
};
const log = (message: string): void => console.error(`[notify] ${message}`);

function field(text: string, name: string): string {
  const match = text.match(new RegExp(`^\\s*${name}\\s*:\\s*(.*)$`, 'im'));
  return match ? match[1].trim() : '';
}

/** Score thresholds are applied in code, so a model that says SEND at 45 still defers. */
export function decide(score: number): Decision {
  if (score >= 60) return 'SEND';
  return score >= 40 ? 'DEFER' : 'SKIP';
}

function recentlySent(data: SmartRecallData | undefined): string {
  const items = !data ? [] : Array.isArray(data) ? data : data.results;
  const lines = items.map((i) => i.text ?? i.content ?? i.memory ?? '').filter(Boolean);
  return lines.length > 0 ? lines.map((l) => `- ${l}`).join('\n') : '- nothing recorded';
}

async function evaluate(client: Personize, email: string, event: string, channel: string): Promise<Notification> {
  const [digest, history, rules] = await Promise.all([
    client.memory.smartDigest({ email, type: 'Contact', token_budget: 1000 }),
    client.memory.smartRecall({ query: 'notifications and messages we sent recently', email, type: 'Contact', fast_mode: true, limit: 10 }),
    client.ai.smartGuidelines({ message: `${channel} notification rules and tone`, mode: 'fast' }),
  ]);
  const context = [
    `## Guidelines\n${rules.data?.compiledContext ?? '(none)'}`,
    `## Person\n${digest.data?.compiledContext ?? '(unknown)'}`,
    `## Already sent\n${recentlySent(history.data)}`,
    `## New event\n${event}`,
  ].join('\n\n---\n\n');
  const limit = LIMITS[channel];
  const result = await client.ai.prompt({
    context,
    instructions: [
      { prompt: 'How relevant and timely is the new event for this person, given what we already sent? Answer SCORE: <0-100> and REASON: <one sentence>.', maxSteps: 1 },
      { prompt: `If the score is 60 or more, write the ${channel} notification as TITLE: (max ${limit.title} chars) BODY: (max ${limit.body} chars, plain text) and URL: (absolute https link or NONE). Otherwise write TITLE: NONE. Use only facts from the context.`, maxSteps: 1 },
    ],
  });
  const text = result.data?.text ?? '';
  const score = Math.max(0, Math.min(100, Number(field(text, 'SCORE')) || 0));
  const url = field(text, 'URL');
  return {
    decision: decide(score),
    score,
    reason: field(text, 'REASON'),
    title: field(text, 'TITLE').replace(/^NONE$/i, '').slice(0, limit.title),
    body: field(text, 'BODY').slice(0, limit.body),
    url: url.startsWith('https://') ? url : undefined,
  };
}

async function deliver(channel: string, email: string, note: Notification): Promise<void> {
  const endpoint = process.env.NOTIFY_WEBHOOK_URL;
  if (!endpoint) {
    log(`NOTIFY_WEBHOOK_URL not set; would send: ${JSON.stringify({ channel, email, title: note.title, body: note.body, url: note.url })}`);
    return;
  }
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, email, title: note.title, body: note.body, url: note.url }),
  });
  if (!res.ok) throw new Error(`notification endpoint answered ${res.status}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string, fallback: string): string => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const [email, event] = argv.filter((a, i) => !a.startsWith('--') && !['--channel', '--event-type'].includes(argv[i - 1]));
  const channel = opt('--channel', 'push');
  const eventType = opt('--event-type', 'event');
  if (!email || !event || !(channel in LIMITS)) throw new Error('usage: pipeline.ts <email> "<event>" [--channel push|slack|email|sms] [--event-type T] [--dry-run]');
  const secretKey = process.env.PERSONIZE_SECRET_KEY;
  if (!secretKey) throw new Error('set PERSONIZE_SECRET_KEY');
  const client = new Personize({ secretKey });

  const note = await evaluate(client, email, event, channel);
  log(`${note.decision} (score ${note.score}): ${note.reason}`);
  if (note.decision === 'SKIP' || argv.includes('--dry-run')) return;
  if (note.decision === 'SEND') {
    if (!note.body) throw new Error('model chose SEND but wrote no BODY; not sending');
    await deliver(channel, email, note);
  }
  const tags = ['notification', `notification:${note.decision === 'SEND' ? 'sent' : 'deferred'}`, `channel:${channel}`, `event:${eventType}`];
  await client.memory.memorize({
    email,
    content: `[NOTIFICATION ${note.decision}] ${new Date().toISOString()} via ${channel} (score ${note.score}). Event: ${event}. ${note.title ? `Title: ${note.title}. ` : ''}${note.body ? `Body: ${note.body}. ` : ''}Reason: ${note.reason}`,
    speaker: 'smart-notification',
    enhanced: false,
    tags,
  });
  log(`recorded in memory with tags ${tags.join(', ')}`);
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
