/**
 * Post a generated Slack message (channel post or DM) and record it in Personize memory.
 * npm install @slack/web-api @personize/sdk
 */
import { WebClient, type KnownBlock } from '@slack/web-api';
import type { Personize } from '@personize/sdk';

export interface SlackMessage {
  /** A channel id (C…), or a user id (U…) for a direct message. */
  target: string;
  /** Slack mrkdwn: *bold*, _italic_, `code`, >quote, <https://url|text>. */
  text: string;
  campaign: string;
  /** The contact the message is about, if any: the delivery is remembered on them. */
  aboutEmail?: string;
}

export interface DeliveryResult { provider: 'slack'; channel: string; ts: string }

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** DMs stay within 150 words and channel posts within 300; mrkdwn, never HTML. */
export function checkSlack(m: SlackMessage): string[] {
  const problems: string[] = [];
  const limit = m.target.startsWith('U') ? 150 : 300;
  if (!m.text.trim()) problems.push('text is empty');
  if (wordCount(m.text) > limit) problems.push(`${wordCount(m.text)} words (max ${limit})`);
  if (/<\/?(p|b|i|br|div|span|a)\b[^>]*>/i.test(m.text)) problems.push('HTML tags: use mrkdwn');
  if (/\[[^\]]+\]\(https?:\/\/[^)]+\)/.test(m.text)) problems.push('markdown links: use <https://url|text>');
  return problems;
}

export async function postToSlack(m: SlackMessage): Promise<DeliveryResult> {
  const token = process.env.SLACK_BOT_TOKEN;
  if (!token) throw new Error('set SLACK_BOT_TOKEN (a bot token with chat:write, and im:write for DMs)');
  const problems = checkSlack(m);
  if (problems.length > 0) throw new Error(`not sent: ${problems.join('; ')}`);
  // The client retries rate-limited calls itself (chat.postMessage allows about 1 message/second per channel).
  const slack = new WebClient(token, { retryConfig: { retries: 3 } });
  let channel = m.target;
  if (m.target.startsWith('U')) {
    const dm = await slack.conversations.open({ users: m.target });
    if (!dm.ok || !dm.channel?.id) throw new Error(`could not open a DM: ${dm.error ?? 'unknown error'}`);
    channel = dm.channel.id;
  }
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: m.text } }];
  const res = await slack.chat.postMessage({ channel, text: m.text, blocks, unfurl_links: false });
  if (!res.ok || !res.ts) throw new Error(`Slack error: ${res.error ?? 'no timestamp returned'}`);
  return { provider: 'slack', channel: res.channel ?? channel, ts: res.ts };
}

export async function recordDelivery(client: Personize, m: SlackMessage, result: DeliveryResult): Promise<void> {
  if (!m.aboutEmail) return; // internal post not tied to a contact: nothing to remember
  await client.memory.memorize({
    email: m.aboutEmail,
    content: `[SLACK SENT] ${new Date().toISOString()} campaign ${m.campaign}, channel ${result.channel}, ts ${result.ts}.\n\n${m.text}`,
    speaker: 'delivery',
    enhanced: true,
    tags: ['delivery', 'channel:slack', 'provider:slack', `campaign:${m.campaign}`],
  });
}
