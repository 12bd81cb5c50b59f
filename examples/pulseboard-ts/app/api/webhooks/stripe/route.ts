import type Stripe from 'stripe';
import { headers } from 'next/headers';
import { NextResponse } from 'next/server';
import { track } from '@/lib/analytics';
import { db } from '@/lib/db';
import { postInternalAlert } from '@/lib/notify';
import { PRICE_TO_PLAN, stripe } from '@/lib/stripe';

export const runtime = 'nodejs';

async function applySubscription(sub: Stripe.Subscription) {
  const priceId = sub.items.data[0]?.price.id ?? '';
  const plan = PRICE_TO_PLAN[priceId] ?? 'FREE';
  const status = sub.status === 'active' ? 'ACTIVE' : sub.status === 'past_due' ? 'PAST_DUE' : sub.status === 'trialing' ? 'TRIALING' : 'CANCELED';
  const record = await db.subscription.update({
    where: { stripeCustomerId: sub.customer as string },
    data: {
      stripeSubscriptionId: sub.id,
      plan,
      status,
      seats: sub.items.data[0]?.quantity ?? 1,
      currentPeriodEnd: new Date(sub.current_period_end * 1000),
      cancelAtPeriodEnd: sub.cancel_at_period_end,
      workspace: { update: { plan } },
    },
  });
  track(record.workspaceId, 'plan changed', { plan, status });
}

export async function POST(request: Request) {
  const payload = await request.text();
  const signature = headers().get('stripe-signature') ?? '';

  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(payload, signature, process.env.STRIPE_WEBHOOK_SECRET ?? '');
  } catch (err) {
    return NextResponse.json({ error: `Invalid signature: ${(err as Error).message}` }, { status: 400 });
  }

  switch (event.type) {
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
      await applySubscription(event.data.object);
      break;
    case 'customer.subscription.deleted':
      await applySubscription({ ...event.data.object, status: 'canceled' });
      await postInternalAlert(`:wave: churn: ${event.data.object.customer}`);
      break;
    case 'invoice.payment_failed':
      await postInternalAlert(`:warning: payment failed for ${event.data.object.customer_email}`);
      break;
    default:
      break;
  }
  return NextResponse.json({ received: true });
}
