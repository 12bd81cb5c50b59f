import Stripe from 'stripe';

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', {
  apiVersion: '2024-04-10',
  typescript: true,
});

export const PRICE_TO_PLAN: Record<string, 'STARTER' | 'PRO' | 'ENTERPRISE'> = {
  price_1PBstarterMonthly: 'STARTER',
  price_1PBproMonthly: 'PRO',
  price_1PBenterpriseAnnual: 'ENTERPRISE',
};
