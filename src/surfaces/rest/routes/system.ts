/**
 * Operational routes: `GET /healthz` (no auth; pings the database), `POST /webhooks/{merchant_id}/
 * {system}` (no API key: the system's connector verifies the vendor's signature over the raw body)
 * and `GET /sync/status` (per system and stream: cursor, last run, lag).
 *
 * @example
 * POST /webhooks/mer_acme/shopify  X-Shopify-Hmac-Sha256: …  → 200 { received: true, duplicate: false }
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ConcordError } from '../../../core/errors.js';
import type { Runtime } from '../../../runtime.js';
import { getSyncStatus } from '../../../sync/status.js';
import { ingestWebhook } from '../../../sync/webhooks.js';
import type { AppEnv } from '../auth.js';
import { json, problems } from '../schemas.js';

const Health = z.object({ status: z.enum(['ok']), database: z.enum(['ok']) }).meta({ id: 'Health' });

const SyncStatus = z
  .object({
    system: z.string(),
    stream: z.string(),
    cursor: z.string().nullable(),
    status: z.enum(['idle', 'running', 'ok', 'error']),
    records_synced: z.number().int(),
    last_started_at: z.string().nullable(),
    last_success_at: z.string().nullable(),
    last_error: z.string().nullable(),
    last_error_at: z.string().nullable(),
    lag_seconds: z.number().int().nullable().describe('Seconds since the last successful run started'),
  })
  .meta({ id: 'SyncStatus' });

const WebhookParams = z
  .object({
    merchant_id: z.string().min(1).max(64),
    system: z.string().min(1).max(64),
  })
  .strict();

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  tags: ['system'],
  summary: 'Liveness and database check (no auth)',
  responses: { 200: json(Health, 'Healthy'), ...problems(503) },
});

const webhookRoute = createRoute({
  method: 'post',
  path: '/webhooks/{merchant_id}/{system}',
  operationId: 'receiveWebhook',
  tags: ['system'],
  summary: 'Receive a vendor webhook (signature-verified, no API key)',
  description:
    'The raw body is verified by the system connector (e.g. Shopify X-Shopify-Hmac-Sha256), deduplicated by delivery id, then the changed record is fetched fresh.',
  request: { params: WebhookParams },
  responses: {
    200: json(
      z.object({ received: z.boolean(), duplicate: z.boolean() }).meta({ id: 'WebhookReceipt' }),
      'Applied, or a duplicate delivery',
    ),
    ...problems(400, 401, 404, 413, 502, 503),
  },
});

const syncStatusRoute = createRoute({
  method: 'get',
  path: '/sync/status',
  operationId: 'getSyncStatus',
  tags: ['system'],
  summary: 'Sync state per system and stream',
  security: [{ bearer: [] }],
  responses: {
    200: json(z.object({ data: z.array(SyncStatus) }).meta({ id: 'SyncStatusList' }), 'Sync status'),
    ...problems(401),
  },
});

export function systemRoutes(app: OpenAPIHono<AppEnv>, rt: Runtime, auth: MiddlewareHandler<AppEnv>): void {
  app.openapi(healthRoute, async (c) => {
    await rt.db.query('select 1').catch((cause: unknown) => {
      throw new ConcordError('transient', 'database_unavailable', 'The database does not answer', { cause });
    });
    return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
  });
  app.openapi(webhookRoute, async (c) => {
    const { merchant_id, system } = c.req.valid('param');
    const rawBody = await c.req.text();
    const result = await ingestWebhook(rt, merchant_id, system, c.req.header(), rawBody);
    return c.json({ received: true, duplicate: result.duplicate }, 200);
  });
  app.openapi({ ...syncStatusRoute, middleware: [auth] }, async (c) => {
    return c.json({ data: await getSyncStatus(rt, c.get('merchantId')) }, 200);
  });
}
