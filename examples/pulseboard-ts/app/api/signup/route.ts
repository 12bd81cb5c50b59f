import { NextResponse } from 'next/server';
import { z } from 'zod';
import { identify, track } from '@/lib/analytics';
import { db } from '@/lib/db';
import { sendEmail, welcomeEmail } from '@/lib/email';
import { memorizeSignup } from '@/lib/personize';
import { stripe } from '@/lib/stripe';

const SignupBody = z.object({
  email: z.string().email(),
  name: z.string().min(1).max(120).optional(),
  workspaceName: z.string().min(2).max(80),
  role: z.string().max(80).optional(),
  referrer: z.string().optional(),
});

function slugify(name: string) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '').slice(0, 40);
}

export async function POST(request: Request) {
  const parsed = SignupBody.safeParse(await request.json());
  if (!parsed.success) return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });
  const body = parsed.data;

  const customer = await stripe.customers.create({ email: body.email, name: body.workspaceName });
  const user = await db.user.create({
    data: {
      email: body.email,
      name: body.name,
      jobTitle: body.role,
      memberships: {
        create: {
          role: 'OWNER',
          workspace: {
            create: {
              name: body.workspaceName,
              slug: `${slugify(body.workspaceName)}-${Date.now().toString(36)}`,
              subscription: { create: { stripeCustomerId: customer.id } },
            },
          },
        },
      },
    },
  });

  identify(user.id, { email: user.email, name: user.name, role: body.role });
  track(user.id, 'signed up', { referrer: body.referrer ?? null });

  const { subject, html } = welcomeEmail(user.name);
  await sendEmail({ to: user.email, subject, html, tags: [{ name: 'type', value: 'welcome' }] });

  await memorizeSignup(user, body.workspaceName, body.role);

  return NextResponse.json({ id: user.id }, { status: 201 });
}
