/**
 * `refundCreate(input: RefundInput!) @idempotent(key:)`
 * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/refundCreate). Refunds line items
 * (restocking them when `restockType` is RETURN or CANCEL) and moves money with the given refund
 * `transactions` — as on Shopify, a refund without transactions refunds no money. The key is
 * mandatory from 2026-04; the same key twice creates one refund. Fires `orders/updated`,
 * `refunds/create` and `inventory_levels/update`. Validation messages are inferred.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { SimContext } from '../context.js';
import { idOf, toMinor } from '../format.js';
import type { InventoryLevelRecord } from '../model/inventory.js';
import type { LocationRecord } from '../model/location.js';
import { RefundRecord, TransactionRecord, type RefundLine } from '../model/order-events.js';
import type { OrderRecord } from '../model/order.js';
import { orderPayload } from '../webhook-payloads.js';
import { idempotent, KEY_MISMATCH_MESSAGE } from './idempotency.js';
import { announceLevels } from './stock.js';

interface RefundInput {
  orderId: string;
  note?: string | null;
  allowOverRefunding?: boolean | null;
  refundLineItems?:
    | {
        lineItemId: string;
        quantity: number;
        restockType?: RefundLine['restockType'] | null;
        locationId?: string | null;
      }[]
    | null;
  transactions?:
    { amount: string; gateway: string; kind: string; orderId: string; parentId?: string | null }[] | null;
}

interface UserError {
  field: string[] | null;
  message: string;
}

function refundLines(
  ctx: SimContext,
  order: OrderRecord,
  input: RefundInput,
  errors: UserError[],
): RefundLine[] {
  const lines: RefundLine[] = [];
  (input.refundLineItems ?? []).forEach((entry, i) => {
    const line = order.lineItemList.find((candidate) => candidate.num === idOf(entry.lineItemId, 'LineItem'));
    const field = ['refundLineItems', String(i)];
    if (!line)
      return void errors.push({
        field: [...field, 'lineItemId'],
        message: 'Line item does not exist on this order',
      });
    if (entry.quantity < 1 || entry.quantity > line.refundableQuantity) {
      return void errors.push({
        field: [...field, 'quantity'],
        message: `Quantity cannot refund more items than were purchased (${line.refundableQuantity} refundable)`,
      });
    }
    const location = entry.locationId
      ? (ctx.state.locationById.get(idOf(entry.locationId, 'Location') ?? -1) ?? null)
      : null;
    lines.push({
      num: ctx.state.nextId('RefundLineItem'),
      lineItem: line,
      quantity: entry.quantity,
      restockType: entry.restockType ?? 'NO_RESTOCK',
      location,
    });
  });
  return lines;
}

function restock(ctx: SimContext, lines: RefundLine[]): InventoryLevelRecord[] {
  const touched: InventoryLevelRecord[] = [];
  for (const line of lines) {
    const item = line.lineItem.variant?.inventoryItem;
    if (
      !item ||
      !item.tracked ||
      (line.restockType !== 'RETURN' &&
        line.restockType !== 'CANCEL' &&
        line.restockType !== 'LEGACY_RESTOCK')
    )
      continue;
    const active = ctx.state.locations.filter((location) => location.active);
    const location: LocationRecord | undefined =
      line.location ?? active.find((candidate) => item.levelAt(candidate)) ?? active[0];
    if (!location) continue;
    const level = ctx.state.ensureLevel(item, location, ctx.now);
    line.location = location;
    const unfulfilled = line.restockType === 'CANCEL' ? Math.min(level.committed, line.quantity) : 0;
    level.committed -= unfulfilled;
    level.available += line.quantity;
    level.updatedMs = ctx.now;
    touched.push(level);
  }
  return touched;
}

function createRefund(ctx: SimContext, input: RefundInput) {
  const order = ctx.state.orderById.get(idOf(input.orderId, 'Order') ?? -1);
  if (!order)
    return {
      refund: null,
      order: null,
      userErrors: [{ field: ['orderId'], message: 'Order does not exist' }],
    };
  const errors: UserError[] = [];
  const lines = refundLines(ctx, order, input, errors);
  const amounts = (input.transactions ?? []).map((t) => toMinor(t.amount, ctx.state.currency) ?? NaN);
  if (amounts.some((amount) => !Number.isFinite(amount) || amount <= 0))
    errors.push({ field: ['transactions'], message: 'Amount must be greater than 0' });
  const refundable = order.receivedMinor - order.refundedMinor;
  const total = amounts.reduce((sum, amount) => sum + (Number.isFinite(amount) ? amount : 0), 0);
  if (total > refundable && !input.allowOverRefunding) {
    errors.push({
      field: ['transactions'],
      message: `Refund amount ${total / 100} is greater than net payment received ${refundable / 100}`,
    });
  }
  if (errors.length > 0) return { refund: null, order: null, userErrors: errors };
  const refund = new RefundRecord(ctx.state.nextId('Refund'), order, input.note ?? null, ctx.now);
  refund.lines = lines;
  (input.transactions ?? []).forEach((t, i) => {
    const tx = new TransactionRecord(
      ctx.state.nextId('OrderTransaction'),
      order,
      'REFUND',
      'SUCCESS',
      t.gateway,
      amounts[i] ?? 0,
      ctx.now,
      order.test,
    );
    tx.parent =
      order.transactionList.find((candidate) => candidate.num === idOf(t.parentId, 'OrderTransaction')) ??
      null;
    refund.transactionList.push(tx);
    order.transactionList.push(tx);
  });
  for (const line of lines) line.lineItem.refundedQty += line.quantity;
  order.refundList.push(refund);
  ctx.state.refunds.set(refund.num, refund);
  if (order.refundedMinor > 0)
    order.financialStatus = order.refundedMinor >= order.receivedMinor ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  order.updatedMs = ctx.now;
  const touched = restock(ctx, lines);
  ctx.services.emit('REFUNDS_CREATE', {
    id: refund.num,
    admin_graphql_api_id: refund.id,
    order_id: order.num,
    note: refund.note,
    created_at: refund.createdAt,
  });
  ctx.services.emit('ORDERS_UPDATED', orderPayload(order, ctx.state.currency));
  announceLevels(ctx, touched);
  return { refund, order, userErrors: [] };
}

/** Resolver of `refundCreate` (idempotent by key). */
export function refundCreate(args: { input: RefundInput }, ctx: SimContext, info: GraphQLResolveInfo) {
  return idempotent<unknown>(
    ctx,
    info,
    args,
    () => createRefund(ctx, args.input),
    () => ({
      refund: null,
      order: null,
      userErrors: [{ field: null, message: KEY_MISMATCH_MESSAGE }],
    }),
  );
}
