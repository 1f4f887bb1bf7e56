/**
 * The unified REST API as a Hono app (`@hono/zod-openapi`): routes are declared with zod schemas
 * that both validate requests and generate `/openapi.json`. Every error leaves as an RFC 9457
 * problem (see `problem.ts`): zod failures of body, query, path or headers are a 400 naming each
 * field; malformed JSON a 400; a body over 1 MB a 413; an unknown route a 404.
 *
 * The hot path stays lean: schemas and the OpenAPI document are built once, responses are not
 * re-validated, and auth costs no database call while a key is cached (see `auth.ts`).
 *
 * @example
 * const app = createApp(rt);
 * const res = await app.request('/products?limit=10', { headers: { authorization: `Bearer ${key}` } });
 */
import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { issuesOf } from '../../commerce/order-input.js';
import { ConcordError } from '../../core/errors.js';
import type { Runtime } from '../../runtime.js';
import { IdempotencyStore, type IdempotencyStoreOptions } from '../../store/idempotency.js';
import { bearerAuth, type AppEnv, type AuthCacheOptions } from './auth.js';
import { AgentLimitStore } from '../../store/agent-limits.js';
import { acpRoutes, type AcpOptions } from '../acp/index.js';
import { agentLimitsMiddleware, mcpRoutes } from '../mcp/index.js';
import { ucpRoutes, type UcpOptions } from '../ucp/index.js';
import { docsRoutes } from './docs.js';
import { problemBody, problemOf, problemResponse, type Problem } from './problem.js';
import { catalogRoutes } from './routes/catalog.js';
import { conflictRoutes } from './routes/conflicts.js';
import { creditMemoRoutes } from './routes/credit-memos.js';
import { erpRoutes } from './routes/erp.js';
import { orderRoutes } from './routes/orders.js';
import { quoteRoutes } from './routes/quotes.js';
import { refundRoutes } from './routes/refunds.js';
import { systemRoutes } from './routes/system.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface RestOptions {
  auth?: AuthCacheOptions;
  idempotency?: IdempotencyStoreOptions;
  /** The ACP surface at /acp (payment handlers and webhook targets are registered on it). */
  acp?: AcpOptions;
  /** The URL agents reach Concord at (its host is allowed by /mcp's DNS-rebinding check). */
  publicUrl?: string;
  /** The UCP surface (/.well-known/ucp, /ucp, /ucp/mcp). */
  ucp?: UcpOptions;
}

/** Zod failures (any request part) become one 400 naming every field at fault. */
const validationHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (result.success) return undefined;
  const issues = issuesOf(result.error);
  const first = issues[0];
  throw new ConcordError(
    'validation',
    'invalid_request',
    first ? `${first.field}: ${first.message}` : 'Invalid request',
    {
      issues,
    },
  );
};

/** Hono's own HTTP errors (unparseable JSON, wrong media type) as problems. */
function httpProblem(error: HTTPException): { status: number; body: Problem } {
  const status = error.status;
  if (status === 400 && /json/i.test(error.message)) {
    return {
      status,
      body: problemBody(400, 'malformed_json', 'The body is not valid JSON', [
        { field: '(body)', message: 'not valid JSON' },
      ]),
    };
  }
  if (status === 415)
    return { status, body: problemBody(415, 'unsupported_media_type', 'Send the body as application/json') };
  return { status, body: problemBody(status, `http_${status}`, error.message || 'HTTP error') };
}

/** Builds the app; one per process (it holds the auth cache). */
export function createApp(rt: Runtime, options: RestOptions = {}): OpenAPIHono<AppEnv> {
  const log = rt.logger.child({ component: 'rest' });
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const auth = bearerAuth(rt.merchants, options.auth);
  const keys = new IdempotencyStore(rt.db, options.idempotency);
  // ACP first: a sub-app with its own body limit, auth and error shape (ACP's, not problem+json).
  acpRoutes(app, rt, options.acp);
  ucpRoutes(app, rt, { ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}), ...options.ucp });
  // MCP too: JSON-RPC errors of its own.
  mcpRoutes(app, rt, auth, keys, options.publicUrl ? { publicUrl: options.publicUrl } : {});

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () =>
        problemResponse(
          413,
          problemBody(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes`),
        ),
    }),
  );
  // Per-key agent limits (allowed tools, maximum order value), the same as over MCP.
  app.use('*', agentLimitsMiddleware(rt, new AgentLimitStore(rt.db)));
  catalogRoutes(app, rt, auth);
  orderRoutes(app, rt, auth, keys);
  erpRoutes(app, rt, auth, keys);
  creditMemoRoutes(app, rt, auth, keys);
  quoteRoutes(app, rt, auth, keys);
  refundRoutes(app, rt, auth, keys);
  systemRoutes(app, rt, auth);
  conflictRoutes(app, rt, auth);
  docsRoutes(app);

  app.notFound((c) =>
    problemResponse(404, problemBody(404, 'route_not_found', `No route ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error) => {
    const { status, body } = error instanceof HTTPException ? httpProblem(error) : problemOf(error);
    if (status >= 500) log.error({ err: error, code: body.code }, 'request failed');
    return problemResponse(status, body);
  });
  return app;
}
