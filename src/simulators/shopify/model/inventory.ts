/**
 * `InventoryItem` and `InventoryLevel`. A level holds the named quantities Shopify exposes
 * (https://shopify.dev/docs/apps/build/orders-fulfillment/inventory-management-apps/manage-quantities-states):
 * `on_hand` = available + committed + reserved + damaged + safety_stock + quality_control, and
 * `incoming` is tracked beside them. InventoryLevel gids carry the location's numeric id and the
 * item id as a query parameter (`gid://shopify/InventoryLevel/<location>?inventory_item_id=<item>`,
 * inferred from ids seen in public examples).
 */
import type { SimContext } from '../context.js';
import { simError } from '../errors.js';
import { gid, idOf, isoTime, moneyV2 } from '../format.js';
import type { SortSpec } from '../connections.js';
import { countOf, nestedConnection } from './common.js';
import type { LocationRecord } from './location.js';
import type { VariantRecord } from './variant.js';
import { ResourceRecord } from './node.js';

/** Quantity names `InventoryLevel.quantities(names:)` accepts. */
export const QUANTITY_NAMES = [
  'available',
  'on_hand',
  'committed',
  'incoming',
  'reserved',
  'damaged',
  'safety_stock',
  'quality_control',
] as const;
/** One quantity name. */
export type QuantityName = (typeof QUANTITY_NAMES)[number];

/** An `InventoryLevel`: an item stocked at a location. */
export class InventoryLevelRecord {
  reserved = 0;
  damaged = 0;
  safetyStock = 0;
  qualityControl = 0;

  constructor(
    readonly item: InventoryItemRecord,
    readonly location: LocationRecord,
    public available: number,
    public committed: number,
    public incoming: number,
    public createdMs: number,
    public updatedMs: number,
  ) {}

  get __typename() {
    return 'InventoryLevel';
  }
  get num() {
    return this.location.num;
  }
  get id() {
    return `${gid('InventoryLevel', this.location.num)}?inventory_item_id=${this.item.num}`;
  }
  get onHand() {
    return (
      this.available + this.committed + this.reserved + this.damaged + this.safetyStock + this.qualityControl
    );
  }
  quantity(name: string): number {
    switch (name as QuantityName) {
      case 'available':
        return this.available;
      case 'on_hand':
        return this.onHand;
      case 'committed':
        return this.committed;
      case 'incoming':
        return this.incoming;
      case 'reserved':
        return this.reserved;
      case 'damaged':
        return this.damaged;
      case 'safety_stock':
        return this.safetyStock;
      case 'quality_control':
        return this.qualityControl;
      default:
        throw simError(`The quantity name '${name}' is not valid.`, 'BAD_REQUEST'); // inferred wording
    }
  }
  quantities(args: { names: string[] }) {
    return args.names.map((name) => ({
      __typename: 'InventoryQuantity',
      id: `${gid('InventoryQuantity', this.location.num)}?inventory_item_id=${this.item.num}&name=${name}`,
      name,
      quantity: this.quantity(name),
      updatedAt: isoTime(this.updatedMs),
    }));
  }
  get isActive() {
    return this.location.active;
  }
  get canDeactivate() {
    return true;
  }
  get deactivationAlert() {
    return null;
  }
  get createdAt() {
    return isoTime(this.createdMs);
  }
  get updatedAt() {
    return isoTime(this.updatedMs);
  }
}

/** Levels sort by location id within an item (and by item id within a location). */
export const LEVEL_BY_LOCATION: SortSpec<InventoryLevelRecord> = {
  value: (l) => l.location.num,
  id: (l) => l.location.num,
};
/** Levels of a location, ordered by inventory item id. */
export const LEVEL_BY_ITEM: SortSpec<InventoryLevelRecord> = {
  value: (l) => l.item.num,
  id: (l) => l.item.num,
};

/** An `InventoryItem` (one per variant). */
export class InventoryItemRecord extends ResourceRecord {
  levels: InventoryLevelRecord[] = [];

  constructor(
    readonly num: number,
    readonly variant: VariantRecord,
    public tracked: boolean,
    public requiresShipping: boolean,
    public countryCodeOfOrigin: string | null,
    public harmonizedSystemCode: string | null,
    public weightValue: number,
    public weightUnit: 'GRAMS' | 'KILOGRAMS' | 'OUNCES' | 'POUNDS',
    public costMinor: number | null,
    public createdMs: number,
    public updatedMs: number,
  ) {
    super();
  }

  protected get typeName() {
    return 'InventoryItem';
  }
  get sku() {
    return this.variant.sku;
  }
  get provinceCodeOfOrigin() {
    return null;
  }
  get duplicateSkuCount() {
    return 0;
  }
  get inventoryHistoryUrl() {
    return null;
  }
  get trackedEditable() {
    return { locked: false, reason: null };
  }
  get measurement() {
    return {
      id: gid('InventoryItemMeasurement', this.num),
      weight: { value: this.weightValue, unit: this.weightUnit },
    };
  }
  unitCost(_args: unknown, ctx: SimContext) {
    return this.costMinor === null ? null : moneyV2(this.costMinor, ctx.state.currency);
  }
  inventoryLevels(
    args: { first?: number; after?: string; includeInactive?: boolean | null; reverse?: boolean },
    ctx: SimContext,
  ) {
    const levels = args.includeInactive ? this.levels : this.levels.filter((level) => level.location.active);
    return nestedConnection(ctx, levels, args, LEVEL_BY_LOCATION);
  }
  inventoryLevel(args: { locationId: string; includeInactive?: boolean | null }) {
    const locationNum = idOf(args.locationId, 'Location');
    const level = this.levels.find((candidate) => candidate.location.num === locationNum);
    if (!level || (!args.includeInactive && !level.location.active)) return null;
    return level;
  }
  get locationsCount() {
    return countOf(this.levels.length, null);
  }
  variants(args: { first?: number; after?: string }, ctx: SimContext) {
    return nestedConnection(ctx, [this.variant], args, { value: (v) => v.num, id: (v) => v.num });
  }
  countryHarmonizedSystemCodes(args: { first?: number; after?: string }, ctx: SimContext) {
    return nestedConnection(ctx, [], args, { value: () => 0, id: () => 0 });
  }
  /** The level at a location, if the item is stocked there. */
  levelAt(location: LocationRecord): InventoryLevelRecord | undefined {
    return this.levels.find((level) => level.location === location);
  }
}
