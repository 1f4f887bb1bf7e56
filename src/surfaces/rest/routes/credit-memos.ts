/**
 * Credit memo routes (mid-market): a refund recorded in the merchant's ERP against a stored invoice,
 * through the workflow of `commerce/credit-memos.ts`. The POST needs an `Idempotency-Key`, with the
 * conventions of POST /invoices: a repeat of the request replays the first response with
 * `Idempotent-Replayed: true`, the same key with another body is a 422, a repeat while the first is
 * running a 409.
 *
 * @example
 * POST /credit_memos       Idempotency-Key: 7d2e…  { "invoice_id": "invc_…", "lines": [{ "sku": "APP-TEE-00001", "quantity": 1 }] }
 * GET  /credit_memos/cm_…
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { CreateCreditMemoRequest, createCreditMemo, getCreditMemo } from '../../../commerce/credit-memos.js';
import { CreditMemo } from '../../../model/index.js';
import type { Runtime } from '../../../runtime.js';
import type { IdempotencyStore } from '../../../store/idempotency.js';
import type { AppEnv } from '../auth.js';
import { IdempotencyHeaders, idempotentPost } from '../idempotent-post.js';
import { ExpandQuery, IdParam, json, problems } from '../schemas.js';

const security = [{ bearer: [] }];
const PATH = '/credit_memos';

const createCreditMemoRoute = createRoute({
  method: 'post',
  path: PATH,
  operationId: 'createCreditMemo',
  tags: ['erp'],
  summary: 'Credit an invoice in the merchant ERP (idempotent)',
  description:
    'Records a refund as a credit memo against a stored invoice, in full or for some of its lines. ' +
    'The invoice, its items and the quantities left to credit are checked against the stored records ' +
    'first; nothing is written when that fails. Retrying with the same Idempotency-Key and body returns ' +
    'the first response with `Idempotent-Replayed: true`.',
  security,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: CreateCreditMemoRequest } } },
  },
  responses: {
    201: json(CreditMemo, 'The credit memo, as recorded in the ERP'),
    ...problems(400, 401, 404, 409, 413, 415, 422, 502, 503),
  },
});

const getCreditMemoRoute = createRoute({
  method: 'get',
  path: `${PATH}/{id}`,
  operationId: 'getCreditMemo',
  tags: ['erp'],
  summary: 'Get a credit memo',
  security,
  request: { params: IdParam, query: ExpandQuery },
  responses: { 200: json(CreditMemo, 'The credit memo'), ...problems(400, 401, 404) },
});

export function creditMemoRoutes(
  app: OpenAPIHono<AppEnv>,
  rt: Runtime,
  auth: MiddlewareHandler<AppEnv>,
  keys: IdempotencyStore,
): void {
  app.openapi({ ...getCreditMemoRoute, middleware: [auth] }, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await getCreditMemo(rt, c.get('merchantId'), id, c.req.valid('query').expand), 200);
  });
  app.openapi({ ...createCreditMemoRoute, middleware: [auth] }, async (c) => {
    const merchantId = c.get('merchantId');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['Idempotency-Key'];
    const out = await idempotentPost(rt, keys, { merchantId, path: PATH, body, key }, () =>
      createCreditMemo(rt, merchantId, body, key),
    );
    return c.json(out.body as CreditMemo, out.status, out.headers);
  });
}
