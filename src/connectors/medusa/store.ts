/**
 * What the connector needs to know about the Medusa store before mapping prices or writing orders:
 * the region (its currency is the currency prices are read in and orders are placed in) and the sales
 * channel orders go to. Settings win; otherwise the store's defaults (`GET /admin/stores`), and a store
 * with exactly one region uses it. Loaded once per connector; a failed load is retried next time.
 *
 * @example
 * const info = await storeInfoLoader(client, settings)(); // { regionId: 'reg_…', currency: 'USD', salesChannelId: 'sc_…' }
 */
import { ConcordError } from '../../core/errors.js';
import type { MedusaClient } from './client.js';
import type { MedusaSettings } from './config.js';
import { MEDUSA_MANIFEST } from './manifest.js';
import type { MedusaRegion, MedusaStore } from './types.js';

export interface MedusaStoreInfo {
  regionId: string;
  /** ISO 4217, upper case. */
  currency: string;
  salesChannelId: string;
}

async function load(client: MedusaClient, settings: MedusaSettings): Promise<MedusaStoreInfo> {
  const { paths } = MEDUSA_MANIFEST;
  const needStore = !settings.regionId || !settings.salesChannelId;
  const store = needStore
    ? (
        await client.get<{ stores: MedusaStore[] }>(paths.stores, {
          fields: 'id,default_sales_channel_id,default_region_id',
        })
      ).stores[0]
    : undefined;
  let regionId = settings.regionId ?? store?.default_region_id ?? undefined;
  const { regions } = await client.get<{ regions: MedusaRegion[] }>(paths.regions, {
    fields: 'id,name,currency_code',
    ...(regionId ? { id: regionId } : { limit: 2 }),
  });
  const region = regionId ? regions[0] : regions.length === 1 ? regions[0] : undefined;
  if (!region) {
    throw new ConcordError(
      'config',
      'medusa_region_unknown',
      regionId
        ? `Medusa has no region "${regionId}"`
        : 'Medusa has no default region: set `regionId` in the settings',
      { field: 'regionId' },
    );
  }
  regionId = region.id;
  const salesChannelId = settings.salesChannelId ?? store?.default_sales_channel_id ?? undefined;
  if (!salesChannelId) {
    throw new ConcordError(
      'config',
      'medusa_sales_channel_unknown',
      'Medusa has no default sales channel: set `salesChannelId` in the settings',
      { field: 'salesChannelId' },
    );
  }
  return { regionId, currency: region.currency_code.toUpperCase(), salesChannelId };
}

/** A memoised loader of the store info (a rejected load is forgotten, so the next call retries). */
export function storeInfoLoader(
  client: MedusaClient,
  settings: MedusaSettings,
): () => Promise<MedusaStoreInfo> {
  let pending: Promise<MedusaStoreInfo> | undefined;
  return () => {
    pending ??= load(client, settings).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
