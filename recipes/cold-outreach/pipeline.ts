/**
 * One step of a cold outreach sequence for a list of prospects, paced to the plan's limits.
 *
 *   npx ts-node pipeline.ts <prospects.json> --step 1 [--sequence q3-founders] [--out outbox.jsonl] [--deliver]
 *
 * prospects.json is an array of { email, website? }. For each prospect: skip opted-out
 * records, assemble guidelines + contact + company + previous outreach, generate the step's
 * email (SUBJECT / BODY_HTML / BODY_TEXT) with self-evaluation, check it in code, and write a
 * draft line to the outbox. With --deliver, clean drafts (no problems, no review flags) are
 * POSTed to OUTREACH_WEBHOOK_URL and memorized as sent; flagged drafts wait for a human.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { Personize, type PromptResult, type SmartRecallData } from '@personize/sdk';

interface Prospect { email: string; website?: string }
interface Draft {
  email: string;
  sequence: string;
  step: number;
  subject: string;
  bodyHtml: string;
  bodyText: string;
  problems: string[];
  review: string[];
}

const STEP_BRIEFS: Record<number, string> = {
  1: 'First touch: one specific, relevant observation about them, one clear and low-effort ask.',
  2: 'Follow-up: a new angle or useful resource; do not repeat the first email; shorter.',
  3: 'Last note: brief, polite close of the loop; make it easy to say "not now".',
};
const FREE_MAIL = /@(gmail|yahoo|hotmail|outlook|icloud|proton(mail)?|aol)\./i;
const OPTED_OUT = /(unsubscribed|do_not_contact|opt(ed)?_?out)/i;
const ALLOWED_TAGS = new Set(['p', 'b', 'i', 'a', 'br', 'ul', 'li']);
const SENSITIVE = /\b(pric(e|ing)|discount|contract|legal|medical|financial|compliance|guarantee)\b/i;
const log = (message: string): void => console.error(`[outreach] ${message}`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function field(text: string, name: string): string {
  // A value runs until the next known label or the end of the text.
  const next = '^\\s*(?:SUBJECT|BODY_HTML|BODY_TEXT|CHANNEL_NOTES)\\s*:';
  const match = text.match(new RegExp(`^\\s*${name}\\s*:\\s*([\\s\\S]*?)(?=${next}|$(?![\\s\\S]))`, 'm'));
  return match ? match[1].trim() : '';
}

function companySite(p: Prospect): string | undefined {
  if (p.website) return p.website;
  return FREE_MAIL.test(p.email) ? undefined : `https://${p.email.split('@')[1]}`;
}

function isOptedOut(properties: Record<string, string> | undefined): boolean {
  return Object.entries(properties ?? {}).some(([k, v]) => OPTED_OUT.test(k) && /^(true|yes|1)$/i.test(v.trim()));
}

function previousOutreach(data: SmartRecallData | undefined): string {
  const items = !data ? [] : Array.isArray(data) ? data : data.results;
  return items.map((i) => `- ${i.text ?? i.content ?? i.memory ?? ''}`).join('\n') || '- none';
}

function checkEmail(subject: string, html: string, text: string): string[] {
  const problems: string[] = [];
  if (!subject || !html || !text) problems.push('missing SUBJECT, BODY_HTML or BODY_TEXT');
  if (subject.length > 80) problems.push(`subject is ${subject.length} chars (max 80)`);
  const tags = [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1].toLowerCase()).filter((t) => !ALLOWED_TAGS.has(t));
  if (tags.length > 0) problems.push(`disallowed tags: ${[...new Set(tags)].join(', ')}`);
  if (/http:\/\//i.test(html + text)) problems.push('non-https link');
  if (/^\s*(<p>)?\s*i hope this email finds you well/i.test(html)) problems.push('banned opener');
  if (text.split(/\s+/).length > 300) problems.push('longer than 300 words');
  return problems;
}

function reviewFlags(result: PromptResult, html: string, hasGuidelines: boolean, step: number): string[] {
  const flags: string[] = [];
  const sensitive = html.match(SENSITIVE);
  if (sensitive) flags.push(`mentions "${sensitive[0]}"`);
  if (!hasGuidelines) flags.push('no outreach guidelines found');
  const criteria = result.evaluation?.criteriaScores ?? [];
  const max = criteria.reduce((s, c) => s + c.maxScore, 0);
  if (max > 0 && criteria.reduce((s, c) => s + c.score, 0) / max < 0.7) flags.push('low self-evaluation');
  if (step === 1) flags.push('first touch: approve the first batch by hand');
  return flags;
}

async function draftFor(client: Personize, p: Prospect, sequence: string, step: number, guidelines: string): Promise<Draft | null> {
  const site = companySite(p);
  const [person, company, history] = await Promise.all([
    client.memory.smartDigest({ email: p.email, type: 'Contact', token_budget: 1500 }),
    site ? client.memory.smartDigest({ website_url: site, type: 'Company', token_budget: 1000 }) : undefined,
    client.memory.smartRecall({ query: `outreach emails sent in sequence ${sequence}, and any reply`, email: p.email, type: 'Contact', fast_mode: true, limit: 5 }),
  ]);
  if (isOptedOut(person.data?.properties)) return null;
  const context = [
    `## Guidelines\n${guidelines || '(none)'}`,
    `## Prospect\n${person.data?.compiledContext ?? '(nothing known)'}`,
    `## Company\n${company?.data?.compiledContext ?? '(unknown)'}`,
    `## Earlier outreach\n${previousOutreach(history.data)}`,
  ].join('\n\n---\n\n');
  const result = await client.ai.prompt({
    context,
    instructions: [
      { prompt: 'Which one or two facts about this prospect and their company make our offer relevant now? Use only the context.', maxSteps: 2 },
      { prompt: `Write email ${step} of the sequence. ${STEP_BRIEFS[step]} Subject <= 80 chars, plain text. Body HTML with only <p> <b> <i> <a href> <br>, under 150 words, https links only. Reply with SUBJECT:, BODY_HTML: and BODY_TEXT: fields.`, maxSteps: 1 },
    ],
    evaluate: true,
    evaluationCriteria: 'Relevant to this prospect, no invented facts, follows the guidelines, subject <= 80 chars, allowed HTML only.',
  });
  if (!result.data) throw new Error(result.message ?? 'prompt returned no data');
  const text = result.data.text;
  const [subject, bodyHtml, bodyText] = ['SUBJECT', 'BODY_HTML', 'BODY_TEXT'].map((n) => field(text, n));
  return {
    email: p.email, sequence, step, subject, bodyHtml, bodyText,
    problems: checkEmail(subject, bodyHtml, bodyText),
    review: reviewFlags(result.data, bodyHtml, guidelines !== '', step),
  };
}

async function deliverAndRecord(client: Personize, draft: Draft): Promise<void> {
  const endpoint = process.env.OUTREACH_WEBHOOK_URL;
  if (!endpoint) throw new Error('--deliver needs OUTREACH_WEBHOOK_URL (your sending service)');
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(draft) });
  if (!res.ok) throw new Error(`sending service answered ${res.status}`);
  await client.memory.memorize({
    email: draft.email,
    content: `[OUTREACH SENT] ${new Date().toISOString()} sequence ${draft.sequence}, email ${draft.step}. Subject: ${draft.subject}\n\n${draft.bodyText}`,
    speaker: 'cold-outreach',
    enhanced: true,
    tags: ['outreach', 'delivery', 'channel:email', `campaign:${draft.sequence}`, `step:${draft.step}`],
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const step = Number(opt('--step') ?? 1);
  const sequence = opt('--sequence') ?? 'outreach';
  const out = opt('--out') ?? 'outbox.jsonl';
  const file = argv[0];
  if (!file || file.startsWith('--') || !(step in STEP_BRIEFS)) throw new Error('usage: pipeline.ts <prospects.json> --step 1|2|3 [--sequence NAME] [--out FILE] [--deliver]');
  const secretKey = process.env.PERSONIZE_SECRET_KEY;
  if (!secretKey) throw new Error('set PERSONIZE_SECRET_KEY');
  const prospects = JSON.parse(readFileSync(file, 'utf8')) as Prospect[];
  const client = new Personize({ secretKey });

  // About 6 API calls per prospect, so the plan's per-minute limit / 6 prospects per minute.
  const perMinute = (await client.me()).data?.plan.limits.maxApiCallsPerMinute ?? 60;
  const gapMs = Math.ceil(60_000 / Math.max(1, Math.floor(perMinute / 6)));
  const rules = await client.ai.smartGuidelines({ message: 'cold outreach email: tone, claims we may make, compliance', mode: 'deep' });
  const guidelines = rules.data?.compiledContext ?? '';
  log(`${prospects.length} prospects, step ${step}, one every ${Math.round(gapMs / 1000)}s`);

  const counts = { drafted: 0, sent: 0, skipped: 0, failed: 0 };
  let nextStart = 0;
  for (const prospect of prospects) {
    // Pace to the plan: each record starts at least gapMs after the previous one.
    await sleep(Math.max(0, nextStart - Date.now()));
    nextStart = Date.now() + gapMs;
    try {
      const draft = await draftFor(client, prospect, sequence, step, guidelines);
      if (!draft) { counts.skipped++; log(`${prospect.email}: opted out, skipped`); continue; }
      appendFileSync(out, `${JSON.stringify(draft)}\n`);
      counts.drafted++;
      if (argv.includes('--deliver') && draft.problems.length === 0 && draft.review.length === 0) {
        await deliverAndRecord(client, draft);
        counts.sent++;
      }
      log(`${prospect.email}: ${draft.problems.length ? `problems: ${draft.problems.join('; ')}` : draft.review.length ? `review: ${draft.review.join('; ')}` : 'ready'}`);
    } catch (err) {
      counts.failed++; // one bad prospect must not stop the run
      log(`${prospect.email}: failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  log(`done: ${JSON.stringify(counts)}; drafts in ${out}`);
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
