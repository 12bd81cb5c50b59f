/**
 * Generate one message with guardrails: governed context in, structured fields out,
 * channel rules checked in code, and a review flag when a human should look first.
 *
 *   npx ts-node pipeline.ts <email> <email|sms|slack|push> "<goal>" [--website URL] [--first-send]
 *
 * Prints JSON: { channel, fields, problems, review, score }. Nothing is sent: hand the fields
 * to a channel template (channels/*) once `problems` is empty and `review` is empty or approved.
 */
import { Personize, type PromptResult, type SmartRecallData } from '@personize/sdk';

export type Channel = 'email' | 'sms' | 'slack' | 'push';
export type Fields = Partial<Record<FieldName, string>>;
type FieldName = 'SUBJECT' | 'BODY_HTML' | 'BODY_TEXT' | 'CHANNEL_NOTES' | 'BUTTON_LABEL' | 'BUTTON_URL';

export interface GeneratedMessage {
  channel: Channel;
  fields: Fields;
  /** Hard rule violations: do not send. */
  problems: string[];
  /** Reasons a human should approve before sending. */
  review: string[];
  /** Self-evaluation normalised to 0-1, when the API returned one. */
  score: number | null;
}

const FIELD_NAMES: FieldName[] = ['SUBJECT', 'BODY_HTML', 'BODY_TEXT', 'CHANNEL_NOTES', 'BUTTON_LABEL', 'BUTTON_URL'];
const REQUIRED: Record<Channel, FieldName[]> = {
  email: ['SUBJECT', 'BODY_HTML', 'BODY_TEXT'],
  sms: ['BODY_TEXT'],
  slack: ['BODY_TEXT'],
  push: ['SUBJECT', 'BODY_TEXT', 'BUTTON_LABEL', 'BUTTON_URL'],
};
const FORMAT_RULES: Record<Channel, string> = {
  email: 'SUBJECT plain text <= 80 chars; BODY_HTML uses only <p> <b> <i> <a href> <br> <ul> <li>; BODY_TEXT is the plain-text version; about 300 words at most',
  sms: 'BODY_TEXT plain text <= 160 characters, no HTML, no links unless essential',
  slack: 'BODY_TEXT in Slack mrkdwn (*bold*, _italic_, <https://url|text> links), <= 150 words',
  push: 'SUBJECT is the title <= 50 chars; BODY_TEXT <= 100 chars; BUTTON_LABEL 2-3 words; BUTTON_URL absolute https:// or an app deep link',
};
const ALLOWED_TAGS = new Set(['p', 'b', 'i', 'a', 'br', 'ul', 'li']);
const BANNED_OPENERS = [/^\s*(<p>)?\s*i hope this (e-?mail|message) finds you well/i];
const PLACEHOLDER_URL = /(example\.(com|org)|your-?(domain|company|app)|\{\{|\[link\]|todo|xxx)/i;
const SENSITIVE = /\b(pric(e|es|ing)|discount|% off|contract|legal|lawsuit|medical|diagnos\w*|financial|invest\w*|compliance|refund|guarantee[sd]?)\b/i;
const GSM7 = /^[A-Za-z0-9 \r\n@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/;
const MIN_SCORE = 0.7;

/** Split `NAME: value` blocks; a value runs until the next known field label. */
export function parseFields(text: string): Fields {
  const fields: Fields = {};
  const label = new RegExp(`^\\s*\\**(${FIELD_NAMES.join('|')})\\**\\s*:\\s*`, 'gm');
  const hits = [...text.matchAll(label)];
  hits.forEach((hit, i) => {
    const start = (hit.index ?? 0) + hit[0].length;
    const end = i + 1 < hits.length ? hits[i + 1].index ?? text.length : text.length;
    fields[hit[1] as FieldName] = text.slice(start, end).trim();
  });
  return fields;
}

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const urls = (text: string): string[] => [...text.matchAll(/([a-z][a-z0-9+.-]*:\/\/[^\s"'<>|)]+)/gi)].map((m) => m[1]);

/** Hard format rules for the channel; an empty list means the message may be sent. */
export function checkChannel(channel: Channel, fields: Fields): string[] {
  const problems = REQUIRED[channel].filter((name) => !fields[name]).map((name) => `missing ${name}`);
  const subject = fields.SUBJECT ?? '';
  const text = fields.BODY_TEXT ?? '';
  const html = fields.BODY_HTML ?? '';
  if (/<[^>]+>/.test(subject)) problems.push('SUBJECT contains HTML');
  if (channel === 'email') {
    if (subject.length > 80) problems.push(`SUBJECT is ${subject.length} chars (max 80)`);
    const badTags = [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1].toLowerCase()).filter((t) => !ALLOWED_TAGS.has(t));
    if (badTags.length > 0) problems.push(`BODY_HTML uses disallowed tags: ${[...new Set(badTags)].join(', ')}`);
    if (BANNED_OPENERS.some((re) => re.test(html) || re.test(text))) problems.push('opens with a banned phrase');
  }
  if (channel !== 'email' && /<\/?[a-z][^>]*>/i.test(text.replace(/<https?:\/\/[^>]+>/g, ''))) problems.push('BODY_TEXT contains HTML');
  if (channel === 'sms') {
    if (text.length > 160) problems.push(`SMS is ${text.length} chars (max 160)`);
    if (!GSM7.test(text)) problems.push('SMS has characters outside GSM-7 (sent as UCS-2, 70 chars per segment)');
  }
  if (channel === 'slack' && words(text) > 150) problems.push(`Slack DM is ${words(text)} words (max 150)`);
  if (channel === 'push') {
    if (subject.length > 50) problems.push(`push title is ${subject.length} chars (max 50)`);
    if (text.length > 100) problems.push(`push body is ${text.length} chars (max 100)`);
    if (words(fields.BUTTON_LABEL ?? '') > 3) problems.push('BUTTON_LABEL is longer than 3 words');
  }
  const links = [...urls(`${html}\n${text}`), ...(fields.BUTTON_URL ? [fields.BUTTON_URL] : [])];
  for (const link of links) {
    const deepLink = channel === 'push' && /^[a-z][a-z0-9+.-]*:\/\//i.test(link) && !/^https?:/i.test(link);
    if (!deepLink && !link.startsWith('https://')) problems.push(`link is not https: ${link}`);
    if (PLACEHOLDER_URL.test(link)) problems.push(`placeholder link: ${link}`);
  }
  return problems;
}

/** Self-evaluation as 0-1: criteria totals when present, else finalScore on its own scale. */
export function normalisedScore(result: PromptResult | undefined): number | null {
  const evaluation = result?.evaluation;
  if (!evaluation) return null;
  const max = evaluation.criteriaScores.reduce((sum, c) => sum + c.maxScore, 0);
  if (max > 0) return evaluation.criteriaScores.reduce((sum, c) => sum + c.score, 0) / max;
  const s = evaluation.finalScore;
  return s <= 1 ? s : s <= 10 ? s / 10 : s / 100;
}

function reviewReasons(fields: Fields, score: number | null, hasGuidelines: boolean, firstSend: boolean): string[] {
  const reasons: string[] = [];
  const sensitive = Object.values(fields).join('\n').match(SENSITIVE);
  if (sensitive) reasons.push(`mentions "${sensitive[0]}" (pricing/legal/medical/financial/compliance)`);
  if (!hasGuidelines) reasons.push('no guidelines matched this task');
  if (score !== null && score < MIN_SCORE) reasons.push(`self-evaluation ${score.toFixed(2)} < ${MIN_SCORE}`);
  if (firstSend) reasons.push('first send on this channel or audience');
  return reasons;
}

function recallLines(data: SmartRecallData | undefined): string[] {
  const items = !data ? [] : Array.isArray(data) ? data : data.results;
  return items.map((i) => i.text ?? i.content ?? i.memory ?? '').filter(Boolean).map((t) => `- ${t}`);
}

async function assembleContext(client: Personize, email: string, goal: string, websiteUrl?: string): Promise<{ text: string; hasGuidelines: boolean }> {
  const [rules, person, company, facts] = await Promise.all([
    client.ai.smartGuidelines({ message: `${goal}: tone, constraints, required disclaimers`, mode: 'fast' }),
    client.memory.smartDigest({ email, type: 'Contact', token_budget: 2000 }),
    websiteUrl ? client.memory.smartDigest({ website_url: websiteUrl, type: 'Company', token_budget: 1000 }) : undefined,
    client.memory.smartRecall({ query: goal, email, type: 'Contact', fast_mode: true, limit: 10, minScore: 0.3 }),
  ]);
  const guidelines = rules.data?.compiledContext ?? '';
  const sections = [
    guidelines && `## Guidelines\n${guidelines}`,
    person.data?.compiledContext && `## Recipient\n${person.data.compiledContext}`,
    company?.data?.compiledContext && `## Company\n${company.data.compiledContext}`,
    recallLines(facts.data).length > 0 && `## Relevant facts\n${recallLines(facts.data).join('\n')}`,
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
  return { text: sections.join('\n\n---\n\n'), hasGuidelines: guidelines !== '' };
}

export async function generateWithGuardrails(
  client: Personize,
  req: { email: string; channel: Channel; goal: string; websiteUrl?: string; firstSend?: boolean },
): Promise<GeneratedMessage> {
  const context = await assembleContext(client, req.email, req.goal, req.websiteUrl);
  const wanted = [...REQUIRED[req.channel], 'CHANNEL_NOTES'].map((f) => `${f}: ...`).join('\n');
  const result = await client.ai.prompt({
    context: context.text,
    instructions: [
      { prompt: `Goal: ${req.goal}. Who is the recipient, which known facts serve this goal, and what single outcome do we want? Use only facts from the context.`, maxSteps: 2 },
      { prompt: 'List every constraint from the guidelines that applies: forbidden topics, disclaimers, tone, format.', maxSteps: 1 },
      { prompt: `Write the ${req.channel} message. Rules: ${FORMAT_RULES[req.channel]}. Invent no facts, numbers or promises. Answer with exactly these labelled fields:\n${wanted}`, maxSteps: 1 },
    ],
    evaluate: true,
    evaluationCriteria: `(1) ${FORMAT_RULES[req.channel]}; (2) no facts that are absent from the context; (3) follows every guideline; (4) serves the goal: ${req.goal}`,
  });
  if (!result.success || !result.data) throw new Error(`prompt failed: ${result.message ?? result.error ?? 'no data'}`);
  const fields = parseFields(result.data.text);
  const score = normalisedScore(result.data);
  return {
    channel: req.channel,
    fields,
    problems: checkChannel(req.channel, fields),
    review: reviewReasons(fields, score, context.hasGuidelines, req.firstSend === true),
    score,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const [email, channel, goal] = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--website');
  if (!email || !goal || !(channel in REQUIRED)) {
    throw new Error('usage: pipeline.ts <email> <email|sms|slack|push> "<goal>" [--website URL] [--first-send]');
  }
  const secretKey = process.env.PERSONIZE_SECRET_KEY;
  if (!secretKey) throw new Error('set PERSONIZE_SECRET_KEY');
  const websiteIndex = argv.indexOf('--website');
  const message = await generateWithGuardrails(new Personize({ secretKey }), {
    email,
    channel: channel as Channel,
    goal,
    websiteUrl: websiteIndex >= 0 ? argv[websiteIndex + 1] : undefined,
    firstSend: argv.includes('--first-send'),
  });
  process.stdout.write(`${JSON.stringify(message, null, 2)}\n`);
  if (message.problems.length > 0) {
    console.error(`[generate] ${message.problems.length} rule violation(s): do not send`);
    process.exitCode = 2;
  } else if (message.review.length > 0) {
    console.error(`[generate] REVIEW SUGGESTED: ${message.review.join('; ')}`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`[generate] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
