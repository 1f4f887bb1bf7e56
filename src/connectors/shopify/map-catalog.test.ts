import { describe, expect, it } from 'vitest';
import { recordId } from '../../core/ids.js';
import { InventoryLevel, Location, Product } from '../../model/index.js';
import { CTX, inventoryItemNode, locationNode, productNode, variantNode } from './fixtures.js';
import {
  htmlToText,
  locationKind,
  toUnifiedInventoryLevel,
  toUnifiedLocation,
  toUnifiedProduct,
  toUnifiedVariant,
} from './map.js';

const id = (kind: Parameters<typeof recordId>[0], gid: string) =>
  recordId(kind, CTX.merchantId, CTX.system, gid);

describe('toUnifiedProduct', () => {
  it('given a product node then every product field is mapped', () => {
    const node = productNode();
    const p = toUnifiedProduct(CTX, node);
    expect(Product.parse(p)).toBeTruthy();
    expect(p.id).toBe(id('product', 'gid://shopify/Product/8765432'));
    expect(p.system).toBe('shopify');
    expect(p.external_id).toBe('gid://shopify/Product/8765432');
    expect(p.updated_at).toBe('2026-02-01T09:30:00Z');
    expect(p.created_at).toBe('2026-01-05T10:00:00Z');
    expect(p.title).toBe('Trailhead 2P Tent');
    expect(p.handle).toBe('trailhead-2p-tent');
    expect(p.description).toBe('Light two-person tent & footprint.');
    expect(p.vendor).toBe('Summit Gear');
    expect(p.product_type).toBe('Tents');
    expect(p.status).toBe('active');
    expect(p.tags).toEqual(['camping', 'tents']);
    expect(p.options).toEqual([
      { name: 'Size', values: ['Small', 'Large'] },
      { name: 'Color', values: ['Red'] },
    ]);
    expect(p.raw).toEqual(expect.objectContaining({ id: node.id, title: node.title }));
    expect(p.raw).not.toHaveProperty('variants');
  });

  it('given variants out of position order then they are embedded sorted by position', () => {
    const p = toUnifiedProduct(CTX, productNode());
    expect(p.variants.map((v) => v.position)).toEqual([1, 2]);
    expect(p.variants.map((v) => v.product_id)).toEqual([p.id, p.id]);
  });

  it('given an empty plain description then text is taken from the HTML', () => {
    const p = toUnifiedProduct(
      CTX,
      productNode({ description: '', descriptionHtml: '<p>Hello&nbsp;<b>world</b></p><p>Two</p>' }),
    );
    expect(p.description).toBe('Hello world\nTwo');
  });

  it.each([
    ['ACTIVE', 'active'],
    ['UNLISTED', 'active'],
    ['DRAFT', 'draft'],
    ['ARCHIVED', 'archived'],
  ] as const)('given status %s then it maps to %s', (status, expected) => {
    expect(toUnifiedProduct(CTX, productNode({ status })).status).toBe(expected);
  });

  it('given empty handle, vendor and type then they are null', () => {
    const p = toUnifiedProduct(CTX, productNode({ handle: '', vendor: '', productType: '' }));
    expect([p.handle, p.vendor, p.product_type]).toEqual([null, null, null]);
  });
});

describe('toUnifiedVariant', () => {
  it('given a variant node with custom metafields then every variant field is mapped', () => {
    const node = variantNode();
    const v = toUnifiedVariant(CTX, node);
    expect(v).toEqual({
      id: id('variant', 'gid://shopify/ProductVariant/43729076'),
      system: 'shopify',
      external_id: 'gid://shopify/ProductVariant/43729076',
      updated_at: '2026-02-01T09:30:00Z',
      product_id: id('product', 'gid://shopify/Product/8765432'),
      title: 'Small / Red',
      sku: 'TENT-2P-S-RED',
      barcode: '0123456789012',
      position: 1,
      options: [
        { name: 'Size', value: 'Small' },
        { name: 'Color', value: 'Red' },
      ],
      price: { amount: 24999, currency: 'USD' },
      compare_at_price: { amount: 29900, currency: 'USD' },
      taxable: true,
      inventory_item_id: 'gid://shopify/InventoryItem/45678901',
      inventory_tracked: true,
      inventory_policy: 'deny',
      weight: { value: 2.4, unit: 'kg' },
      dimensions: { length: 55, width: 18, height: 18, unit: 'cm' },
      attributes: { material: 'Ripstop nylon', care: 'Dry before storing' },
      compatibility: ['Footprint 2P', 'Gear loft'],
      constraints: {
        hazmat: false,
        min_age: 16,
        requires_shipping: true,
        ships_to_countries: null,
        excluded_countries: ['KP', 'IR'],
      },
      country_of_origin: 'VN',
      hs_code: '630622',
      raw: node,
    });
  });

  it('given no metafields, no weight, no compare-at price and policy CONTINUE then defaults apply', () => {
    const v = toUnifiedVariant(
      CTX,
      variantNode({
        compareAtPrice: null,
        sku: '',
        barcode: null,
        inventoryPolicy: 'CONTINUE',
        metafields: { nodes: [] },
        inventoryItem: {
          ...variantNode().inventoryItem,
          measurement: { weight: { value: 0, unit: 'GRAMS' } },
          harmonizedSystemCode: null,
          countryCodeOfOrigin: null,
        },
      }),
    );
    expect(v.compare_at_price).toBeNull();
    expect(v.sku).toBeNull();
    expect(v.barcode).toBeNull();
    expect(v.inventory_policy).toBe('continue');
    expect(v.weight).toBeNull();
    expect(v.dimensions).toBeNull();
    expect(v.attributes).toEqual({});
    expect(v.compatibility).toEqual([]);
    expect(v.constraints).toEqual({
      hazmat: false,
      min_age: null,
      requires_shipping: true,
      ships_to_countries: null,
      excluded_countries: [],
    });
    expect(v.hs_code).toBeNull();
    expect(v.country_of_origin).toBeNull();
  });

  it.each([
    ['GRAMS', 'g'],
    ['KILOGRAMS', 'kg'],
    ['OUNCES', 'oz'],
    ['POUNDS', 'lb'],
  ] as const)('given weight unit %s then the unit is %s', (unit, expected) => {
    const item = { ...variantNode().inventoryItem, measurement: { weight: { value: 1.5, unit } } };
    expect(toUnifiedVariant(CTX, variantNode({ inventoryItem: item })).weight).toEqual({
      value: 1.5,
      unit: expected,
    });
  });

  it('given hazmat true and malformed metafield values then hazmat is set and bad values are skipped', () => {
    const v = toUnifiedVariant(
      CTX,
      variantNode({
        metafields: {
          nodes: [
            { key: 'hazmat', type: 'boolean', value: 'true' },
            { key: 'min_age', type: 'number_integer', value: 'eighteen' },
            { key: 'compatibility', type: 'list.single_line_text_field', value: 'not json' },
            { key: 'dimensions', type: 'json', value: '{"length":-1,"width":2,"height":3,"unit":"cm"}' },
            { key: 'spec_sheet', type: 'file_reference', value: 'gid://shopify/GenericFile/1' },
          ],
        },
      }),
    );
    expect(v.constraints.hazmat).toBe(true);
    expect(v.constraints.min_age).toBeNull();
    expect(v.compatibility).toEqual([]);
    expect(v.dimensions).toBeNull();
    expect(v.attributes).toEqual({});
  });

  it('given a variant without product and no product gid then it is an upstream error', () => {
    const node = variantNode();
    const bare = { ...node, product: undefined } as unknown as typeof node;
    expect(() => toUnifiedVariant(CTX, bare)).toThrow(/without its product/);
    expect(toUnifiedVariant(CTX, bare, 'gid://shopify/Product/1').product_id).toBe(
      id('product', 'gid://shopify/Product/1'),
    );
  });
});

describe('toUnifiedLocation', () => {
  it('given a location node then every field is mapped', () => {
    const node = locationNode();
    const l = toUnifiedLocation(CTX, node);
    expect(Location.parse(l)).toBeTruthy();
    expect(l).toEqual({
      id: id('location', 'gid://shopify/Location/70001'),
      system: 'shopify',
      external_id: 'gid://shopify/Location/70001',
      updated_at: '2026-01-10T08:00:00Z',
      name: 'Reno Distribution Center',
      kind: 'warehouse',
      active: true,
      fulfills_online_orders: true,
      address: {
        line1: '1200 Logistics Way',
        city: 'Reno',
        region: 'NV',
        postal_code: '89502',
        country: 'US',
        phone: '+17755550100',
      },
      raw: node,
    });
  });

  it.each([
    [{ name: 'ShipBob Reno', isFulfillmentService: true, fulfillsOnlineOrders: true }, '3pl'],
    [{ name: 'Acme Dropship', isFulfillmentService: true, fulfillsOnlineOrders: true }, 'drop_ship'],
    [{ name: 'Back room', isFulfillmentService: false, fulfillsOnlineOrders: false }, 'store'],
    [{ name: 'SoHo Store', isFulfillmentService: false, fulfillsOnlineOrders: true }, 'store'],
    [{ name: 'Main warehouse', isFulfillmentService: false, fulfillsOnlineOrders: true }, 'warehouse'],
  ])('given %o then the kind is %s', (node, kind) => {
    expect(locationKind(node)).toBe(kind);
  });

  it('given an inactive location without address then active is false and address null', () => {
    const l = toUnifiedLocation(CTX, locationNode({ isActive: false, address: null }));
    expect(l.active).toBe(false);
    expect(l.address).toBeNull();
  });
});

describe('toUnifiedInventoryLevel', () => {
  it('given an item and a level then every field is mapped', () => {
    const item = inventoryItemNode();
    const level = item.inventoryLevels.nodes[0]!;
    const inv = toUnifiedInventoryLevel(CTX, item, level);
    expect(InventoryLevel.parse(inv)).toBeTruthy();
    expect(inv).toEqual({
      id: id('inventory_level', level.id),
      system: 'shopify',
      external_id: level.id,
      updated_at: '2026-02-02T12:00:00Z',
      variant_id: id('variant', 'gid://shopify/ProductVariant/43729076'),
      sku: 'TENT-2P-S-RED',
      location_id: id('location', 'gid://shopify/Location/70001'),
      on_hand: 15,
      available: 12,
      committed: 3,
      incoming: 20,
      raw: expect.objectContaining({ id: level.id, item: expect.objectContaining({ id: item.id }) }),
    });
  });

  it('given missing quantities and no variant then they are 0 and variant_id null', () => {
    const item = inventoryItemNode({ variant: null, sku: null });
    const level = { ...item.inventoryLevels.nodes[0]!, quantities: [{ name: 'available', quantity: -2 }] };
    const inv = toUnifiedInventoryLevel(CTX, item, level);
    expect([inv.variant_id, inv.sku, inv.available, inv.on_hand, inv.committed, inv.incoming]).toEqual([
      null,
      null,
      -2,
      0,
      0,
      0,
    ]);
  });
});

describe('htmlToText', () => {
  it('given entities and numeric references then they are decoded', () => {
    expect(htmlToText('<div>Caf&eacute;? &#169; &#x263A; &lt;ok&gt;</div><script>x()</script>')).toBe(
      'Caf&eacute;? © ☺ <ok>',
    );
  });
});
