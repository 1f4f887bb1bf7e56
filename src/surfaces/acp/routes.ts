/**
 * The ACP checkout routes as `openapi.agentic_checkout.yaml` (2026-04-17) defines them:
 *
 *   POST /checkout_sessions                    → 201 CheckoutSession
 *   POST /checkout_sessions/{id}               → 200 CheckoutSession (update)
 *   GET  /checkout_sessions/{id}               → 200 CheckoutSession | 404
 *   POST /checkout_sessions/{id}/complete      → 200 CheckoutSessionWithOrder
 *   POST /checkout_sessions/{id}/cancel        → 200 CheckoutSession | 405
 *
 * Every request needs `API-Version`; every POST an `Idempotency-Key`, run through Concord's
 * idempotency store scoped to (merchant, method and path): the same key and body replays the first
 * response with `Idempotent-Replayed: true`, a repeat while the first runs is 409
 * `idempotency_in_flight` with `Retry-After`, the same key with another body 422
 * `idempotency_conflict`. Responses echo `Idempotency-Key` and `Request-Id`. Each handler stays
 * small: check headers, validate the body, run a workflow, shape the reply.
 *
 * @example
 * checkoutRoutes(sub, ctx, keys); // sub is mounted under the ACP prefix
 */
import type { Context, Hono } from 'hono';
import { runIdempotent } from '../../commerce/idempotent.js';
import { requestFingerprint, type IdempotencyStore } from '../../store/idempotency.js';
import type { AppEnv } from '../rest/auth.js';
import { completeSession } from './complete.js';
import type { AcpContext } from './context.js';
import { acpErrorOf } from './errors.js';
import { acpJson, readJson, requireApiVersion, requireIdempotencyKey, validateBody } from './http.js';
import {
  CancelSessionRequest,
  CompleteSessionRequest,
  CreateSessionRequest,
  UpdateSessionRequest,
} from './schemas.js';
import { cancelSession, createSession, getSession, updateSession } from './sessions.js';

/** The public base URL of this Concord (for order permalinks): configured, else the request's origin. */
export type BaseUrl = (c: Context) => string;

async function idempotent(
  c: Context<AppEnv>,
  ctx: AcpContext,
  keys: IdempotencyStore,
  key: string,
  body: unknown,
  status: number,
  run: () => Promise<unknown>,
): Promise<Response> {
  const merchantId = c.get('merchantId');
  const scope = `ACP POST ${c.req.path}`;
  const result = await runIdempotent(
    keys,
    { merchantId, scope, key, fingerprint: requestFingerprint('POST', c.req.path, body) },
    async () => ({ status, body: await run() }),
    (error) => {
      const { status: errorStatus, body: errorBody } = acpErrorOf(error);
      return { status: errorStatus, body: errorBody };
    },
    ctx.rt.logger,
  );
  return acpJson(c, result.status, result.body, result.replayed ? { 'idempotent-replayed': 'true' } : {});
}

export function checkoutRoutes(
  sub: Hono<AppEnv>,
  ctx: AcpContext,
  keys: IdempotencyStore,
  baseUrl: BaseUrl,
): void {
  sub.post('/checkout_sessions', async (c) => {
    requireApiVersion(c);
    const key = requireIdempotencyKey(c);
    const raw = await readJson(c);
    const body = validateBody(CreateSessionRequest, raw);
    return idempotent(c, ctx, keys, key, raw, 201, () => createSession(ctx, c.get('merchantId'), body));
  });

  sub.get('/checkout_sessions/:id', async (c) => {
    requireApiVersion(c);
    return acpJson(c, 200, await getSession(ctx, c.get('merchantId'), c.req.param('id')));
  });

  sub.post('/checkout_sessions/:id', async (c) => {
    requireApiVersion(c);
    const key = requireIdempotencyKey(c);
    const raw = await readJson(c);
    const body = validateBody(UpdateSessionRequest, raw);
    return idempotent(c, ctx, keys, key, raw, 200, () =>
      updateSession(ctx, c.get('merchantId'), c.req.param('id'), body),
    );
  });

  sub.post('/checkout_sessions/:id/complete', async (c) => {
    requireApiVersion(c);
    const key = requireIdempotencyKey(c);
    const raw = await readJson(c);
    const body = validateBody(CompleteSessionRequest, raw);
    return idempotent(c, ctx, keys, key, raw, 200, () =>
      completeSession(ctx, c.get('merchantId'), c.req.param('id'), body, key, baseUrl(c)),
    );
  });

  sub.post('/checkout_sessions/:id/cancel', async (c) => {
    requireApiVersion(c);
    const key = requireIdempotencyKey(c);
    const raw = await readJson(c, true);
    const body = validateBody(CancelSessionRequest, raw);
    const id = c.req.param('id');
    return idempotent(c, ctx, keys, key, raw, 200, async () => {
      const view = await cancelSession(ctx, c.get('merchantId'), id);
      ctx.rt.logger.info(
        { merchantId: c.get('merchantId'), sessionId: id, reason: body.intent_trace?.reason_code },
        'acp checkout session canceled',
      );
      return view;
    });
  });
}
