import { NextResponse } from 'next/server';
import { z } from 'zod';
import { posthog } from '@/lib/analytics';
import { db } from '@/lib/db';
import { notifyWorkspace } from '@/lib/notify';

const ResponseBody = z.object({
  score: z.number().int().min(0).max(10),
  comment: z.string().max(5000).optional(),
  contactId: z.string().optional(),
});

/** Public endpoint the hosted survey page posts to. No session: respondents are our customers' customers. */
export async function POST(request: Request, { params }: { params: { id: string } }) {
  const body = ResponseBody.parse(await request.json());
  const survey = await db.survey.findUnique({ where: { id: params.id } });
  if (!survey || survey.status !== 'LIVE') return NextResponse.json({ error: 'Survey closed' }, { status: 410 });

  const response = await db.response.create({
    data: { surveyId: survey.id, contactId: body.contactId, score: body.score, comment: body.comment },
  });

  posthog.capture({
    distinctId: body.contactId ?? `anon:${response.id}`,
    event: 'survey answered',
    properties: { surveyId: survey.id, score: body.score, hasComment: Boolean(body.comment) },
  });

  if (body.score <= 6) {
    await notifyWorkspace({
      workspaceId: survey.workspaceId,
      text: `New detractor (${body.score}/10) on "${survey.title}": ${body.comment ?? 'no comment'}`,
      urgent: body.score <= 2,
    });
  }
  return NextResponse.json({ id: response.id }, { status: 201 });
}
