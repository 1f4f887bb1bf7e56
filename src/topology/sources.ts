/**
 * Small pure helpers shared by the resolver and the conflict detector: provenance of a record's
 * field, the price an ERP item offers under the configured price level, and the inventory levels
 * a system holds for one variant (platform: by `variant_id`) or one item (ERP: by `item_id`).
 *
 * @example
 * erpPrice(item, 'Wholesale') // { value: { amount: 900, currency: 'USD' }, provenance: { field: 'price_levels[Wholesale]', … } }
 */
import type { InventoryLevel, Money, RecordBase } from '../model/index.js';
import type { Provenance, Sourced } from './views.js';
import type { ErpItem } from './match.js';

/** Provenance of `field` of a unified record. */
export function provenanceOf(record: RecordBase, field: string): Provenance {
  return { system: record.system, external_id: record.external_id, as_of: record.updated_at, field };
}

/** Wraps a record's field value with its provenance. */
export function fromRecord<R extends RecordBase, K extends keyof R & string>(
  record: R,
  field: K,
): Sourced<R[K]> {
  return { value: record[field], provenance: provenanceOf(record, field) };
}

/**
 * The item's price: the named price level when `priceLevel` is set, else the base price; null
 * when the item has no such price (no silent fallback from a level to the base price).
 */
export function erpPrice(item: ErpItem, priceLevel: string | null): Sourced<Money> | null {
  if (priceLevel === null) {
    return item.base_price ? { value: item.base_price, provenance: provenanceOf(item, 'base_price') } : null;
  }
  const level = item.price_levels.find((l) => l.name === priceLevel);
  return level ? { value: level.price, provenance: provenanceOf(item, `price_levels[${priceLevel}]`) } : null;
}

/** Levels a system holds for one record, by `variant_id` (platform) or `item_id` (ERP). */
export function levelsFor(
  levels: readonly InventoryLevel[],
  by: 'variant_id' | 'item_id',
  id: string,
): InventoryLevel[] {
  return levels
    .filter((l) => l[by] === id)
    .sort(
      (a, b) => (a.location_id < b.location_id ? -1 : a.location_id > b.location_id ? 1 : 0) || cmpId(a, b),
    );
}

function cmpId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sum of `available` over levels. */
export function totalAvailable(levels: readonly InventoryLevel[]): number {
  return levels.reduce((sum, l) => sum + l.available, 0);
}
