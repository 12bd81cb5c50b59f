import { db } from './db';

/** Case-insensitive match over survey titles and response comments in one workspace. */
export async function searchWorkspace(workspaceId: string, q: string) {
  const [surveys, responses] = await Promise.all([
    db.survey.findMany({
      where: { workspaceId, title: { contains: q, mode: 'insensitive' } },
      take: 10,
    }),
    db.response.findMany({
      where: { survey: { workspaceId }, comment: { contains: q, mode: 'insensitive' } },
      take: 25,
      orderBy: { createdAt: 'desc' },
    }),
  ]);
  return { surveys, responses };
}
