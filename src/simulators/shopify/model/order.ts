/**
 * `Order`: line items, shipping lines, tax, transactions, fulfillments and refunds, with the
 * money sets (`subtotalPriceSet`, `totalPriceSet`, …) derived from them so totals always add up:
 * total = subtotal + shipping + tax (tax added unless `taxesIncluded`).
 */
import type { SimContext } from '../context.js';
import { isoTime, moneyBag } from '../format.js';
import { BY_ID, emptyConnection, firstOf, nestedConnection } from './common.js';
import type { MailingAddressRecord } from './address.js';
import type { CustomerRecord } from './customer.js';
import type { FulfillmentRecord, RefundRecord, TransactionRecord } from './order-events.js';
import type { LineItemRecord, ShippingLineRecord } from './line-item.js';
import { ResourceRecord } from './node.js';

/** `OrderDisplayFinancialStatus` values. */
export type FinancialStatus =
  | 'PENDING'
  | 'AUTHORIZED'
  | 'PARTIALLY_PAID'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'REFUNDED'
  | 'VOIDED'
  | 'EXPIRED';

/** An `Order`. */
export class OrderRecord extends ResourceRecord {
  lineItemList: LineItemRecord[] = [];
  shippingLineList: ShippingLineRecord[] = [];
  fulfillmentList: FulfillmentRecord[] = [];
  refundList: RefundRecord[] = [];
  transactionList: TransactionRecord[] = [];
  taxMinor = 0;
  taxesIncluded = false;
  email: string | null = null;
  phone: string | null = null;
  note: string | null = null;
  customer: CustomerRecord | null = null;
  shippingAddress: MailingAddressRecord | null = null;
  billingAddress: MailingAddressRecord | null = null;
  cancelledMs: number | null = null;
  cancelReason: string | null = null;
  closedMs: number | null = null;
  sourceIdentifier: string | null = null;
  sourceName = 'web';
  test = false;

  constructor(
    readonly num: number,
    readonly number: number,
    public name: string,
    public currency: string,
    public financialStatus: FinancialStatus,
    public tags: string[],
    public createdMs: number,
    public updatedMs: number,
    public processedMs: number,
  ) {
    super();
  }

  protected get typeName() {
    return 'Order';
  }
  get processedAt() {
    return isoTime(this.processedMs);
  }
  get cancelledAt() {
    return this.cancelledMs === null ? null : isoTime(this.cancelledMs);
  }
  get closedAt() {
    return this.closedMs === null ? null : isoTime(this.closedMs);
  }
  get closed() {
    return this.closedMs !== null;
  }
  get confirmed() {
    return true;
  }
  get currencyCode() {
    return this.currency;
  }
  get presentmentCurrencyCode() {
    return this.currency;
  }
  get displayFinancialStatus() {
    return this.financialStatus;
  }
  get displayFulfillmentStatus() {
    const shippable = this.lineItemList.filter((line) => line.currentQuantity > 0);
    const fulfilled = shippable.filter((line) => line.unfulfilledQuantity === 0).length;
    if (shippable.length > 0 && fulfilled === shippable.length) return 'FULFILLED';
    if (this.fulfillmentList.length > 0) return 'PARTIALLY_FULFILLED';
    return 'UNFULFILLED';
  }
  get subtotalMinor() {
    return this.lineItemList.reduce((sum, line) => sum + line.unitMinor * line.quantity, 0);
  }
  get currentSubtotalMinor() {
    return this.lineItemList.reduce((sum, line) => sum + line.unitMinor * line.currentQuantity, 0);
  }
  get shippingMinor() {
    return this.shippingLineList.reduce((sum, line) => sum + line.priceMinor, 0);
  }
  get totalMinor() {
    return this.subtotalMinor + this.shippingMinor + (this.taxesIncluded ? 0 : this.taxMinor);
  }
  get refundedMinor() {
    return this.refundList.reduce((sum, refund) => sum + refund.amountMinor, 0);
  }
  get receivedMinor() {
    return this.transactionList
      .filter((t) => (t.kind === 'SALE' || t.kind === 'CAPTURE') && t.status === 'SUCCESS')
      .reduce((sum, t) => sum + t.amountMinor, 0);
  }
  get subtotalLineItemsQuantity() {
    return this.lineItemList.reduce((sum, line) => sum + line.quantity, 0);
  }
  get currentSubtotalLineItemsQuantity() {
    return this.lineItemList.reduce((sum, line) => sum + line.currentQuantity, 0);
  }
  get fullyPaid() {
    return this.receivedMinor >= this.totalMinor;
  }
  get unpaid() {
    return this.receivedMinor === 0;
  }
  get refundable() {
    return this.receivedMinor > this.refundedMinor;
  }
  get requiresShipping() {
    return this.lineItemList.some((line) => line.requiresShipping);
  }
  get fulfillable() {
    return this.lineItemList.some((line) => line.unfulfilledQuantity > 0);
  }
  get restockable() {
    return this.lineItemList.some((line) => line.restockable);
  }
  get canMarkAsPaid() {
    return !this.fullyPaid;
  }
  get capturable() {
    return false;
  }
  get displayAddress() {
    return this.shippingAddress ?? this.billingAddress;
  }
  get shippingLine() {
    return this.shippingLineList[0] ?? null;
  }
  get paymentGatewayNames() {
    return [...new Set(this.transactionList.map((t) => t.gateway))];
  }
  get discountCodes() {
    return [];
  }
  get discountCode() {
    return null;
  }
  get customAttributes() {
    return [];
  }
  get taxLines() {
    return [];
  }
  get edited() {
    return false;
  }
  get estimatedTaxes() {
    return false;
  }
  get dutiesIncluded() {
    return false;
  }
  get taxExempt() {
    return false;
  }
  get merchantEditable() {
    return true;
  }
  get statusPageUrl() {
    return `https://example.com/orders/${this.num}/status`;
  }
  private bag(ctx: SimContext, minor: number) {
    return moneyBag(minor, ctx.state.currency);
  }
  subtotalPriceSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.subtotalMinor);
  }
  currentSubtotalPriceSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.currentSubtotalMinor);
  }
  totalShippingPriceSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.shippingMinor);
  }
  currentShippingPriceSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.shippingMinor);
  }
  totalTaxSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.taxMinor);
  }
  currentTotalTaxSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.taxMinor);
  }
  totalPriceSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.totalMinor);
  }
  originalTotalPriceSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.totalMinor);
  }
  currentTotalPriceSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.totalMinor - (this.subtotalMinor - this.currentSubtotalMinor));
  }
  totalDiscountsSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, 0);
  }
  currentTotalDiscountsSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, 0);
  }
  currentCartDiscountAmountSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, 0);
  }
  totalRefundedSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.refundedMinor);
  }
  totalRefundedShippingSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, 0);
  }
  totalReceivedSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.receivedMinor);
  }
  netPaymentSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, this.receivedMinor - this.refundedMinor);
  }
  totalOutstandingSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, Math.max(0, this.totalMinor - this.receivedMinor));
  }
  totalCapturableSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, 0);
  }
  totalTipReceivedSet(_a: unknown, ctx: SimContext) {
    return this.bag(ctx, 0);
  }
  get totalWeight() {
    const grams = this.lineItemList.reduce((sum, line) => {
      const item = line.variant?.inventoryItem;
      if (!item) return sum;
      const perUnit = item.weightUnit === 'KILOGRAMS' ? item.weightValue * 1000 : item.weightValue;
      return sum + perUnit * line.quantity;
    }, 0);
    return String(Math.round(grams));
  }
  lineItems(args: { first?: number; after?: string; reverse?: boolean }, ctx: SimContext) {
    return nestedConnection(ctx, this.lineItemList, args, BY_ID);
  }
  shippingLines(args: { first?: number; after?: string; reverse?: boolean }, ctx: SimContext) {
    return nestedConnection(ctx, this.shippingLineList, args, BY_ID);
  }
  fulfillments(args: { first?: number | null }) {
    return firstOf(this.fulfillmentList, args.first);
  }
  refunds(args: { first?: number | null }) {
    return firstOf(this.refundList, args.first);
  }
  transactions(args: { first?: number | null }) {
    return firstOf(this.transactionList, args.first);
  }
  metafields(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
  metafield() {
    return null;
  }
}
