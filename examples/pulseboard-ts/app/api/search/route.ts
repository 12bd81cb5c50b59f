import { NextResponse, type NextRequest } from 'next/server';
import { track } from '@/lib/analytics';
import { getCurrentUser } from '@/lib/auth';
import { searchWorkspace } from '@/lib/search';

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });

  const q = request.nextUrl.searchParams.get('q')?.trim() ?? '';
  if (q.length < 2) return NextResponse.json({ surveys: [], responses: [] });

  const results = await searchWorkspace(user.workspaceId, q);
  track(user.id, 'searched', { length: q.length, hits: results.responses.length });
  return NextResponse.json(results);
}
