/**
 * The simulator's in-memory store: products, variants, inventory items and levels, locations,
 * customers, orders, refunds, bulk operations and webhook subscriptions, with id counters (ids grow
 * with creation, so id order is creation order), lookups by gid, and a cache of sorted/filtered
 * views that is dropped whenever anything changes (`touch()`).
 *
 * @example
 * sim.state.orderCount; sim.state.findOrderByTag('concord-ref-R1')?.name // '#1101'
 */
import { parseGid } from './format.js';
import type { BulkOperationRecord, WebhookSubscriptionRecord } from './model/admin.js';
import type { CustomerRecord } from './model/customer.js';
import { InventoryLevelRecord, type InventoryItemRecord } from './model/inventory.js';
import type { LocationRecord } from './model/location.js';
import type { FulfillmentRecord, RefundRecord } from './model/order-events.js';
import type { OrderRecord } from './model/order.js';
import type { ProductRecord } from './model/product.js';
import type { ShopRecord } from './model/shop.js';
import type { VariantRecord } from './model/variant.js';

/** First id of each kind (realistic magnitudes; each kind counts up from its base). */
const ID_BASES = {
  Product: 8_800_000_000_000,
  ProductVariant: 45_000_000_000_000,
  InventoryItem: 47_000_000_000_000,
  ProductOption: 11_000_000_000_000,
  Location: 70_000_000_000,
  Customer: 7_500_000_000_000,
  MailingAddress: 9_300_000_000_000,
  Order: 6_100_000_000_000,
  LineItem: 15_000_000_000_000,
  ShippingLine: 5_000_000_000_000,
  OrderTransaction: 7_200_000_000_000,
  Fulfillment: 5_400_000_000_000,
  Refund: 950_000_000_000,
  RefundLineItem: 600_000_000_000,
  BulkOperation: 5_000_000_000,
  WebhookSubscription: 1_400_000_000_000,
  InventoryAdjustmentGroup: 30_000_000_000_000,
} as const;

/** Kinds of ids the store hands out. */
export type IdKind = keyof typeof ID_BASES;

/** One remembered result of an `@idempotent` mutation. */
export interface IdempotentEntry {
  fingerprint: string;
  result: unknown;
}

/** The in-memory store of one simulated shop. */
export class ShopifyState {
  readonly products: ProductRecord[] = [];
  readonly variants: VariantRecord[] = [];
  readonly inventoryItems: InventoryItemRecord[] = [];
  readonly locations: LocationRecord[] = [];
  readonly customers: CustomerRecord[] = [];
  readonly orders: OrderRecord[] = [];
  readonly bulkOperations: BulkOperationRecord[] = [];
  readonly webhookSubscriptions: WebhookSubscriptionRecord[] = [];
  readonly refunds = new Map<number, RefundRecord>();
  readonly fulfillments = new Map<number, FulfillmentRecord>();
  readonly idempotency = new Map<string, IdempotentEntry>();
  readonly productById = new Map<number, ProductRecord>();
  readonly variantById = new Map<number, VariantRecord>();
  readonly inventoryItemById = new Map<number, InventoryItemRecord>();
  readonly locationById = new Map<number, LocationRecord>();
  readonly customerById = new Map<number, CustomerRecord>();
  readonly orderById = new Map<number, OrderRecord>();
  private readonly counters = new Map<IdKind, number>();
  private views = new Map<string, readonly unknown[]>();
  private orderNumber = 1000;

  constructor(
    readonly shop: ShopRecord,
    readonly currency: string,
  ) {}

  /** Next id of a kind. */
  nextId(kind: IdKind): number {
    const next = (this.counters.get(kind) ?? ID_BASES[kind]) + 1;
    this.counters.set(kind, next);
    return next;
  }

  /** Next order number (#1001, #1002, …). */
  nextOrderNumber(): number {
    this.orderNumber += 1;
    return this.orderNumber;
  }

  /** Marks the store as changed (drops cached sorted views). */
  touch(): void {
    if (this.views.size > 0) this.views = new Map();
  }

  /** A sorted/filtered view cached until the next change. */
  cachedView<T>(key: string, build: () => readonly T[]): readonly T[] {
    let view = this.views.get(key) as readonly T[] | undefined;
    if (!view) {
      view = build();
      if (this.views.size > 64) this.views = new Map();
      this.views.set(key, view);
    }
    return view;
  }

  addProduct(product: ProductRecord): void {
    this.products.push(product);
    this.productById.set(product.num, product);
    for (const variant of product.variantList) this.addVariant(variant);
  }

  addVariant(variant: VariantRecord): void {
    this.variants.push(variant);
    this.variantById.set(variant.num, variant);
    this.inventoryItems.push(variant.inventoryItem);
    this.inventoryItemById.set(variant.inventoryItem.num, variant.inventoryItem);
  }

  addLocation(location: LocationRecord): void {
    this.locations.push(location);
    this.locationById.set(location.num, location);
  }

  addCustomer(customer: CustomerRecord): void {
    this.customers.push(customer);
    this.customerById.set(customer.num, customer);
  }

  addOrder(order: OrderRecord): void {
    this.orders.push(order);
    this.orderById.set(order.num, order);
    for (const refund of order.refundList) this.refunds.set(refund.num, refund);
    for (const fulfillment of order.fulfillmentList) this.fulfillments.set(fulfillment.num, fulfillment);
  }

  /** The level of an item at a location, created (stocking the item there) when missing. */
  ensureLevel(item: InventoryItemRecord, location: LocationRecord, now: number): InventoryLevelRecord {
    const existing = item.levelAt(location);
    if (existing) return existing;
    const level = new InventoryLevelRecord(item, location, 0, 0, 0, now, now);
    insertSorted(item.levels, level, (l) => l.location.num);
    insertSorted(location.levelList, level, (l) => l.item.num);
    return level;
  }

  /** A record by gid (any type the simulator stores), for `node(id:)`. */
  node(id: unknown): unknown {
    const parsed = parseGid(id);
    if (!parsed) return undefined;
    switch (parsed.type) {
      case 'Product':
        return this.productById.get(parsed.id);
      case 'ProductVariant':
        return this.variantById.get(parsed.id);
      case 'InventoryItem':
        return this.inventoryItemById.get(parsed.id);
      case 'Location':
        return this.locationById.get(parsed.id);
      case 'Customer':
        return this.customerById.get(parsed.id);
      case 'Order':
        return this.orderById.get(parsed.id);
      case 'Refund':
        return this.refunds.get(parsed.id);
      case 'Fulfillment':
        return this.fulfillments.get(parsed.id);
      case 'BulkOperation':
        return this.bulkOperations.find((op) => op.num === parsed.id);
      case 'WebhookSubscription':
        return this.webhookSubscriptions.find((sub) => sub.num === parsed.id);
      case 'InventoryLevel':
        return this.inventoryLevel(String(id));
      default:
        return undefined;
    }
  }

  /** An inventory level by its gid (`…/InventoryLevel/<location>?inventory_item_id=<item>`). */
  inventoryLevel(id: string): InventoryLevelRecord | undefined {
    const match = /^gid:\/\/shopify\/InventoryLevel\/(\d+)\?inventory_item_id=(\d+)$/.exec(id);
    if (!match) return undefined;
    const item = this.inventoryItemById.get(Number(match[2]));
    const location = this.locationById.get(Number(match[1]));
    return item && location ? item.levelAt(location) : undefined;
  }

  // ---- lookups for tests and scenario code ----

  get orderCount(): number {
    return this.orders.length;
  }

  get refundCount(): number {
    return this.refunds.size;
  }

  /** The first order carrying `tag`. */
  findOrderByTag(tag: string): OrderRecord | undefined {
    return this.orders.find((order) => order.tags.includes(tag));
  }

  /** The variant with this SKU. */
  findVariantBySku(sku: string): VariantRecord | undefined {
    return this.variants.find((variant) => variant.sku === sku);
  }

  /** The customer with this email (case-insensitive). */
  findCustomerByEmail(email: string): CustomerRecord | undefined {
    const wanted = email.toLowerCase();
    return this.customers.find((customer) => customer.email?.toLowerCase() === wanted);
  }

  /** The level of an inventory item at a location, both given as gids. */
  levelOf(inventoryItemGid: string, locationGid: string): InventoryLevelRecord | undefined {
    const item = this.node(inventoryItemGid) as InventoryItemRecord | undefined;
    const location = this.node(locationGid) as LocationRecord | undefined;
    return item && location ? item.levelAt(location) : undefined;
  }
}

function insertSorted<T>(list: T[], item: T, key: (value: T) => number): void {
  const k = key(item);
  let i = list.length;
  while (i > 0 && key(list[i - 1] as T) > k) i--;
  list.splice(i, 0, item);
}
