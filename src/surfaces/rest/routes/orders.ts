/**
 * Customer and order routes: lists and lookups served from the record store, and `POST /orders`,
 * which places an order on the merchant's platform under a required `Idempotency-Key` (a repeat of
 * the request replays the first response with `Idempotent-Replayed: true`).
 *
 * @example
 * POST /orders  Idempotency-Key: 5f1c…  { "lines": [{ "sku": "TEE-M", "quantity": 2 }], "customer": { "email": "a@example.com" } }
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { getOrder, listCustomers, listOrders } from '../../../commerce/catalog.js';
import { runIdempotent } from '../../../commerce/idempotent.js';
import { OrderRequest } from '../../../commerce/order-input.js';
import { placeOrder } from '../../../commerce/orders.js';
import { Customer, Order } from '../../../model/index.js';
import type { Runtime } from '../../../runtime.js';
import { requestFingerprint, type IdempotencyStore } from '../../../store/idempotency.js';
import type { AppEnv } from '../auth.js';
import { PROBLEM_CONTENT_TYPE, problemOf } from '../problem.js';
import { ExpandQuery, IdParam, json, listOf, PageQuery, problems, Timestamp } from '../schemas.js';

const CustomerQuery = PageQuery.extend({
  email: z.string().min(1).max(255).optional().describe('Exact email (case-insensitive)'),
}).strict();

const OrderQuery = PageQuery.extend({
  status: Order.shape.status.optional(),
  customer_id: z.string().min(1).max(128).optional(),
  email: z.string().min(1).max(255).optional().describe('Exact email (case-insensitive)'),
  updated_since: Timestamp.optional(),
}).strict();

const IdempotencyHeaders = z.object({
  'Idempotency-Key': z
    .string({ error: (issue) => (issue.input === undefined ? 'this header is required' : undefined) })
    .regex(/^[\x21-\x7E]{1,255}$/, '1–255 visible ASCII characters')
    .describe('Unique per order attempt (e.g. a UUID); a retry with the same key and body is replayed'),
});

const ORDER_SCOPE = 'POST /orders';

const OrderRouting = z
  .object({
    topology: z.enum(['smb', 'mid_market']).describe("The merchant's topology preset that routed it"),
    platform: z
      .object({
        system: z.string(),
        order_id: z.string().describe('Concord id of the platform order (this response)'),
        external_id: z.string().describe('Id of the order in the platform'),
        name: z.string(),
      })
      .describe('Where the order and its customer landed: the commerce platform'),
    erp: z
      .object({
        system: z.string(),
        sales_order_id: z.string().describe('Concord id of the sales order (`GET /sales_orders/{id}`)'),
        external_id: z.string().describe('Id of the sales order in the ERP'),
        number: z.string().nullable().describe("The ERP's document number, when it has one"),
      })
      .nullable()
      .describe('Where the sales order landed (mid_market); null when the platform order is the record'),
  })
  .meta({ id: 'OrderRouting' });

const PlacedOrder = Order.extend({ routing: OrderRouting }).meta({ id: 'PlacedOrder' });

const listCustomersRoute = createRoute({
  method: 'get',
  path: '/customers',
  operationId: 'listCustomers',
  tags: ['customers'],
  summary: 'List customers',
  security: [{ bearer: [] }],
  request: { query: CustomerQuery },
  responses: { 200: json(listOf(Customer, 'CustomerList'), 'A page of customers'), ...problems(400, 401) },
});

const listOrdersRoute = createRoute({
  method: 'get',
  path: '/orders',
  operationId: 'listOrders',
  tags: ['orders'],
  summary: 'List orders',
  security: [{ bearer: [] }],
  request: { query: OrderQuery },
  responses: { 200: json(listOf(Order, 'OrderList'), 'A page of orders'), ...problems(400, 401) },
});

const getOrderRoute = createRoute({
  method: 'get',
  path: '/orders/{id}',
  operationId: 'getOrder',
  tags: ['orders'],
  summary: 'Get an order',
  security: [{ bearer: [] }],
  request: { params: IdParam, query: ExpandQuery },
  responses: { 200: json(Order, 'The order'), ...problems(400, 401, 404) },
});

const placeOrderRoute = createRoute({
  method: 'post',
  path: '/orders',
  operationId: 'placeOrder',
  tags: ['orders'],
  summary: 'Place an order where the topology routes it (idempotent)',
  description:
    'Validates every line against the synced catalog and stock first; nothing is written when it fails. ' +
    'SMB: the order lands on the merchant platform, its customer found by email or created there. ' +
    "Mid-market: a sales order lands in the ERP (the ERP's price, stock and locations) and the order " +
    'with its customer in the platform, linked to each other; `routing` names both. Retrying with the ' +
    'same Idempotency-Key and body returns the first response with `Idempotent-Replayed: true`.',
  security: [{ bearer: [] }],
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: OrderRequest } } },
  },
  responses: {
    201: json(PlacedOrder, 'The order as placed on the platform, and where each part landed'),
    ...problems(400, 401, 409, 413, 415, 422, 502, 503),
  },
});

export function orderRoutes(
  app: OpenAPIHono<AppEnv>,
  rt: Runtime,
  auth: MiddlewareHandler<AppEnv>,
  keys: IdempotencyStore,
): void {
  app.openapi({ ...listCustomersRoute, middleware: [auth] }, async (c) => {
    const page = await listCustomers(rt, c.get('merchantId'), c.req.valid('query'));
    return c.json({ data: page.items, next_cursor: page.next_cursor }, 200);
  });
  app.openapi({ ...listOrdersRoute, middleware: [auth] }, async (c) => {
    const page = await listOrders(rt, c.get('merchantId'), c.req.valid('query'));
    return c.json({ data: page.items, next_cursor: page.next_cursor }, 200);
  });
  app.openapi({ ...getOrderRoute, middleware: [auth] }, async (c) => {
    const order = await getOrder(
      rt,
      c.get('merchantId'),
      c.req.valid('param').id,
      c.req.valid('query').expand,
    );
    return c.json(order, 200);
  });
  app.openapi({ ...placeOrderRoute, middleware: [auth] }, async (c) => {
    const merchantId = c.get('merchantId');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['Idempotency-Key'];
    const fingerprint = requestFingerprint('POST', '/orders', body);
    const result = await runIdempotent(
      keys,
      { merchantId, scope: ORDER_SCOPE, key, fingerprint },
      async () => {
        const placed = await placeOrder(rt, merchantId, body, key);
        return { status: 201, body: { ...placed.order, routing: placed.routing } };
      },
      problemOf,
      rt.logger,
    );
    const headers: Record<string, string> =
      result.status >= 400 ? { 'content-type': PROBLEM_CONTENT_TYPE } : {};
    if (result.replayed) headers['idempotent-replayed'] = 'true';
    // The stored response is replayed as it was: its status and body are whatever the first request got.
    return c.json(result.body as z.infer<typeof PlacedOrder>, result.status as 201, headers);
  });
}
