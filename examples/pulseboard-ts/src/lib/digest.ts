import { db } from './db';
import { sendEmail } from './email';
import { logger } from './logger';

function npsOf(scores: number[]) {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return Math.round(((promoters - detractors) / scores.length) * 100);
}

export async function buildWeeklyDigest(workspaceId: string, since: Date) {
  const responses = await db.response.findMany({
    where: { survey: { workspaceId }, createdAt: { gte: since } },
    select: { score: true, comment: true },
  });
  const nps = npsOf(responses.map((r) => r.score));
  const quotes = responses.filter((r) => r.comment).slice(0, 3).map((r) => r.comment as string);
  return { count: responses.length, nps, quotes };
}

/** Monday-morning summary to every opted-in member of the workspace. */
export async function sendWeeklyDigest(workspaceId: string) {
  const since = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  const digest = await buildWeeklyDigest(workspaceId, since);
  if (digest.count === 0) return 0;

  const members = await db.membership.findMany({
    where: { workspaceId, user: { digestOptIn: true } },
    include: { user: true, workspace: true },
  });
  for (const m of members) {
    await sendEmail({
      to: m.user.email,
      subject: `${m.workspace.name}: NPS ${digest.nps ?? '–'} from ${digest.count} responses this week`,
      html: `<p>Hi ${m.user.name ?? 'there'},</p><ul>${digest.quotes.map((q) => `<li>${q}</li>`).join('')}</ul>`,
      tags: [{ name: 'type', value: 'digest' }],
    });
  }
  logger.info('weekly digest sent', { workspaceId, recipients: members.length });
  return members.length;
}
