import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/auth';
import { db } from '@/lib/db';
import { summarizeResponses } from '@/lib/openai';
import { canUseAiSummaries } from '@/lib/plans';

export async function POST(_request: Request, { params }: { params: { id: string } }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });

  const survey = await db.survey.findFirst({
    where: { id: params.id, workspaceId: user.workspaceId },
    include: { workspace: true, responses: { select: { score: true, comment: true } } },
  });
  if (!survey) return NextResponse.json({ error: 'Not found' }, { status: 404 });
  if (!canUseAiSummaries(survey.workspace.plan)) {
    return NextResponse.json({ error: 'AI summaries are available on Pro' }, { status: 402 });
  }

  const summary = await summarizeResponses(survey.title, survey.responses);
  return NextResponse.json({ summary });
}
