/**
 * Test fixtures for workflows and surfaces: small unified-record builders (ids from `recordId`, so
 * they are what a connector would produce), `asStream` to feed them to `upsertStream`, and
 * `seedTwoMerchants`, the shared two-tenant seed. The fake connector is in `fake-platform.ts`.
 *
 * @example
 * const product = makeProduct(A, 1, { title: 'Tee', variants: [{ n: 11, sku: 'TEE-M' }] });
 * await rt.records.upsertStream(A.merchantId, asStream.products([product]));
 */
import type { StreamRecord, SystemContext } from '../connectors/types.js';
import { recordId } from '../core/ids.js';
import type { Customer, InventoryLevel, Location, Order, Product, Variant } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import { FakePlatform } from './fake-platform.js';

export { FakePlatform };

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

export const A = { merchantId: 'mer_a', system: 'shopify' };
export const B = { merchantId: 'mer_b', system: 'shopify' };

export interface Seed {
  keyA: string;
  keyB: string;
  platformA: FakePlatform;
  a: { products: Product[]; locations: Location[]; customers: Customer[]; orders: Order[] };
  b: { products: Product[]; orders: Order[]; customers: Customer[] };
}

/** Merchant A: 12 products (3 named, 9 fillers), 2 locations, stock, 2 customers, 3 orders. */
function catalogA() {
  const products = [
    makeProduct(A, 1, {
      title: 'Classic Tee',
      vendor: 'Acme',
      product_type: 'Shirts',
      variants: [
        { n: 101, sku: 'TEE-S', price: 2500 },
        { n: 102, sku: 'TEE-M', price: 2500 },
      ],
    }),
    makeProduct(A, 2, {
      title: 'Hoodie',
      vendor: 'Acme',
      product_type: 'Sweaters',
      status: 'draft',
      updated_at: '2026-02-10T00:00:00Z',
      variants: [{ n: 201, sku: 'HOOD-M', price: 5500 }],
    }),
    makeProduct(A, 3, {
      title: 'Coffee Mug',
      vendor: 'Mugs & Co',
      product_type: 'Kitchen',
      variants: [{ n: 301, sku: 'MUG', price: 1200, tracked: false }],
    }),
    makeProduct(A, 4, {
      title: 'Gift card',
      vendor: 'Acme',
      variants: [{ n: 401, sku: 'GIFT', price: 5000, policy: 'continue' }],
    }),
    makeProduct(A, 5, {
      title: '100% cotton_tee',
      variants: [{ n: 501, sku: 'COTTON', price: 3000, currency: 'EUR' }],
    }),
    ...Array.from({ length: 7 }, (_, i) => makeProduct(A, 10 + i, { title: `Filler ${i}` })),
  ];
  const locations = [makeLocation(A, 1, 'Austin'), makeLocation(A, 2, 'Berlin')];
  const [tee, teeM] = products[0]!.variants;
  const hoodie = products[1]!.variants[0]!;
  const levels = [
    makeLevel(A, tee!, locations[0]!, 3),
    makeLevel(A, tee!, locations[1]!, 2),
    makeLevel(A, teeM!, locations[0]!, 0),
    makeLevel(A, hoodie, locations[0]!, 10),
  ];
  const customers = [makeCustomer(A, 1, 'alice@example.com'), makeCustomer(A, 2, 'bob@example.com')];
  const orders = [
    makeOrder(A, 1, customers[0]!, { status: 'open' }),
    makeOrder(A, 2, customers[0]!, { status: 'closed', updated_at: '2026-02-10T00:00:00Z' }),
    makeOrder(A, 3, customers[1]!, { status: 'cancelled' }),
  ];
  return { products, locations, levels, customers, orders };
}

function catalogB() {
  const products = [
    makeProduct(B, 1, {
      title: 'Classic Tee of B',
      vendor: 'Acme',
      variants: [{ n: 101, sku: 'TEE-S', tracked: false }],
    }),
  ];
  const customers = [makeCustomer(B, 1, 'alice@example.com')];
  const orders = [makeOrder(B, 1, customers[0]!)];
  return { products, customers, orders, locations: [makeLocation(B, 1)] };
}

/**
 * Seeds merchants A and B (records, API keys, a `FakePlatform` each). A: 12 products (5 named, 7
 * fillers), 2 locations, stock for TEE-S (3 + 2), TEE-M (0) and HOOD-M (10), 2 customers, 3 orders.
 * B: one product sharing A's SKU TEE-S, a location, a customer with A's customer's email, an order.
 */
export async function seedTwoMerchants(rt: Runtime): Promise<Seed> {
  const a = catalogA();
  const b = catalogB();
  await rt.records.upsertStream(A.merchantId, [
    ...asStream.products(a.products),
    ...asStream.locations(a.locations),
    ...asStream.levels(a.levels),
    ...asStream.customers(a.customers),
    ...asStream.orders(a.orders),
  ]);
  await rt.records.upsertStream(B.merchantId, [
    ...asStream.products(b.products),
    ...asStream.locations(b.locations),
    ...asStream.customers(b.customers),
    ...asStream.orders(b.orders),
  ]);
  await rt.merchants.ensureMerchant(A.merchantId, 'A');
  await rt.merchants.ensureMerchant(B.merchantId, 'B');
  const keyA = (await rt.merchants.createApiKey(A.merchantId, 'test')).secret;
  const keyB = (await rt.merchants.createApiKey(B.merchantId, 'test')).secret;
  const platformA = new FakePlatform(A);
  rt.connectors.register(A, platformA);
  rt.connectors.register(B, new FakePlatform(B));
  return { keyA, keyB, platformA, a, b };
}
