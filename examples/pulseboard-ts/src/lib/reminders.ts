import { db } from './db';
import { mailer } from './email';

const APP_URL = process.env.NEXTAUTH_URL ?? 'http://localhost:3000';

/** Contacts who were sent a live survey more than two days ago and still haven't answered. */
export async function remindNonResponders(now = new Date()) {
  const surveys = await db.survey.findMany({
    where: { status: 'LIVE', channel: 'EMAIL', OR: [{ closesAt: null }, { closesAt: { gt: now } }] },
    include: { workspace: { include: { contacts: { include: { responses: true } } } } },
  });
  let sent = 0;
  for (const survey of surveys) {
    const pending = survey.workspace.contacts.filter(
      (c) => !c.responses.some((r) => r.surveyId === survey.id),
    );
    for (const contact of pending) {
      await mailer.sendSurveyReminder(contact.email, survey.title, `${APP_URL}/r/${survey.id}?c=${contact.id}`);
      sent += 1;
    }
  }
  return sent;
}
