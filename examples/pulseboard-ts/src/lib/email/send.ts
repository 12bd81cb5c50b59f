import { DEFAULT_FROM, resend } from './client';

export type OutgoingEmail = {
  to: string | string[];
  subject: string;
  html: string;
  text?: string;
  replyTo?: string;
  tags?: { name: string; value: string }[];
};

export class EmailDeliveryError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
  }
}

/**
 * Every transactional email goes through here so we have one place for the
 * from-address, tagging and error translation.
 */
export async function sendEmail(email: OutgoingEmail): Promise<string> {
  const { data, error } = await resend.emails.send({
    from: DEFAULT_FROM,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    reply_to: email.replyTo,
    tags: email.tags,
  });
  if (error || !data) {
    throw new EmailDeliveryError(`Resend rejected "${email.subject}"`, error);
  }
  return data.id;
}
