import nodemailer from 'nodemailer';

// The worker talks SMTP directly (Resend's SMTP relay) so it doesn't depend on the web app.
const transporter = nodemailer.createTransport({
  host: 'smtp.resend.com',
  port: 465,
  secure: true,
  auth: { user: 'resend', pass: process.env.RESEND_API_KEY },
});

export async function sendExportReadyEmail(to: string, downloadUrl: string) {
  await transporter.sendMail({
    from: 'Pulseboard Exports <exports@pulseboard.app>',
    to,
    subject: 'Your Pulseboard export is ready',
    text: `Download it within 24 hours: ${downloadUrl}`,
  });
}
