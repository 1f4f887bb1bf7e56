import { describe, expect, it } from 'vitest';
import { productPayload } from './webhook-payloads.js';
import { createState, type SeedOptions } from './seed.js';
import { ean13CheckDigit } from './seed-products.js';

const SHOP = {
  domain: 'seed-test.myshopify.com',
  name: 'Seed Test',
  planDisplayName: 'Basic',
  shopifyPlus: false,
};
const seeded = (options: SeedOptions) => createState(options, SHOP);
const snapshot = (options: SeedOptions) =>
  seeded(options)
    .products.slice(0, 5)
    .map((p) => productPayload(p, 'USD'));

describe('seeded catalog', () => {
  it('given the same seed twice when seeding then the catalog is identical', () => {
    expect(snapshot({ products: 40, seed: 7 })).toEqual(snapshot({ products: 40, seed: 7 }));
  });

  it('given another seed when seeding then the catalog differs', () => {
    expect(snapshot({ products: 40, seed: 7 })).not.toEqual(snapshot({ products: 40, seed: 8 }));
  });

  it('given 20 000 products of 5 variants when seeding then exactly 100 000 variants exist', () => {
    const state = seeded({ products: 20_000, variantsPerProduct: [5, 5], customers: 0, orders: 0, seed: 3 });
    expect(state.variants).toHaveLength(100_000);
    expect(state.inventoryItems).toHaveLength(100_000);
    expect(new Set(state.variants.map((v) => v.sku)).size).toBe(100_000);
    expect(new Set(state.products.map((p) => p.handle)).size).toBe(20_000);
  });

  const state = seeded({ products: 300, customers: 200, orders: 100, seed: 1 });

  it('given the sandbox defaults when seeding then variants per product stay within 1–6', () => {
    for (const product of state.products) {
      expect(product.variantList.length).toBeGreaterThanOrEqual(1);
      expect(product.variantList.length).toBeLessThanOrEqual(6);
      const titles = product.variantList.map((v) => v.title);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it('given seeded barcodes when checked then every one is an EAN-13 with a valid check digit', () => {
    const barcodes = state.variants.flatMap((v) => (v.barcode ? [v.barcode] : []));
    expect(barcodes.length).toBeGreaterThan(state.variants.length * 0.8);
    for (const code of barcodes) {
      expect(code).toMatch(/^\d{13}$/);
      expect(Number(code[12])).toBe(ean13CheckDigit(code.slice(0, 12)));
    }
  });

  it('given seeded stock when checked then on_hand = available + committed at every level', () => {
    for (const item of state.inventoryItems) {
      expect(item.levels.length).toBeGreaterThan(0);
      for (const level of item.levels) {
        expect(level.quantity('on_hand')).toBe(level.available + level.committed);
        expect(level.location.active).toBe(true);
      }
    }
    expect(state.locations.filter((l) => l.active)).toHaveLength(4);
    expect(state.locations.filter((l) => !l.active)).toHaveLength(1);
  });

  it('given seeded orders when checked then totals add up and lines reference real variants', () => {
    expect(state.orders).toHaveLength(100);
    for (const order of state.orders) {
      const subtotal = order.lineItemList.reduce((sum, line) => sum + line.unitMinor * line.quantity, 0);
      expect(order.subtotalMinor).toBe(subtotal);
      expect(order.totalMinor).toBe(subtotal + order.shippingMinor + order.taxMinor);
      for (const line of order.lineItemList)
        expect(state.variantById.get(line.variant!.num)).toBe(line.variant);
    }
    expect(state.orders.some((o) => o.refundList.length > 0)).toBe(true);
    expect(state.orders.some((o) => o.fulfillmentList.length > 0)).toBe(true);
  });

  it('given the seeded catalog when checked then restricted goods carry their metafields', () => {
    const metas = state.variants.map((v) => v.meta);
    expect(metas.some((m) => m.hazmat)).toBe(true);
    expect(metas.some((m) => m.minAge === 18)).toBe(true);
    expect(metas.some((m) => m.minAge === 21)).toBe(true);
    expect(metas.every((m) => m.dimensions?.unit === 'cm')).toBe(true);
  });

  it('given seeded customers when checked then emails are unique and addresses are realistic', () => {
    expect(state.customers).toHaveLength(200);
    expect(new Set(state.customers.map((c) => c.email)).size).toBe(200);
    const phones = state.customers.flatMap((c) => (c.phone ? [c.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    expect(state.customers.filter((c) => c.defaultAddress).length).toBeGreaterThan(100);
  });
});
