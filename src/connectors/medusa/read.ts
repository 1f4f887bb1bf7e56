/**
 * Reads over the declarations in `streams.ts`: every stream is paged to the end with limit/offset
 * (sorted by id), filtered server-side by `updated_at[$gte]` where Medusa allows it and after reading
 * where it does not; `fetchOne` reads one record by id (an inventory item's id for inventory levels),
 * and `estimate` asks for a list's `count` (variants for products).
 *
 * @example
 * for await (const page of reader.read('orders', { updatedSince: '2026-11-01T00:00:00Z' })) save(page);
 */
import type { ReadOptions, StreamRecord, SyncStream, SystemContext } from '../types.js';
import type { MedusaClient } from './client.js';
import type { MedusaSettings } from './config.js';
import { MEDUSA_MANIFEST } from './manifest.js';
import type { MedusaMapContext } from './map-shared.js';
import type { MedusaStoreInfo } from './store.js';
import { STREAMS } from './streams.js';
import type { MedusaList } from './types.js';

export class MedusaReader {
  constructor(
    private readonly client: MedusaClient,
    private readonly ctx: SystemContext,
    private readonly settings: Pick<MedusaSettings, 'weightUnit' | 'dimensionUnit'>,
    private readonly store: () => Promise<MedusaStoreInfo>,
  ) {}

  /** The mapping context: prices are read in the region's currency. */
  async mapContext(): Promise<MedusaMapContext> {
    const { currency } = await this.store();
    return { ...this.ctx, currency, ...this.settings };
  }

  /** Reads `stream` to the end (or from `updatedSince`), one page of unified records at a time. */
  async *read(stream: SyncStream, options: ReadOptions = {}): AsyncGenerator<StreamRecord[]> {
    const spec = STREAMS[stream];
    const ctx = await this.mapContext();
    const since = options.updatedSince;
    const filter = since && spec.since ? spec.since(since) : {};
    const pages = this.client.list<unknown>(
      spec.path,
      spec.key,
      { fields: spec.fields, ...filter },
      { signal: options.signal },
    );
    for await (const nodes of pages) {
      const records = nodes.flatMap((node) => spec.toRecords(ctx, node));
      const kept =
        since && !spec.since
          ? records.filter((r) => Date.parse(r.record.updated_at) >= Date.parse(since))
          : records;
      if (kept.length > 0) yield kept;
    }
  }

  /** One record by its Medusa id, or null when Medusa has none (inventory levels: an inventory item id). */
  async fetchOne(stream: SyncStream, externalId: string): Promise<StreamRecord[] | null> {
    const spec = STREAMS[stream];
    const ctx = await this.mapContext();
    const page = await this.client.get<MedusaList>(spec.path, {
      id: externalId,
      fields: spec.fields,
      limit: 1,
    });
    const node = (page[spec.key] as unknown[] | undefined)?.[0];
    return node ? spec.toRecords(ctx, node) : null;
  }

  /** What a full read would return: variants for products, records otherwise; null for levels. */
  async estimate(stream: SyncStream): Promise<number | null> {
    const { paths } = MEDUSA_MANIFEST;
    switch (stream) {
      case 'products':
        return this.client.count(paths.variants);
      case 'inventory_levels':
        // Medusa counts inventory items, not their levels per location.
        return null;
      case 'locations':
      case 'customers':
      case 'orders':
        return this.client.count(STREAMS[stream].path);
      default: {
        const never: never = stream;
        return never;
      }
    }
  }
}
