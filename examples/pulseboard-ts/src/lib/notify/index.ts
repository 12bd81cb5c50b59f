import { db } from '../db';
import { postToSlackChannel } from './slack';
import { sendSms } from './sms';

export { postInternalAlert, postToSlackChannel } from './slack';
export { sendSms } from './sms';

export type WorkspaceAlert = { workspaceId: string; text: string; urgent?: boolean };

/** Fan an alert out to every channel the workspace has connected. */
export async function notifyWorkspace(alert: WorkspaceAlert) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: alert.workspaceId } });
  const deliveries: Promise<unknown>[] = [];
  if (workspace.slackChannelId) {
    deliveries.push(postToSlackChannel(workspace.slackChannelId, alert.text));
  }
  if (alert.urgent && workspace.alertPhone) {
    deliveries.push(sendSms(workspace.alertPhone, alert.text));
  }
  await Promise.allSettled(deliveries);
}
