/**
 * Refund route: `POST /orders/{id}/refunds` gives money back on an order, on its platform (and, under
 * mid-market, as a credit memo on the ERP invoice when the refund leaves nothing to refund), under a
 * required `Idempotency-Key`: a repeat of the request replays the first response with
 * `Idempotent-Replayed: true`. The scope is the route, so one key serves one refund per order.
 *
 * @example
 * POST /orders/ord_…/refunds  Idempotency-Key: r-1  { "amount": { "amount": 500, "currency": "USD" }, "reason": "Late" }
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { RefundRequest, RefundResult, requestRefund } from '../../../commerce/refunds.js';
import type { Runtime } from '../../../runtime.js';
import type { IdempotencyStore } from '../../../store/idempotency.js';
import type { AppEnv } from '../auth.js';
import { IdempotencyHeaders, idempotentPost } from '../idempotent-post.js';
import { IdParam, json, problems } from '../schemas.js';

const RefundBody = RefundRequest.omit({ order_id: true }).meta({ id: 'RefundBody' });

const createRefundRoute = createRoute({
  method: 'post',
  path: '/orders/{id}/refunds',
  operationId: 'createRefund',
  tags: ['orders'],
  summary: 'Refund an order, all that is left or an amount (idempotent)',
  description:
    'Refunds on the platform that took the payment; `amount` defaults to all that is left to refund. ' +
    'An amount over that is a 422 (`refund_exceeds_refundable`) and nothing is refunded; an unpaid ' +
    'order is a 422 (`order_not_paid`). Under mid-market, a refund that leaves nothing to refund is ' +
    'also credited on the ERP invoice (`erp` says what happened there). Retrying with the same ' +
    'Idempotency-Key and body returns the first response with `Idempotent-Replayed: true`.',
  security: [{ bearer: [] }],
  request: {
    params: IdParam,
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: RefundBody } } },
  },
  responses: {
    201: json(RefundResult, 'The refund and where the order now stands'),
    ...problems(400, 401, 404, 409, 413, 415, 422, 502, 503),
  },
});

export function refundRoutes(
  app: OpenAPIHono<AppEnv>,
  rt: Runtime,
  auth: MiddlewareHandler<AppEnv>,
  keys: IdempotencyStore,
): void {
  app.openapi({ ...createRefundRoute, middleware: [auth] }, async (c) => {
    const merchantId = c.get('merchantId');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['Idempotency-Key'];
    const out = await idempotentPost(
      rt,
      keys,
      { merchantId, path: `/orders/${id}/refunds`, scope: 'POST /orders/{id}/refunds', body, key },
      () => requestRefund(rt, merchantId, { ...body, order_id: id }, key),
    );
    return c.json(out.body as RefundResult, out.status, out.headers);
  });
}
