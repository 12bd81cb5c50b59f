'use client';

import { signIn } from 'next-auth/react';

export default function LoginPage() {
  return (
    <main className="mx-auto max-w-sm py-24">
      <h1 className="text-2xl font-semibold">Sign in to Pulseboard</h1>
      <button className="btn mt-6 w-full" onClick={() => signIn('google', { callbackUrl: '/dashboard' })}>
        Continue with Google
      </button>
    </main>
  );
}
