import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql, subscribe, unsubscribeAll, webhookReceiver, type ReceivedWebhook } from './testing.js';

let sim: ShopifySimulator;

beforeAll(async () => {
  sim = await startShopifySimulator({
    seed: { products: 6, variantsPerProduct: [1, 2], locations: 2, customers: 2, orders: 1, seed: 4 },
    apiSecret: 'test-secret',
    webhookRetry: { baseDelayMs: 5 },
  });
});
afterEach(async () => {
  await unsubscribeAll(sim);
});
afterAll(async () => {
  await sim.close();
});

function verifies(delivery: ReceivedWebhook, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(delivery.body, 'utf8').digest();
  const given = Buffer.from(String(delivery.headers['x-shopify-hmac-sha256']), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhook deliveries', () => {
  it('given a products/update subscription when a product changes then a signed delivery with Shopify’s headers arrives', async () => {
    const receiver = await webhookReceiver();
    try {
      await subscribe(sim, 'PRODUCTS_UPDATE', receiver.url);
      const product = sim.state.products[0]!;
      await sim.updateProduct(product.id, { title: 'Renamed', price: '12.50' });
      await sim.flushWebhooks();
      expect(receiver.received).toHaveLength(1);
      const delivery = receiver.received[0]!;
      expect(verifies(delivery, 'test-secret')).toBe(true);
      expect(verifies(delivery, 'another-secret')).toBe(false);
      expect(delivery.headers).toMatchObject({
        'content-type': 'application/json',
        'x-shopify-topic': 'products/update',
        'x-shopify-shop-domain': sim.shop,
        'x-shopify-api-version': '2026-10',
      });
      expect(delivery.headers['x-shopify-webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(delivery.headers['x-shopify-event-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(String(delivery.headers['x-shopify-triggered-at']))).not.toBeNaN();
      const body = JSON.parse(delivery.body);
      expect(body).toMatchObject({
        id: product.num,
        admin_graphql_api_id: product.id,
        title: 'Renamed',
        updated_at: product.updatedAt,
      });
      expect(body.variants.every((v: { price: string }) => v.price === '12.50')).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('given a receiver failing twice when a delivery is made then it is retried with the same webhook id until it succeeds', async () => {
    const receiver = await webhookReceiver(2);
    try {
      await subscribe(sim, 'PRODUCTS_UPDATE', receiver.url);
      await sim.updateProduct(sim.state.products[1]!.id, { title: 'Retried' });
      await sim.flushWebhooks();
      expect(receiver.received).toHaveLength(3);
      const ids = new Set(receiver.received.map((r) => r.headers['x-shopify-webhook-id']));
      expect(ids.size).toBe(1);
      expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
      const attempts = sim.webhookDeliveries.filter((a) => a.uri === receiver.url);
      expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('given order and inventory subscriptions when an order decrements stock then orders/create and inventory_levels/update arrive', async () => {
    const receiver = await webhookReceiver();
    try {
      await subscribe(sim, 'ORDERS_CREATE', receiver.url);
      await subscribe(sim, 'INVENTORY_LEVELS_UPDATE', receiver.url);
      const variant = sim.state.variants.find(
        (v) => v.inventoryItem.tracked && v.inventoryItem.levels.some((l) => l.available > 0),
      )!;
      const response = await gql(
        sim,
        `mutation($order: OrderCreateOrderInput!) {
          orderCreate(order: $order, options: { inventoryBehaviour: DECREMENT_IGNORING_POLICY }) { order { id } userErrors { message } }
        }`,
        { order: { lineItems: [{ variantId: variant.id, quantity: 1 }], email: 'hook@example.com' } },
      );
      const orderId = response.body.data.orderCreate.order.id;
      await sim.flushWebhooks();
      const topics = receiver.received.map((r) => r.headers['x-shopify-topic']).sort();
      expect(topics).toEqual(['inventory_levels/update', 'orders/create']);
      const order = JSON.parse(
        receiver.received.find((r) => r.headers['x-shopify-topic'] === 'orders/create')!.body,
      );
      expect(order).toMatchObject({ admin_graphql_api_id: orderId, email: 'hook@example.com' });
      const level = JSON.parse(
        receiver.received.find((r) => r.headers['x-shopify-topic'] === 'inventory_levels/update')!.body,
      );
      const record = variant.inventoryItem.levels.find((l) => l.location.num === level.location_id)!;
      expect(level).toEqual({
        inventory_item_id: variant.inventoryItem.num,
        location_id: record.location.num,
        available: record.available,
        updated_at: record.updatedAt,
        admin_graphql_api_id: record.id,
      });
    } finally {
      await receiver.close();
    }
  });

  it('given setInventory when stock is set then the level changes and inventory_levels/update carries the new value', async () => {
    const receiver = await webhookReceiver();
    try {
      await subscribe(sim, 'INVENTORY_LEVELS_UPDATE', receiver.url);
      const item = sim.state.inventoryItems[0]!;
      const location = sim.state.locations.find((l) => l.active)!;
      await sim.setInventory(item.id, location.id, 42);
      await sim.flushWebhooks();
      expect(sim.state.levelOf(item.id, location.id)!.available).toBe(42);
      expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
        inventory_item_id: item.num,
        location_id: location.num,
        available: 42,
      });
    } finally {
      await receiver.close();
    }
  });
});
