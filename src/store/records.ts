/**
 * The record store (writes): every unified record synced from a merchant's systems, one row per record,
 * keyed by Concord id, with a few indexed columns (sku, parent, location, email) for the lookups the
 * API serves, the unified record as `data` and the vendor payload as `raw`. Reads are in `search.ts`.
 *
 * Writes are batched upserts where the newer `updated_at` wins, so a late page of an old sync can
 * never overwrite what a webhook already brought.
 *
 * @example
 * const store = new RecordStore(db);
 * await store.upsertStream('mer_1', [{ stream: 'products', record: product }]);
 * await store.count('mer_1', 'variant'); // 3
 */
import type { AnyStreamRecord } from '../connectors/types.js';
import { ConcordError } from '../core/errors.js';
import type { ReadCache } from './read-cache.js';
import type { RecordKind } from '../core/ids.js';
import type { Sql } from './db.js';

export type StoredKind = Extract<
  RecordKind,
  | 'product'
  | 'variant'
  | 'location'
  | 'inventory_level'
  | 'customer'
  | 'order'
  | 'item'
  | 'sales_order'
  | 'invoice'
  | 'credit_memo'
>;

interface Row {
  kind: StoredKind;
  id: string;
  system: string;
  external_id: string;
  updated_at: string;
  sku: string | null;
  parent_id: string | null;
  location_id: string | null;
  email: string | null;
  data: Record<string, unknown>;
  raw: unknown;
}

export interface ListFilters {
  ids?: string[];
  sku?: string;
  skus?: string[];
  parent_id?: string;
  location_id?: string;
  email?: string;
  system?: string;
  /** ISO timestamp: only records updated at or after it. */
  updated_since?: string;
}

export interface ListOptions {
  filters?: ListFilters;
  cursor?: string | null;
  limit?: number;
  raw?: boolean;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Every item of a paged read, page after page until there is no next cursor. */
export async function allPages<T>(load: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await load(cursor);
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

const STREAM_KIND = {
  products: 'product',
  locations: 'location',
  inventory_levels: 'inventory_level',
  customers: 'customer',
  orders: 'order',
  items: 'item',
  sales_orders: 'sales_order',
  invoices: 'invoice',
  credit_memos: 'credit_memo',
} as const satisfies Record<AnyStreamRecord['stream'], StoredKind>;

/** Splits a stream record into stored rows: a product also stores each variant on its own row. */
export function rowsOf(item: AnyStreamRecord): Row[] {
  const { raw, ...data } = item.record as typeof item.record & { raw?: unknown };
  const base = {
    kind: STREAM_KIND[item.stream],
    id: data.id,
    system: data.system,
    external_id: data.external_id,
    updated_at: data.updated_at,
    sku: null,
    parent_id: null,
    location_id: null,
    email: null,
    data: data as Record<string, unknown>,
    raw: raw ?? null,
  } satisfies Row;
  switch (item.stream) {
    case 'products': {
      const variants = item.record.variants.map((v): Row => {
        const { raw: variantRaw, ...variant } = v;
        return {
          ...base,
          kind: 'variant',
          id: v.id,
          external_id: v.external_id,
          updated_at: v.updated_at,
          sku: v.sku,
          parent_id: item.record.id,
          data: variant,
          raw: variantRaw ?? null,
        };
      });
      const product = { ...data, variants: item.record.variants.map(({ raw: _r, ...v }) => v) };
      return [{ ...base, data: product }, ...variants];
    }
    case 'inventory_levels':
      // A platform's level hangs off its variant, an ERP's off its item.
      return [
        {
          ...base,
          sku: item.record.sku,
          parent_id: item.record.variant_id ?? item.record.item_id ?? null,
          location_id: item.record.location_id,
        },
      ];
    case 'items':
      return [{ ...base, sku: item.record.sku }];
    case 'sales_orders':
      return [{ ...base, parent_id: item.record.customer_id }];
    case 'invoices':
      return [{ ...base, parent_id: item.record.sales_order_id }];
    case 'credit_memos':
      return [{ ...base, parent_id: item.record.invoice_id }];
    case 'customers':
      return [{ ...base, email: item.record.email }];
    case 'orders':
      return [{ ...base, email: item.record.email, parent_id: item.record.customer_id }];
    case 'locations':
      return [base];
    default: {
      const never: never = item;
      throw new ConcordError('validation', 'unknown_stream', `Unknown stream ${JSON.stringify(never)}`);
    }
  }
}

export class RecordStore {
  /** `cache`: the read cache to invalidate after each write (embedded store only). */
  constructor(
    private readonly db: Sql,
    private readonly cache: ReadCache | null = null,
  ) {}

  /** Upserts stream records (newer updated_at wins) and drops variants a product no longer has. */
  async upsertStream(merchantId: string, items: AnyStreamRecord[]): Promise<number> {
    if (items.length === 0) return 0;
    const rows = items.flatMap(rowsOf);
    await this.upsertRows(merchantId, rows);
    const products = items.filter((i) => i.stream === 'products');
    if (products.length > 0) {
      await this.db.query(
        `delete from records r using unnest($2::text[], $3::text[]) as p(product_id, keep)
          where r.merchant_id = $1 and r.kind = 'variant' and r.parent_id = p.product_id
            and not (r.id = any(string_to_array(p.keep, ',')))`,
        [
          merchantId,
          products.map((p) => p.record.id),
          products.map((p) => (p.stream === 'products' ? p.record.variants.map((v) => v.id).join(',') : '')),
        ],
      );
    }
    this.cache?.invalidate(merchantId);
    return rows.length;
  }

  private async upsertRows(merchantId: string, rows: Row[]): Promise<void> {
    // Deduplicate within the batch (last one wins) so one statement never touches a row twice.
    const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
    // The batch travels as one JSON document unpacked by json_to_recordset: one text parameter is far
    // cheaper to send (and for the embedded store to encode) than twelve array literals of escaped text.
    await this.db.query(
      `insert into records (merchant_id, kind, id, system, external_id, updated_at, sku, parent_id, location_id, email, data, raw)
       select $1, kind, id, system, external_id, updated_at, sku, parent_id, location_id, email, data, raw
         from json_to_recordset($2::json) as r(kind text, id text, system text, external_id text, updated_at timestamptz,
              sku text, parent_id text, location_id text, email text, data json, raw json)
       on conflict (merchant_id, id) do update set
         updated_at = excluded.updated_at, synced_at = now(), sku = excluded.sku, parent_id = excluded.parent_id,
         location_id = excluded.location_id, email = excluded.email, data = excluded.data, raw = excluded.raw
       where records.updated_at <= excluded.updated_at`,
      [merchantId, JSON.stringify(unique)],
    );
  }

  async count(merchantId: string, kind: StoredKind, system?: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      `select count(*)::int as n from records where merchant_id = $1 and kind = $2 and ($3::text is null or system = $3)`,
      [merchantId, kind, system ?? null],
    );
    return rows[0]?.n ?? 0;
  }
}
