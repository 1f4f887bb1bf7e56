import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { Order } from '../../model/index.js';
import { forgetSharedLimiters } from '../kit/index.js';
import type { PlatformOrderInput } from '../types.js';
import { createMedusaConnector } from './index.js';
import { fakeMedusa, type FakeMedusa } from './testing.js';

let fake: FakeMedusa;

beforeEach(async () => {
  forgetSharedLimiters();
  fake = await fakeMedusa({ stock: { variant_01A: 10, variant_01B: 1 } });
});
afterEach(async () => {
  await fake.close();
});

const connector = () =>
  createMedusaConnector(
    { url: fake.url, apiKey: 'sk_test_secret_value' },
    { merchantId: 'mer_t', system: 'medusa' },
    { retry: { baseDelayMs: 1, maxDelayMs: 2, random: () => 0.5 } },
  );

function input(reference: string, quantity = 2, variant = 'variant_01A'): PlatformOrderInput {
  return {
    reference,
    customer: { email: 'Buyer@Example.com', first_name: 'Bea' },
    currency: 'USD',
    lines: [{ variant_external_id: variant, quantity, unit_price: { amount: 1999, currency: 'USD' } }],
  };
}

const draftCreates = () => fake.posts.filter((p) => p === 'POST /admin/draft-orders').length;

describe('Medusa writes (against an in-memory Medusa stand-in)', () => {
  it('given a new reference when createOrder then the customer is created once, the draft converted and paid, and the price sent in major units', async () => {
    const order = Order.parse(await connector().createOrder(input('r-1')));
    expect(fake.customers.map((c) => c.email)).toEqual(['buyer@example.com']);
    expect(fake.posts).toEqual([
      'POST /admin/customers',
      'POST /admin/draft-orders',
      `POST /admin/draft-orders/${order.external_id}/convert-to-order`,
      'POST /admin/payment-collections',
      expect.stringMatching(/^POST \/admin\/payment-collections\/pay_col_\d+\/mark-as-paid$/),
    ]);
    expect(fake.orders[0]!.items[0]!.unit_price).toBe(19.99);
    expect([order.financial_status, order.total.amount, order.line_items[0]!.unit_price.amount]).toEqual([
      'paid',
      3998,
      1999,
    ]);
  });

  it('given the same reference twice when createOrder then the second call writes nothing and returns the same order', async () => {
    const first = await connector().createOrder(input('r-2'));
    const writes = fake.posts.length;
    const second = await connector().createOrder(input('r-2'));
    expect(second.external_id).toBe(first.external_id);
    expect(fake.posts.length).toBe(writes);
  });

  it('given the draft create committed but its answer was lost when createOrder then that draft is finished, not a second one made', async () => {
    fake.sabotage('POST', /^\/admin\/draft-orders$/, 'after');
    const order = await connector().createOrder(input('r-3'));
    expect(draftCreates()).toBe(1);
    expect(fake.orders.map((o) => [o.id, o.status])).toEqual([[order.external_id, 'pending']]);
  });

  it('given the draft create failed before Medusa saw it when createOrder then the error surfaces and the retry makes one order', async () => {
    fake.sabotage('POST', /^\/admin\/draft-orders$/, 'before');
    const error = await connector()
      .createOrder(input('r-4'))
      .catch((e: unknown) => e);
    expect((error as ConcordError).category).toBe('upstream');
    expect(fake.orders).toHaveLength(0);
    await connector().createOrder(input('r-4'));
    expect(fake.orders).toHaveLength(1);
  });

  it('given a draft left unconverted by an interrupted attempt when createOrder is retried then it converts that draft', async () => {
    // Every attempt the client makes (convert is safe to resend, so it retries 5xx) fails.
    fake.sabotage('POST', /convert-to-order$/, 'before', 5);
    await expect(connector().createOrder(input('r-5'))).rejects.toBeInstanceOf(ConcordError);
    expect(fake.orders.map((o) => o.status)).toEqual(['draft']);
    const order = await connector().createOrder(input('r-5'));
    expect(draftCreates()).toBe(1);
    expect([order.external_id, fake.orders[0]!.status, order.financial_status]).toEqual([
      fake.orders[0]!.id,
      'pending',
      'paid',
    ]);
  });

  it('given the convert answer was lost after Medusa converted when createOrder then the refusal to convert again is taken as done', async () => {
    fake.sabotage('POST', /convert-to-order$/, 'after');
    const order = await connector().createOrder(input('r-6'));
    expect([fake.orders[0]!.status, order.financial_status]).toEqual(['pending', 'paid']);
    expect(fake.orders[0]!.payment_collections).toHaveLength(1);
  });

  it('given more units than Medusa has when createOrder then it is an insufficient_inventory conflict and no order', async () => {
    const error = (await connector()
      .createOrder(input('r-7', 2, 'variant_01B'))
      .catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.code]).toEqual(['conflict', 'insufficient_inventory']);
    expect(fake.orders).toHaveLength(0);
  });

  it('given an unknown variant when createOrder then it is refused before the customer or anything else is written', async () => {
    const error = (await connector()
      .createOrder(input('r-8', 1, 'variant_01NOPE'))
      .catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.code]).toEqual(['validation', 'unknown_variant']);
    expect(error.issues).toEqual([
      { field: 'lines[0].variant_external_id', message: 'Medusa has no variant "variant_01NOPE"' },
    ]);
    expect(fake.posts).toEqual([]);
  });

  it('given a line priced in another currency when createOrder then it is refused with the field named', async () => {
    const bad = input('r-9');
    bad.lines[0]!.unit_price = { amount: 100, currency: 'EUR' };
    const error = (await connector()
      .createOrder(bad)
      .catch((e: unknown) => e)) as ConcordError;
    expect([error.code, error.issues[0]!.field]).toEqual([
      'currency_mismatch',
      'lines[0].unit_price.currency',
    ]);
    expect(fake.posts).toEqual([]);
  });

  it('given a refund whose answer was lost when retried with the same key then one refund exists and both calls return it', async () => {
    const order = await connector().createOrder(input('r-10'));
    const refund = {
      order_external_id: order.external_id,
      amount: { amount: 500, currency: 'USD' },
      note: 'damaged box',
      idempotency_key: 'refund-r-10',
    };
    fake.sabotage('POST', /\/refund$/, 'after');
    const first = await connector().createRefund(refund);
    const second = await connector().createRefund(refund);
    expect(second.id).toBe(first.id);
    expect([first.amount.amount, first.note]).toEqual([500, 'damaged box']);
    expect(fake.posts.filter((p) => p.endsWith('/refund'))).toHaveLength(1);
  });

  it('given more than was captured when createRefund then it is a nothing_to_refund conflict and nothing is sent', async () => {
    const order = await connector().createOrder(input('r-11', 1));
    const error = (await connector()
      .createRefund({
        order_external_id: order.external_id,
        amount: { amount: 5000, currency: 'USD' },
        idempotency_key: 'too-much',
      })
      .catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.code]).toEqual(['conflict', 'nothing_to_refund']);
    expect(fake.posts.filter((p) => p.endsWith('/refund'))).toHaveLength(0);
  });
});
