import { db } from '../lib/db';
import { postSlackWebhook, textAccountOwner } from '../lib/alerts';

/** Workspaces whose NPS dropped by 20+ points week over week get a heads-up. */
export async function runChurnAlerts() {
  const workspaces = await db.workspace.findMany({
    where: { plan: { in: ['PRO', 'ENTERPRISE'] } },
    include: { surveys: { include: { responses: true } } },
  });
  const weekAgo = Date.now() - 7 * 864e5;
  for (const ws of workspaces) {
    const scores = ws.surveys.flatMap((s) => s.responses);
    const thisWeek = scores.filter((r) => r.createdAt.getTime() >= weekAgo).map((r) => r.score);
    const before = scores.filter((r) => r.createdAt.getTime() < weekAgo).map((r) => r.score);
    const drop = average(before) - average(thisWeek);
    if (!Number.isFinite(drop) || drop < 2) continue;
    const text = `NPS for ${ws.name} fell ${drop.toFixed(1)} points this week.`;
    const webhook = process.env[`SLACK_WEBHOOK_${ws.slug.toUpperCase().replace(/-/g, '_')}`];
    if (webhook) await postSlackWebhook(webhook, text);
    if (ws.alertPhone) await textAccountOwner(ws.alertPhone, text);
  }
}

function average(xs: number[]) {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}
