'use client';

type Point = { week: string; nps: number | null };

export function NpsChart({ points }: { points: Point[] }) {
  const max = 100;
  return (
    <svg viewBox={`0 0 ${points.length * 40} 120`} className="h-32 w-full">
      {points.map((p, i) => (
        <rect
          key={p.week}
          x={i * 40 + 8}
          y={p.nps === null ? 60 : 60 - (p.nps / max) * 60}
          width={24}
          height={p.nps === null ? 0 : Math.abs((p.nps / max) * 60)}
          className={p.nps !== null && p.nps < 0 ? 'fill-rose-400' : 'fill-emerald-400'}
        />
      ))}
    </svg>
  );
}
