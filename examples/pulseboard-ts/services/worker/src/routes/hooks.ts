import crypto from 'node:crypto';
import express, { Router } from 'express';
import { PostHog } from 'posthog-node';
import { db } from '../lib/db';

export const hooksRouter = Router();
const posthog = new PostHog(process.env.POSTHOG_API_KEY ?? '');

function verifyHubspotSignature(raw: Buffer, signature: string | undefined) {
  const expected = crypto
    .createHash('sha256')
    .update((process.env.HUBSPOT_CLIENT_SECRET ?? '') + raw.toString('utf8'))
    .digest('hex');
  return signature === expected;
}

/** HubSpot CRM sends contact property changes here so segments stay in sync. */
hooksRouter.post('/webhooks/hubspot', express.raw({ type: 'application/json' }), async (req, res) => {
  if (!verifyHubspotSignature(req.body, req.header('x-hubspot-signature'))) {
    return res.status(401).end();
  }
  const events = JSON.parse(req.body.toString('utf8')) as {
    objectId: number;
    propertyName: string;
    propertyValue: string;
    portalId: number;
  }[];
  for (const ev of events) {
    if (ev.propertyName !== 'lifecyclestage') continue;
    await db.contact.updateMany({ where: { externalId: String(ev.objectId) }, data: { segment: ev.propertyValue } });
    posthog.capture({ distinctId: `hubspot:${ev.objectId}`, event: 'crm stage changed', properties: { stage: ev.propertyValue } });
  }
  return res.status(204).end();
});
