/**
 * Order lines: `LineItem` (what was bought, at what unit price, how much of it was refunded or
 * fulfilled) and `ShippingLine` (the shipping charge). Amounts are integer minor units.
 */
import type { SimContext } from '../context.js';
import { moneyBag } from '../format.js';
import type { OrderRecord } from './order.js';
import type { ProductRecord } from './product.js';
import type { VariantRecord } from './variant.js';
import { NodeRecord } from './node.js';

/** A `LineItem` of an order. */
export class LineItemRecord extends NodeRecord {
  refundedQty = 0;
  fulfilledQty = 0;

  constructor(
    readonly num: number,
    readonly order: OrderRecord,
    readonly variant: VariantRecord | null,
    readonly product: ProductRecord | null,
    readonly title: string,
    readonly variantTitle: string | null,
    readonly sku: string | null,
    readonly vendor: string | null,
    readonly quantity: number,
    readonly unitMinor: number,
    readonly taxable: boolean,
    readonly requiresShipping: boolean,
  ) {
    super();
  }

  protected get typeName() {
    return 'LineItem';
  }
  get name() {
    return this.variantTitle && this.variantTitle !== 'Default Title'
      ? `${this.title} - ${this.variantTitle}`
      : this.title;
  }
  get currentQuantity() {
    return this.quantity - this.refundedQty;
  }
  get refundableQuantity() {
    return this.quantity - this.refundedQty;
  }
  get unfulfilledQuantity() {
    return Math.max(0, this.quantity - this.refundedQty - this.fulfilledQty);
  }
  get nonFulfillableQuantity() {
    return this.refundedQty;
  }
  get isGiftCard() {
    return false;
  }
  get restockable() {
    return this.refundedQty < this.quantity;
  }
  get merchantEditable() {
    return true;
  }
  get customAttributes() {
    return [];
  }
  get discountAllocations() {
    return [];
  }
  get duties() {
    return [];
  }
  taxLines() {
    return [];
  }
  get image() {
    return null;
  }
  get sellingPlan() {
    return null;
  }
  get lineItemGroup() {
    return null;
  }
  get contract() {
    return null;
  }
  get staffMember() {
    return null;
  }
  private bag(ctx: SimContext, minor: number) {
    return moneyBag(minor, ctx.state.currency);
  }
  originalUnitPriceSet(_args: unknown, ctx: SimContext) {
    return this.bag(ctx, this.unitMinor);
  }
  discountedUnitPriceSet(_args: unknown, ctx: SimContext) {
    return this.bag(ctx, this.unitMinor);
  }
  discountedUnitPriceAfterAllDiscountsSet(_args: unknown, ctx: SimContext) {
    return this.bag(ctx, this.unitMinor);
  }
  originalTotalSet(_args: unknown, ctx: SimContext) {
    return this.bag(ctx, this.unitMinor * this.quantity);
  }
  discountedTotalSet(_args: unknown, ctx: SimContext) {
    return this.bag(ctx, this.unitMinor * this.quantity);
  }
  priceAfterAllDiscountsBeforeTaxesSet(_args: unknown, ctx: SimContext) {
    return this.bag(ctx, this.unitMinor * this.quantity);
  }
  totalDiscountSet(_args: unknown, ctx: SimContext) {
    return this.bag(ctx, 0);
  }
  unfulfilledOriginalTotalSet(_args: unknown, ctx: SimContext) {
    return this.bag(ctx, this.unitMinor * this.unfulfilledQuantity);
  }
  unfulfilledDiscountedTotalSet(_args: unknown, ctx: SimContext) {
    return this.bag(ctx, this.unitMinor * this.unfulfilledQuantity);
  }
  weight() {
    const item = this.variant?.inventoryItem;
    return item ? { value: item.weightValue, unit: item.weightUnit } : null;
  }
}

/** A `ShippingLine` of an order. */
export class ShippingLineRecord extends NodeRecord {
  constructor(
    readonly num: number,
    readonly title: string,
    readonly code: string | null,
    readonly source: string | null,
    readonly priceMinor: number,
  ) {
    super();
  }
  protected get typeName() {
    return 'ShippingLine';
  }
  get custom() {
    return true;
  }
  get isRemoved() {
    return false;
  }
  get carrierIdentifier() {
    return null;
  }
  get deliveryCategory() {
    return null;
  }
  get phone() {
    return null;
  }
  get shippingRateHandle() {
    return null;
  }
  get taxLines() {
    return [];
  }
  get discountAllocations() {
    return [];
  }
  originalPriceSet(_args: unknown, ctx: SimContext) {
    return moneyBag(this.priceMinor, ctx.state.currency);
  }
  discountedPriceSet(_args: unknown, ctx: SimContext) {
    return moneyBag(this.priceMinor, ctx.state.currency);
  }
  currentDiscountedPriceSet(_args: unknown, ctx: SimContext) {
    return moneyBag(this.priceMinor, ctx.state.currency);
  }
}
