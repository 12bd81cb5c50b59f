import { Router } from 'express';
import { db } from '../lib/db';
import { sendExportReadyEmail } from '../lib/mail';
import { authenticate } from '../middleware/auth';

export const exportsRouter = Router();

exportsRouter.post('/exports', authenticate, async (req, res) => {
  const user = req.user!;
  const responses = await db.response.findMany({
    where: { survey: { workspaceId: user.workspaceId } },
    include: { contact: true, survey: { select: { title: true } } },
  });
  const csv = [
    'survey,email,score,comment,created_at',
    ...responses.map((r) =>
      [r.survey.title, r.contact?.email ?? '', r.score, JSON.stringify(r.comment ?? ''), r.createdAt.toISOString()].join(','),
    ),
  ].join('\n');
  const url = await uploadToBucket(`exports/${user.workspaceId}/${Date.now()}.csv`, csv);
  await sendExportReadyEmail(user.email, url);
  res.status(202).json({ rows: responses.length });
});

async function uploadToBucket(key: string, body: string): Promise<string> {
  const res = await fetch(`${process.env.EXPORT_BUCKET_URL}/${key}`, { method: 'PUT', body });
  if (!res.ok) throw new Error(`upload failed: ${res.status}`);
  return `${process.env.EXPORT_BUCKET_PUBLIC_URL}/${key}`;
}
