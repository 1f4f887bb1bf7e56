/**
 * Pure builders of what `MemoryPlatform` hands back from its writes: the customer made from a
 * `CustomerInput` and the order made from a `PlatformOrderInput`, on top of the record builders of
 * `model/fixtures.ts`. They are deterministic (no wall clock: the order's `updated_at` follows its
 * sequence number), so tests that compare records never depend on when they ran.
 *
 * @example
 * const customer = customerFromInput(ctx, 0, { email: 'ann@example.com' });
 * const order = orderFromInput(ctx, 0, { reference: 'ref-1', customer: { email: customer.email },
 *   lines: [{ variant_external_id: 'gid://fake/ProductVariant/101', quantity: 1 }], currency: 'USD' }, customer);
 */
import { recordId } from '../../core/ids.js';
import { makeCustomer, makeOrder } from '../../model/fixtures.js';
import type { Customer, Order } from '../../model/index.js';
import { addMoney, multiplyMoney } from '../../model/money.js';
import type { CustomerInput, PlatformOrderInput, SystemContext } from '../types.js';

/** Customers created by the platform are numbered from here, clear of the fixtures' small numbers. */
const FIRST_CUSTOMER = 900;
/** Orders created by the platform are numbered from here, clear of the fixtures' small numbers. */
const FIRST_ORDER = 5000;
const ORDERS_T0 = Date.parse('2026-02-01T00:00:00Z');

/** The customer the platform creates for `input`; `seq` is how many it created before. */
export function customerFromInput(ctx: SystemContext, seq: number, input: CustomerInput): Customer {
  return {
    ...makeCustomer(ctx, FIRST_CUSTOMER + seq, input.email),
    first_name: input.first_name ?? null,
    last_name: input.last_name ?? null,
    phone: input.phone ?? null,
    default_address: input.address ?? null,
  };
}

/**
 * The order the platform creates for `input` (`seq`: how many it created before), priced from the
 * input's unit prices (zero when absent); `raw` keeps the reference, as a real connector stores it.
 */
export function orderFromInput(
  ctx: SystemContext,
  seq: number,
  input: PlatformOrderInput,
  customer: Customer | null,
): Order {
  const base = makeOrder(ctx, FIRST_ORDER + seq, customer);
  const zero = { amount: 0, currency: input.currency };
  const lineItems = input.lines.map((line, i) => {
    const unit = line.unit_price ?? zero;
    const external = `gid://fake/LineItem/${FIRST_ORDER + seq}-${i}`;
    return {
      id: recordId('line_item', ctx.merchantId, ctx.system, external),
      external_id: external,
      variant_id: recordId('variant', ctx.merchantId, ctx.system, line.variant_external_id),
      sku: line.sku ?? null,
      title: line.title ?? '',
      quantity: line.quantity,
      unit_price: unit,
      total: multiplyMoney(unit, line.quantity),
    };
  });
  const subtotal = lineItems.reduce((sum, li) => addMoney(sum, li.total), zero);
  return {
    ...base,
    updated_at: new Date(ORDERS_T0 + seq * 1000).toISOString(),
    currency: input.currency,
    line_items: lineItems,
    subtotal,
    shipping: zero,
    tax: zero,
    total: subtotal,
    shipping_address: input.shipping_address ?? null,
    raw: { reference: input.reference },
  };
}
