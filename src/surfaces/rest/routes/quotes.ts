/**
 * Quote routes: `POST /quotes` answers do we have it, can we ship it to this person, is it
 * compliant in one call, locking price and tax and holding stock until `expires_at` (under a
 * required `Idempotency-Key`: the same key returns the same quote); `GET /quotes/{id}` reads one back
 * with its current status. `POST /orders` with `quote_id` places the order on the quote's terms.
 *
 * @example
 * POST /quotes  Idempotency-Key: q-1  { "lines": [{ "sku": "TEE-M", "quantity": 2 }], "ship_to": { … }, "customer": { "email": "a@example.com" } }
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { createQuote, getQuote, Quote, QuoteRequest } from '../../../commerce/quotes/index.js';
import type { Runtime } from '../../../runtime.js';
import type { IdempotencyStore } from '../../../store/idempotency.js';
import type { AppEnv } from '../auth.js';
import { IdempotencyHeaders, idempotentPost } from '../idempotent-post.js';
import { IdParam, json, problems } from '../schemas.js';

const createQuoteRoute = createRoute({
  method: 'post',
  path: '/quotes',
  operationId: 'createQuote',
  tags: ['quotes'],
  summary: 'Quote a cart: stock per location, shipping options, tax and compliance in one call',
  description:
    'Per line: availability per location (available-to-promise after holds), a compliance verdict ' +
    'with reasons, tax per jurisdiction. Shipments from the chosen locations (split when no single ' +
    'location has everything) with options (carrier, service, price, delivery dates). Totals. Price ' +
    'and tax are locked and stock is held until `expires_at`; place the order with `quote_id`. An ' +
    'invalid address or an unknown item is a 422 and nothing is held.',
  security: [{ bearer: [] }],
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: QuoteRequest } } },
  },
  responses: {
    201: json(Quote, 'The quote'),
    ...problems(400, 401, 409, 413, 415, 422),
  },
});

const getQuoteRoute = createRoute({
  method: 'get',
  path: '/quotes/{id}',
  operationId: 'getQuote',
  tags: ['quotes'],
  summary: 'Get a quote with its current status (open, expired, ordered)',
  security: [{ bearer: [] }],
  request: { params: IdParam },
  responses: { 200: json(Quote, 'The quote'), ...problems(400, 401, 404) },
});

export function quoteRoutes(
  app: OpenAPIHono<AppEnv>,
  rt: Runtime,
  auth: MiddlewareHandler<AppEnv>,
  keys: IdempotencyStore,
): void {
  app.openapi({ ...createQuoteRoute, middleware: [auth] }, async (c) => {
    const merchantId = c.get('merchantId');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['Idempotency-Key'];
    const out = await idempotentPost(rt, keys, { merchantId, path: '/quotes', body, key }, () =>
      createQuote(rt, merchantId, body, key),
    );
    return c.json(out.body as Quote, out.status, out.headers);
  });
  app.openapi({ ...getQuoteRoute, middleware: [auth] }, async (c) => {
    return c.json(await getQuote(rt, c.get('merchantId'), c.req.valid('param').id), 200);
  });
}
