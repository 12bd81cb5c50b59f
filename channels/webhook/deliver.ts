/**
 * Deliver generated content to any HTTPS endpoint as a signed JSON webhook, with retries,
 * and record the delivery in Personize memory. Uses only Node built-ins (fetch, crypto).
 *
 * Signature scheme (the webhook-receiver recipe verifies exactly this):
 *   X-Timestamp: <unix seconds>
 *   X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret>
 *   Idempotency-Key: <stable id of this delivery>, identical on every retry
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Personize } from '@personize/sdk';

export interface WebhookDelivery {
  url: string;
  /** The JSON payload, e.g. { email, channel, subject, body }. */
  payload: Record<string, unknown>;
  campaign: string;
  /** The contact the payload is about: the delivery is remembered on them. */
  email: string;
  /** Stable across retries so the receiver can drop duplicates; generated when omitted. */
  deliveryId?: string;
}

export interface DeliveryResult { provider: 'webhook'; status: number; attempts: number; deliveryId: string }

const MAX_ATTEMPTS = 5;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** 408, 429 and 5xx are worth retrying; other 4xx mean the request itself is wrong. */
const retryable = (status: number): boolean => status === 408 || status === 429 || status >= 500;

export async function deliverWebhook(d: WebhookDelivery): Promise<DeliveryResult> {
  const secret = process.env.WEBHOOK_SIGNING_SECRET;
  if (!secret) throw new Error('set WEBHOOK_SIGNING_SECRET (shared with the receiver)');
  if (!/^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(d.url)) throw new Error('webhook URLs must be https (plain http only to localhost)');
  const deliveryId = d.deliveryId ?? randomUUID();
  const body = JSON.stringify({ id: deliveryId, ...d.payload });
  let lastError = '';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const timestamp = String(Math.floor(Date.now() / 1000)); // fresh per attempt: receivers reject stale ones
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, 'x-signature': signature(secret, timestamp, body), 'idempotency-key': deliveryId },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return { provider: 'webhook', status: res.status, attempts: attempt, deliveryId };
      lastError = `HTTP ${res.status}`;
      if (!retryable(res.status)) break;
      const retryAfter = Number(res.headers.get('retry-after'));
      if (Number.isFinite(retryAfter) && retryAfter > 0) { await sleep(Math.min(retryAfter, 300) * 1000); continue; }
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err); // network error or timeout
    }
    if (attempt < MAX_ATTEMPTS) await sleep(2 ** (attempt - 1) * 1000 + Math.random() * 250); // 1, 2, 4, 8 s + jitter
  }
  throw new Error(`webhook delivery ${deliveryId} failed: ${lastError}`);
}

export async function recordDelivery(client: Personize, d: WebhookDelivery, result: DeliveryResult): Promise<void> {
  await client.memory.memorize({
    email: d.email,
    content: `[WEBHOOK DELIVERED] ${new Date().toISOString()} campaign ${d.campaign}, delivery ${result.deliveryId} to ${new URL(d.url).host} (HTTP ${result.status}).\n\n${JSON.stringify(d.payload)}`,
    speaker: 'delivery',
    enhanced: true,
    tags: ['delivery', 'channel:webhook', 'provider:webhook', `campaign:${d.campaign}`],
  });
}
