/**
 * Incoming webhooks: verified by the system's connector (timing-safe signature check), deduplicated
 * by the vendor's delivery id, then treated as a signal: the changed record is fetched fresh from
 * the vendor and upserted, so an out-of-order or partial payload can never write stale data.
 * A delivery is marked seen only after it was applied, so a failure lets the vendor's retry through.
 * A change re-resolves the merchant's topology in the background (conflicts follow the records).
 */
import { ConcordError } from '../core/errors.js';
import type { Runtime } from '../runtime.js';
import { resolveAfterChange } from './resolution.js';

export async function ingestWebhook(
  rt: Runtime,
  merchantId: string,
  system: string,
  headers: Record<string, string | undefined>,
  rawBody: string,
): Promise<{ duplicate: boolean; topic: string }> {
  const connector = rt.connectors.get(merchantId, system);
  if (!connector) {
    throw new ConcordError('not_found', 'system_not_found', `No system "${system}" for this merchant`);
  }
  const event = connector.verifyWebhook(headers, rawBody);
  const seen = await rt.db.query(
    `select 1 from webhook_events where merchant_id = $1 and system = $2 and event_id = $3`,
    [merchantId, system, event.id],
  );
  if (seen.rowCount > 0) return { duplicate: true, topic: event.topic };
  let changed = false;
  if (event.stream && event.external_id) {
    const records = await connector.fetchOne(event.stream, event.external_id);
    if (records && records.length > 0) {
      await rt.records.upsertStream(merchantId, records);
      changed = true;
    }
  }
  await rt.db.query(
    `insert into webhook_events (merchant_id, system, event_id, topic) values ($1, $2, $3, $4) on conflict do nothing`,
    [merchantId, system, event.id, event.topic],
  );
  rt.logger.child({ component: 'webhooks' }).debug({ system, topic: event.topic }, 'webhook applied');
  // Not awaited: the vendor wants a quick answer; bursts of deliveries are coalesced into few runs.
  if (changed) void resolveAfterChange(rt, merchantId);
  return { duplicate: false, topic: event.topic };
}
