/**
 * The mid-market sandbox's NetSuite account, planted from what the sandbox Shopify store holds: one
 * inventory item per synced Shopify variant (same SKU as `itemId`, the variant's price as the "Base
 * Price" unit price, the variant's total available stock split over the account's warehouses), then
 * a few deliberate disagreements the topology resolver must report: three prices that differ, one
 * stock total that differs, and one item Shopify does not sell. `plantNetSuiteItems` returns the list
 * of what it planted so tests can check every one is reported once and nothing else is.
 *
 * @example
 * const seeded = plantNetSuiteItems(netsuite.state, variants, totals);
 * seeded[0] // { kind: 'price_mismatch', sku: 'APP-00001-S', erp_external_id: '1' }
 */
import type { Variant } from './model/index.js';
import type { NetSuiteState } from './simulators/netsuite/index.js';

/** One planted disagreement: the resolver's conflict kind, the SKU and the NetSuite item's id. */
export interface SeededDisagreement {
  kind: 'price_mismatch' | 'stock_mismatch' | 'missing_in_platform';
  sku: string;
  erp_external_id: string;
}

/** SKU of the item NetSuite holds and Shopify does not sell. */
export const ERP_ONLY_SKU = 'NS-ONLY-00001';
/** What NetSuite adds to a planted price (minor units) and to a planted stock total. */
export const PRICE_DELTA = 250;
export const STOCK_DELTA = 7;

// A fixed modification time keeps the planted account the same at every start.
const PLANTED_AT = Date.UTC(2026, 0, 15);

function addItem(state: NetSuiteState, sku: string, name: string, barcode: string | null): number {
  const id = state.newId('item');
  state.addItem({
    id,
    itemId: sku,
    displayName: name,
    description: '',
    upcCode: barcode ?? '',
    isInactive: false,
    lastModified: PLANTED_AT,
    created: PLANTED_AT,
  });
  return id;
}

/** `total` units split over every location (remainder at the first); committed 0, so available = on hand. */
function addStock(state: NetSuiteState, item: number, total: number): void {
  const count = state.locations.length;
  state.locations.forEach((location, index) => {
    const share = Math.floor(total / count) + (index === 0 ? total % count : 0);
    state.addStock({
      item,
      location: location.id,
      onHand: share,
      committed: 0,
      onOrder: 0,
      lastModified: PLANTED_AT,
    });
  });
}

function addBasePrice(state: NetSuiteState, item: number, amountMinor: number): void {
  const level = state.priceLevels[0];
  const currency = state.currencies[0];
  if (!level || !currency) throw new Error('the NetSuite account has no base price level or currency');
  state.addPrice({ item, priceLevel: level.id, currency: currency.id, unitPrice: amountMinor / 100 });
}

/**
 * Plants the items (see the module comment). `variants`: the synced Shopify variants (unique SKUs,
 * USD prices); `available`: each variant's total available stock by variant id. Variants are taken
 * in SKU order: the first three get a different price, the first tracked one after them a different
 * stock total. The account must be empty of items and have at least one location.
 */
export function plantNetSuiteItems(
  state: NetSuiteState,
  variants: readonly Variant[],
  available: ReadonlyMap<string, number>,
): SeededDisagreement[] {
  const sorted = variants.filter((v) => v.sku).sort((a, b) => (a.sku! < b.sku! ? -1 : 1));
  const priced = new Set(sorted.slice(0, 3).map((v) => v.id));
  const stocked = sorted.find((v, i) => i >= 3 && v.inventory_tracked)?.id;
  const seeded: SeededDisagreement[] = [];
  for (const variant of sorted) {
    const sku = variant.sku!;
    const id = addItem(state, sku, variant.title, variant.barcode);
    const price = variant.price.amount + (priced.has(variant.id) ? PRICE_DELTA : 0);
    addBasePrice(state, id, price);
    const total = (available.get(variant.id) ?? 0) + (variant.id === stocked ? STOCK_DELTA : 0);
    addStock(state, id, total);
    if (priced.has(variant.id)) seeded.push({ kind: 'price_mismatch', sku, erp_external_id: String(id) });
    if (variant.id === stocked) seeded.push({ kind: 'stock_mismatch', sku, erp_external_id: String(id) });
  }
  const extra = addItem(state, ERP_ONLY_SKU, 'Warehouse-only spare part', null);
  addBasePrice(state, extra, 1_000);
  addStock(state, extra, 12);
  seeded.push({ kind: 'missing_in_platform', sku: ERP_ONLY_SKU, erp_external_id: String(extra) });
  return seeded;
}
