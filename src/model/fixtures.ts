/**
 * Builders of unified records for tests: what a connector would produce (ids from `recordId`), small
 * and deterministic, with only the fields a test names set apart from plain defaults; `asStream`
 * wraps them for `RecordStore.upsertStream`.
 *
 * @example
 * const product = makeProduct(ctx, 1, { title: 'Tee', variants: [{ n: 11, sku: 'TEE-M' }] });
 * await rt.records.upsertStream(ctx.merchantId, asStream.products([product]));
 */
import type { StreamRecord, SystemContext } from '../connectors/types.js';
import { recordId } from '../core/ids.js';
import type { Customer, InventoryLevel, Location, Order, Product, Variant } from './index.js';

const T = '2026-01-01T00:00:00Z';

export interface VariantSpec {
  n: number;
  sku?: string | null;
  price?: number;
  currency?: string;
  tracked?: boolean;
  policy?: 'deny' | 'continue';
}

export function makeVariant(ctx: SystemContext, productId: string, spec: VariantSpec): Variant {
  const external = `gid://fake/ProductVariant/${spec.n}`;
  return {
    id: recordId('variant', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: T,
    product_id: productId,
    title: `Variant ${spec.n}`,
    sku: spec.sku === undefined ? `SKU-${spec.n}` : spec.sku,
    barcode: null,
    position: 1,
    options: [],
    price: { amount: spec.price ?? 1000, currency: spec.currency ?? 'USD' },
    compare_at_price: null,
    taxable: true,
    inventory_item_id: `gid://fake/InventoryItem/${spec.n}`,
    inventory_tracked: spec.tracked ?? true,
    inventory_policy: spec.policy ?? 'deny',
    weight: null,
    dimensions: null,
    attributes: {},
    compatibility: [],
    constraints: {
      hazmat: false,
      min_age: null,
      requires_shipping: true,
      ships_to_countries: null,
      excluded_countries: [],
    },
    country_of_origin: null,
    hs_code: null,
    raw: { id: external, sku: spec.sku },
  };
}

export function makeProduct(
  ctx: SystemContext,
  n: number,
  fields: Partial<Pick<Product, 'title' | 'vendor' | 'product_type' | 'status' | 'updated_at'>> & {
    variants?: VariantSpec[];
  } = {},
): Product {
  const external = `gid://fake/Product/${n}`;
  const id = recordId('product', ctx.merchantId, ctx.system, external);
  const { variants = [{ n: n * 100 }], ...rest } = fields;
  return {
    id,
    system: ctx.system,
    external_id: external,
    updated_at: T,
    title: `Product ${n}`,
    handle: `product-${n}`,
    description: '',
    vendor: null,
    product_type: null,
    status: 'active',
    tags: [],
    options: [],
    created_at: T,
    variants: variants.map((v) => makeVariant(ctx, id, v)),
    raw: { id: external, title: rest.title ?? `Product ${n}` },
    ...rest,
  };
}

export function makeLocation(ctx: SystemContext, n: number, name = `Location ${n}`): Location {
  const external = `gid://fake/Location/${n}`;
  return {
    id: recordId('location', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: T,
    name,
    kind: 'warehouse',
    active: true,
    fulfills_online_orders: true,
    address: { city: 'Austin', country: 'US' },
    raw: { id: external },
  };
}

export function makeLevel(
  ctx: SystemContext,
  variant: Variant,
  location: Location,
  available: number,
): InventoryLevel {
  const external = `${variant.inventory_item_id}@${location.external_id}`;
  return {
    id: recordId('inventory_level', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: T,
    variant_id: variant.id,
    sku: variant.sku,
    location_id: location.id,
    on_hand: available + 1,
    available,
    committed: 1,
    incoming: 0,
    raw: { id: external },
  };
}

export function makeCustomer(ctx: SystemContext, n: number, email: string): Customer {
  const external = `gid://fake/Customer/${n}`;
  return {
    id: recordId('customer', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: T,
    email,
    phone: null,
    first_name: null,
    last_name: null,
    default_address: null,
    tags: [],
    created_at: T,
    raw: { id: external },
  };
}

export function makeOrder(
  ctx: SystemContext,
  n: number,
  customer: Customer | null,
  fields: Partial<Pick<Order, 'status' | 'updated_at'>> = {},
): Order {
  const external = `gid://fake/Order/${n}`;
  const zero = { amount: 0, currency: 'USD' };
  return {
    id: recordId('order', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: T,
    name: `#${1000 + n}`,
    status: 'open',
    financial_status: 'paid',
    fulfillment_status: 'unfulfilled',
    customer_id: customer?.id ?? null,
    email: customer?.email ?? null,
    currency: 'USD',
    line_items: [],
    subtotal: zero,
    shipping: zero,
    tax: zero,
    total: zero,
    shipping_address: null,
    fulfillments: [],
    refunds: [],
    created_at: T,
    cancelled_at: null,
    raw: { id: external },
    ...fields,
  };
}

/** Convenience: stream records for `upsertStream`. */
export const asStream = {
  products: (records: Product[]): StreamRecord[] => records.map((record) => ({ stream: 'products', record })),
  locations: (records: Location[]): StreamRecord[] =>
    records.map((record) => ({ stream: 'locations', record })),
  levels: (records: InventoryLevel[]): StreamRecord[] =>
    records.map((record) => ({ stream: 'inventory_levels', record })),
  customers: (records: Customer[]): StreamRecord[] =>
    records.map((record) => ({ stream: 'customers', record })),
  orders: (records: Order[]): StreamRecord[] => records.map((record) => ({ stream: 'orders', record })),
};
