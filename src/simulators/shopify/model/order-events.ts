/**
 * What happens to an order after it is placed: payment `OrderTransaction`s, `Fulfillment`s with
 * tracking, and `Refund`s with their refunded line items and refund transactions.
 */
import type { SimContext } from '../context.js';
import { gid, isoTime, moneyBag, moneyV2 } from '../format.js';
import { BY_ID, emptyConnection, nestedConnection } from './common.js';
import type { LineItemRecord } from './line-item.js';
import type { LocationRecord } from './location.js';
import type { OrderRecord } from './order.js';
import { NodeRecord, ResourceRecord } from './node.js';

/** `OrderTransactionKind` values the simulator uses. */
export type TransactionKind = 'SALE' | 'CAPTURE' | 'AUTHORIZATION' | 'REFUND' | 'VOID';

/** An `OrderTransaction`. */
export class TransactionRecord extends NodeRecord {
  parent: TransactionRecord | null = null;

  constructor(
    readonly num: number,
    readonly order: OrderRecord,
    readonly kind: TransactionKind,
    readonly status: 'SUCCESS' | 'PENDING' | 'FAILURE',
    readonly gateway: string,
    readonly amountMinor: number,
    readonly createdMs: number,
    readonly test: boolean,
  ) {
    super();
  }
  protected get typeName() {
    return 'OrderTransaction';
  }
  get createdAt() {
    return isoTime(this.createdMs);
  }
  get processedAt() {
    return isoTime(this.createdMs);
  }
  get formattedGateway() {
    return this.gateway.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
  }
  get manualPaymentGateway() {
    return this.gateway === 'manual';
  }
  get manuallyCapturable() {
    return false;
  }
  get multiCapturable() {
    return false;
  }
  get errorCode() {
    return null;
  }
  get fees() {
    return [];
  }
  get parentTransaction() {
    return this.parent;
  }
  get paymentId() {
    return `c${this.num}.1`;
  }
  get authorizationExpiresAt() {
    return null;
  }
  get accountNumber() {
    return null;
  }
  amountSet(_a: unknown, ctx: SimContext) {
    return moneyBag(this.amountMinor, ctx.state.currency);
  }
  maximumRefundableV2(_a: unknown, ctx: SimContext) {
    return moneyV2(this.kind === 'REFUND' ? 0 : this.amountMinor, ctx.state.currency);
  }
}

/** A fulfillment's carrier tracking. */
export interface TrackingInfo {
  number: string | null;
  company: string | null;
  url: string | null;
}

/** A `Fulfillment` of an order. */
export class FulfillmentRecord extends ResourceRecord {
  lines: { lineItem: LineItemRecord; quantity: number }[] = [];
  deliveredMs: number | null = null;

  constructor(
    readonly num: number,
    readonly order: OrderRecord,
    readonly location: LocationRecord | null,
    readonly index: number,
    public status: 'SUCCESS' | 'CANCELLED' | 'OPEN' | 'PENDING',
    readonly tracking: TrackingInfo,
    readonly createdMs: number,
    public updatedMs: number,
  ) {
    super();
  }
  protected get typeName() {
    return 'Fulfillment';
  }
  get name() {
    return `${this.order.name}-F${this.index}`;
  }
  get displayStatus() {
    return this.deliveredMs === null ? 'IN_TRANSIT' : 'DELIVERED';
  }
  get deliveredAt() {
    return this.deliveredMs === null ? null : isoTime(this.deliveredMs);
  }
  get inTransitAt() {
    return isoTime(this.createdMs);
  }
  get estimatedDeliveryAt() {
    return null;
  }
  get requiresShipping() {
    return true;
  }
  get totalQuantity() {
    return this.lines.reduce((sum, line) => sum + line.quantity, 0);
  }
  get service() {
    return null;
  }
  get originAddress() {
    return null;
  }
  trackingInfo(args: { first?: number | null }) {
    const list = this.tracking.number ? [this.tracking] : [];
    return args.first === null || args.first === undefined ? list : list.slice(0, args.first);
  }
  fulfillmentLineItems(args: { first?: number; after?: string }, ctx: SimContext) {
    const items = this.lines.map((line, i) => ({
      num: this.num * 100 + i,
      id: gid('FulfillmentLineItem', this.num * 100 + i),
      lineItem: line.lineItem,
      quantity: line.quantity,
      originalTotalSet: moneyBag(line.lineItem.unitMinor * line.quantity, ctx.state.currency),
      discountedTotalSet: moneyBag(line.lineItem.unitMinor * line.quantity, ctx.state.currency),
    }));
    return nestedConnection(ctx, items, args, BY_ID);
  }
  fulfillmentOrders(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
  events(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
}

/** One refunded line item. */
export interface RefundLine {
  num: number;
  lineItem: LineItemRecord;
  quantity: number;
  restockType: 'NO_RESTOCK' | 'CANCEL' | 'RETURN' | 'LEGACY_RESTOCK';
  location: LocationRecord | null;
}

/** A `Refund`. */
export class RefundRecord extends ResourceRecord {
  lines: RefundLine[] = [];
  transactionList: TransactionRecord[] = [];

  constructor(
    readonly num: number,
    readonly order: OrderRecord,
    readonly note: string | null,
    readonly createdMs: number,
  ) {
    super();
  }
  protected get typeName() {
    return 'Refund';
  }
  /** A refund is never edited, so `updatedAt` is its creation time. */
  get updatedMs() {
    return this.createdMs;
  }
  get amountMinor() {
    return this.transactionList.reduce((sum, t) => sum + t.amountMinor, 0);
  }
  get processedAt() {
    return isoTime(this.createdMs);
  }
  get duties() {
    return [];
  }
  get return() {
    return null;
  }
  get staffMember() {
    return null;
  }
  totalRefundedSet(_a: unknown, ctx: SimContext) {
    return moneyBag(this.amountMinor, ctx.state.currency);
  }
  refundLineItems(args: { first?: number; after?: string }, ctx: SimContext) {
    const currency = ctx.state.currency;
    const items = this.lines.map((line) => ({
      num: line.num,
      id: gid('RefundLineItem', line.num),
      lineItem: line.lineItem,
      quantity: line.quantity,
      restockType: line.restockType,
      restocked: line.restockType === 'RETURN' || line.restockType === 'CANCEL',
      location: line.location,
      priceSet: moneyBag(line.lineItem.unitMinor, currency),
      subtotalSet: moneyBag(line.lineItem.unitMinor * line.quantity, currency),
      totalTaxSet: moneyBag(0, currency),
    }));
    return nestedConnection(ctx, items, args, BY_ID);
  }
  transactions(args: { first?: number; after?: string }, ctx: SimContext) {
    return nestedConnection(ctx, this.transactionList, args, BY_ID);
  }
  refundShippingLines(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
  orderAdjustments(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
}
