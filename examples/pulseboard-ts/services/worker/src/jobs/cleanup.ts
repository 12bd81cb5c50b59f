import { db } from '../lib/db';

/** Expired invites and API tokens pile up; prune them nightly. */
export async function pruneExpired(now = new Date()) {
  const [invites, tokens] = await Promise.all([
    db.invite.deleteMany({ where: { acceptedAt: null, expiresAt: { lt: now } } }),
    db.apiToken.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return { invites: invites.count, tokens: tokens.count };
}
