/**
 * `ProductVariant` as the simulator stores and serves it: price in minor units, selected options,
 * its inventory item, and the compact `custom` metafields (see `metafield.ts`).
 */
import type { SimContext } from '../context.js';
import { moneyAmount } from '../format.js';
import { emptyConnection } from './common.js';
import type { InventoryItemRecord } from './inventory.js';
import {
  findMetafield,
  metafieldConnection,
  metafieldsOf,
  type MetafieldArgs,
  type VariantMeta,
} from './metafield.js';
import type { ProductRecord } from './product.js';
import { ResourceRecord } from './node.js';

/** `ProductVariantInventoryPolicy` values. */
export type InventoryPolicy = 'DENY' | 'CONTINUE';

/** One selected option of a variant; shared between variants of a product. */
export interface SelectedOption {
  name: string;
  value: string;
  optionValue: { id: string; name: string; hasVariants: boolean };
}

/** A `ProductVariant`. */
export class VariantRecord extends ResourceRecord {
  inventoryItem!: InventoryItemRecord;

  constructor(
    readonly num: number,
    readonly product: ProductRecord,
    public title: string,
    public sku: string | null,
    public barcode: string | null,
    public position: number,
    public priceMinor: number,
    public compareAtMinor: number | null,
    public taxable: boolean,
    public inventoryPolicy: InventoryPolicy,
    public selectedOptions: SelectedOption[],
    public meta: VariantMeta,
    public createdMs: number,
    public updatedMs: number,
  ) {
    super();
  }

  protected get typeName() {
    return 'ProductVariant';
  }
  get displayName() {
    return this.title === 'Default Title' ? this.product.title : `${this.product.title} - ${this.title}`;
  }
  price(_args: unknown, ctx: SimContext) {
    return moneyAmount(this.priceMinor, ctx.state.currency);
  }
  compareAtPrice(_args: unknown, ctx: SimContext) {
    return this.compareAtMinor === null ? null : moneyAmount(this.compareAtMinor, ctx.state.currency);
  }
  /** Sum of `available` over the item's levels at active locations. */
  get inventoryQuantity(): number {
    let total = 0;
    for (const level of this.inventoryItem.levels) if (level.location.active) total += level.available;
    return total;
  }
  get sellableOnlineQuantity() {
    return Math.max(0, this.inventoryQuantity);
  }
  get availableForSale() {
    if (this.product.status !== 'ACTIVE') return false;
    return !this.inventoryItem.tracked || this.inventoryPolicy === 'CONTINUE' || this.inventoryQuantity > 0;
  }
  get requiresComponents() {
    return false;
  }
  get showUnitPrice() {
    return false;
  }
  get unitPrice() {
    return null;
  }
  get unitPriceMeasurement() {
    return null;
  }
  get image() {
    return null;
  }
  get deliveryProfile() {
    return null;
  }
  get defaultCursor() {
    return Buffer.from(JSON.stringify({ last_id: this.num, last_value: this.num })).toString('base64');
  }
  metafieldList() {
    return metafieldsOf(this);
  }
  metafields(args: MetafieldArgs, ctx: SimContext) {
    return metafieldConnection(ctx, metafieldsOf(this), args);
  }
  metafield(args: { namespace?: string | null; key: string }) {
    return findMetafield(metafieldsOf(this), args);
  }
  media(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
  translations() {
    return [];
  }
}
