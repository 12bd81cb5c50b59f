import type { Plan } from '@prisma/client';

export const PLAN_LIMITS: Record<Plan, { surveys: number; responsesPerMonth: number; aiSummaries: boolean }> = {
  FREE: { surveys: 1, responsesPerMonth: 100, aiSummaries: false },
  STARTER: { surveys: 5, responsesPerMonth: 2_000, aiSummaries: false },
  PRO: { surveys: 50, responsesPerMonth: 25_000, aiSummaries: true },
  ENTERPRISE: { surveys: Infinity, responsesPerMonth: Infinity, aiSummaries: true },
};

export function canUseAiSummaries(plan: Plan) {
  return PLAN_LIMITS[plan].aiSummaries;
}
