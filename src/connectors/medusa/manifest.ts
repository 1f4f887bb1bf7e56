/**
 * What Concord knows about Medusa v2's Admin API, as data: auth, paths, paging, pacing, the metadata
 * keys Concord writes, and capabilities. Code in this folder reads its numbers from here.
 *
 * Medusa is self-hosted and publishes no rate limits, so the connector paces itself with a concurrency
 * cap per Medusa instance (a small Node process on PostgreSQL) rather than a token bucket.
 * https://docs.medusajs.com/api/admin
 */

export const MEDUSA_MANIFEST = {
  vendor: 'medusa',
  /** Tested against @medusajs/medusa 2.21.2 (the live suite installs exactly this version). */
  testedVersion: '2.21.2',
  /**
   * A secret API key sent as HTTP Basic with the key as user name and an empty password.
   * https://docs.medusajs.com/api/admin#authentication
   */
  auth: { kind: 'basic', user: 'secret API key', password: '' },
  paths: {
    products: '/admin/products',
    variants: '/admin/product-variants',
    stockLocations: '/admin/stock-locations',
    inventoryItems: '/admin/inventory-items',
    customers: '/admin/customers',
    orders: '/admin/orders',
    draftOrders: '/admin/draft-orders',
    paymentCollections: '/admin/payment-collections',
    payments: '/admin/payments',
    shippingOptions: '/admin/shipping-options',
    regions: '/admin/regions',
    stores: '/admin/stores',
  },
  paging: {
    /** `limit`/`offset` with a `count` in every list answer; lists are sorted by `id` so pages are stable. */
    defaultPageSize: 100,
    maxPageSize: 1000,
    /** Drafts and orders of one customer scanned per page when looking for a reference. */
    lookupPageSize: 50,
  },
  /** In-flight requests per Medusa instance (no published limit; chosen to leave room for the storefront). */
  defaultConcurrency: 4,
  /** Keys Concord writes into Medusa `metadata`. */
  metadata: {
    reference: 'concord_reference',
    note: 'concord_note',
    tags: 'concord_tags',
  },
  /** Prefix of a refund's `note` that carries Concord's idempotency key (refunds take no metadata). */
  refundMarker: (key: string) => `[concord:${key}]`,
  capabilities: {
    read: ['locations', 'products', 'inventory_levels', 'customers', 'orders'],
    write: ['order', 'refund', 'customer'],
    bulk: false,
    /** Medusa v2 sends no signed outbound webhooks; sync relies on incremental reads. */
    webhooks: [] as string[],
  },
} as const;
