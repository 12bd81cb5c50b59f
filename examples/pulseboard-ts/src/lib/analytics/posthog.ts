import { PostHog } from 'posthog-node';

export const posthog = new PostHog(process.env.POSTHOG_API_KEY ?? 'phc_dev', {
  host: 'https://eu.i.posthog.com',
  flushAt: 1,
  flushInterval: 0,
});

type Props = Record<string, string | number | boolean | null | undefined>;

/** Server-side product analytics. Keep event names in past tense: "survey launched". */
export function track(userId: string, event: string, properties: Props = {}) {
  posthog.capture({ distinctId: userId, event, properties });
}

export function identify(userId: string, traits: Props) {
  posthog.identify({ distinctId: userId, properties: traits });
}
