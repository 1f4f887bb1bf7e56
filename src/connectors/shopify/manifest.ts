/**
 * What Concord knows about Shopify's Admin GraphQL API, as data: version, auth, plan limits, page
 * sizes, bulk limits and capabilities. Code in this folder reads its numbers from here, so a
 * change of Shopify's limits is a change of this file only.
 *
 * Page sizes are chosen so every paged document's requested cost stays under Shopify's single-query
 * cap of 1000 points (nested connections multiply: a variant with its `custom` metafields costs ~14
 * points), see `cost.ts` and the test that checks every document against the cap.
 */

/** A Shopify plan's GraphQL leaky bucket. https://shopify.dev/docs/api/usage/rate-limits */
export interface ShopifyPlanLimits {
  bucketSize: number;
  restoreRate: number;
}

export const SHOPIFY_MANIFEST = {
  vendor: 'shopify',
  apiVersion: '2026-10',
  /** https://shopify.dev/docs/api/admin-graphql#authentication */
  auth: { kind: 'header', header: 'X-Shopify-Access-Token' },
  /** `https://{shop}/admin/api/{version}/graphql.json` */
  endpointTemplate: 'https://{shop}/admin/api/{version}/graphql.json',
  /**
   * Bucket = 20 × restore rate on every plan.
   * https://shopify.dev/docs/api/usage/rate-limits (restore rates per plan).
   */
  plans: {
    standard: { bucketSize: 2000, restoreRate: 100 },
    advanced: { bucketSize: 4000, restoreRate: 200 },
    plus: { bucketSize: 20000, restoreRate: 1000 },
    enterprise: { bucketSize: 40000, restoreRate: 2000 },
  } satisfies Record<string, ShopifyPlanLimits>,
  limits: {
    /** Relay `first` cap. https://shopify.dev/docs/api/usage/pagination-graphql */
    maxPageSize: 250,
    /** Single query cap, `MAX_COST_EXCEEDED` above it (inferred from Shopify's rate-limit guide). */
    maxQueryCost: 1000,
    /** Cost of a mutation's root field. https://shopify.dev/docs/api/usage/rate-limits */
    mutationCost: 10,
  },
  /** Page sizes per stream (outer connection, nested connections). */
  pages: {
    products: 5,
    productVariantsNested: 10,
    productVariantsExtra: 50,
    locations: 100,
    inventoryItems: 25,
    inventoryLevelsNested: 10,
    inventoryLevelsExtra: 100,
    customers: 100,
    orders: 6,
    orderLinesNested: 20,
    orderLinesExtra: 100,
    orderFulfillments: 10,
    orderRefunds: 10,
    variantMetafields: 10,
    lookups: 5,
    webhookSubscriptions: 100,
  },
  /** https://shopify.dev/docs/api/usage/bulk-operations/queries */
  bulk: {
    maxConnections: 5,
    maxNestingDepth: 2,
    /** Concurrent query operations: one before 2026-01, five since; we run ours one at a time. */
    concurrentQueries: 1,
    pollInitialMs: 1000,
    pollMaxMs: 15000,
    recordsPerPage: 500,
  },
  capabilities: {
    read: ['locations', 'products', 'inventory_levels', 'customers', 'orders'],
    write: ['order', 'refund', 'customer'],
    bulk: true,
    webhooks: [
      'PRODUCTS_CREATE',
      'PRODUCTS_UPDATE',
      'PRODUCTS_DELETE',
      'INVENTORY_LEVELS_UPDATE',
      'ORDERS_CREATE',
      'ORDERS_UPDATED',
      'CUSTOMERS_CREATE',
      'CUSTOMERS_UPDATE',
    ],
  },
} as const;

export type ShopifyPlan = keyof typeof SHOPIFY_MANIFEST.plans;
export type ShopifyWebhookTopic = (typeof SHOPIFY_MANIFEST.capabilities.webhooks)[number];
