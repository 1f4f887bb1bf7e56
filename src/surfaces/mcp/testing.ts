/**
 * Test helpers for the MCP surface: the agent-limits table on a test database (until migration 0005
 * is registered in `store/migrations.ts`, then a no-op), `/mcp` served over real HTTP on a random
 * local port exactly as `mcpRoutes` mounts it on the REST app, and an SDK client connected to it.
 *
 * @example
 * await ensureAgentLimitsTable(rt.db);
 * const mcp = await serveMcp(rt);
 * const client = await connectClient(mcp.url, apiKey);
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { Hono } from 'hono';
import type { Runtime } from '../../runtime.js';
import { AGENT_LIMITS_MIGRATION, AGENT_LIMITS_MIGRATION_ID } from '../../store/agent-limits.js';
import type { Database } from '../../store/db.js';
import { IdempotencyStore } from '../../store/idempotency.js';
import { MIGRATIONS, migrate } from '../../store/migrations.js';
import { bearerAuth, type AppEnv } from '../rest/auth.js';
import { mcpRoutes, type McpHttpOptions } from './http.js';
import type { ToolError } from './tool.js';

export async function ensureAgentLimitsTable(db: Database): Promise<void> {
  if (MIGRATIONS.some((m) => m.id === AGENT_LIMITS_MIGRATION_ID)) return;
  await migrate(db, [{ id: AGENT_LIMITS_MIGRATION_ID, sql: AGENT_LIMITS_MIGRATION }]);
}

export interface ServedMcp {
  /** `http://127.0.0.1:<port>/mcp` */
  url: string;
  close(): Promise<void>;
}

/** Serves `/mcp` alone on 127.0.0.1 (auth cache off, so key changes apply at once). */
export function serveMcp(rt: Runtime, options: McpHttpOptions = {}): Promise<ServedMcp> {
  const app = new Hono<AppEnv>();
  const noCache = { ttlMs: 0 };
  mcpRoutes(app, rt, bearerAuth(rt.merchants, noCache), new IdempotencyStore(rt.db), {
    cache: noCache,
    ...options,
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}/mcp`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** An SDK client over Streamable HTTP with the key as a bearer token. */
export async function connectClient(url: string, apiKey: string): Promise<Client> {
  const client = new Client({ name: 'concord-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { authorization: `Bearer ${apiKey}` } },
  });
  await client.connect(transport);
  return client;
}

/** The `{ code, message, issues }` of an error result (its text is that JSON). */
export function toolError(result: CallToolResult): ToolError {
  const first = result.content[0];
  if (!result.isError || first?.type !== 'text')
    throw new Error(`not a tool error: ${JSON.stringify(result)}`);
  return JSON.parse(first.text) as ToolError;
}

/**
 * A local HTTP proxy that adds `Authorization: Bearer <key>` and forwards everything else unchanged
 * (Host and Origin included), for MCP tools that cannot send a header, such as the conformance CLI.
 */
export function authProxy(target: string, apiKey: string): Promise<ServedMcp> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const headers = { ...req.headers, authorization: `Bearer ${apiKey}` };
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${to.pathname}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
