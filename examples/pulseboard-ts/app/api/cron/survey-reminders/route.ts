import { NextResponse } from 'next/server';
import { remindNonResponders } from '@/lib/reminders';

// Vercel Cron, every six hours.
export async function GET(request: Request) {
  if (request.headers.get('authorization') !== `Bearer ${process.env.CRON_SECRET}`) {
    return new NextResponse('Unauthorized', { status: 401 });
  }
  const sent = await remindNonResponders();
  return NextResponse.json({ sent });
}
