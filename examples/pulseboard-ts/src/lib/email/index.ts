export { sendEmail, EmailDeliveryError } from './send';
export type { OutgoingEmail } from './send';
export { MailerService, mailer } from './mailer-service';
export * from './templates';
