/**
 * The SMB slice end to end, as a new user meets it: Concord started the way `npm start` starts it
 * (sandbox Shopify merchant, first sync), then driven over real HTTP only — catalog, locations, stock,
 * an order that lands in the Shopify simulator with its customer, replay, webhooks, tenant isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/config.js';
import type { InventoryLevel, Order, Product } from '../src/model/index.js';
import { startConcord, type ConcordNode } from '../src/server.js';
import { openTestDatabase } from '../src/store/testing.js';

let node: ConcordNode;
let auth: Record<string, string>;

async function api<T>(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${node.url}${path}`, {
    ...init,
    headers: { ...auth, ...(init.headers as object) },
  });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

async function allProducts(): Promise<Product[]> {
  const out: Product[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { data: Product[]; next_cursor: string | null } } = await api(
      `/products?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
    );
    out.push(...page.body.data);
    cursor = page.body.next_cursor;
  } while (cursor);
  return out;
}

const orderBody = (sku: string, quantity: number, email = 'grace@example.com') =>
  JSON.stringify({
    lines: [{ sku, quantity }],
    customer: { email, first_name: 'Grace', last_name: 'Hopper' },
    shipping_address: {
      line1: '1 Main St',
      city: 'Springfield',
      region: 'IL',
      postal_code: '62701',
      country: 'US',
    },
  });

beforeAll(async () => {
  const env = loadEnv({ PORT: '0', CONCORD_SYNC_INTERVAL_SECONDS: '0', CONCORD_DATA_DIR: 'memory://' });
  node = await startConcord(env, {
    db: await openTestDatabase(),
    sandbox: { products: 25, customers: 5, orders: 4 },
  });
  auth = { authorization: `Bearer ${node.sandbox!.apiKey}` };
}, 120_000);
afterAll(() => node?.stop());

describe('given the sandbox merchant served as npm start serves it', () => {
  it('when paging GET /products to the end then every Shopify product arrives once with its variants', async () => {
    const sim = node.sandbox!.simulator;
    const products = await allProducts();
    expect(products).toHaveLength(sim.state.products.length);
    expect(new Set(products.map((p) => p.external_id)).size).toBe(sim.state.products.length);
    expect(products.reduce((n, p) => n + p.variants.length, 0)).toBe(sim.state.variants.length);
    expect(products.every((p) => p.variants.every((v) => v.price.currency === 'USD'))).toBe(true);
  });

  it('when listing locations and stock then they match the shop, per location', async () => {
    const sim = node.sandbox!.simulator;
    const locations = await api<{ data: { external_id: string }[] }>('/locations');
    expect(locations.body.data.map((l) => l.external_id).sort()).toEqual(
      sim.state.locations.map((l) => l.id).sort(),
    );
    const variant = sim.state.variants.find((v) => v.inventoryItem.levels.length > 1)!;
    const stock = await api<{ data: InventoryLevel[] }>(`/inventory?sku=${encodeURIComponent(variant.sku!)}`);
    expect(stock.body.data).toHaveLength(variant.inventoryItem.levels.length);
    for (const level of variant.inventoryItem.levels) {
      const found = stock.body.data.find((l) => l.external_id === level.id);
      expect(found).toMatchObject({
        available: level.available,
        committed: level.committed,
        incoming: level.incoming,
      });
    }
  });

  it('when an order is placed then it lands in Shopify once, with its customer, and a replay returns it', async () => {
    const sim = node.sandbox!.simulator;
    const variant = sim.state.variants.find((v) => v.inventoryItem.levels.some((l) => l.available > 2))!;
    const before = sim.state.orderCount;
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'e2e-order-1' };
    const first = await api<Order>('/orders', { method: 'POST', headers, body: orderBody(variant.sku!, 2) });
    expect(first.status).toBe(201);
    expect(sim.state.orderCount).toBe(before + 1);
    const shopifyOrder = sim.state.orders.find((o) => o.id === first.body.external_id)!;
    expect(shopifyOrder.customer?.email).toBe('grace@example.com');
    expect(sim.state.findCustomerByEmail('grace@example.com')).toBeDefined();
    expect(first.body.line_items.map((l) => [l.sku, l.quantity])).toEqual([[variant.sku, 2]]);

    const replay = await api<Order>('/orders', { method: 'POST', headers, body: orderBody(variant.sku!, 2) });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    expect(sim.state.orderCount).toBe(before + 1);

    const reused = await api<{ code: string }>('/orders', {
      method: 'POST',
      headers,
      body: orderBody(variant.sku!, 1),
    });
    expect(reused.status).toBe(422);
    expect(sim.state.orderCount).toBe(before + 1);
    expect((await api<Order>(`/orders/${first.body.id}`)).body.external_id).toBe(first.body.external_id);
  });

  it("when Shopify's webhooks report a change then Concord's copy follows", async () => {
    const sim = node.sandbox!.simulator;
    const product = sim.state.products[0]!;
    await sim.updateProduct(product.id, { title: 'Renamed by the merchant' });
    await sim.flushWebhooks();
    const products = await allProducts();
    expect(products.find((p) => p.external_id === product.id)?.title).toBe('Renamed by the merchant');

    const level = sim.state.variants.flatMap((v) => v.inventoryItem.levels).find((l) => l.available > 0)!;
    await sim.setInventory(level.item.id, level.location.id, 1);
    await sim.flushWebhooks();
    const stock = await api<{ data: InventoryLevel[] }>(
      `/inventory?sku=${encodeURIComponent(level.item.variant.sku!)}`,
    );
    expect(stock.body.data.find((l) => l.external_id === level.id)?.available).toBe(1);
  });

  it('when a webhook carries a forged signature then it is refused', async () => {
    const res = await fetch(`${node.url}/webhooks/mer_sandbox/shopify`, {
      method: 'POST',
      headers: {
        'x-shopify-hmac-sha256': 'Zm9yZ2Vk',
        'x-shopify-topic': 'products/update',
        'x-shopify-webhook-id': 'w1',
      },
      body: '{"id":1}',
    });
    expect(res.status).toBe(401);
  });

  it("when another merchant's key asks for the sandbox's records then it gets 404 and empty lists", async () => {
    await node.rt.merchants.ensureMerchant('mer_other', 'Other');
    const { secret } = await node.rt.merchants.createApiKey('mer_other');
    const own = (await api<{ data: Product[] }>('/products?limit=1')).body.data[0]!;
    const asOther = { authorization: `Bearer ${secret}` };
    expect((await fetch(`${node.url}/products/${own.id}`, { headers: asOther })).status).toBe(404);
    const list = (await (await fetch(`${node.url}/products`, { headers: asOther })).json()) as {
      data: unknown[];
    };
    expect(list.data).toHaveLength(0);
  });
});
