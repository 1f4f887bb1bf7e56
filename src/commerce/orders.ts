/**
 * Placing an order. Under a topology whose order record belongs to the ERP (mid_market) the order is
 * routed by `order-routing.ts`; otherwise (SMB: the platform order is the order record) it is placed
 * on the merchant's commerce platform here. Written as small steps, validation first, so nothing is written when the request is wrong:
 *
 *   validate (shape) → resolve (lines → stored variants, one system, one currency) → check stock →
 *   customer (found or created in the platform, recorded) → create (platform order) → record
 *
 * The platform order carries a `reference` derived only from (merchant, idempotency key), and
 * connectors never create two orders for one reference, so a retry after an ambiguous failure (a
 * timeout after the platform committed) finds the same order instead of placing a second one.
 * No step needs compensation: the customer a failed attempt created is the same one a retry finds.
 *
 * @example
 * const { order } = await placeOrder(rt, 'mer_a', { lines: [{ sku: 'TEE-M', quantity: 1 }], customer: { email } }, key);
 */
import type { Runtime } from '../runtime.js';
import { validateOrderInput } from './order-input.js';
import { checkStock, resolveLines } from './order-lines.js';
import {
  createPlatformOrder,
  ensurePlatformCustomer,
  orderReference,
  platformConnector,
  recordOrder,
  withoutRaw,
  type OrderTerms,
  type PlacedOrder,
} from './order-platform.js';
import { isQuoted, placeQuotedOrder } from './order-quote.js';
import { placeRoutedOrder, routesToErp } from './order-routing.js';

export { orderReference, type OrderRouting, type PlacedOrder } from './order-platform.js';

/**
 * Places an order for `merchantId` and returns the order and customer as `GET` shows them (without
 * the vendor payload, which is stored). Throws `validation` (unknown SKU, mixed systems…) or `conflict`
 * (`insufficient_stock`) before any write; connector errors after that keep their category, and a
 * retry with the same idempotency key is safe.
 */
export async function placeOrder(
  rt: Runtime,
  merchantId: string,
  input: unknown,
  idempotencyKey: string,
): Promise<PlacedOrder> {
  if (isQuoted(input)) return placeQuotedOrder(rt, merchantId, input, idempotencyKey, placeOnTerms);
  return placeOnTerms(rt, merchantId, input, idempotencyKey, null);
}

/** Places the order where the topology routes it; with `terms`, on a quote's locked terms. */
async function placeOnTerms(
  rt: Runtime,
  merchantId: string,
  input: unknown,
  idempotencyKey: string,
  terms: OrderTerms | null,
): Promise<PlacedOrder> {
  const topology = rt.topologies.get(merchantId);
  if (topology && routesToErp(topology))
    return placeRoutedOrder(rt, merchantId, topology, input, idempotencyKey, terms);
  const valid = validateOrderInput(input);
  const resolved = await resolveLines(rt, merchantId, valid.lines);
  if (!terms) await checkStock(rt, merchantId, resolved.lines);
  const connector = platformConnector(rt, merchantId, resolved.system);
  const customer = await ensurePlatformCustomer(rt, merchantId, connector, valid);
  const order = await createPlatformOrder(
    connector,
    orderReference(merchantId, idempotencyKey),
    valid,
    resolved.currency,
    resolved.lines.map(({ variant, quantity, index }) => ({
      variant,
      quantity,
      unit_price: terms?.prices.get(index) ?? variant.price,
    })),
    terms ? { terms } : {},
  );
  await recordOrder(rt, merchantId, order);
  rt.logger.info({ merchantId, orderId: order.id, lines: resolved.lines.length }, 'order placed');
  return {
    order: withoutRaw(order),
    customer: withoutRaw(customer),
    sales_order: null,
    routing: {
      topology: 'smb',
      platform: {
        system: order.system,
        order_id: order.id,
        external_id: order.external_id,
        name: order.name,
      },
      erp: null,
    },
  };
}
