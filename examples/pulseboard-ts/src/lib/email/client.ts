import { Resend } from 'resend';

export const resend = new Resend(process.env.RESEND_API_KEY);

export const DEFAULT_FROM = process.env.EMAIL_FROM ?? 'Pulseboard <hello@pulseboard.app>';
