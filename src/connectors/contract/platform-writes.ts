/**
 * The write half of the platform contract: customers found by email (any case) and created once,
 * orders created at most once per reference (same id, same external id, the merchant's customer kept),
 * stock moving by the ordered quantity as the vendor declares, refunds recorded once per idempotency
 * key, an order read back incrementally, bad input refused with a validation error and nothing written,
 * and webhooks verified or refused per the declared capability. Registered by `platform.ts`.
 *
 * @example
 * describe('writes', () => registerWriteContract(() => subject));
 */
import { expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { Customer, Order, Refund } from '../../model/index.js';
import type { PlatformOrderInput } from '../types.js';
import {
  concordId,
  customerIds,
  orderIds,
  recordsOf,
  stockOf,
  type PlatformSubject,
} from './platform-subject.js';

let sequence = 0;

/** An order of `quantity` units of the fixture variant at its seeded price, for a seeded customer. */
function orderInput(s: PlatformSubject, quantity = 1): PlatformOrderInput {
  const variant = s.seed.products
    .flatMap((p) => p.variants)
    .find((v) => v.external_id === s.fixtures.orderVariant)!;
  const customer = s.seed.customers[0]!;
  sequence += 1;
  return {
    reference: `contract-${s.connector.vendor}-${Date.now().toString(36)}-${sequence}`,
    customer: { email: customer.email.toUpperCase(), first_name: customer.first_name ?? undefined },
    currency: s.seed.currency,
    lines: [
      { variant_external_id: variant.external_id, quantity, unit_price: variant.price, sku: variant.sku },
    ],
    shipping_address: {
      name: 'Contract Buyer',
      line1: '1 Contract Way',
      city: 'Boston',
      region: 'MA',
      postal_code: '02110',
      country: 'US',
    },
    note: 'platform contract',
  };
}

async function failure(promise: Promise<unknown>): Promise<ConcordError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConcordError);
  return error as ConcordError;
}

export function registerWriteContract(subject: () => PlatformSubject): void {
  it('given a seeded customer when findOrCreateCustomer with the email in upper case then that customer is returned and none created', async () => {
    const { connector, seed } = subject();
    const before = await customerIds(connector);
    const seeded = seed.customers[1] ?? seed.customers[0]!;
    const found = Customer.parse(await connector.findOrCreateCustomer({ email: seeded.email.toUpperCase() }));
    expect(found.external_id).toBe(seeded.external_id);
    expect(found.id).toBe(concordId(connector, 'customer', seeded.external_id));
    expect(await customerIds(connector)).toEqual(before);
  });

  it('given a new email when findOrCreateCustomer twice then one customer is created and found the second time', async () => {
    const { connector } = subject();
    const before = await customerIds(connector);
    const email = `contract.${Date.now().toString(36)}@example.com`;
    const first = await connector.findOrCreateCustomer({ email, first_name: 'Con', last_name: 'Tract' });
    const second = await connector.findOrCreateCustomer({ email: email.toUpperCase() });
    expect(second.external_id).toBe(first.external_id);
    expect(first.email?.toLowerCase()).toBe(email);
    expect(await customerIds(connector)).toEqual([...before, first.external_id].sort());
  });

  it('given the same reference twice when createOrder then one order exists, both calls return it, and it belongs to the customer with that email', async () => {
    const s = subject();
    const before = await orderIds(s.connector);
    const input = orderInput(s, 1);
    const first = Order.parse(await s.connector.createOrder(input));
    const second = Order.parse(await s.connector.createOrder(input));
    expect([second.id, second.external_id]).toEqual([first.id, first.external_id]);
    expect(await orderIds(s.connector)).toEqual([...before, first.external_id].sort());
    expect(first.customer_id).toBe(concordId(s.connector, 'customer', s.seed.customers[0]!.external_id));
    const line = input.lines[0]!;
    expect(first.line_items.map((l) => [l.sku, l.quantity, l.unit_price])).toEqual([
      [line.sku, line.quantity, line.unit_price],
    ]);
    expect(first.currency).toBe(s.seed.currency);
  });

  it('given a tracked variant when an order for 2 units is created then its stock moves by exactly 2 as declared', async () => {
    const s = subject();
    const before = await stockOf(s.connector, s.fixtures.orderVariant);
    expect(before.available).toBeGreaterThanOrEqual(2);
    await s.connector.createOrder(orderInput(s, 2));
    const after = await stockOf(s.connector, s.fixtures.orderVariant);
    const moved = {
      on_hand: after.on_hand - before.on_hand,
      available: after.available - before.available,
      committed: after.committed - before.committed,
    };
    expect(moved).toEqual(
      s.capabilities.orderStock === 'reserve'
        ? { on_hand: 0, available: -2, committed: 2 }
        : { on_hand: -2, available: -2, committed: 0 },
    );
  });

  it('given a paid order when refunded twice with one idempotency key then one refund is recorded on the order', async () => {
    const s = subject();
    const order = await s.connector.createOrder(orderInput(s, 1));
    const input = {
      order_external_id: order.external_id,
      amount: { amount: 100, currency: order.currency },
      note: 'contract goodwill',
      idempotency_key: `refund-${order.external_id.replace(/[^A-Za-z0-9]/g, '')}`,
    };
    const first = Refund.parse(await s.connector.createRefund(input));
    const second = await s.connector.createRefund(input);
    expect(second.id).toBe(first.id);
    expect(first.amount).toEqual(input.amount);
    const [read] = (await s.connector.fetchOne('orders', order.external_id)) ?? [];
    const refunds = (read!.record as Order).refunds;
    expect(refunds.map((r) => [r.id, r.amount])).toEqual([[first.id, input.amount]]);
    expect((read!.record as Order).financial_status).toBe('partially_refunded');
  });

  it('given an order created after a point in time when orders are read from that point then it comes and nothing older does', async () => {
    const s = subject();
    // Whole seconds: some vendors print updated_at to the second while filtering to the millisecond.
    const since = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000).toISOString();
    const order = await s.connector.createOrder(orderInput(s, 1));
    const changed = await recordsOf(s.connector.read('orders', { updatedSince: since }));
    expect(changed.map((r) => r.record.external_id)).toContain(order.external_id);
    for (const r of changed)
      expect(Date.parse(r.record.updated_at)).toBeGreaterThanOrEqual(Date.parse(since));
    const seeded = new Set(s.seed.orders);
    expect(changed.filter((r) => seeded.has(r.record.external_id))).toEqual([]);
  });

  it('given an unknown variant when createOrder then a validation error names the line and no order is written', async () => {
    const s = subject();
    const before = { orders: await orderIds(s.connector), customers: await customerIds(s.connector) };
    const input = orderInput(s, 1);
    input.lines = [{ variant_external_id: s.fixtures.absent.variant, quantity: 1 }];
    const error = await failure(s.connector.createOrder(input));
    expect(error.category).toBe('validation');
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues[0]!.field).toMatch(/line/i);
    expect({ orders: await orderIds(s.connector), customers: await customerIds(s.connector) }).toEqual(
      before,
    );
  });

  it('given the declared webhook capability when a delivery arrives then it is verified and parsed, or refused as unsupported', async () => {
    const { connector, capabilities } = subject();
    if (capabilities.webhooks.kind === 'signed') {
      const delivery = capabilities.webhooks.delivery();
      expect(connector.verifyWebhook(delivery.headers, delivery.body)).toMatchObject(delivery.expected);
      const tampered = `${delivery.body} `;
      const error = (() => {
        try {
          connector.verifyWebhook(delivery.headers, tampered);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConcordError);
    } else {
      const error = (() => {
        try {
          connector.verifyWebhook({}, '{}');
        } catch (e) {
          return e;
        }
      })() as ConcordError;
      expect(error).toBeInstanceOf(ConcordError);
      expect(error.code).toMatch(/^unsupported/);
      expect(connector.subscribeWebhooks).toBeUndefined();
    }
  });
}
