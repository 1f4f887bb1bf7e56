/**
 * The ACP surface (Agentic Commerce Protocol 2026-04-17): checkout sessions backed by Concord
 * quotes and orders (`routes.ts`), the product feed (`feed.ts`), order webhooks to the agent
 * platform (`webhooks.ts`) and the discovery document `/.well-known/acp.json`.
 *
 * `acpRoutes` mounts everything on an existing Hono app under `prefix` (default `/acp`; discovery
 * names it as `api_base_url`) as a sub-app with its own error shape (ACP `{ type, code, message,
 * param }`, never problem+json), its own body limit (413 as an ACP error) and API-key auth (the REST
 * API's bearer keys: a key is a merchant). It must be mounted before any app-wide middleware that
 * answers in another shape (the REST app's body limit).
 *
 * @example
 * const acp = acpRoutes(app, rt, { publicUrl: 'https://concord.example.com' });
 * acp.webhooks.setTarget('mer_a', { url: 'https://platform.example/webhooks/acp', secret });
 * acp.payments.set('mer_a', myStripeHandler, { name: 'dev.acp.tokenized.card', psp: 'stripe' });
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Runtime } from '../../runtime.js';
import { IdempotencyStore, type IdempotencyStoreOptions } from '../../store/idempotency.js';
import { bearerAuth, type AppEnv, type AuthCacheOptions } from '../rest/auth.js';
import { createContext, type AcpContext, type AcpContextOptions } from './context.js';
import { acpErrorOf } from './errors.js';
import { feedRoutes } from './feed.js';
import { acpJson } from './http.js';
import { notifyOrderChanged } from './order-events.js';
import type { AcpPaymentRegistry } from './payments.js';
import { checkoutRoutes } from './routes.js';
import { ACP_VERSION, SUPPORTED_VERSIONS } from './types.js';
import type { AcpWebhooks } from './webhooks.js';

export { AcpPaymentRegistry } from './payments.js';
export { signWebhook, verifyWebhookSignature, type WebhookTarget } from './webhooks.js';
export { ACP_VERSION } from './types.js';

/** Checkout request bodies are small; 256 KiB is far above any real one. */
export const ACP_MAX_BODY_BYTES = 256 * 1024;
/** Feed upserts carry whole products. */
export const ACP_FEED_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface AcpOptions extends AcpContextOptions {
  /** Where the ACP API lives (default `/acp`). */
  prefix?: string;
  /** The public base URL of this Concord (order permalinks, discovery); default: the request's origin. */
  publicUrl?: string;
  maxBodyBytes?: number;
  auth?: AuthCacheOptions;
  idempotency?: IdempotencyStoreOptions;
}

export interface AcpSurface {
  ctx: AcpContext;
  payments: AcpPaymentRegistry;
  webhooks: AcpWebhooks;
  /** Sends `order_update` when an ACP order changed in the store (call it after sync stores an order). */
  notifyOrderChanged(merchantId: string, orderId: string): Promise<boolean>;
}

function limit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      acpJson(c, 413, {
        type: 'invalid_request',
        code: 'payload_too_large',
        message: `The body is larger than ${maxSize} bytes`,
      }),
  });
}

/** Mounts the ACP surface on `app` (see the module comment). */
export function acpRoutes<E extends AppEnv>(app: Hono<E>, rt: Runtime, options: AcpOptions = {}): AcpSurface {
  const prefix = options.prefix ?? '/acp';
  const ctx = createContext(rt, options);
  const keys = new IdempotencyStore(rt.db, options.idempotency);
  const log = rt.logger.child({ component: 'acp' });
  const origin = (c: Context) => options.publicUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin;
  const sub = new Hono<AppEnv>();

  sub.use('/feeds', limit(ACP_FEED_MAX_BODY_BYTES));
  sub.use('/feeds/*', limit(ACP_FEED_MAX_BODY_BYTES));
  sub.use('/checkout_sessions', limit(options.maxBodyBytes ?? ACP_MAX_BODY_BYTES));
  sub.use('/checkout_sessions/*', limit(options.maxBodyBytes ?? ACP_MAX_BODY_BYTES));
  sub.use('*', bearerAuth(rt.merchants, options.auth));
  checkoutRoutes(sub, ctx, keys, origin);
  feedRoutes(sub, ctx);
  sub.all('*', (c) =>
    acpJson(c, 404, {
      type: 'invalid_request',
      code: 'route_not_found',
      message: `No route ${c.req.method} ${c.req.path}`,
    }),
  );
  sub.onError((error, c) => {
    const { status, body, headers } = acpErrorOf(error);
    if (status >= 500) log.error({ err: error, code: body.code }, 'acp request failed');
    return acpJson(c, status, body, headers);
  });

  app.get('/.well-known/acp.json', (c) =>
    c.json({
      protocol: { name: 'acp', version: ACP_VERSION, supported_versions: [...SUPPORTED_VERSIONS] },
      api_base_url: `${origin(c)}${prefix}`,
      transports: ['rest'],
      capabilities: { services: ['checkout', 'orders'] },
    }),
  );
  app.route(prefix, sub as unknown as Hono<E>);
  return {
    ctx,
    payments: ctx.payments,
    webhooks: ctx.webhooks,
    notifyOrderChanged: (merchantId, orderId) => notifyOrderChanged(ctx, merchantId, orderId),
  };
}
