import twilio from 'twilio';

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

export async function sendSms(to: string, body: string) {
  // Twilio caps a single segment at 160 GSM chars; we trim rather than pay for two.
  const message = await client.messages.create({
    from: process.env.TWILIO_FROM_NUMBER,
    to,
    body: body.length > 160 ? `${body.slice(0, 157)}...` : body,
  });
  return message.sid;
}
