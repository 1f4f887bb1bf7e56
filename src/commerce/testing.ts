/**
 * Test fixtures for workflows and surfaces: small unified-record builders (ids from `recordId`, so
 * they are what a connector would produce), `asStream` to feed them to `upsertStream`, and
 * `seedTwoMerchants`, the shared two-tenant seed. The in-memory connector each merchant gets is
 * `MemoryPlatform` (`connectors/testing/memory-platform.ts`).
 *
 * @example
 * const product = makeProduct(A, 1, { title: 'Tee', variants: [{ n: 11, sku: 'TEE-M' }] });
 * await rt.records.upsertStream(A.merchantId, asStream.products([product]));
 */
import { MemoryPlatform } from '../connectors/testing/memory-platform.js';
import {
  asStream,
  makeCustomer,
  makeLevel,
  makeLocation,
  makeOrder,
  makeProduct,
} from '../model/fixtures.js';
import type { Customer, Location, Order, Product } from '../model/index.js';
import type { Runtime } from '../runtime.js';

export * from '../model/fixtures.js';

export const A = { merchantId: 'mer_a', system: 'shopify' };
export const B = { merchantId: 'mer_b', system: 'shopify' };

export interface Seed {
  keyA: string;
  keyB: string;
  platformA: MemoryPlatform;
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
 * Seeds merchants A and B (records, API keys, a `MemoryPlatform` each). A: 12 products (5 named, 7
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
  const platformA = new MemoryPlatform(A);
  rt.connectors.register(A, platformA);
  rt.connectors.register(B, new MemoryPlatform(B));
  return { keyA, keyB, platformA, a, b };
}
