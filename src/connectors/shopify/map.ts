/**
 * Pure mappers from Shopify Admin API nodes to Concord's unified model, one entry point for the
 * rest of the connector: catalog (`map-catalog.ts`), customers and orders (`map-orders.ts`), shared
 * helpers (`map-shared.ts`) and variant metafields (`metafields.ts`).
 *
 * @example
 * const ctx = { merchantId: 'mer_1', system: 'shopify', currency: 'USD' };
 * const product = toUnifiedProduct(ctx, productNode); // Product with embedded variants
 */
export {
  toUnifiedProduct,
  toUnifiedVariant,
  toUnifiedLocation,
  toUnifiedInventoryLevel,
  locationKind,
} from './map-catalog.js';
export type { InventoryItemRef } from './map-catalog.js';
export {
  toUnifiedCustomer,
  toUnifiedOrder,
  toUnifiedRefund,
  toUnifiedFulfillment,
  toUnifiedLineItem,
  financialStatus,
  fulfillmentStatus,
} from './map-orders.js';
export { htmlToText, fromMailingAddress, fromLocationAddress, idFor, bagMoney } from './map-shared.js';
export type { ShopifyMapContext } from './map-shared.js';
export { readVariantMetafields } from './metafields.js';
