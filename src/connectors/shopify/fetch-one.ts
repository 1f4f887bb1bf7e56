/**
 * Single-record reads (after a webhook) and the cheap counts used to choose between paged and bulk
 * reads. `fetchOne('inventory_levels', id)` takes an InventoryItem gid (what `inventory_levels/update`
 * names) or an InventoryLevel gid (`…/InventoryLevel/1?inventory_item_id=2`) and returns every level
 * of that item. Counts: https://shopify.dev/docs/api/admin-graphql/2026-10/queries/productVariantsCount
 */
import { ConcordError } from '../../core/errors.js';
import type { StreamRecord, SyncStream } from '../types.js';
import type { ShopifyGraphQLClient } from './client.js';
import {
  COUNTS_QUERY,
  CUSTOMER_QUERY,
  INVENTORY_ITEM_LEVELS_QUERY,
  LOCATION_QUERY,
  ORDER_QUERY,
  PAGE_VARIABLES,
  PRODUCT_QUERY,
} from './queries.js';
import type { ShopifyReader } from './read.js';
import type { ShopInfo } from './shop.js';
import { STREAMS } from './streams.js';

type Node = Record<string, unknown> & { id: string };

interface Lookup {
  document: string;
  root: string;
  vars: Record<string, number>;
}

const LOOKUPS: Record<SyncStream, Lookup> = {
  products: { document: PRODUCT_QUERY, root: 'product', vars: PAGE_VARIABLES.PRODUCT_QUERY! },
  locations: { document: LOCATION_QUERY, root: 'location', vars: {} },
  inventory_levels: {
    document: INVENTORY_ITEM_LEVELS_QUERY,
    root: 'inventoryItem',
    vars: PAGE_VARIABLES.INVENTORY_ITEM_LEVELS_QUERY!,
  },
  customers: { document: CUSTOMER_QUERY, root: 'customer', vars: {} },
  orders: { document: ORDER_QUERY, root: 'order', vars: PAGE_VARIABLES.ORDER_QUERY! },
};

/** The InventoryItem gid behind an inventory item or level gid. */
export function inventoryItemGid(externalId: string): string {
  if (externalId.startsWith('gid://shopify/InventoryItem/')) return externalId;
  const match = /^gid:\/\/shopify\/InventoryLevel\/\d+\?inventory_item_id=(\d+)/.exec(externalId);
  if (match) return `gid://shopify/InventoryItem/${match[1]}`;
  if (/^\d+$/.test(externalId)) return `gid://shopify/InventoryItem/${externalId}`;
  throw new ConcordError(
    'validation',
    'shopify_invalid_id',
    `"${externalId}" is not an inventory item or level id`,
  );
}

/** Fetches one record of `stream` by gid; null when Shopify no longer has it. */
export async function fetchOne(
  gql: ShopifyGraphQLClient,
  reader: ShopifyReader,
  shop: () => Promise<ShopInfo>,
  stream: SyncStream,
  externalId: string,
): Promise<StreamRecord[] | null> {
  const lookup = LOOKUPS[stream];
  const id = stream === 'inventory_levels' ? inventoryItemGid(externalId) : externalId;
  const { currencyCode } = await shop();
  const data = await gql.request<Record<string, Node | null>>(lookup.document, { id, ...lookup.vars });
  const node = data[lookup.root];
  if (!node) return null;
  const nested = STREAMS[stream].nested;
  if (nested) await reader.completeNested(node, nested);
  return reader.toRecords(stream, node, currencyCode);
}

interface Counts {
  productsCount: { count: number } | null;
  productVariantsCount: { count: number } | null;
  locationsCount: { count: number } | null;
  customersCount: { count: number } | null;
  ordersCount: { count: number } | null;
}

/**
 * What a full read of `stream` would cost, in Shopify's own counts. For `products` this is the number
 * of variants (what drives read cost; sync compares it with the bulk threshold). Inventory levels are
 * estimated as variants (one tracked item per variant, at least one level each).
 */
export async function estimate(gql: ShopifyGraphQLClient, stream: SyncStream): Promise<number | null> {
  const data = await gql.request<Counts>(COUNTS_QUERY, {});
  switch (stream) {
    case 'products':
    case 'inventory_levels':
      return data.productVariantsCount?.count ?? null;
    case 'locations':
      return data.locationsCount?.count ?? null;
    case 'customers':
      return data.customersCount?.count ?? null;
    case 'orders':
      return data.ordersCount?.count ?? null;
    default: {
      const never: never = stream;
      return never;
    }
  }
}
