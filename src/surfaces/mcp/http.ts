/**
 * MCP over Streamable HTTP at `/mcp`, mounted on the REST app and authenticated by the same bearer
 * API keys (the REST `bearerAuth` middleware itself, so its cache and rules are shared).
 *
 * Stateless: every POST gets a fresh server and transport, answers with JSON, and keeps nothing in
 * process memory, so any node behind a load balancer can serve any request (Concord keeps its state
 * in the database; the idempotency keys of writes make retries safe). Concord sends no
 * server-initiated messages, so there is no stream to offer: GET and DELETE are 405, which the spec
 * allows for a server without a standalone SSE stream and without sessions.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 *
 * In order: DNS-rebinding protection (the Host and any Origin must name localhost, 127.0.0.1, [::1] or
 * the configured public URL's host, else 403 — the spec's "MUST validate the Origin header"), then the
 * API key (401 with `WWW-Authenticate: Bearer`), then the SDK transport, which answers 413 over
 * `maxBodyBytes`, 400 for an unsupported `MCP-Protocol-Version`, 406/415 for wrong Accept/Content-Type.
 * Errors before the transport are JSON-RPC error bodies too, so an MCP client can read every answer.
 *
 * @example
 * mcpRoutes(app, rt, auth, keys, { publicUrl: env.CONCORD_PUBLIC_URL });
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { ConcordError } from '../../core/errors.js';
import type { Runtime } from '../../runtime.js';
import { AgentLimitStore, UNLIMITED } from '../../store/agent-limits.js';
import type { IdempotencyStore } from '../../store/idempotency.js';
import type { AppEnv, AuthCacheOptions } from '../rest/auth.js';
import { bearerSecret, KeyLimitsCache } from './limits.js';
import { createMcpServer } from './server.js';

export const MCP_PATH = '/mcp';
export const MAX_MCP_BODY_BYTES = 1024 * 1024;
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

export interface McpHttpOptions {
  /** CONCORD_PUBLIC_URL: its host is accepted besides the loopback names. */
  publicUrl?: string;
  /** More host names to accept (without port). */
  allowedHosts?: string[];
  maxBodyBytes?: number;
  /** Where per-key limits are read (default: the runtime's database). */
  limits?: AgentLimitStore;
  cache?: AuthCacheOptions;
}

/** Host names accepted in Host and Origin: loopback, the public URL's host, any extra ones. */
export function allowedHostnames(options: Pick<McpHttpOptions, 'publicUrl' | 'allowedHosts'>): Set<string> {
  const names = [...LOOPBACK, ...(options.allowedHosts ?? [])];
  if (options.publicUrl) names.push(new URL(options.publicUrl).hostname);
  return new Set(names.map((n) => n.toLowerCase()));
}

/** The host name of a Host header value or an Origin URL (port dropped; IPv6 keeps brackets). */
export function hostnameOf(value: string, isOrigin: boolean): string | null {
  try {
    return new URL(isOrigin ? value : `http://${value}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Null when Host and Origin are acceptable; otherwise which header is not. */
export function rebindingViolation(
  host: string | undefined,
  origin: string | undefined,
  allowed: Set<string>,
): string | null {
  const hostname = host ? hostnameOf(host, false) : null;
  if (!hostname || !allowed.has(hostname)) return 'Host';
  if (origin !== undefined) {
    const name = hostnameOf(origin, true);
    if (!name || !allowed.has(name)) return 'Origin';
  }
  return null;
}

/** A JSON-RPC error response (no request id: the request was not read). */
function rpcError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Runs the REST auth middleware; the merchant id, or an error response. */
async function authenticate(c: Context<AppEnv>, auth: MiddlewareHandler<AppEnv>): Promise<string | Response> {
  try {
    await auth(c, async () => undefined);
    return c.get('merchantId');
  } catch (error) {
    if (error instanceof ConcordError && error.category === 'unauthorized') {
      return rpcError(401, `Unauthorized: ${error.message}`, {
        'www-authenticate': 'Bearer realm="concord"',
      });
    }
    throw error;
  }
}

/**
 * Mounts `/mcp`. Register it before the REST app's global body limit, so `/mcp` answers with its own
 * (JSON-RPC) error shape.
 */
export function mcpRoutes(
  app: Hono<AppEnv>,
  rt: Runtime,
  auth: MiddlewareHandler<AppEnv>,
  keys: IdempotencyStore,
  options: McpHttpOptions = {},
): void {
  const allowed = allowedHostnames(options);
  const limitsOf = new KeyLimitsCache(options.limits ?? new AgentLimitStore(rt.db), options.cache);
  const maxBody = options.maxBodyBytes ?? MAX_MCP_BODY_BYTES;
  const log = rt.logger.child({ component: 'mcp' });
  app.all(MCP_PATH, async (c) => {
    // Node's server builds the URL from the Host header; the fallback serves in-process requests.
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const violation = rebindingViolation(host, c.req.header('origin'), allowed);
    if (violation) return rpcError(403, `Forbidden: ${violation} header not allowed`);
    const merchantId = await authenticate(c, auth);
    if (merchantId instanceof Response) return merchantId;
    if (c.req.method !== 'POST') {
      return rpcError(405, 'Method not allowed: this server is stateless; send requests with POST', {
        allow: 'POST',
      });
    }
    const found = await limitsOf.get(bearerSecret(c.req.header('authorization')) ?? '');
    const server = createMcpServer(rt, merchantId, found?.limits ?? UNLIMITED, { keys });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      maxRequestBodySize: maxBody,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      // JSON responses are complete when handleRequest resolves; nothing outlives the request.
      void server.close().catch((error: unknown) => log.warn({ err: error }, 'mcp server close failed'));
    }
  });
}
