/**
 * Read workflows of the unified API: products, locations, inventory, customers and orders, served
 * from the record store (never from the vendors) through `RecordSearch`, always inside one merchant. Lists are pages
 * ordered by id with an opaque cursor; `expand: 'raw'` adds each record's vendor payload.
 * A record of another merchant is simply not found.
 *
 * @example
 * const page = await listProducts(rt, 'mer_a', { q: 'tee', status: 'active', limit: 20 });
 * const next = await listProducts(rt, 'mer_a', { q: 'tee', status: 'active', limit: 20, cursor: page.next_cursor });
 */
import { ConcordError, notFound } from '../core/errors.js';
import type { Customer, InventoryLevel, Location, Order, Product } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import type { Page, StoredKind } from '../store/records.js';
import type { StockTotal } from '../store/search.js';

export const MAX_PAGE_SIZE = 250;
export const DEFAULT_PAGE_SIZE = 50;

export interface PageRequest {
  cursor?: string | null;
  /** 1–250, default 50. */
  limit?: number;
  /** `raw` adds the vendor payload to each record. */
  expand?: 'raw';
}

export interface ProductQuery extends PageRequest {
  /** Case-insensitive "title contains". */
  q?: string;
  status?: Product['status'];
  vendor?: string;
  product_type?: string;
  /** Products having a variant with exactly this SKU. */
  sku?: string;
  /** ISO timestamp: only products updated at or after it. */
  updated_since?: string;
}

export interface InventoryQuery extends PageRequest {
  sku?: string;
  location_id?: string;
  variant_id?: string;
}

/** A page of inventory levels plus, for each SKU on it, the totals over every matching location. */
export interface InventoryPage extends Page<InventoryLevel> {
  totals: StockTotal[];
}

export interface CustomerQuery extends PageRequest {
  email?: string;
}

export interface OrderQuery extends PageRequest {
  status?: Order['status'];
  customer_id?: string;
  email?: string;
  updated_since?: string;
}

function paging(query: PageRequest) {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ConcordError(
      'validation',
      'invalid_limit',
      `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`,
      {
        field: 'limit',
      },
    );
  }
  return { limit, cursor: query.cursor ?? null, raw: query.expand === 'raw' };
}

/** Drops undefined values so only the filters actually given reach the store. */
function defined<V>(value: Record<string, V | undefined>): Record<string, V> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Record<string, V>;
}

async function getOne<T>(
  rt: Runtime,
  merchantId: string,
  kind: StoredKind,
  id: string,
  expand?: 'raw',
): Promise<T> {
  const record = await rt.search.get<T>(merchantId, kind, id, { raw: expand === 'raw' });
  if (!record) throw notFound(kind, id);
  return record;
}

/** Products matching every filter given. */
export function listProducts(
  rt: Runtime,
  merchantId: string,
  query: ProductQuery = {},
): Promise<Page<Product>> {
  return rt.search.list<Product>(merchantId, 'product', {
    ...paging(query),
    filters: defined({ updated_since: query.updated_since }),
    data: defined({ status: query.status, vendor: query.vendor, product_type: query.product_type }),
    ...(query.q ? { contains: { field: 'title', value: query.q } } : {}),
    ...(query.sku !== undefined ? { variantSku: query.sku } : {}),
  });
}

/** One product with its variants; `not_found` (404) when the merchant has none with this id. */
export function getProduct(rt: Runtime, merchantId: string, id: string, expand?: 'raw'): Promise<Product> {
  return getOne<Product>(rt, merchantId, 'product', id, expand);
}

export function listLocations(
  rt: Runtime,
  merchantId: string,
  query: PageRequest = {},
): Promise<Page<Location>> {
  return rt.search.list<Location>(merchantId, 'location', paging(query));
}

/** Sums levels per SKU (levels without a SKU are left out), ordered by SKU. */
function totalsOf(levels: InventoryLevel[]): StockTotal[] {
  const bySku = new Map<string, StockTotal & { at: Set<string> }>();
  for (const level of levels) {
    if (level.sku === null) continue;
    const t = bySku.get(level.sku) ?? {
      sku: level.sku,
      on_hand: 0,
      available: 0,
      committed: 0,
      incoming: 0,
      locations: 0,
      at: new Set(),
    };
    t.on_hand += level.on_hand;
    t.available += level.available;
    t.committed += level.committed;
    t.incoming += level.incoming;
    t.at.add(level.location_id);
    bySku.set(level.sku, t);
  }
  return [...bySku.values()]
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .map(({ at, ...t }) => ({ ...t, locations: at.size }));
}

/**
 * Inventory levels (per variant and location) and totals per SKU across locations. When the page
 * holds every matching level (no cursor in, none out: the usual `?sku=` lookup), the totals are
 * summed from it; otherwise they are computed in the database over all matching levels.
 */
export async function getInventory(
  rt: Runtime,
  merchantId: string,
  query: InventoryQuery = {},
): Promise<InventoryPage> {
  const search = rt.search;
  const page = await search.list<InventoryLevel>(merchantId, 'inventory_level', {
    ...paging(query),
    filters: defined({ sku: query.sku, location_id: query.location_id, parent_id: query.variant_id }),
  });
  if (!query.cursor && page.next_cursor === null) return { ...page, totals: totalsOf(page.items) };
  const skus = [...new Set(page.items.flatMap((level) => (level.sku === null ? [] : [level.sku])))];
  const totals = await search.stockTotals(
    merchantId,
    skus,
    defined({ location_id: query.location_id, variant_id: query.variant_id }),
  );
  return { ...page, totals };
}

export function listCustomers(
  rt: Runtime,
  merchantId: string,
  query: CustomerQuery = {},
): Promise<Page<Customer>> {
  return rt.search.list<Customer>(merchantId, 'customer', {
    ...paging(query),
    filters: defined({ email: query.email }),
  });
}

export function listOrders(rt: Runtime, merchantId: string, query: OrderQuery = {}): Promise<Page<Order>> {
  return rt.search.list<Order>(merchantId, 'order', {
    ...paging(query),
    filters: defined({
      parent_id: query.customer_id,
      email: query.email,
      updated_since: query.updated_since,
    }),
    data: defined({ status: query.status }),
  });
}

export function getOrder(rt: Runtime, merchantId: string, id: string, expand?: 'raw'): Promise<Order> {
  return getOne<Order>(rt, merchantId, 'order', id, expand);
}
