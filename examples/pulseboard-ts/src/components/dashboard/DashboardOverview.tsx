import Link from 'next/link';
import type { Plan } from '@prisma/client';
import { NpsChart } from '../NpsChart';

type SurveyWithScores = {
  id: string;
  title: string;
  status: string;
  responses: { score: number; createdAt: Date }[];
};

type Props = { workspace: { name: string; plan: Plan }; surveys: SurveyWithScores[] };

function nps(scores: number[]) {
  if (!scores.length) return null;
  const p = scores.filter((s) => s >= 9).length;
  const d = scores.filter((s) => s <= 6).length;
  return Math.round(((p - d) / scores.length) * 100);
}

function weeklyPoints(surveys: SurveyWithScores[]) {
  const byWeek = new Map<string, number[]>();
  for (const s of surveys) {
    for (const r of s.responses) {
      const week = r.createdAt.toISOString().slice(0, 10);
      byWeek.set(week, [...(byWeek.get(week) ?? []), r.score]);
    }
  }
  return [...byWeek.entries()].sort().slice(-12).map(([week, scores]) => ({ week, nps: nps(scores) }));
}

export function DashboardOverview({ workspace, surveys }: Props) {
  const all = surveys.flatMap((s) => s.responses.map((r) => r.score));
  let insightPanel: JSX.Element;
  if (workspace.plan === 'PRO') {
    insightPanel = <p className="text-sm">AI themes refresh every Monday. Open a survey to see them.</p>;
  } else {
    insightPanel = <p className="text-sm text-gray-500">Upgrade to Pro to see AI themes from comments.</p>;
  }
  return (
    <section>
      <h1 className="text-2xl font-semibold">{workspace.name}</h1>
      <div className="mt-4 grid grid-cols-3 gap-4">
        <div className="card">
          <div className="text-4xl font-bold">{nps(all) ?? '–'}</div>
          <div className="text-xs uppercase text-gray-500">NPS, all time</div>
        </div>
        <div className="card">
          <div className="text-4xl font-bold">{all.length}</div>
          <div className="text-xs uppercase text-gray-500">responses</div>
        </div>
        <div className="card">{insightPanel}</div>
      </div>
      <NpsChart points={weeklyPoints(surveys)} />
      <ul className="mt-6 divide-y">
        {surveys.map((s) => (
          <li key={s.id} className="flex justify-between py-2">
            <Link href={`/surveys/${s.id}`}>{s.title}</Link>
            <span className="text-sm text-gray-500">{s.status.toLowerCase()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
