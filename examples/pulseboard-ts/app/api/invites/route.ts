import { NextResponse } from 'next/server';
import { z } from 'zod';
import { track } from '@/lib/analytics';
import { getCurrentUser } from '@/lib/auth';
import { db } from '@/lib/db';
import { mailer } from '@/lib/email';
import { ForbiddenError, forbidden, requireAdmin } from '@/lib/permissions';

const InviteBody = z.object({
  email: z.string().email(),
  role: z.enum(['ADMIN', 'MEMBER', 'VIEWER']).default('MEMBER'),
});

export async function POST(request: Request) {
  const user = await getCurrentUser();
  try {
    requireAdmin(user);
  } catch (err) {
    if (err instanceof ForbiddenError) return forbidden();
    throw err;
  }

  const body = InviteBody.parse(await request.json());
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: user.workspaceId } });
  const invite = await db.invite.create({
    data: {
      workspaceId: workspace.id,
      email: body.email,
      role: body.role,
      invitedById: user.id,
      expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    },
  });

  await mailer.sendInvite(body.email, user.name ?? user.email, workspace.name, invite.id);
  track(user.id, 'teammate invited', { role: body.role });

  return NextResponse.json({ id: invite.id }, { status: 201 });
}
