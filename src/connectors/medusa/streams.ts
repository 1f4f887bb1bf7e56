/**
 * The five streams as declarations over one paging mechanism (`MedusaClient.list`): the list path,
 * the key its records come under, the `fields=` selection, how an incremental read filters, and how
 * one node becomes unified records. Medusa lists filter `updated_at[$gte]` for products (also matched
 * on their variants' `updated_at`, which a price change bumps), stock locations, customers and orders
 * (https://docs.medusajs.com/api/admin). Inventory items take no `updated_at` filter (the list's
 * query schema is strict), so their levels are read in full and filtered on each level's `updated_at`.
 *
 * @example
 * STREAMS.customers.since('2026-01-01T00:00:00Z') // { updated_at: { $gte: '2026-01-01T00:00:00Z' } }
 */
import type { StreamRecord, SyncStream } from '../types.js';
import type { Query } from './client.js';
import {
  CUSTOMER_FIELDS,
  INVENTORY_FIELDS,
  LOCATION_FIELDS,
  ORDER_FIELDS,
  PRODUCT_FIELDS,
} from './fields.js';
import { toUnifiedInventoryLevels, toUnifiedLocation, toUnifiedProduct } from './map-catalog.js';
import { toUnifiedCustomer, toUnifiedOrder } from './map-orders.js';
import type { MedusaMapContext } from './map-shared.js';
import { MEDUSA_MANIFEST } from './manifest.js';
import type {
  MedusaCustomer,
  MedusaInventoryItem,
  MedusaOrder,
  MedusaProduct,
  MedusaStockLocation,
} from './types.js';

export interface StreamSpec {
  path: string;
  /** Key of the records in a list answer. */
  key: string;
  fields: string;
  /** Server-side filter for `updatedSince`, or null when the stream is filtered after reading. */
  since: ((iso: string) => Query) | null;
  toRecords(ctx: MedusaMapContext, node: unknown): StreamRecord[];
}

const { paths } = MEDUSA_MANIFEST;
const updatedSince = (iso: string): Query => ({ updated_at: { $gte: iso } });

export const STREAMS: Record<SyncStream, StreamSpec> = {
  products: {
    path: paths.products,
    key: 'products',
    fields: PRODUCT_FIELDS,
    since: (iso) => ({ $or: [{ updated_at: { $gte: iso } }, { variants: { updated_at: { $gte: iso } } }] }),
    toRecords: (ctx, node) => [{ stream: 'products', record: toUnifiedProduct(ctx, node as MedusaProduct) }],
  },
  locations: {
    path: paths.stockLocations,
    key: 'stock_locations',
    fields: LOCATION_FIELDS,
    since: updatedSince,
    toRecords: (ctx, node) => [
      { stream: 'locations', record: toUnifiedLocation(ctx, node as MedusaStockLocation) },
    ],
  },
  inventory_levels: {
    path: paths.inventoryItems,
    key: 'inventory_items',
    fields: INVENTORY_FIELDS,
    since: null,
    toRecords: (ctx, node) =>
      toUnifiedInventoryLevels(ctx, node as MedusaInventoryItem).map((record) => ({
        stream: 'inventory_levels' as const,
        record,
      })),
  },
  customers: {
    path: paths.customers,
    key: 'customers',
    fields: CUSTOMER_FIELDS,
    since: updatedSince,
    toRecords: (ctx, node) => [
      { stream: 'customers', record: toUnifiedCustomer(ctx, node as MedusaCustomer) },
    ],
  },
  orders: {
    path: paths.orders,
    key: 'orders',
    fields: ORDER_FIELDS,
    since: updatedSince,
    toRecords: (ctx, node) => [{ stream: 'orders', record: toUnifiedOrder(ctx, node as MedusaOrder) }],
  },
};
