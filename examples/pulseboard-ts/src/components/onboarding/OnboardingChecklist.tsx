'use client';

import Link from 'next/link';
import posthog from 'posthog-js';

type Props = {
  firstName: string | null;
  hasSurvey: boolean;
  hasContacts: boolean;
  hasTeammates: boolean;
  slackConnected: boolean;
};

const steps = [
  { key: 'hasSurvey', label: 'Create your first survey', href: '/surveys/new' },
  { key: 'hasContacts', label: 'Import contacts from CSV', href: '/contacts/import' },
  { key: 'hasTeammates', label: 'Invite a teammate', href: '/settings/team' },
  { key: 'slackConnected', label: 'Connect Slack for detractor alerts', href: '/settings/integrations' },
] as const;

export function OnboardingChecklist(props: Props) {
  const done = steps.filter((s) => props[s.key]).length;
  return (
    <main className="mx-auto max-w-xl py-16">
      <h1 className="text-2xl font-semibold">Welcome{props.firstName ? `, ${props.firstName}` : ''}!</h1>
      <p className="mt-1 text-gray-600">{done} of {steps.length} steps done.</p>
      <ol className="mt-8 space-y-3">
        {steps.map((step) => (
          <li key={step.key} className={props[step.key] ? 'line-through text-gray-400' : ''}>
            <Link href={step.href} onClick={() => posthog.capture('onboarding step clicked', { step: step.key })}>
              {step.label}
            </Link>
          </li>
        ))}
      </ol>
    </main>
  );
}
