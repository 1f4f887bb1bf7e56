/**
 * Root query fields (`QueryRoot`) the simulator serves. Each returns model records (or connections
 * of them); graphql-js then resolves nested fields from the records' properties and methods.
 * Supported: shop, node, nodes, product(s), productsCount, productVariant(s), productVariantsCount,
 * location(s), locationsCount, inventoryItem(s), inventoryLevel, customer(s), customersCount,
 * order(s), ordersCount, refund, bulkOperation(s), currentBulkOperation, webhookSubscription(s),
 * webhookSubscriptionsCount.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { SimContext } from './context.js';
import { idOf } from './format.js';
import {
  BY_ID,
  byText,
  byTime,
  countOf,
  listConnection,
  type ListArgs,
  type ListSpec,
} from './model/common.js';
import type { BulkOperationRecord, WebhookSubscriptionRecord } from './model/admin.js';
import type { CustomerRecord } from './model/customer.js';
import type { InventoryItemRecord } from './model/inventory.js';
import type { LocationRecord } from './model/location.js';
import type { OrderRecord } from './model/order.js';
import type { ProductRecord } from './model/product.js';
import type { VariantRecord } from './model/variant.js';
import { filterBySearch } from './search.js';
import {
  CUSTOMER_SEARCH,
  INVENTORY_ITEM_SEARCH,
  LOCATION_SEARCH,
  ORDER_SEARCH,
  PRODUCT_SEARCH,
  VARIANT_SEARCH,
} from './search-fields.js';

const id = BY_ID as never;

const PRODUCTS: ListSpec<ProductRecord> = {
  name: 'products',
  search: PRODUCT_SEARCH,
  defaultSort: 'ID',
  sorts: {
    ID: id,
    UPDATED_AT: byTime((p) => p.updatedMs),
    CREATED_AT: byTime((p) => p.createdMs),
    PUBLISHED_AT: byTime((p) => p.publishedMs ?? 0),
    TITLE: byText((p) => p.title),
    PRODUCT_TYPE: byText((p) => p.productType),
    VENDOR: byText((p) => p.vendor),
    INVENTORY_TOTAL: byTime((p) => p.totalInventory),
  },
};

const VARIANTS: ListSpec<VariantRecord> = {
  name: 'productVariants',
  search: VARIANT_SEARCH,
  defaultSort: 'ID',
  sorts: {
    ID: id,
    SKU: byText((v) => v.sku),
    TITLE: byText((v) => v.title),
    NAME: byText((v) => v.displayName),
    FULL_TITLE: byText((v) => v.displayName),
    POSITION: byTime((v) => v.position),
    INVENTORY_QUANTITY: byTime((v) => v.inventoryQuantity),
  },
};

const INVENTORY_ITEMS: ListSpec<InventoryItemRecord> = {
  name: 'inventoryItems',
  search: INVENTORY_ITEM_SEARCH,
  defaultSort: 'ID',
  sorts: { ID: id },
};

const CUSTOMERS: ListSpec<CustomerRecord> = {
  name: 'customers',
  search: CUSTOMER_SEARCH,
  defaultSort: 'ID',
  sorts: {
    ID: id,
    UPDATED_AT: byTime((c) => c.updatedMs),
    CREATED_AT: byTime((c) => c.createdMs),
    NAME: byText((c) => `${c.lastName ?? ''} ${c.firstName ?? ''}`),
  },
};

const ORDERS: ListSpec<OrderRecord> = {
  name: 'orders',
  search: ORDER_SEARCH,
  defaultSort: 'PROCESSED_AT',
  sorts: {
    ID: id,
    PROCESSED_AT: byTime((o) => o.processedMs),
    CREATED_AT: byTime((o) => o.createdMs),
    UPDATED_AT: byTime((o) => o.updatedMs),
    ORDER_NUMBER: byTime((o) => o.number),
    TOTAL_PRICE: byTime((o) => o.totalMinor),
    CURRENT_TOTAL_PRICE: byTime((o) => o.totalMinor),
    CUSTOMER_NAME: byText((o) => o.customer?.displayName ?? ''),
  },
};

const BULK_OPERATIONS: ListSpec<BulkOperationRecord> = {
  name: 'bulkOperations',
  defaultSort: 'CREATED_AT',
  sorts: { ID: id, CREATED_AT: byTime((b) => b.createdMs), COMPLETED_AT: byTime((b) => b.completedMs ?? 0) },
};

type Args = ListArgs & Record<string, unknown>;
type Resolver = (args: Args, ctx: SimContext, info: GraphQLResolveInfo) => unknown;

function locationsSpec(includeInactive: boolean): ListSpec<LocationRecord> {
  return {
    name: includeInactive ? 'locations+inactive' : 'locations',
    search: LOCATION_SEARCH,
    defaultSort: 'NAME',
    sorts: { ID: id, NAME: byText((l) => l.name), CREATED_AT: byTime((l) => l.createdMs) },
  };
}

function webhooksSpec(args: Args): ListSpec<WebhookSubscriptionRecord> {
  const key = JSON.stringify([args.topics ?? null, args.uri ?? null, args.callbackUrl ?? null]);
  return {
    name: `webhooks|${key}`,
    defaultSort: 'CREATED_AT',
    sorts: { ID: id, CREATED_AT: byTime((w) => w.createdMs) },
  };
}

function filteredWebhooks(ctx: SimContext, args: Args): WebhookSubscriptionRecord[] {
  const topics = args.topics as string[] | null | undefined;
  const uri = (args.uri ?? args.callbackUrl) as string | null | undefined;
  return ctx.state.webhookSubscriptions.filter(
    (w) => (!topics || topics.includes(w.topic)) && (!uri || w.uri === uri),
  );
}

function byGid<T>(map: Map<number, T>, value: unknown, type: string): T | null {
  const num = idOf(value, type);
  return num === undefined ? null : (map.get(num) ?? null);
}

/** The root value: one method per supported QueryRoot field. */
export const queryRoot: Record<string, Resolver> = {
  shop: (_a, ctx) => ctx.state.shop,
  node: (a, ctx) => ctx.state.node(a.id) ?? null,
  nodes: (a, ctx) => (a.ids as string[]).map((value) => ctx.state.node(value) ?? null),
  product: (a, ctx) => byGid(ctx.state.productById, a.id, 'Product'),
  products: (a, ctx, info) => listConnection(ctx, info, ctx.state.products, a, PRODUCTS),
  productsCount: (a, ctx) =>
    countOf(filterBySearch(ctx.state.products, a.query, PRODUCT_SEARCH).length, a.limit as number),
  productVariant: (a, ctx) => byGid(ctx.state.variantById, a.id, 'ProductVariant'),
  productVariants: (a, ctx, info) => listConnection(ctx, info, ctx.state.variants, a, VARIANTS),
  productVariantsCount: (a, ctx) =>
    countOf(filterBySearch(ctx.state.variants, a.query, VARIANT_SEARCH).length, a.limit as number),
  location: (a, ctx) =>
    a.id === null || a.id === undefined
      ? (ctx.state.locations[0] ?? null)
      : byGid(ctx.state.locationById, a.id, 'Location'),
  locations: (a, ctx, info) => {
    const all = !!a.includeInactive;
    const items = all ? ctx.state.locations : ctx.state.locations.filter((l) => l.active);
    return listConnection(ctx, info, items, a, locationsSpec(all));
  },
  locationsCount: (a, ctx) =>
    countOf(filterBySearch(ctx.state.locations, a.query, LOCATION_SEARCH).length, a.limit as number),
  inventoryItem: (a, ctx) => byGid(ctx.state.inventoryItemById, a.id, 'InventoryItem'),
  inventoryItems: (a, ctx, info) => listConnection(ctx, info, ctx.state.inventoryItems, a, INVENTORY_ITEMS),
  inventoryLevel: (a, ctx) => ctx.state.inventoryLevel(String(a.id)) ?? null,
  customer: (a, ctx) => byGid(ctx.state.customerById, a.id, 'Customer'),
  customers: (a, ctx, info) => listConnection(ctx, info, ctx.state.customers, a, CUSTOMERS),
  customersCount: (a, ctx) =>
    countOf(filterBySearch(ctx.state.customers, a.query, CUSTOMER_SEARCH).length, a.limit as number),
  order: (a, ctx) => byGid(ctx.state.orderById, a.id, 'Order'),
  orders: (a, ctx, info) => listConnection(ctx, info, ctx.state.orders, a, ORDERS),
  ordersCount: (a, ctx) =>
    countOf(filterBySearch(ctx.state.orders, a.query, ORDER_SEARCH).length, a.limit as number),
  refund: (a, ctx) => byGid(ctx.state.refunds, a.id, 'Refund'),
  bulkOperation: (a, ctx) =>
    ctx.state.bulkOperations.find((op) => op.num === idOf(a.id, 'BulkOperation')) ?? null,
  bulkOperations: (a, ctx, info) => listConnection(ctx, info, ctx.state.bulkOperations, a, BULK_OPERATIONS),
  currentBulkOperation: (a, ctx) => {
    const type = (a.type as string | undefined) ?? 'QUERY';
    const ops = ctx.state.bulkOperations.filter((op) => op.type === type);
    return ops[ops.length - 1] ?? null;
  },
  webhookSubscription: (a, ctx) =>
    ctx.state.webhookSubscriptions.find((w) => w.num === idOf(a.id, 'WebhookSubscription')) ?? null,
  webhookSubscriptions: (a, ctx, info) =>
    listConnection(ctx, info, filteredWebhooks(ctx, a), a, webhooksSpec(a)),
  webhookSubscriptionsCount: (a, ctx) => countOf(ctx.state.webhookSubscriptions.length, a.limit as number),
};
