/**
 * Send a generated email through SendGrid and record the delivery in Personize memory.
 * npm install @sendgrid/mail @personize/sdk
 */
import sgMail from '@sendgrid/mail';
import type { Personize } from '@personize/sdk';

export interface EmailMessage {
  to: string;
  subject: string;
  /** Only <p> <b> <i> <a href> <br> <ul> <li>. */
  html: string;
  /** Plain-text part; always sent alongside the HTML. */
  text: string;
  campaign: string;
}

export interface DeliveryResult { provider: 'sendgrid'; status: number; messageId?: string }

const ALLOWED_TAGS = new Set(['p', 'b', 'i', 'a', 'br', 'ul', 'li']);

/** Format rules for email; returns the problems (empty = OK to send). */
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

export async function sendWithSendGrid(m: EmailMessage): Promise<DeliveryResult> {
  const apiKey = process.env.SENDGRID_API_KEY;
  const from = process.env.SENDGRID_FROM_EMAIL;
  if (!apiKey || !from) throw new Error('set SENDGRID_API_KEY and SENDGRID_FROM_EMAIL');
  const problems = checkEmail(m);
  if (problems.length > 0) throw new Error(`not sent: ${problems.join('; ')}`);
  sgMail.setApiKey(apiKey);
  const [response] = await sgMail.send({
    to: m.to,
    from: { email: from, name: process.env.SENDGRID_FROM_NAME },
    subject: m.subject,
    text: m.text,
    html: m.html,
    categories: [m.campaign],
    customArgs: { campaign: m.campaign },
  });
  const id = response.headers['x-message-id'];
  return { provider: 'sendgrid', status: response.statusCode, messageId: Array.isArray(id) ? id[0] : id };
}

/** Close the loop: the next generation recalls what this person already received. */
export async function recordDelivery(client: Personize, m: EmailMessage, result: DeliveryResult): Promise<void> {
  await client.memory.memorize({
    email: m.to,
    content: `[EMAIL SENT via SendGrid] ${new Date().toISOString()} campaign ${m.campaign}, message ${result.messageId ?? 'n/a'}. Subject: ${m.subject}\n\n${m.text}`,
    speaker: 'delivery',
    enhanced: true,
    tags: ['delivery', 'channel:email', 'provider:sendgrid', `campaign:${m.campaign}`],
  });
}
