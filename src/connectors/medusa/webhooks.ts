/**
 * Medusa v2 has no signed outbound webhooks built in: it emits events to subscribers inside the
 * Medusa process (https://docs.medusajs.com/learn/fundamentals/events-and-subscribers), and sending
 * them anywhere is custom code the merchant would have to write and sign. So there is nothing for
 * Concord to verify: `verifyWebhook` always refuses, clearly, and sync keeps Medusa fresh with
 * incremental reads (`updated_at[$gte]`, see `streams.ts`).
 *
 * @example
 * verifyMedusaWebhook() // throws ConcordError 'unsupported_webhooks'
 */
import { ConcordError } from '../../core/errors.js';
import type { WebhookEvent } from '../types.js';

export function verifyMedusaWebhook(): WebhookEvent {
  throw new ConcordError(
    'config',
    'unsupported_webhooks',
    'Medusa v2 sends no signed webhooks; Concord syncs Medusa with incremental reads instead',
    { detail: { vendor: 'medusa' } },
  );
}
