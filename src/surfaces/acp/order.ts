/**
 * A Concord order as the ACP `Order` (checkout response and webhook payload): its number, a
 * permalink (Concord's own `GET /orders/{id}` URL, as Concord runs no storefront), a status from
 * the spec's defined values, one line per order line with its ordered/current/fulfilled quantities,
 * fulfillments with tracking, refunds as `adjustments`, and totals in minor units.
 *
 * Status: `created` on the order_create event; afterwards cancelled → `canceled`, fulfilled →
 * `shipped` (the seller dispatched it; the spec's `completed` means delivered, which Concord does
 * not learn), partially fulfilled → `processing`, else `confirmed`.
 *
 * @example
 * toAcpOrder(order, 'cs_…', 'https://concord.example.com', 'created').order_number; // '#1001'
 */
import type { Order } from '../../model/index.js';
import type { AcpOrder, AcpTotal } from './types.js';

const FULFILLMENT_STATUS: Record<Order['fulfillments'][number]['status'], string> = {
  pending: 'pending',
  open: 'processing',
  success: 'shipped',
  cancelled: 'canceled',
  error: 'failed',
  failure: 'failed',
};

/** The spec's order status for a stored order (see the module comment). */
export function orderStatus(order: Order): string {
  if (order.status === 'cancelled') return 'canceled';
  if (order.fulfillment_status === 'fulfilled') return 'shipped';
  if (order.fulfillment_status === 'partially_fulfilled') return 'processing';
  return 'confirmed';
}

const isUrl = (value: string | null): value is string => {
  if (!value) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const totalOf = (type: AcpTotal['type'], display_text: string, amount: number): AcpTotal => ({
  type,
  display_text,
  amount,
});

export function toAcpOrder(order: Order, sessionId: string, baseUrl: string, status?: string): AcpOrder {
  const fulfilled = order.fulfillment_status === 'fulfilled';
  const cancelled = order.status === 'cancelled';
  const refunded = order.refunds.reduce((sum, r) => sum + r.amount.amount, 0);
  const totals = [
    totalOf('subtotal', 'Subtotal', order.subtotal.amount),
    totalOf('fulfillment', 'Shipping', order.shipping.amount),
    totalOf('tax', 'Tax', order.tax.amount),
    totalOf('total', 'Total', order.total.amount),
  ];
  if (refunded > 0) totals.push(totalOf('amount_refunded', 'Refunded', refunded));
  return {
    type: 'order',
    id: order.id,
    checkout_session_id: sessionId,
    order_number: order.name,
    permalink_url: `${baseUrl}/orders/${encodeURIComponent(order.id)}`,
    status: status ?? orderStatus(order),
    line_items: order.line_items.map((l) => ({
      id: l.id,
      title: l.title,
      quantity: {
        ordered: l.quantity,
        current: cancelled ? 0 : l.quantity,
        fulfilled: fulfilled ? l.quantity : 0,
      },
      unit_price: l.unit_price.amount,
      subtotal: l.unit_price.amount * l.quantity,
      status: cancelled ? 'removed' : fulfilled ? 'fulfilled' : 'processing',
    })),
    fulfillments: order.fulfillments.map((f) => {
      const tracking = f.tracking[0];
      return {
        id: f.id,
        type: 'shipping' as const,
        status: FULFILLMENT_STATUS[f.status],
        ...(tracking?.company ? { carrier: tracking.company } : {}),
        ...(tracking?.number ? { tracking_number: tracking.number } : {}),
        ...(isUrl(tracking?.url ?? null) ? { tracking_url: tracking!.url! } : {}),
      };
    }),
    adjustments: order.refunds.map((r) => ({
      id: r.id,
      type: 'refund' as const,
      occurred_at: r.created_at,
      status: 'completed' as const,
      amount: r.amount.amount,
      currency: r.amount.currency.toLowerCase(),
      ...(r.note ? { description: r.note } : {}),
    })),
    totals,
  };
}
