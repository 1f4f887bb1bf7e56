/**
 * Which `query:` search fields each resource supports in the simulator, following the field names
 * of Shopify's reference pages (e.g. https://shopify.dev/docs/api/admin-graphql/latest/queries/products
 * lists `updated_at`, `created_at`, `sku`, `tag`, `product_type`, `vendor`, `status`, `title`, `id`).
 */
import type { CustomerRecord } from './model/customer.js';
import type { InventoryItemRecord } from './model/inventory.js';
import type { LocationRecord } from './model/location.js';
import type { OrderRecord } from './model/order.js';
import type { ProductRecord } from './model/product.js';
import type { VariantRecord } from './model/variant.js';
import type { SearchFields } from './search.js';

/** `products(query:)` fields. */
export const PRODUCT_SEARCH: SearchFields<ProductRecord> = {
  fields: {
    id: { type: 'number', get: (p) => p.num },
    title: { type: 'contains', get: (p) => p.title },
    handle: { type: 'exact', get: (p) => p.handle },
    vendor: { type: 'exact', get: (p) => p.vendor },
    product_type: { type: 'exact', get: (p) => p.productType },
    status: { type: 'exact', get: (p) => p.status },
    tag: { type: 'list', get: (p) => p.tags },
    sku: { type: 'list', get: (p) => p.variantList.map((v) => v.sku ?? '') },
    barcode: { type: 'list', get: (p) => p.variantList.map((v) => v.barcode ?? '') },
    created_at: { type: 'date', get: (p) => p.createdMs },
    updated_at: { type: 'date', get: (p) => p.updatedMs },
    published_at: { type: 'date', get: (p) => p.publishedMs },
    inventory_total: { type: 'number', get: (p) => p.totalInventory },
  },
  text: (p) => [p.title, p.vendor, p.productType, ...p.tags],
};

/** `productVariants(query:)` fields. */
export const VARIANT_SEARCH: SearchFields<VariantRecord> = {
  fields: {
    id: { type: 'number', get: (v) => v.num },
    sku: { type: 'exact', get: (v) => v.sku },
    barcode: { type: 'exact', get: (v) => v.barcode },
    title: { type: 'contains', get: (v) => v.title },
    product_id: { type: 'number', get: (v) => v.product.num },
    product_type: { type: 'exact', get: (v) => v.product.productType },
    vendor: { type: 'exact', get: (v) => v.product.vendor },
    tag: { type: 'list', get: (v) => v.product.tags },
    created_at: { type: 'date', get: (v) => v.createdMs },
    updated_at: { type: 'date', get: (v) => v.updatedMs },
  },
  text: (v) => [v.sku, v.title, v.product.title],
};

/** `inventoryItems(query:)` fields. */
export const INVENTORY_ITEM_SEARCH: SearchFields<InventoryItemRecord> = {
  fields: {
    id: { type: 'number', get: (i) => i.num },
    sku: { type: 'exact', get: (i) => i.variant.sku },
    created_at: { type: 'date', get: (i) => i.createdMs },
    updated_at: { type: 'date', get: (i) => i.updatedMs },
  },
  text: (i) => [i.variant.sku],
};

/** `locations(query:)` fields. */
export const LOCATION_SEARCH: SearchFields<LocationRecord> = {
  fields: {
    id: { type: 'number', get: (l) => l.num },
    name: { type: 'contains', get: (l) => l.name },
    active: { type: 'exact', get: (l) => String(l.active) },
    created_at: { type: 'date', get: (l) => l.createdMs },
    updated_at: { type: 'date', get: (l) => l.updatedMs },
  },
  text: (l) => [l.name, l.addressFields.city],
};

/** `customers(query:)` fields. */
export const CUSTOMER_SEARCH: SearchFields<CustomerRecord> = {
  fields: {
    id: { type: 'number', get: (c) => c.num },
    email: { type: 'exact', get: (c) => c.email },
    phone: { type: 'exact', get: (c) => c.phone },
    first_name: { type: 'exact', get: (c) => c.firstName },
    last_name: { type: 'exact', get: (c) => c.lastName },
    state: { type: 'exact', get: (c) => c.state },
    tag: { type: 'list', get: (c) => c.tags },
    country: { type: 'exact', get: (c) => c.defaultAddress?.country ?? null },
    created_at: { type: 'date', get: (c) => c.createdMs },
    updated_at: { type: 'date', get: (c) => c.updatedMs },
  },
  text: (c) => [c.firstName, c.lastName, c.email, c.phone],
};

/** `orders(query:)` fields. */
export const ORDER_SEARCH: SearchFields<OrderRecord> = {
  fields: {
    id: { type: 'number', get: (o) => o.num },
    name: { type: 'list', get: (o) => [o.name, o.name.replace(/^#/, '')] },
    email: { type: 'exact', get: (o) => o.email },
    tag: { type: 'list', get: (o) => o.tags },
    sku: { type: 'list', get: (o) => o.lineItemList.map((line) => line.sku ?? '') },
    customer_id: { type: 'number', get: (o) => o.customer?.num },
    financial_status: { type: 'exact', get: (o) => o.financialStatus },
    fulfillment_status: {
      type: 'exact',
      get: (o) => (o.displayFulfillmentStatus === 'FULFILLED' ? 'shipped' : 'unshipped'),
    },
    status: {
      type: 'exact',
      get: (o) => (o.cancelledMs !== null ? 'cancelled' : o.closedMs !== null ? 'closed' : 'open'),
    },
    source_identifier: { type: 'exact', get: (o) => o.sourceIdentifier },
    created_at: { type: 'date', get: (o) => o.createdMs },
    updated_at: { type: 'date', get: (o) => o.updatedMs },
    processed_at: { type: 'date', get: (o) => o.processedMs },
  },
  text: (o) => [o.name, o.email],
};
