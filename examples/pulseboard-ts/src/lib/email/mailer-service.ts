import { sendEmail } from './send';
import { inviteEmail, reminderEmail } from './templates';

/** Team and survey emails; wraps sendEmail with app URLs and tags. */
export class MailerService {
  constructor(private readonly appUrl: string = process.env.NEXTAUTH_URL ?? 'http://localhost:3000') {}

  async sendInvite(to: string, inviter: string, workspaceName: string, inviteId: string) {
    const { subject, html } = inviteEmail(inviter, workspaceName, `${this.appUrl}/invites/${inviteId}`);
    return sendEmail({ to, subject, html, tags: [{ name: 'type', value: 'invite' }] });
  }

  async sendSurveyReminder(to: string, surveyTitle: string, responseLink: string) {
    const { subject, html } = reminderEmail(surveyTitle, responseLink);
    return sendEmail({ to, subject, html, tags: [{ name: 'type', value: 'reminder' }] });
  }
}

export const mailer = new MailerService();
