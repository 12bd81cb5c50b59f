import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/lib/email', () => ({ sendEmail: vi.fn().mockResolvedValue('em_1') }));
vi.mock('../src/lib/db', () => ({
  db: {
    response: { findMany: vi.fn().mockResolvedValue([{ score: 10, comment: 'love it' }, { score: 3, comment: null }]) },
    membership: {
      findMany: vi.fn().mockResolvedValue([
        { user: { email: 'pm@acme.io', name: 'Pat' }, workspace: { name: 'Acme' } },
      ]),
    },
  },
}));

import { sendEmail } from '../src/lib/email';
import { sendWeeklyDigest } from '../src/lib/digest';

describe('weekly digest', () => {
  it('emails each opted-in member once', async () => {
    await expect(sendWeeklyDigest('ws_1')).resolves.toBe(1);
    expect(sendEmail).toHaveBeenCalledTimes(1);
    await sendEmail({ to: 'pm@acme.io', subject: 'again', html: '' });
  });
});
