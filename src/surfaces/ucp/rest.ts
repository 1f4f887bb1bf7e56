/**
 * The UCP shopping service over REST (`services/shopping/rest.openapi.json`, endpoint `/ucp`) and
 * the business profile at `/.well-known/ucp`, as a Hono sub-app with its own error handler, so its
 * answers keep UCP's shapes whatever app it is mounted in:
 *
 *   body limit (413) → API key (401) → headers: `Request-Id` (uuid, required), `UCP-Agent`
 *   (required), `Idempotency-Key` (uuid, required on writes) → negotiation → body (400) → operation.
 *
 * Responses are `application/json`; `Request-Id` is echoed; a replayed write says
 * `Idempotent-Replayed: true`. Protocol errors are `{ code, content }` with their status,
 * negotiation failures the `error_response` envelope (see `errors.ts`).
 *
 * @example
 * const app = new Hono(); app.route('/', ucpApp(ucpDeps(rt)));
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { getCatalogProduct, lookupCatalog, searchCatalog } from './catalog.js';
import { cancelCheckout, completeCheckout, createCheckout, getCheckout, updateCheckout } from './checkout.js';
import { originOf, type UcpDeps } from './deps.js';
import { protocolErrorOf, UcpProtocolError } from './errors.js';
import { mcpHandler, rpcError } from './mcp.js';
import { profileUrlOf } from './negotiate.js';
import { businessProfile, MCP_PATH, PROFILE_PATH, REST_BASE_PATH } from './profile.js';
import type { UcpContext, UcpReply } from './reply.js';
import {
  CheckoutComplete,
  CheckoutWrite,
  LookupRequest,
  parseInput,
  ProductRequest,
  SearchRequest,
} from './schemas.js';

const Uuid = z.uuid();

/** A required uuid header, or a 400 naming it. */
function uuidHeader(c: Context, name: string): string {
  const value = c.req.header(name);
  if (value === undefined)
    throw new UcpProtocolError(400, 'invalid_request', `The ${name} header is required`);
  if (!Uuid.safeParse(value).success)
    throw new UcpProtocolError(400, 'invalid_request', `The ${name} header must be a UUID`);
  return value;
}

/** Authentication, required headers and negotiation of one REST request. */
async function contextOf(deps: UcpDeps, c: Context): Promise<UcpContext> {
  const merchantId = await deps.apiKeys.merchantOf(c.req.raw.headers);
  uuidHeader(c, 'Request-Id');
  const negotiated = await deps.profiles.negotiate(profileUrlOf(c.req.header('UCP-Agent')));
  return { merchantId, negotiated, baseUrl: originOf(deps, c) };
}

/** The JSON body (an empty body reads as `{}`); 415 for another media type, 400 when not JSON. */
async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
    throw new UcpProtocolError(415, 'unsupported_media_type', 'Send the body as application/json');
  try {
    return JSON.parse(text);
  } catch {
    throw new UcpProtocolError(400, 'invalid_json', 'The body is not valid JSON');
  }
}

function send(c: Context, reply: UcpReply): Response {
  const requestId = c.req.header('Request-Id');
  if (requestId) c.header('Request-Id', requestId);
  if (reply.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(reply.body, reply.status as ContentfulStatusCode);
}

/** The sub-app serving `/.well-known/ucp`, `/ucp/…` REST and `/ucp/mcp`. */
export function ucpApp(deps: UcpDeps): Hono {
  const app = new Hono();
  const log = deps.rt.logger.child({ component: 'ucp' });
  const base = REST_BASE_PATH;

  app.get(PROFILE_PATH, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(businessProfile({ baseUrl: originOf(deps, c), payments: deps.payments }));
  });

  const limit = bodyLimit({
    maxSize: deps.maxBodyBytes,
    // The unread body makes the connection unusable: close it (RFC 9110 §15.5.14).
    onError: (c) => {
      const content = `The body is larger than ${deps.maxBodyBytes} bytes`;
      const res =
        c.req.path === MCP_PATH
          ? rpcError(413, -32000, content, { code: 'request_too_large', content })
          : c.json({ code: 'request_too_large', content }, 413);
      res.headers.set('Connection', 'close');
      return res;
    },
  });
  app.use(`${base}/*`, limit);

  app.all(MCP_PATH, mcpHandler(deps));

  app.post(`${base}/checkout-sessions`, async (c) => {
    const ctx = await contextOf(deps, c);
    const key = uuidHeader(c, 'Idempotency-Key');
    const body = parseInput(CheckoutWrite, await jsonBody(c));
    return send(c, await createCheckout(deps, ctx, body, key));
  });
  app.get(`${base}/checkout-sessions/:id`, async (c) => {
    const ctx = await contextOf(deps, c);
    return send(c, await getCheckout(deps, ctx, c.req.param('id')));
  });
  app.put(`${base}/checkout-sessions/:id`, async (c) => {
    const ctx = await contextOf(deps, c);
    const key = uuidHeader(c, 'Idempotency-Key');
    const body = parseInput(CheckoutWrite, await jsonBody(c));
    return send(c, await updateCheckout(deps, ctx, c.req.param('id'), body, key));
  });
  app.post(`${base}/checkout-sessions/:id/complete`, async (c) => {
    const ctx = await contextOf(deps, c);
    const key = uuidHeader(c, 'Idempotency-Key');
    const body = parseInput(CheckoutComplete, await jsonBody(c));
    return send(c, await completeCheckout(deps, ctx, c.req.param('id'), body, key));
  });
  app.post(`${base}/checkout-sessions/:id/cancel`, async (c) => {
    const ctx = await contextOf(deps, c);
    const key = uuidHeader(c, 'Idempotency-Key');
    await jsonBody(c);
    return send(c, await cancelCheckout(deps, ctx, c.req.param('id'), key));
  });
  app.post(`${base}/catalog/search`, async (c) => {
    const ctx = await contextOf(deps, c);
    return send(c, await searchCatalog(deps, ctx, parseInput(SearchRequest, await jsonBody(c))));
  });
  app.post(`${base}/catalog/lookup`, async (c) => {
    const ctx = await contextOf(deps, c);
    const body = parseInput(LookupRequest, await jsonBody(c));
    return send(c, await lookupCatalog(deps, ctx, body.ids));
  });
  app.post(`${base}/catalog/product`, async (c) => {
    const ctx = await contextOf(deps, c);
    return send(c, await getCatalogProduct(deps, ctx, parseInput(ProductRequest, await jsonBody(c))));
  });
  app.all(`${base}/*`, (c) => {
    throw new UcpProtocolError(404, 'not_found', `No UCP operation ${c.req.method} ${c.req.path}`);
  });

  app.onError((err, c) => {
    const e = protocolErrorOf(err);
    if (e.status >= 500) log.error({ err, code: e.code }, 'ucp request failed');
    else if (!(err instanceof UcpProtocolError) && !(err instanceof ConcordError))
      log.warn({ err }, 'ucp request');
    const requestId = c.req.header('Request-Id');
    if (requestId) c.header('Request-Id', requestId);
    if (e.status === 401) c.header('WWW-Authenticate', 'Bearer realm="concord"');
    return c.json(e.body(), e.status as ContentfulStatusCode);
  });
  return app;
}
