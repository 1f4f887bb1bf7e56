/**
 * Placing an order on the merchant's commerce platform (SMB preset: the platform order is the order
 * record). Written as small steps, validation first, so nothing is written when the request is wrong:
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
import { createHash } from 'node:crypto';
import type { CustomerInput, PlatformConnector, PlatformOrderInput } from '../connectors/types.js';
import { ConcordError } from '../core/errors.js';
import type { Customer, Order } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import { validateOrderInput, type PlaceOrderInput } from './order-input.js';
import { checkStock, resolveLines, type ResolvedLines } from './order-lines.js';

export interface PlacedOrder {
  order: Order;
  customer: Customer;
}

/**
 * The reference a platform order carries: the same for the same (merchant, idempotency key), so
 * retries of one request find one order.
 *
 * @example
 * orderReference('mer_a', 'k-1') // 'concord-3f9a…' (32 hex digits)
 */
export function orderReference(merchantId: string, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`order\u0000${merchantId}\u0000${idempotencyKey}`).digest('hex');
  return `concord-${digest.slice(0, 32)}`;
}

/** The connector of the system the lines' variants come from. */
function connectorFor(rt: Runtime, merchantId: string, system: string): PlatformConnector {
  const connector = rt.connectors.get(merchantId, system);
  if (!connector) {
    throw new ConcordError(
      'config',
      'system_not_connected',
      `The system "${system}" of these variants is not connected`,
      {
        detail: { system },
      },
    );
  }
  return connector;
}

function customerInputOf(input: PlaceOrderInput): CustomerInput {
  const { email, first_name, last_name, phone } = input.customer;
  return {
    email,
    ...(first_name !== undefined ? { first_name } : {}),
    ...(last_name !== undefined ? { last_name } : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(input.shipping_address ? { address: input.shipping_address } : {}),
  };
}

/** Step 4: the customer, found by email or created in the platform, and recorded at once. */
async function ensureCustomer(
  rt: Runtime,
  merchantId: string,
  connector: PlatformConnector,
  input: PlaceOrderInput,
) {
  const customer = await connector.findOrCreateCustomer(customerInputOf(input));
  await rt.records.upsertStream(merchantId, [{ stream: 'customers', record: customer }]);
  return customer;
}

/** Step 5: the platform order, at the stored variants' prices, guarded by the deterministic reference. */
function createPlatformOrder(
  connector: PlatformConnector,
  reference: string,
  input: PlaceOrderInput,
  resolved: ResolvedLines,
): Promise<Order> {
  const order: PlatformOrderInput = {
    reference,
    customer: customerInputOf(input),
    currency: resolved.currency,
    lines: resolved.lines.map(({ variant, quantity }) => ({
      variant_external_id: variant.external_id,
      quantity,
      unit_price: variant.price,
      title: variant.title,
      sku: variant.sku,
    })),
    ...(input.shipping_address ? { shipping_address: input.shipping_address } : {}),
    ...(input.billing_address ? { billing_address: input.billing_address } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
  };
  return connector.createOrder(order);
}

/** A record as reads show it by default: without the vendor payload (that takes `expand=raw`). */
function withoutRaw<T extends { raw?: unknown }>(record: T): T {
  const { raw: _raw, ...rest } = record;
  return rest as T;
}

/** Step 6: the order into the record store, so reads see it before the next sync. */
async function recordOrder(rt: Runtime, merchantId: string, order: Order): Promise<void> {
  await rt.records.upsertStream(merchantId, [{ stream: 'orders', record: order }]);
}

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
  const valid = validateOrderInput(input);
  const resolved = await resolveLines(rt, merchantId, valid.lines);
  await checkStock(rt, merchantId, resolved.lines);
  const connector = connectorFor(rt, merchantId, resolved.system);
  const customer = await ensureCustomer(rt, merchantId, connector, valid);
  const order = await createPlatformOrder(
    connector,
    orderReference(merchantId, idempotencyKey),
    valid,
    resolved,
  );
  await recordOrder(rt, merchantId, order);
  rt.logger.info({ merchantId, orderId: order.id, lines: resolved.lines.length }, 'order placed');
  return { order: withoutRaw(order), customer: withoutRaw(customer) };
}
