/**
 * The read half of the platform contract: every stream paged to the end returns each seeded record
 * exactly once, with Concord ids, every mapped field equal to the seed (SKU, title, price in minor
 * units, option values, location, quantities), records that pass the unified model's schemas, and
 * `fetchOne` finding a record by id (null for one that does not exist). Registered by `platform.ts`.
 *
 * @example
 * describe('reads', () => registerReadContract(() => subject));
 */
import { expect, it } from 'vitest';
import { Customer, InventoryLevel, Location, Order, Product } from '../../model/index.js';
import { concordId, pagesOf, recordsOf, type PlatformSubject } from './platform-subject.js';

function once(ids: string[]): void {
  expect(new Set(ids).size).toBe(ids.length);
}

export function registerReadContract(subject: () => PlatformSubject): void {
  it('given the seeded catalog when products are read in small pages then each product and variant comes exactly once', async () => {
    const { connector, seed, capabilities } = subject();
    const pages = await pagesOf(connector.read('products'));
    expect(pages.length).toBeGreaterThanOrEqual(
      Math.ceil(seed.products.length / capabilities.productPageSize),
    );
    expect(pages.length).toBeGreaterThan(1);
    const products = pages.flat().map((r) => Product.parse(r.record));
    once(products.map((p) => p.external_id));
    expect(products.map((p) => p.external_id).sort()).toEqual(seed.products.map((p) => p.external_id).sort());
    const variants = products.flatMap((p) => p.variants);
    once(variants.map((v) => v.external_id));
    expect(variants).toHaveLength(seed.products.reduce((n, p) => n + p.variants.length, 0));
    for (const p of products) expect(p.id).toBe(concordId(connector, 'product', p.external_id));
  });

  it('given the seed when products are read then every variant has its sku, title, minor-unit price, options and tracking', async () => {
    const { connector, seed } = subject();
    const products = (await recordsOf(connector.read('products'))).map((r) => r.record as Product);
    const byId = new Map(products.map((p) => [p.external_id, p]));
    for (const expected of seed.products) {
      const product = byId.get(expected.external_id)!;
      expect({ title: product.title, handle: product.handle }).toEqual({
        title: expected.title,
        handle: expected.handle,
      });
      const variants = new Map(product.variants.map((v) => [v.external_id, v]));
      for (const ev of expected.variants) {
        const v = variants.get(ev.external_id)!;
        expect(v, `variant ${ev.external_id}`).toBeDefined();
        expect({
          sku: v.sku,
          title: v.title,
          price: v.price,
          options: v.options,
          inventory_tracked: v.inventory_tracked,
          id: v.id,
          product_id: v.product_id,
        }).toEqual({
          sku: ev.sku,
          title: ev.title,
          price: ev.price,
          options: ev.options,
          inventory_tracked: ev.inventory_tracked,
          id: concordId(connector, 'variant', ev.external_id),
          product_id: product.id,
        });
      }
    }
  });

  it('given the seeded locations when read then each comes once with its name', async () => {
    const { connector, seed } = subject();
    const locations = (await recordsOf(connector.read('locations'))).map((r) => Location.parse(r.record));
    once(locations.map((l) => l.external_id));
    expect(locations.map((l) => [l.external_id, l.name]).sort()).toEqual(
      seed.locations.map((l) => [l.external_id, l.name]).sort(),
    );
    for (const l of locations) expect(l.id).toBe(concordId(connector, 'location', l.external_id));
  });

  it('given the seeded stock when inventory levels are read then each variant-location level comes once with its quantities', async () => {
    const { connector, seed } = subject();
    const levels = (await recordsOf(connector.read('inventory_levels'))).map((r) =>
      InventoryLevel.parse(r.record),
    );
    once(levels.map((l) => l.external_id));
    const key = (variantId: string | null | undefined, locationId: string) => `${variantId}@${locationId}`;
    const got = new Map(levels.map((l) => [key(l.variant_id, l.location_id), l]));
    expect(got.size).toBe(levels.length);
    expect(levels).toHaveLength(seed.levels.length);
    for (const e of seed.levels) {
      const level = got.get(
        key(
          concordId(connector, 'variant', e.variant_external_id),
          concordId(connector, 'location', e.location_external_id),
        ),
      );
      expect(level, `level ${e.variant_external_id} at ${e.location_external_id}`).toBeDefined();
      const { on_hand, available, committed, incoming } = level!;
      expect({ on_hand, available, committed, incoming }).toEqual({
        on_hand: e.on_hand,
        available: e.available,
        committed: e.committed,
        incoming: e.incoming,
      });
    }
  });

  it('given the seeded customers when read then each comes once with email and names', async () => {
    const { connector, seed } = subject();
    const customers = (await recordsOf(connector.read('customers'))).map((r) => Customer.parse(r.record));
    once(customers.map((c) => c.external_id));
    const byId = new Map(customers.map((c) => [c.external_id, c]));
    for (const e of seed.customers) {
      const c = byId.get(e.external_id);
      expect(c && { email: c.email, first_name: c.first_name, last_name: c.last_name }).toEqual({
        email: e.email,
        first_name: e.first_name,
        last_name: e.last_name,
      });
      expect(c!.id).toBe(concordId(connector, 'customer', e.external_id));
    }
  });

  it('given the seeded orders when read then each comes once and passes the order schema', async () => {
    const { connector, seed } = subject();
    const orders = (await recordsOf(connector.read('orders'))).map((r) => Order.parse(r.record));
    once(orders.map((o) => o.external_id));
    const ids = new Set(orders.map((o) => o.external_id));
    for (const id of seed.orders) expect(ids.has(id), `order ${id}`).toBe(true);
    for (const o of orders) expect(o.currency).toBe(seed.currency);
  });

  it('given a product id when fetchOne then that product comes back; an id the system lacks gives null', async () => {
    const { connector, seed, fixtures } = subject();
    const wanted = seed.products[0]!;
    const [one, ...rest] = (await connector.fetchOne('products', wanted.external_id)) ?? [];
    expect(rest).toEqual([]);
    expect(one?.stream).toBe('products');
    expect((one!.record as Product).variants.map((v) => v.external_id).sort()).toEqual(
      wanted.variants.map((v) => v.external_id).sort(),
    );
    expect(await connector.fetchOne('products', fixtures.absent.product)).toBeNull();
  });
}
