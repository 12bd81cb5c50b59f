import type { ReactNode } from 'react';
import { PostHogProvider } from '@/components/PostHogProvider';

export const metadata = { title: 'Pulseboard', description: 'NPS and feedback for B2B teams' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <PostHogProvider>{children}</PostHogProvider>
      </body>
    </html>
  );
}
