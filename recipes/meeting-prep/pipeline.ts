/**
 * A one-page brief before a meeting: who is coming, what they care about, what is open.
 *
 *   npx ts-node pipeline.ts --attendee ana@acme.com [--attendee li@acme.com] --topic "Renewal" [--website https://acme.com] [--when "Tue 10:00"]
 *
 * Everything is fetched in parallel (guidelines, one digest and one recall per attendee, the
 * company digest), then one prompt writes a Slack-ready brief (mrkdwn, <= 300 words). It is
 * posted to SLACK_WEBHOOK_URL when set, otherwise printed; each attendee's memory gets a note
 * that a brief was prepared, so the follow-up can refer to it.
 */
import { Personize, type SmartRecallData } from '@personize/sdk';

const log = (message: string): void => console.error(`[meeting-prep] ${message}`);

function options(argv: string[]): { attendees: string[]; topic: string; website?: string; when: string } {
  const values = (name: string): string[] => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]] : []));
  const attendees = values('--attendee');
  const [topic] = values('--topic');
  if (attendees.length === 0 || !topic) {
    throw new Error('usage: pipeline.ts --attendee EMAIL [--attendee EMAIL] --topic "..." [--website URL] [--when "..."]');
  }
  return { attendees, topic, website: values('--website')[0], when: values('--when')[0] ?? 'upcoming' };
}

function facts(data: SmartRecallData | undefined): string {
  const items = !data ? [] : Array.isArray(data) ? data : data.results;
  return items.map((i) => `- ${i.text ?? i.content ?? i.memory ?? ''}`).join('\n') || '- nothing recorded';
}

async function attendeeSection(client: Personize, email: string, topic: string): Promise<string> {
  const [digest, recall] = await Promise.all([
    client.memory.smartDigest({ email, type: 'Contact', token_budget: 1500 }),
    client.memory.smartRecall({ query: `${topic}: open questions, commitments, objections, last conversation`, email, type: 'Contact', fast_mode: true, limit: 8, minScore: 0.3 }),
  ]);
  return `### ${email}\n${digest.data?.compiledContext ?? '(nothing known yet)'}\n\nRelevant:\n${facts(recall.data)}`;
}

async function postToSlack(text: string): Promise<boolean> {
  const url = process.env.SLACK_WEBHOOK_URL;
  if (!url) return false;
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, mrkdwn: true }) });
  if (!res.ok) throw new Error(`Slack webhook answered ${res.status}`);
  return true;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const secretKey = process.env.PERSONIZE_SECRET_KEY;
  if (!secretKey) throw new Error('set PERSONIZE_SECRET_KEY');
  const client = new Personize({ secretKey });

  const [rules, company, ...people] = await Promise.all([
    client.ai.smartGuidelines({ message: `meeting preparation for: ${opts.topic}`, mode: 'fast' }),
    opts.website ? client.memory.smartDigest({ website_url: opts.website, type: 'Company', token_budget: 1500 }) : undefined,
    ...opts.attendees.map((email) => attendeeSection(client, email, opts.topic)),
  ]);
  const context = [
    `## Guidelines\n${rules.data?.compiledContext ?? '(none)'}`,
    `## Company\n${company?.data?.compiledContext ?? '(unknown)'}`,
    `## Attendees\n${people.join('\n\n')}`,
  ].join('\n\n---\n\n');
  const result = await client.ai.prompt({
    context,
    instructions: [
      { prompt: `Meeting "${opts.topic}" (${opts.when}). Write a brief for our team in Slack mrkdwn, at most 300 words: *Who* (one line per attendee: role, what they care about), *Context* (account state, recent events), *Open items* (questions, commitments, risks), *Goal and suggested talking points* (3 bullets). Use only facts from the context; say "unknown" rather than guess.`, maxSteps: 2 },
    ],
  });
  const brief = result.data?.text;
  if (!brief) throw new Error(`no brief generated: ${result.message ?? result.error ?? 'empty response'}`);
  if (await postToSlack(brief)) log('brief posted to Slack');
  else process.stdout.write(`${brief}\n`);

  // Recording is best effort: a failed note must not lose the brief already delivered.
  const notes = await Promise.allSettled(opts.attendees.map((email) => client.memory.memorize({
    email,
    content: `[MEETING PREP] ${new Date().toISOString()}: brief prepared for "${opts.topic}" (${opts.when}).`,
    speaker: 'meeting-prep',
    enhanced: false,
    tags: ['meeting-prep', `meeting:${opts.topic.toLowerCase().replace(/\W+/g, '-')}`],
  })));
  log(`noted on ${notes.filter((n) => n.status === 'fulfilled').length}/${opts.attendees.length} attendees`);
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
