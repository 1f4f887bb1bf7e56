import { describe, expect, it } from 'vitest';
import { makeLevel, makeLocation, makeProduct } from '../model/fixtures.js';
import type { RecordBase } from '../model/index.js';
import { midMarketFixture, MID_MARKET_YAML, SEEDED, SHOP } from './fixture.js';
import { buildTopology } from './presets.js';
import { resolveTopology } from './resolve.js';
import { parseTopologyConfig } from './schema.js';
import { ResolvedProduct, type Provenance } from './views.js';
import { Conflict } from './conflicts.js';

type Indexed = Map<string, RecordBase & Record<string, unknown>>;

function indexRecords(records: ReturnType<typeof midMarketFixture>['records']): Indexed {
  const all = [
    ...records.shopify.products,
    ...records.shopify.products.flatMap((p) => p.variants),
    ...records.shopify.levels,
    ...records.netsuite.items,
    ...records.netsuite.levels,
  ];
  return new Map(all.map((r) => [`${r.system}|${r.external_id}`, r as RecordBase & Record<string, unknown>]));
}

function readField(record: Record<string, unknown>, field: string): unknown {
  const level = /^price_levels\[(.+)\]$/.exec(field);
  if (!level) return record[field];
  return (record.price_levels as { name: string; price: unknown }[]).find((l) => l.name === level[1])?.price;
}

/** Every object carrying `provenance` in the tree, with its path and the value it vouches for. */
function sourcedNodes(node: unknown, path = ''): { path: string; value: unknown; provenance: Provenance }[] {
  if (node === null || typeof node !== 'object') return [];
  const obj = node as Record<string, unknown>;
  if ('provenance' in obj) {
    const value = 'value' in obj ? obj.value : obj.available;
    return [{ path, value, provenance: obj.provenance as Provenance }];
  }
  return Object.entries(obj).flatMap(([k, v]) => sourcedNodes(v, `${path}.${k}`));
}

describe('resolver, mid-market', () => {
  const fixture = midMarketFixture();
  const result = resolveTopology(fixture);

  it('given seeded disagreements when resolved then each appears as exactly one conflict and nothing else does', () => {
    const seen = result.conflicts.map((c) => ({ kind: c.kind, key: c.match_key?.trim() }));
    expect(seen.sort((a, b) => `${a.kind}${a.key}`.localeCompare(`${b.kind}${b.key}`))).toEqual(
      SEEDED.map((s) => ({ kind: s.kind, key: s.key })).sort((a, b) =>
        `${a.kind}${a.key}`.localeCompare(`${b.kind}${b.key}`),
      ),
    );
    expect(new Set(result.conflicts.map((c) => c.id)).size).toBe(SEEDED.length);
    for (const c of result.conflicts) expect(Conflict.parse(c)).toEqual(c);
  });

  it('given a price mismatch when reported then both sides carry value and provenance and the ERP wins by rule', () => {
    const mug = result.conflicts.find((c) => c.kind === 'price_mismatch' && c.match_key === 'MUG')!;
    expect(mug.platform).toMatchObject({ system: 'shopify', value: { amount: 1500, currency: 'USD' } });
    expect(mug.erp).toMatchObject({ system: 'netsuite', value: { amount: 1600, currency: 'USD' } });
    expect(mug.erp!.provenance).toEqual([
      { system: 'netsuite', external_id: '3', as_of: '2026-02-04T00:00:00Z', field: 'base_price' },
    ]);
    expect(mug.winner).toBe('netsuite');
    expect(mug.rule).toBe('ownership.price = erp:item (preset mid_market)');
    expect(mug.detail).toEqual({ currency_differs: false });
  });

  it('given the stock mismatch when reported then totals over all locations are compared, with every level cited', () => {
    const cap = result.conflicts.find((c) => c.kind === 'stock_mismatch')!;
    expect([cap.platform!.value, cap.erp!.value]).toEqual([5, 7]);
    expect([cap.platform!.provenance.length, cap.erp!.provenance.length]).toEqual([2, 2]);
    expect(cap.winner).toBe('netsuite');
  });

  it('given the duplicated SKU when reported then both platform variants are cited and neither is priced', () => {
    const dup = result.conflicts.find((c) => c.kind === 'duplicate_match_key')!;
    expect(dup.platform!.provenance.map((p) => p.external_id).sort()).toEqual([
      'gid://fake/ProductVariant/202',
      'gid://fake/ProductVariant/203',
    ]);
    expect(dup.erp!.provenance.map((p) => p.external_id)).toEqual(['4']);
    const kitchen = result.products.find((p) => p.title.value === 'Kitchen')!;
    const dupVariants = kitchen.variants.filter((v) => v.sku.value === 'DUP');
    expect(dupVariants.map((v) => [v.price, v.availability, v.item_id])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
  });

  it('given resolved products when walked then every sourced field points at the record it came from', () => {
    const index = indexRecords(fixture.records);
    const nodes = result.products.flatMap((p) => sourcedNodes(p));
    expect(nodes.length).toBeGreaterThan(0);
    for (const { path, value, provenance } of nodes) {
      const record = index.get(`${provenance.system}|${provenance.external_id}`);
      expect(record, path).toBeDefined();
      expect(provenance.as_of, path).toBe(record!.updated_at);
      expect(value, path).toEqual(readField(record!, provenance.field));
    }
  });

  it('given resolved products when checked then content is the platform record, price and stock the ERP item', () => {
    const index = indexRecords(fixture.records);
    const recordOf = (p: Provenance) => index.get(`${p.system}|${p.external_id}`)!;
    for (const product of result.products) {
      expect(ResolvedProduct.parse(product)).toEqual(product);
      const { product_id, variants, ...content } = product;
      for (const field of Object.values(content)) expect(recordOf(field.provenance).id).toBe(product_id);
      for (const variant of variants) {
        const { variant_id, item_id, match_key: _k, price, availability, ...vcontent } = variant;
        for (const field of Object.values(vcontent)) expect(recordOf(field.provenance).id).toBe(variant_id);
        if (item_id === null) {
          expect([price, availability]).toEqual([null, null]);
          continue;
        }
        expect(recordOf(price!.provenance).id).toBe(item_id);
        expect(availability!.system).toBe('netsuite');
        for (const loc of availability!.locations) expect(recordOf(loc.provenance).item_id).toBe(item_id);
      }
    }
    const priced = result.products.flatMap((p) => p.variants).filter((v) => v.price !== null);
    expect(priced.map((v) => v.sku.value?.trim()).sort()).toEqual(['CAP', 'MUG', 'TEE-M', 'TEE-S']);
  });

  it('given ERP availability when resolved then each location is named and the total is their sum', () => {
    const tee = result.products.find((p) => p.title.value === 'Tee')!.variants[0]!;
    expect(tee.availability).toMatchObject({ system: 'netsuite', total_available: 5 });
    expect(tee.availability!.locations.map((l) => [l.location_name, l.available]).sort()).toEqual([
      ['WH-A', 4],
      ['WH-B', 1],
    ]);
  });

  it('given a configured price level when resolved then that level is the price, and items without it have none', () => {
    const yaml = `${MID_MARKET_YAML}pricing: { price_level: Wholesale }\n`;
    const res = resolveTopology(midMarketFixture(yaml));
    const variants = res.products.flatMap((p) => p.variants);
    const bySku = (sku: string) => variants.find((v) => v.sku.value?.trim() === sku)!;
    expect(bySku('TEE-S').price).toEqual({
      value: { amount: 1400, currency: 'USD' },
      provenance: {
        system: 'netsuite',
        external_id: '1',
        as_of: '2026-02-02T00:00:00Z',
        field: 'price_levels[Wholesale]',
      },
    });
    expect(bySku('MUG').price).toBeNull();
    // against the Wholesale level both tees disagree with the platform; MUG and CAP have no such level
    const mismatched = res.conflicts
      .filter((c) => c.kind === 'price_mismatch')
      .map((c) => c.match_key?.trim());
    expect(mismatched.sort()).toEqual(['TEE-M', 'TEE-S']);
  });

  it('given different currencies when compared then the price mismatch says the currency differs', () => {
    const fx = midMarketFixture();
    const cap = fx.records.netsuite.items.find((i) => i.sku === 'CAP')!;
    cap.base_price = { amount: 1200, currency: 'CAD' };
    const conflict = resolveTopology(fx).conflicts.find(
      (c) => c.kind === 'price_mismatch' && c.match_key === 'CAP',
    );
    expect(conflict?.detail).toEqual({ currency_differs: true });
  });
});

describe('resolver, smb', () => {
  it('given an smb platform with no ERP when resolved then everything comes from the platform and nothing conflicts', () => {
    const topology = buildTopology(
      parseTopologyConfig(
        'systems:\n  - { name: shopify, vendor: shopify, category: platform }\npreset: smb\n',
      ),
    );
    const product = makeProduct(SHOP, 7, { variants: [{ n: 71, sku: 'A', price: 1234 }] });
    const location = makeLocation(SHOP, 1, 'Store');
    const level = makeLevel(SHOP, product.variants[0]!, location, 9);
    const res = resolveTopology({
      topology,
      records: { shopify: { products: [product], levels: [level], locations: [location] } },
    });
    expect(res.conflicts).toEqual([]);
    expect(res.match).toBeNull();
    const variant = res.products[0]!.variants[0]!;
    expect(variant.price).toEqual({
      value: { amount: 1234, currency: 'USD' },
      provenance: {
        system: 'shopify',
        external_id: 'gid://fake/ProductVariant/71',
        as_of: '2026-01-01T00:00:00Z',
        field: 'price',
      },
    });
    expect(variant.availability).toEqual({
      system: 'shopify',
      total_available: 9,
      locations: [
        {
          location_id: location.id,
          location_name: 'Store',
          available: 9,
          on_hand: 10,
          provenance: {
            system: 'shopify',
            external_id: level.external_id,
            as_of: level.updated_at,
            field: 'available',
          },
        },
      ],
    });
    const systems = new Set(sourcedNodes(res.products).map((n) => n.provenance.system));
    expect([...systems]).toEqual(['shopify']);
  });

  it('given an ERP under smb when resolved then the platform price wins the mismatch', () => {
    const yaml = `systems:\n  - { name: shopify, vendor: shopify, category: platform }\n  - { name: netsuite, vendor: netsuite, category: erp }\npreset: smb\n`;
    const res = resolveTopology(midMarketFixture(yaml));
    const mug = res.conflicts.find((c) => c.kind === 'price_mismatch' && c.match_key === 'MUG')!;
    expect([mug.winner, mug.rule]).toEqual(['shopify', 'ownership.price = platform:variant (preset smb)']);
  });
});
