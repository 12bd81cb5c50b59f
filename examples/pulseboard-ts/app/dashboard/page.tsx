import { redirect } from 'next/navigation';
import { DashboardOverview } from '@/components/dashboard/DashboardOverview';
import { EmptyState } from '@/components/EmptyState';
import { UpgradeBanner } from '@/components/UpgradeBanner';
import { getCurrentUser } from '@/lib/auth';
import { db } from '@/lib/db';

export default async function DashboardPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/login');

  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: user.workspaceId },
    include: { surveys: { include: { responses: { select: { score: true, createdAt: true } } } } },
  });

  if (workspace.surveys.length === 0) {
    return (
      <EmptyState
        title="No surveys yet"
        body="Send your first NPS survey to hear from your customers."
        actionHref="/surveys/new"
        actionLabel="Create a survey"
      />
    );
  }

  return (
    <main className="space-y-6 p-8">
      <UpgradeBanner plan={workspace.plan} surveyCount={workspace.surveys.length} />
      <DashboardOverview workspace={workspace} surveys={workspace.surveys} />
    </main>
  );
}
