import { WebClient } from '@slack/web-api';

const slack = new WebClient(process.env.SLACK_BOT_TOKEN);

/** Posts into the customer's connected Slack channel (bot installed via OAuth). */
export async function postToSlackChannel(channelId: string, text: string, blocks?: unknown[]) {
  const result = await slack.chat.postMessage({ channel: channelId, text, blocks: blocks as never });
  return result.ts;
}

/** Our own #alerts channel, through an incoming webhook (no bot needed). */
export async function postInternalAlert(text: string) {
  const url = process.env.SLACK_ALERTS_WEBHOOK_URL;
  if (!url) return;
  await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
  });
}
