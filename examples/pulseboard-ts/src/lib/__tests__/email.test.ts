import { beforeEach, describe, expect, it, vi } from 'vitest';

const send = vi.fn();
vi.mock('../email/client', () => ({ resend: { emails: { send } }, DEFAULT_FROM: 'test@pulseboard.app' }));

import { EmailDeliveryError, sendEmail } from '../email/send';
import { MailerService } from '../email/mailer-service';

describe('sendEmail', () => {
  beforeEach(() => send.mockReset());

  it('returns the provider id', async () => {
    send.mockResolvedValue({ data: { id: 'em_123' }, error: null });
    await expect(sendEmail({ to: 'a@b.co', subject: 'Hi', html: '<p>Hi</p>' })).resolves.toBe('em_123');
  });

  it('wraps provider errors', async () => {
    send.mockResolvedValue({ data: null, error: { message: 'bad' } });
    await expect(sendEmail({ to: 'a@b.co', subject: 'Hi', html: '' })).rejects.toBeInstanceOf(EmailDeliveryError);
  });

  it('sends invites with a link', async () => {
    send.mockResolvedValue({ data: { id: 'em_9' }, error: null });
    await new MailerService('https://app.test').sendInvite('x@y.co', 'Ana', 'Acme', 'inv_1');
    expect(send.mock.calls[0][0].html).toContain('https://app.test/invites/inv_1');
  });
});
