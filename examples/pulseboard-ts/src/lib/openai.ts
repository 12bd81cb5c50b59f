import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export type ResponseForSummary = { score: number; comment: string | null };

/** Turns a pile of free-text NPS comments into three themes for the survey report. */
export async function summarizeResponses(surveyTitle: string, responses: ResponseForSummary[]) {
  const comments = responses
    .filter((r) => r.comment && r.comment.trim().length > 0)
    .slice(0, 200)
    .map((r) => `[${r.score}] ${r.comment}`)
    .join('\n');
  if (!comments) return null;

  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    temperature: 0.2,
    messages: [
      {
        role: 'system',
        content: 'You summarise NPS survey comments for a B2B product team. Return three short themes with one quote each.',
      },
      { role: 'user', content: `Survey: ${surveyTitle}\n\n${comments}` },
    ],
  });
  return completion.choices[0]?.message?.content ?? null;
}
