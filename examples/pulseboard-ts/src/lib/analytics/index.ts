export { identify, posthog, track } from './posthog';
