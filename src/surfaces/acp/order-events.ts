/**
 * `order_update` events: when an order that an ACP checkout created changes in the merchant's
 * systems (fulfilled, cancelled, refunded — as sync stores it), the session's order is refreshed
 * from the store and, when it differs from what the agent platform last got, sent again as
 * `order_update` (the full order, as the webhook spec requires). The step `created` → `confirmed`
 * alone is not an update worth sending.
 *
 * Sync does not call this yet: the lead wires it where synced orders are stored (see the report).
 *
 * @example
 * await notifyOrderChanged(ctx, 'mer_a', 'ord_…'); // true when an order_update was queued
 */
import { getOrder } from '../../commerce/catalog.js';
import { canonicalJson } from '../../store/idempotency.js';
import type { AcpContext } from './context.js';
import { toAcpOrder } from './order.js';
import type { AcpOrder } from './types.js';

const comparable = (order: AcpOrder) =>
  canonicalJson({ ...order, status: order.status === 'created' ? 'confirmed' : order.status });

export async function notifyOrderChanged(
  ctx: AcpContext,
  merchantId: string,
  orderId: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const session = await ctx.sessions.findByOrder(merchantId, orderId);
    if (!session?.order) return false;
    const stored = await getOrder(ctx.rt, merchantId, orderId);
    const order = { ...toAcpOrder(stored, session.id, ''), permalink_url: session.order.permalink_url };
    if (comparable(order) === comparable(session.order)) return false;
    const saved = await ctx.sessions.save(
      { ...session, order, updated_at: ctx.now().toISOString() },
      session.revision,
    );
    if (!saved) continue;
    await ctx.webhooks.emit(merchantId, 'order_update', order);
    return true;
  }
  return false;
}
