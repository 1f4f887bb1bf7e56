import { describe, expect, it } from 'vitest';
import { recordId } from '../../core/ids.js';
import { InventoryLevel, Location, Product } from '../../model/index.js';
import { CTX, inventoryItemFixture, locationFixture, productFixture } from './fixtures.js';
import {
  pickPrice,
  productStatus,
  toUnifiedInventoryLevels,
  toUnifiedLocation,
  toUnifiedProduct,
} from './map-catalog.js';

const id = (kind: Parameters<typeof recordId>[0], external: string) =>
  recordId(kind, CTX.merchantId, CTX.system, external);

describe('Medusa catalog mapping', () => {
  it('given a product with two variants when mapped then ids, options and variants in rank order come out', () => {
    const product = Product.parse(toUnifiedProduct(CTX, productFixture()));
    expect(product).toMatchObject({
      id: id('product', 'prod_01TENT'),
      external_id: 'prod_01TENT',
      title: 'Trail Tent',
      handle: 'trail-tent',
      description: 'Trail Tent for two.',
      vendor: null,
      product_type: 'Tents',
      status: 'active',
      tags: ['camping'],
      options: [
        { name: 'Capacity', values: ['2P', '3P'] },
        { name: 'Colour', values: ['GRN'] },
      ],
    });
    expect(product.variants.map((v) => v.sku)).toEqual(['TENT-2P-GRN', 'TENT-3P-GRN']);
    expect((product.raw as Record<string, unknown>).variants).toBeUndefined();
  });

  it('given variants when mapped then SKU, minor-unit price, option values in option order and stock policy are kept', () => {
    const [twoP, threeP] = toUnifiedProduct(CTX, productFixture()).variants;
    expect(twoP).toMatchObject({
      id: id('variant', 'variant_01TENT2P'),
      product_id: id('product', 'prod_01TENT'),
      sku: 'TENT-2P-GRN',
      barcode: '0012345678905',
      position: 0,
      price: { amount: 24_999, currency: 'USD' },
      options: [
        { name: 'Capacity', value: '2P' },
        { name: 'Colour', value: 'GRN' },
      ],
      inventory_item_id: 'iitem_01TENT2P',
      inventory_tracked: true,
      inventory_policy: 'deny',
      weight: { value: 2100, unit: 'g' },
      dimensions: null,
      hs_code: '630622',
      country_of_origin: 'VN',
    });
    expect(threeP).toMatchObject({
      barcode: '4006381333931',
      price: { amount: 29_999, currency: 'USD' },
      options: [
        { name: 'Capacity', value: '3P' },
        { name: 'Colour', value: 'GRN' },
      ],
      inventory_policy: 'continue',
      dimensions: { length: 60, width: 20, height: 20, unit: 'cm' },
      attributes: { material: 'nylon' },
    });
  });

  it('given prices in several currencies, tiers and rules when picked then the plain price in the region currency wins', () => {
    const prices = productFixture().variants![1]!.prices;
    expect(pickPrice(prices, 'USD')).toEqual({ amount: 24_999, currency: 'USD' });
    expect(pickPrice(productFixture().variants![0]!.prices, 'EUR')).toEqual({
      amount: 27_900,
      currency: 'EUR',
    });
    // No price in the region currency: another currency's price, labelled as such — never relabelled.
    expect(pickPrice([{ id: 'p', amount: 5, currency_code: 'eur' }], 'USD')).toEqual({
      amount: 500,
      currency: 'EUR',
    });
    expect(pickPrice([], 'USD')).toEqual({ amount: 0, currency: 'USD' });
  });

  it('given options and values in whatever order Medusa sends them when mapped then the order is always the same', () => {
    const shuffled = productFixture();
    shuffled.options = [...shuffled.options!]
      .reverse()
      .map((o) => ({ ...o, values: [...(o.values ?? [])].reverse() }));
    const a = toUnifiedProduct(CTX, productFixture());
    const b = toUnifiedProduct(CTX, shuffled);
    expect(b.options).toEqual(a.options);
    expect(b.variants.map((v) => v.options)).toEqual(a.variants.map((v) => v.options));
    const ranked = productFixture();
    ranked.options![0]!.values = [
      { id: 'v1', value: 'XL', rank: 1 },
      { id: 'v2', value: 'S', rank: 0 },
      { id: 'v3', value: 'A', rank: null },
    ];
    expect(toUnifiedProduct(CTX, ranked).options[0]!.values).toEqual(['S', 'XL', 'A']);
  });

  it('given every Medusa product status when mapped then each has a unified status', () => {
    expect(['draft', 'proposed', 'published', 'rejected'].map((s) => productStatus(s as never))).toEqual([
      'draft',
      'draft',
      'active',
      'archived',
    ]);
  });

  it('given a stock location linked to a sales channel with shipping when mapped then it is an active fulfilling warehouse', () => {
    const location = Location.parse(toUnifiedLocation(CTX, locationFixture()));
    expect(location).toMatchObject({
      id: id('location', 'sloc_01EAST'),
      name: 'East Coast Warehouse',
      kind: 'warehouse',
      active: true,
      fulfills_online_orders: true,
      address: {
        line1: '100 Harbor Road',
        city: 'Newark',
        region: 'NJ',
        postal_code: '07105',
        country: 'US',
      },
    });
    const store = toUnifiedLocation(CTX, {
      ...locationFixture(),
      name: 'Downtown Store',
      sales_channels: [],
    });
    expect([store.kind, store.fulfills_online_orders]).toEqual(['store', false]);
  });

  it('given an inventory item stocked at two locations when mapped then each level has available = stocked − reserved', () => {
    const levels = toUnifiedInventoryLevels(CTX, inventoryItemFixture()).map((l) => InventoryLevel.parse(l));
    expect(levels.map((l) => [l.external_id, l.on_hand, l.available, l.committed, l.incoming])).toEqual([
      ['ilev_01EAST', 10, 8, 2, 5],
      ['ilev_01WEST', 4, 4, 0, 0],
    ]);
    expect(levels[0]).toMatchObject({
      id: id('inventory_level', 'ilev_01EAST'),
      variant_id: id('variant', 'variant_01TENT2P'),
      location_id: id('location', 'sloc_01EAST'),
      sku: 'TENT-2P-GRN',
      updated_at: '2026-11-26T19:42:36.202Z',
    });
  });

  it('given an inventory item linked to no variant when mapped then its levels carry no variant', () => {
    const item = { ...inventoryItemFixture(), variants: [] };
    expect(toUnifiedInventoryLevels(CTX, item).map((l) => l.variant_id)).toEqual([null, null]);
  });
});
