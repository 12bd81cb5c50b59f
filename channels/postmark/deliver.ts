/**
 * Send a generated email through Postmark and record the delivery in Personize memory.
 * npm install postmark @personize/sdk
 */
import { ServerClient } from 'postmark';
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

export interface DeliveryResult { provider: 'postmark'; messageId?: string; submittedAt: string }

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

export async function sendWithPostmark(m: EmailMessage): Promise<DeliveryResult> {
  const token = process.env.POSTMARK_SERVER_TOKEN;
  const from = process.env.POSTMARK_FROM_EMAIL;
  if (!token || !from) throw new Error('set POSTMARK_SERVER_TOKEN and POSTMARK_FROM_EMAIL');
  const problems = checkEmail(m);
  if (problems.length > 0) throw new Error(`not sent: ${problems.join('; ')}`);
  const response = await new ServerClient(token).sendEmail({
    From: from,
    To: m.to,
    Subject: m.subject,
    HtmlBody: m.html,
    TextBody: m.text,
    // Transactional mail uses "outbound"; bulk or marketing mail needs a broadcast stream.
    MessageStream: process.env.POSTMARK_MESSAGE_STREAM ?? 'outbound',
    Tag: m.campaign,
    Metadata: { campaign: m.campaign },
  });
  if (response.ErrorCode !== 0) throw new Error(`Postmark error ${response.ErrorCode}: ${response.Message}`);
  return { provider: 'postmark', messageId: response.MessageID, submittedAt: response.SubmittedAt };
}

export async function recordDelivery(client: Personize, m: EmailMessage, result: DeliveryResult): Promise<void> {
  await client.memory.memorize({
    email: m.to,
    content: `[EMAIL SENT via Postmark] ${result.submittedAt} campaign ${m.campaign}, message ${result.messageId ?? 'n/a'}. Subject: ${m.subject}\n\n${m.text}`,
    timestamp: result.submittedAt,
    speaker: 'delivery',
    enhanced: true,
    tags: ['delivery', 'channel:email', 'provider:postmark', `campaign:${m.campaign}`],
  });
}
