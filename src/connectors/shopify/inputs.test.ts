import { describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import type { PlatformOrderInput } from '../types.js';
import { buildOrderCreateInput, buildRefundInput, referenceTag, toMailingAddressInput } from './inputs.js';
import { ORDER_CREATE, REFUND_CREATE } from './queries.js';
import { loadShopifySchema } from './schema.js';
import { coerceInputValue, type GraphQLInputType } from 'graphql';

const usd = (amount: number) => ({ amount, currency: 'USD' });

const ORDER: PlatformOrderInput = {
  reference: 'qt_01J9ZK',
  customer: { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
  currency: 'USD',
  lines: [
    { variant_external_id: 'gid://shopify/ProductVariant/1', quantity: 2, unit_price: usd(2499) },
    { variant_external_id: 'gid://shopify/ProductVariant/2', quantity: 1, unit_price: usd(1000) },
  ],
  shipping_address: {
    name: 'Ada King Lovelace',
    line1: '1 Market St',
    city: 'San Francisco',
    region: 'CA',
    postal_code: '94105',
    country: 'US',
  },
  shipping: { title: 'Ground', price: usd(500) },
  note: 'Leave at door',
  tags: ['agent'],
};

/** Checks a value against an input type of the 2026-10 schema (throws on a wrong field or type). */
function coerce(typeName: string, value: unknown) {
  const type = loadShopifySchema().getType(typeName) as GraphQLInputType;
  const errors: string[] = [];
  coerceInputValue(value, type, (path, _v, error) => errors.push(`${path.join('.')}: ${error.message}`));
  return errors;
}

describe('buildOrderCreateInput', () => {
  it('given an order then it is a valid OrderCreateOrderInput with the reference as tag and source identifier', () => {
    const input = buildOrderCreateInput(ORDER, {
      customerGid: 'gid://shopify/Customer/7',
      gateway: 'manual',
      paid: true,
    });
    expect(coerce('OrderCreateOrderInput', input)).toEqual([]);
    expect(input).toMatchObject({
      currency: 'USD',
      email: 'ada@example.com',
      customer: { toAssociate: { id: 'gid://shopify/Customer/7' } },
      tags: ['agent', 'concord-ref-qt_01J9ZK'],
      sourceIdentifier: 'qt_01J9ZK',
      note: 'Leave at door',
      financialStatus: 'PAID',
      shippingLines: [{ title: 'Ground', priceSet: { shopMoney: { amount: '5.00', currencyCode: 'USD' } } }],
      shippingAddress: {
        firstName: 'Ada King',
        lastName: 'Lovelace',
        address1: '1 Market St',
        city: 'San Francisco',
        provinceCode: 'CA',
        zip: '94105',
        countryCode: 'US',
      },
      lineItems: [
        {
          variantId: 'gid://shopify/ProductVariant/1',
          quantity: 2,
          priceSet: { shopMoney: { amount: '24.99', currencyCode: 'USD' } },
        },
        {
          variantId: 'gid://shopify/ProductVariant/2',
          quantity: 1,
          priceSet: { shopMoney: { amount: '10.00', currencyCode: 'USD' } },
        },
      ],
      // 2 × 24.99 + 10.00 + 5.00 shipping
      transactions: [
        {
          kind: 'SALE',
          status: 'SUCCESS',
          gateway: 'manual',
          amountSet: { shopMoney: { amount: '64.98', currencyCode: 'USD' } },
        },
      ],
    });
  });

  it('given pending payment or a line without price then no transaction is recorded', () => {
    const pending = buildOrderCreateInput(ORDER, { customerGid: null, gateway: 'manual', paid: false });
    expect(pending).toMatchObject({ financialStatus: 'PENDING' });
    expect(pending).not.toHaveProperty('transactions');
    expect(pending).not.toHaveProperty('customer');
    const unpriced = buildOrderCreateInput(
      { ...ORDER, lines: [{ variant_external_id: 'gid://shopify/ProductVariant/1', quantity: 1 }] },
      { customerGid: null, gateway: 'manual', paid: true },
    );
    expect(unpriced).not.toHaveProperty('transactions');
    expect(coerce('OrderCreateOrderInput', unpriced)).toEqual([]);
  });

  it('given a reference with characters a tag cannot hold then it is a validation error', () => {
    expect(() => referenceTag('a,b')).toThrow(/reference/);
    expect(referenceTag('ord_1.2-3')).toBe('concord-ref-ord_1.2-3');
  });

  it('given the documents then their variables are the input types the builders fill', () => {
    expect(validate(loadShopifySchema(), parse(ORDER_CREATE))).toEqual([]);
    expect(validate(loadShopifySchema(), parse(REFUND_CREATE))).toEqual([]);
  });
});

describe('buildRefundInput', () => {
  it('given an amount then it is a valid RefundInput with one REFUND transaction', () => {
    const input = buildRefundInput(
      { order_external_id: 'gid://shopify/Order/1', amount: usd(1250), note: 'Late', idempotency_key: 'k1' },
      'manual',
    );
    expect(coerce('RefundInput', input)).toEqual([]);
    expect(input).toEqual({
      orderId: 'gid://shopify/Order/1',
      currency: 'USD',
      note: 'Late',
      transactions: [
        { orderId: 'gid://shopify/Order/1', kind: 'REFUND', gateway: 'manual', amount: '12.50' },
      ],
    });
  });

  it('given a zero amount then it is refused', () => {
    expect(() =>
      buildRefundInput(
        { order_external_id: 'gid://shopify/Order/1', amount: usd(0), idempotency_key: 'k' },
        'manual',
      ),
    ).toThrow(/positive/);
  });
});

describe('toMailingAddressInput', () => {
  it('given a one-word name and no optional fields then only present fields are sent', () => {
    const input = toMailingAddressInput({ name: 'Cher', line1: '1 Rue', city: 'Paris', country: 'FR' });
    expect(input).toEqual({ lastName: 'Cher', address1: '1 Rue', city: 'Paris', countryCode: 'FR' });
    expect(coerce('MailingAddressInput', input)).toEqual([]);
  });
});
