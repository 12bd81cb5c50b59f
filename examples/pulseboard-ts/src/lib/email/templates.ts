// Plain string templates; the design team edits copy here without touching delivery code.

const footer = `<p style="color:#888;font-size:12px">Pulseboard · 548 Market St, San Francisco</p>`;

export function welcomeEmail(name: string | null) {
  return {
    subject: 'Welcome to Pulseboard',
    html: `<h1>Hi ${name ?? 'there'} 👋</h1><p>Your workspace is ready. Launch your first NPS survey in under five minutes.</p>${footer}`,
  };
}

export function inviteEmail(inviter: string, workspace: string, acceptUrl: string) {
  return {
    subject: `${inviter} invited you to ${workspace} on Pulseboard`,
    html: `<p>${inviter} wants you to join <b>${workspace}</b>.</p><p><a href="${acceptUrl}">Accept invite</a></p>${footer}`,
  };
}

export function reminderEmail(surveyTitle: string, link: string) {
  return {
    subject: `Quick favour: ${surveyTitle}`,
    html: `<p>We'd love your feedback — it takes 30 seconds.</p><p><a href="${link}">Answer the survey</a></p>${footer}`,
  };
}

/**
 * Despite the name this only builds the preview HTML shown in the survey editor;
 * nothing is delivered.
 */
export function sendPreviewHtml(surveyTitle: string, question: string): string {
  return `<div class="preview"><h3>${surveyTitle}</h3><p>${question}</p>${footer}</div>`;
}
