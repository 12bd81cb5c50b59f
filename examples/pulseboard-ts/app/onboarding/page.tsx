import { redirect } from 'next/navigation';
import { OnboardingChecklist } from '@/components/onboarding/OnboardingChecklist';
import { getCurrentUser } from '@/lib/auth';
import { db } from '@/lib/db';

export default async function OnboardingPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: user.workspaceId },
    include: { _count: { select: { surveys: true, contacts: true, memberships: true } } },
  });
  return (
    <OnboardingChecklist
      firstName={user.name?.split(' ')[0] ?? null}
      hasSurvey={workspace._count.surveys > 0}
      hasContacts={workspace._count.contacts > 0}
      hasTeammates={workspace._count.memberships > 1}
      slackConnected={Boolean(workspace.slackChannelId)}
    />
  );
}
