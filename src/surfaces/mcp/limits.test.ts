import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote } from '../../commerce/quotes/schema.js';
import { seedTwoMerchants, type Seed } from '../../commerce/testing.js';
import { ConcordError } from '../../core/errors.js';
import { createRuntime, type Runtime } from '../../runtime.js';
import { AgentLimitStore, UNLIMITED } from '../../store/agent-limits.js';
import { IdempotencyStore } from '../../store/idempotency.js';
import { openTestDatabase } from '../../store/testing.js';
import { bearerAuth, type AppEnv } from '../rest/auth.js';
import { problemOf, problemResponse } from '../rest/problem.js';
import { catalogRoutes } from '../rest/routes/catalog.js';
import { orderRoutes } from '../rest/routes/orders.js';
import { agentLimitsMiddleware, assertOrderValue, orderValueOf, toolOfRoute } from './limits.js';
import { ensureAgentLimitsTable } from './testing.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const option = (id: string, price: number) => ({ id, price: usd(price) });

/** The parts of a quote the order value reads: totals, shipments with options, lines. */
const quote = {
  totals: { subtotal: usd(10_000), shipping: usd(1_000), tax: usd(1_100), total: usd(12_100) },
  lines: [{ index: 0, subtotal: usd(10_000), tax: usd(1_000) }],
  shipments: [
    {
      lines: [{ line: 0, quantity: 1 }],
      options: [option('ground', 1_000), option('express', 3_000), option('pickup', 0)],
      selected_option_id: 'ground',
      shipping_tax: usd(100),
    },
  ],
} as unknown as Quote;

describe('given a quote with three shipping options', () => {
  it('when no option is named then the order value is the quote total', () => {
    expect(orderValueOf(quote)).toEqual(usd(12_100));
  });

  it('when a dearer option is named then its price and proportional shipping tax are added', () => {
    // express: +2 000 shipping, shipping tax 100 × 3 000 / 1 000 = 300 (+200).
    expect(orderValueOf(quote, 'express')).toEqual(usd(14_300));
    expect(orderValueOf(quote, 'pickup')).toEqual(usd(11_000));
  });

  it('when checked against a maximum then over it, or another currency, is refused with both values', () => {
    const limits = { ...UNLIMITED, max_order_value: usd(12_100) };
    expect(() => assertOrderValue(limits, usd(12_100))).not.toThrow();
    for (const value of [usd(12_101), { amount: 1, currency: 'EUR' }]) {
      const error = (() => {
        try {
          assertOrderValue(limits, value);
        } catch (e) {
          return e as ConcordError;
        }
        throw new Error('not refused');
      })();
      expect([error.category, error.code]).toEqual(['forbidden', 'order_value_over_limit']);
      expect(error.detail).toEqual({ order_value: value, max_order_value: usd(12_100) });
    }
  });
});

describe('given the REST routes', () => {
  it.each([
    ['GET', '/products', 'search_products'],
    ['GET', '/products/prod_1', 'get_product'],
    ['GET', '/products/prod_1/resolved', 'get_product'],
    ['GET', '/locations', 'list_locations'],
    ['GET', '/inventory', 'check_availability'],
    ['POST', '/quotes', 'quote_order'],
    ['GET', '/quotes/quo_1', 'quote_order'],
    ['POST', '/orders', 'place_order'],
    ['GET', '/orders', 'get_order_status'],
    ['GET', '/orders/ord_1', 'get_order_status'],
    ['POST', '/orders/ord_1/refunds', 'request_refund'],
    ['GET', '/conflicts', null],
    ['POST', '/sales_orders', null],
    ['DELETE', '/orders/ord_1', null],
  ])('when %s %s then the tool is %s', (method, path, tool) => {
    expect(toolOfRoute(method, path)).toBe(tool);
  });
});

describe('given the REST limits middleware in front of real routes', () => {
  let rt: Runtime;
  let seed: Seed;
  let app: OpenAPIHono<AppEnv>;
  let store: AgentLimitStore;

  beforeAll(async () => {
    rt = createRuntime({ db: await openTestDatabase() });
    await ensureAgentLimitsTable(rt.db);
    seed = await seedTwoMerchants(rt);
    store = new AgentLimitStore(rt.db);
    app = new OpenAPIHono<AppEnv>();
    app.use('*', agentLimitsMiddleware(rt, store, { ttlMs: 0 }));
    const auth = bearerAuth(rt.merchants, { ttlMs: 0 });
    catalogRoutes(app, rt, auth);
    orderRoutes(app, rt, auth, new IdempotencyStore(rt.db));
    app.onError((error) => {
      const { status, body } = problemOf(error);
      return problemResponse(status, body);
    });
  });
  afterAll(() => rt?.db.close());

  async function keyWith(limits: Parameters<AgentLimitStore['set']>[1]) {
    const key = await rt.merchants.createApiKey('mer_a', 'agent');
    await store.set(key.id, limits);
    return key.secret;
  }
  const get = (path: string, key: string) =>
    app.request(path, { headers: { authorization: `Bearer ${key}` } });
  const code = async (res: Response) => [res.status, ((await res.json()) as { code?: string }).code];

  it('when a key without limits calls then nothing changes', async () => {
    expect((await get('/products', seed.keyA)).status).toBe(200);
  });

  it('when a key limited to some tools calls others then they are refused with 403', async () => {
    const key = await keyWith({ ...UNLIMITED, allowed_tools: ['get_order_status'] });
    expect((await get('/orders', key)).status).toBe(200);
    expect(await code(await get('/products', key))).toEqual([403, 'tool_not_allowed']);
    expect(await code(await get('/customers', key))).toEqual([403, 'route_not_allowed']);
  });

  it('when the key may not act for its merchant then every route is refused', async () => {
    const key = await keyWith({ ...UNLIMITED, allowed_merchants: ['mer_b'] });
    expect(await code(await get('/customers', key))).toEqual([403, 'merchant_not_allowed']);
  });

  it('when a key with a maximum order value orders lines without a quote then it is refused and nothing is written', async () => {
    const key = await keyWith({ ...UNLIMITED, max_order_value: usd(100) });
    const before = seed.platformA.calls.createOrder;
    const res = await app.request('/orders', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'idempotency-key': 'lim-1',
      },
      body: JSON.stringify({ lines: [{ sku: 'HOOD-M', quantity: 1 }], customer: { email: 'a@example.com' } }),
    });
    expect(await code(res)).toEqual([403, 'quote_required']);
    expect(seed.platformA.calls.createOrder).toBe(before);
  });

  it('when the key is unknown then the route itself answers 401', async () => {
    expect((await get('/products', 'ck_unknown')).status).toBe(401);
  });
});
