import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Customer, InventoryLevel, Location, Order, Product } from '../../model/index.js';
import { startShopifySimulator, type ShopifySimulator } from '../../simulators/shopify/index.js';
import { forgetSharedLimiters } from '../kit/index.js';
import { collect, simConnector } from './testing.js';

const SEED = {
  products: 14,
  variantsPerProduct: [1, 14] as [number, number],
  locations: 12,
  customers: 7,
  orders: 9,
  seed: 7,
};

let sim: ShopifySimulator;

beforeAll(async () => {
  // Enterprise limits keep the suite fast; pacing under a small bucket has its own test below.
  sim = await startShopifySimulator({ seed: SEED, plan: 'enterprise' });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => forgetSharedLimiters());

describe('Shopify connector against the simulator: paged reads', () => {
  it('given a seeded shop when every product is read to the end then each comes once with all its variants', async () => {
    const records = await collect(simConnector(sim).read('products'));
    const ids = records.map((r) => r.record.external_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(sim.state.products.map((p) => p.id).sort());
    const variants = records.flatMap((r) => (r.record as Product).variants);
    expect(variants).toHaveLength(sim.state.variants.length);
    // Some products have more variants than fit on the first page: they were paged on their own.
    expect(Math.max(...records.map((r) => (r.record as Product).variants.length))).toBeGreaterThan(10);
    for (const r of records) expect(() => Product.parse(r.record)).not.toThrow();
  });

  it('given locations, inventory, customers and orders then each stream returns exactly the simulator state', async () => {
    const connector = simConnector(sim);
    const locations = await collect(connector.read('locations'));
    expect(locations.map((r) => r.record.external_id).sort()).toEqual(
      sim.state.locations.map((l) => l.id).sort(),
    );
    locations.forEach((r) => Location.parse(r.record));

    const levels = await collect(connector.read('inventory_levels'));
    const expectedLevels = sim.state.inventoryItems.flatMap((item) => item.levels.map((level) => level.id));
    expect(levels.map((r) => r.record.external_id).sort()).toEqual(expectedLevels.sort());
    expect(new Set(levels.map((r) => r.record.id)).size).toBe(levels.length);
    levels.forEach((r) => InventoryLevel.parse(r.record));

    const customers = await collect(connector.read('customers'));
    expect(customers.map((r) => r.record.external_id).sort()).toEqual(
      sim.state.customers.map((c) => c.id).sort(),
    );
    customers.forEach((r) => Customer.parse(r.record));

    const orders = await collect(connector.read('orders'));
    expect(orders.map((r) => r.record.external_id).sort()).toEqual(sim.state.orders.map((o) => o.id).sort());
    orders.forEach((r) => Order.parse(r.record));
  });

  it('given the simulator state then estimate() reports its variant, location, customer and order counts', async () => {
    const connector = simConnector(sim);
    expect(await connector.estimate('products')).toBe(sim.state.variants.length);
    expect(await connector.estimate('locations')).toBe(sim.state.locations.length);
    expect(await connector.estimate('customers')).toBe(sim.state.customers.length);
    expect(await connector.estimate('orders')).toBe(sim.state.orders.length);
  });

  it('given a product changed after a point in time when read incrementally from it then only that product comes', async () => {
    const connector = simConnector(sim);
    const before = await collect(connector.read('products'));
    const target = sim.state.products[3]!;
    await sim.updateProduct(target.id, { title: 'Renamed for the incremental test' });
    const stamped = target.updatedAt;
    // Every other product changed before the stamp, so the server-side filter is what leaves them out.
    expect(before.filter((r) => r.record.updated_at >= stamped)).toEqual([]);
    const changed = await collect(connector.read('products', { updatedSince: stamped }));
    expect(changed.map((r) => r.record.external_id)).toEqual([target.id]);
    expect((changed[0]!.record as Product).title).toBe('Renamed for the incremental test');
  });

  it('given a webhook-style fetchOne then the product, the item levels and an order come back; an unknown id is null', async () => {
    const connector = simConnector(sim);
    const product = sim.state.products[0]!;
    const [one] = (await connector.fetchOne('products', product.id))!;
    expect(one!.record.external_id).toBe(product.id);
    const item = sim.state.inventoryItems[0]!;
    const levels = (await connector.fetchOne('inventory_levels', item.id))!;
    expect(levels.map((r) => r.record.external_id).sort()).toEqual(item.levels.map((l) => l.id).sort());
    const order = sim.state.orders[0]!;
    expect((await connector.fetchOne('orders', order.id))![0]!.record.external_id).toBe(order.id);
    expect(await connector.fetchOne('products', 'gid://shopify/Product/1')).toBeNull();
  });
});

describe('Shopify connector against the simulator: pacing and bulk', () => {
  it('given a tiny cost bucket when every product is read then no THROTTLED reaches the caller and the simulator throttled at most once per document', async () => {
    const seed = { ...SEED, products: 3, variantsPerProduct: [6, 9] as [number, number] };
    const small = await startShopifySimulator({ seed, shop: 'tiny-bucket.myshopify.com' });
    try {
      // A bucket smaller than one default page: pages must shrink to fit, and wait for refills.
      small.withRateLimit({ bucketSize: 100, restoreRate: 100 });
      const connector = simConnector(small);
      const records = await collect(connector.read('products'));
      expect(records).toHaveLength(small.state.products.length);
      expect(records.flatMap((r) => (r.record as Product).variants)).toHaveLength(
        small.state.variants.length,
      );
      // The pacer reserves each page's cost before sending; Shopify can only refuse one when our
      // estimate for a document was below its real cost, and we learn the real cost from that answer.
      expect(small.stats.throttled).toBeLessThanOrEqual(2);
      expect(connector.gql.stats.throttled).toBe(small.stats.throttled);
      expect(connector.gql.stats.retries).toBe(small.stats.throttled);
    } finally {
      await small.close();
    }
  });

  it('given bulk operations when the catalog and inventory are read in bulk then they equal the paged reads', async () => {
    const connector = simConnector(sim);
    const progress: string[] = [];
    const bulk = await collect(
      connector.bulkRead!(['products', 'inventory_levels'], { onProgress: (p) => progress.push(p.status) }),
    );
    const paged = [
      ...(await collect(connector.read('products'))),
      ...(await collect(connector.read('inventory_levels'))),
    ];
    const key = (r: { stream: string; record: { id: string } }) => `${r.stream}:${r.record.id}`;
    expect(bulk.map(key).sort()).toEqual(paged.map(key).sort());
    const byId = new Map(paged.map((r) => [key(r), r.record]));
    for (const r of bulk) {
      const { raw: _bulkRaw, ...bulkRecord } = stripRaw(r.record);
      const { raw: _pagedRaw, ...pagedRecord } = stripRaw(byId.get(key(r))!);
      expect(bulkRecord).toEqual(pagedRecord);
    }
    expect(progress).toContain('completed');
  });
});

/** Records without vendor payloads (bulk and paged raw nodes differ in wrapper shape only). */
function stripRaw<T extends { raw?: unknown }>(record: T): T {
  const copy = { ...record, raw: undefined } as T & { variants?: { raw?: unknown }[] };
  if (Array.isArray(copy.variants)) copy.variants = copy.variants.map((v) => ({ ...v, raw: undefined }));
  return copy;
}
