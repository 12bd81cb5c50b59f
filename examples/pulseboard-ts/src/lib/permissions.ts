import { NextResponse } from 'next/server';
import type { CurrentUser } from './auth';

export class ForbiddenError extends Error {}

/** Admin-only endpoints call this first; it never changes what anyone sees, it only refuses. */
export function requireAdmin(user: CurrentUser | null): asserts user is CurrentUser {
  if (!user || (user.role !== 'OWNER' && user.role !== 'ADMIN')) {
    throw new ForbiddenError('admin role required');
  }
}

export function forbidden(message = 'Forbidden') {
  return NextResponse.json({ error: message }, { status: 403 });
}
