import twilio from 'twilio';

const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

/** Incoming-webhook post to a workspace's Slack; URL comes from the integration row. */
export async function postSlackWebhook(webhookUrl: string, text: string) {
  const res = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, unfurl_links: false }),
  });
  if (!res.ok) throw new Error(`slack webhook ${res.status}`);
}

export async function textAccountOwner(phone: string, body: string) {
  return sms.messages.create({ to: phone, from: process.env.TWILIO_FROM_NUMBER, body });
}
