/**
 * Test fixture: a mid-market merchant (Shopify-like platform "shopify" + NetSuite-like ERP
 * "netsuite") with deliberate disagreements, built from src/model/fixtures.ts and a small local
 * ERP item/level builder. `SEEDED` lists each disagreement the fixture plants, so tests can assert
 * every one appears exactly once and nothing else does.
 *
 * @example
 * const { records, topology } = midMarketFixture();
 */
import type { SystemContext } from '../connectors/types.js';
import { recordId } from '../core/ids.js';
import { makeLevel, makeLocation, makeProduct } from '../model/fixtures.js';
import type { InventoryLevel, Location, Product } from '../model/index.js';
import type { ErpItem } from './match.js';
import { buildTopology, type Topology } from './presets.js';
import { parseTopologyConfig } from './schema.js';

export const SHOP: SystemContext = { merchantId: 'mer_test', system: 'shopify' };
export const ERP: SystemContext = { merchantId: 'mer_test', system: 'netsuite' };

export const MID_MARKET_YAML = `
systems:
  - { name: shopify, vendor: shopify, category: platform }
  - { name: netsuite, vendor: netsuite, category: erp }
preset: mid_market
ownership:
  fulfillment_status: [platform:fulfillment]   # no OMS/WMS connected
`;

export interface ItemSpec {
  n: number;
  sku: string;
  price: number | null;
  currency?: string;
  levels?: { name: string; price: number }[];
}

/** A NetSuite-like item (internal id `n`), updated on 2026-02-<n mod 28>. */
export function makeItem(ctx: SystemContext, spec: ItemSpec): ErpItem {
  const external = String(spec.n);
  const currency = spec.currency ?? 'USD';
  return {
    id: recordId('item', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: `2026-02-${String((spec.n % 28) + 1).padStart(2, '0')}T00:00:00Z`,
    sku: spec.sku,
    barcode: null,
    name: `Item ${spec.sku}`,
    description: null,
    unit_of_measure: 'ea',
    base_price: spec.price === null ? null : { amount: spec.price, currency },
    price_levels: (spec.levels ?? []).map((l) => ({ name: l.name, price: { amount: l.price, currency } })),
    cost: null,
    active: true,
  };
}

/** An ERP inventory level: `item_id` set, `variant_id` null (erp-interface brief). */
export function makeErpLevel(
  ctx: SystemContext,
  item: ErpItem,
  location: Location,
  available: number,
): InventoryLevel {
  const external = `${item.external_id}@${location.external_id}`;
  return {
    id: recordId('inventory_level', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: '2026-03-01T00:00:00Z',
    variant_id: null,
    item_id: item.id,
    sku: item.sku,
    location_id: location.id,
    on_hand: available,
    available,
    committed: 0,
    incoming: 0,
  };
}

/** The disagreements planted below, by kind and match key. */
export const SEEDED = [
  { kind: 'price_mismatch', key: 'TEE-M' },
  { kind: 'price_mismatch', key: 'MUG' },
  { kind: 'missing_in_erp', key: 'PLAT-ONLY' },
  { kind: 'missing_in_platform', key: 'ERP-ONLY' },
  { kind: 'stock_mismatch', key: 'CAP' },
  { kind: 'duplicate_match_key', key: 'DUP' },
] as const;

function platformSide(): { products: Product[]; locations: Location[]; levels: InventoryLevel[] } {
  const products = [
    makeProduct(SHOP, 1, {
      title: 'Tee',
      updated_at: '2026-01-05T00:00:00Z',
      variants: [
        { n: 101, sku: 'TEE-S', price: 2000 },
        { n: 102, sku: ' TEE-M ', price: 2000 }, // whitespace is trimmed by the matcher
      ],
    }),
    makeProduct(SHOP, 2, {
      title: 'Kitchen',
      variants: [
        { n: 201, sku: 'MUG', price: 1500 },
        { n: 202, sku: 'DUP', price: 500 },
        { n: 203, sku: 'DUP', price: 500 },
        { n: 204, sku: 'PLAT-ONLY', price: 900 },
      ],
    }),
    makeProduct(SHOP, 3, { title: 'Cap', variants: [{ n: 301, sku: 'CAP', price: 1200 }] }),
  ];
  const locations = [makeLocation(SHOP, 1, 'Austin store'), makeLocation(SHOP, 2, 'Online DC')];
  const stock: Record<string, [number, number]> = {
    'TEE-S': [3, 2],
    ' TEE-M ': [1, 1],
    MUG: [4, 0],
    DUP: [1, 1],
    'PLAT-ONLY': [6, 0],
    CAP: [2, 3],
  };
  const levels = products.flatMap((p) =>
    p.variants.flatMap((v) =>
      (stock[v.sku ?? ''] ?? [0, 0]).map((q, i) => makeLevel(SHOP, v, locations[i]!, q)),
    ),
  );
  return { products, locations, levels };
}

function erpSide(): { items: ErpItem[]; locations: Location[]; levels: InventoryLevel[] } {
  const items = [
    makeItem(ERP, { n: 1, sku: 'TEE-S', price: 2000, levels: [{ name: 'Wholesale', price: 1400 }] }),
    makeItem(ERP, { n: 2, sku: 'TEE-M', price: 2200, levels: [{ name: 'Wholesale', price: 1500 }] }),
    makeItem(ERP, { n: 3, sku: 'MUG', price: 1600 }),
    makeItem(ERP, { n: 4, sku: 'DUP', price: 500 }),
    makeItem(ERP, { n: 5, sku: 'CAP', price: 1200 }),
    makeItem(ERP, { n: 6, sku: 'ERP-ONLY', price: 700 }),
  ];
  const locations = [makeLocation(ERP, 1, 'WH-A'), makeLocation(ERP, 2, 'WH-B')];
  const stock: Record<string, [number, number]> = {
    'TEE-S': [4, 1],
    'TEE-M': [2, 0],
    MUG: [2, 2],
    DUP: [9, 9],
    CAP: [7, 0],
    'ERP-ONLY': [5, 5],
  };
  const levels = items.flatMap((it) => stock[it.sku]!.map((q, i) => makeErpLevel(ERP, it, locations[i]!, q)));
  return { items, locations, levels };
}

/** The mid-market merchant: records by system name and its built topology. */
export function midMarketFixture(yaml = MID_MARKET_YAML): {
  topology: Topology;
  records: { shopify: ReturnType<typeof platformSide>; netsuite: ReturnType<typeof erpSide> };
} {
  return {
    topology: buildTopology(parseTopologyConfig(yaml)),
    records: { shopify: platformSide(), netsuite: erpSide() },
  };
}
