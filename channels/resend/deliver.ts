/**
 * Send a generated email through Resend and record the delivery in Personize memory.
 * npm install resend @personize/sdk
 */
import { Resend } from 'resend';
import type { Personize } from '@personize/sdk';

export interface EmailMessage {
  to: string;
  subject: string;
  /** Only <p> <b> <i> <a href> <br> <ul> <li>. */
  html: string;
  /** Plain-text part; always sent alongside the HTML. */
  text: string;
  campaign: string;
  /** Stable per message (e.g. `${campaign}:${to}:${step}`) so a retried send is not duplicated. */
  idempotencyKey: string;
}

export interface DeliveryResult { provider: 'resend'; messageId: string }

const ALLOWED_TAGS = new Set(['p', 'b', 'i', 'a', 'br', 'ul', 'li']);

export function checkEmail(m: EmailMessage): string[] {
  const problems: string[] = [];
  if (!m.subject.trim() || m.subject.length > 80) problems.push('subject must be 1-80 characters');
  if (/<[^>]+>/.test(m.subject)) problems.push('subject must be plain text');
  if (!m.text.trim()) problems.push('plain-text part is missing');
  const tags = [...m.html.matchAll(/<\/?([a-z0-9]+)/gi)].map((t) => t[1].toLowerCase()).filter((t) => !ALLOWED_TAGS.has(t));
  if (tags.length > 0) problems.push(`disallowed HTML tags: ${[...new Set(tags)].join(', ')}`);
  if (/href=["']http:/i.test(m.html)) problems.push('links must be https');
  return problems;
}

/** Resend tag values may only hold ASCII letters, digits, underscores and dashes. */
export const tagValue = (value: string): string => value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);

export async function sendWithResend(m: EmailMessage): Promise<DeliveryResult> {
  const apiKey = process.env.RESEND_API_KEY;
  const from = process.env.RESEND_FROM; // e.g. "Acme <hello@mail.acme.com>" on a verified domain
  if (!apiKey || !from) throw new Error('set RESEND_API_KEY and RESEND_FROM');
  const problems = checkEmail(m);
  if (problems.length > 0) throw new Error(`not sent: ${problems.join('; ')}`);
  const resend = new Resend(apiKey);
  // Resend reports API errors in the result instead of throwing.
  const { data, error } = await resend.emails.send(
    { from, to: m.to, subject: m.subject, html: m.html, text: m.text, tags: [{ name: 'campaign', value: tagValue(m.campaign) }] },
    { idempotencyKey: m.idempotencyKey },
  );
  if (error) throw new Error(`Resend rejected the email: ${error.name}: ${error.message}`);
  return { provider: 'resend', messageId: data.id };
}

export async function recordDelivery(client: Personize, m: EmailMessage, result: DeliveryResult): Promise<void> {
  await client.memory.memorize({
    email: m.to,
    content: `[EMAIL SENT via Resend] ${new Date().toISOString()} campaign ${m.campaign}, message ${result.messageId}. Subject: ${m.subject}\n\n${m.text}`,
    speaker: 'delivery',
    enhanced: true,
    tags: ['delivery', 'channel:email', 'provider:resend', `campaign:${m.campaign}`],
  });
}
