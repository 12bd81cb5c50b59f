import Link from 'next/link';
import type { Plan } from '@prisma/client';
import { PLAN_LIMITS } from '@/lib/plans';

export function UpgradeBanner({ plan, surveyCount }: { plan: Plan; surveyCount: number }) {
  let message: string;
  if (plan === 'PRO' || plan === 'ENTERPRISE') {
    message = 'Tip: turn on AI summaries in survey settings to get weekly themes.';
  } else if (surveyCount >= PLAN_LIMITS[plan].surveys) {
    message = `You've used all ${PLAN_LIMITS[plan].surveys} surveys on your plan. Upgrade to Pro for 50.`;
  } else {
    message = 'Pro teams get AI summaries of every comment. Try it free for 14 days.';
  }
  return (
    <div className="rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-900">
      {message} <Link href="/settings/billing">Plans</Link>
    </div>
  );
}
