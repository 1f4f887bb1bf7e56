/**
 * Stock movements shared by orderCreate, refundCreate, the inventory mutations and the scenario
 * helper `setInventory`: planning where an order's units come from (the shop's first active
 * location that has them — inferred, Shopify routes by its order-routing rules), applying the
 * plan (available − n, committed + n, so on_hand is unchanged until fulfilment), restocking, and
 * emitting `inventory_levels/update` for every level touched.
 */
import type { SimContext } from '../context.js';
import type { InventoryItemRecord, InventoryLevelRecord } from '../model/inventory.js';
import type { LocationRecord } from '../model/location.js';
import type { VariantRecord } from '../model/variant.js';
import { inventoryLevelPayload } from '../webhook-payloads.js';

/** `OrderCreateInputsInventoryBehavior` values. */
export type InventoryBehaviour = 'BYPASS' | 'DECREMENT_IGNORING_POLICY' | 'DECREMENT_OBEYING_POLICY';

/** One planned decrement. */
export interface Claim {
  level: InventoryLevelRecord;
  quantity: number;
}

/** A line that cannot be claimed under DECREMENT_OBEYING_POLICY. */
export interface Shortfall {
  index: number;
  variant: VariantRecord;
  available: number;
  quantity: number;
}

/** Plans the decrements for order lines; returns shortfalls instead when the policy forbids them. */
export function planClaims(
  ctx: SimContext,
  lines: { variant: VariantRecord | null; quantity: number }[],
  behaviour: InventoryBehaviour,
): { claims: Claim[]; shortfalls: Shortfall[] } {
  const claims: Claim[] = [];
  const shortfalls: Shortfall[] = [];
  if (behaviour === 'BYPASS') return { claims, shortfalls };
  const planned = new Map<InventoryLevelRecord, number>();
  const free = (level: InventoryLevelRecord) => level.available - (planned.get(level) ?? 0);
  const active = ctx.state.locations.filter((location) => location.active);
  lines.forEach(({ variant, quantity }, index) => {
    if (!variant || !variant.inventoryItem.tracked) return;
    const item = variant.inventoryItem;
    const stocked = active
      .map((location) => item.levelAt(location))
      .filter((level): level is InventoryLevelRecord => !!level);
    let level = stocked.find((candidate) => free(candidate) >= quantity);
    if (!level) {
      if (behaviour === 'DECREMENT_OBEYING_POLICY' && variant.inventoryPolicy === 'DENY') {
        const available = stocked.reduce((max, candidate) => Math.max(max, free(candidate)), 0);
        shortfalls.push({ index, variant, available, quantity });
        return;
      }
      level =
        stocked[0] ??
        (active[0] ? ctx.state.ensureLevel(item, active[0] as LocationRecord, ctx.now) : undefined);
    }
    if (!level) return;
    planned.set(level, (planned.get(level) ?? 0) + quantity);
    claims.push({ level, quantity });
  });
  return { claims, shortfalls };
}

/** Applies planned decrements (available − n, committed + n) and announces the levels. */
export function applyClaims(ctx: SimContext, claims: Claim[]): void {
  const touched = new Set<InventoryLevelRecord>();
  for (const { level, quantity } of claims) {
    level.available -= quantity;
    level.committed += quantity;
    level.updatedMs = ctx.now;
    touched.add(level);
  }
  announceLevels(ctx, touched);
}

/** Emits `INVENTORY_LEVELS_UPDATE` for each level. */
export function announceLevels(ctx: SimContext, levels: Iterable<InventoryLevelRecord>): void {
  for (const level of levels) ctx.services.emit('INVENTORY_LEVELS_UPDATE', inventoryLevelPayload(level));
  ctx.state.touch();
}

/** Sets `available` of an item at a location (creating the level), keeping on_hand consistent. */
export function setAvailable(
  ctx: SimContext,
  item: InventoryItemRecord,
  location: LocationRecord,
  available: number,
) {
  const level = ctx.state.ensureLevel(item, location, ctx.now);
  level.available = available;
  level.updatedMs = ctx.now;
  announceLevels(ctx, [level]);
  return level;
}
