/**
 * ERP routes (mid-market): items served from the record store, and sales orders and invoices
 * written to the merchant's ERP through the workflows of `commerce/erp.ts`. Both POSTs need an
 * `Idempotency-Key`: a repeat of the request replays the first response with
 * `Idempotent-Replayed: true`, the same key with another body is a 422, a repeat while the first
 * is running a 409.
 *
 * @example
 * GET  /items?sku=APP-TEE-00001
 * POST /sales_orders  Idempotency-Key: 5f1c…  { "customer": { "email": "a@example.com" }, "lines": [{ "sku": "APP-TEE-00001", "quantity": 2 }] }
 * POST /invoices      Idempotency-Key: 9a0e…  { "sales_order_id": "so_…" }
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import {
  CreateInvoiceRequest,
  CreateSalesOrderRequest,
  createErpSalesOrder,
  getErpDocument,
  getItem,
  invoiceErpSalesOrder,
  listItems,
} from '../../../commerce/erp.js';
import { Invoice, Item, SalesOrder } from '../../../model/index.js';
import type { Runtime } from '../../../runtime.js';
import type { IdempotencyStore } from '../../../store/idempotency.js';
import { IdempotencyHeaders, idempotentPost } from '../idempotent-post.js';
import type { AppEnv } from '../auth.js';
import { ExpandQuery, IdParam, json, listOf, PageQuery, problems, Timestamp } from '../schemas.js';

const ItemQuery = PageQuery.extend({
  sku: z.string().min(1).max(255).optional().describe('Exact SKU (the ERP item id, e.g. NetSuite itemid)'),
  q: z.string().min(1).max(255).optional().describe('Name contains (case-insensitive)'),
  updated_since: Timestamp.optional().describe('Only items updated at or after this time'),
}).strict();

const security = [{ bearer: [] }];

const listItemsRoute = createRoute({
  method: 'get',
  path: '/items',
  operationId: 'listItems',
  tags: ['erp'],
  summary: 'List ERP items',
  security,
  request: { query: ItemQuery },
  responses: { 200: json(listOf(Item, 'ItemList'), 'A page of items'), ...problems(400, 401) },
});

const getItemRoute = createRoute({
  method: 'get',
  path: '/items/{id}',
  operationId: 'getItem',
  tags: ['erp'],
  summary: 'Get an ERP item',
  security,
  request: { params: IdParam, query: ExpandQuery },
  responses: { 200: json(Item, 'The item'), ...problems(400, 401, 404) },
});

const createSalesOrderRoute = createRoute({
  method: 'post',
  path: '/sales_orders',
  operationId: 'createSalesOrder',
  tags: ['erp'],
  summary: 'Create a sales order in the merchant ERP (idempotent)',
  description:
    'Validates items, locations and customer against the synced ERP records first; nothing is written ' +
    'when it fails. The customer is found by email in the ERP, or created. Retrying with the same ' +
    'Idempotency-Key and body returns the first response with `Idempotent-Replayed: true`.',
  security,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: CreateSalesOrderRequest } } },
  },
  responses: {
    201: json(SalesOrder, 'The sales order, as created in the ERP'),
    ...problems(400, 401, 409, 413, 415, 422, 502, 503),
  },
});

const getSalesOrderRoute = createRoute({
  method: 'get',
  path: '/sales_orders/{id}',
  operationId: 'getSalesOrder',
  tags: ['erp'],
  summary: 'Get a sales order',
  security,
  request: { params: IdParam, query: ExpandQuery },
  responses: { 200: json(SalesOrder, 'The sales order'), ...problems(400, 401, 404) },
});

const createInvoiceRoute = createRoute({
  method: 'post',
  path: '/invoices',
  operationId: 'createInvoice',
  tags: ['erp'],
  summary: 'Invoice a sales order in the merchant ERP (idempotent)',
  security,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: CreateInvoiceRequest } } },
  },
  responses: {
    201: json(Invoice, 'The invoice, as posted in the ERP'),
    ...problems(400, 401, 404, 409, 413, 415, 422, 502, 503),
  },
});

const getInvoiceRoute = createRoute({
  method: 'get',
  path: '/invoices/{id}',
  operationId: 'getInvoice',
  tags: ['erp'],
  summary: 'Get an invoice',
  security,
  request: { params: IdParam, query: ExpandQuery },
  responses: { 200: json(Invoice, 'The invoice'), ...problems(400, 401, 404) },
});

export function erpRoutes(
  app: OpenAPIHono<AppEnv>,
  rt: Runtime,
  auth: MiddlewareHandler<AppEnv>,
  keys: IdempotencyStore,
): void {
  app.openapi({ ...listItemsRoute, middleware: [auth] }, async (c) => {
    const page = await listItems(rt, c.get('merchantId'), c.req.valid('query'));
    return c.json({ data: page.items, next_cursor: page.next_cursor }, 200);
  });
  app.openapi({ ...getItemRoute, middleware: [auth] }, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await getItem(rt, c.get('merchantId'), id, c.req.valid('query').expand), 200);
  });
  app.openapi({ ...getSalesOrderRoute, middleware: [auth] }, async (c) => {
    const { id } = c.req.valid('param');
    const { expand } = c.req.valid('query');
    return c.json(await getErpDocument<SalesOrder>(rt, c.get('merchantId'), 'sales_order', id, expand), 200);
  });
  app.openapi({ ...getInvoiceRoute, middleware: [auth] }, async (c) => {
    const { id } = c.req.valid('param');
    const { expand } = c.req.valid('query');
    return c.json(await getErpDocument<Invoice>(rt, c.get('merchantId'), 'invoice', id, expand), 200);
  });
  app.openapi({ ...createSalesOrderRoute, middleware: [auth] }, async (c) => {
    const merchantId = c.get('merchantId');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['Idempotency-Key'];
    const out = await idempotentPost(rt, keys, { merchantId, path: '/sales_orders', body, key }, () =>
      createErpSalesOrder(rt, merchantId, body, key),
    );
    return c.json(out.body as SalesOrder, out.status, out.headers);
  });
  app.openapi({ ...createInvoiceRoute, middleware: [auth] }, async (c) => {
    const merchantId = c.get('merchantId');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['Idempotency-Key'];
    const out = await idempotentPost(rt, keys, { merchantId, path: '/invoices', body, key }, () =>
      invoiceErpSalesOrder(rt, merchantId, body, key),
    );
    return c.json(out.body as Invoice, out.status, out.headers);
  });
}
