import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { Customer, Order } from '../../model/index.js';
import { startShopifySimulator, type ShopifySimulator } from '../../simulators/shopify/index.js';
import { forgetSharedLimiters, RecordingClock } from '../kit/index.js';
import type { PlatformOrderInput } from '../types.js';
import { sabotagingProxy, simConnector, webhookReceiver } from './testing.js';

let sim: ShopifySimulator;

beforeAll(async () => {
  sim = await startShopifySimulator({
    seed: { products: 5, variantsPerProduct: [1, 3], locations: 2, customers: 3, orders: 2, seed: 11 },
  });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => forgetSharedLimiters());

/** A variant that can always be ordered (untracked or CONTINUE), so tests do not run out of stock. */
function sellableVariant() {
  const always = sim.state.variants.find((v) => !v.inventoryItem.tracked || v.inventoryPolicy === 'CONTINUE');
  if (!always) throw new Error('seed has no always-sellable variant');
  return always;
}

let n = 0;
function order(reference = `ref-${++n}-${Date.now()}`): PlatformOrderInput {
  const variant = sellableVariant();
  return {
    reference,
    customer: { email: `buyer-${reference}@example.com`, first_name: 'Grace', last_name: 'Hopper' },
    currency: sim.state.currency,
    lines: [
      {
        variant_external_id: variant.id,
        quantity: 1,
        unit_price: { amount: 2500, currency: sim.state.currency },
      },
    ],
    shipping_address: {
      name: 'Grace Hopper',
      line1: '1 Navy Way',
      city: 'Arlington',
      region: 'VA',
      postal_code: '22202',
      country: 'US',
    },
    note: 'integration test',
  };
}

describe('Shopify connector against the simulator: writes', () => {
  it('given a new email when findOrCreateCustomer twice then one customer is created and found the second time', async () => {
    const connector = simConnector(sim);
    const before = sim.state.customers.length;
    const input = {
      email: 'new.person@example.com',
      first_name: 'New',
      last_name: 'Person',
      phone: '+14155550199',
    };
    const first = await connector.findOrCreateCustomer(input);
    const second = await connector.findOrCreateCustomer({ ...input, email: 'NEW.person@example.com' });
    expect(Customer.parse(first).email).toBe('new.person@example.com');
    expect(second.id).toBe(first.id);
    expect(sim.state.customers.length).toBe(before + 1);
  });

  it('given the same reference twice when createOrder then one order exists and both calls return it', async () => {
    const connector = simConnector(sim);
    const before = sim.state.orderCount;
    const input = order();
    const first = await connector.createOrder(input);
    const second = await connector.createOrder(input);
    expect(Order.parse(first).id).toBe(second.id);
    expect(sim.state.orderCount).toBe(before + 1);
    const stored = sim.state.findOrderByTag(`concord-ref-${input.reference}`)!;
    expect(stored.id).toBe(first.external_id);
    expect(first.line_items).toHaveLength(1);
    expect(first.customer_id).not.toBeNull();
  });

  it('given the order mutation fails with 503 before Shopify ran it then no order exists and a retry creates exactly one', async () => {
    const proxy = await sabotagingProxy(sim);
    try {
      // A recording clock: the searches after the ambiguous failure do not wait in real time.
      const clock = new RecordingClock(Date.now());
      const connector = simConnector(sim, proxy.url, { clock });
      const before = sim.state.orderCount;
      const input = order();
      proxy.arm('orderCreate', 'fail-before');
      const error = await connector.createOrder(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcordError);
      expect((error as ConcordError).category).toBe('upstream');
      expect(proxy.armed).toBe(false);
      // It searched for the order by its tag after 0, 1 and 3 s before giving up, instead of re-creating.
      expect(clock.waits).toEqual(expect.arrayContaining([1000, 3000]));
      expect(sim.state.orderCount).toBe(before);
      await connector.createOrder(input);
      await connector.createOrder(input);
      expect(sim.state.orderCount).toBe(before + 1);
    } finally {
      await proxy.close();
    }
  });

  it('given the order mutation committed but the answer was a 503 then createOrder returns the existing order, not a second', async () => {
    const proxy = await sabotagingProxy(sim);
    try {
      const connector = simConnector(sim, proxy.url);
      const before = sim.state.orderCount;
      const input = order();
      proxy.arm('orderCreate', 'fail-after');
      const created = await connector.createOrder(input);
      expect(proxy.armed).toBe(false);
      expect(sim.state.orderCount).toBe(before + 1);
      expect(created.external_id).toBe(sim.state.findOrderByTag(`concord-ref-${input.reference}`)!.id);
    } finally {
      await proxy.close();
    }
  });

  it('given an unknown variant when createOrder then a validation error names the line field and nothing is created', async () => {
    const connector = simConnector(sim);
    const before = sim.state.orderCount;
    const input = order();
    input.lines = [{ ...input.lines[0]!, variant_external_id: 'gid://shopify/ProductVariant/1' }];
    const error = (await connector.createOrder(input).catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.code]).toEqual(['validation', 'shopify_order_rejected']);
    expect(error.issues[0]!.field).toBe('order.lineItems.0.variantId');
    expect(sim.state.orderCount).toBe(before);
  });

  it('given a tracked DENY variant out of stock when createOrder (DECREMENT_OBEYING_POLICY) then it is an insufficient_inventory conflict', async () => {
    const connector = simConnector(sim);
    const variant = sim.state.variants.find((v) => v.inventoryItem.tracked && v.inventoryPolicy === 'DENY')!;
    expect(variant).toBeDefined();
    for (const level of variant.inventoryItem.levels)
      await sim.setInventory(variant.inventoryItem.id, level.location.id, 0);
    const input = order();
    input.lines = [{ ...input.lines[0]!, variant_external_id: variant.id }];
    const error = (await connector.createOrder(input).catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.code]).toEqual(['conflict', 'insufficient_inventory']);
    expect(error.detail.vendorCode).toBe('INVENTORY_CLAIM_FAILED');
  });

  it('given the same idempotency key twice when createRefund then one refund is created and returned twice', async () => {
    const connector = simConnector(sim);
    const placed = await connector.createOrder(order());
    const before = sim.state.refundCount;
    const input = {
      order_external_id: placed.external_id,
      amount: { amount: 100, currency: placed.currency },
      note: 'goodwill',
      idempotency_key: `refund-${placed.id}`,
    };
    const first = await connector.createRefund(input);
    const second = await connector.createRefund(input);
    expect(second.id).toBe(first.id);
    expect(first.amount).toEqual({ amount: 100, currency: placed.currency });
    expect(sim.state.refundCount).toBe(before + 1);
  });

  it('given a refund whose answer was lost (503 after commit) when retried by the client then still one refund', async () => {
    const proxy = await sabotagingProxy(sim);
    try {
      const connector = simConnector(sim, proxy.url);
      const placed = await connector.createOrder(order());
      const before = sim.state.refundCount;
      proxy.arm('refundCreate', 'fail-after');
      const refund = await connector.createRefund({
        order_external_id: placed.external_id,
        amount: { amount: 50, currency: placed.currency },
        idempotency_key: `lost-${placed.id}`,
      });
      expect(proxy.armed).toBe(false);
      expect(sim.state.refundCount).toBe(before + 1);
      expect(refund.external_id).toMatch(/^gid:\/\/shopify\/Refund\//);
    } finally {
      await proxy.close();
    }
  });
});

describe('Shopify connector against the simulator: webhooks', () => {
  it('given a subscription when a product changes then the delivery verifies, names the product, and a tampered copy is refused', async () => {
    const receiver = await webhookReceiver();
    try {
      const connector = simConnector(sim);
      await connector.subscribeWebhooks!(receiver.url);
      await connector.subscribeWebhooks!(receiver.url); // idempotent: no duplicate subscriptions
      const mine = sim.state.webhookSubscriptions.filter((s) => s.uri === receiver.url);
      expect(new Set(mine.map((s) => s.topic)).size).toBe(mine.length);
      const product = sim.state.products[1]!;
      await sim.updateProduct(product.id, { title: 'Webhook test' });
      await sim.flushWebhooks();
      const delivery = receiver.deliveries.find((d) => d.headers['x-shopify-topic'] === 'products/update');
      expect(delivery).toBeDefined();
      const event = connector.verifyWebhook(delivery!.headers, delivery!.body);
      expect(event).toMatchObject({ topic: 'products/update', stream: 'products', external_id: product.id });
      expect(event.id).toBe(delivery!.headers['x-shopify-webhook-id']);
      const tampered = delivery!.body.replace('Webhook test', 'Webhook t3st');
      const error = (() => {
        try {
          connector.verifyWebhook(delivery!.headers, tampered);
        } catch (e) {
          return e as ConcordError;
        }
      })();
      expect(error?.code).toBe('invalid_webhook_signature');
    } finally {
      await receiver.close();
    }
  });
});
