import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder } from '../../../commerce/orders.js';
import { loadEnv } from '../../../core/config.js';
import { startConcord, type ConcordNode } from '../../../server.js';
import { openTestDatabase } from '../../../store/testing.js';
import { createApp } from '../app.js';

let node: ConcordNode;
let app: ReturnType<typeof createApp>;
let n = 0;

beforeAll(async () => {
  const env = loadEnv({ PORT: '0', CONCORD_SYNC_INTERVAL_SECONDS: '0', CONCORD_DATA_DIR: 'memory://' });
  node = await startConcord(env, {
    db: await openTestDatabase(),
    sandbox: { products: 8, customers: 2, orders: 1 },
  });
  app = createApp(node.rt);
}, 120_000);
afterAll(() => node?.stop());

async function paidOrderId(): Promise<{ id: string; total: number }> {
  const sim = node.sandbox!.simulator;
  const variant = sim.state.variants.find((v) => v.inventoryItem.levels.some((l) => l.available > 3))!;
  const body = {
    lines: [{ sku: variant.sku!, quantity: 1 }],
    customer: { email: 'rest.refund@example.com' },
    shipping_address: {
      line1: '1 Main St',
      city: 'Springfield',
      region: 'IL',
      postal_code: '62701',
      country: 'US',
    },
  };
  const { order } = await placeOrder(node.rt, 'mer_sandbox', body, `rest-refund-order-${++n}`);
  return { id: order.id, total: order.total.amount };
}

function post(orderId: string, body: unknown, key?: string, auth = true) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = `Bearer ${node.sandbox!.apiKey}`;
  if (key) headers['idempotency-key'] = key;
  return app.request(`/orders/${orderId}/refunds`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('given a paid sandbox order when POST /orders/{id}/refunds', () => {
  it('then an amount is refunded once, and a replay returns the same refund marked replayed', async () => {
    const order = await paidOrderId();
    const sim = node.sandbox!.simulator;
    const before = sim.state.refundCount;
    const body = { amount: { amount: 250, currency: 'USD' }, reason: 'Late delivery' };
    const first = await post(order.id, body, 'rest-rf-1');
    expect(first.status).toBe(201);
    const refund = (await first.json()) as { refund: { id: string }; refundable: { amount: number } };
    expect(refund.refundable.amount).toBe(order.total - 250);
    const replay = await post(order.id, body, 'rest-rf-1');
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(((await replay.json()) as { refund: { id: string } }).refund.id).toBe(refund.refund.id);
    expect(sim.state.refundCount).toBe(before + 1);
  });

  it('then bad requests get their problem and nothing is refunded', async () => {
    const order = await paidOrderId();
    const sim = node.sandbox!.simulator;
    await post(order.id, { amount: { amount: 100, currency: 'USD' } }, 'rest-rf-used');
    const before = sim.state.refundCount;
    const cases: [Response, number, string][] = [
      [await post(order.id, {}, undefined), 400, 'invalid_request'],
      [
        await post(order.id, { amount: { amount: order.total, currency: 'USD' } }, 'rest-rf-over'),
        422,
        'refund_exceeds_refundable',
      ],
      [await post('ord_nosuchorder', {}, 'rest-rf-404'), 404, 'order_not_found'],
      [
        await post(order.id, { amount: { amount: 5, currency: 'USD' } }, 'rest-rf-used'),
        422,
        'idempotency_key_reused',
      ],
      [await post(order.id, { refund_all: true }, 'rest-rf-unknown-field'), 400, 'invalid_request'],
      [await post(order.id, {}, 'rest-rf-noauth', false), 401, 'unauthorized'],
    ];
    for (const [i, [res, status, code]] of cases.entries()) {
      const problem = (await res.json()) as { code: string };
      expect({ i, status: res.status, code: problem.code, type: res.headers.get('content-type') }).toEqual({
        i,
        status,
        code,
        type: 'application/problem+json',
      });
    }
    expect(sim.state.refundCount).toBe(before);
  });
});
