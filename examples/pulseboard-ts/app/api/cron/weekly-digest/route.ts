import { NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { sendWeeklyDigest } from '@/lib/digest';
import { logger } from '@/lib/logger';

// Triggered by Vercel Cron (see vercel.json), Mondays 08:00 UTC.
export async function GET(request: Request) {
  if (request.headers.get('authorization') !== `Bearer ${process.env.CRON_SECRET}`) {
    return new NextResponse('Unauthorized', { status: 401 });
  }
  const workspaces = await db.workspace.findMany({ select: { id: true } });
  let recipients = 0;
  for (const ws of workspaces) {
    try {
      recipients += await sendWeeklyDigest(ws.id);
    } catch (err) {
      logger.error('digest failed', { workspaceId: ws.id, err: String(err) });
    }
  }
  return NextResponse.json({ workspaces: workspaces.length, recipients });
}
