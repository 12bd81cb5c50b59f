/**
 * Send a generated SMS through Twilio and record it in Personize memory.
 * npm install twilio @personize/sdk
 */
import twilio from 'twilio';
import type { Personize } from '@personize/sdk';

export interface SmsMessage {
  /** E.164, e.g. +14155550123. */
  to: string;
  /** Plain text, one segment: at most 160 GSM-7 characters. */
  body: string;
  campaign: string;
  /** Phone numbers are not memory identifiers: the delivery is remembered on this email. */
  email: string;
}

export interface DeliveryResult { provider: 'twilio'; sid: string; status: string }

const E164 = /^\+[1-9]\d{1,14}$/;
const GSM7 = /^[A-Za-z0-9 \r\n@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/;

export function checkSms(m: SmsMessage): string[] {
  const problems: string[] = [];
  if (!E164.test(m.to)) problems.push('recipient must be an E.164 number (+ and country code)');
  if (!m.body.trim()) problems.push('body is empty');
  if (/<\/?[a-z][^>]*>/i.test(m.body)) problems.push('SMS is plain text: no HTML');
  // Outside GSM-7 the message is sent as UCS-2, where one segment holds only 70 characters.
  const limit = GSM7.test(m.body) ? 160 : 70;
  if (m.body.length > limit) problems.push(`${m.body.length} characters (one segment holds ${limit})`);
  return problems;
}

export async function sendSms(m: SmsMessage): Promise<DeliveryResult> {
  const sid = process.env.TWILIO_ACCOUNT_SID;
  const token = process.env.TWILIO_AUTH_TOKEN;
  const from = process.env.TWILIO_FROM_NUMBER;
  const service = process.env.TWILIO_MESSAGING_SERVICE_SID;
  if (!sid || !token || !(from || service)) {
    throw new Error('set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER (or TWILIO_MESSAGING_SERVICE_SID)');
  }
  const problems = checkSms(m);
  if (problems.length > 0) throw new Error(`not sent: ${problems.join('; ')}`);
  const message = await twilio(sid, token).messages.create({
    to: m.to,
    body: m.body,
    ...(service ? { messagingServiceSid: service } : { from }),
    statusCallback: process.env.TWILIO_STATUS_CALLBACK_URL,
  });
  if (message.errorCode !== null) throw new Error(`Twilio error ${message.errorCode}: ${message.errorMessage ?? ''}`);
  return { provider: 'twilio', sid: message.sid, status: message.status };
}

export async function recordDelivery(client: Personize, m: SmsMessage, result: DeliveryResult): Promise<void> {
  await client.memory.memorize({
    email: m.email,
    content: `[SMS SENT via Twilio] ${new Date().toISOString()} campaign ${m.campaign}, message ${result.sid} (${result.status}).\n\n${m.body}`,
    speaker: 'delivery',
    enhanced: true,
    tags: ['delivery', 'channel:sms', 'provider:twilio', `campaign:${m.campaign}`],
  });
}
