/**
 * `inventoryAdjustQuantities` (deltas) and `inventorySetQuantities` (absolute values)
 * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/inventoryAdjustQuantities,
 * https://shopify.dev/docs/api/admin-graphql/latest/mutations/inventorySetQuantities). Both need an
 * `@idempotent` key from 2026-04, honour `changeFromQuantity` (compare-and-set: a stale value gets
 * CHANGE_FROM_QUANTITY_STALE and nothing is written), return an `InventoryAdjustmentGroup`, and
 * fire `inventory_levels/update`. Setting `on_hand` moves `available` by the same amount.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { SimContext } from '../context.js';
import { gid, idOf, isoTime } from '../format.js';
import type { InventoryItemRecord, InventoryLevelRecord } from '../model/inventory.js';
import type { LocationRecord } from '../model/location.js';
import { idempotent, KEY_MISMATCH_MESSAGE } from './idempotency.js';
import { announceLevels } from './stock.js';

interface UserError {
  field: string[];
  message: string;
  code: string;
}

interface Change {
  level: InventoryLevelRecord;
  name: string;
  delta: number;
  after: number;
}

const ADJUSTABLE = ['available', 'incoming', 'damaged', 'quality_control', 'reserved', 'safety_stock'];

function target(ctx: SimContext, itemId: string, locationId: string, field: string[], errors: UserError[]) {
  const item: InventoryItemRecord | undefined = ctx.state.inventoryItemById.get(
    idOf(itemId, 'InventoryItem') ?? -1,
  );
  const location: LocationRecord | undefined = ctx.state.locationById.get(idOf(locationId, 'Location') ?? -1);
  if (!item)
    errors.push({
      field: [...field, 'inventoryItemId'],
      message: 'The specified inventory item could not be found.',
      code: 'INVALID_INVENTORY_ITEM',
    });
  if (!location)
    errors.push({
      field: [...field, 'locationId'],
      message: 'The specified location could not be found.',
      code: 'INVALID_LOCATION',
    });
  return item && location ? { item, location } : undefined;
}

function write(level: InventoryLevelRecord, name: string, value: number): void {
  if (name === 'on_hand') level.available += value - level.onHand;
  else if (name === 'available') level.available = value;
  else if (name === 'incoming') level.incoming = value;
  else if (name === 'damaged') level.damaged = value;
  else if (name === 'quality_control') level.qualityControl = value;
  else if (name === 'reserved') level.reserved = value;
  else if (name === 'safety_stock') level.safetyStock = value;
}

function group(
  ctx: SimContext,
  reason: string,
  referenceDocumentUri: string | null | undefined,
  changes: Change[],
) {
  const num = ctx.state.nextId('InventoryAdjustmentGroup');
  return {
    __typename: 'InventoryAdjustmentGroup',
    id: gid('InventoryAdjustmentGroup', num),
    createdAt: isoTime(ctx.now),
    reason,
    referenceDocumentUri: referenceDocumentUri ?? null,
    app: null,
    staffMember: null,
    changes: (args: { quantityNames?: string[] | null }) =>
      changes
        .filter((c) => !args?.quantityNames || args.quantityNames.includes(c.name))
        .map((c) => ({
          name: c.name,
          delta: c.delta,
          quantityAfterChange: c.after,
          item: c.level.item,
          location: c.level.location,
          ledgerDocumentUri: null,
        })),
  };
}

interface Planned {
  item: InventoryItemRecord;
  location: LocationRecord;
  name: string;
  value: number;
}

function currentQuantity(item: InventoryItemRecord, location: LocationRecord, name: string): number {
  return item.levelAt(location)?.quantity(name) ?? 0;
}

function commit(ctx: SimContext, planned: Planned[]): Change[] {
  const changes: Change[] = [];
  const touched = new Set<InventoryLevelRecord>();
  for (const { item, location, name, value } of planned) {
    const level = ctx.state.ensureLevel(item, location, ctx.now);
    touched.add(level);
    const before = level.quantity(name);
    write(level, name, value);
    level.updatedMs = ctx.now;
    changes.push({ level, name, delta: value - before, after: value });
    if (name === 'on_hand')
      changes.push({ level, name: 'available', delta: value - before, after: level.available });
  }
  announceLevels(ctx, touched);
  return changes;
}

interface AdjustInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  changes: {
    delta: number;
    inventoryItemId: string;
    locationId: string;
    changeFromQuantity?: number | null;
  }[];
}

function adjust(ctx: SimContext, input: AdjustInput) {
  const errors: UserError[] = [];
  if (!ADJUSTABLE.includes(input.name))
    errors.push({
      field: ['input', 'name'],
      message: `The quantity name '${input.name}' is not valid.`,
      code: 'INVALID_QUANTITY_NAME',
    });
  if (!input.reason?.trim())
    errors.push({ field: ['input', 'reason'], message: 'The reason is not valid.', code: 'INVALID_REASON' });
  const planned: Planned[] = [];
  input.changes.forEach((change, i) => {
    const field = ['input', 'changes', String(i)];
    const found = target(ctx, change.inventoryItemId, change.locationId, field, errors);
    if (!found || errors.length) return;
    const current = currentQuantity(found.item, found.location, input.name);
    if (
      change.changeFromQuantity !== null &&
      change.changeFromQuantity !== undefined &&
      change.changeFromQuantity !== current
    ) {
      errors.push({
        field: [...field, 'changeFromQuantity'],
        message: 'The changeFromQuantity does not match the current quantity.',
        code: 'CHANGE_FROM_QUANTITY_STALE',
      });
    }
    planned.push({ ...found, name: input.name, value: current + change.delta });
  });
  if (errors.length) return { inventoryAdjustmentGroup: null, userErrors: errors };
  return {
    inventoryAdjustmentGroup: group(ctx, input.reason, input.referenceDocumentUri, commit(ctx, planned)),
    userErrors: [],
  };
}

interface SetInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  quantities: {
    inventoryItemId: string;
    locationId: string;
    quantity: number;
    changeFromQuantity?: number | null;
  }[];
}

function set(ctx: SimContext, input: SetInput) {
  const errors: UserError[] = [];
  if (input.name !== 'available' && input.name !== 'on_hand')
    errors.push({
      field: ['input', 'name'],
      message: 'The quantity name must be available or on_hand.',
      code: 'INVALID_NAME',
    });
  if (!input.reason?.trim())
    errors.push({ field: ['input', 'reason'], message: 'The reason is not valid.', code: 'INVALID_REASON' });
  const planned: Planned[] = [];
  input.quantities.forEach((entry, i) => {
    const field = ['input', 'quantities', String(i)];
    const found = target(ctx, entry.inventoryItemId, entry.locationId, field, errors);
    if (!found || errors.length) return;
    const current = currentQuantity(found.item, found.location, input.name);
    if (
      entry.changeFromQuantity !== null &&
      entry.changeFromQuantity !== undefined &&
      entry.changeFromQuantity !== current
    ) {
      errors.push({
        field: [...field, 'changeFromQuantity'],
        message: 'The changeFromQuantity does not match the current quantity.',
        code: 'CHANGE_FROM_QUANTITY_STALE',
      });
    }
    planned.push({ ...found, name: input.name, value: entry.quantity });
  });
  if (errors.length) return { inventoryAdjustmentGroup: null, userErrors: errors };
  return {
    inventoryAdjustmentGroup: group(ctx, input.reason, input.referenceDocumentUri, commit(ctx, planned)),
    userErrors: [],
  };
}

const mismatch = () => ({
  inventoryAdjustmentGroup: null,
  userErrors: [{ field: null, message: KEY_MISMATCH_MESSAGE, code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH' }],
});

/** Resolver of `inventoryAdjustQuantities`. */
export function inventoryAdjustQuantities(
  args: { input: AdjustInput },
  ctx: SimContext,
  info: GraphQLResolveInfo,
) {
  return idempotent<unknown>(ctx, info, args, () => adjust(ctx, args.input), mismatch);
}

/** Resolver of `inventorySetQuantities`. */
export function inventorySetQuantities(args: { input: SetInput }, ctx: SimContext, info: GraphQLResolveInfo) {
  return idempotent<unknown>(ctx, info, args, () => set(ctx, args.input), mismatch);
}
