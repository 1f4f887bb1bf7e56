import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import type { PlatformOrderInput } from '../types.js';
import { findOrCreateCustomer } from './customers.js';
import { buildDraftOrderBody, buildRefundBody, parseOrderInput, parseRefundInput } from './inputs.js';

const CTX = {
  regionId: 'reg_1',
  salesChannelId: 'sc_1',
  customerId: 'cus_1',
  email: 'ada@example.com',
  shippingOptionId: 'so_1',
};

function input(): PlatformOrderInput {
  return {
    reference: 'concord-abc123',
    customer: { email: 'Ada@Example.com' },
    currency: 'USD',
    lines: [
      { variant_external_id: 'variant_01A', quantity: 2, unit_price: { amount: 1999, currency: 'USD' } },
      { variant_external_id: 'variant_01B', quantity: 1 },
    ],
    shipping_address: {
      name: 'Ada King Lovelace',
      line1: '12 Way',
      city: 'Boston',
      region: 'MA',
      country: 'US',
    },
    shipping: { title: 'Express', price: { amount: 725, currency: 'USD' } },
    note: 'leave at door',
    tags: ['agent'],
  };
}

function failure(fn: () => unknown): ConcordError {
  try {
    fn();
  } catch (e) {
    return e as ConcordError;
  }
  throw new Error('expected a failure');
}

describe('Medusa write inputs', () => {
  it('given an order when built then prices are major units and the reference, note and tags are metadata', () => {
    expect(buildDraftOrderBody(parseOrderInput(input(), 'USD'), CTX)).toEqual({
      region_id: 'reg_1',
      sales_channel_id: 'sc_1',
      customer_id: 'cus_1',
      email: 'ada@example.com',
      currency_code: 'usd',
      items: [
        { variant_id: 'variant_01A', quantity: 2, unit_price: 19.99 },
        { variant_id: 'variant_01B', quantity: 1 },
      ],
      shipping_address: {
        first_name: 'Ada',
        last_name: 'King Lovelace',
        company: null,
        address_1: '12 Way',
        address_2: null,
        city: 'Boston',
        province: 'MA',
        postal_code: null,
        country_code: 'us',
        phone: null,
      },
      shipping_methods: [{ name: 'Express', shipping_option_id: 'so_1', amount: 7.25 }],
      no_notification_order: true,
      metadata: {
        concord_reference: 'concord-abc123',
        concord_note: 'leave at door',
        concord_tags: ['agent'],
      },
    });
  });

  it('given a shipping line but no shipping option when built then it is a config error naming the setting', () => {
    const error = failure(() => buildDraftOrderBody(input(), { ...CTX, shippingOptionId: null }));
    expect([error.category, error.code, error.issues[0]!.field]).toEqual([
      'config',
      'medusa_no_shipping_option',
      'shippingOptionId',
    ]);
  });

  it('given bad lines when parsed then each bad field is named', () => {
    const bad = input();
    bad.lines = [
      { variant_external_id: 'gid://shopify/ProductVariant/1', quantity: 0 },
      { variant_external_id: 'variant_01B', quantity: 1.5 },
    ];
    const error = failure(() => parseOrderInput(bad, 'USD'));
    expect(error.code).toBe('medusa_invalid_order');
    expect(error.issues.map((i) => i.field).sort()).toEqual([
      'lines.0.quantity',
      'lines.0.variant_external_id',
      'lines.1.quantity',
    ]);
    expect(failure(() => parseOrderInput({ ...input(), lines: [] }, 'USD')).issues[0]!.field).toBe('lines');
    expect(
      failure(() => parseOrderInput({ ...input(), reference: 'has space' }, 'USD')).issues[0]!.field,
    ).toBe('reference');
  });

  it('given an order in another currency than the region when parsed then it is a currency mismatch', () => {
    const error = failure(() => parseOrderInput(input(), 'EUR'));
    expect(error.code).toBe('currency_mismatch');
    expect(error.issues.map((i) => i.field)).toEqual([
      'currency',
      'lines[0].unit_price.currency',
      'shipping.price.currency',
    ]);
  });

  it('given a refund when built then the amount is major units and the note starts with the key marker', () => {
    const refund = {
      order_external_id: 'order_01A',
      amount: { amount: 150, currency: 'USD' },
      note: ' goodwill ',
      idempotency_key: 'refund-1',
    };
    expect(buildRefundBody(parseRefundInput(refund))).toEqual({
      amount: 1.5,
      note: '[concord:refund-1] goodwill',
    });
    expect(buildRefundBody({ ...refund, note: undefined })).toEqual({
      amount: 1.5,
      note: '[concord:refund-1]',
    });
    const error = failure(() =>
      parseRefundInput({ ...refund, idempotency_key: 'a]b', amount: { amount: 0, currency: 'USD' } }),
    );
    expect(error.issues.map((i) => i.field).sort()).toEqual(['amount', 'idempotency_key']);
  });

  it('given a customer without a valid email when found or created then it is refused before any request', async () => {
    const client = { get: () => Promise.reject(new Error('no request expected')) } as never;
    const error = (await findOrCreateCustomer(
      client,
      { merchantId: 'm', system: 'medusa' },
      { email: 'not-an-email' },
    ).catch((e: unknown) => e)) as ConcordError;
    expect([error.code, error.issues[0]!.field]).toEqual(['medusa_invalid_customer', 'email']);
  });
});
