/**
 * `Location`: warehouses, a retail store, a 3PL (fulfillment service) and inactive locations,
 * with the levels stocked there (kept per location so `location.inventoryLevels` is a list read).
 */
import type { SimContext } from '../context.js';
import { idOf, isoTime } from '../format.js';
import { countryName, provinceName } from './address.js';
import { emptyConnection, nestedConnection } from './common.js';
import { LEVEL_BY_ITEM, type InventoryLevelRecord } from './inventory.js';
import { ResourceRecord } from './node.js';

/** A location's postal address. */
export interface LocationAddressFields {
  address1: string | null;
  address2: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string;
  phone: string | null;
}

/** A `Location`. */
export class LocationRecord extends ResourceRecord {
  levelList: InventoryLevelRecord[] = [];
  deactivatedMs: number | null = null;

  constructor(
    readonly num: number,
    public name: string,
    public active: boolean,
    public fulfillsOnlineOrders: boolean,
    public shipsInventory: boolean,
    public isFulfillmentService: boolean,
    public addressFields: LocationAddressFields,
    public createdMs: number,
    public updatedMs: number,
  ) {
    super();
  }

  protected get typeName() {
    return 'Location';
  }
  get isActive() {
    return this.active;
  }
  get activatable() {
    return !this.active;
  }
  get deactivatable() {
    return this.active;
  }
  get deletable() {
    return !this.active;
  }
  get addressVerified() {
    return true;
  }
  get hasActiveInventory() {
    return this.levelList.length > 0;
  }
  get hasUnfulfilledOrders() {
    return false;
  }
  get isPrimary() {
    return false;
  }
  get deactivatedAt() {
    return this.deactivatedMs === null ? null : isoTime(this.deactivatedMs);
  }
  get fulfillmentService() {
    return null;
  }
  get localPickupSettingsV2() {
    return null;
  }
  get suggestedAddresses() {
    return [];
  }
  get address() {
    const a = this.addressFields;
    const country = countryName(a.countryCode);
    const province = provinceName(a.countryCode, a.provinceCode);
    return {
      ...a,
      country,
      province,
      latitude: null,
      longitude: null,
      formatted: [
        a.address1,
        a.address2,
        [a.city, a.provinceCode, a.zip].filter(Boolean).join(' '),
        country,
      ].filter((line): line is string => !!line),
    };
  }
  inventoryLevels(args: { first?: number; after?: string; reverse?: boolean }, ctx: SimContext) {
    return nestedConnection(ctx, this.levelList, args, LEVEL_BY_ITEM);
  }
  inventoryLevel(args: { inventoryItemId: string }) {
    const itemNum = idOf(args.inventoryItemId, 'InventoryItem');
    return this.levelList.find((level) => level.item.num === itemNum) ?? null;
  }
  metafields(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
  metafield() {
    return null;
  }
}
