/**
 * The paged streams, declared as data (Airbyte-style): which document pages each stream, where its
 * connection sits in the answer, its page sizes and the order they shrink in when the cost bucket is
 * small, whether Shopify filters it by `updated_at` on the server, and which document pages a nested
 * connection that did not fit on the first page. The mechanism lives in `read.ts`.
 */
import type { SyncStream } from '../types.js';
import {
  CUSTOMERS_QUERY,
  INVENTORY_ITEM_LEVELS_QUERY,
  INVENTORY_ITEMS_QUERY,
  LOCATIONS_QUERY,
  ORDER_LINE_ITEMS_QUERY,
  ORDERS_QUERY,
  PAGE_VARIABLES,
  PRODUCT_VARIANTS_QUERY,
  PRODUCTS_QUERY,
} from './queries.js';
import type { Connection } from './types.js';

type Data = Record<string, unknown>;

/** A connection nested in each node, paged on its own when the first page was not all of it. */
export interface NestedSpec {
  /** Field of the node holding the connection (`variants`, `inventoryLevels`, `lineItems`). */
  field: string;
  document: string;
  pageSize: number;
  /** Where the connection sits in the nested document's answer. */
  connection(data: Data): Connection<unknown> | null;
}

export interface StreamSpec {
  stream: SyncStream;
  document: string;
  pageSizes: Record<string, number>;
  /** Page-size variables in the order they shrink when a page would not fit the bucket. */
  shrink: string[];
  connection(data: Data): Connection<unknown>;
  /** Shopify filters this connection with `query: "updated_at:>='…'"`; else we filter after reading. */
  serverIncremental: boolean;
  nested?: NestedSpec;
}

const at = (path: string[]) => (data: Data) =>
  path.reduce<unknown>(
    (value, key) => (value as Data | null | undefined)?.[key],
    data,
  ) as Connection<unknown>;

export const STREAMS: Record<SyncStream, StreamSpec> = {
  products: {
    stream: 'products',
    document: PRODUCTS_QUERY,
    pageSizes: PAGE_VARIABLES.PRODUCTS_QUERY!,
    shrink: ['first', 'variantsFirst'],
    connection: at(['products']),
    serverIncremental: true,
    nested: {
      field: 'variants',
      document: PRODUCT_VARIANTS_QUERY,
      pageSize: PAGE_VARIABLES.PRODUCT_VARIANTS_QUERY!.first!,
      connection: at(['product', 'variants']),
    },
  },
  locations: {
    stream: 'locations',
    document: LOCATIONS_QUERY,
    pageSizes: PAGE_VARIABLES.LOCATIONS_QUERY!,
    shrink: ['first'],
    connection: at(['locations']),
    serverIncremental: false,
  },
  inventory_levels: {
    stream: 'inventory_levels',
    document: INVENTORY_ITEMS_QUERY,
    pageSizes: PAGE_VARIABLES.INVENTORY_ITEMS_QUERY!,
    shrink: ['first', 'levelsFirst'],
    connection: at(['inventoryItems']),
    // An item's updated_at does not follow its quantities (inferred), so levels are filtered by their own.
    serverIncremental: false,
    nested: {
      field: 'inventoryLevels',
      document: INVENTORY_ITEM_LEVELS_QUERY,
      pageSize: PAGE_VARIABLES.INVENTORY_ITEM_LEVELS_QUERY!.first!,
      connection: at(['inventoryItem', 'inventoryLevels']),
    },
  },
  customers: {
    stream: 'customers',
    document: CUSTOMERS_QUERY,
    pageSizes: PAGE_VARIABLES.CUSTOMERS_QUERY!,
    shrink: ['first'],
    connection: at(['customers']),
    serverIncremental: true,
  },
  orders: {
    stream: 'orders',
    document: ORDERS_QUERY,
    pageSizes: PAGE_VARIABLES.ORDERS_QUERY!,
    shrink: ['first', 'linesFirst'],
    connection: at(['orders']),
    serverIncremental: true,
    nested: {
      field: 'lineItems',
      document: ORDER_LINE_ITEMS_QUERY,
      pageSize: PAGE_VARIABLES.ORDER_LINE_ITEMS_QUERY!.first!,
      connection: at(['order', 'lineItems']),
    },
  },
};

/**
 * Shopify search syntax for "updated at or after": `updated_at:>='2026-01-01T00:00:00Z'`. The quotes
 * matter: "Date values must be a string surrounded by quotes"
 * (https://shopify.dev/docs/api/usage/search-syntax); unquoted, Shopify ignores the time of day.
 */
export function updatedSinceQuery(updatedSince: string): string {
  const time = Date.parse(updatedSince);
  const iso = Number.isNaN(time) ? updatedSince : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `updated_at:>='${iso}'`;
}
