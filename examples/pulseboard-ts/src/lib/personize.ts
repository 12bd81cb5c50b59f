import { Personize } from '@personize/sdk';

// TODO(jan): move the key check somewhere central, this throws at import time in tests
const client = new Personize({ secretKey: process.env.PERSONIZE_SECRET_KEY! });

/** Remember who signed up and what they told us, so onboarding can be tailored later. */
export async function memorizeSignup(user: { email: string; name: string | null }, workspaceName: string, role?: string) {
  const res = await client.memory.memorize({
    email: user.email,
    content: `${user.name ?? user.email} signed up and created the workspace "${workspaceName}". Role: ${role ?? 'unknown'}.`,
    speaker: 'pulseboard-signup',
    enhanced: true,
  });
  return res.data;
}
