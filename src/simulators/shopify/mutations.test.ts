import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import type { VariantRecord } from './model/variant.js';
import { gql } from './testing.js';

let sim: ShopifySimulator;

beforeAll(async () => {
  sim = await startShopifySimulator({
    seed: { products: 12, variantsPerProduct: [1, 3], locations: 2, customers: 4, orders: 3, seed: 5 },
  });
});
afterAll(async () => {
  await sim.close();
});

const ORDER_CREATE = `mutation($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
  orderCreate(order: $order, options: $options) {
    order { id name totalPriceSet { shopMoney { amount currencyCode } } lineItems(first: 10) { nodes { quantity variant { id } } } }
    userErrors { field message code }
  }
}`;

/** A tracked, DENY-policy variant with its first active level. */
function stockedVariant(): { variant: VariantRecord; available: () => number; committed: () => number } {
  const variant = sim.state.variants.find(
    (v) =>
      v.inventoryItem.tracked &&
      v.inventoryPolicy === 'DENY' &&
      v.inventoryItem.levels.some((l) => l.available > 2),
  )!;
  const level = variant.inventoryItem.levels.find((l) => l.available > 2)!;
  return { variant, available: () => level.available, committed: () => level.committed };
}

function orderInput(variant: VariantRecord, quantity: number, tag: string) {
  return {
    lineItems: [{ variantId: variant.id, quantity }],
    email: 'buyer@example.com',
    tags: [tag],
    transactions: [
      {
        kind: 'SALE',
        status: 'SUCCESS',
        gateway: 'manual',
        amountSet: { shopMoney: { amount: '500.00', currencyCode: 'USD' } },
      },
    ],
  };
}

describe('orderCreate inventory behaviours', () => {
  it('given BYPASS (the default) when an order is created then stock does not move', async () => {
    const { variant, available, committed } = stockedVariant();
    const [a, c] = [available(), committed()];
    const response = await gql(sim, ORDER_CREATE, { order: orderInput(variant, 2, 'bypass') });
    expect(response.body.data.orderCreate.userErrors).toEqual([]);
    expect(response.body.data.orderCreate.order.lineItems.nodes).toEqual([
      { quantity: 2, variant: { id: variant.id } },
    ]);
    expect([available(), committed()]).toEqual([a, c]);
  });

  it('given DECREMENT_IGNORING_POLICY when an order is created then available falls and committed rises', async () => {
    const { variant, available, committed } = stockedVariant();
    const [a, c] = [available(), committed()];
    await gql(sim, ORDER_CREATE, {
      order: orderInput(variant, 2, 'ignoring'),
      options: { inventoryBehaviour: 'DECREMENT_IGNORING_POLICY' },
    });
    expect([available(), committed()]).toEqual([a - 2, c + 2]);
  });

  it('given DECREMENT_OBEYING_POLICY and enough stock when an order is created then stock is decremented', async () => {
    const { variant, available } = stockedVariant();
    const a = available();
    const response = await gql(sim, ORDER_CREATE, {
      order: orderInput(variant, 1, 'obeying'),
      options: { inventoryBehaviour: 'DECREMENT_OBEYING_POLICY' },
    });
    expect(response.body.data.orderCreate.userErrors).toEqual([]);
    expect(available()).toBe(a - 1);
  });

  it('given DECREMENT_OBEYING_POLICY and too little stock when an order is created then a userError and nothing is written', async () => {
    const { variant, available, committed } = stockedVariant();
    const total = variant.inventoryItem.levels.reduce((sum, l) => sum + l.available, 0);
    const [orders, a, c] = [sim.state.orderCount, available(), committed()];
    const response = await gql(sim, ORDER_CREATE, {
      order: orderInput(variant, total + 1, 'too-many'),
      options: { inventoryBehaviour: 'DECREMENT_OBEYING_POLICY' },
    });
    const payload = response.body.data.orderCreate;
    expect(payload.order).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({
      code: 'INVENTORY_CLAIM_FAILED',
      field: ['order', 'lineItems', '0', 'quantity'],
    });
    expect([sim.state.orderCount, available(), committed()]).toEqual([orders, a, c]);
    expect(sim.state.findOrderByTag('too-many')).toBeUndefined();
  });
});

describe('customerCreate', () => {
  const CUSTOMER_CREATE = `mutation($input: CustomerInput!) {
    customerCreate(input: $input) { customer { id defaultEmailAddress { emailAddress } } userErrors { field message } }
  }`;

  it('given an email already used when a customer is created then "Email has already been taken"', async () => {
    const first = await gql(sim, CUSTOMER_CREATE, {
      input: { email: 'Twice@Example.com', firstName: 'Ada' },
    });
    expect(first.body.data.customerCreate.customer.defaultEmailAddress.emailAddress).toBe(
      'twice@example.com',
    );
    const count = sim.state.customers.length;
    const second = await gql(sim, CUSTOMER_CREATE, {
      input: { email: 'twice@example.com', firstName: 'Ada' },
    });
    expect(second.body.data.customerCreate).toEqual({
      customer: null,
      userErrors: [{ field: ['email'], message: 'Email has already been taken' }],
    });
    expect(sim.state.customers.length).toBe(count);
  });
});

describe('refundCreate', () => {
  const REFUND = (directive: string) => `mutation($input: RefundInput!) {
    refundCreate(input: $input) ${directive} { refund { id totalRefundedSet { shopMoney { amount } } } order { id } userErrors { field message } }
  }`;

  async function paidOrder(tag: string): Promise<string> {
    const { variant } = stockedVariant();
    const response = await gql(sim, ORDER_CREATE, { order: orderInput(variant, 1, tag) });
    return response.body.data.orderCreate.order.id;
  }

  const input = (orderId: string, amount = '5.00') => ({
    orderId,
    note: 'goodwill',
    transactions: [{ orderId, kind: 'REFUND', gateway: 'manual', amount }],
  });

  it('given no @idempotent key when refunding then the request errors (mandatory since 2026-04) and nothing is refunded', async () => {
    const orderId = await paidOrder('refund-no-key');
    const before = sim.state.refundCount;
    const response = await gql(sim, REFUND(''), { input: input(orderId) });
    expect(response.body.data.refundCreate).toBeNull();
    expect(response.body.errors[0].message).toMatch(/idempotency key is required/i);
    expect(sim.state.refundCount).toBe(before);
  });

  it('given the same key twice when refunding then one refund is created and returned both times', async () => {
    const orderId = await paidOrder('refund-twice');
    const before = sim.state.refundCount;
    const first = await gql(sim, REFUND('@idempotent(key: "k-1")'), { input: input(orderId) });
    const second = await gql(sim, REFUND('@idempotent(key: "k-1")'), { input: input(orderId) });
    expect(first.body.data.refundCreate.userErrors).toEqual([]);
    expect(first.body.data.refundCreate.refund.totalRefundedSet.shopMoney.amount).toBe('5.0');
    expect(second.body.data.refundCreate.refund.id).toBe(first.body.data.refundCreate.refund.id);
    expect(sim.state.refundCount).toBe(before + 1);
  });

  it('given the same key with other arguments when refunding then a mismatch userError and no refund', async () => {
    const orderId = await paidOrder('refund-mismatch');
    await gql(sim, REFUND('@idempotent(key: "k-2")'), { input: input(orderId) });
    const before = sim.state.refundCount;
    const other = await gql(sim, REFUND('@idempotent(key: "k-2")'), { input: input(orderId, '6.00') });
    expect(other.body.data.refundCreate.userErrors[0].message).toBe(
      'The same idempotency key cannot be used with different operation parameters.',
    );
    expect(sim.state.refundCount).toBe(before);
  });
});
