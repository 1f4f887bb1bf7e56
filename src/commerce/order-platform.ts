/**
 * The platform steps of placing an order, shared by every topology: the order reference, the
 * customer found or created in the commerce platform, the platform order itself and recording it.
 * `orders.ts` (SMB) and `order-routing.ts` (mid-market) compose them.
 *
 * @example
 * const customer = await ensurePlatformCustomer(rt, merchantId, connector, input);
 * const order = await createPlatformOrder(connector, orderReference(merchantId, key), input, lines);
 */
import { createHash } from 'node:crypto';
import type { CustomerInput, PlatformConnector, PlatformOrderInput } from '../connectors/types.js';
import { ConcordError } from '../core/errors.js';
import type { Customer, Money, Order, SalesOrder, Variant } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import type { Preset } from '../topology/index.js';
import type { PlaceOrderInput } from './order-input.js';

/** Where each part of a placed order landed, in every system it was routed to. */
export interface OrderRouting {
  topology: Preset;
  platform: { system: string; order_id: string; external_id: string; name: string };
  erp: { system: string; sales_order_id: string; external_id: string; number: string | null } | null;
}

export interface PlacedOrder {
  order: Order;
  customer: Customer;
  sales_order: SalesOrder | null;
  routing: OrderRouting;
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
export function platformConnector(rt: Runtime, merchantId: string, system: string): PlatformConnector {
  const connector = rt.connectors.get(merchantId, system);
  if (!connector) {
    throw new ConcordError(
      'config',
      'system_not_connected',
      `The system "${system}" of these variants is not connected`,
      { detail: { system } },
    );
  }
  return connector;
}

export function customerInputOf(input: PlaceOrderInput): CustomerInput {
  const { email, first_name, last_name, phone } = input.customer;
  return {
    email,
    ...(first_name !== undefined ? { first_name } : {}),
    ...(last_name !== undefined ? { last_name } : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(input.shipping_address ? { address: input.shipping_address } : {}),
  };
}

/** The customer, found by email or created in the platform, and recorded at once. */
export async function ensurePlatformCustomer(
  rt: Runtime,
  merchantId: string,
  connector: PlatformConnector,
  input: PlaceOrderInput,
) {
  const customer = await connector.findOrCreateCustomer(customerInputOf(input));
  await rt.records.upsertStream(merchantId, [{ stream: 'customers', record: customer }]);
  return customer;
}

/**
 * Terms locked by a quote: per order line (by index) its price and fulfilling location, the
 * shipping charged and the tax lines. Stock was held by the quote, so it is not checked again.
 */
export interface OrderTerms {
  quote_id: string;
  prices: Map<number, Money>;
  locations: Map<number, string>;
  shipping: { title: string; price: Money } | null;
  taxes: { title: string; rate: number; amount: Money }[];
  taxes_included: boolean;
}

/** One line of a platform order: the stored variant and the price to charge for it. */
export interface PricedLine {
  variant: Variant;
  quantity: number;
  unit_price: Money;
}

/** The platform order, guarded by the deterministic reference. */
export function createPlatformOrder(
  connector: PlatformConnector,
  reference: string,
  input: PlaceOrderInput,
  currency: string,
  lines: readonly PricedLine[],
  extra: { tags?: string[]; note?: string; terms?: OrderTerms } = {},
): Promise<Order> {
  const terms = extra.terms;
  const note = [input.note, extra.note].filter((n) => n !== undefined).join('\n');
  const order: PlatformOrderInput = {
    reference,
    customer: customerInputOf(input),
    currency,
    lines: lines.map(({ variant, quantity, unit_price }) => ({
      variant_external_id: variant.external_id,
      quantity,
      unit_price,
      title: variant.title,
      sku: variant.sku,
    })),
    ...(input.shipping_address ? { shipping_address: input.shipping_address } : {}),
    ...(input.billing_address ? { billing_address: input.billing_address } : {}),
    ...(note ? { note } : {}),
    ...(extra.tags ? { tags: extra.tags } : {}),
    ...(terms?.shipping ? { shipping: terms.shipping } : {}),
    ...(terms && terms.taxes.length > 0 ? { taxes: terms.taxes, taxes_included: terms.taxes_included } : {}),
  };
  return connector.createOrder(order);
}

/** A record as reads show it by default: without the vendor payload (that takes `expand=raw`). */
export function withoutRaw<T extends { raw?: unknown }>(record: T): T {
  const { raw: _raw, ...rest } = record;
  return rest as T;
}

/** The order into the record store, so reads see it before the next sync. */
export async function recordOrder(rt: Runtime, merchantId: string, order: Order): Promise<void> {
  await rt.records.upsertStream(merchantId, [{ stream: 'orders', record: order }]);
}
