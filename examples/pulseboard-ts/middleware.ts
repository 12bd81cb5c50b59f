import { withAuth } from 'next-auth/middleware';
import { NextResponse } from 'next/server';

// Runs on the edge before every app page: forwards the signed-in user's id to
// server components as a header so layouts can load per-user data without re-reading the session.
export default withAuth(
  function middleware(req) {
    const headers = new Headers(req.headers);
    const userId = (req.nextauth.token?.sub as string | undefined) ?? '';
    headers.set('x-pulseboard-user', userId);
    return NextResponse.next({ request: { headers } });
  },
  { pages: { signIn: '/login' } },
);

export const config = {
  matcher: ['/dashboard/:path*', '/onboarding/:path*', '/surveys/:path*', '/settings/:path*'],
};
